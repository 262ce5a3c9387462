"""Enquiry histories written by hand: each move at a chosen time, so the right figures are known."""

from datetime import UTC, date, datetime
from typing import Any

from fosterhub.carers.models import CarerHousehold
from fosterhub.core.db import utcnow
from fosterhub.core.workdays import LONDON
from fosterhub.councils.models import Council
from fosterhub.enquiries.models import Enquiry, StageTransition
from fosterhub.enquiries.vocabulary import CLOSING
from tests import factories
from tests.conftest import World

# Whether moves carry `from_entered_at`, as the app's moves do. Histories written before that
# column existed have none, and the reports look the entries up instead: tests run both ways.
RECORD_ENTRIES = True


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def london(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A time on London's clock, in UTC: the reports' days and periods are London's."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def today() -> date:
    """Today on London's calendar, which the reports' default periods and years start from."""
    return utcnow().astimezone(LONDON).date()


def year_running() -> int:
    """The Ofsted collection year (from 1 April) that today is in: tests that ask for the
    default year, or for one too late, work it out from today so they never go stale."""
    now = today()
    return now.year if now >= date(now.year, 4, 1) else now.year - 1


async def history(
    world: World,
    council: Council,
    received: datetime,
    *moves: tuple[str, datetime] | tuple[str, datetime, str],
    **fields: Any,
) -> Enquiry:
    """An enquiry received at `received` that then made `moves` ((stage, when[, reason]))."""
    stage = moves[-1][0] if moves else "enquiry"
    enquiry = await factories.make_enquiry(
        world,
        council,
        received_at=received,
        stage=stage,
        due_at=fields.pop("due_at", None),
        **fields,
    )
    previous, previous_at = "enquiry", received
    for move in moves:
        to, when = move[0], move[1]
        reason = move[2] if len(move) > 2 else None
        world.db.add(
            StageTransition(
                council_id=council.id,
                enquiry_id=enquiry.id,
                from_stage=previous,
                from_entered_at=previous_at if RECORD_ENTRIES else None,
                to_stage=to,
                reason_code=reason,
                occurred_at=when,
            )
        )
        previous, previous_at = to, when
    if moves:
        enquiry.stage_entered_at = moves[-1][1]
        if stage in CLOSING:
            enquiry.closed_at, enquiry.close_reason = (
                moves[-1][1],
                moves[-1][2] if len(moves[-1]) > 2 else None,
            )
    await world.db.commit()
    return enquiry


async def household(
    world: World,
    council: Council,
    approved_on: date,
    *,
    places: int = 1,
    status: str = "approved",
    deregistered_on: date | None = None,
    reason: str | None = None,
) -> CarerHousehold:
    return await factories.make_household(
        world,
        council,
        approved_on=approved_on,
        places=places,
        status="deregistered" if deregistered_on else status,
        deregistered_on=deregistered_on,
        deregistration_reason=reason,
    )
