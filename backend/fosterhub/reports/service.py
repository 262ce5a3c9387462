"""The reports: periods checked, SQL aggregates shaped, regional figures suppressed.

Every figure comes from `repository` as an aggregate row; this module only arranges those few
rows (and adds up per-council rows into a region's total), never loops over records.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.concurrency import run_in_threadpool

from fosterhub.core import audit
from fosterhub.core.db import utcnow
from fosterhub.core.errors import InvalidInput
from fosterhub.core.workdays import LONDON
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Council, Region
from fosterhub.enquiries.vocabulary import (
    CHANNELS,
    CLOSING,
    NEXT_STAGE,
    OPEN_STAGES,
    PIPELINE,
    REASONS,
    STAGES,
)
from fosterhub.events import repository as events_repository
from fosterhub.reports import repository
from fosterhub.reports.disclosure import PLAIN, Disclosure, Figures
from fosterhub.reports.repository import PREVIOUS, RANK, Scope, StepTarget, Window
from fosterhub.reports.schemas import (
    CampaignSource,
    ChannelSource,
    FunnelReport,
    FunnelSplit,
    OfstedReturn,
    OverdueItem,
    OverdueList,
    Period,
    RegionalFunnel,
    RegionalOfsted,
    RegionalRetention,
    RegionalSources,
    RegionalTimeInStage,
    RegionalWithdrawals,
    RetentionReport,
    SourcesReport,
    Target,
    TimeInStageReport,
    WithdrawalsReport,
)

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
EARLIEST_YEAR = 2000
APPLICATION_STAGES = ("application", "assessment", "panel")
WITHDRAWAL_CODES = REASONS["withdrawn"]
DAYS_A_YEAR = 365.25


# The builders below take `fig`: `PLAIN` for a council's own figures, or a region's report's
# `Disclosure` (reports/disclosure.py), which suppresses small counts and what would reveal them.


# Periods


@dataclass(frozen=True)
class ReportPeriod:
    first: date | None
    last: date | None

    @property
    def window(self) -> Window:
        return Window(
            _instant(self.first), _instant(self.last + timedelta(days=1) if self.last else None)
        )

    @property
    def shown(self) -> Period:
        return Period.model_validate({"from": self.first, "to": self.last})


def _instant(day: date | None) -> datetime | None:
    # A period's days are London's: each starts at midnight there.
    if day is None:
        return None
    return datetime.combine(day, time(0), tzinfo=LONDON).astimezone(UTC)


def today() -> date:
    return utcnow().astimezone(LONDON).date()


def period(first: date | None, last: date | None, *, default_year: bool) -> ReportPeriod:
    """The period a report covers, both days included. With `default_year` a missing end is
    today and a missing start a year before the end; otherwise missing means unlimited."""
    for name, value in (("from", first), ("to", last)):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise InvalidInput.field(name, f"Must be between {EARLIEST} and {LATEST}")
    if default_year:
        last = last or today()
        first = first or _year_before(last)
    if first is not None and last is not None and first > last:
        raise InvalidInput.field("from", "Must be on or before `to`")
    return ReportPeriod(first, last)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + timedelta(days=1)


def ofsted_year(year: int | None) -> tuple[int, ReportPeriod]:
    """The collection year from 1 April to 31 March; by default the last complete one."""
    now = today()
    current = now.year if now >= date(now.year, 4, 1) else now.year - 1
    if year is None:
        year = current - 1
    if not EARLIEST_YEAR <= year <= current:
        raise InvalidInput.field(
            "year", f"Must be between {EARLIEST_YEAR} and {current} (the year now running)"
        )
    return year, ReportPeriod(date(year, 4, 1), date(year + 1, 3, 31))


# Councils and regions


async def council_of(session: AsyncSession, council_id: str) -> Council:
    return await councils_service.get_by_id(session, council_id)


def region_councils(region: Region) -> list[Council]:
    return sorted((c for c in region.councils if c.is_active), key=lambda c: c.name)


def _scope(councils: Sequence[Council], *, regional: bool) -> Scope:
    return Scope(tuple(c.id for c in councils), regional=regional)


def _by_council(rows: Iterable[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.council_id if hasattr(row, "council_id") else row.key].append(row)
    return grouped


# Funnel


def _cohort(now: Iterable[Any], entered: Iterable[Any], fig: Figures) -> dict[str, Any]:
    """`now`: the cohort by current stage; `entered`: how many entered each later stage."""
    closed = dict.fromkeys(CLOSING, 0)
    total = still_open = 0
    for row in now:
        total += row.count
        if row.stage in closed:
            closed[row.stage] += row.count
        elif row.stage in OPEN_STAGES:
            still_open += row.count
    counts = dict.fromkeys(PIPELINE[1:], 0)
    for row in entered:
        counts[row.stage] += row.count
    # The cohort's size is also the first stage's figure: one count, shown twice.
    enquiries = fig.count(total)
    reached = [enquiries, *(fig.count(n) for n in counts.values())]
    open_now = fig.count(still_open)
    closed_now = {o: fig.count(n) for o, n in closed.items()}
    # Every enquiry of the cohort is still open, closed, or approved (which nothing leaves).
    fig.adds_up(enquiries, [open_now, *closed_now.values(), reached[-1]])
    return dict(
        enquiries=enquiries,
        stages=[
            dict(
                stage=stage,
                reached=reached[i],
                conversion_from_previous=None if i == 0 else fig.rate(reached[i], reached[i - 1]),
            )
            for i, stage in enumerate(PIPELINE)
        ],
        # Between every pair of stages along the pipeline, the later over the earlier.
        conversions=[
            dict(from_stage=start, to_stage=end, rate=fig.rate(reached[j], reached[i]))
            for i, start in enumerate(PIPELINE)
            for j, end in enumerate(PIPELINE)
            if i < j
        ],
        open=open_now,
        closed=[dict(outcome=o, count=n) for o, n in closed_now.items()],
    )


def _activity(rows: Iterable[Any], fig: Figures) -> dict[str, Any]:
    entered = dict.fromkeys(STAGES, 0)
    for row in rows:
        if row.stage in entered:
            entered[row.stage] += row.count
    return dict(entered=[dict(stage=s, count=fig.count(n)) for s, n in entered.items()])


def _funnel_figures(
    now: Iterable[Any], entered: Iterable[Any], moves: Iterable[Any], fig: Figures
) -> dict[str, Any]:
    cohort, activity = _cohort(now, entered, fig), _activity(moves, fig)
    # Activity's `enquiry` counts the same enquiries received as the cohort (where it does).
    fig.adds_up(cohort["enquiries"], [activity["entered"][0]["count"]])
    return dict(cohort=cohort, activity=activity)


@dataclass
class _Groups:
    """Aggregate rows of a split funnel, by group key (and, for a region, by council)."""

    now: dict[Any, list[Any]]
    entered: dict[Any, list[Any]]
    activity: dict[Any, list[Any]]
    labels: dict[Any, str | None]

    @classmethod
    def of(cls, now: list[Any], entered: list[Any], activity: list[Any]) -> "_Groups":
        groups = cls(defaultdict(list), defaultdict(list), defaultdict(list), {})
        for part, rows in (("now", now), ("entered", entered), ("activity", activity)):
            for row in rows:
                getattr(groups, part)[row.key].append(row)
                groups.labels.setdefault(row.key, row.label)
        return groups

    def ordered(self) -> list[Any]:
        return sorted(self.labels, key=lambda k: (k is None, str(self.labels[k] or k)))


async def funnel(
    session: AsyncSession, council: Council, span: ReportPeriod, by: str | None
) -> FunnelReport:
    scope, window = _scope([council], regional=False), span.window
    now = await repository.cohort_now(session, scope, window, None)
    entered = await repository.cohort_reached(session, scope, window, None)
    activity = await repository.activity(session, scope, window, None)
    splits: list[FunnelSplit] = []
    split = repository.split_for(by)
    if split is not None:
        groups = _Groups.of(
            await repository.cohort_now(session, scope, window, split),
            await repository.cohort_reached(session, scope, window, split),
            await repository.activity(session, scope, window, split),
        )
        labels = groups.labels
        days: dict[str | None, date] = {}
        if by == "event":
            named = await events_repository.titles(
                session, council.id, {k for k in labels if k is not None}
            )
            for key, (title, starts_at) in named.items():
                # The day it starts on London's calendar, as every other day in the reports.
                labels[key], days[key] = title, starts_at.astimezone(LONDON).date()
        splits = [
            FunnelSplit(
                key=key if key is not None else "none",
                label=labels[key],
                starts_on=days.get(key),
                **_funnel_figures(
                    groups.now[key], groups.entered[key], groups.activity[key], PLAIN
                ),
            )
            for key in groups.ordered()
        ]
    return FunnelReport(
        council=council.slug,
        period=span.shown,
        by=by,
        stages=list(PIPELINE),
        **_funnel_figures(now, entered, activity, PLAIN),
        splits=splits,
    )


async def _resolved(fig: Disclosure, tree: dict[str, Any]) -> dict[str, Any]:
    """What a regional report's figures read. Deciding that searches the report's sums (a few
    seconds of CPU for a region's funnel with its splits): in a worker thread, so that the
    requests in flight beside it go on meanwhile."""
    shown: dict[str, Any] = await run_in_threadpool(fig.resolve, tree)
    return shown


def _council_rows(
    councils: Sequence[Council], build: Callable[[str], dict[str, Any]]
) -> list[dict[str, Any]]:
    return [dict(council=c.slug, name=c.name, **build(c.id)) for c in councils]


def _regional_funnel_rows(
    councils: Sequence[Council],
    region: Region,
    now: dict[str, list[Any]],
    entered: dict[str, list[Any]],
    moves: dict[str, list[Any]],
    fig: Figures,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Each council's funnel and the region's, whose figures are the councils' added up."""
    rows = _council_rows(
        councils, lambda cid: _funnel_figures(now[cid], entered[cid], moves[cid], fig)
    )
    total = dict(
        council="total",
        name=region.name,
        **_funnel_figures(_all(now), _all(entered), _all(moves), fig),
    )
    fig.adds_up_trees(total, rows)
    return rows, total


# The splits of a region's funnel (campaign codes and events are councils' own).
REGIONAL_SPLITS = ("channel", "referral")


async def regional_funnel(
    session: AsyncSession, region: Region, span: ReportPeriod, by: str | None = None
) -> RegionalFunnel:
    councils = region_councils(region)
    scope, window = _scope(councils, regional=True), span.window
    fig = Disclosure()
    split = repository.split_for("council")
    rows, total = _regional_funnel_rows(
        councils,
        region,
        _by_council(await repository.cohort_now(session, scope, window, split)),
        _by_council(await repository.cohort_reached(session, scope, window, split)),
        _by_council(await repository.activity(session, scope, window, split)),
        fig,
    )
    # Every split the region's funnel offers is built and its sums declared, whichever was
    # asked for: each answer for the period then hides the same figures, so that no figure of
    # one answer (the unsplit 6) less figures of another (a split's 5) gives a hidden one away.
    every: dict[str, list[dict[str, Any]]] = {}
    for name in REGIONAL_SPLITS:
        grouping = repository.split_for(name)
        assert grouping is not None
        groups = _Groups.of(*await repository.split_by_council(session, scope, window, grouping))
        parts = every[name] = []
        for key in groups.ordered():
            group_rows, group_total = _regional_funnel_rows(
                councils,
                region,
                _by_council(groups.now[key]),
                _by_council(groups.entered[key]),
                _by_council(groups.activity[key]),
                fig,
            )
            parts.append(
                dict(key=key if key is not None else "none", councils=group_rows, total=group_total)
            )
        # The groups add up to each council's figures and to the region's.
        for i, row in enumerate(rows):
            fig.adds_up_trees(row, [part["councils"][i] for part in parts])
        fig.adds_up_trees(total, [part["total"] for part in parts])
    splits = every[by] if by is not None else []
    shown = await _resolved(fig, dict(councils=rows, total=total, splits=splits))
    return RegionalFunnel(
        region=region.slug, period=span.shown, by=by, stages=list(PIPELINE), **shown
    )


def _all(grouped: dict[str, list[Any]]) -> list[Any]:
    return [row for rows in grouped.values() for row in rows]


# Time in stage


def _targets(council: Council) -> list[StepTarget]:
    settings = councils_service.settings_of(council)
    return [
        StepTarget(
            council_id=council.id,
            stage=stage,
            from_stage=target.from_stage or PREVIOUS[stage],
            amount=target.amount,
            unit=target.unit,
        )
        for stage, target in settings.stage_targets.items()
        if stage in PREVIOUS
    ]


def _stage_times(
    rows: Iterable[Any], targets: Sequence[StepTarget], working: set[str], fig: Figures
) -> list[dict[str, Any]]:
    by_stage = {row.stage: row for row in rows}
    target_for = {t.stage: t for t in targets}
    out = []
    for stage in OPEN_STAGES:
        following = NEXT_STAGE[stage]
        row = by_stage.get(stage)
        moves = fig.count(int(row.moves) if row else 0)
        target = target_for.get(following)
        entry = dict(
            stage=stage,
            next_stage=following,
            moves=moves,
            unit="working_days" if following in working else "calendar_days",
            median_days=fig.over(row.median if row else None, moves),
            p90_days=fig.over(row.p90 if row else None, moves),
            target=Target(amount=target.amount, unit=target.unit, from_stage=target.from_stage)
            if target
            else None,
            over_target=None,
            share_over_target=None,
        )
        if target:
            _judge(entry, row, fig)
        out.append(entry)
    return out


def _judge(entry: dict[str, Any], row: Any, fig: Figures) -> None:
    """The over-target count and share of a stage's moves."""
    over = fig.count(int(row.over_target or 0) if row else 0)
    # The moves judged by a target (not shown: a divisor only).
    judged = fig.count(int(row.with_target or 0) if row else 0, shown=False)
    entry["over_target"] = over
    entry["share_over_target"] = fig.rate(over, judged, guards=(entry["moves"],))


def _working(targets: Sequence[StepTarget]) -> set[str]:
    return {t.stage for t in targets if t.unit == "working_days"}


def _overdue(rows: Iterable[Any], fig: Figures) -> dict[str, Any]:
    counts = dict.fromkeys(OPEN_STAGES, 0)
    for row in rows:
        counts[row.stage] += row.count
    by_stage = {s: fig.count(n) for s, n in counts.items()}
    total = fig.count(sum(counts.values()))
    fig.adds_up(total, by_stage.values())
    return dict(count=total, by_stage=[dict(stage=s, count=n) for s, n in by_stage.items()])


async def time_in_stage(
    session: AsyncSession, council: Council, span: ReportPeriod
) -> TimeInStageReport:
    scope, now = _scope([council], regional=False), utcnow()
    targets = _targets(council)
    working = _working(targets)
    rows = await repository.time_in_stage(
        session, scope, span.window, targets, {(council.id, s) for s in working}, by_council=False
    )
    overdue = _overdue(await repository.overdue_counts(session, scope, now), PLAIN)
    listed = await repository.overdue_list(session, scope, now)
    items = [
        OverdueItem(reference=r.reference, stage=r.stage, due_at=r.due_at)
        for r in listed[: repository.OVERDUE_LIST_LIMIT]
    ]
    # The list names enquiries by reference: its reading is recorded like a list of enquiries.
    audit.record(
        session, "list", "enquiry", "*", detail={"report": "time-in-stage", "count": len(items)}
    )
    return TimeInStageReport(
        council=council.slug,
        period=span.shown,
        as_of=now,
        stages=_stage_times(rows, targets, working, PLAIN),
        overdue=OverdueList(
            count=overdue["count"],
            by_stage=overdue["by_stage"],
            items=items,
            items_truncated=len(listed) > repository.OVERDUE_LIST_LIMIT,
        ),
    )


async def regional_time_in_stage(
    session: AsyncSession, region: Region, span: ReportPeriod
) -> RegionalTimeInStage:
    councils = region_councils(region)
    scope, now = _scope(councils, regional=True), utcnow()
    targets = {c.id: _targets(c) for c in councils}
    every = [t for ts in targets.values() for t in ts]
    working = {c.id: _working(targets[c.id]) for c in councils}
    per_council = await repository.time_in_stage(
        session,
        scope,
        span.window,
        every,
        {(cid, s) for cid, stages in working.items() for s in stages},
        by_council=True,
    )
    # The region's unit for a stage is working days only where every council counts so.
    region_working = set.intersection(*working.values()) if working else set()
    total = await repository.time_in_stage(
        session, scope, span.window, every, {(None, s) for s in region_working}, by_council=False
    )
    overdue = _by_council(await repository.overdue_counts(session, scope, now))
    grouped = _by_council(per_council)
    fig = Disclosure()
    rows = _council_rows(
        councils,
        lambda cid: dict(
            stages=_stage_times(grouped[cid], targets[cid], working[cid], fig),
            overdue=_overdue(overdue[cid], fig),
        ),
    )
    region_row = dict(
        council="total",
        name=region.name,
        stages=_region_stage_times(total, every, region_working, fig),
        overdue=_overdue(_all(overdue), fig),
    )
    fig.adds_up_trees(region_row, rows)
    return RegionalTimeInStage(
        region=region.slug,
        period=span.shown,
        as_of=now,
        **await _resolved(fig, dict(councils=rows, total=region_row)),
    )


def _region_stage_times(
    rows: Iterable[Any], targets: Sequence[StepTarget], working: set[str], fig: Figures
) -> list[dict[str, Any]]:
    # Each council's moves are judged by its own target, so the region shows no single target.
    rows = list(rows)
    timed = _stage_times(rows, [], working, fig)
    by_stage = {row.stage: row for row in rows}
    targeted = {t.stage for t in targets}
    for entry in timed:
        if entry["next_stage"] in targeted:
            _judge(entry, by_stage.get(entry["stage"]), fig)
    return timed


# Sources


def _source_figures(row: "_Sum | None", fig: Figures) -> dict[str, Any]:
    row = row or _Sum()
    n, visit, application = (
        fig.count(row.enquiries),
        fig.count(row.initial_visit),
        fig.count(row.application),
    )
    silent = fig.count(row.no_response)
    return {
        "enquiries": n,
        "reached_initial_visit": visit,
        "share_initial_visit": fig.rate(visit, n),
        "reached_application": application,
        "share_application": fig.rate(application, n),
        "approvals": fig.count(row.approved),
        "no_response": silent,
        "no_response_rate": fig.rate(silent, n),
    }


@dataclass
class _Sum:
    enquiries: int = 0
    initial_visit: int = 0
    application: int = 0
    approved: int = 0
    no_response: int = 0


def _source_sums(
    now: Iterable[Any], entered: Iterable[Any], key: Callable[[Any], Any]
) -> dict[Any, _Sum]:
    sums: dict[Any, _Sum] = defaultdict(_Sum)
    for row in now:
        found = sums[key(row)]
        found.enquiries += row.count
        if row.stage == "no_response":
            found.no_response += row.count
    for row in entered:
        if row.stage in ("initial_visit", "application", "approved"):
            found = sums[key(row)]
            setattr(found, row.stage, getattr(found, row.stage) + row.count)
    return sums


def _channel_keys(sums: dict[Any, Any]) -> list[str]:
    return [*CHANNELS, *sorted(set(sums) - set(CHANNELS))]


def _channels(sums: dict[Any, _Sum], fig: Figures) -> list[dict[str, Any]]:
    return [dict(channel=ch, **_source_figures(sums.get(ch), fig)) for ch in _channel_keys(sums)]


def _per(cost: int | None, n: int) -> int | None:
    return None if cost is None or n == 0 else round(cost / n)


async def sources(session: AsyncSession, council: Council, span: ReportPeriod) -> SourcesReport:
    scope, window = _scope([council], regional=False), span.window
    channels = _source_sums(
        *await repository.sources(session, scope, window, "channel"), lambda r: r.key
    )
    by_campaign = _source_sums(
        *await repository.sources(session, scope, window, "campaign"), lambda r: r.key
    )
    # Costs are whole campaigns', so they are divided by everything the campaigns ever brought.
    results = {r.campaign_id: r for r in await repository.campaign_results(session, scope)}
    costs = {r.channel: r for r in await repository.channel_costs(session, scope)}
    campaigns = []
    for c in await repository.campaigns(session, scope):
        sums = by_campaign.get(c.id) or _Sum()
        ever = results.get(c.id)
        lifetime_enquiries = int(ever.enquiries) if ever else 0
        lifetime_approvals = int(ever.approvals) if ever else 0
        campaigns.append(
            CampaignSource(
                campaign_id=c.id,
                code=c.code,
                name=c.name,
                kind=c.kind,
                channel=c.channel,
                cost_pence=c.cost_pence,
                lifetime_enquiries=lifetime_enquiries,
                lifetime_approvals=lifetime_approvals,
                cost_per_enquiry_pence=_per(c.cost_pence, lifetime_enquiries),
                cost_per_approval_pence=_per(c.cost_pence, lifetime_approvals),
                **_source_figures(sums, PLAIN),
            )
        )
    return SourcesReport(
        council=council.slug,
        period=span.shown,
        channels=[
            ChannelSource(
                channel=ch,
                **_source_figures(channels.get(ch), PLAIN),
                **_channel_cost(costs.get(ch)),
            )
            for ch in _channel_keys({**channels, **costs})
        ],
        campaigns=campaigns,
    )


def _channel_cost(row: Any | None) -> dict[str, Any]:
    """The known costs of a channel's campaigns, over what those campaigns ever brought."""
    if row is None:
        return dict(
            cost_pence=None,
            costed_enquiries=0,
            costed_approvals=0,
            cost_per_enquiry_pence=None,
            cost_per_approval_pence=None,
        )
    cost, enquiries, approvals = int(row.cost_pence), int(row.enquiries), int(row.approvals)
    return dict(
        cost_pence=cost,
        costed_enquiries=enquiries,
        costed_approvals=approvals,
        cost_per_enquiry_pence=_per(cost, enquiries),
        cost_per_approval_pence=_per(cost, approvals),
    )


async def regional_sources(
    session: AsyncSession, region: Region, span: ReportPeriod
) -> RegionalSources:
    councils = region_councils(region)
    scope = _scope(councils, regional=True)
    now, entered = await repository.sources(session, scope, span.window, "channel")
    per_council = _source_sums(now, entered, lambda r: (r.council_id, r.key))
    total = _source_sums(now, entered, lambda r: r.key)
    fig = Disclosure()
    rows = _council_rows(
        councils,
        lambda cid: dict(
            channels=_channels({k: v for (c, k), v in per_council.items() if c == cid}, fig)
        ),
    )
    region_row = dict(council="total", name=region.name, channels=_channels(total, fig))
    fig.adds_up_trees(region_row, rows)
    return RegionalSources(
        region=region.slug,
        period=span.shown,
        **await _resolved(fig, dict(councils=rows, total=region_row)),
    )


# Withdrawals


def _withdrawal_figures(rows: Iterable[Any], fig: Figures) -> dict[str, Any]:
    by_code = dict.fromkeys(WITHDRAWAL_CODES, 0)
    by_stage = dict.fromkeys(OPEN_STAGES, 0)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        code = row.reason or "AW0"
        by_code[code] = by_code.get(code, 0) + row.count
        stage = row.from_stage or "enquiry"
        by_stage[stage] = by_stage.get(stage, 0) + row.count
        pairs[(code, stage)] += row.count
    total = fig.count(sum(by_code.values()))
    codes = {c: fig.count(n) for c, n in by_code.items()}
    stages = {s: fig.count(n) for s, n in by_stage.items()}
    ordered = sorted(
        ((p, n) for p, n in pairs.items() if n),
        key=lambda p: (_code_order(p[0][0]), RANK.get(p[0][1], 99)),
    )
    cells = {p: fig.count(n) for p, n in ordered}
    # The codes and the stages each add up to the total; each pair to its code and its stage.
    fig.adds_up(total, codes.values())
    fig.adds_up(total, stages.values())
    for code, cell in codes.items():
        fig.adds_up(cell, [n for (c, _), n in cells.items() if c == code])
    for stage, cell in stages.items():
        fig.adds_up(cell, [n for (_, s), n in cells.items() if s == stage])
    return {
        "total": total,
        "by_code": [
            dict(code=c, text=WITHDRAWAL_CODES.get(c, c), count=n) for c, n in codes.items()
        ],
        "by_stage": [dict(stage=s, count=n) for s, n in stages.items()],
        "by_code_and_stage": [dict(code=c, stage=s, count=n) for (c, s), n in cells.items()],
    }


def _code_order(code: str) -> int:
    codes = list(WITHDRAWAL_CODES)
    return codes.index(code) if code in codes else len(codes)


async def withdrawals(
    session: AsyncSession, council: Council, span: ReportPeriod
) -> WithdrawalsReport:
    scope = _scope([council], regional=False)
    rows = await repository.closing_moves(session, scope, span.window, ["withdrawn"])
    return WithdrawalsReport(
        council=council.slug, period=span.shown, **_withdrawal_figures(rows, PLAIN)
    )


async def regional_withdrawals(
    session: AsyncSession, region: Region, span: ReportPeriod
) -> RegionalWithdrawals:
    councils = region_councils(region)
    scope = _scope(councils, regional=True)
    grouped = _by_council(
        await repository.closing_moves(session, scope, span.window, ["withdrawn"])
    )
    fig = Disclosure()
    rows = _council_rows(councils, lambda cid: _withdrawal_figures(grouped[cid], fig))
    region_row = dict(council="total", name=region.name, **_withdrawal_figures(_all(grouped), fig))
    fig.adds_up_trees(region_row, rows)
    return RegionalWithdrawals(
        region=region.slug,
        period=span.shown,
        **await _resolved(fig, dict(councils=rows, total=region_row)),
    )


# Retention


_HOUSEHOLD_FIELDS = (
    "approved",
    "deregistered",
    "leavers_days",
    "end_households",
    "end_places",
    "end_days",
    "current_households",
    "current_on_hold",
    "current_places",
    "current_vacancies",
)


def _household_sums(rows: Iterable[Any]) -> dict[str, int]:
    sums = dict.fromkeys(_HOUSEHOLD_FIELDS, 0)
    for row in rows:
        for name in _HOUSEHOLD_FIELDS:
            sums[name] += int(getattr(row, name) or 0)
    return sums


def _reasons(rows: Iterable[Any], fig: Figures) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.reason or "other"] += row.count
    return [dict(reason=r, count=fig.count(n)) for r, n in sorted(counts.items())]


