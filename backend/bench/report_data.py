"""A million enquiries with their histories for the report benchmarks, made in PostgreSQL.

Set-based `generate_series` inserts (a minute, not the Python seed's much longer run), shaped
like `fosterhub seed-demo --enquiries`: the demo region's councils, three years, about 70%
contacted, 6% applying and 3% approved, most of the rest closed with a reason. Deterministic
(`setseed`) and made once: a database that already has them is left alone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

if TYPE_CHECKING:
    from .scenarios import BenchContext

PREFIX = "BX-"
ENQUIRIES = 1_000_000

_PLAN = """
CREATE TEMP TABLE bench_plan AS
SELECT g AS n,
       gen_random_uuid()::text AS id,
       councils.ids[1 + g % array_length(councils.ids, 1)] AS council_id,
       now() - interval '3 years' * power(random(), 0.9) AS received_at,
       (ARRAY['website','social_media','print','event','radio_tv','word_of_mouth',
              'referral','partner_venue','other'])[1 + floor(random() * 9)::int] AS channel,
       CASE WHEN r < 0.30 THEN 0 WHEN r < 0.75 THEN 1 WHEN r < 0.94 THEN 2
            WHEN r < 0.95 THEN 3 WHEN r < 0.965 THEN 4 WHEN r < 0.97 THEN 5 ELSE 6 END AS depth,
       random() AS closing,
       1 + floor(random() * 12)::int AS pace
FROM (SELECT g, random() AS r FROM generate_series(1, :total) AS g) AS draws,
     (SELECT array_agg(id ORDER BY slug) AS ids FROM council) AS councils
"""

_ENQUIRIES = """
INSERT INTO enquiry (id, council_id, reference, stage, furthest_stage, received_at,
                     stage_entered_at, due_at, closed_at, close_reason, first_name, last_name,
                     interests, channel, privacy_notice_version, contact_ok, marketing_ok,
                     consent_at, failed_contact_attempts, version, created_at, updated_at)
SELECT id, council_id, :prefix || lpad(n::text, 8, '0'),
       stage, (ARRAY['enquiry','initial_contact','initial_visit','application','assessment',
               'panel','approved'])[depth + 1], received_at, received_at,
       CASE WHEN outcome IS NULL THEN received_at + interval '1 day' END,
       CASE WHEN outcome IS NOT NULL THEN received_at + interval '1 day' * pace * (depth + 1) END,
       reason, 'Bench', 'Enquirer', '["short_term"]', channel, '2026-01', true, false,
       received_at, 0, 1, now(), now()
FROM (
  SELECT p.*,
         CASE WHEN depth < 6 AND closing < 0.6
              THEN CASE WHEN depth = 0 THEN 'no_response' WHEN closing < 0.45 THEN 'withdrawn'
                        ELSE 'not_progressed' END END AS outcome,
         CASE WHEN depth < 6 AND closing < 0.6
              THEN CASE WHEN depth = 0 THEN 'NR1'
                        WHEN closing < 0.45 THEN 'AW' || (floor(closing * 13)::int % 6)
                        ELSE 'NP1' END END AS reason
  FROM bench_plan p
) AS planned,
LATERAL (SELECT COALESCE(outcome, (ARRAY['enquiry','initial_contact','initial_visit',
              'application','assessment','panel','approved'])[depth + 1]) AS stage) AS s
"""

_TRANSITIONS = """
INSERT INTO stage_transition (id, council_id, enquiry_id, from_stage, from_entered_at, to_stage,
                              reason_code, occurred_at)
SELECT gen_random_uuid()::text, e.council_id, e.id, stages[k + 1],
       CASE WHEN k > 0 THEN e.received_at + interval '1 day' * p.pace * (k - 1)
                                           + interval '1 hour' * ((k - 1) * 3) END,
       stages[k + 2], NULL,
       e.received_at + interval '1 day' * p.pace * k + interval '1 hour' * (k * 3)
