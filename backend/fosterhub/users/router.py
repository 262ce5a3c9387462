"""HTTP for the council's user accounts (admins) and the signed-in person's own account."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from fosterhub.auth.dependencies import STAFF, Admin, Caller, Person, require
from fosterhub.auth.roles import Role
from fosterhub.core.db import DbSession
from fosterhub.core.deps import AppSettings
from fosterhub.core.errors import problem_responses
from fosterhub.core.etags import require_if_match, set_etag
from fosterhub.core.idempotency import IdempotencyDep
from fosterhub.core.pagination import Page, PageParams, page_params
from fosterhub.users import service
from fosterhub.users.schemas import (
    PasswordChange,
    StaffMember,
    UserCreate,
    UserCreated,
    UserOut,
    UserPatch,
)

router = APIRouter(tags=["users"])
StaffPerson = Annotated[Caller, Depends(require(*STAFF, people_only=True))]


@router.get(
    "/users",
    operation_id="users:list",
    summary="List the council's user accounts",
    response_model=Page[UserOut],
    responses=problem_responses(401, 403, 422),
)
async def list_users(
    session: DbSession,
    _caller: Admin,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=100, description="Part of a name or email")] = None,
    role: Role | None = None,
    active: bool | None = None,
) -> Page[UserOut]:
    rows, cursor = await service.list_users(session, page, q=q, role=role, active=active)
    return Page(items=[service.to_out(u) for u in rows], next_cursor=cursor)


@router.get(
    "/staff",
    operation_id="users:staff",
    summary="Your council's staff: names and roles, for assigning work (any member of staff)",
    description="Everyone in the caller's council with a staff role, by name. Only `id`, "
    "`display_name`, staff `roles` and `is_active`: no email or sign-in details (admins have "
    "`/users` for those). `active=true` for the people work can be assigned to; without it, "
    "deactivated colleagues are listed too, so past assignees still have a name.",
    response_model=Page[StaffMember],
    responses=problem_responses(401, 403, 422),
)
async def staff_directory(
    session: DbSession,
    _caller: StaffPerson,
    page: Annotated[PageParams, Depends(page_params)],
    active: bool | None = None,
) -> Page[StaffMember]:
    rows, cursor = await service.staff_directory(session, page, active=active)
    return Page(items=rows, next_cursor=cursor)


@router.post(
    "/users",
    operation_id="users:create",
    summary="Add a person to the council",
    status_code=status.HTTP_201_CREATED,
    response_model=UserCreated,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_user(
    body: UserCreate, session: DbSession, caller: Admin, idempotency: IdempotencyDep
) -> Response:
    if replay := await idempotency.replay():
        return replay
    created = await service.create(session, caller.council_id, body)
    headers = {"Location": f"/api/v1/users/{created.id}"}
    if created.generated_password is None:
        return idempotency.remember(201, created, headers)
    # A generated password is shown once and never stored: a replay answers it as null.
    idempotency.remember(201, created.model_copy(update={"generated_password": None}), headers)
    return JSONResponse(
        jsonable_encoder(created),
        status_code=status.HTTP_201_CREATED,
        headers={**headers, "Cache-Control": "no-store"},
    )


@router.get(
    "/users/{user_id}",
    operation_id="users:get",
    summary="One user account",
    response_model=UserOut,
    responses=problem_responses(401, 403, 404),
)
async def get_user(user_id: str, session: DbSession, _caller: Admin, response: Response) -> UserOut:
    user = await service.get(session, user_id)
    set_etag(response, user)
    return service.to_out(user)


@router.patch(
    "/users/{user_id}",
    operation_id="users:update",
    summary="Change a person's name or roles, or deactivate them",
    description="Needs `If-Match` with the ETag from the last read. Deactivating ends their "
    "sessions.",
    response_model=UserOut,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_user(
    user_id: str,
    body: UserPatch,
    request: Request,
    response: Response,
    session: DbSession,
    caller: Admin,
) -> UserOut:
    user = await service.get(session, user_id, audit_read=False)
    require_if_match(request, user)
    user = await service.update(session, user, body, actor_id=caller.id)
    set_etag(response, user)
    return service.to_out(user)


@router.get(
    "/account",
    operation_id="users:account",
    summary="The signed-in person's own account",
    response_model=UserOut,
    responses=problem_responses(401, 403),
)
async def my_account(session: DbSession, caller: Person) -> UserOut:
    return service.to_out(await service.get(session, caller.id, audit_read=False))


@router.post(
    "/account/password",
    operation_id="users:change_password",
    summary="Change your own password",
    description="Ends every other session of yours; the session making the change carries on. "
    "Wrong current passwords count against the sign-in throttle (429, then 423).",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 422, 423, 429),
)
async def change_password(
    body: PasswordChange, session: DbSession, caller: Person, settings: AppSettings
) -> Response:
    user = await service.get(session, caller.id, audit_read=False)
    await service.change_password(
        session,
        user,
        body.current_password,
        body.new_password,
        keep_family=caller.family_id,
        settings=settings,
    )
    return Response(status_code=204)