def _retention_figures(
    sums: dict[str, int], reasons: Iterable[Any], last: date, fig: Figures
) -> dict[str, Any]:
    approved, left = fig.count(sums["approved"]), fig.count(sums["deregistered"])
    by_reason = _reasons(reasons, fig)
    fig.adds_up(left, [r["count"] for r in by_reason])
    households = fig.count(sums["end_households"])
    return {
        "approved": approved,
        "deregistered": left,
        "deregistered_by_reason": by_reason,
        # Shown only where both counts are: with one of them it would give the other away.
        "net_change": fig.difference(approved, left),
        "average_years_fostering_of_leavers": fig.over(
            sums["leavers_days"] / DAYS_A_YEAR / sums["deregistered"]
            if sums["deregistered"]
            else None,
            left,
            1,
        ),
        "at_end": dict(
            on=last,
            households=households,
            places=fig.count(sums["end_places"]),
            average_years_fostering=fig.over(
                sums["end_days"] / DAYS_A_YEAR / sums["end_households"]
                if sums["end_households"]
                else None,
                households,
                1,
            ),
        ),
        "current": dict(
            households=fig.count(sums["current_households"]),
            on_hold=fig.count(sums["current_on_hold"]),
            places=fig.count(sums["current_places"]),
            vacancies=fig.count(sums["current_vacancies"]),
        ),
    }