FROM enquiry e
JOIN bench_plan p ON p.id = e.id,
     LATERAL generate_series(0, p.depth) AS k,
     (SELECT ARRAY[NULL,'enquiry','initial_contact','initial_visit','application','assessment',
                   'panel','approved'] AS stages) AS pipeline
UNION ALL
SELECT gen_random_uuid()::text, e.council_id, e.id,
       (ARRAY['enquiry','initial_contact','initial_visit','application','assessment',
              'panel'])[p.depth + 1],
       e.received_at + interval '1 day' * p.pace * p.depth + interval '1 hour' * (p.depth * 3),
       e.stage, e.close_reason, e.closed_at
FROM enquiry e JOIN bench_plan p ON p.id = e.id
WHERE e.closed_at IS NOT NULL
"""

_KEEPER = "stage_transition_furthest"


async def ensure_enquiries(database_url: str, total: int = ENQUIRIES) -> int:
    """Adds `total` benchmark enquiries unless they are there already. Returns how many."""
    engine = create_async_engine(database_url)
    made = 0
    try:
        async with engine.begin() as conn:
            have = await conn.scalar(
                text("SELECT count(*) FROM enquiry WHERE reference LIKE :p"), {"p": PREFIX + "%"}
            )
            if not have or have < total:
                await conn.execute(
                    text("DELETE FROM enquiry WHERE reference LIKE :p"), {"p": PREFIX + "%"}
                )
                await conn.execute(text("SELECT setseed(0.2026)"))
                await conn.execute(text(_PLAN), {"total": total})
                await conn.execute(text(_ENQUIRIES), {"prefix": PREFIX})
                # The enquiries' furthest stages are written with them: the trigger that
                # keeps them on each move would only update a million rows again.
                await conn.execute(text(f"ALTER TABLE stage_transition DISABLE TRIGGER {_KEEPER}"))
                await conn.execute(text(_TRANSITIONS))
                await conn.execute(text(f"ALTER TABLE stage_transition ENABLE TRIGGER {_KEEPER}"))
                made = total
        async with engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            # Fresh statistics and a visibility map, as autovacuum keeps a database in service
            # (earlier runs' public enquiries leave pages that index-only scans must visit).
            await conn.execute(text("VACUUM ANALYZE enquiry"))
            await conn.execute(text("VACUUM ANALYZE stage_transition"))
            await _prewarm(conn)
        return made
    finally:
        await engine.dispose()


async def _prewarm(conn: AsyncConnection) -> None:
    """Reads the two big tables and their indexes into PostgreSQL's buffers, as a database in
    service has its working set in memory, so the first measured requests do not pay for
    reading a cold disk. Skipped where `pg_prewarm` (part of PostgreSQL) cannot be created.
    Give PostgreSQL shared buffers the size of the data (about 3 GB here) for it to stay."""
    try:
        await conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_prewarm"))
    except DBAPIError:
        return
    await conn.execute(
        text(
            "SELECT pg_prewarm(c.oid::regclass) FROM pg_class c "
            "WHERE c.relname IN ('enquiry', 'stage_transition') OR c.oid IN ("
            "  SELECT indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
            "  WHERE t.relname IN ('enquiry', 'stage_transition'))"
        )
    )


# The demo's manager of the demo region's largest council (fosterhub seed-demo).
MANAGER = "manager.liverpool@example.org"


async def setup(ctx: BenchContext) -> None:
    """The million enquiries (once), a manager's token, and the 12 months to today."""
    if "manager_token" in ctx.state:
        return
    made = await ensure_enquiries(ctx.database_url)
    if made:
        print(f"   {made:,} benchmark enquiries made.", flush=True)
    from fosterhub.seed.demo import DEMO_PASSWORD

    async with httpx.AsyncClient(base_url=ctx.ours_url, timeout=30) as client:
        response = await client.post(
            "/api/v1/auth/login", json={"email": MANAGER, "password": DEMO_PASSWORD}
        )
        response.raise_for_status()
    ctx.state["manager_token"] = f"Bearer {response.json()['access_token']}"
    today = datetime.now(UTC).date()
    ctx.state["report_period"] = (today - timedelta(days=364), today)
