"""Campaigns and ambassadors with their codes, QR codes and results; carers' referrals."""

import io

import segno
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.campaigns import repository
from fosterhub.campaigns.exceptions import CampaignNotFound, EventCampaign, ReferralNotFound
from fosterhub.campaigns.models import Campaign, Referral
from fosterhub.campaigns.schemas import (
    CampaignCreate,
    CampaignOut,
    CampaignPatch,
    CampaignResults,
    ReferralOut,
)
from fosterhub.config import Settings
from fosterhub.core import audit
from fosterhub.core.codes import short_code
from fosterhub.core.db import utcnow
from fosterhub.core.errors import Conflict, InvalidInput
from fosterhub.core.pagination import PageParams, paginate


def landing_url(settings: Settings, code: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/api/v1/campaigns/{code}/landing"


def to_out(settings: Settings, campaign: Campaign) -> CampaignOut:
    return CampaignOut(
        id=campaign.id,
        kind=campaign.kind,
        name=campaign.name,
        channel=campaign.channel,
        code=campaign.code,
        landing_url=landing_url(settings, campaign.code),
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
        cost_pence=campaign.cost_pence,
        partner_organisation=campaign.partner_organisation,
        ambassador_type=campaign.ambassador_type,
        scans=campaign.scans,
        is_active=campaign.is_active,
        created_at=campaign.created_at,
    )


async def new_code(session: AsyncSession, prefix: str = "") -> str:
    for _ in range(10):
        code = short_code(6, prefix)
        if not await repository.code_taken(session, code):
            return code
    raise Conflict("Could not find a free code; try again.")


async def create(
    session: AsyncSession, body: CampaignCreate, *, kind: str | None = None
) -> Campaign:
    campaign = Campaign(
        kind=kind or body.kind,
        name=body.name,
        channel=body.channel,
        code=await new_code(session),
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        cost_pence=body.cost_pence,
        partner_organisation=body.partner_organisation,
        ambassador_type=body.ambassador_type,
    )
    session.add(campaign)
    await session.flush()
    return campaign


async def update(session: AsyncSession, campaign: Campaign, patch: CampaignPatch) -> Campaign:
    """Changes a campaign or an ambassador's code; an event's campaign is changed through
    its event (`PATCH /events/{id}`), which keeps its name, dates and cost."""
    if campaign.kind == "event":
        raise EventCampaign(
            "This campaign belongs to an event: change the event (PATCH /events/{id}) instead."
        )
    changes = patch.model_dump(exclude_unset=True)
    for field in ("name", "is_active"):
        if field in changes and changes[field] is None:
            raise InvalidInput.field(field, "May not be null")
    starts_on = changes.get("starts_on", campaign.starts_on)
    ends_on = changes.get("ends_on", campaign.ends_on)
    if starts_on and ends_on and ends_on < starts_on:
        field = "ends_on" if "ends_on" in changes else "starts_on"
        raise InvalidInput.field(field, "ends_on must not be before starts_on")
    for field, value in changes.items():
        setattr(campaign, field, value)
    await session.flush()
    audit.record(session, "update", "campaign", campaign.id, detail={"fields": sorted(changes)})
    return campaign


async def get(session: AsyncSession, campaign_id: str) -> Campaign:
    campaign = await repository.by_id(session, campaign_id)
    if campaign is None:
        raise CampaignNotFound()
    return campaign


async def by_code(session: AsyncSession, code: str) -> Campaign | None:
    """The council's campaign with this code (the session is bound to the council)."""
    return await repository.by_code(session, code)


async def land(session: AsyncSession, code: str) -> Campaign:
    """A printed code was scanned: count it and say which campaign it is. A campaign that
    has ended or was switched off still lands and counts: leaflets outlive campaigns, and
    the person holding one still wants to ask."""
    campaign = await repository.by_code_any_council(session, code)
    if campaign is None:
        raise CampaignNotFound("That code is not one of ours.")
    await repository.count_scan(session, campaign.id)
    return campaign


async def list_campaigns(
    session: AsyncSession,
    settings: Settings,
    params: PageParams,
    *,
    kind: str | None,
    active: bool | None,
) -> tuple[list[CampaignResults], str | None]:
    rows, cursor = await paginate(
        session,
        repository.list_query(kind, active),
        [Campaign.created_at, Campaign.id],
        params,
        descending=True,
    )
    figures = await repository.results(session, [c.id for c in rows])
    return [with_results(settings, c, figures.get(c.id)) for c in rows], cursor


def with_results(
    settings: Settings, campaign: Campaign, figures: dict[str, int] | None
) -> CampaignResults:
    figures = figures or {"enquiries": 0, "iv": 0, "app": 0, "ok": 0}
    enquiries = figures["enquiries"]
    cost = campaign.cost_pence
    return CampaignResults(
        **to_out(settings, campaign).model_dump(),
        enquiries=enquiries,
        reached_initial_visit=figures["iv"],
        applications=figures["app"],
        approvals=figures["ok"],
        cost_per_enquiry_pence=round(cost / enquiries) if cost is not None and enquiries else None,
    )


async def results(session: AsyncSession, settings: Settings, campaign: Campaign) -> CampaignResults:
    figures = await repository.results(session, [campaign.id])
    return with_results(settings, campaign, figures.get(campaign.id))


def qr_svg(settings: Settings, campaign: Campaign) -> bytes:
    qr = segno.make(landing_url(settings, campaign.code), error="m")
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=8, border=4, title=f"{campaign.name} ({campaign.code})")
    return out.getvalue()


