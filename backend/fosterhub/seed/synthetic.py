"""Synthetic enquiries with histories shaped like the national figures, for demos, reports
and benchmarks. Deterministic: the same N gives the same data.

Roughly: about 6% of enquiries become applications, half of applications are approved, and
social-media enquirers are the least likely to answer. Enquiries are spread over the last
three years and every channel; recent ones are still open in the stage they have reached.
"""

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import String, cast, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.campaigns.models import Campaign, Referral
from fosterhub.carers.models import CarerHousehold
from fosterhub.core.db import new_id, utcnow
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Council, PostcodeCoverage
from fosterhub.enquiries import service as enquiries_service
from fosterhub.enquiries.models import ContactAttempt, Enquiry, StageTransition
from fosterhub.enquiries.vocabulary import REASONS
from fosterhub.users.models import User

PREFIX = "DM-"
FIRST = [
    "Amelia",
    "Oliver",
    "Aisha",
    "Jack",
    "Chloe",
    "Mohammed",
    "Sophie",
    "Liam",
    "Grace",
    "Noah",
    "Zoë",
    "Kacper",
    "Priya",
    "Ewan",
    "Niamh",
    "Tomasz",
    "Fatima",
    "Rhys",
    "Mei",
    "Callum",
    "Ada",
    "Kwame",
    "Siobhan",
    "Yusuf",
    "Hannah",
    "Dylan",
    "Leah",
    "Arjun",
]
LAST = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Khan",
    "Wilson",
    "Murphy",
    "O'Brien",
    "Nowak",
    "Patel",
    "Roberts",
    "Hughes",
    "Chen",
    "Ali",
    "Walker",
    "Kelly",
    "Okafor",
    "Lewis",
    "Thomas",
    "Hall",
    "Byrne",
    "Clarke",
    "Green",
]

# Channel: share of enquiries, chance of answering the first contact.
CHANNELS = {
    "website": (0.30, 0.78),
    "social_media": (0.25, 0.45),
    "print": (0.08, 0.75),
    "event": (0.10, 0.85),
    "radio_tv": (0.04, 0.70),
    "word_of_mouth": (0.10, 0.82),
    "referral": (0.06, 0.88),
    "partner_venue": (0.05, 0.80),
    "other": (0.02, 0.70),
}
# Chance of moving on from each stage, given the person was reached. Together with the
# answer rates above this gives about 6% of enquiries applying and half of those approved.
ONWARD = {
    "initial_contact": 0.36,
    "initial_visit": 0.27,
    "application": 0.88,
    "assessment": 0.62,
    "panel": 0.93,
}
DELAY_DAYS = {
    "initial_contact": (0, 3),
    "initial_visit": (3, 21),
    "application": (10, 60),
    "assessment": (5, 30),
    "panel": (90, 240),
    "approved": (5, 30),
}
WITHDRAWAL_WEIGHTS = {"AW1": 30, "AW2": 12, "AW3": 28, "AW4": 10, "AW5": 6, "AW0": 14}
INTERESTS = [
    "short_term",
    "long_term",
    "emergency",
    "short_breaks",
    "parent_and_child",
    "therapeutic",
    "unsure",
]


# Tries that did not reach the person: (channel, outcome), each outcome a failed one.
FAILED_TRIES = [
    ("phone", "no_answer"),
    ("phone", "left_message"),
    ("text", "no_answer"),
    ("phone", "wrong_number"),
    ("email", "bounced"),
]


def _failed_tries(
    rng: random.Random, count: int, start: datetime, end: datetime
) -> list[tuple[str, str, datetime]]:
    """`count` failed contact attempts between `start` and `end`, oldest first."""
    span = max((end - start).total_seconds(), 60.0)
    times = sorted(start + timedelta(seconds=rng.uniform(0, span)) for _ in range(count))
    return [(*rng.choice(FAILED_TRIES), when) for when in times]


@dataclass
class CouncilData:
    council: Council
    outward: list[str]
    officer_id: str | None
    campaigns: dict[str, list[str]]
    households: list[str]


def _ascii(text: str) -> str:
    normalised = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return normalised.replace("'", "")


async def existing_synthetic(session: AsyncSession) -> int:
    count = await session.scalar(
        select(func.count()).select_from(Enquiry).where(Enquiry.reference.like(f"{PREFIX}%"))
    )
    return int(count or 0)