def _dates(span: ReportPeriod) -> tuple[date, date]:
    assert span.first is not None and span.last is not None
    return span.first, span.last


async def retention(session: AsyncSession, council: Council, span: ReportPeriod) -> RetentionReport:
    scope = _scope([council], regional=False)
    first, last = _dates(span)
    sums = _household_sums(await repository.households(session, scope, first, last))
    reasons = await repository.deregistrations(session, scope, first, last)
    return RetentionReport(
        council=council.slug, period=span.shown, **_retention_figures(sums, reasons, last, PLAIN)
    )


async def regional_retention(
    session: AsyncSession, region: Region, span: ReportPeriod
) -> RegionalRetention:
    councils = region_councils(region)
    scope = _scope(councils, regional=True)
    first, last = _dates(span)
    rows = _by_council(await repository.households(session, scope, first, last))
    reasons = _by_council(await repository.deregistrations(session, scope, first, last))
    fig = Disclosure()
    council_rows = _council_rows(
        councils,
        lambda cid: _retention_figures(_household_sums(rows[cid]), reasons[cid], last, fig),
    )
    region_row = dict(
        council="total",
        name=region.name,
        **_retention_figures(_household_sums(_all(rows)), _all(reasons), last, fig),
    )
    fig.adds_up_trees(region_row, council_rows)
    return RegionalRetention(
        region=region.slug,
        period=span.shown,
        **await _resolved(fig, dict(councils=council_rows, total=region_row)),
    )


