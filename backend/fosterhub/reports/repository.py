"""Every query of the reports: aggregates computed in SQL and returned as a few rows.

Council reports run on a session bound to the caller's council, so the tenant filter applies as
everywhere; each query also names its councils itself. Regional roll-ups must read across the
region's councils: those statements lift the tenant filter with `skip_tenant_scope` and are
limited to the region's councils by hand, in the one place that does it (`_scoped`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from fosterhub.campaigns.models import Campaign
from fosterhub.carers.models import CarerHousehold
from fosterhub.enquiries.models import Enquiry, StageTransition
from fosterhub.enquiries.vocabulary import OPEN_STAGES, PIPELINE
from fosterhub.reports.dialect import (
    date_day_number,
    day_number,
    elapsed_days,
    later_than_months,
    working_day,
)
from fosterhub.reports.models import BankHoliday

RANK: dict[str, int] = {stage: i for i, stage in enumerate(PIPELINE)}
PREVIOUS: dict[str, str] = {PIPELINE[i]: PIPELINE[i - 1] for i in range(1, len(PIPELINE))}
OVERDUE_LIST_LIMIT = 100


@dataclass(frozen=True)
class Scope:
    """Whose figures: one council (`regional` False) or a region's councils."""

    council_ids: tuple[str, ...]
    regional: bool = False


@dataclass(frozen=True)
class Window:
    """A period as instants, `start` included and `end` excluded (None: open on that side)."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class StepTarget:
    """A council's target for reaching `stage`, its clock starting when `from_stage` began."""

    council_id: str
    stage: str
    from_stage: str
    amount: int
    unit: str  # working_days | calendar_days | months


def _scoped(stmt: Any, scope: Scope) -> Any:
    if scope.regional:
        # A regional roll-up reads every council of the region: the tenant filter is lifted
        # for this one statement, which the caller has already limited to the region's
        # councils (`council_id IN scope.council_ids`). Only aggregates leave this module.
        return stmt.execution_options(skip_tenant_scope=True)
    return stmt


def _in_scope(column: Any, scope: Scope) -> ColumnElement[bool]:
    if len(scope.council_ids) == 1:
        return column == scope.council_ids[0]  # type: ignore[no-any-return]
    return column.in_(scope.council_ids)  # type: ignore[no-any-return]


def _within(column: Any, window: Window) -> list[ColumnElement[bool]]:
    clauses = []
    if window.start is not None:
        clauses.append(column >= window.start)
    if window.end is not None:
        clauses.append(column < window.end)
    return clauses


# Reports sort and hash tens of thousands of rows; PostgreSQL's default 4 MB of working memory
# would spill them to disk. `SET LOCAL` lasts until the request's transaction ends.
REPORT_WORK_MEM = "64MB"


async def _rows(session: AsyncSession, stmt: Any, scope: Scope) -> list[Any]:
    transaction = id(session.sync_session.get_transaction())
    if _dialect(session) == "postgresql" and session.info.get("work_mem") != transaction:
        # Transaction-local, in one round trip: sorts and hashes in memory, and no JIT, which
        # compiles a query estimated as large and costs more than it saves on ours.
        await session.execute(
            text("SELECT set_config('work_mem', :work_mem, true), set_config('jit', 'off', true)"),
            {"work_mem": REPORT_WORK_MEM},
        )
        session.info["work_mem"] = id(session.sync_session.get_transaction())
    return list((await session.execute(_scoped(stmt, scope))).all())


# Splits


@dataclass(frozen=True)
class Split:
    """A funnel's grouping, as SQL over an enquiry (and its campaign code): a key, and a
    label where the key is an id."""

    key: Any
    label: Any | None
    needs_campaign: bool

    def columns(self) -> list[Any]:
        label = self.label if self.label is not None else literal(None)
        return [self.key.label("key"), label.label("label")]

    def group(self) -> list[Any]:
        return [self.key] if self.label is None else [self.key, self.label]