def _campaign_rows(council: Council, rng: random.Random) -> list[dict[str, Any]]:
    today = date.today()
    specs = [
        (
            "Department store drop-in week",
            "partner_venue",
            45_000,
            "Lewis's department store",
            None,
        ),
        ("Rugby club programme advert", "print", 30_000, "Local rugby league club", None),
        ("Autumn social media campaign", "social_media", 120_000, None, None),
        ("Supermarket stall weekends", "partner_venue", 15_000, "Supermarket", None),
        ("Local radio slot", "radio_tv", 80_000, None, None),
        ("Champion carers' codes", "word_of_mouth", None, None, "champion"),
        ("Councillor ambassadors", "word_of_mouth", None, None, "councillor"),
    ]
    rows: list[dict[str, Any]] = []
    for name, channel, cost, partner, ambassador in specs:
        start = today - timedelta(days=rng.randint(30, 900))
        rows.append(
            {
                "id": new_id(),
                "council_id": council.id,
                "kind": "ambassador" if ambassador else "campaign",
                "name": name,
                "channel": channel,
                "code": f"{council.slug[:2].upper()}{rng.randint(1000, 9999)}{len(rows)}",
                "starts_on": start,
                "ends_on": start + timedelta(days=rng.randint(14, 120)),
                "cost_pence": cost,
                "partner_organisation": partner,
                "ambassador_type": ambassador,
                "scans": rng.randint(0, 400),
                "is_active": True,
                "created_at": utcnow(),
                "updated_at": utcnow(),
            }
        )
    return rows


def _history(
    rng: random.Random, channel: str, received: datetime, now: datetime
) -> list[tuple[str, datetime, str | None]]:
    """The stages an enquiry went through: (stage, when, reason)."""
    steps: list[tuple[str, datetime, str | None]] = [("enquiry", received, None)]
    when = received
    answer_rate = CHANNELS[channel][1]
    for stage in (
        "initial_contact",
        "initial_visit",
        "application",
        "assessment",
        "panel",
        "approved",
    ):
        low, high = DELAY_DAYS[stage]
        when = when + timedelta(days=rng.uniform(low, high), hours=rng.uniform(0, 8))
        if when > now:
            return steps  # still open where it is
        previous = steps[-1][0]
        chance = answer_rate if stage == "initial_contact" else ONWARD.get(previous, 0.96)
        if rng.random() < chance:
            steps.append((stage, when, None))
            continue
        if stage == "initial_contact":
            steps.append(("no_response", when, "NR1" if rng.random() < 0.85 else "NR2"))
        elif rng.random() < 0.7:
            code = rng.choices(list(WITHDRAWAL_WEIGHTS), list(WITHDRAWAL_WEIGHTS.values()))[0]
            steps.append(("withdrawn", when, code))
        else:
            steps.append(("not_progressed", when, rng.choice(list(REASONS["not_progressed"]))))
        return steps
    return steps