# The Ofsted fostering data collection


@dataclass
class _OfstedRows:
    received: dict[str, list[Any]]
    applications: dict[str, list[Any]]
    closing: dict[str, list[Any]]
    households: dict[str, list[Any]]
    reasons: dict[str, list[Any]]


async def _ofsted_rows(session: AsyncSession, scope: Scope, span: ReportPeriod) -> _OfstedRows:
    first, last = _dates(span)
    window = span.window
    return _OfstedRows(
        received=_by_council(await repository.received(session, scope, window)),
        applications=_by_council(await repository.entries(session, scope, window, "application")),
        closing=_by_council(
            await repository.closing_moves(session, scope, window, ["withdrawn", "not_progressed"])
        ),
        households=_by_council(await repository.households(session, scope, first, last)),
        reasons=_by_council(await repository.deregistrations(session, scope, first, last)),
    )


def _ofsted_figures(
    received: list[Any],
    applications: list[Any],
    closing: list[Any],
    households: list[Any],
    reasons: list[Any],
    fig: Figures,
) -> dict[str, Any]:
    after_application = [r for r in closing if r.from_stage in APPLICATION_STAGES]
    withdrawn = [r for r in after_application if r.outcome == "withdrawn"]
    turned_down = sum(r.count for r in after_application if r.outcome == "not_progressed")
    codes = dict.fromkeys(WITHDRAWAL_CODES, 0)
    for row in withdrawn:
        code = row.reason or "AW0"
        codes[code] = codes.get(code, 0) + row.count
    sums = _household_sums(households)
    withdrawal_reasons = {c: fig.count(n) for c, n in codes.items()}
    applications_withdrawn = fig.count(sum(codes.values()))
    fig.adds_up(applications_withdrawn, withdrawal_reasons.values())
    by_reason = _reasons(reasons, fig)
    deregistrations = fig.count(sums["deregistered"])
    fig.adds_up(deregistrations, [r["count"] for r in by_reason])
    return {
        "initial_enquiries": fig.count(sum(r.count for r in received)),
        "applications_received": fig.count(sum(r.count for r in applications)),
        "approvals": fig.count(sums["approved"]),
        "applications_withdrawn": applications_withdrawn,
        "applications_turned_down": fig.count(turned_down),
        "withdrawal_reasons": [
            dict(code=c, text=WITHDRAWAL_CODES.get(c, c), count=n)
            for c, n in withdrawal_reasons.items()
        ],
        "households_at_31_march": fig.count(sums["end_households"]),
        "places_at_31_march": fig.count(sums["end_places"]),
        "deregistrations": deregistrations,
        "deregistrations_by_reason": by_reason,
    }


