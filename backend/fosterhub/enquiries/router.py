"""HTTP for enquiries: the public enquiry (JSON or an HTML form) and the staff pipeline."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException

from fosterhub.config import Settings
from fosterhub.core import openapi
from fosterhub.core.db import DbSession, request_session
from fosterhub.core.deps import client_ip
from fosterhub.core.errors import (
    AppError,
    TooManyRequests,
    UnsupportedMediaType,
    problem_responses,
)
from fosterhub.core.etags import require_if_match, set_etag
from fosterhub.core.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotency_for
from fosterhub.core.pagination import Page, PageParams, page_params
from fosterhub.enquiries import html, service
from fosterhub.enquiries.dependencies import (
    AdminOnly,
    CallersCouncil,
    EnquiryForChange,
    StaffOnly,
    StaffReader,
    StaffWriter,
    ValidEnquiry,
)
from fosterhub.enquiries.schemas import (
    ContactAttemptCreate,
    ContactAttemptOut,
    EnquiryCreate,
    EnquiryDetail,
    EnquiryForm,
    EnquiryPatch,
    EnquiryReceipt,
    EnquirySummary,
    NoteCreate,
    NoteOut,
    PipelineVocabulary,
    ReasonCode,
    TimelineEntry,
    TransitionCreate,
    TransitionOut,
)
from fosterhub.enquiries.vocabulary import (
    CLOSING,
    OPEN_STAGES,
    REASONS,
    STAGES,
    Channel,
    Stage,
    allowed_moves,
)

router = APIRouter(tags=["enquiries"])
openapi.register_schema(EnquiryCreate, EnquiryForm)

FORM_MEDIA = "application/x-www-form-urlencoded"


@router.post(
    "/enquiries",
    operation_id="enquiries:create",
    summary="Ask about fostering (public)",
    description=(
        "The public enquiry. JSON answers 201 with the reference. An HTML form post "
        f"(`{FORM_MEDIA}`, flat field names) answers 303 to the thank-you page, or the form "
        "again with its errors, so the form works without JavaScript. Give `council`, or a "
        "postcode that one of the councils covers. Rate-limited per address; honours "
        "`Idempotency-Key`. The same person asking again within 90 days is linked to their "
        "first enquiry."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=EnquiryReceipt,
    responses={
        **problem_responses(400, 409, 413, 415, 422, 429),
        303: {"description": "Form post accepted: see the thank-you page"},
    },
    openapi_extra={
        "parameters": [IDEMPOTENCY_KEY_PARAMETER],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/EnquiryCreate"}},
                FORM_MEDIA: {"schema": {"$ref": "#/components/schemas/EnquiryForm"}},
            },
        },
    },
)
async def create_enquiry(request: Request) -> Response:
    # No parameters nor dependencies for FastAPI to solve: each costs on every request, and
    # this is the busiest route. It reads its header and opens its session itself.
    settings: Settings = request.app.state.settings
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(FORM_MEDIA):
        # A browser without JavaScript: every answer is a page, never problem+json.
        return await _create_from_form(request, settings)
    idempotency_key = request.headers.get("idempotency-key")
    await request.app.state.rate_limiter.hit(
        "enquiry", settings.rate_limit_enquiry, client_ip(request) or "-"
    )
    async with request_session(request) as session:
        if not content_type.startswith("application/json"):
            raise UnsupportedMediaType(f"Send application/json or {FORM_MEDIA}.")
        idempotency = await idempotency_for(request, session, idempotency_key)
        if replay := await idempotency.replay():
            return replay
        try:
            body = EnquiryCreate.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
            ) from exc
        received = await service.receive(session, settings, body, alone=idempotency.key is None)
        return idempotency.remember(
            201, received.receipt, {"Location": f"/api/v1/enquiries/{received.receipt.id}"}
        )


async def _create_from_form(request: Request, settings: Settings) -> Response:
    """The form post. Its errors answer HTML with the same status as the JSON would: the
    form again with the answers kept (422, and a 409 that needs only sending again), or a
    page of its own (429 with `Retry-After`, any other refusal)."""
    try:
        await request.app.state.rate_limiter.hit(
            "enquiry", settings.rate_limit_enquiry, client_ip(request) or "-"
        )
    except TooManyRequests as exc:
        # No database work for a flood: a small page, and the browser's back button keeps
        # what the visitor typed.
        return HTMLResponse(
            html.render_problem(
                request,
                "You have sent too many enquiries",
                "We have had too many enquiries from your connection in a short time. Wait "
                f"{exc.headers.get('Retry-After', 'a few')} seconds, then go back and send "
                "your enquiry again.",
            ),
            status_code=429,
            headers=exc.headers,
        )
    try:
        async with request_session(request) as session:
            return await _form_in_session(request, session, settings)
    except HTTPException as exc:
        if exc.status_code != 413:
            raise
        # The body ran over the cap while the form was read (a body without a length).
        return HTMLResponse(html.too_large_page(request.scope), status_code=413)
    except (AppError, IntegrityError) as exc:
        status_code = exc.status if isinstance(exc, AppError) else 409
        fields = getattr(request.state, "form_fields", None)
        if status_code == 409 and fields is not None:
            # Two writes met (a reference drawn twice): nothing was kept; sending again works.
            message = (
                "Your enquiry could not be saved just now and nothing was kept. "
                "Check your answers and send it again."
            )
            return HTMLResponse(
                html.render_form(request, fields, {"form": message}), status_code=409
            )
        detail = exc.detail if isinstance(exc, AppError) and exc.detail else None
        title = exc.title if isinstance(exc, AppError) else "Your enquiry could not be saved"
        return HTMLResponse(
            html.render_problem(
                request, title, detail or "Go back and try again, or contact your council."
            ),
            status_code=status_code,
            headers=exc.headers if isinstance(exc, AppError) else None,
        )


async def _form_in_session(request: Request, session: Any, settings: Settings) -> Response:
    form = await request.form()
    fields = html.FormFields.from_form(form)
    request.state.form_fields = fields
    request.state.councils = await html.council_options(session)
    try:
        body = EnquiryCreate.model_validate(fields.to_payload())
    except ValidationError as exc:
        errors = html.form_errors(exc.errors())
        return HTMLResponse(html.render_form(request, fields, errors), status_code=422)
    try:
        received = await service.receive(session, settings, body, alone=True)
    except AppError as exc:
        if exc.status != 422:
            raise
        if body.source.event_id and [e.field for e in exc.errors or []] == ["source.event_id"]:
            # The event is a hidden field the visitor cannot correct (an event of another
            # council than the one chosen, or one since deleted); the check comes before
            # anything is written, so the enquiry goes again without it.
            body.source.event_id = None
            return await _form_received(request, session, settings, body, fields)
        return HTMLResponse(
            html.render_form(request, fields, html.app_error_fields(exc)), status_code=422
        )
    return _thank_you(received)


async def _form_received(
    request: Request, session: Any, settings: Any, body: EnquiryCreate, fields: Any
) -> Response:
    try:
        received = await service.receive(session, settings, body)
    except AppError as exc:
        if exc.status != 422:
            raise
        return HTMLResponse(
            html.render_form(request, fields, html.app_error_fields(exc)), status_code=422
        )
    return _thank_you(received)


def _thank_you(received: service.Received) -> Response:
    return RedirectResponse(
        f"/enquire/basic/thank-you?reference={received.receipt.reference}"
        f"&council={received.receipt.council}",
        status_code=303,
    )


@router.get(
    "/pipeline",
    operation_id="enquiries:pipeline",
    summary="The pipeline's stages, allowed moves and reason codes, with counts per stage",
    response_model=PipelineVocabulary,
    responses=problem_responses(401, 403),
)
async def pipeline(session: DbSession, _caller: StaffReader) -> dict[str, Any]:
    return {
        "stages": list(STAGES),
        "open_stages": list(OPEN_STAGES),
        "closing": list(CLOSING),
        "reasons": {
            stage: [ReasonCode(code=c, text=t) for c, t in codes.items()]
            for stage, codes in REASONS.items()
        },
        "moves": {stage: allowed_moves(stage) for stage in STAGES},
        "board": await service.board(session),
    }


@router.get(
    "/enquiries",
    operation_id="enquiries:list",
    summary="The council's enquiries, newest first, with filters and search",
    description=(
        "`q` matches a name, a reference, a postcode or its district, or an email. "
        "`overdue=true` lists work past its target; `recontact=true` people who withdrew or "
        "stopped answering, agreed to hear from the council again (`marketing_ok`), and closed "
        "longer ago than the council's re-contact interval (`retention.recontact_after_months`, "
        "default 6); `offer_no_response=true` open enquiries whose failed contact "
        "attempts reached the council's number. Repeat enquiries are left out unless "
        "`include_repeats=true`."
    ),
    response_model=Page[EnquirySummary],
    responses=problem_responses(401, 403, 422),
)
async def list_enquiries(
    session: DbSession,
    caller: StaffReader,
    council: CallersCouncil,
    page: Annotated[PageParams, Depends(page_params)],
    stage: Annotated[list[Stage] | None, Query(description="Repeat for several")] = None,
    channel: Channel | None = None,
    campaign: Annotated[str | None, Query(max_length=36, description="Code or id")] = None,
    assigned_to: Annotated[
        str | None, Query(max_length=36, description="A user id, `me`, or `none`")
    ] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    overdue: bool = False,
    recontact: bool = False,
    offer_no_response: bool = False,
    include_repeats: bool = False,
    received_from: date | None = None,
    received_to: date | None = None,
) -> Page[EnquirySummary]:
    filters = service.ListFilters(
        stages=list(stage) if stage else None,
        channel=channel,
        campaign=campaign,
        assigned_to=assigned_to,
        q=q,
        overdue=overdue,
        recontact=recontact,
        offer_no_response=offer_no_response,
        include_repeats=include_repeats,
        received_from=received_from,
        received_to=received_to,
    )
    rows, cursor = await service.list_enquiries(session, council, caller.id, filters, page)
    return Page(
        items=[EnquirySummary.model_validate(service.to_summary(e)) for e in rows],
        next_cursor=cursor,
    )


@router.get(
    "/enquiries/{enquiry_id}",
    operation_id="enquiries:get",
    summary="One enquiry (the read is audited)",
    response_model=EnquiryDetail,
    responses=problem_responses(401, 403, 404),
)
async def get_enquiry(
    enquiry: ValidEnquiry, council: CallersCouncil, session: DbSession, response: Response
) -> dict[str, Any]:
    set_etag(response, enquiry)
    return await service.to_detail(session, council, enquiry)


@router.patch(
    "/enquiries/{enquiry_id}",
    operation_id="enquiries:update",
    summary="Correct contact details, interests or household; assign to an officer",
    description="Needs `If-Match` with the ETag from the last read.",
    response_model=EnquiryDetail,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_enquiry(
    body: EnquiryPatch,
    enquiry: EnquiryForChange,
    council: CallersCouncil,
    _caller: StaffWriter,
    request: Request,
    response: Response,
    session: DbSession,
) -> dict[str, Any]:
    require_if_match(request, enquiry)
    enquiry = await service.update(session, enquiry, body)
    set_etag(response, enquiry)
    return await service.to_detail(session, council, enquiry)


@router.post(
    "/enquiries/{enquiry_id}/transitions",
    operation_id="enquiries:move",
    summary="Move an enquiry to its next stage, or close it with a reason",
    description=(
        "Only the allowed moves (see `allowed_moves` on the enquiry, or `/pipeline`); 409 "
        "otherwise. Closing outcomes need a reason code: withdrawals use Ofsted's AW codes. "
        "A move to `approved` makes the carer household; `approval` gives its terms."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=TransitionOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def move_enquiry(
    body: TransitionCreate,
    enquiry: EnquiryForChange,
    council: CallersCouncil,
    caller: StaffOnly,
    session: DbSession,
) -> TransitionOut:
    t = await service.move(session, council, enquiry, body, caller.id)
    return TransitionOut(
        id=t.id,
        from_stage=t.from_stage,
        to_stage=t.to_stage,
        reason=t.reason_code,
        reason_text=REASONS.get(t.to_stage, {}).get(t.reason_code or ""),
        note=t.note,
        actor_id=t.actor_id,
        occurred_at=t.occurred_at,
    )


@router.get(
    "/enquiries/{enquiry_id}/timeline",
    operation_id="enquiries:timeline",
    summary="Everything that happened to an enquiry, oldest first",
    description=(
        "Moves (with who, when, the reason and the note), contact attempts, notes and the "
        "person's repeat enquiries, oldest first, in pages like every list: `?limit=` (1-200, "
        "default 50) and `?cursor=` (the `next_cursor` of the page before)."
    ),
    response_model=Page[TimelineEntry],
    responses=problem_responses(401, 403, 404, 422),
)
async def enquiry_timeline(
    enquiry: EnquiryForChange,
    _caller: StaffOnly,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[TimelineEntry]:
    entries, cursor = await service.timeline(session, enquiry, page)
    return Page(items=[TimelineEntry.model_validate(e) for e in entries], next_cursor=cursor)


@router.post(
    "/enquiries/{enquiry_id}/contact-attempts",
    operation_id="enquiries:add_contact_attempt",
    summary="Record a try at reaching the person",
    description="The answer's `Offer-No-Response` header (`true` or `false`) says whether the "
    "council's number of failed attempts has been reached, so the enquiry may be closed as "
    "`no_response`.",
    status_code=status.HTTP_201_CREATED,
    response_model=ContactAttemptOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_contact_attempt(
    body: ContactAttemptCreate,
    enquiry: EnquiryForChange,
    council: CallersCouncil,
    caller: StaffOnly,
    session: DbSession,
    response: Response,
) -> ContactAttemptOut:
    attempt, offer = await service.add_contact_attempt(session, council, enquiry, body, caller.id)
    response.headers["Offer-No-Response"] = "true" if offer else "false"
    return ContactAttemptOut(
        id=attempt.id,
        channel=attempt.channel,
        outcome=attempt.outcome,
        note=attempt.note,
        actor_id=attempt.actor_id,
        attempted_at=attempt.attempted_at,
    )


@router.post(
    "/enquiries/{enquiry_id}/notes",
    operation_id="enquiries:add_note",
    summary="Add a note to an enquiry",
    status_code=status.HTTP_201_CREATED,
    response_model=NoteOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_note(
    body: NoteCreate, enquiry: EnquiryForChange, caller: StaffOnly, session: DbSession
) -> NoteOut:
    note = await service.add_note(session, enquiry, body.body, caller.id)
    return NoteOut(id=note.id, body=note.body, author_id=note.author_id, created_at=note.created_at)


@router.get(
    "/enquiries/{enquiry_id}/export",
    operation_id="enquiries:export",
    summary="Everything held on the person (a subject access request)",
    responses=problem_responses(401, 403, 404),
)
async def export_enquiry(
    enquiry: EnquiryForChange, _caller: AdminOnly, session: DbSession
) -> JSONResponse:
    from fastapi.encoders import jsonable_encoder

    data = await service.export(session, enquiry)
    return JSONResponse(
        jsonable_encoder(data),
        headers={"Content-Disposition": f'attachment; filename="{enquiry.reference}.json"'},
    )


@router.post(
    "/enquiries/{enquiry_id}/erasure",
    operation_id="enquiries:erase",
    summary="Erase the person's details; the anonymous history and counts stay",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404),
)
async def erase_enquiry(
    enquiry: EnquiryForChange, _caller: AdminOnly, session: DbSession
) -> Response:
    await service.erase(session, enquiry)
    return Response(status_code=204)
