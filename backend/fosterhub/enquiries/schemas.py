"""Shapes of enquiries: the public enquiry, the staff views, moves, contact attempts, notes."""

from datetime import date, datetime
from typing import Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    ValidationInfo,
    field_validator,
)

from fosterhub.core.schemas import InputModel
from fosterhub.core.validators import EmailAddress, PersonName, UKPhone, UKPostcode
from fosterhub.councils.schemas import FosteringType
from fosterhub.enquiries.vocabulary import Channel, ContactChannel, ContactOutcome, Stage

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")


class ContactIn(InputModel):
    first_name: PersonName
    last_name: PersonName
    email: EmailAddress
    phone: UKPhone | None = None
    postcode: UKPostcode
    preferred_contact: Literal["email", "phone", "text"] | None = None


class HouseholdIn(InputModel):
    adults: int | None = Field(default=None, ge=1, le=10, description="Adults in the home")
    children: int | None = Field(default=None, ge=0, le=20, description="Children at home")
    spare_bedroom: bool | None = None
    notes: str | None = Field(default=None, max_length=1000)


class SourceIn(InputModel):
    channel: Channel
    campaign_code: str | None = Field(default=None, min_length=4, max_length=16)
    referral_code: str | None = Field(default=None, min_length=4, max_length=16)
    event_id: str | None = Field(default=None, pattern=r"^[0-9a-f-]{36}$")
    utm: dict[str, str] | None = None

    @field_validator("campaign_code", "referral_code")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @field_validator("utm")
    @classmethod
    def _utm(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is None:
            return None
        unknown = set(value) - set(UTM_KEYS)
        if unknown:
            raise ValueError(f"utm may hold only {', '.join(UTM_KEYS)}")
        if any(len(v) > 200 for v in value.values()):
            raise ValueError("utm values are at most 200 characters")
        return value


class ConsentIn(InputModel):
    privacy_notice_version: str = Field(min_length=1, max_length=20)
    contact_ok: Literal[True] = Field(description="Must be true: we may contact you about this")
    marketing_ok: bool = False


class EnquiryCreate(InputModel):
    """The public enquiry. Give `council` (a slug), or leave it out to route by postcode."""

    council: str | None = Field(default=None, min_length=2, max_length=64)
    contact: ContactIn
    interests: list[FosteringType] = Field(min_length=1, max_length=8)
    household: HouseholdIn | None = None
    source: SourceIn
    consent: ConsentIn
    website: str | None = Field(
        default=None, max_length=200, description="Leave empty (a trap for robots)"
    )

    @field_validator("interests")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class EnquiryForm(BaseModel):
    """The same enquiry as an HTML form post (`application/x-www-form-urlencoded`): flat
    field names, `interests` repeated, checkboxes sent as `true` when ticked."""

    council: str | None = None
    first_name: str
    last_name: str
    email: str
    phone: str | None = None
    postcode: str
    interests: list[FosteringType]
    channel: Channel = "website"
    campaign_code: str | None = None
    referral_code: str | None = None
    event_id: str | None = Field(default=None, description="The event the visitor came from")
    privacy_notice_version: str
    contact_ok: Literal["true"]
    marketing_ok: Literal["true"] | None = None
    website: str | None = Field(default=None, description="Leave empty (a trap for robots)")


class EnquiryReceipt(BaseModel):
    id: str
    reference: str
    council: str
    stage: Literal["enquiry"] = "enquiry"
    received_at: datetime


class ContactOut(BaseModel):
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    postcode: str | None
    preferred_contact: str | None


class SourceOut(BaseModel):
    channel: str
    campaign_id: str | None
    campaign_code: str | None
    event_id: str | None
    referral: bool = Field(description="Whether a carer's referral code came with it")
    utm: dict[str, Any] | None


class ConsentOut(BaseModel):
    privacy_notice_version: str
    contact_ok: bool
    marketing_ok: bool
    consent_at: datetime


class EnquirySummary(BaseModel):
    id: str
    reference: str
    stage: Stage
    first_name: str
    last_name: str
    postcode: str | None
    channel: str
    received_at: datetime
    stage_entered_at: datetime
    due_at: datetime | None
    is_overdue: bool
    assigned_to: str | None
    duplicate_of: str | None
    failed_contact_attempts: int


class EnquiryDetail(EnquirySummary):
    contact: ContactOut
    interests: list[str]
    household: dict[str, Any] | None
    source: SourceOut
    consent: ConsentOut
    closed_at: datetime | None
    close_reason: str | None
    allowed_moves: list[str]
    offer_no_response: bool = Field(
        description="The council's number of failed contact attempts has been reached"
    )
    erased_at: datetime | None
    carer_household_id: str | None


class EnquiryPatch(InputModel):
    first_name: PersonName | None = None
    last_name: PersonName | None = None
    email: EmailAddress | None = None
    phone: UKPhone | None = None
    postcode: UKPostcode | None = None
    preferred_contact: Literal["email", "phone", "text"] | None = None
    interests: list[FosteringType] | None = Field(default=None, min_length=1, max_length=8)
    household: HouseholdIn | None = None
    marketing_ok: bool | None = None
    assigned_to: str | None = Field(
        default=None, max_length=36, description="A staff member's user id; null to unassign"
    )


class OtherAdult(InputModel):
    """Another adult of the approved household (a partner, a grown-up child at home)."""

    first_name: PersonName
    last_name: PersonName
    email: EmailAddress | None = None


# A household with more adults than this is a case for a person, not a form.
MAX_OTHER_ADULTS = 5


class ApprovalTerms(InputModel):
    approved_on: date | None = None
    other_adults: list[OtherAdult] = Field(
        default_factory=list,
        max_length=MAX_OTHER_ADULTS,
        description="The household's adults besides the enquirer, who is always the first "
        f"(at most {MAX_OTHER_ADULTS})",
    )
    fostering_types: list[FosteringType] | None = Field(default=None, min_length=1)
    age_min: int = Field(default=0, ge=0, le=17)
    age_max: int = Field(default=17, ge=0, le=25)
    places: int = Field(default=1, ge=1, le=10)

    @field_validator("age_max")
    @classmethod
    def _ages(cls, value: int, info: ValidationInfo) -> int:
        if value < info.data.get("age_min", 0):
            raise ValueError("age_max must not be below age_min")
        return value


class TransitionCreate(InputModel):
    to: Stage
    reason: str | None = Field(default=None, max_length=8)
    note: str | None = Field(default=None, max_length=5000)
    approval: ApprovalTerms | None = Field(
        default=None, description="Terms of approval, when moving to `approved`"
    )


class TransitionOut(BaseModel):
    id: str
    from_stage: str | None
    to_stage: str
    reason: str | None
    reason_text: str | None
    note: str | None
    actor_id: str | None
    occurred_at: datetime


class ContactAttemptCreate(InputModel):
    channel: ContactChannel
    outcome: ContactOutcome
    note: str | None = Field(default=None, max_length=5000)
    attempted_at: AwareDatetime | None = Field(
        default=None, description="Defaults to now; with its offset (RFC 3339)"
    )


class ContactAttemptOut(BaseModel):
    id: str
    channel: str
    outcome: str
    note: str | None
    actor_id: str | None
    attempted_at: datetime


class NoteCreate(InputModel):
    body: str = Field(min_length=1, max_length=10_000)


class NoteOut(BaseModel):
    id: str
    body: str
    author_id: str | None
    created_at: datetime


class TimelineEntry(BaseModel):
    kind: Literal["transition", "contact_attempt", "note", "repeat_enquiry"]
    at: datetime
    actor_id: str | None
    summary: str
    detail: dict[str, Any]


class ReasonCode(BaseModel):
    code: str
    text: str


class StageCount(BaseModel):
    stage: str
    count: int
    overdue: int


class PipelineVocabulary(BaseModel):
    board: list[StageCount]
    stages: list[str]
    open_stages: list[str]
    closing: list[str]
    reasons: dict[str, list[ReasonCode]]
    moves: dict[str, list[str]]
