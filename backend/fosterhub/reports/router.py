"""HTTP for reports: a council's own figures, and a region's suppressed roll-ups.

Every report answers JSON by default and a flat CSV table for `Accept: text/csv`. Each report
is declared once (`_report`): what it is called, which dates it takes, how the service builds
it for a council and for a region, and how each is flattened into CSV; the two routes
(`/reports/{name}` and `/regions/{slug}/reports/{name}`) are made from that.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.core.db import DbSession
from fosterhub.core.errors import problem_responses
from fosterhub.councils.models import Council, Region
from fosterhub.reports import service, tables
from fosterhub.reports.dependencies import (
    From,
    OfstedYear,
    RegionalReader,
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
    RegionalSplitBy,
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
    '`"fewer than 5"`; a figure from which such a count could be worked out by subtraction '
    '(a total, or a part beside it) reads `"withheld"`; any share or rate made from a hidden '
    "count, and any median or average of 1 to 4 things, is null. For the region's "
    "`regional_viewer` people, and partner clients with `reports:read` whose council is in the "
    "region (404 for another region)."
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


# What a report is asked for: its dates (and split), and the parts of its CSV file name


@dataclass(frozen=True)
class Choice:
    span: service.ReportPeriod
    file_parts: tuple[object, ...]
    year: int = 0
    by: SplitBy | RegionalSplitBy | None = None


def last_12_months(from_: From = None, to: To = None) -> Choice:
    """The period; by default the 12 months to today."""
    span = service.period(from_, to, default_year=True)
    return Choice(span, (span.first, span.last))


def all_time(from_: From = None, to: To = None) -> Choice:
    """The period; by default unlimited on both sides."""
    span = service.period(from_, to, default_year=False)
    return Choice(span, (span.first, span.last))


def last_12_months_split(from_: From = None, to: To = None, by: SplitBy | None = None) -> Choice:
    span = service.period(from_, to, default_year=True)
    return Choice(span, (span.first, span.last, by), by=by)


def last_12_months_regional_split(
    from_: From = None, to: To = None, by: RegionalSplitBy | None = None
) -> Choice:
    span = service.period(from_, to, default_year=True)
    return Choice(span, (span.first, span.last, by), by=by)


def collection_year(year: OfstedYear) -> Choice:
    number, span = year
    return Choice(span, (number,), year=number)


Chooser = Callable[..., Choice]
CouncilBuild = Callable[[AsyncSession, Council, Choice], Awaitable[Any]]
RegionBuild = Callable[[AsyncSession, Region, Choice], Awaitable[Any]]


@dataclass(frozen=True)
class Side:
    """One side of a report: a council's own, or a region's roll-up."""

    summary: str
    description: str
    model: type[BaseModel]
    table: Callable[[Any], tables.Table]


def _report(
    path: str,
    file: str,
    *,
    council: Side,
    council_build: CouncilBuild,
    council_choice: Chooser,
    region: Side,
    region_build: RegionBuild,
    region_choice: Chooser,
) -> None:
    """Adds `GET /reports/{path}` (the caller's council) and `GET /regions/{slug}/reports/{path}`
    (regional viewers), operation ids `reports:{name}` and `reports:regional_{name}`."""
    name = path.replace("-", "_")
    CouncilChoice = Annotated[Choice, Depends(council_choice)]
    RegionChoice = Annotated[Choice, Depends(region_choice)]

    async def council_report(
        request: Request, session: DbSession, caller_council: ReportCouncil, choice: CouncilChoice
    ) -> Any:
        report = await council_build(session, caller_council, choice)
        filename = _name(file, caller_council.slug, *choice.file_parts)
        return answer(request, report, council.table, filename)

    async def regional_report(
        request: Request,
        session: DbSession,
        viewers_region: ViewersRegion,
        _caller: RegionalReader,
        choice: RegionChoice,
    ) -> Any:
        report = await region_build(session, viewers_region, choice)
        filename = _name(file, viewers_region.slug, *choice.file_parts)
        return answer(request, report, region.table, filename)

    router.add_api_route(
        f"/reports/{path}",
        council_report,
        methods=["GET"],
        operation_id=f"reports:{name}",
        summary=council.summary,
        description=council.description,
        response_model=council.model,
        responses=COUNCIL_ERRORS,
        name=name,
    )
    router.add_api_route(
        f"/regions/{{slug}}/reports/{path}",
        regional_report,
        methods=["GET"],
        operation_id=f"reports:regional_{name}",
        summary=region.summary,
        description=region.description + SUPPRESSION,
        response_model=region.model,
        responses=REGION_ERRORS,
        name=f"regional_{name}",
    )


_report(
    "funnel",
    "funnel",
    council=Side(
        summary="The recruitment funnel: how far each enquiry got, and what moved in the period",
        description=(
            "`cohort`: enquiries received in the period (repeats left out) by the furthest "
            "pipeline stage each reached, with the conversion from each stage to the next and "
            "between every pair of stages (`conversions`), and where they are now. `activity`: "
            "moves into each stage that happened in the period, whenever the enquiry arrived. "
            "`by` adds the same figures per channel, campaign code, event (with its title and "
            "day where the council may name it), ambassador code, or referred/not referred. The "
            "period defaults to the 12 months to today."
        ),
        model=FunnelReport,
        table=tables.funnel,
    ),
    council_build=lambda s, c, x: service.funnel(s, c, x.span, x.by),
    council_choice=last_12_months_split,
    region=Side(
        summary="The region's funnel, by council and in total",
        description=(
            "As `/reports/funnel`; `by` splits it by channel or by referred/not referred only "
            "(campaign codes and events are councils' own), each group by council and in total."
        ),
        model=RegionalFunnel,
        table=tables.regional_funnel,
    ),
    region_build=lambda s, r, x: service.regional_funnel(s, r, x.span, x.by),
    region_choice=last_12_months_regional_split,
)

_report(
    "time-in-stage",
    "time-in-stage",
    council=Side(
        summary="How long each step takes against the council's targets, and what is overdue",
        description=(
            "For each stage, the moves on to the next stage made in the period: how many, the "
            "median and 90th percentile of the days spent in the stage (working days where the "
            "council's target for the next stage is in working days), and how many took longer "
            "than that target. `overdue` is today's open work past its due time, longest first "
            "(references only). The period defaults to the 12 months to today."
        ),
        model=TimeInStageReport,
        table=tables.time_in_stage,
    ),
    council_build=lambda s, c, x: service.time_in_stage(s, c, x.span),
    council_choice=last_12_months,
    region=Side(
        summary="The region's time in stage, by council and in total",
        description="As `/reports/time-in-stage`, with overdue counts and no list.",
        model=RegionalTimeInStage,
        table=tables.regional_time_in_stage,
    ),
    region_build=lambda s, r, x: service.regional_time_in_stage(s, r, x.span),
    region_choice=last_12_months,
)

_report(
    "sources",
    "sources",
    council=Side(
        summary="Where enquiries come from and how far they get, per channel and campaign code",
        description=(
            "Enquiries received in the period (all time by default), per channel and per "
            "campaign code: how many, the share that reached an initial visit and an "
            "application, approvals, the no-response rate, and where costs are known the cost "
            "per enquiry and per approval: a campaign code's whole cost over every enquiry "
            "(approval) it ever brought, and for a channel the costs of its campaigns over "
            "everything those campaigns brought, whatever the period."
        ),
        model=SourcesReport,
        table=tables.sources,
    ),
    council_build=lambda s, c, x: service.sources(s, c, x.span),
    council_choice=all_time,
    region=Side(
        summary="The region's enquiries per channel, by council and in total",
        description=(
            "As `/reports/sources` per channel, without costs (campaign codes and their costs "
            "are councils' own)."
        ),
        model=RegionalSources,
        table=tables.regional_sources,
    ),
    region_build=lambda s, r, x: service.regional_sources(s, r, x.span),
    region_choice=all_time,
)

_report(
    "withdrawals",
    "withdrawals",
    council=Side(
        summary="Withdrawals by Ofsted reason code and by the stage they left at",
        description="Withdrawals made in the period (all time by default).",
        model=WithdrawalsReport,
        table=tables.withdrawals,
    ),
    council_build=lambda s, c, x: service.withdrawals(s, c, x.span),
    council_choice=all_time,
    region=Side(
        summary="The region's withdrawals, by council and in total",
        description="As `/reports/withdrawals`.",
        model=RegionalWithdrawals,
        table=tables.regional_withdrawals,
    ),
    region_build=lambda s, r, x: service.regional_withdrawals(s, r, x.span),
    region_choice=all_time,
)

_report(
    "retention",
    "retention",
    council=Side(
        summary="Carer households gained and lost, years fostering, places and vacancies",
        description=(
            "Households approved and deregistered (by reason) in the period, the net change, "
            "the households approved at its end with their places and average years fostering, "
            "and today's households, places and vacancies (places of approved households not "
            "on hold). The period defaults to the 12 months to today."
        ),
        model=RetentionReport,
        table=tables.retention,
    ),
    council_build=lambda s, c, x: service.retention(s, c, x.span),
    council_choice=last_12_months,
    region=Side(
        summary="The region's carer households, by council and in total",
        description="As `/reports/retention`.",
        model=RegionalRetention,
        table=tables.regional_retention,
    ),
    region_build=lambda s, r, x: service.regional_retention(s, r, x.span),
    region_choice=last_12_months,
)

_report(
    "ofsted-return",
    "ofsted",
    council=Side(
        summary="The figures of Ofsted's fostering data collection for a year from 1 April",
        description="Each figure is defined in docs/reports.md.",
        model=OfstedReturn,
        table=tables.ofsted_return,
    ),
    council_build=lambda s, c, x: service.ofsted_return(s, c, x.year, x.span),
    council_choice=collection_year,
    region=Side(
        summary="The region's Ofsted return figures, by council and in total",
        description="As `/reports/ofsted-return`.",
        model=RegionalOfsted,
        table=tables.regional_ofsted_return,
    ),
    region_build=lambda s, r, x: service.regional_ofsted_return(s, r, x.year, x.span),
    region_choice=collection_year,
)
