"""Shapes of carer households."""

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from fosterhub.core.schemas import InputModel
from fosterhub.councils.schemas import FosteringType

HouseholdStatus = Literal["approved", "on_hold", "deregistered"]
DeregistrationReason = Literal[
    "retired",
    "moved_away",
    "transferred_to_agency",
    "transferred_to_council",
    "health",
    "household_change",
    "special_guardianship_or_adoption",
    "allegation_or_concern",
    "council_decision",
    "other",
]


class Adult(BaseModel):
    first_name: str
    last_name: str
    email: str | None = None


class HouseholdOut(BaseModel):
    id: str
    name: str
    adults: list[Adult]
    enquiry_id: str | None
    user_id: str | None
    approved_on: date
    fostering_types: list[str]
    age_min: int
    age_max: int
    places: int
    status: HouseholdStatus
    status_changed_on: date | None
    deregistered_on: date | None
    deregistration_reason: str | None
    referral_code: str
    is_champion: bool
    created_at: datetime


class HouseholdPatch(InputModel):
    status: HouseholdStatus | None = None
    status_changed_on: date | None = Field(default=None, description="Defaults to today")
    deregistration_reason: DeregistrationReason | None = Field(
        default=None,
        validate_default=True,
        description="Required with status `deregistered`; otherwise leave it out or send null",
    )
    fostering_types: list[FosteringType] | None = Field(default=None, min_length=1)
    age_min: int | None = Field(default=None, ge=0, le=17)
    age_max: int | None = Field(default=None, ge=0, le=25)
    places: int | None = Field(default=None, ge=1, le=10)
    is_champion: bool | None = None
    user_id: str | None = Field(default=None, max_length=36, description="The carer's log-in")

    # A field validator, not a model validator, so the error names `deregistration_reason`.
    @field_validator("deregistration_reason")
    @classmethod
    def _reason_with_deregistration(cls, value: str | None, info: ValidationInfo) -> str | None:
        # Without a status in the body, the household's own status decides (in the service).
        status = info.data.get("status")
        if status == "deregistered" and value is None:
            raise ValueError("Give the reason for deregistering (deregistration_reason)")
        if value is not None and status not in (None, "deregistered"):
            raise ValueError("A deregistration reason goes only with status deregistered")
        return value


def adults_from(data: list[dict[str, Any]]) -> list[Adult]:
    return [Adult.model_validate(a) for a in data]
