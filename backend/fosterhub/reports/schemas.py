"""Shapes of the reports: a council's own figures, and the region's suppressed roll-ups.

Every count model is generic over its count type: a council report counts in `int`; a regional
roll-up in `SmallCount`, where 1 to 4 reads "fewer than 5" and any rate made from such a count
is null.
"""

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

FEWER_THAN_5: Literal["fewer than 5"] = "fewer than 5"
SmallCount = int | Literal["fewer than 5"]
N = TypeVar("N")

SplitBy = Literal["channel", "campaign", "event", "ambassador", "referral"]
DurationUnit = Literal["working_days", "calendar_days"]


class _Report(BaseModel):
    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        # Stable, readable names in the OpenAPI document: Cohort and RegionalCohort.
        return cls.__name__ if params == (int,) else f"Regional{cls.__name__}"


class Period(BaseModel):
    """The dates a report covers, both included (UTC days). Null: not limited on that side."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True)

    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None


# Funnel


class StageReached(_Report, Generic[N]):
    stage: str
    reached: N = Field(description="Enquiries of the cohort that got at least this far")
    conversion_from_previous: float | None = Field(
        description="reached / reached at the stage before (0-1); null for the first stage, "
        "when the stage before has none, or when either count is suppressed"
    )


class OutcomeCount(_Report, Generic[N]):
    outcome: str
    count: N


class Cohort(_Report, Generic[N]):
    """Enquiries received in the period (repeats left out) and how far each got."""

    enquiries: N
    stages: list[StageReached[N]]
    open: N = Field(description="Still in a pipeline stage before approval")
    closed: list[OutcomeCount[N]] = Field(description="Where they are now, among the closed")


class StageCount(_Report, Generic[N]):
    stage: str
    count: N


class Activity(_Report, Generic[N]):
    """Moves into each stage (closing outcomes included) that happened within the period."""

    entered: list[StageCount[N]]


class FunnelSplit(BaseModel):
    key: str = Field(description="The channel, campaign id, event id, `referred`..., or `none`")
    label: str | None = Field(description="A campaign's or ambassador's name, where there is one")
    cohort: Cohort[int]
    activity: Activity[int]


class FunnelReport(BaseModel):
    council: str
    period: Period
    by: SplitBy | None
    stages: list[str] = Field(description="The pipeline in order")
    cohort: Cohort[int]
    activity: Activity[int]
    splits: list[FunnelSplit] = Field(description="One per group when `by` is given")


class CouncilFunnel(_Report, Generic[N]):
    council: str
    name: str
    cohort: Cohort[N]
    activity: Activity[N]


class RegionalFunnel(BaseModel):
    region: str
    period: Period
    stages: list[str]
    councils: list[CouncilFunnel[SmallCount]]
    total: CouncilFunnel[SmallCount] = Field(description="The region as a whole")


# Time in stage


class Target(BaseModel):
    amount: int
    unit: Literal["working_days", "calendar_days", "months"]
    from_stage: str = Field(description="Where the target's clock starts")


class StageTime(_Report, Generic[N]):
    stage: str
    next_stage: str
    moves: N = Field(description="Moves on to the next stage within the period")
    unit: DurationUnit
    median_days: float | None
    p90_days: float | None
    target: Target | None = Field(description="The council's target for reaching the next stage")
    over_target: N | None = Field(description="Moves that took longer than the target")
    share_over_target: float | None


class OverdueItem(BaseModel):
    reference: str
    stage: str
    due_at: datetime


class Overdue(_Report, Generic[N]):
    count: N
    by_stage: list[StageCount[N]]


class OverdueList(Overdue[int]):
    items: list[OverdueItem] = Field(description="The longest overdue first, at most 100")
    items_truncated: bool


class TimeInStageReport(BaseModel):
    council: str
    period: Period
    as_of: datetime = Field(description="When overdue was judged")
    stages: list[StageTime[int]]
    overdue: OverdueList


class CouncilTimeInStage(_Report, Generic[N]):
    council: str
    name: str
    stages: list[StageTime[N]]
    overdue: Overdue[N]


class RegionalTimeInStage(BaseModel):
    region: str
    period: Period
    as_of: datetime
    councils: list[CouncilTimeInStage[SmallCount]]
    total: CouncilTimeInStage[SmallCount] = Field(
        description="Durations in working days for a stage where every council's target for "
        "the next stage is in working days; over-target counts by each council's own target"
    )


# Sources


class SourceFigures(_Report, Generic[N]):
    enquiries: N
    reached_initial_visit: N
    share_initial_visit: float | None
    reached_application: N
    share_application: float | None
    approvals: N
    no_response: N = Field(description="Closed as no response (and not reopened)")
    no_response_rate: float | None


class ChannelSource(SourceFigures[N], Generic[N]):
    channel: str


class CampaignSource(SourceFigures[int]):
    campaign_id: str
    code: str
    name: str
    kind: str
    channel: str
    cost_pence: int | None
    cost_per_enquiry_pence: int | None
    cost_per_approval_pence: int | None


class SourcesReport(BaseModel):
    council: str
    period: Period
    channels: list[ChannelSource[int]]
    campaigns: list[CampaignSource]


class CouncilSources(_Report, Generic[N]):
    council: str
    name: str
    channels: list[ChannelSource[N]]


class RegionalSources(BaseModel):
    region: str
    period: Period
    councils: list[CouncilSources[SmallCount]]
    total: CouncilSources[SmallCount]


# Withdrawals


class CodeCount(_Report, Generic[N]):
    code: str
    text: str
    count: N


class CodeAtStage(_Report, Generic[N]):
    code: str
    stage: str
    count: N


class Withdrawals(_Report, Generic[N]):
    total: N
    by_code: list[CodeCount[N]]
    by_stage: list[StageCount[N]] = Field(description="The stage they left from")
    by_code_and_stage: list[CodeAtStage[N]] = Field(description="Non-zero pairs only")


class WithdrawalsReport(Withdrawals[int]):
    council: str
    period: Period


class CouncilWithdrawals(Withdrawals[N], Generic[N]):
    council: str
    name: str


class RegionalWithdrawals(BaseModel):
    region: str
    period: Period
    councils: list[CouncilWithdrawals[SmallCount]]
    total: CouncilWithdrawals[SmallCount]


# Retention


class ReasonCount(_Report, Generic[N]):
    reason: str
    count: N


class HouseholdsAt(_Report, Generic[N]):
    on: date
    households: N
    places: N
    average_years_fostering: float | None


class CurrentHouseholds(_Report, Generic[N]):
    households: N = Field(description="Approved or on hold today")
    on_hold: N
    places: N
    vacancies: N = Field(
        description="Places of approved households not on hold (placements are not recorded "
        "yet, so no place counts as filled)"
    )


class Retention(_Report, Generic[N]):
    approved: N
    deregistered: N
    deregistered_by_reason: list[ReasonCount[N]]
    net_change: int | None
    average_years_fostering_of_leavers: float | None
    at_end: HouseholdsAt[N]
    current: CurrentHouseholds[N]


class RetentionReport(Retention[int]):
    council: str
    period: Period


class CouncilRetention(Retention[N], Generic[N]):
    council: str
    name: str


class RegionalRetention(BaseModel):
    region: str
    period: Period
    councils: list[CouncilRetention[SmallCount]]
    total: CouncilRetention[SmallCount]


# The Ofsted fostering data collection


class OfstedFigures(_Report, Generic[N]):
    initial_enquiries: N
    applications_received: N
    approvals: N
    applications_withdrawn: N
    applications_turned_down: N
    withdrawal_reasons: list[CodeCount[N]]
    households_at_31_march: N
    places_at_31_march: N
    deregistrations: N
    deregistrations_by_reason: list[ReasonCount[N]]


class OfstedReturn(OfstedFigures[int]):
    council: str
    year: int = Field(description="The collection year starting 1 April of this year")
    period: Period
    is_complete: bool = Field(description="False while the year is still running")


class CouncilOfsted(OfstedFigures[N], Generic[N]):
    council: str
    name: str


class RegionalOfsted(BaseModel):
    region: str
    year: int
    period: Period
    is_complete: bool
    councils: list[CouncilOfsted[SmallCount]]
    total: CouncilOfsted[SmallCount]
