"""HTTP for carer households: staff see and update them; a carer sees their own."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from fosterhub.auth.dependencies import STAFF, Caller, require
from fosterhub.carers import service
from fosterhub.carers.schemas import HouseholdOut, HouseholdPatch, HouseholdStatus
from fosterhub.core.db import DbSession
from fosterhub.core.errors import problem_responses
from fosterhub.core.etags import require_if_match, set_etag
from fosterhub.core.pagination import Page, PageParams, page_params

router = APIRouter(tags=["carers"])

StaffOnly = Annotated[Caller, Depends(require(*STAFF, people_only=True))]
CarerOnly = Annotated[Caller, Depends(require("carer", people_only=True))]
HouseholdId = Annotated[str, Path(max_length=36)]


@router.get(
    "/carers",
    operation_id="carers:list",
    summary="The council's carer households",
    response_model=Page[HouseholdOut],
    responses=problem_responses(401, 403, 422),
)
async def list_carers(
    session: DbSession,
    _caller: StaffOnly,
    page: Annotated[PageParams, Depends(page_params)],
    status: HouseholdStatus | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    champion: bool | None = None,
) -> Page[HouseholdOut]:
    rows, cursor = await service.list_households(
        session, page, status=status, q=q, champion=champion
    )
    return Page(items=[service.to_out(h) for h in rows], next_cursor=cursor)


@router.get(
    "/carers/me",
    operation_id="carers:me",
    summary="Your own carer household (carers)",
    response_model=HouseholdOut,
    responses=problem_responses(401, 403, 404),
)
async def my_household(session: DbSession, caller: CarerOnly) -> HouseholdOut:
    return service.to_out(await service.for_user(session, caller.id))


@router.get(
    "/carers/{household_id}",
    operation_id="carers:get",
    summary="One carer household (the read is audited)",
    response_model=HouseholdOut,
    responses=problem_responses(401, 403, 404),
)
async def get_carer(
    household_id: HouseholdId, session: DbSession, _caller: StaffOnly, response: Response
) -> HouseholdOut:
    household = await service.get(session, household_id)
    set_etag(response, household)
    return service.to_out(household)


@router.patch(
    "/carers/{household_id}",
    operation_id="carers:update",
    summary="Change approval terms or status (on hold, deregistered with a reason)",
    description="Needs `If-Match` with the ETag from the last read.",
    response_model=HouseholdOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_carer(
    household_id: HouseholdId,
    body: HouseholdPatch,
    request: Request,
    response: Response,
    session: DbSession,
    _caller: StaffOnly,
) -> HouseholdOut:
    household = await service.get(session, household_id, audit_read=False)
    require_if_match(request, household)
    household = await service.update(session, household, body)
    set_etag(response, household)
    return service.to_out(household)
