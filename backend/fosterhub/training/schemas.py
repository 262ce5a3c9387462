"""Shapes of courses, completions, training records and the TSD standards."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from fosterhub.core.schemas import InputModel
from fosterhub.events.schemas import EventOut


class CourseCreate(InputModel):
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    is_tsd: bool = Field(
        default=False, description="Part of the Training, Support and Development Standards"
    )
    valid_for_months: int | None = Field(
        default=None, ge=1, le=240, description="How long a completion counts; null: for good"
    )


class CoursePatch(InputModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    is_tsd: bool | None = None
    valid_for_months: int | None = Field(default=None, ge=1, le=240)
    is_active: bool | None = None


class CourseOut(BaseModel):
    id: str
    name: str
    description: str | None
    is_tsd: bool
    valid_for_months: int | None
    is_active: bool
    created_at: datetime


class CompletionCreate(InputModel):
    """Give the carer household, or (for an applicant) the person's account."""

    course_id: str = Field(min_length=1, max_length=36)
    household_id: str | None = Field(default=None, max_length=36)
    user_id: str | None = Field(default=None, max_length=36)
    person_name: str | None = Field(
        default=None, max_length=200, description="Which adult of the household, if not both"
    )
    completed_on: date
    note: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _one_person(self) -> "CompletionCreate":
        if (self.household_id is None) == (self.user_id is None):
            raise ValueError("give household_id or user_id (one of them)")
        return self


class CompletionOut(BaseModel):
    id: str
    course_id: str
    course_name: str
    is_tsd: bool
    household_id: str | None
    user_id: str | None
    person_name: str | None
    completed_on: date
    expires_on: date | None
    is_expired: bool
    source: Literal["staff", "check_in"]
    event_id: str | None
    created_at: datetime


CourseState = Literal["current", "expiring", "expired", "not_done"]


class CourseStanding(BaseModel):
    """One course of the council's catalogue against the person's record."""

    course_id: str
    name: str
    is_tsd: bool
    state: CourseState = Field(description="`expiring`: within 90 days")
    completed_on: date | None
    expires_on: date | None


class TsdProgress(BaseModel):
    due_on: date = Field(description="12 months from approval; 18 for family and friends")
    required: int
    completed: int
    is_complete: bool
    is_overdue: bool
    missing: list[str]


class Booking(BaseModel):
    registration_id: str
    status: Literal["confirmed", "waitlisted"]
    event: EventOut


class TrainingRecord(BaseModel):
    household_id: str | None
    user_id: str | None
    courses: list[CourseStanding]
    completions: list[CompletionOut]
    upcoming: list[Booking]
    tsd: TsdProgress | None = Field(description="For an approved household")


class TsdBehind(BaseModel):
    household_id: str
    name: str
    approved_on: date
    is_family_and_friends: bool
    due_on: date
    required: int
    completed: int
    is_overdue: bool
    days_left: int = Field(description="Negative once overdue")


class TrainingSession(EventOut):
    course_name: str | None
    my_booking: Literal["confirmed", "waitlisted", "attended", "no_show"] | None = Field(
        description="The signed-in person's booking, if any"
    )
