"""Records made straight in the database, for arranging tests."""

from datetime import date, timedelta
from typing import Any

from fosterhub.campaigns.models import Campaign, Referral
from fosterhub.carers.models import CarerHousehold
from fosterhub.core.codes import short_code
from fosterhub.core.db import utcnow
from fosterhub.councils.models import Council
from fosterhub.enquiries.models import Enquiry, StageTransition
from tests.conftest import World


async def make_enquiry(world: World, council: Council, **fields: Any) -> Enquiry:
    now = fields.pop("received_at", utcnow())
    enquiry = Enquiry(
        council_id=council.id,
        reference=short_code(8, "FH-"),
        stage=fields.pop("stage", "enquiry"),
        received_at=now,
        stage_entered_at=now,
        first_name=fields.pop("first_name", "Ann"),
        last_name=fields.pop("last_name", "Lee"),
        email=fields.pop("email", f"{short_code(6).lower()}@example.org"),
        postcode=fields.pop("postcode", "L1 8JQ"),
        interests=fields.pop("interests", ["short_term"]),
        channel=fields.pop("channel", "website"),
        privacy_notice_version="2026-01",
        contact_ok=fields.pop("contact_ok", True),
        consent_at=now,
        due_at=fields.pop("due_at", now + timedelta(days=1)),
        **fields,
    )
    world.db.add(enquiry)
    await world.db.flush()
    world.db.add(
        StageTransition(
            council_id=council.id,
            enquiry_id=enquiry.id,
            from_stage=None,
            to_stage="enquiry",
            occurred_at=now,
        )
    )
    await world.db.commit()
    return enquiry


async def make_campaign(world: World, council: Council, **fields: Any) -> Campaign:
    campaign = Campaign(
        council_id=council.id,
        name=fields.pop("name", "Leaflets"),
        channel=fields.pop("channel", "print"),
        code=fields.pop("code", short_code(6)),
        **fields,
    )
    world.db.add(campaign)
    await world.db.commit()
    return campaign


async def make_household(world: World, council: Council, **fields: Any) -> CarerHousehold:
    household = CarerHousehold(
        council_id=council.id,
        name=fields.pop("name", "The Joneses"),
        adults=[{"first_name": "Jo", "last_name": "Jones"}],
        approved_on=fields.pop("approved_on", date(2024, 5, 1)),
        fostering_types=["short_term"],
        referral_code=fields.pop("referral_code", short_code(6, "R")),
        **fields,
    )
    world.db.add(household)
    await world.db.commit()
    return household


async def make_referral(world: World, council: Council) -> Referral:
    household = await make_household(world, council)
    enquiry = await make_enquiry(world, council, referral_household_id=household.id)
    referral = Referral(council_id=council.id, household_id=household.id, enquiry_id=enquiry.id)
    world.db.add(referral)
    await world.db.commit()
    return referral


def enquiry_body(**overrides: Any) -> dict[str, Any]:
    """The smallest public enquiry of API.md, for council alpha; `contact`, `source` and
    `consent` overrides are merged into their objects."""
    body: dict[str, Any] = {
        "council": "alpha",
        "contact": {
            "first_name": "Ann",
            "last_name": "Lee",
            "email": "ann@example.org",
            "postcode": "L1 8JQ",
        },
        "interests": ["short_term"],
        "source": {"channel": "website"},
        "consent": {"privacy_notice_version": "2026-01", "contact_ok": True},
    }
    for key, value in overrides.items():
        if key in ("contact", "source", "consent") and isinstance(value, dict):
            body[key] = {**body[key], **value}
        elif value is _DROP:
            body.pop(key, None)
        else:
            body[key] = value
    return body


_DROP = object()
DROP: Any = _DROP  # enquiry_body(council=DROP) leaves the field out


async def move(
    world: World,
    enquiry: Enquiry,
    to: str,
    *,
    at: Any = None,
    reason: str | None = None,
    actor_id: str | None = None,
) -> None:
    """Records a move straight in the database (a hand-made history)."""
    at = at or utcnow()
    world.db.add(
        StageTransition(
            council_id=enquiry.council_id,
            enquiry_id=enquiry.id,
            from_stage=enquiry.stage,
            to_stage=to,
            reason_code=reason,
            actor_id=actor_id,
            occurred_at=at,
        )
    )
    enquiry.stage, enquiry.stage_entered_at = to, at
    if to in ("withdrawn", "not_progressed", "no_response", "transferred"):
        enquiry.closed_at, enquiry.close_reason = at, reason
    await world.db.commit()
