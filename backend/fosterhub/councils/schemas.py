"""Council, region, settings and routing shapes."""

from typing import Literal

from pydantic import BaseModel, Field, field_validator

from fosterhub.core.errors import Problem
from fosterhub.core.schemas import InputModel, OutputModel

FosteringType = Literal[
    "emergency",
    "short_term",
    "long_term",
    "short_breaks",
    "parent_and_child",
    "therapeutic",
    "family_and_friends",
    "unsure",
]
FOSTERING_TYPES: tuple[str, ...] = FosteringType.__args__  # type: ignore[attr-defined]

TargetUnit = Literal["working_days", "calendar_days", "months"]


class StageTarget(InputModel):
    """How long the council allows to reach a stage. The clock starts when `from_stage` is
    entered (by default the stage just before)."""

    amount: int = Field(ge=1, le=1000)
    unit: TargetUnit
    from_stage: str | None = Field(default=None, description="Where the clock starts")


class OfficeHours(InputModel):
    weekdays: list[int] = Field(default=[0, 1, 2, 3, 4], description="0 = Monday")
    opens: str = Field(default="09:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    closes: str = Field(default="17:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    out_of_hours_phone: str | None = Field(default=None, max_length=32)


class Retention(InputModel):
    closed_enquiry_years: int = Field(
        default=3,
        ge=1,
        le=100,
        description="Years a closed enquiry that never reached application is kept",
    )
    # At least 3: the Fostering Services (England) Regulations 2011, reg. 32(3), keep the
    # record of an application refused or withdrawn for 3 years or more. 6 by default: the
    # Limitation Act 1980's six years, which councils' retention schedules use for case files.
    closed_application_years: int = Field(
        default=6,
        ge=3,
        le=100,
        description="Years a closed enquiry that reached application but was not approved is "
        "kept (at least 3, as the Fostering Services Regulations 2011 ask)",
    )
    recontact_after_months: int = Field(default=6, ge=1, le=120)
    failed_contact_attempts_before_no_response: int = Field(default=3, ge=1, le=20)


def _default_targets() -> dict[str, StageTarget]:
    return {
        "initial_contact": StageTarget(amount=1, unit="working_days"),
        "initial_visit": StageTarget(amount=5, unit="working_days"),
        "panel": StageTarget(amount=8, unit="months", from_stage="application"),
    }


def _default_types() -> list[FosteringType]:
    return [
        "emergency",
        "short_term",
        "long_term",
        "short_breaks",
        "parent_and_child",
        "therapeutic",
        "family_and_friends",
    ]


class CouncilSettings(BaseModel):
    """A council's own rules. Stage targets are keyed by the stage the work should reach."""

    stage_targets: dict[str, StageTarget] = Field(default_factory=_default_targets)
    referral_reward_pence: int = Field(default=50_000, ge=0, le=10_000_000)
    office_hours: OfficeHours = Field(default_factory=OfficeHours)
    retention: Retention = Field(default_factory=Retention)
    fostering_types: list[FosteringType] = Field(default_factory=_default_types)


class CouncilSettingsPatch(InputModel):
    stage_targets: dict[str, StageTarget] | None = None
    referral_reward_pence: int | None = Field(default=None, ge=0, le=10_000_000)
    office_hours: OfficeHours | None = None
    retention: Retention | None = None
    fostering_types: list[FosteringType] | None = None

    @field_validator("stage_targets")
    @classmethod
    def _known_stages(cls, value: dict[str, StageTarget] | None) -> dict[str, StageTarget] | None:
        allowed = {
            "initial_contact",
            "initial_visit",
            "application",
            "assessment",
            "panel",
            "approved",
        }
        if value is not None and not set(value) <= allowed:
            raise ValueError(f"stage targets may name only {', '.join(sorted(allowed))}")
        order = [
            "enquiry",
            "initial_contact",
            "initial_visit",
            "application",
            "assessment",
            "panel",
            "approved",
        ]
        for stage, target in (value or {}).items():
            if target.from_stage is not None and (
                target.from_stage not in order
                or order.index(target.from_stage) >= order.index(stage)
            ):
                raise ValueError(f"the clock for {stage} must start at an earlier stage")
        return value


class CouncilSummary(OutputModel):
    slug: str
    name: str
    region: str | None = Field(description="The region's slug, if the council is in one")


class CouncilDetail(CouncilSummary):
    ons_la_code: str | None
    contact_email: str | None
    contact_phone: str | None
    brand_colour: str
    fostering_types: list[FosteringType]
    office_hours: OfficeHours


class RegionSummary(OutputModel):
    slug: str
    name: str


class RegionDetail(RegionSummary):
    councils: list[CouncilSummary]


class NearestCouncil(BaseModel):
    slug: str
    name: str
    region: str | None
    distance_km: float | None = Field(
        description="From the postcode to the council's office, when the postcode's position "
        "is known (ONS postcode data loaded): the three nearest. Otherwise null, and the list "
        "names every council on the service by name"
    )


class PostcodeNotCoveredProblem(Problem):
    """The problem when no council covers a postcode (`.../problems/postcode-not-covered`):
    404 from `GET /routing`, 422 naming `contact.postcode` from `POST /enquiries`."""

    nearest_councils: list[NearestCouncil]


class Routing(BaseModel):
    council: str = Field(description="Slug of the council that covers the postcode")
    postcode: str = Field(description="The postcode in its standard form")
