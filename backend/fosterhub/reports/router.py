"""HTTP for reports: a council's own figures, and a region's suppressed roll-ups.

Every report answers JSON by default and a flat CSV table for `Accept: text/csv`.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from fosterhub.core.db import DbSession
from fosterhub.core.errors import problem_responses
from fosterhub.reports import service, tables
from fosterhub.reports.dependencies import (
    From,
    OfstedYear,
    RegionalViewer,
    ReportCouncil,
    To,
    ViewersRegion,
)
from fosterhub.reports.schemas import (
    FunnelReport,
    OfstedReturn,
    RegionalFunnel,
    RegionalOfsted,
    RegionalRetention,
    RegionalSources,
    RegionalTimeInStage,
    RegionalWithdrawals,
    RetentionReport,
    SourcesReport,
    SplitBy,
    TimeInStageReport,
    WithdrawalsReport,
)

router = APIRouter(tags=["reports"])
CSV = "text/csv"
M = TypeVar("M", bound=BaseModel)

_CSV_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The report; a flat CSV table (attachment) for `Accept: text/csv`",
        "content": {CSV: {"schema": {"type": "string"}}},
    }
}
COUNCIL_ERRORS = {**_CSV_ANSWER, **problem_responses(401, 403, 422)}
REGION_ERRORS = {**_CSV_ANSWER, **problem_responses(401, 403, 404, 422)}
SUPPRESSION = (
    " Aggregates only, by council and for the region: any count from 1 to 4 reads "
    '`"fewer than 5"`, and any share, rate, median or average made from such a count is null.'
)


def wants_csv(request: Request) -> bool:
    """True when the client prefers text/csv to JSON (a tie goes to whichever comes first)."""
    best: dict[str, tuple[float, int]] = {}
    for position, part in enumerate(request.headers.get("accept", "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media.lower() in (CSV, "application/json") and quality > 0:
            best.setdefault(media.lower(), (quality, -position))
    if CSV not in best:
        return False
    return "application/json" not in best or best[CSV] > best["application/json"]


def answer(
    request: Request, report: M, table: Callable[[M], tables.Table], filename: str
) -> M | Response:
    if not wants_csv(request):
        return report
    return Response(
        tables.render(table(report)),
        media_type=f"{CSV}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def _name(*parts: object) -> str:
    return "-".join(str(p) for p in parts if p is not None)


# A council's own reports


@router.get(
    "/reports/funnel",
    operation_id="reports:funnel",
    summary="The recruitment funnel: how far each enquiry got, and what moved in the period",
    description=(
        "`cohort`: enquiries received in the period (repeats left out) by the furthest pipeline "
        "stage each reached, with the conversion between consecutive stages, and where they are "
        "now. `activity`: moves into each stage that happened in the period, whenever the "
        "enquiry arrived. `by` adds the same figures per channel, campaign code, event, "
        "ambassador code, or referred/not referred. The period defaults to the 12 months to "
        "today."
    ),
    response_model=FunnelReport,
    responses=COUNCIL_ERRORS,
)
async def funnel(
    request: Request,
    session: DbSession,
    council: ReportCouncil,
    from_: From = None,
    to: To = None,
    by: SplitBy | None = None,
) -> Any:
    span = service.period(from_, to, default_year=True)
    report = await service.funnel(session, council, span, by)
    name = _name("funnel", council.slug, span.first, span.last, by)
    return answer(request, report, tables.funnel, name)


@router.get(
    "/reports/time-in-stage",
    operation_id="reports:time_in_stage",
    summary="How long each step takes against the council's targets, and what is overdue",
    description=(
        "For each stage, the moves on to the next stage made in the period: how many, the "
        "median and 90th percentile of the days spent in the stage (working days where the "
        "council's target for the next stage is in working days), and how many took longer "
        "than that target. `overdue` is today's open work past its due time, longest first "
        "(references only). The period defaults to the 12 months to today."
    ),
    response_model=TimeInStageReport,
    responses=COUNCIL_ERRORS,
)
async def time_in_stage(
    request: Request, session: DbSession, council: ReportCouncil, from_: From = None, to: To = None
) -> Any:
    span = service.period(from_, to, default_year=True)
    report = await service.time_in_stage(session, council, span)
    name = _name("time-in-stage", council.slug, span.first, span.last)
    return answer(request, report, tables.time_in_stage, name)


@router.get(
    "/reports/sources",
    operation_id="reports:sources",
    summary="Where enquiries come from and how far they get, per channel and campaign code",
    description=(
        "Enquiries received in the period (all time by default), per channel and per campaign "
        "code: how many, the share that reached an initial visit and an application, approvals, "
        "the no-response rate, and for codes with a known cost the cost per enquiry and per "
        "approval (the code's whole cost over the enquiries counted)."
    ),
    response_model=SourcesReport,
    responses=COUNCIL_ERRORS,
)
async def sources(
    request: Request, session: DbSession, council: ReportCouncil, from_: From = None, to: To = None
) -> Any:
    span = service.period(from_, to, default_year=False)
    report = await service.sources(session, council, span)
    return answer(
        request, report, tables.sources, _name("sources", council.slug, span.first, span.last)
    )


@router.get(
    "/reports/withdrawals",
    operation_id="reports:withdrawals",
    summary="Withdrawals by Ofsted reason code and by the stage they left at",
    description="Withdrawals made in the period (all time by default).",
    response_model=WithdrawalsReport,
    responses=COUNCIL_ERRORS,
)
async def withdrawals(
    request: Request, session: DbSession, council: ReportCouncil, from_: From = None, to: To = None
) -> Any:
    span = service.period(from_, to, default_year=False)
    report = await service.withdrawals(session, council, span)
    name = _name("withdrawals", council.slug, span.first, span.last)
    return answer(request, report, tables.withdrawals, name)


@router.get(
    "/reports/retention",
    operation_id="reports:retention",
    summary="Carer households gained and lost, years fostering, places and vacancies",
    description=(
        "Households approved and deregistered (by reason) in the period, the net change, the "
        "households approved at its end with their places and average years fostering, and "
        "today's households, places and vacancies (places of approved households not on hold). "
        "The period defaults to the 12 months to today."
    ),
    response_model=RetentionReport,
    responses=COUNCIL_ERRORS,
)
async def retention(
    request: Request, session: DbSession, council: ReportCouncil, from_: From = None, to: To = None
) -> Any:
    span = service.period(from_, to, default_year=True)
    report = await service.retention(session, council, span)
    name = _name("retention", council.slug, span.first, span.last)
    return answer(request, report, tables.retention, name)


@router.get(
    "/reports/ofsted-return",
    operation_id="reports:ofsted_return",
    summary="The figures of Ofsted's fostering data collection for a year from 1 April",
    description="Each figure is defined in docs/reports.md.",
    response_model=OfstedReturn,
    responses=COUNCIL_ERRORS,
)
async def ofsted_return(
    request: Request, session: DbSession, council: ReportCouncil, year: OfstedYear
) -> Any:
    number, span = year
    report = await service.ofsted_return(session, council, number, span)
    return answer(request, report, tables.ofsted_return, _name("ofsted", council.slug, number))


# A region's roll-ups


@router.get(
    "/regions/{slug}/reports/funnel",
    operation_id="reports:regional_funnel",
    summary="The region's funnel, by council and in total",
    description="As `/reports/funnel` without splits." + SUPPRESSION,
    response_model=RegionalFunnel,
    responses=REGION_ERRORS,
)
async def regional_funnel(
    request: Request,
    session: DbSession,
    region: ViewersRegion,
    _caller: RegionalViewer,
    from_: From = None,
    to: To = None,
) -> Any:
    span = service.period(from_, to, default_year=True)
    report = await service.regional_funnel(session, region, span)
    name = _name("funnel", region.slug, span.first, span.last)
    return answer(request, report, tables.regional_funnel, name)


@router.get(
    "/regions/{slug}/reports/time-in-stage",
    operation_id="reports:regional_time_in_stage",
    summary="The region's time in stage, by council and in total",
    description="As `/reports/time-in-stage`, with overdue counts and no list." + SUPPRESSION,
    response_model=RegionalTimeInStage,
    responses=REGION_ERRORS,
)
async def regional_time_in_stage(
    request: Request,
    session: DbSession,
    region: ViewersRegion,
    _caller: RegionalViewer,
    from_: From = None,
    to: To = None,
) -> Any:
    span = service.period(from_, to, default_year=True)
    report = await service.regional_time_in_stage(session, region, span)
    name = _name("time-in-stage", region.slug, span.first, span.last)
    return answer(request, report, tables.regional_time_in_stage, name)


@router.get(
    "/regions/{slug}/reports/sources",
    operation_id="reports:regional_sources",
    summary="The region's enquiries per channel, by council and in total",
    description="As `/reports/sources` per channel (campaign codes are councils' own)."
    + SUPPRESSION,
    response_model=RegionalSources,
    responses=REGION_ERRORS,
)
async def regional_sources(
    request: Request,
    session: DbSession,
    region: ViewersRegion,
    _caller: RegionalViewer,
    from_: From = None,
    to: To = None,
) -> Any:
    span = service.period(from_, to, default_year=False)
    report = await service.regional_sources(session, region, span)
    name = _name("sources", region.slug, span.first, span.last)
    return answer(request, report, tables.regional_sources, name)


@router.get(
    "/regions/{slug}/reports/withdrawals",
    operation_id="reports:regional_withdrawals",
    summary="The region's withdrawals, by council and in total",
    description="As `/reports/withdrawals`." + SUPPRESSION,
    response_model=RegionalWithdrawals,
    responses=REGION_ERRORS,
)
async def regional_withdrawals(
    request: Request,
    session: DbSession,
    region: ViewersRegion,
    _caller: RegionalViewer,
    from_: From = None,
    to: To = None,
) -> Any:
    span = service.period(from_, to, default_year=False)
    report = await service.regional_withdrawals(session, region, span)
    name = _name("withdrawals", region.slug, span.first, span.last)
    return answer(request, report, tables.regional_withdrawals, name)


@router.get(
    "/regions/{slug}/reports/retention",
    operation_id="reports:regional_retention",
    summary="The region's carer households, by council and in total",
    description="As `/reports/retention`." + SUPPRESSION,
    response_model=RegionalRetention,
    responses=REGION_ERRORS,
)
async def regional_retention(
    request: Request,
    session: DbSession,
    region: ViewersRegion,
    _caller: RegionalViewer,
    from_: From = None,
    to: To = None,
) -> Any:
    span = service.period(from_, to, default_year=True)
    report = await service.regional_retention(session, region, span)
    name = _name("retention", region.slug, span.first, span.last)
    return answer(request, report, tables.regional_retention, name)


@router.get(
    "/regions/{slug}/reports/ofsted-return",
    operation_id="reports:regional_ofsted_return",
    summary="The region's Ofsted return figures, by council and in total",
    description="As `/reports/ofsted-return`." + SUPPRESSION,
    response_model=RegionalOfsted,
    responses=REGION_ERRORS,
)
async def regional_ofsted_return(
    request: Request,
    session: DbSession,
    region: ViewersRegion,
    _caller: RegionalViewer,
    year: OfstedYear,
) -> Any:
    number, span = year
    report = await service.regional_ofsted_return(session, region, number, span)
    return answer(
        request, report, tables.regional_ofsted_return, _name("ofsted", region.slug, number)
    )
