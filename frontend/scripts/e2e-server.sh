#!/usr/bin/env bash
# A throwaway backend for the browser journeys: a fresh SQLite file in a temporary directory,
# migrated and loaded with the demo region, serving the fresh build from frontend/dist.
# Playwright starts it (webServer in playwright.config.ts) and stops it at the end.
set -euo pipefail

frontend="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(dirname "$frontend")"
bin="$repo/.venv/bin"
port="${E2E_PORT:-8765}"
work="$(mktemp -d -t fosterhub-e2e.XXXXXX)"

export DATABASE_URL="sqlite+aiosqlite:///$work/e2e.sqlite3"
# Where the journeys find this server's database, to read what only email carries (the
# cancellation link of a confirmation) and to load postcode data: one file per port.
pointer="${TMPDIR:-/tmp}/fosterhub-e2e-$port.database"
echo "$work/e2e.sqlite3" > "$pointer"
export FRONTEND_DIST="${E2E_FRONTEND_DIST:-$frontend/dist}"
export ENVIRONMENT=development
export SECRET_KEY="e2e-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export RATE_LIMIT_LOGIN="1000/minute"
export RATE_LIMIT_ENQUIRY="1000/minute"
export LOG_LEVEL=WARNING
# Campaign QR codes and carers' share links point here, so a scan stays on the test server.
export PUBLIC_BASE_URL="http://127.0.0.1:$port"

test -f "$FRONTEND_DIST/index.html" || { echo "no build in $FRONTEND_DIST: run make frontend-build" >&2; exit 1; }
cd "$work"  # no stray .env from the repository
"$bin/fosterhub" migrate >/dev/null
# A few hundred synthetic enquiries with histories, so the pipeline, lists and pages have data.
"$bin/fosterhub" seed-demo --enquiries 300 >/dev/null

"$bin/fosterhub" serve --host 127.0.0.1 --port "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work" "$pointer"' EXIT
trap 'exit 0' TERM INT
wait "$server"
