"""Shapes of events, registrations, check-ins, results and calendar addresses."""

import re
from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
)

from fosterhub.core.schemas import InputModel
from fosterhub.core.validators import EmailAddress, PersonName, UKPhone, UKPostcode
from fosterhub.councils.schemas import FosteringType
from fosterhub.enquiries.schemas import ConsentIn, ContactIn, HouseholdIn

LONDON = ZoneInfo("Europe/London")
TIME_ZONE: Literal["Europe/London"] = "Europe/London"

EventKind = Literal["drop_in", "information_evening", "webinar", "stall", "celebration", "training"]
Audience = Literal["public", "carers", "applicants", "staff"]
EventStatus = Literal["draft", "published", "cancelled"]
RegistrationStatus = Literal["confirmed", "waitlisted", "cancelled", "attended", "no_show"]
SEAT_HOLDING: tuple[str, ...] = ("confirmed", "attended", "no_show")


def _london_iso(value: datetime) -> str:
    """ISO 8601 in London time with a numeric offset, `+00:00` in winter and `+01:00` in
    summer, never `Z`: every time in an events answer reads the same way."""
    return value.astimezone(LONDON).isoformat()


LondonTime = Annotated[
    datetime,
    PlainSerializer(_london_iso, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]

HTTPS_URL = r"^https://[^\s<>\"]+$"
COUNCIL_SLUG = r"^[a-z0-9-]{2,64}$"


def _council_slugs(value: list[str]) -> list[str]:
    for slug in value:
        if not re.match(COUNCIL_SLUG, slug):
            raise ValueError("council slugs are lower-case letters, digits and hyphens")
    return list(dict.fromkeys(value))


class VenueIn(InputModel):
    name: str = Field(min_length=1, max_length=200)
    address: str = Field(min_length=1, max_length=500)
    postcode: UKPostcode


class EventCreate(InputModel):
    """A new event. Times need an offset (`Z`, `+00:00`, `+01:00`); they are stored in UTC and
    answered in Europe/London time. Give a `venue`, an `online_url`, or both."""

    title: str = Field(min_length=1, max_length=200)
    kind: EventKind
    audience: Audience
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    description: str | None = Field(default=None, max_length=10_000)
    capacity: int | None = Field(default=None, ge=1, le=100_000, description="None: no limit")
    venue: VenueIn | None = None
    online_url: str | None = Field(default=None, max_length=500, pattern=HTTPS_URL)
    partner_organisation: str | None = Field(
        default=None, max_length=200, description="The store, club or school hosting it"
    )
    status: Literal["draft", "published"] = "draft"
    cohosts: list[str] = Field(
        default_factory=list, max_length=10, description="Slugs of co-hosting councils"
    )
    course_id: str | None = Field(
        default=None, max_length=36, description="For kind `training`: the course it teaches"
    )
    cost_pence: int | None = Field(
        default=None, ge=0, le=100_000_000, description="What the event costs (its campaign's)"
    )

    @field_validator("cohosts")
    @classmethod
    def _slugs(cls, value: list[str]) -> list[str]:
        return _council_slugs(value)


class EventPatch(InputModel):
    """Changes to an event; `null` clears `description`, `capacity`, `venue`, `online_url`,
    `partner_organisation` and `cost_pence`. Status changes go through publish and cancel."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    kind: EventKind | None = None
    audience: Audience | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    description: str | None = Field(default=None, max_length=10_000)
    capacity: int | None = Field(default=None, ge=1, le=100_000)
    venue: VenueIn | None = None
    online_url: str | None = Field(default=None, max_length=500, pattern=HTTPS_URL)
    partner_organisation: str | None = Field(default=None, max_length=200)
    cohosts: list[str] | None = Field(default=None, max_length=10)
    course_id: str | None = Field(default=None, max_length=36)
    cost_pence: int | None = Field(
        default=None, ge=0, le=100_000_000, description="What the event costs; null: unknown"
    )

    @field_validator("cohosts")
    @classmethod
    def _slugs(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _council_slugs(value)


class CouncilRef(BaseModel):
    slug: str
    name: str


class VenueOut(BaseModel):
    name: str | None
    address: str | None
    postcode: str | None


class RegistrationCounts(BaseModel):
    confirmed: int = 0
    waitlisted: int = 0
    cancelled: int = 0
    attended: int = 0
    no_show: int = 0


class EventStaffView(BaseModel):
    """What the hosting and co-hosting councils' staff see besides the public fields."""

    is_host: bool
    online_url: str | None
    counts: RegistrationCounts
    cost_pence: int | None = Field(description="The event's campaign's cost, if known")
    created_at: LondonTime
    updated_at: LondonTime
    published_at: LondonTime | None
    cancelled_at: LondonTime | None
    cancellation_reason: str | None


class EventOut(BaseModel):
    id: str
    council: CouncilRef = Field(description="The hosting council")
    cohosts: list[CouncilRef]
    kind: EventKind
    title: str
    description: str | None
    venue: VenueOut | None
    is_online: bool = Field(description="The joining link is sent to those registered")
    partner_organisation: str | None
    starts_at: LondonTime = Field(
        description="London time with that day's offset (`+00:00` or `+01:00`, never `Z`)"
    )
    ends_at: LondonTime
    time_zone: Literal["Europe/London"] = TIME_ZONE
    capacity: int | None
    seats_left: int | None = Field(description="None when the event has no limit")
    is_full: bool
    audience: Audience
    status: EventStatus
    campaign_code: str | None = Field(description="Quote it when enquiring: attribution")
    course_id: str | None
    enquiry_url: str = Field(description="The enquiry form, carrying the event's code")
    distance_km: float | None = Field(
        default=None, description="From the `near` postcode, when given"
    )
    staff: EventStaffView | None = Field(
        default=None, description="Only for staff of the hosting or a co-hosting council"
    )


class RegistrationCreate(InputModel):
    name: PersonName
    email: EmailAddress
    phone: UKPhone | None = None
    access_needs: str | None = Field(
        default=None, max_length=1000, description="Anything we should arrange for you"
    )


class RegistrationReceipt(BaseModel):
    id: str
    event_id: str
    status: Literal["confirmed", "waitlisted"]
    waitlist_position: int | None = Field(description="1 is next in line; None when confirmed")


class RegistrationOut(BaseModel):
    id: str
    event_id: str
    name: str
    email: str
    phone: str | None
    access_needs: str | None
    user_id: str | None
    status: RegistrationStatus
    created_at: LondonTime
    confirmed_at: LondonTime | None
    waitlisted_at: LondonTime | None
    cancelled_at: LondonTime | None
    cancelled_by: str | None
    checked_in_at: LondonTime | None


class CancelToken(InputModel):
    token: str = Field(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")


class CancelPreview(BaseModel):
    """What the cancellation page shows before the person confirms."""

    registration_id: str
    status: RegistrationStatus
    name: str
    event: EventOut


class CheckInCreate(InputModel):
    registration_id: str = Field(min_length=1, max_length=36)


class NoShowsCreate(InputModel):
    registration_ids: list[str] | None = Field(
        default=None,
        max_length=2000,
        description="Leave out to mark everyone still `confirmed` as a no-show",
    )


class NoShowsOut(BaseModel):
    marked: int


class EventCancel(InputModel):
    reason: str | None = Field(default=None, max_length=2000, description="Told to everyone")


class StallEnquiry(InputModel):
    """An enquiry taken at the event (a stall, a drop-in): recorded in the caller's council
    with channel `event`, the event and its code."""

    contact: ContactIn
    interests: list[FosteringType] = Field(min_length=1, max_length=8)
    household: HouseholdIn | None = None
    consent: ConsentIn


class EventResults(BaseModel):
    event_id: str
    registrations: int = Field(description="Every registration that was not cancelled")
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int
    no_shows: int
    attendance_rate: float | None = Field(description="attended / (attended + no_shows)")
    enquiries: int = Field(description="Your council's enquiries naming the event or its code")
    reached_initial_visit: int
    applications: int
    approvals: int
    cost_pence: int | None
    cost_per_enquiry_pence: int | None


class CalendarAddress(BaseModel):
    url: str = Field(description="Subscribe to it in a calendar app; keep it private")
    created_at: LondonTime


class BookableEvent(EventOut):
    """An event for carers or applicants, with the caller's own booking."""

    my_booking: RegistrationStatus | None = Field(description="Your booking's status, if any")
