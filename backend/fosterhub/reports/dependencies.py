"""Who may read reports, the period and year parameters, and the region in the path."""

from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query

from fosterhub.auth.dependencies import Caller, require
from fosterhub.core.db import DbSession
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Council, Region
from fosterhub.reports import service
from fosterhub.reports.exceptions import OtherRegion

ReportReader = Annotated[Caller, Depends(require("manager", "admin", scopes=("reports:read",)))]
RegionalViewer = Annotated[Caller, Depends(require("regional_viewer", people_only=True))]

From = Annotated[
    date | None,
    Query(alias="from", description="First day of the period, YYYY-MM-DD (UTC days)"),
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
    caller: RegionalViewer,
) -> Region:
    """The region in the path: 404 when there is none, 403 when it is not the viewer's."""
    region = await councils_service.get_region(session, slug)
    if caller.region_id != region.id:
        raise OtherRegion()
    return region


ViewersRegion = Annotated[Region, Depends(viewers_region)]


def year_period(year: Year = None) -> tuple[int, service.ReportPeriod]:
    return service.ofsted_year(year)


OfstedYear = Annotated[tuple[int, service.ReportPeriod], Depends(year_period)]
