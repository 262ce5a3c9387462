"""Every report as one flat table, for `Accept: text/csv`: a header and rows, long format."""

import csv
import io
from collections.abc import Iterator
from typing import Any

from fosterhub.reports.schemas import (
    Activity,
    CampaignSource,
    ChannelSource,
    Cohort,
    CouncilOfsted,
    CouncilRetention,
    CouncilWithdrawals,
    FunnelReport,
    OfstedReturn,
    RegionalActivity,
    RegionalChannelSource,
    RegionalCohort,
    RegionalFunnel,
    RegionalOfsted,
    RegionalRetention,
    RegionalSources,
    RegionalStageTime,
    RegionalTimeInStage,
    RegionalWithdrawals,
    RetentionReport,
    SourcesReport,
    StageTime,
    TimeInStageReport,
    WithdrawalsReport,
)

Table = tuple[list[str], list[list[Any]]]

FUNNEL = ["view", "stage", "count", "conversion_from_previous", "from_stage", "rate"]
STAGE_TIME = [
    "section",
    "stage",
    "next_stage",
    "count",
    "unit",
    "median_days",
    "p90_days",
    "target_amount",
    "target_unit",
    "target_from_stage",
    "over_target",
    "share_over_target",
]
SOURCE = [
    "enquiries",
    "reached_initial_visit",
    "share_initial_visit",
    "reached_application",
    "share_application",
    "approvals",
    "no_response",
    "no_response_rate",
]
WITHDRAWALS = ["breakdown", "code", "stage", "count"]
MEASURES = ["measure", "detail", "value"]


def _funnel_rows(
    cohort: Cohort | RegionalCohort, activity: Activity | RegionalActivity
) -> Iterator[list[Any]]:
    for s in cohort.stages:
        yield ["cohort_reached", s.stage, s.reached, s.conversion_from_previous, None, None]
    for c in cohort.conversions:
        yield ["conversion", c.to_stage, None, None, c.from_stage, c.rate]
    yield ["cohort_now", "open", cohort.open, None, None, None]
    for o in cohort.closed:
        yield ["cohort_now", o.outcome, o.count, None, None, None]
    for e in activity.entered:
        yield ["activity", e.stage, e.count, None, None, None]


def funnel(report: FunnelReport) -> Table:
    """One block of rows per group; for `by=event` a group's label is the event's title and
    `group_starts_on` its day."""
    rows = [["all", None, None, *r] for r in _funnel_rows(report.cohort, report.activity)]
    for split in report.splits:
        day = split.starts_on.isoformat() if split.starts_on else None
        rows += [
            [split.key, split.label, day, *r] for r in _funnel_rows(split.cohort, split.activity)
        ]
    return ["group", "group_label", "group_starts_on", *FUNNEL], rows


def regional_funnel(report: RegionalFunnel) -> Table:
    """One block of rows per council and the region (`group` "all"), then the same for each
    group of the split (`group` its key)."""
    rows = []
    blocks = [("all", [*report.councils, report.total])]
    blocks += [(split.key, [*split.councils, split.total]) for split in report.splits]
    for group, councils in blocks:
        for c in councils:
            rows += [[c.council, *r, group] for r in _funnel_rows(c.cohort, c.activity)]
    return ["council", *FUNNEL, "group"], rows


def _stage_rows(stages: list[StageTime] | list[RegionalStageTime]) -> Iterator[list[Any]]:
    for s in stages:
        t = s.target
        yield [
            "stage",
            s.stage,
            s.next_stage,
            s.moves,
            s.unit,
            s.median_days,
            s.p90_days,
            t.amount if t else None,
            t.unit if t else None,
            t.from_stage if t else None,
            s.over_target,
            s.share_over_target,
        ]


def _blank(n: int) -> list[None]:
    return [None] * n


def time_in_stage(report: TimeInStageReport) -> Table:
    rows = [[*r, None, None] for r in _stage_rows(report.stages)]
    for count in report.overdue.by_stage:
        rows.append(["overdue_count", count.stage, None, count.count, *_blank(10)])
    for item in report.overdue.items:
        rows.append(["overdue", item.stage, *_blank(10), item.reference, item.due_at.isoformat()])
    return [*STAGE_TIME, "reference", "due_at"], rows


def regional_time_in_stage(report: RegionalTimeInStage) -> Table:
    rows = []
    for c in [*report.councils, report.total]:
        rows += [[c.council, *r] for r in _stage_rows(c.stages)]
        for count in c.overdue.by_stage:
            rows.append([c.council, "overdue_count", count.stage, None, count.count, *_blank(8)])
    return ["council", *STAGE_TIME], rows


