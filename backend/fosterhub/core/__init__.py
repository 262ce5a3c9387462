"""Cross-cutting pieces every domain uses: database, tenancy, errors, pagination, audit, outbox."""
