"""Existence checks as dependencies: the enquiry in the path, found in the caller's council."""

from typing import Annotated

from fastapi import Depends, Path

from fosterhub.auth.dependencies import STAFF, Caller, require
from fosterhub.core.db import DbSession
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Council
from fosterhub.enquiries import service
from fosterhub.enquiries.models import Enquiry

StaffReader = Annotated[Caller, Depends(require(*STAFF, scopes=("enquiries:read",)))]
StaffWriter = Annotated[Caller, Depends(require(*STAFF, scopes=("enquiries:write",)))]
# Finding the enquiry (and the caller's council) for a change: a client with either scope
# gets that far; the route's own dependency then decides (PATCH needs `enquiries:write`).
StaffReaderOrWriter = Annotated[
    Caller, Depends(require(*STAFF, scopes=("enquiries:read", "enquiries:write")))
]
StaffOnly = Annotated[Caller, Depends(require(*STAFF, people_only=True))]
AdminOnly = Annotated[Caller, Depends(require("admin", people_only=True))]

EnquiryId = Annotated[str, Path(max_length=36, description="The enquiry's id")]


async def callers_council(session: DbSession, caller: StaffReaderOrWriter) -> Council:
    return await councils_service.get_by_id(session, caller.council_id)


CallersCouncil = Annotated[Council, Depends(callers_council)]


async def valid_enquiry(enquiry_id: EnquiryId, session: DbSession, _caller: StaffReader) -> Enquiry:
    """The enquiry, read and audited; 404 when it is not the caller's council's."""
    return await service.get(session, enquiry_id)


async def enquiry_for_change(
    enquiry_id: EnquiryId, session: DbSession, _caller: StaffReaderOrWriter
) -> Enquiry:
    """The enquiry locked for the change (on PostgreSQL), not audited as a read."""
    return await service.get(session, enquiry_id, audit_read=False, for_update=True)


ValidEnquiry = Annotated[Enquiry, Depends(valid_enquiry)]
EnquiryForChange = Annotated[Enquiry, Depends(enquiry_for_change)]
