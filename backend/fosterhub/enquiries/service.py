"""The recruitment pipeline: public enquiries in, every move recorded, targets tracked."""

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.campaigns import service as campaigns_service
from fosterhub.carers import service as carers_service
from fosterhub.config import Settings
from fosterhub.core import audit, outbox, tenancy
from fosterhub.core.codes import short_code
from fosterhub.core.db import new_id, utcnow
from fosterhub.core.errors import Conflict, InvalidInput
from fosterhub.core.pagination import PageParams, decode_cursor, encode_cursor, paginate
from fosterhub.core.workdays import add_months, add_working_days
from fosterhub.councils import service as councils_service
from fosterhub.councils.exceptions import CouncilNotFound, PostcodeNotCovered
from fosterhub.councils.models import Council
from fosterhub.councils.schemas import CouncilSettings
from fosterhub.councils.service import CouncilSnapshot
from fosterhub.enquiries import repository
from fosterhub.enquiries.exceptions import EnquiryNotFound, Erased, MoveNotAllowed, NotCovered
from fosterhub.enquiries.models import ContactAttempt, Enquiry, EnquiryNote, StageTransition
from fosterhub.enquiries.schemas import (
    ContactAttemptCreate,
    EnquiryCreate,
    EnquiryPatch,
    EnquiryReceipt,
    TransitionCreate,
)
from fosterhub.enquiries.vocabulary import (
    CLOSING,
    CONTACT_CHANNEL_LABELS,
    FAILED_OUTCOMES,
    OPEN_STAGES,
    PIPELINE,
    REASONS,
    allowed_moves,
    stage_label,
)
from fosterhub.events import repository as events_repository
from fosterhub.users import service as users_service
from fosterhub.users.exceptions import UserNotFound

REPEAT_WINDOW = timedelta(days=90)
ERASED = "Erased"


# Targets


def due_at(settings: CouncilSettings, stage: str, entered: dict[str, datetime]) -> datetime | None:
    """When the next targeted step is due, or None. `entered` maps stages to when the enquiry
    entered them. The first stage ahead whose target clock has started decides."""
    if stage not in OPEN_STAGES:
        return None
    position = PIPELINE.index(stage)
    for target_stage in PIPELINE[position + 1 :]:
        target = settings.stage_targets.get(target_stage)
        if target is None:
            continue
        clock_stage = target.from_stage or PIPELINE[PIPELINE.index(target_stage) - 1]
        started = entered.get(clock_stage)
        if started is None or PIPELINE.index(clock_stage) > position:
            continue
        if target.unit == "working_days":
            return add_working_days(started, target.amount)
        if target.unit == "months":
            return add_months(started, target.amount)
        return started + timedelta(days=target.amount)
    return None


def is_overdue(enquiry: Enquiry, now: datetime | None = None) -> bool:
    return (
        enquiry.stage in OPEN_STAGES
        and enquiry.due_at is not None
        and enquiry.due_at < (now or utcnow())
    )


# The public enquiry


@dataclass
class Received:
    receipt: EnquiryReceipt
    stored: bool


async def new_reference(session: AsyncSession) -> str:
    for _ in range(10):
        reference = short_code(8, "FH-")
        if not await repository.reference_taken(session, reference):
            return reference
    raise Conflict("Could not allocate a reference; try again.")


async def resolve_council(session: AsyncSession, body: EnquiryCreate) -> CouncilSnapshot:
    if body.council:
        try:
            return await councils_service.snapshot_by_slug(session, body.council)
        except CouncilNotFound as exc:
            raise InvalidInput.field("council", "No council on this service has that name") from exc
    try:
        routing = await councils_service.route(
            session, body.contact.postcode, field="contact.postcode"
        )
    except PostcodeNotCovered as exc:
        # The routing answer's problem, as a 422 naming the enquiry's field.
        raise NotCovered(exc.detail, errors=exc.errors, extra=exc.extra) from exc
    return await councils_service.snapshot_by_slug(session, routing.council)