def split_for(by: str | None) -> Split | None:
    e, c = Enquiry, Campaign
    if by is None:
        return None
    if by == "channel":
        return Split(e.channel, None, False)
    if by == "campaign":
        return Split(e.campaign_id, c.name, True)
    if by == "event":
        return Split(e.event_id, None, False)
    if by == "ambassador":
        is_ambassador = c.kind == "ambassador"
        return Split(case((is_ambassador, c.id)), case((is_ambassador, c.name)), True)
    if by == "referral":
        referred = e.referral_household_id.is_not(None)
        return Split(case((referred, "referred"), else_="not_referred"), None, False)
    if by == "council":
        return Split(e.council_id, None, False)
    raise ValueError(f"unknown split {by}")


# Funnel and sources: how far each enquiry of a cohort got


def _cohort_where(scope: Scope, window: Window) -> list[ColumnElement[bool]]:
    e = Enquiry
    return [
        _in_scope(e.council_id, scope),
        e.duplicate_of_id.is_(None),
        *_within(e.received_at, window),
    ]


def _keys(split: Split | None, extra: dict[str, Any] | None) -> tuple[list[Any], list[Any]]:
    """Columns to select and to group by for a split and any extra keys."""
    columns = [*(split.columns() if split else [])]
    group = [*(split.group() if split else [])]
    for name, expr in (extra or {}).items():
        columns.append(expr.label(name))
        group.append(expr)
    return columns, group


def _with_campaign(stmt: Any, split: Split | None) -> Any:
    if split is not None and split.needs_campaign:
        return stmt.outerjoin(Campaign, Campaign.id == Enquiry.campaign_id)
    return stmt


async def cohort_now(
    session: AsyncSession,
    scope: Scope,
    window: Window,
    split: Split | None,
    extra: dict[str, Any] | None = None,
) -> list[Any]:
    """Rows (key?, label?, extra..., stage, count): the cohort (enquiries received in the
    window, repeats left out) by the stage each is in now."""
    e = Enquiry
    columns, group = _keys(split, extra)
    stmt = select(*columns, e.stage.label("stage"), func.count().label("count")).select_from(e)
    stmt = _with_campaign(stmt, split).where(*_cohort_where(scope, window))
    return await _rows(session, stmt.group_by(*group, e.stage), scope)


async def cohort_reached(
    session: AsyncSession,
    scope: Scope,
    window: Window,
    split: Split | None,
    extra: dict[str, Any] | None = None,
) -> list[Any]:
    """Rows (key?, label?, extra..., stage, count): how many of the cohort ever entered each
    pipeline stage after `enquiry`. Stages cannot be skipped, so an enquiry whose furthest
    stage is S entered every stage up to S: the cohort is counted once by its furthest stage
    (from the covering index, no moves read) and each stage adds up the counts at or beyond it."""
    e = Enquiry
    columns, group = _keys(split, extra)
    stmt = select(*columns, e.furthest_stage.label("stage"), func.count().label("count"))
    stmt = _with_campaign(stmt.select_from(e), split).where(
        *_cohort_where(scope, window), e.furthest_stage.in_(PIPELINE[1:])
    )
    furthest = await _rows(session, stmt.group_by(*group, e.furthest_stage), scope)
    names = [column.name for column in columns]
    got_as_far: dict[tuple[Any, ...], dict[str, int]] = {}
    for row in furthest:
        counts = got_as_far.setdefault(tuple(getattr(row, n) for n in names), {})
        for stage in PIPELINE[1 : RANK[row.stage] + 1]:
            counts[stage] = counts.get(stage, 0) + row.count
    return [
        SimpleNamespace(**dict(zip(names, key, strict=True)), stage=stage, count=count)
        for key, counts in got_as_far.items()
        for stage, count in counts.items()
    ]