def _ofsted_for(data: _OfstedRows, council_id: str | None, fig: Figures) -> dict[str, Any]:
    def pick(grouped: dict[str, list[Any]]) -> list[Any]:
        return _all(grouped) if council_id is None else grouped[council_id]

    return _ofsted_figures(
        pick(data.received),
        pick(data.applications),
        pick(data.closing),
        pick(data.households),
        pick(data.reasons),
        fig,
    )


async def ofsted_return(
    session: AsyncSession, council: Council, year: int, span: ReportPeriod
) -> OfstedReturn:
    data = await _ofsted_rows(session, _scope([council], regional=False), span)
    _, last = _dates(span)
    return OfstedReturn(
        council=council.slug,
        year=year,
        period=span.shown,
        is_complete=today() > last,
        **_ofsted_for(data, council.id, PLAIN),
    )


async def regional_ofsted_return(
    session: AsyncSession, region: Region, year: int, span: ReportPeriod
) -> RegionalOfsted:
    councils = region_councils(region)
    data = await _ofsted_rows(session, _scope(councils, regional=True), span)
    _, last = _dates(span)
    fig = Disclosure()
    rows = _council_rows(councils, lambda cid: _ofsted_for(data, cid, fig))
    region_row = dict(council="total", name=region.name, **_ofsted_for(data, None, fig))
    fig.adds_up_trees(region_row, rows)
    return RegionalOfsted(
        region=region.slug,
        year=year,
        period=span.shown,
        is_complete=today() > last,
        **await _resolved(fig, dict(councils=rows, total=region_row)),
    )