async def receive(
    session: AsyncSession, settings: Settings, body: EnquiryCreate, *, alone: bool = False
) -> Received:
    """Records a public enquiry with its source and consent, links a repeat from the same
    person, opens a referral, and queues the acknowledgement email.

    `alone`: nothing else in the request must commit or roll back with the enquiry (no
    idempotency record), so it may be written on its own connection in one statement."""
    council = await resolve_council(session, body)  # councils are public: no tenant yet
    now = utcnow()
    if body.website:  # the honeypot: a robot filled the hidden field. Answer, store nothing.
        return Received(
            EnquiryReceipt(
                id=new_id(), reference=short_code(8, "FH-"), council=council.slug, received_at=now
            ),
            stored=False,
        )
    tenancy.bind(session, council.id)
    council_settings = council.settings

    campaign_id = None
    if body.source.campaign_code:
        campaign = await campaigns_service.by_code(session, body.source.campaign_code)
        if campaign is None:
            raise InvalidInput.field("source.campaign_code", "We do not recognise this code")
        campaign_id = campaign.id
    if body.source.event_id and not await events_repository.hosted_or_cohosted(
        session, council.id, body.source.event_id
    ):
        raise InvalidInput.field("source.event_id", "We do not recognise this event")
    referrer = None
    if body.source.referral_code:
        referrer = await carers_service.by_referral_code(session, body.source.referral_code)
        if referrer is None or referrer.status == "deregistered":
            raise InvalidInput.field(
                "source.referral_code", "We do not recognise this referral code"
            )

    contact = body.contact
    email = str(contact.email).lower()
    enquiry_id = new_id()
    # Unique by chance (31^8 codes); a collision fails the insert and answers 409.
    reference = short_code(8, "FH-")
    columns: dict[str, Any] = {
        "id": enquiry_id,
        "council_id": council.id,
        "reference": reference,
        "stage": "enquiry",
        "received_at": now,
        "stage_entered_at": now,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": email,
        "phone": contact.phone,
        "postcode": contact.postcode,
        "preferred_contact": contact.preferred_contact,
        "interests": list(body.interests),
        "household": body.household.model_dump(exclude_none=True) if body.household else None,
        "channel": body.source.channel,
        "campaign_id": campaign_id,
        "event_id": body.source.event_id,
        "referral_household_id": referrer.id if referrer else None,
        "utm": body.source.utm,
        "privacy_notice_version": body.consent.privacy_notice_version,
        "contact_ok": body.consent.contact_ok,
        "marketing_ok": body.consent.marketing_ok,
        "consent_at": now,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
    rows: dict[str, Any] = dict(
        enquiry={**columns, "due_at": due_at(council_settings, "enquiry", {"enquiry": now})},
        repeat_since=now - REPEAT_WINDOW,
        transition={
            "id": new_id(),
            "council_id": council.id,
            "enquiry_id": enquiry_id,
            "to_stage": "enquiry",
            "occurred_at": now,
        },
        audit_row=audit.values(session, "create", "enquiry", enquiry_id, council_id=council.id),
        email=outbox.email_values(
            to=email,
            subject=f"Thank you for asking about fostering with {council.name} ({reference})",
            body=acknowledgement_text(council, contact.first_name, reference),
            council_id=council.id,
            reply_to=council.contact_email,
        ),
    )
    if alone and referrer is None:
        # Nothing else in the request commits with it: written on its own (in a batch).
        await repository.insert_received_alone(session, **rows)
    else:
        repeat_of = await repository.insert_received(await session.connection(), **rows)
        if referrer is not None and repeat_of is None:
            await campaigns_service.open_referral(session, referrer.id, enquiry_id)
    receipt = EnquiryReceipt(
        id=enquiry_id, reference=reference, council=council.slug, received_at=now
    )
    return Received(receipt, stored=True)


def acknowledgement_text(
    council: Council | CouncilSnapshot, first_name: str, reference: str
) -> str:
    lines = [
        f"Dear {first_name},",
        "",
        f"Thank you for asking about fostering with {council.name}.",
        f"Your reference is {reference}.",
        "",
        "Someone from our fostering team will contact you soon, usually within one working day.",
    ]
    if council.contact_phone:
        lines.append(f"If you would like to talk to us sooner, call {council.contact_phone}.")
    lines += ["", f"{council.name} fostering team"]
    return "\n".join(lines)


# Staff: reading


async def get(
    session: AsyncSession, enquiry_id: str, *, audit_read: bool = True, for_update: bool = False
) -> Enquiry:
    enquiry = await repository.by_id(session, enquiry_id, for_update=for_update)
    if enquiry is None:
        raise EnquiryNotFound()
    if audit_read:
        audit.record(session, "read", "enquiry", enquiry.id)
    return enquiry


@dataclass
class ListFilters:
    stages: list[str] | None = None
    channel: str | None = None
    campaign: str | None = None
    assigned_to: str | None = None
    q: str | None = None
    overdue: bool = False
    recontact: bool = False
    offer_no_response: bool = False
    include_repeats: bool = False
    received_from: date | None = None
    received_to: date | None = None


async def list_enquiries(
    session: AsyncSession,
    council: Council,
    caller_id: str,
    filters: ListFilters,
    params: PageParams,
) -> tuple[list[Enquiry], str | None]:
    council_settings = councils_service.settings_of(council)
    now = utcnow()
    campaign_id = None
    if filters.campaign:
        campaign = await campaigns_service.by_code(session, filters.campaign)
        campaign_id = campaign.id if campaign else filters.campaign
    months = council_settings.retention.recontact_after_months
    stmt = repository.list_query(
        stages=filters.stages,
        channel=filters.channel,
        campaign_id=campaign_id,
        assigned_to=caller_id if filters.assigned_to == "me" else filters.assigned_to,
        q=filters.q,
        overdue_at=now if filters.overdue else None,
        recontact_before=add_months(now, -months) if filters.recontact else None,
        failed_attempts_at_least=(
            council_settings.retention.failed_contact_attempts_before_no_response
            if filters.offer_no_response
            else None
        ),
        include_repeats=filters.include_repeats,
        unicode_lower=session.get_bind().dialect.name == "postgresql",
        received_from=_start_of(filters.received_from),
        received_to=_start_of(filters.received_to + timedelta(days=1))
        if filters.received_to
        else None,
    )
    rows, cursor = await paginate(
        session, stmt, [Enquiry.received_at, Enquiry.id], params, descending=True
    )
    # Which enquiries were seen (their ids) and which filters were used (their names: a
    # search's text may be a name, which the audit log must not hold).
    used = sorted(
        name for name, value in vars(filters).items() if value not in (None, False, [], "")
    )
    audit.record(
        session,
        "list",
        "enquiry",
        "*",
        detail={"count": len(rows), "ids": [e.id for e in rows], "filters": used},
    )
    return rows, cursor


def _start_of(day: date | None) -> datetime | None:
    if day is None:
        return None
    from datetime import UTC

    return datetime(day.year, day.month, day.day, tzinfo=UTC)


# Staff: changing


async def update(session: AsyncSession, enquiry: Enquiry, patch: EnquiryPatch) -> Enquiry:
    if enquiry.erased_at is not None:
        raise Erased()
    changes = patch.model_dump(exclude_unset=True)
    if "assigned_to" in changes:
        officer_id = changes.pop("assigned_to")
        if officer_id is not None:
            try:
                officer = await users_service.get(session, officer_id, audit_read=False)
            except UserNotFound as exc:
                raise InvalidInput.field("assigned_to", "No such person in your council") from exc
            if not officer.is_active or not set(officer.roles) & {
                "admin",
                "recruitment_officer",
                "social_worker",
                "manager",
                "placement_officer",
            }:
                raise InvalidInput.field("assigned_to", "Only active staff can be assigned")
        enquiry.assigned_to_id = officer_id
        changes["assigned_to_id"] = officer_id
    for field in ("first_name", "last_name", "interests", "marketing_ok"):
        if field in changes and changes[field] is None:
            raise InvalidInput.field(field, "May not be null")
    for field, value in changes.items():
        if field == "assigned_to_id":
            continue
        if field == "email" and value is not None:
            value = str(value).lower()
        if field == "household" and value is not None:
            value = {k: v for k, v in value.items() if v is not None}
        setattr(enquiry, field, value)
    await session.flush()
    audit.record(session, "update", "enquiry", enquiry.id, detail={"fields": sorted(changes)})
    return enquiry


async def move(
    session: AsyncSession,
    council: Council,
    enquiry: Enquiry,
    body: TransitionCreate,
    actor_id: str,
) -> StageTransition:
    """Moves an enquiry along the pipeline, or closes it with a reason."""
    if enquiry.erased_at is not None:
        raise Erased()
    if enquiry.duplicate_of_id is not None:
        raise MoveNotAllowed(
            "This is a repeat enquiry: work the first one instead.", extra={"allowed_moves": []}
        )
    allowed = allowed_moves(enquiry.stage)
    if body.to not in allowed:
        raise MoveNotAllowed(
            f"From {enquiry.stage} the allowed moves are: {', '.join(allowed) or 'none'}.",
            extra={"allowed_moves": allowed},
        )
    codes = REASONS.get(body.to)
    if codes is not None:
        if body.reason is None:
            raise InvalidInput.field("reason", f"A reason is needed: one of {', '.join(codes)}")
        if body.reason not in codes:
            raise InvalidInput.field("reason", f"Use one of {', '.join(codes)}")
    elif body.reason is not None:
        raise InvalidInput.field("reason", "Only closing outcomes take a reason")
    if body.approval is not None and body.to != "approved":
        raise InvalidInput.field("approval", "Approval terms go with a move to approved")

    now = utcnow()
    transition = StageTransition(
        enquiry_id=enquiry.id,
        from_stage=enquiry.stage,
        from_entered_at=enquiry.stage_entered_at,
        to_stage=body.to,
        reason_code=body.reason,
        note=body.note,
        actor_id=actor_id,
        occurred_at=now,
    )
    session.add(transition)
    enquiry.stage = body.to
    enquiry.stage_entered_at = now
    if body.to in CLOSING:
        enquiry.closed_at, enquiry.close_reason = now, body.reason
    else:
        enquiry.closed_at, enquiry.close_reason = None, None
    if body.to == "initial_contact":
        enquiry.failed_contact_attempts = 0
    history = await repository.transitions(session, enquiry.id)
    entered = {t.to_stage: t.occurred_at for t in history}
    entered[body.to] = now
    enquiry.due_at = due_at(councils_service.settings_of(council), body.to, entered)

    if body.to == "approved":
        await _approve(session, council, enquiry, body)
    await session.flush()
    audit.record(
        session, "update", "enquiry", enquiry.id, detail={"stage": body.to, "reason": body.reason}
    )
    return transition


async def _approve(
    session: AsyncSession, council: Council, enquiry: Enquiry, body: TransitionCreate
) -> None:
    terms = body.approval
    adults = [
        {"first_name": enquiry.first_name, "last_name": enquiry.last_name, "email": enquiry.email}
    ]
    for adult in terms.other_adults if terms else []:
        adults.append(
            {
                "first_name": adult.first_name,
                "last_name": adult.last_name,
                "email": str(adult.email).lower() if adult.email else None,
            }
        )
    await carers_service.create_household(
        session,
        name=f"{enquiry.first_name} {enquiry.last_name}",
        adults=adults,
        approved_on=(terms.approved_on if terms and terms.approved_on else date.today()),
        fostering_types=list(terms.fostering_types)
        if terms and terms.fostering_types
        else [t for t in enquiry.interests if t != "unsure"] or ["short_term"],
        age_min=terms.age_min if terms else 0,
        age_max=terms.age_max if terms else 17,
        places=terms.places if terms else 1,
        enquiry_id=enquiry.id,
    )
    reward = councils_service.settings_of(council).referral_reward_pence
    await campaigns_service.referral_approved(session, enquiry.id, reward)


async def add_contact_attempt(
    session: AsyncSession,
    council: Council,
    enquiry: Enquiry,
    body: ContactAttemptCreate,
    actor_id: str,
) -> tuple[ContactAttempt, bool]:
    """Records a try at reaching the person. Answers whether `no_response` is now offered."""
    if enquiry.erased_at is not None:
        raise Erased()
    when = body.attempted_at or utcnow()
    if when > utcnow() + timedelta(minutes=5):
        raise InvalidInput.field("attempted_at", "Cannot be in the future")
    attempt = ContactAttempt(
        enquiry_id=enquiry.id,
        channel=body.channel,
        outcome=body.outcome,
        note=body.note,
        actor_id=actor_id,
        attempted_at=when,
    )
    session.add(attempt)
    if body.outcome in FAILED_OUTCOMES:
        enquiry.failed_contact_attempts += 1
    elif body.outcome == "reached":
        enquiry.failed_contact_attempts = 0
        enquiry.last_contact_at = when
    await session.flush()
    audit.record(session, "update", "enquiry", enquiry.id, detail={"contact_attempt": attempt.id})
    return attempt, offers_no_response(council, enquiry)


def offers_no_response(council: Council, enquiry: Enquiry) -> bool:
    limit = councils_service.settings_of(
        council
    ).retention.failed_contact_attempts_before_no_response
    return enquiry.stage in OPEN_STAGES and enquiry.failed_contact_attempts >= limit


async def add_note(
    session: AsyncSession, enquiry: Enquiry, body: str, actor_id: str
) -> EnquiryNote:
    if enquiry.erased_at is not None:
        raise Erased()
    note = EnquiryNote(enquiry_id=enquiry.id, body=body, author_id=actor_id)
    session.add(note)
    await session.flush()
    audit.record(session, "update", "enquiry", enquiry.id, detail={"note": note.id})
    return note


TIMELINE_KINDS = ("contact_attempt", "note", "repeat_enquiry", "transition")


def _timeline_entry(row: Any) -> dict[str, Any]:
    if row.kind == "transition":
        reason = REASONS.get(row.to_stage, {}).get(row.reason or "")
        summary = (
            "Enquiry received"
            if row.from_stage is None
            else (
                f"Moved from {stage_label(row.from_stage)} to {stage_label(row.to_stage)}"
                + (f": {reason}" if reason else "")
            )
        )
        detail = {
            "id": row.id,
            "from": row.from_stage,
            "to": row.to_stage,
            "reason": row.reason,
            "note": row.note,
        }
    elif row.kind == "contact_attempt":
        summary = (
            f"Contact by {CONTACT_CHANNEL_LABELS.get(row.channel, row.channel)}: "
            f"{row.outcome.replace('_', ' ')}"
        )
        detail = {"id": row.id, "channel": row.channel, "outcome": row.outcome, "note": row.note}
    elif row.kind == "note":
        summary, detail = "Note added", {"id": row.id, "body": row.note}
    else:
        summary = f"The same person enquired again ({row.reference})"
        detail = {"id": row.id, "reference": row.reference}
    return {
        "kind": row.kind,
        "at": row.at,
        "actor_id": row.actor_id,
        "summary": summary,
        "detail": detail,
    }


def _timeline_after(cursor: str | None) -> tuple[datetime, str, str] | None:
    if not cursor:
        return None
    at, kind, entry_id = decode_cursor(cursor, 3)
    try:
        when = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None or kind not in TIMELINE_KINDS:
        raise InvalidInput.field("cursor", "Not a cursor this API issued")
    if not isinstance(entry_id, str):
        raise InvalidInput.field("cursor", "Not a cursor this API issued")
    return when, kind, entry_id


async def timeline(
    session: AsyncSession, enquiry: Enquiry, params: PageParams
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of everything that happened to the enquiry, oldest first: moves, contact
    attempts, notes and the person's repeat enquiries, ordered by (time, kind, id)."""
    rows = await repository.timeline_page(
        session,
        enquiry.id,
        enquiry.council_id,
        after=_timeline_after(params.cursor),
        limit=params.limit + 1,
    )
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        last = rows[-1]
        next_cursor = encode_cursor([last.at, last.kind, last.id])
    audit.record(session, "read", "enquiry", enquiry.id, detail={"view": "timeline"})
    return [_timeline_entry(row) for row in rows], next_cursor


# Data protection


def _addresses(*enquiries: Enquiry) -> list[str]:
    return sorted({e.email.lower() for e in enquiries if e.email})


async def export(session: AsyncSession, enquiry: Enquiry) -> dict[str, Any]:
    """Everything held on the person (a subject access request), as JSON: the enquiry and its
    history, their repeat enquiries, the emails sent or waiting to be sent to them, the
    referral that brought them and the household their approval made."""
    household = await carers_service.for_enquiry(session, enquiry.id)
    repeats = await repository.repeats(session, enquiry.id)
    emails = await repository.emails_to(session, enquiry.council_id, _addresses(enquiry, *repeats))
    referral = await campaigns_service.referral_for_enquiry(session, enquiry.id)
    data = {
        "enquiry": {
            column.key: getattr(enquiry, column.key) for column in Enquiry.__table__.columns
        },
        "transitions": [
            {
                "from": t.from_stage,
                "to": t.to_stage,
                "reason": t.reason_code,
                "note": t.note,
                "at": t.occurred_at,
            }
            for t in await repository.transitions(session, enquiry.id)
        ],
        "contact_attempts": [
            {"channel": a.channel, "outcome": a.outcome, "note": a.note, "at": a.attempted_at}
            for a in await repository.contact_attempts(session, enquiry.id)
        ],
        "notes": [
            {"body": n.body, "at": n.created_at}
            for n in await repository.notes(session, enquiry.id)
        ],
        "repeat_enquiries": [
            {column.key: getattr(r, column.key) for column in Enquiry.__table__.columns}
            for r in repeats
        ],
        "emails": [
            {
                "kind": m.kind,
                "to": m.payload.get("to"),
                "subject": m.payload.get("subject"),
                "status": m.status,
                "queued_at": m.created_at,
                "sent_at": m.sent_at,
            }
            for m in emails
        ],
        # Which carer referred them, and the carer's reward, are the carer's business.
        "referral": {
            "id": referral.id,
            "status": referral.status,
            "created_at": referral.created_at,
        }
        if referral
        else None,
        "carer_household": carers_service.to_out(household).model_dump() if household else None,
        "exported_at": utcnow(),
    }
    audit.record(session, "export", "enquiry", enquiry.id)
    return data


async def erase(
    session: AsyncSession, enquiry: Enquiry, *, reason: str = "request", rule: str | None = None
) -> None:
    """Anonymises the person; the stage history and counts stay, so the figures don't move.
    The postcode keeps only its district (outward code), which regional figures use. The
    person's repeat enquiries are theirs too, so they go with it, and so do the council's
    emails to the person's addresses, sent or not: an unsent one would still go out, and a
    sent one keeps the address and name until the outbox is purged."""
    repeats = await repository.repeats(session, enquiry.id)
    addresses = _addresses(enquiry, *repeats)
    why = {"reason": reason, **({"rule": rule} if rule else {})}
    for repeat in repeats:
        await _erase_one(session, repeat, why)
    await _erase_one(session, enquiry, why)
    if addresses:
        deleted = await repository.delete_emails_to(session, enquiry.council_id, addresses)
        if deleted:
            audit.record(
                session,
                "delete",
                "outbox_message",
                "*",
                council_id=enquiry.council_id,
                detail={"enquiry": enquiry.id, "count": deleted, **why},
            )


async def _erase_one(session: AsyncSession, enquiry: Enquiry, why: dict[str, str]) -> None:
    if enquiry.erased_at is not None:
        return
    enquiry.first_name, enquiry.last_name = ERASED, ERASED
    enquiry.email = enquiry.phone = None
    enquiry.postcode = enquiry.postcode.split(" ")[0] if enquiry.postcode else None
    enquiry.household = enquiry.utm = None
    enquiry.marketing_ok = False
    enquiry.erased_at = utcnow()
    for t in await repository.transitions(session, enquiry.id):
        t.note = None
    for a in await repository.contact_attempts(session, enquiry.id):
        a.note = None
    for n in await repository.notes(session, enquiry.id):
        n.body = ERASED
    await session.flush()
    # The council is named: the retention job erases as the system, which has no council.
    audit.record(
        session,
        "erase",
        "enquiry",
        enquiry.id,
        council_id=enquiry.council_id,
        detail=why,
    )


# Jobs


# How many enquiries one transaction of the retention job erases at most.
RETENTION_BATCH = 500


async def apply_retention(
    session: AsyncSession, council: Council, *, limit: int = RETENTION_BATCH
) -> int:
    """Erases up to `limit` closed enquiries whose council's period has passed: those that
    never reached application after `retention.closed_enquiry_years`, those that reached it
    but were not approved after `retention.closed_application_years`. Returns how many; the
    job calls again until fewer than `limit` come back. Each erasure is audited with the
    rule that made it."""
    retention = councils_service.settings_of(council).retention
    now = utcnow()
    erased = 0
    for rule, years, applied in (
        ("closed_enquiry_years", retention.closed_enquiry_years, False),
        ("closed_application_years", retention.closed_application_years, True),
    ):
        if erased >= limit:
            break
        due = await repository.past_retention(
            session,
            council.id,
            add_months(now, -12 * years),
            applied=applied,
            limit=limit - erased,
        )
        for enquiry in due:
            await erase(session, enquiry, reason="retention", rule=rule)
            erased += 1
    return erased


async def overdue_digest(session: AsyncSession, settings: Settings) -> int:
    """Emails every officer the list of their overdue enquiries. Returns emails queued."""
    now = utcnow()
    sent = 0
    for council_id, officer_id, count in await repository.overdue_by_officer(session, now):
        officer = await users_service.get(session, officer_id, audit_read=False)
        if not officer.is_active:
            continue
        council = await councils_service.get_by_id(session, council_id)
        enquiries = await repository.overdue_for(session, officer_id, now, limit=50)
        lines = [
            f"Dear {officer.display_name},",
            "",
            f"You have {count} overdue enquir{'y' if count == 1 else 'ies'}:",
            "",
        ]
        for e in enquiries:
            days = math.floor((now - e.due_at).total_seconds() / 86400) if e.due_at else 0
            lines.append(
                f"- {e.reference} ({e.stage.replace('_', ' ')}), overdue by {days} day(s): "
                f"{settings.public_base_url.rstrip('/')}/staff/enquiries/{e.id}"
            )
        lines += ["", f"{council.name}, Foster Hub"]
        outbox.enqueue_email(
            session,
            to=officer.email,
            subject=f"Your overdue enquiries ({count})",
            body="\n".join(lines),
            council_id=council_id,
        )
        sent += 1
    return sent


# Shapes


def to_summary(enquiry: Enquiry, now: datetime | None = None) -> dict[str, Any]:
    return {
        "id": enquiry.id,
        "reference": enquiry.reference,
        "stage": enquiry.stage,
        "first_name": enquiry.first_name,
        "last_name": enquiry.last_name,
        "postcode": enquiry.postcode,
        "channel": enquiry.channel,
        "received_at": enquiry.received_at,
        "stage_entered_at": enquiry.stage_entered_at,
        "due_at": enquiry.due_at,
        "is_overdue": is_overdue(enquiry, now),
        "assigned_to": enquiry.assigned_to_id,
        "duplicate_of": enquiry.duplicate_of_id,
        "failed_contact_attempts": enquiry.failed_contact_attempts,
    }


async def to_detail(session: AsyncSession, council: Council, enquiry: Enquiry) -> dict[str, Any]:
    campaign_code = None
    if enquiry.campaign_id:
        campaign = await campaigns_service.get(session, enquiry.campaign_id)
        campaign_code = campaign.code
    household = await carers_service.for_enquiry(session, enquiry.id)
    return {
        **to_summary(enquiry),
        "contact": {
            "first_name": enquiry.first_name,
            "last_name": enquiry.last_name,
            "email": enquiry.email,
            "phone": enquiry.phone,
            "postcode": enquiry.postcode,
            "preferred_contact": enquiry.preferred_contact,
        },
        "interests": enquiry.interests,
        "household": enquiry.household,
        "source": {
            "channel": enquiry.channel,
            "campaign_id": enquiry.campaign_id,
            "campaign_code": campaign_code,
            "event_id": enquiry.event_id,
            "referral": enquiry.referral_household_id is not None,
            "utm": enquiry.utm,
        },
        "consent": {
            "privacy_notice_version": enquiry.privacy_notice_version,
            "contact_ok": enquiry.contact_ok,
            "marketing_ok": enquiry.marketing_ok,
            "consent_at": enquiry.consent_at,
        },
        "closed_at": enquiry.closed_at,
        "close_reason": enquiry.close_reason,
        "allowed_moves": [] if enquiry.duplicate_of_id else allowed_moves(enquiry.stage),
        "offer_no_response": offers_no_response(council, enquiry),
        "erased_at": enquiry.erased_at,
        "carer_household_id": household.id if household else None,
    }


async def board(session: AsyncSession) -> list[dict[str, Any]]:
    """How many enquiries sit in each stage, and how many of those are overdue."""
    return [
        {"stage": stage, "count": count, "overdue": overdue}
        for stage, count, overdue in await repository.stage_counts(session, utcnow())
    ]