# Referrals


async def open_referral(session: AsyncSession, household_id: str, enquiry_id: str) -> Referral:
    referral = Referral(household_id=household_id, enquiry_id=enquiry_id, status="pending")
    session.add(referral)
    return referral


async def referral_approved(session: AsyncSession, enquiry_id: str, reward_pence: int) -> None:
    """The referred person was approved: the referring carer's reward becomes due."""
    referral = await repository.referral_for_enquiry(session, enquiry_id)
    if referral is None or referral.status != "pending":
        return
    referral.status, referral.reward_pence, referral.due_at = "due", reward_pence, utcnow()
    audit.record(session, "update", "referral", referral.id, detail={"status": "due"})


async def referral_for_enquiry(session: AsyncSession, enquiry_id: str) -> Referral | None:
    return await repository.referral_for_enquiry(session, enquiry_id)


async def get_referral(session: AsyncSession, referral_id: str) -> Referral:
    referral = await repository.referral_by_id(session, referral_id)
    if referral is None:
        raise ReferralNotFound()
    return referral


async def mark_referral(
    session: AsyncSession, referral: Referral, status: str, actor_id: str
) -> Referral:
    allowed = {"paid": {"due"}, "void": {"pending", "due"}}
    if referral.status not in allowed[status]:
        raise Conflict(f"A {referral.status} referral cannot be marked {status}.")
    referral.status = status
    if status == "paid":
        referral.paid_at, referral.paid_by_id = utcnow(), actor_id
    await session.flush()
    audit.record(session, "update", "referral", referral.id, detail={"status": status})
    return referral


async def list_referrals(
    session: AsyncSession, params: PageParams, *, status: str | None, household_id: str | None
) -> tuple[list[ReferralOut], str | None]:
    rows, cursor = await paginate(
        session,
        repository.referrals_query(status, household_id),
        [Referral.created_at, Referral.id],
        params,
        descending=True,
    )
    return await referral_outs(session, rows), cursor


async def referral_outs(session: AsyncSession, rows: list[Referral]) -> list[ReferralOut]:
    """Referrals with their enquiry's reference and the referring household's name, each
    looked up once for the whole page."""
    refs = await repository.references(session, list({r.enquiry_id for r in rows}))
    names = await repository.household_names(session, list({r.household_id for r in rows}))
    return [
        referral_out(r, refs.get(r.enquiry_id, ""), names.get(r.household_id, "")) for r in rows
    ]


def referral_out(referral: Referral, reference: str, household_name: str) -> ReferralOut:
    return ReferralOut(
        id=referral.id,
        household_id=referral.household_id,
        household_name=household_name,
        enquiry_id=referral.enquiry_id,
        enquiry_reference=reference,
        status=referral.status,
        reward_pence=referral.reward_pence,
        due_at=referral.due_at,
        paid_at=referral.paid_at,
        created_at=referral.created_at,
    )


async def referral_totals(session: AsyncSession, household_id: str) -> dict[str, int]:
    return await repository.referral_totals(session, household_id)


async def one_referral_out(session: AsyncSession, referral: Referral) -> ReferralOut:
    return (await referral_outs(session, [referral]))[0]