async def activity(
    session: AsyncSession,
    scope: Scope,
    window: Window,
    split: Split | None,
    extra: dict[str, Any] | None = None,
) -> list[Any]:
    """Rows (key?, label?, extra..., stage, count): moves into each stage within the window."""
    e, t = Enquiry, StageTransition
    if (split is None or split.key is e.council_id) and not extra:
        # Nothing is needed from the enquiry but whether it is a repeat, and repeats are few:
        # leave them out by id instead of joining every enquiry.
        repeats = select(e.id).where(_in_scope(e.council_id, scope), e.duplicate_of_id.is_not(None))
        keys: list[Any] = [t.council_id.label("key"), literal(None).label("label")] if split else []
        stmt = (
            select(*keys, t.to_stage.label("stage"), func.count().label("count"))
            .where(
                _in_scope(t.council_id, scope),
                *_within(t.occurred_at, window),
                t.enquiry_id.not_in(repeats),
            )
            .group_by(*([t.council_id] if split else []), t.to_stage)
        )
        return await _rows(session, stmt, scope)
    assert split is not None
    columns, group = _keys(split, extra)
    stmt = (
        select(*columns, t.to_stage.label("stage"), func.count().label("count"))
        .select_from(t)
        # The council and "received before the period ended" are implied; saying so lets the
        # enquiries come from one range of their (council_id, received_at) index.
        .join(
            e,
            and_(
                e.id == t.enquiry_id,
                e.council_id == t.council_id,
                *([e.received_at < window.end] if window.end is not None else []),
            ),
        )
    )
    if split.needs_campaign:
        stmt = stmt.outerjoin(Campaign, Campaign.id == e.campaign_id)
    stmt = stmt.where(
        _in_scope(t.council_id, scope), *_within(t.occurred_at, window), e.duplicate_of_id.is_(None)
    ).group_by(*group, t.to_stage)
    return await _rows(session, stmt, scope)


async def split_by_council(
    session: AsyncSession, scope: Scope, window: Window, split: Split
) -> tuple[list[Any], list[Any], list[Any]]:
    """A region's split funnel: the cohort now, the stages it reached, and the period's moves,
    each by group key and council."""
    extra = {"council_id": Enquiry.council_id}
    return (
        await cohort_now(session, scope, window, split, extra),
        await cohort_reached(session, scope, window, split, extra),
        await activity(session, scope, window, split, extra),
    )


async def sources(
    session: AsyncSession, scope: Scope, window: Window, by: str
) -> tuple[list[Any], list[Any]]:
    """Two lists of rows for the cohort, keyed by council and by the channel (`by` =
    "channel") or campaign id ("campaign"): where they are now, and the stages they entered."""
    e = Enquiry
    extra = {"council_id": e.council_id, "key": e.channel if by == "channel" else e.campaign_id}
    now = await cohort_now(session, scope, window, None, extra)
    reached = await cohort_reached(session, scope, window, None, extra)
    return now, reached


def _campaign_results(scope: Scope) -> Any:
    e, t, c = Enquiry, StageTransition, Campaign
    approved = (
        select(t.enquiry_id)
        .where(_in_scope(t.council_id, scope), t.to_stage == "approved")
        .distinct()
        .subquery("approved")
    )
    return (
        select(
            c.id.label("campaign_id"),
            c.channel.label("channel"),
            c.cost_pence.label("cost_pence"),
            func.count(e.id).label("enquiries"),
            func.count(approved.c.enquiry_id).label("approvals"),
        )
        .select_from(c)
        .outerjoin(
            e,
            and_(e.campaign_id == c.id, e.council_id == c.council_id, e.duplicate_of_id.is_(None)),
        )
        .outerjoin(approved, approved.c.enquiry_id == e.id)
        .where(_in_scope(c.council_id, scope))
        .group_by(c.id, c.channel, c.cost_pence)
    )


async def campaign_results(session: AsyncSession, scope: Scope) -> list[Any]:
    """Rows (campaign_id, channel, cost_pence, enquiries, approvals): every enquiry each
    campaign code ever brought (repeats left out) and how many of them were approved, whatever
    the period: a campaign's cost is for the whole campaign."""
    return await _rows(session, _campaign_results(scope), scope)