def _figures(f: ChannelSource | RegionalChannelSource | CampaignSource) -> list[Any]:
    return [getattr(f, name) for name in SOURCE]


COSTS = [
    "cost_pence",
    "cost_per_enquiry_pence",
    "cost_per_approval_pence",
    "cost_enquiries",
    "cost_approvals",
]


def sources(report: SourcesReport) -> Table:
    """`cost_enquiries` and `cost_approvals` are what a cost is divided by: for a campaign
    every enquiry (approval) it ever brought, for a channel those of its costed campaigns."""
    rows = [
        [
            "channel",
            c.channel,
            None,
            None,
            *_figures(c),
            c.cost_pence,
            c.cost_per_enquiry_pence,
            c.cost_per_approval_pence,
            c.costed_enquiries,
            c.costed_approvals,
        ]
        for c in report.channels
    ]
    for c in report.campaigns:
        rows.append(
            [
                "campaign",
                c.code,
                c.name,
                c.kind,
                *_figures(c),
                c.cost_pence,
                c.cost_per_enquiry_pence,
                c.cost_per_approval_pence,
                c.lifetime_enquiries,
                c.lifetime_approvals,
            ]
        )
    return ["section", "key", "name", "kind", *SOURCE, *COSTS], rows


def regional_sources(report: RegionalSources) -> Table:
    rows = [
        [c.council, ch.channel, *_figures(ch)]
        for c in [*report.councils, report.total]
        for ch in c.channels
    ]
    return ["council", "channel", *SOURCE], rows


def _withdrawal_rows(w: WithdrawalsReport | CouncilWithdrawals) -> Iterator[list[Any]]:
    yield ["total", None, None, w.total]
    for c in w.by_code:
        yield ["code", c.code, None, c.count]
    for s in w.by_stage:
        yield ["stage", None, s.stage, s.count]
    for p in w.by_code_and_stage:
        yield ["code_and_stage", p.code, p.stage, p.count]


def withdrawals(report: WithdrawalsReport) -> Table:
    return WITHDRAWALS, list(_withdrawal_rows(report))


def regional_withdrawals(report: RegionalWithdrawals) -> Table:
    rows = [[c.council, *r] for c in [*report.councils, report.total] for r in _withdrawal_rows(c)]
    return ["council", *WITHDRAWALS], rows


def _retention_rows(r: RetentionReport | CouncilRetention) -> Iterator[list[Any]]:
    yield ["approved", None, r.approved]
    yield ["deregistered", None, r.deregistered]
    for reason in r.deregistered_by_reason:
        yield ["deregistered", reason.reason, reason.count]
    yield ["net_change", None, r.net_change]
    yield ["average_years_fostering_of_leavers", None, r.average_years_fostering_of_leavers]
    on = r.at_end.on.isoformat()
    yield ["households_at_end", on, r.at_end.households]
    yield ["places_at_end", on, r.at_end.places]
    yield ["average_years_fostering_at_end", on, r.at_end.average_years_fostering]
    yield ["current_households", None, r.current.households]
    yield ["current_on_hold", None, r.current.on_hold]
    yield ["current_places", None, r.current.places]
    yield ["current_vacancies", None, r.current.vacancies]


def retention(report: RetentionReport) -> Table:
    return MEASURES, list(_retention_rows(report))


def regional_retention(report: RegionalRetention) -> Table:
    rows = [[c.council, *r] for c in [*report.councils, report.total] for r in _retention_rows(c)]
    return ["council", *MEASURES], rows


def _ofsted_rows(o: OfstedReturn | CouncilOfsted) -> Iterator[list[Any]]:
    yield ["initial_enquiries", None, o.initial_enquiries]
    yield ["applications_received", None, o.applications_received]
    yield ["approvals", None, o.approvals]
    yield ["applications_withdrawn", None, o.applications_withdrawn]
    yield ["applications_turned_down", None, o.applications_turned_down]
    for c in o.withdrawal_reasons:
        yield ["withdrawal_reason", c.code, c.count]
    yield ["households_at_31_march", None, o.households_at_31_march]
    yield ["places_at_31_march", None, o.places_at_31_march]
    yield ["deregistrations", None, o.deregistrations]
    for r in o.deregistrations_by_reason:
        yield ["deregistrations", r.reason, r.count]


def ofsted_return(report: OfstedReturn) -> Table:
    return MEASURES, list(_ofsted_rows(report))


def regional_ofsted_return(report: RegionalOfsted) -> Table:
    rows = [[c.council, *r] for c in [*report.councils, report.total] for r in _ofsted_rows(c)]
    return ["council", *MEASURES], rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        # A spreadsheet would run a campaign called "=HYPERLINK(...)": keep it text.
        return "'" + value
    return value


def render(table: Table) -> str:
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()
