"""Shapes of the reports: a council's own figures, and the region's suppressed roll-ups.

A council's report counts in `int`; a region's roll-up in `SmallCount`, where 1 to 4 reads
"fewer than 5", a figure that would give such a count away by subtraction reads "withheld"
(reports/disclosure.py), and any rate made from a hidden count is null. Each shape that exists
in both kinds is written once over its count type (a private generic base) and named by two
concrete classes, `X` and `RegionalX`, so the OpenAPI document and the typed client read
plainly. Fields holding other report shapes are declared on the concrete classes.
"""

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

FEWER_THAN_5: Literal["fewer than 5"] = "fewer than 5"
WITHHELD: Literal["withheld"] = "withheld"
SmallCount = int | Literal["fewer than 5", "withheld"]
N = TypeVar("N")

SplitBy = Literal["channel", "campaign", "event", "ambassador", "referral"]
# A region's funnel splits only by what names nobody (codes and events are councils' own).
RegionalSplitBy = Literal["channel", "referral"]
DurationUnit = Literal["working_days", "calendar_days"]


class Period(BaseModel):
    """The dates a report covers, both included (London's days: each from midnight in
    Europe/London). Null: not limited on that side."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True)

    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None


# Funnel


class _StageReached(BaseModel, Generic[N]):
    stage: str
    reached: N = Field(description="Enquiries of the cohort that got at least this far")
    conversion_from_previous: float | None = Field(
        description="reached / reached at the stage before (0-1); null for the first stage, "
        "when the stage before has none, or when either count is suppressed"
    )


class Conversion(BaseModel):
    from_stage: str
    to_stage: str = Field(description="A stage after `from_stage` along the pipeline")
    rate: float | None = Field(
        description="Reached `to_stage` / reached `from_stage` (0-1); null when none reached "
        "`from_stage`, or when either count is hidden"
    )


class StageReached(_StageReached[int]):
    pass


class RegionalStageReached(_StageReached[SmallCount]):
    pass


class _OutcomeCount(BaseModel, Generic[N]):
    outcome: str
    count: N


class OutcomeCount(_OutcomeCount[int]):
    pass


class RegionalOutcomeCount(_OutcomeCount[SmallCount]):
    pass


class _Cohort(BaseModel, Generic[N]):
    """Enquiries received in the period (repeats left out) and how far each got."""

    enquiries: N
    stages: list[Any]
    conversions: list[Conversion] = Field(
        description="The conversion between every ordered pair of pipeline stages (from an "
        "earlier stage to a later one), in pipeline order"
    )
    open: N = Field(description="Still in a pipeline stage before approval")
    closed: list[Any] = Field(description="Where they are now, among the closed")


class Cohort(_Cohort[int]):
    """Enquiries received in the period (repeats left out) and how far each got."""

    stages: list[StageReached]
    closed: list[OutcomeCount] = Field(description="Where they are now, among the closed")


class RegionalCohort(_Cohort[SmallCount]):
    """Enquiries received in the period (repeats left out) and how far each got."""

    stages: list[RegionalStageReached]
    closed: list[RegionalOutcomeCount] = Field(description="Where they are now, among the closed")


class _StageCount(BaseModel, Generic[N]):
    stage: str
    count: N


class ReportStageCount(_StageCount[int]):
    pass


class RegionalStageCount(_StageCount[SmallCount]):
    pass


class Activity(BaseModel):
    """Moves into each stage (closing outcomes included) that happened within the period."""

    entered: list[ReportStageCount]


class RegionalActivity(BaseModel):
    """Moves into each stage (closing outcomes included) that happened within the period."""

    entered: list[RegionalStageCount]


class FunnelSplit(BaseModel):
    key: str = Field(description="The channel, campaign id, event id, `referred`..., or `none`")
    label: str | None = Field(
        description="A campaign's or ambassador's name, or an event's title, where there is one"
    )
    starts_on: date | None = Field(
        default=None,
        description="For `by=event`: the day the event starts (Europe/London); else null",
    )
    cohort: Cohort
    activity: Activity


class FunnelReport(BaseModel):
    council: str
    period: Period
    by: SplitBy | None
    stages: list[str] = Field(description="The pipeline in order")
    cohort: Cohort
    activity: Activity
    splits: list[FunnelSplit] = Field(description="One per group when `by` is given")


class CouncilFunnel(BaseModel):
    council: str
    name: str
    cohort: RegionalCohort
    activity: RegionalActivity


class RegionalFunnelSplit(BaseModel):
    key: str = Field(description="The channel, `referred` or `not_referred`")
    councils: list[CouncilFunnel]
    total: CouncilFunnel = Field(description="The region as a whole, in this group")


class RegionalFunnel(BaseModel):
    region: str
    period: Period
    by: RegionalSplitBy | None
    stages: list[str]
    councils: list[CouncilFunnel]
    total: CouncilFunnel = Field(description="The region as a whole")
    splits: list[RegionalFunnelSplit] = Field(description="One per group when `by` is given")


# Time in stage


class Target(BaseModel):
    amount: int
    unit: Literal["working_days", "calendar_days", "months"]
    from_stage: str = Field(description="Where the target's clock starts")


class _StageTime(BaseModel, Generic[N]):
    stage: str
    next_stage: str
    moves: N = Field(description="Moves on to the next stage within the period")
    unit: DurationUnit
    median_days: float | None
    p90_days: float | None
    target: Target | None = Field(description="The council's target for reaching the next stage")
    over_target: N | None = Field(description="Moves that took longer than the target")
    share_over_target: float | None


class StageTime(_StageTime[int]):
    pass


class RegionalStageTime(_StageTime[SmallCount]):
    pass


class OverdueItem(BaseModel):
    reference: str
    stage: str
    due_at: datetime


class OverdueList(BaseModel):
    count: int
    by_stage: list[ReportStageCount]
    items: list[OverdueItem] = Field(description="The longest overdue first, at most 100")
    items_truncated: bool


class RegionalOverdue(BaseModel):
    count: SmallCount
    by_stage: list[RegionalStageCount]


class TimeInStageReport(BaseModel):
    council: str
    period: Period
    as_of: datetime = Field(description="When overdue was judged")
    stages: list[StageTime]
    overdue: OverdueList


class CouncilTimeInStage(BaseModel):
    council: str
    name: str
    stages: list[RegionalStageTime]
    overdue: RegionalOverdue


class RegionalTimeInStage(BaseModel):
    region: str
    period: Period
    as_of: datetime
    councils: list[CouncilTimeInStage]
    total: CouncilTimeInStage = Field(
        description="Durations in working days for a stage where every council's target for "
        "the next stage is in working days; over-target counts by each council's own target"
    )


# Sources


class _SourceFigures(BaseModel, Generic[N]):
    enquiries: N
    reached_initial_visit: N
    share_initial_visit: float | None
    reached_application: N
    share_application: float | None
    approvals: N
    no_response: N = Field(description="Closed as no response (and not reopened)")
    no_response_rate: float | None


class ChannelSource(_SourceFigures[int]):
    channel: str
    cost_pence: int | None = Field(
        description="The known costs of the council's campaigns on this channel (each "
        "campaign's whole cost); null when none of them has a cost"
    )
    costed_enquiries: int = Field(
        description="Every enquiry those costed campaigns ever brought (repeats left out), "
        "whatever the period"
    )
    costed_approvals: int = Field(description="How many of those enquiries were approved")
    cost_per_enquiry_pence: int | None = Field(
        description="cost_pence / costed_enquiries, in whole pence; null when either is unknown "
        "or 0"
    )
    cost_per_approval_pence: int | None = Field(
        description="cost_pence / costed_approvals, in whole pence"
    )


class RegionalChannelSource(_SourceFigures[SmallCount]):
    channel: str


class CampaignSource(_SourceFigures[int]):
    campaign_id: str
    code: str
    name: str
    kind: str
    channel: str
    cost_pence: int | None = Field(description="The campaign's whole cost, where known")
    lifetime_enquiries: int = Field(
        description="Every enquiry the code ever brought (repeats left out), whatever the period"
    )
    lifetime_approvals: int = Field(description="How many of those enquiries were approved")
    cost_per_enquiry_pence: int | None = Field(
        description="cost_pence / lifetime_enquiries, in whole pence; null when the cost is "
        "unknown or there are none"
    )
    cost_per_approval_pence: int | None = Field(
        description="cost_pence / lifetime_approvals, in whole pence"
    )


class SourcesReport(BaseModel):
    council: str
    period: Period
    channels: list[ChannelSource]
    campaigns: list[CampaignSource]


class CouncilSources(BaseModel):
    council: str
    name: str
    channels: list[RegionalChannelSource]


class RegionalSources(BaseModel):
    region: str
    period: Period
    councils: list[CouncilSources]
    total: CouncilSources


# Withdrawals


class _CodeCount(BaseModel, Generic[N]):
    code: str
    text: str
    count: N


class CodeCount(_CodeCount[int]):
    pass


class RegionalCodeCount(_CodeCount[SmallCount]):
    pass


class _CodeAtStage(BaseModel, Generic[N]):
    code: str
    stage: str
    count: N


class CodeAtStage(_CodeAtStage[int]):
    pass


class RegionalCodeAtStage(_CodeAtStage[SmallCount]):
    pass


class WithdrawalsReport(BaseModel):
    total: int
    by_code: list[CodeCount]
    by_stage: list[ReportStageCount] = Field(description="The stage they left from")
    by_code_and_stage: list[CodeAtStage] = Field(description="Non-zero pairs only")
    council: str
    period: Period


class CouncilWithdrawals(BaseModel):
    total: SmallCount
    by_code: list[RegionalCodeCount]
    by_stage: list[RegionalStageCount] = Field(description="The stage they left from")
    by_code_and_stage: list[RegionalCodeAtStage] = Field(description="Non-zero pairs only")
    council: str
    name: str


class RegionalWithdrawals(BaseModel):
    region: str
    period: Period
    councils: list[CouncilWithdrawals]
    total: CouncilWithdrawals


# Retention


class _ReasonCount(BaseModel, Generic[N]):
    reason: str
    count: N


class ReasonCount(_ReasonCount[int]):
    pass


class RegionalReasonCount(_ReasonCount[SmallCount]):
    pass


class _HouseholdsAt(BaseModel, Generic[N]):
    on: date
    households: N
    places: N
    average_years_fostering: float | None


class HouseholdsAt(_HouseholdsAt[int]):
    pass


class RegionalHouseholdsAt(_HouseholdsAt[SmallCount]):
    pass


class _CurrentHouseholds(BaseModel, Generic[N]):
    households: N = Field(description="Approved or on hold today")
    on_hold: N
    places: N
    vacancies: N = Field(
        description="Places of approved households not on hold (placements are not recorded "
        "yet, so no place counts as filled)"
    )


class CurrentHouseholds(_CurrentHouseholds[int]):
    pass


class RegionalCurrentHouseholds(_CurrentHouseholds[SmallCount]):
    pass


class _Retention(BaseModel, Generic[N]):
    approved: N
    deregistered: N
    deregistered_by_reason: list[Any]
    net_change: int | None
    average_years_fostering_of_leavers: float | None
    at_end: Any
    current: Any


class RetentionReport(_Retention[int]):
    deregistered_by_reason: list[ReasonCount]
    at_end: HouseholdsAt
    current: CurrentHouseholds
    council: str
    period: Period


class CouncilRetention(_Retention[SmallCount]):
    deregistered_by_reason: list[RegionalReasonCount]
    at_end: RegionalHouseholdsAt
    current: RegionalCurrentHouseholds
    council: str
    name: str


class RegionalRetention(BaseModel):
    region: str
    period: Period
    councils: list[CouncilRetention]
    total: CouncilRetention


# The Ofsted fostering data collection


class _OfstedFigures(BaseModel, Generic[N]):
    initial_enquiries: N
    applications_received: N
    approvals: N
    applications_withdrawn: N
    applications_turned_down: N
    withdrawal_reasons: list[Any]
    households_at_31_march: N
    places_at_31_march: N
    deregistrations: N
    deregistrations_by_reason: list[Any]


class OfstedReturn(_OfstedFigures[int]):
    withdrawal_reasons: list[CodeCount]
    deregistrations_by_reason: list[ReasonCount]
    council: str
    year: int = Field(description="The collection year starting 1 April of this year")
    period: Period
    is_complete: bool = Field(description="False while the year is still running")


class CouncilOfsted(_OfstedFigures[SmallCount]):
    withdrawal_reasons: list[RegionalCodeCount]
    deregistrations_by_reason: list[RegionalReasonCount]
    council: str
    name: str


class RegionalOfsted(BaseModel):
    region: str
    year: int
    period: Period
    is_complete: bool
    councils: list[CouncilOfsted]
    total: CouncilOfsted
