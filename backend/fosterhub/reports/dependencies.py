"""Who may read reports, the period and year parameters, and the region in the path."""

from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query

from fosterhub.auth.dependencies import Caller, require
from fosterhub.core.db import DbSession
from fosterhub.councils import service as councils_service
from fosterhub.councils.exceptions import RegionNotFound
from fosterhub.councils.models import Council, Region
from fosterhub.reports import service
from fosterhub.reports.exceptions import OtherRegion

ReportReader = Annotated[Caller, Depends(require("manager", "admin", scopes=("reports:read",)))]
# A region's aggregates: its regional viewers, and partner clients (a regional hub's machine
# token) with `reports:read` whose council is in the region.
RegionalReader = Annotated[Caller, Depends(require("regional_viewer", scopes=("reports:read",)))]

From = Annotated[
    date | None,
    Query(
        alias="from",
        description="First day of the period, YYYY-MM-DD (London's days: the period starts at "
        "midnight in Europe/London)",
    ),
]
To = Annotated[date | None, Query(description="Last day of the period, included")]
Year = Annotated[
    int | None,
    Query(
        ge=2000,
        le=2100,
        description="The collection year starting 1 April (2025 = April 2025 to March 2026); "
        "by default the last complete one",
    ),
]


async def callers_council(session: DbSession, caller: ReportReader) -> Council:
    return await service.council_of(session, caller.council_id)


ReportCouncil = Annotated[Council, Depends(callers_council)]


async def viewers_region(
    slug: Annotated[str, Path(max_length=64, description="The region's slug")],
    session: DbSession,
    caller: RegionalReader,
) -> Region:
    """The region in the path: 404 when there is none, 403 when it is not the viewer's; for a
    partner client, 404 unless its own council is in it (as another council's record is)."""
    region = await councils_service.get_region(session, slug)
    if caller.kind == "client":
        council = await service.council_of(session, caller.council_id)
        if council.region_id != region.id:
            raise RegionNotFound(f"No region called '{slug}' on this service.")
        return region
    if caller.region_id != region.id:
        raise OtherRegion()
    return region


ViewersRegion = Annotated[Region, Depends(viewers_region)]


def year_period(year: Year = None) -> tuple[int, service.ReportPeriod]:
    return service.ofsted_year(year)


OfstedYear = Annotated[tuple[int, service.ReportPeriod], Depends(year_period)]