async def generate(
    session: AsyncSession, total: int, *, seed: int = 2026, batch_size: int = 5000
) -> int:
    """Adds `total` synthetic enquiries spread over the demo councils. Returns how many."""
    if total <= 0:
        return 0
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    now = utcnow()
    councils: list[CouncilData] = []
    for council in (await session.scalars(select(Council).order_by(Council.slug))).all():
        outward = list(
            (
                await session.scalars(
                    select(PostcodeCoverage.prefix).where(PostcodeCoverage.council_id == council.id)
                )
            ).all()
        ) or ["L1"]
        officer = await session.scalar(
            select(User.id).where(
                User.council_id == council.id,
                cast(User.roles, String).contains('"recruitment_officer"'),
            )
        )
        campaign_rows = _campaign_rows(council, rng)
        await session.execute(insert(Campaign), campaign_rows)
        by_channel: dict[str, list[str]] = {}
        for row in campaign_rows:
            by_channel.setdefault(row["channel"], []).append(row["id"])
        households = list(
            (
                await session.scalars(
                    select(CarerHousehold.id).where(CarerHousehold.council_id == council.id)
                )
            ).all()
        )
        councils.append(CouncilData(council, outward, officer, by_channel, households))
    if not councils:
        return 0
    settings_by_council = {c.council.id: councils_service.settings_of(c.council) for c in councils}
    channel_names = list(CHANNELS)
    channel_weights = [CHANNELS[c][0] for c in channel_names]
    span = timedelta(days=3 * 365)
    made = 0
    serial = await existing_synthetic(session)
    while made < total:
        enquiries: list[dict[str, Any]] = []
        transitions: list[dict[str, Any]] = []
        attempts: list[dict[str, Any]] = []
        new_households: list[dict[str, Any]] = []
        referrals: list[dict[str, Any]] = []
        for _ in range(min(batch_size, total - made)):
            serial += 1
            made += 1
            data = councils[rng.randrange(len(councils))]
            council_id = data.council.id
            channel = rng.choices(channel_names, channel_weights)[0]
            received = now - span * (rng.random() ** 0.9)
            steps = _history(rng, channel, received, now)
            stage, entered, reason = steps[-1]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            enquiry_id = new_id()
            campaign_ids = data.campaigns.get(channel)
            referrer = (
                rng.choice(data.households) if channel == "referral" and data.households else None
            )
            closed = stage in ("withdrawn", "not_progressed", "no_response")
            entered_map = {s: t for s, t, _ in steps}
            # Failed tries at reaching the person, recorded as contact attempts so the count
            # on the enquiry is what its history shows: the council's number before closing
            # as no_response; one to three for an enquiry still waiting after two days.
            retention = settings_by_council[council_id].retention
            if stage == "no_response":
                limit = retention.failed_contact_attempts_before_no_response
                tries = _failed_tries(rng, limit, received, entered)
            elif stage == "enquiry" and now - received > timedelta(days=2):
                tries = _failed_tries(rng, rng.randint(1, 3), received, now)
            else:
                tries = []
            enquiries.append(
                {
                    "id": enquiry_id,
                    "council_id": council_id,
                    "reference": f"{PREFIX}{serial:07d}",
                    "stage": stage,
                    "received_at": received,
                    "stage_entered_at": entered,
                    "due_at": enquiries_service.due_at(
                        settings_by_council[council_id], stage, entered_map
                    ),
                    "closed_at": entered if closed else None,
                    "close_reason": reason,
                    "first_name": first,
                    "last_name": last,
                    "email": _ascii(f"{first}.{last}.{serial}@example.org").lower(),
                    "phone": f"+4477009{rng.randint(0, 99999):05d}" if rng.random() < 0.6 else None,
                    "postcode": f"{rng.choice(data.outward)} {rng.randint(1, 9)}"
                    f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                    "preferred_contact": rng.choice(["email", "phone", None]),
                    "interests": rng.sample(INTERESTS, rng.randint(1, 2)),
                    "household": None,
                    "channel": channel,
                    "campaign_id": rng.choice(campaign_ids)
                    if campaign_ids and rng.random() < 0.7
                    else None,
                    "event_id": None,
                    "referral_household_id": referrer,
                    "utm": None,
                    "privacy_notice_version": "2026-01",
                    "contact_ok": True,
                    "marketing_ok": rng.random() < 0.4,
                    "consent_at": received,
                    "assigned_to_id": data.officer_id if stage not in ("enquiry",) else None,
                    "failed_contact_attempts": len(tries),
                    "last_contact_at": None,
                    "duplicate_of_id": None,
                    "erased_at": None,
                    "created_at": received,
                    "updated_at": entered,
                    "version": 1,
                }
            )
            attempts.extend(
                {
                    "id": new_id(),
                    "council_id": council_id,
                    "enquiry_id": enquiry_id,
                    "channel": channel_tried,
                    "outcome": outcome,
                    "note": None,
                    "actor_id": data.officer_id,
                    "attempted_at": when,
                }
                for channel_tried, outcome, when in tries
            )
            previous, previous_at = None, None
            for step_stage, step_at, step_reason in steps:
                transitions.append(
                    {
                        "id": new_id(),
                        "council_id": council_id,
                        "enquiry_id": enquiry_id,
                        "from_stage": previous,
                        "from_entered_at": previous_at,
                        "to_stage": step_stage,
                        "reason_code": step_reason,
                        "note": None,
                        "actor_id": data.officer_id if previous else None,
                        "occurred_at": step_at,
                    }
                )
                previous, previous_at = step_stage, step_at
            if stage == "approved":
                deregistered = rng.random() < 0.15 and now - entered > timedelta(days=200)
                off_on = (entered + timedelta(days=rng.randint(100, 700))) if deregistered else None
                if off_on and off_on > now:
                    off_on, deregistered = None, False
                new_households.append(
                    {
                        "id": new_id(),
                        "council_id": council_id,
                        "name": f"{first} {last}",
                        "adults": [{"first_name": first, "last_name": last}],
                        "enquiry_id": enquiry_id,
                        "user_id": None,
                        "approved_on": entered.date(),
                        "fostering_types": [t for t in enquiries[-1]["interests"] if t != "unsure"]
                        or ["short_term"],
                        "age_min": 0,
                        "age_max": 17,
                        "places": rng.choice([1, 1, 2, 2, 3]),
                        "status": "deregistered"
                        if deregistered
                        else ("on_hold" if rng.random() < 0.05 else "approved"),
                        "status_changed_on": off_on.date() if off_on else entered.date(),
                        "deregistered_on": off_on.date() if off_on else None,
                        "deregistration_reason": rng.choice(
                            [
                                "retired",
                                "moved_away",
                                "transferred_to_agency",
                                "health",
                                "household_change",
                                "special_guardianship_or_adoption",
                            ]
                        )
                        if off_on
                        else None,
                        "referral_code": f"R{serial:07d}",
                        "is_champion": rng.random() < 0.05,
                        "created_at": entered,
                        "updated_at": entered,
                        "version": 1,
                    }
                )
            if referrer:
                approved = stage == "approved"
                referrals.append(
                    {
                        "id": new_id(),
                        "council_id": council_id,
                        "household_id": referrer,
                        "enquiry_id": enquiry_id,
                        "status": "due" if approved else "pending",
                        "reward_pence": settings_by_council[council_id].referral_reward_pence
                        if approved
                        else None,
                        "due_at": entered if approved else None,
                        "paid_at": None,
                        "paid_by_id": None,
                        "created_at": received,
                        "updated_at": received,
                        "version": 1,
                    }
                )
        await session.execute(insert(Enquiry), enquiries)
        await session.execute(insert(StageTransition), transitions)
        if attempts:
            await session.execute(insert(ContactAttempt), attempts)
        if new_households:
            await session.execute(insert(CarerHousehold), new_households)
        if referrals:
            await session.execute(insert(Referral), referrals)
        await session.commit()
    return made
