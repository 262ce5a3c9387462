"""Who may call, and the event in the path found for them (host, co-host, or the public)."""

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from fosterhub.auth.dependencies import STAFF, Caller, authenticated, require
from fosterhub.core.db import DbSession
from fosterhub.core.deps import AppSettings
from fosterhub.events import service

StaffReader = Annotated[Caller, Depends(require(*STAFF, scopes=("events:read",)))]
StaffOnly = Annotated[Caller, Depends(require(*STAFF, people_only=True))]
Booker = Annotated[Caller, Depends(require("carer", "applicant", people_only=True))]
# A place for yourself: carers and applicants at their audience's events, staff at the staff
# events their council hosts or co-hosts.
SelfBooker = Annotated[Caller, Depends(require("carer", "applicant", *STAFF, people_only=True))]

EventId = Annotated[str, Path(max_length=36, description="The event's id")]

_optional_bearer = HTTPBearer(
    auto_error=False, description="Optional: staff see drafts, carers their audience's events"
)


async def optional_caller(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_optional_bearer)],
) -> Caller | None:
    """The caller when a token is sent (an invalid one is still 401); None for the public."""
    if credentials is None:
        return None
    return await authenticated(request, session, settings, credentials)


OptionalCaller = Annotated[Caller | None, Depends(optional_caller)]


async def event_for_staff(
    event_id: EventId, session: DbSession, caller: StaffReader
) -> service.Access:
    """The event when the caller's council hosts or co-hosts it; 404 otherwise."""
    return await service.for_staff(session, caller, event_id)


async def event_for_staff_people(
    event_id: EventId, session: DbSession, caller: StaffOnly
) -> service.Access:
    return await service.for_staff(session, caller, event_id)


async def event_for_host(
    event_id: EventId, session: DbSession, caller: StaffOnly
) -> service.Access:
    """The event locked for a change; only the hosting council's staff change it."""
    return await service.for_staff(session, caller, event_id, host_only=True)


StaffEvent = Annotated[service.Access, Depends(event_for_staff)]
PeopleEvent = Annotated[service.Access, Depends(event_for_staff_people)]
HostEvent = Annotated[service.Access, Depends(event_for_host)]