async def channel_costs(session: AsyncSession, scope: Scope) -> list[Any]:
    """Rows (channel, cost_pence, enquiries, approvals): per channel, the known costs of its
    campaigns and everything those costed campaigns ever brought."""
    results = _campaign_results(scope).subquery("results")
    stmt = (
        select(
            results.c.channel,
            func.sum(results.c.cost_pence).label("cost_pence"),
            func.sum(results.c.enquiries).label("enquiries"),
            func.sum(results.c.approvals).label("approvals"),
        )
        .where(results.c.cost_pence.is_not(None))
        .group_by(results.c.channel)
    )
    return await _rows(session, stmt, scope)


async def campaigns(session: AsyncSession, scope: Scope) -> list[Campaign]:
    stmt = select(Campaign).where(_in_scope(Campaign.council_id, scope)).order_by(Campaign.name)
    return list((await session.scalars(_scoped(stmt, scope))).all())


# Withdrawals and the closing moves of the Ofsted return


async def closing_moves(
    session: AsyncSession, scope: Scope, window: Window, outcomes: Sequence[str]
) -> list[Any]:
    """Rows (council_id, outcome, reason, from_stage, count) of closing moves in the window."""
    e, t = Enquiry, StageTransition
    stmt = (
        select(
            t.council_id,
            t.to_stage.label("outcome"),
            t.reason_code.label("reason"),
            t.from_stage,
            func.count().label("count"),
        )
        .join(e, e.id == t.enquiry_id)
        .where(
            _in_scope(t.council_id, scope),
            t.to_stage.in_(outcomes),
            e.duplicate_of_id.is_(None),
            *_within(t.occurred_at, window),
        )
        .group_by(t.council_id, t.to_stage, t.reason_code, t.from_stage)
    )
    return await _rows(session, stmt, scope)


async def entries(session: AsyncSession, scope: Scope, window: Window, stage: str) -> list[Any]:
    """Rows (council_id, count): enquiries that entered `stage` within the window."""
    t = StageTransition
    stmt = (
        select(t.council_id, func.count(func.distinct(t.enquiry_id)).label("count"))
        .where(_in_scope(t.council_id, scope), t.to_stage == stage, *_within(t.occurred_at, window))
        .group_by(t.council_id)
    )
    return await _rows(session, stmt, scope)


async def received(session: AsyncSession, scope: Scope, window: Window) -> list[Any]:
    """Rows (council_id, count): enquiries received in the window, repeats left out."""
    e = Enquiry
    stmt = (
        select(e.council_id, func.count().label("count"))
        .where(
            _in_scope(e.council_id, scope),
            e.duplicate_of_id.is_(None),
            *_within(e.received_at, window),
        )
        .group_by(e.council_id)
    )
    return await _rows(session, stmt, scope)


# Carer households


async def households(session: AsyncSession, scope: Scope, first: date, last: date) -> list[Any]:
    """One row per council: households approved and deregistered between `first` and `last`
    (both included), those approved at `last`, and today's households, places and vacancies."""
    h = CarerHousehold
    approved_in = and_(h.approved_on >= first, h.approved_on <= last)
    left_in = and_(
        h.deregistered_on.is_not(None), h.deregistered_on >= first, h.deregistered_on <= last
    )
    at_end = and_(h.approved_on <= last, or_(h.deregistered_on.is_(None), h.deregistered_on > last))
    current = h.status.in_(("approved", "on_hold"))
    last_dn = date_day_number(literal(last))

    def total(condition: Any, value: Any = 1) -> Any:
        return func.coalesce(func.sum(case((condition, value), else_=0)), 0)

    stmt = select(
        h.council_id,
        total(approved_in).label("approved"),
        total(left_in).label("deregistered"),
        total(left_in, date_day_number(h.deregistered_on) - date_day_number(h.approved_on)).label(
            "leavers_days"
        ),
        total(at_end).label("end_households"),
        total(at_end, h.places).label("end_places"),
        total(at_end, last_dn - date_day_number(h.approved_on)).label("end_days"),
        total(current).label("current_households"),
        total(h.status == "on_hold").label("current_on_hold"),
        total(current, h.places).label("current_places"),
        total(h.status == "approved", h.places).label("current_vacancies"),
    ).where(_in_scope(h.council_id, scope))
    return await _rows(session, stmt.group_by(h.council_id), scope)


