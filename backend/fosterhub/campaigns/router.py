"""HTTP for campaigns, ambassadors' codes, QR codes, the public landing, and referrals."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.responses import RedirectResponse

from fosterhub.auth.dependencies import STAFF, Caller, require
from fosterhub.campaigns import service
from fosterhub.campaigns.schemas import (
    CampaignCreate,
    CampaignPatch,
    CampaignResults,
    MyReferral,
    ReferralOut,
    ReferralPatch,
)
from fosterhub.carers import service as carers_service
from fosterhub.core.db import DbSession
from fosterhub.core.deps import AppSettings
from fosterhub.core.errors import problem_responses
from fosterhub.core.etags import etag_for, require_if_match, set_etag
from fosterhub.core.idempotency import IdempotencyDep
from fosterhub.core.pagination import Page, PageParams, page_params

router = APIRouter(tags=["campaigns"])

StaffOnly = Annotated[Caller, Depends(require(*STAFF, people_only=True))]
CarerOnly = Annotated[Caller, Depends(require("carer", people_only=True))]
CampaignId = Annotated[str, Path(max_length=36)]


@router.get(
    "/campaigns",
    operation_id="campaigns:list",
    summary="Campaigns and ambassadors' codes, newest first, with their results",
    response_model=Page[CampaignResults],
    responses=problem_responses(401, 403, 422),
)
async def list_campaigns(
    session: DbSession,
    settings: AppSettings,
    _caller: StaffOnly,
    page: Annotated[PageParams, Depends(page_params)],
    kind: Literal["campaign", "ambassador", "event"] | None = None,
    active: bool | None = None,
) -> Page[CampaignResults]:
    rows, cursor = await service.list_campaigns(session, settings, page, kind=kind, active=active)
    return Page(items=rows, next_cursor=cursor)


@router.post(
    "/campaigns",
    operation_id="campaigns:create",
    summary="Start a campaign, or give an ambassador a personal code",
    description="Answers with its printable `code` and the `landing_url` its QR code opens.",
    status_code=status.HTTP_201_CREATED,
    response_model=CampaignResults,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_campaign(
    body: CampaignCreate,
    session: DbSession,
    settings: AppSettings,
    _caller: StaffOnly,
    idempotency: IdempotencyDep,
) -> Response:
    if replay := await idempotency.replay():
        return replay
    campaign = await service.create(session, body)
    result = service.with_results(settings, campaign, None)
    return idempotency.remember(
        201,
        result,
        {"Location": f"/api/v1/campaigns/{campaign.id}", "ETag": etag_for(campaign)},
    )


@router.get(
    "/campaigns/{campaign_id}",
    operation_id="campaigns:get",
    summary="One campaign with its results",
    response_model=CampaignResults,
    responses=problem_responses(401, 403, 404),
)
async def get_campaign(
    campaign_id: CampaignId,
    session: DbSession,
    settings: AppSettings,
    _caller: StaffOnly,
    response: Response,
) -> CampaignResults:
    campaign = await service.get(session, campaign_id)
    set_etag(response, campaign)
    return await service.results(session, settings, campaign)


@router.patch(
    "/campaigns/{campaign_id}",
    operation_id="campaigns:update",
    summary="Change a campaign or an ambassador's code: name, dates, cost, partner, active",
    description=(
        "Needs `If-Match` with the ETag of `GET /campaigns/{id}` (428 without, 412 when "
        "stale). Any of `name`, `starts_on`, `ends_on`, `cost_pence`, `partner_organisation` "
        "(`null` clears those four) and `is_active`; the code, kind and channel stay as "
        "printed. `is_active: false` takes it off the active list, but its code still lands "
        "and attributes. An event's campaign is changed through the event: 409."
    ),
    response_model=CampaignResults,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_campaign(
    campaign_id: CampaignId,
    body: CampaignPatch,
    request: Request,
    response: Response,
    session: DbSession,
    settings: AppSettings,
    _caller: StaffOnly,
) -> CampaignResults:
    campaign = await service.get(session, campaign_id)
    require_if_match(request, campaign)
    campaign = await service.update(session, campaign, body)
    set_etag(response, campaign)
    return await service.results(session, settings, campaign)


@router.get(
    "/campaigns/{campaign_id}/qr.svg",
    operation_id="campaigns:qr",
    summary="The campaign's QR code, printable (SVG)",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}, **problem_responses(401, 403, 404)},
)
async def campaign_qr(
    campaign_id: CampaignId, session: DbSession, settings: AppSettings, _caller: StaffOnly
) -> Response:
    campaign = await service.get(session, campaign_id)
    return Response(
        service.qr_svg(settings, campaign),
        media_type="image/svg+xml",
        headers={"Content-Disposition": f'inline; filename="campaign-{campaign.code}.svg"'},
    )


@router.get(
    "/campaigns/{code}/landing",
    operation_id="campaigns:landing",
    summary="A scanned campaign code: counted, then on to the council's enquiry page (public)",
    description=(
        "Every campaign's code lands, also once the campaign has ended or was switched off "
        "(leaflets outlive campaigns): the scan is counted and the enquiry attributed. An "
        "unknown code is 404."
    ),
    status_code=status.HTTP_302_FOUND,
    response_class=RedirectResponse,
    responses={
        302: {"description": "To the enquiry journey with the code"},
        **problem_responses(404),
    },
)
async def campaign_landing(
    code: Annotated[str, Path(min_length=4, max_length=16, pattern=r"^[A-Za-z0-9-]+$")],
    request: Request,
    session: DbSession,
    settings: AppSettings,
) -> RedirectResponse:
    campaign = await service.land(session, code)
    from fosterhub.councils import service as councils_service

    council = await councils_service.get_by_id(session, campaign.council_id)
    base = settings.public_base_url.rstrip("/")
    return RedirectResponse(
        f"{base}/enquire?council={council.slug}&campaign={campaign.code}&channel={campaign.channel}",
        status_code=302,
    )


# Referrals


@router.get(
    "/referrals",
    operation_id="referrals:list",
    summary="Carers' referrals and their rewards",
    response_model=Page[ReferralOut],
    responses=problem_responses(401, 403, 422),
)
async def list_referrals(
    session: DbSession,
    _caller: StaffOnly,
    page: Annotated[PageParams, Depends(page_params)],
    status_: Annotated[
        Literal["pending", "due", "paid", "void"] | None, Query(alias="status")
    ] = None,
    household_id: Annotated[str | None, Query(max_length=36)] = None,
) -> Page[ReferralOut]:
    rows, cursor = await service.list_referrals(
        session, page, status=status_, household_id=household_id
    )
    return Page(items=rows, next_cursor=cursor)


@router.patch(
    "/referrals/{referral_id}",
    operation_id="referrals:update",
    summary="Mark a due reward paid, or void a referral",
    description="Needs `If-Match` with the ETag of the referral (from `GET /referrals/{id}`).",
    response_model=ReferralOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_referral(
    referral_id: Annotated[str, Path(max_length=36)],
    body: ReferralPatch,
    request: Request,
    response: Response,
    session: DbSession,
    caller: StaffOnly,
) -> ReferralOut:
    referral = await service.get_referral(session, referral_id)
    require_if_match(request, referral)
    referral = await service.mark_referral(session, referral, body.status, caller.id)
    set_etag(response, referral)
    return await service.one_referral_out(session, referral)


@router.get(
    "/referrals/{referral_id}",
    operation_id="referrals:get",
    summary="One referral",
    response_model=ReferralOut,
    responses=problem_responses(401, 403, 404),
)
async def get_referral(
    referral_id: Annotated[str, Path(max_length=36)],
    response: Response,
    session: DbSession,
    _caller: StaffOnly,
) -> ReferralOut:
    referral = await service.get_referral(session, referral_id)
    set_etag(response, referral)
    return await service.one_referral_out(session, referral)


@router.get(
    "/carers/me/referral",
    operation_id="referrals:mine",
    summary="Your referral code and how your referrals are going (carers)",
    response_model=MyReferral,
    responses=problem_responses(401, 403, 404),
)
async def my_referral(session: DbSession, settings: AppSettings, caller: CarerOnly) -> MyReferral:
    household = await carers_service.for_user(session, caller.id)
    totals = await service.referral_totals(session, household.id)
    from fosterhub.councils import service as councils_service

    council = await councils_service.get_by_id(session, caller.council_id)
    base = settings.public_base_url.rstrip("/")
    return MyReferral(
        referral_code=household.referral_code,
        share_url=f"{base}/enquire?council={council.slug}&referral={household.referral_code}",
        referrals=totals["count"],
        approved=totals["approved"],
        rewards_due_pence=totals["due"],
        rewards_paid_pence=totals["paid"],
    )
