"""Public enquiries that arrive at the same moment: on PostgreSQL they are written in batches
(`core.batches`), on SQLite one after another; either way each is whole and answered alone."""

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.core import batches
from fosterhub.core.models import AuditEvent, OutboxMessage
from fosterhub.enquiries import service
from fosterhub.enquiries.models import Enquiry, StageTransition
from tests.conftest import World, assert_problem, is_postgres
from tests.factories import enquiry_body

URL = "/api/v1/enquiries"


async def _count(db: AsyncSession, table: Any, *where: Any) -> int:
    found = int(await db.scalar(select(func.count()).select_from(table).where(*where)) or 0)
    await db.commit()
    return found


def _person(n: int) -> dict[str, Any]:
    return enquiry_body(
        contact={
            "email": f"person{n}@example.org",
            "first_name": "Person " + "abcdefghijklmnopqrstuvwxyz"[n % 26],
        }
    )


@pytest.fixture
def batch_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every batch written (PostgreSQL only; SQLite writes in the request)."""
    sizes: list[int] = []
    write = batches.StatementBatch._write

    async def recorded(self: batches.StatementBatch, batch: list[Any]) -> None:
        sizes.append(len(batch))
        await write(self, batch)

    monkeypatch.setattr(batches.StatementBatch, "_write", recorded)
    return sizes


async def test_enquiries_arriving_together_are_each_written_whole(
    client: httpx.AsyncClient, world: World, batch_sizes: list[int]
) -> None:
    answers = await asyncio.gather(*(client.post(URL, json=_person(n)) for n in range(24)))
    assert [a.status_code for a in answers] == [201] * 24, answers[0].text
    ids = {a.json()["id"] for a in answers}
    references = {a.json()["reference"] for a in answers}
    assert len(ids) == len(references) == 24

    stored = (await world.db.execute(select(Enquiry.id, Enquiry.reference, Enquiry.email))).all()
    await world.db.commit()
    assert {(row.id, row.reference) for row in stored} == {
        (a.json()["id"], a.json()["reference"]) for a in answers
    }
    assert {row.email for row in stored} == {f"person{n}@example.org" for n in range(24)}
    for table, where in (
        (StageTransition, StageTransition.enquiry_id.in_(ids)),
        (OutboxMessage, OutboxMessage.kind == "email"),
        (AuditEvent, AuditEvent.record_id.in_(ids)),
    ):
        assert await _count(world.db, table, where) == 24
    if is_postgres:
        # Fewer round trips than enquiries: at least one batch held several, and none more
        # than the limit (24 > 16: the crowd was split, so the next batch could be ready).
        assert sum(batch_sizes) == 24 and 1 < max(batch_sizes) <= batches.LIMIT
    else:
        assert batch_sizes == []


async def test_the_same_person_twice_in_one_burst_is_linked(
    client: httpx.AsyncClient, world: World
) -> None:
    answers = await asyncio.gather(
        *(client.post(URL, json=enquiry_body()) for _ in range(2)),
        *(client.post(URL, json=_person(n)) for n in range(6)),
    )
    assert [a.status_code for a in answers] == [201] * 8
    first, second = (a.json()["id"] for a in answers[:2])
    rows = await world.db.execute(
        select(Enquiry.id, Enquiry.duplicate_of_id).where(Enquiry.id.in_([first, second]))
    )
    links = {row.id: row.duplicate_of_id for row in rows}
    await world.db.commit()
    # Whichever was written first is the enquiry; the other is linked to it.
    assert links in ({first: None, second: first}, {first: second, second: None})


async def test_one_enquiry_that_cannot_be_written_fails_alone(
    client: httpx.AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = (await client.post(URL, json=_person(99))).json()["reference"]
    made = iter(range(1000))
    real = service.short_code

    def code(length: int, prefix: str = "") -> str:
        # The fourth enquiry draws a reference that is already taken (a 1 in 31^8 chance).
        return taken if next(made) == 3 else real(length, prefix)

    monkeypatch.setattr(service, "short_code", code)
    answers = await asyncio.gather(*(client.post(URL, json=_person(n)) for n in range(8)))
    assert sorted(a.status_code for a in answers) == [201] * 7 + [409]
    assert_problem(next(a for a in answers if a.status_code == 409), 409)
    assert await _count(world.db, Enquiry) == 1 + 7
    assert await _count(world.db, StageTransition) == 1 + 7
    assert await _count(world.db, OutboxMessage, OutboxMessage.kind == "email") == 1 + 7