async def deregistrations(
    session: AsyncSession, scope: Scope, first: date, last: date
) -> list[Any]:
    """Rows (council_id, reason, count) of households deregistered between the dates."""
    h = CarerHousehold
    stmt = (
        select(h.council_id, h.deregistration_reason.label("reason"), func.count().label("count"))
        .where(
            _in_scope(h.council_id, scope),
            h.deregistered_on.is_not(None),
            h.deregistered_on >= first,
            h.deregistered_on <= last,
        )
        .group_by(h.council_id, h.deregistration_reason)
    )
    return await _rows(session, stmt, scope)


# Time in stage


async def time_in_stage(
    session: AsyncSession,
    scope: Scope,
    window: Window,
    targets: Sequence[StepTarget],
    working: set[tuple[str | None, str]],
    *,
    by_council: bool,
) -> list[Any]:
    """Rows (council_id?, stage, moves, median, p90, over_target, with_target): stays in each
    stage that ended with a move on to the next stage within the window.

    A stay runs from the latest entry into the stage to the move on (recorded on the move as
    `from_entered_at`, so the moves are one range of the (council_id, occurred_at) index).
    Its length is in working days where (council, next stage) is in `working` (None as the
    council: any council), else in calendar days with their fraction. A target's clock runs
    from the latest entry into its own `from_stage`. Working days come from a calendar built
    in the query: every day from the earliest start to the latest end, numbered by a running
    count of weekdays that are not in `bank_holiday`, so a stay's working days are the
    difference of two numbers.
    """
    x = aliased(StageTransition, name="x")  # the move on
    y = aliased(StageTransition, name="y")  # the entries it started from

    # One council's report needs no council in its conditions. A region's always does, even
    # when only one of its councils has targets: the others' moves are not judged by them.
    single = not scope.regional and len(scope.council_ids) == 1

    def for_step(council_id: str, stage: str) -> ColumnElement[bool]:
        if single:
            return x.to_stage == stage
        return and_(x.council_id == council_id, x.to_stage == stage)

    clock_stage = (
        case(
            *[(for_step(t.council_id, t.stage), literal(t.from_stage)) for t in targets],
            else_=x.from_stage,
        )
        if targets
        else x.from_stage
    )

    def latest_entry(stage: Any) -> Any:
        # The latest entry into `stage` up to the move, looked up in the enquiry's history:
        # for moves recorded without `from_entered_at`, and for a target whose clock starts
        # at an earlier stage than the one left (few moves: each is one index step).
        return (
            select(func.max(y.occurred_at))
            .where(
                y.enquiry_id == x.enquiry_id,
                y.to_stage == stage,
                y.council_id == x.council_id,
                y.occurred_at <= x.occurred_at,
            )
            .scalar_subquery()
        )

    entered_at = func.coalesce(x.from_entered_at, latest_entry(x.from_stage))
    moves = (
        select(
            x.council_id.label("council_id"),
            x.from_stage.label("stage"),
            x.to_stage.label("next_stage"),
            x.occurred_at.label("ended_at"),
            entered_at.label("entered_at"),
            case((clock_stage == x.from_stage, entered_at), else_=latest_entry(clock_stage)).label(
                "clock_at"
            ),
        )
        .where(
            _in_scope(x.council_id, scope),
            # Into a pipeline stage from a pipeline stage is always the step forward (the
            # only other way in is reopening from no_response, which is not a step).
            x.to_stage.in_(PIPELINE[1:]),
            x.from_stage.in_(PIPELINE),
            *_within(x.occurred_at, window),
        )
        .cte("moves")
    )
    spans = (
        select(
            moves.c.council_id,
            moves.c.stage,
            moves.c.next_stage,
            moves.c.entered_at,
            moves.c.ended_at,
            func.coalesce(moves.c.clock_at, moves.c.entered_at).label("clock_at"),
            day_number(moves.c.entered_at).label("entered_dn"),
            day_number(func.coalesce(moves.c.clock_at, moves.c.entered_at)).label("clock_dn"),
            day_number(moves.c.ended_at).label("ended_dn"),
        )
        .where(moves.c.entered_at.is_not(None))
        .cte("spans")
    )
    # The calendar: one row per day the spans touch, with a running count of working days.
    first_day = func.min(
        case((spans.c.clock_dn < spans.c.entered_dn, spans.c.clock_dn), else_=spans.c.entered_dn)
    )
    bounds = select(first_day.label("dn"), func.max(spans.c.ended_dn).label("last")).having(
        func.count() > 0
    )
    days = bounds.cte("days", recursive=True)
    days = days.union_all(select(days.c.dn + 1, days.c.last).where(days.c.dn < days.c.last))
    is_working = and_(working_day(days.c.dn), BankHoliday.day_number.is_(None))
    calendar = (
        select(
            days.c.dn,
            func.sum(case((is_working, 1), else_=0)).over(order_by=days.c.dn).label("wd"),
        )
        .select_from(days.outerjoin(BankHoliday, BankHoliday.day_number == days.c.dn))
        .cte("calendar")
    )
    entered_cal = calendar.alias("entered_cal")
    clock_cal = calendar.alias("clock_cal")
    ended_cal = calendar.alias("ended_cal")
    s = spans.c

    def step(council_id: str | None, stage: str) -> ColumnElement[bool]:
        if council_id is None or single:
            return s.next_stage == stage
        return and_(s.council_id == council_id, s.next_stage == stage)

    stay_working = ended_cal.c.wd - entered_cal.c.wd
    stay_calendar = elapsed_days(s.entered_at, s.ended_at)
    working_steps = [step(c, stage) for c, stage in working]
    duration = (
        case((or_(*working_steps), cast(stay_working, Float)), else_=stay_calendar)
        if working_steps
        else stay_calendar
    )
    clock_working = ended_cal.c.wd - clock_cal.c.wd
    clock_calendar = elapsed_days(s.clock_at, s.ended_at)

    def late(t: StepTarget) -> ColumnElement[bool]:
        if t.unit == "working_days":
            return clock_working > t.amount
        if t.unit == "calendar_days":
            return clock_calendar > t.amount
        return later_than_months(s.ended_at, s.clock_at, t.amount)

    over = (
        case(
            *[(step(t.council_id, t.stage), case((late(t), 1), else_=0)) for t in targets],
            else_=None,
        )
        if targets
        else literal(None)
    )
    group = [s.council_id, s.stage] if by_council else [s.stage]
    stays = (
        select(*group, duration.label("days"), over.label("over"))
        .select_from(spans)
        .join(entered_cal, entered_cal.c.dn == s.entered_dn)
        .join(clock_cal, clock_cal.c.dn == s.clock_dn)
        .join(ended_cal, ended_cal.c.dn == s.ended_dn)
        .subquery("stays")
    )
    if _dialect(session) == "postgresql":
        final = _percentiles_pg(stays, by_council)
    else:
        final = _percentiles_ranked(stays, by_council)
    return await _rows(session, final, scope)


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind is not None else ""


def _stay_keys(stays: Any, by_council: bool) -> list[Any]:
    return [stays.c.council_id, stays.c.stage] if by_council else [stays.c.stage]


def _percentiles_pg(stays: Any, by_council: bool) -> Any:
    """Rows (council_id?, stage, moves, median, p90, over_target, with_target) with
    PostgreSQL's `percentile_cont`, which sorts each group's stays inside the aggregate."""
    keys = _stay_keys(stays, by_council)
    days = stays.c.days
    return select(
        *keys,
        func.count().label("moves"),
        func.percentile_cont(0.5).within_group(days).label("median"),
        func.percentile_cont(0.9).within_group(days).label("p90"),
        func.sum(stays.c.over).label("over_target"),
        func.count(stays.c.over).label("with_target"),
    ).group_by(*keys)


def _percentiles_ranked(stays: Any, by_council: bool) -> Any:
    """The same rows where there is no `percentile_cont` (SQLite): each stay ranked within its
    group, and the two stays either side of each percentile's position interpolated, as
    `percentile_cont` does (position 1 + p(n - 1))."""
    group = _stay_keys(stays, by_council)
    measured = select(
        *group,
        stays.c.days,
        stays.c.over,
        func.row_number().over(partition_by=group, order_by=stays.c.days).label("rn"),
        func.count().over(partition_by=group).label("n"),
    ).subquery("measured")
    m = measured.c
    keys = [m.council_id, m.stage] if by_council else [m.stage]

    def at_rank(tenths: int, offset: int) -> Any:
        position = 1 + (tenths * (m.n - 1)) // 10 + offset
        return func.max(case((m.rn == position, m.days)))

    ranked = (
        select(
            *keys,
            func.max(m.n).label("n"),
            at_rank(5, 0).label("p50_lo"),
            at_rank(5, 1).label("p50_hi"),
            at_rank(9, 0).label("p90_lo"),
            at_rank(9, 1).label("p90_hi"),
            func.sum(m.over).label("over_target"),
            func.count(m.over).label("with_target"),
        )
        .group_by(*keys)
        .subquery("ranked")
    )
    r = ranked.c

    def interpolated(tenths: int, lo: Any, hi: Any) -> Any:
        fraction = cast((tenths * (r.n - 1)) % 10, Float) / 10.0
        return lo + fraction * (func.coalesce(hi, lo) - lo)

    return select(
        *([r.council_id] if by_council else []),
        r.stage,
        r.n.label("moves"),
        interpolated(5, r.p50_lo, r.p50_hi).label("median"),
        interpolated(9, r.p90_lo, r.p90_hi).label("p90"),
        r.over_target,
        r.with_target,
    )


async def overdue_counts(session: AsyncSession, scope: Scope, now: datetime) -> list[Any]:
    """Rows (council_id, stage, count): open enquiries past their due time now."""
    e = Enquiry
    stmt = (
        select(e.council_id, e.stage, func.count().label("count"))
        .where(
            _in_scope(e.council_id, scope),
            e.stage.in_(OPEN_STAGES),
            e.due_at < now,
            e.duplicate_of_id.is_(None),
        )
        .group_by(e.council_id, e.stage)
    )
    return await _rows(session, stmt, scope)


async def overdue_list(session: AsyncSession, scope: Scope, now: datetime) -> list[Any]:
    """The longest-overdue open enquiries (reference, stage, due_at), one more than listed.

    Each open stage's longest-overdue are one short range of the (council, stage, due) index;
    the list is the earliest of those few, where ordering every overdue enquiry of the council
    would sort them all."""
    e = Enquiry
    limit = OVERDUE_LIST_LIMIT + 1
    per_stage = [
        select(e.reference, e.stage, e.due_at)
        .where(
            _in_scope(e.council_id, scope),
            e.stage == stage,
            e.due_at < now,
            e.duplicate_of_id.is_(None),
        )
        .order_by(e.due_at, e.reference)
        .limit(limit)
        .subquery(f"overdue_{stage}")
        for stage in OPEN_STAGES
    ]
    earliest = union_all(*(select(*part.c) for part in per_stage)).subquery("earliest")
    stmt = (
        select(earliest.c.reference, earliest.c.stage, earliest.c.due_at)
        .order_by(earliest.c.due_at, earliest.c.reference)
        .limit(limit)
    )
    return await _rows(session, stmt, scope)
