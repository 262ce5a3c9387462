"""Personal data as the law asks: subject-access export, erasure that keeps the counts, audited
reads with nothing personal in the audit log, retention, and the daily jobs."""

import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.config import Settings
from fosterhub.core import outbox
from fosterhub.core.db import utcnow
from fosterhub.core.models import AuditEvent, OutboxMessage
from fosterhub.councils.models import Council
from fosterhub.councils.schemas import CouncilSettings
from fosterhub.enquiries import jobs, service
from fosterhub.enquiries.models import Enquiry, EnquiryNote, StageTransition
from fosterhub.users.models import User
from tests import factories
from tests.conftest import Person, World, assert_problem
from tests.factories import enquiry_body

URL = "/api/v1/enquiries"
PERSONAL = ("Zoë", "Brontë", "zoe@example.org", "+447700900982", "L1 8JQ", "Lives with mum")


async def _journey(client: httpx.AsyncClient, officer: Person) -> str:
    """A person's enquiry with a move, a contact attempt and a note, all holding personal
    details; and a repeat enquiry from them."""
    body = enquiry_body(
        contact={
            "first_name": "Zoë",
            "last_name": "Brontë",
            "email": "zoe@example.org",
            "phone": "07700 900982",
        },
        household={"adults": 2, "notes": "Lives with mum"},
        source={"channel": "website", "utm": {"utm_source": "newsletter"}},
    )
    enquiry_id: str = (await client.post(URL, json=body)).json()["id"]
    await client.post(URL, json=body)  # the repeat
    await client.post(
        f"{URL}/{enquiry_id}/transitions",
        json={"to": "initial_contact", "note": "Zoë Brontë is keen"},
        headers=officer.headers,
    )
    await client.post(
        f"{URL}/{enquiry_id}/contact-attempts",
        json={"channel": "phone", "outcome": "reached", "note": "Spoke to Zoë"},
        headers=officer.headers,
    )
    await client.post(
        f"{URL}/{enquiry_id}/notes", json={"body": "Zoë Lives with mum"}, headers=officer.headers
    )
    return enquiry_id


async def _rows(db: AsyncSession, stmt: Any) -> list[Any]:
    rows = list((await db.scalars(stmt.execution_options(populate_existing=True))).all())
    await db.commit()
    return rows


async def test_an_admin_exports_everything_held_on_the_person(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    admin = await world.make_person(world.a, "admin")
    enquiry_id = await _journey(client, officer)
    assert_problem(await client.get(f"{URL}/{enquiry_id}/export", headers=officer.headers), 403)

    response = await client.get(f"{URL}/{enquiry_id}/export", headers=admin.headers)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    person = data["enquiry"]
    assert (person["first_name"], person["last_name"]) == ("Zoë", "Brontë")
    assert person["email"] == "zoe@example.org" and person["phone"] == "+447700900982"
    assert person["household"] == {"adults": 2, "notes": "Lives with mum"}
    assert person["privacy_notice_version"] == "2026-01"
    assert [(t["from"], t["to"]) for t in data["transitions"]] == [
        (None, "enquiry"),
        ("enquiry", "initial_contact"),
    ]
    assert data["transitions"][1]["note"] == "Zoë Brontë is keen"
    assert [a["note"] for a in data["contact_attempts"]] == ["Spoke to Zoë"]
    assert [n["body"] for n in data["notes"]] == ["Zoë Lives with mum"]
    assert [r["email"] for r in data["repeat_enquiries"]] == ["zoe@example.org"]
    exports = await _rows(world.db, select(AuditEvent).where(AuditEvent.action == "export"))
    assert [(e.record_id, e.actor_id) for e in exports] == [(enquiry_id, admin.user.id)]


async def test_erasure_anonymises_the_person_and_keeps_the_counts(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    admin = await world.make_person(world.a, "admin")
    enquiry_id = await _journey(client, officer)
    await factories.make_enquiry(world, world.a, stage="application")
    board_before = (await client.get("/api/v1/pipeline", headers=admin.headers)).json()["board"]
    etag = (await client.get(f"{URL}/{enquiry_id}", headers=admin.headers)).headers["etag"]

    assert_problem(await client.post(f"{URL}/{enquiry_id}/erasure", headers=officer.headers), 403)
    response = await client.post(f"{URL}/{enquiry_id}/erasure", headers=admin.headers)
    assert response.status_code == 204
    # Asking twice is harmless.
    assert (
        await client.post(f"{URL}/{enquiry_id}/erasure", headers=admin.headers)
    ).status_code == 204

    board_after = (await client.get("/api/v1/pipeline", headers=admin.headers)).json()["board"]
    assert board_after == board_before
    detail = (await client.get(f"{URL}/{enquiry_id}", headers=admin.headers)).json()
    assert detail["stage"] == "initial_contact" and detail["erased_at"] is not None
    assert detail["contact"] == {
        "first_name": "Erased",
        "last_name": "Erased",
        "email": None,
        "phone": None,
        "postcode": "L1",
        "preferred_contact": None,
    }
    assert detail["household"] is None and detail["source"]["utm"] is None

    # Everything the person said, or was said about them, is gone; the moves are not.
    enquiries = await _rows(world.db, select(Enquiry))
    moves = await _rows(world.db, select(StageTransition))
    notes = await _rows(world.db, select(EnquiryNote))
    stored = json.dumps(
        [
            [e.first_name, e.last_name, e.email, e.phone, e.postcode, e.household]
            for e in enquiries
            if e.council_id == world.a.id and e.stage != "application"
        ]
        + [[m.note for m in moves], [n.body for n in notes]],
        ensure_ascii=False,
    )
    for value in PERSONAL:
        assert value not in stored, value
    timeline = (await client.get(f"{URL}/{enquiry_id}/timeline", headers=admin.headers)).json()[
        "items"
    ]
    assert [e["detail"]["to"] for e in timeline if e["kind"] == "transition"] == [
        "enquiry",
        "initial_contact",
    ]

    # An erased enquiry cannot take new personal details.
    for method, path, body in (
        ("PATCH", f"{URL}/{enquiry_id}", {"first_name": "Zoë"}),
        ("POST", f"{URL}/{enquiry_id}/notes", {"body": "Zoë called"}),
        (
            "POST",
            f"{URL}/{enquiry_id}/contact-attempts",
            {"channel": "phone", "outcome": "reached"},
        ),
    ):
        response = await client.request(
            method, path, json=body, headers={**admin.headers, "If-Match": "*"}
        )
        assert_problem(response, 409)
    stale = await client.patch(
        f"{URL}/{enquiry_id}",
        json={"first_name": "Zoë"},
        headers={**admin.headers, "If-Match": etag},
    )
    assert stale.status_code in (409, 412)
    erasures = await _rows(world.db, select(AuditEvent).where(AuditEvent.action == "erase"))
    assert len(erasures) == 2  # the enquiry and its repeat
    assert {e.council_id for e in erasures} == {world.a.id}
    assert {e.actor_id for e in erasures} == {admin.user.id}


async def test_erasure_deletes_the_emails_to_the_person_sent_or_not(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    admin = await world.make_person(world.a, "admin")
    enquiry_id = await _journey(client, officer)  # two acknowledgements to zoe@example.org
    # A repeat by phone from another address is the person's too.
    repeat = await client.post(
        URL,
        json=enquiry_body(
            contact={"first_name": "Zoë", "email": "zb@example.org", "phone": "07700 900982"}
        ),
    )
    assert repeat.status_code == 201
    await world.db.execute(
        update(OutboxMessage)
        .where(OutboxMessage.payload["subject"].as_string().contains(repeat.json()["reference"]))
        .values(status="sent", sent_at=utcnow())
    )
    world.db.add_all(
        [
            # An event's email to the same address, typed in capitals: the person's.
            OutboxMessage(
                council_id=world.a.id,
                kind="email",
                payload={"to": "Zoe@Example.org", "subject": "Your place", "body": "Zoë"},
            ),
            # Someone else's email, and the same address in another council: not ours to touch.
            OutboxMessage(
                council_id=world.a.id,
                kind="email",
                payload={"to": "bob@example.org", "subject": "Hello Bob", "body": "Bob"},
            ),
            OutboxMessage(
                council_id=world.b.id,
                kind="email",
                payload={"to": "zoe@example.org", "subject": "Beta", "body": "Zoë"},
            ),
        ]
    )
    await world.db.commit()
    before = await _rows(world.db, select(OutboxMessage))
    assert len([m for m in before if m.council_id == world.a.id]) == 5

    response = await client.post(f"{URL}/{enquiry_id}/erasure", headers=admin.headers)
    assert response.status_code == 204

    left = await _rows(world.db, select(OutboxMessage))
    assert sorted((m.council_id == world.a.id, m.payload["to"]) for m in left) == [
        (False, "zoe@example.org"),
        (True, "bob@example.org"),
    ]
    [deleted] = await _rows(
        world.db,
        select(AuditEvent).where(
            AuditEvent.action == "delete", AuditEvent.record_type == "outbox_message"
        ),
    )
    assert deleted.detail == {"enquiry": enquiry_id, "count": 4, "reason": "request"}
    assert deleted.council_id == world.a.id and deleted.actor_id == admin.user.id


async def test_the_export_lists_the_emails_to_the_person_and_their_referral(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    await factories.make_household(world, world.a, referral_code="RZOE42", name="The Okafors")
    body = enquiry_body(
        contact={"first_name": "Zoë", "email": "zoe@example.org"},
        source={"channel": "referral", "referral_code": "RZOE42"},
    )
    receipt = (await client.post(URL, json=body)).json()
    repeat = (await client.post(URL, json=body)).json()
    sent_at = utcnow()
    await world.db.execute(
        update(OutboxMessage)
        .where(OutboxMessage.payload["subject"].as_string().contains(receipt["reference"]))
        .values(status="sent", sent_at=sent_at)
    )
    world.db.add(
        OutboxMessage(
            council_id=world.b.id,
            kind="email",
            payload={"to": "zoe@example.org", "subject": "Beta's news", "body": "Zoë"},
        )
    )
    await world.db.commit()

    data = (await client.get(f"{URL}/{receipt['id']}/export", headers=admin.headers)).json()
    emails = data["emails"]
    assert [(m["kind"], m["to"], m["status"]) for m in emails] == [
        ("email", "zoe@example.org", "sent"),
        ("email", "zoe@example.org", "pending"),
    ]
    assert receipt["reference"] in emails[0]["subject"]
    assert repeat["reference"] in emails[1]["subject"]
    assert emails[0]["queued_at"] and emails[0]["sent_at"].startswith(sent_at.date().isoformat())
    assert emails[1]["sent_at"] is None
    assert "Beta" not in json.dumps(emails)
    referral = data["referral"]
    assert referral["status"] == "pending" and set(referral) == {"id", "status", "created_at"}
    # The referring carer is the carer's own business.
    assert "Okafor" not in json.dumps(data) and "RZOE42" not in json.dumps(data["referral"])

    # Nothing held, nothing listed: a person without emails or a referral.
    quiet = await factories.make_enquiry(world, world.a, email=None)
    data = (await client.get(f"{URL}/{quiet.id}/export", headers=admin.headers)).json()
    assert data["emails"] == [] and data["referral"] is None


async def test_reads_are_audited_and_the_audit_log_holds_nothing_personal(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    admin = await world.make_person(world.a, "admin")
    enquiry_id = await _journey(client, officer)
    await client.get(f"{URL}/{enquiry_id}", headers=officer.headers)
    await client.get(URL, params={"q": "Zoë Brontë"}, headers=officer.headers)
    await client.patch(
        f"{URL}/{enquiry_id}",
        json={"last_name": "Brontë", "email": "zoe@example.org"},
        headers={**officer.headers, "If-Match": "*"},
    )
    await client.get(f"{URL}/{enquiry_id}/export", headers=admin.headers)
    await client.post(f"{URL}/{enquiry_id}/erasure", headers=admin.headers)

    events = await _rows(world.db, select(AuditEvent).order_by(AuditEvent.id))
    reads = [
        e
        for e in events
        if e.action == "read" and e.record_id == enquiry_id and e.actor_id == officer.user.id
    ]
    assert reads and all(e.council_id == world.a.id and e.actor_type == "user" for e in reads)
    assert all(e.request_id for e in reads)
    created = [e for e in events if e.action == "create" and e.record_id == enquiry_id]
    assert len(created) == 1 and created[0].council_id == world.a.id
    details = json.dumps([e.detail for e in events], ensure_ascii=False)
    for value in (*PERSONAL, "Zoe", "zoe@", "7700900982"):
        assert value not in details, value


async def test_a_list_read_records_which_enquiries_were_seen_and_nothing_personal(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    zoes = [
        (
            await factories.make_enquiry(
                world, world.a, first_name="Zoë", last_name="Brontë", email=f"zoe{n}@example.org"
            )
        ).id
        for n in range(3)
    ]
    await factories.make_enquiry(world, world.a, first_name="Bob")
    await factories.make_enquiry(world, world.b, first_name="Zoë", last_name="Brontë")

    first = await client.get(
        URL, params={"q": "Zoë Brontë", "stage": "enquiry", "limit": 2}, headers=officer.headers
    )
    second = await client.get(
        URL,
        params={
            "q": "Zoë Brontë",
            "stage": "enquiry",
            "limit": 2,
            "cursor": first.json()["next_cursor"],
        },
        headers=officer.headers,
    )
    seen = [[e["id"] for e in page.json()["items"]] for page in (first, second)]
    assert sorted(seen[0] + seen[1]) == sorted(zoes) and len(seen[0]) == 2

    lists = await _rows(
        world.db,
        select(AuditEvent)
        .where(AuditEvent.action == "list", AuditEvent.record_type == "enquiry")
        .order_by(AuditEvent.id),
    )
    assert [e.detail["ids"] for e in lists] == seen
    assert [e.detail["count"] for e in lists] == [2, 1]
    assert all(e.detail["filters"] == ["q", "stages"] for e in lists)
    assert all(e.record_id == "*" and e.actor_id == officer.user.id for e in lists)
    assert all(e.council_id == world.a.id for e in lists)
    details = json.dumps([e.detail for e in lists], ensure_ascii=False)
    for value in ("Zoë", "Brontë", "Zoe", "zoe", "@example.org"):
        assert value not in details, value


async def test_retention_erases_old_closed_enquiries_that_never_applied(
    world: World, sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    years_ago = utcnow() - timedelta(days=4 * 365)
    recently = utcnow() - timedelta(days=2 * 365)

    async def closed(council: Council, at: Any, *, applied: bool = False, **fields: Any) -> str:
        enquiry = await factories.make_enquiry(
            world,
            council,
            stage=fields.pop("stage", "withdrawn"),
            closed_at=at,
            close_reason="AW0",
            received_at=at - timedelta(days=30),
            **fields,
        )
        if applied:
            world.db.add(
                StageTransition(
                    council_id=council.id,
                    enquiry_id=enquiry.id,
                    from_stage="initial_visit",
                    to_stage="application",
                    occurred_at=at - timedelta(days=10),
                )
            )
            await world.db.commit()
        return enquiry.id

    old = await closed(world.a, years_ago)
    old_silent = await closed(world.a, years_ago, stage="no_response")
    applied = await closed(world.a, years_ago, applied=True)
    young = await closed(world.a, recently)
    open_old = (await factories.make_enquiry(world, world.a, received_at=years_ago)).id
    # Council B keeps closed enquiries for five years.
    keeps_longer = CouncilSettings().model_dump(mode="json")
    keeps_longer["retention"]["closed_enquiry_years"] = 5
    await world.db.execute(
        update(Council).where(Council.id == world.b.id).values(settings=keeps_longer)
    )
    await world.db.commit()
    beta_old = await closed(world.b, years_ago)

    await jobs.retention(sessionmaker, settings)

    rows = {e.id: e for e in await _rows(world.db, select(Enquiry))}
    for gone in (old, old_silent):
        assert rows[gone].erased_at is not None and rows[gone].first_name == "Erased"
        assert rows[gone].email is None and rows[gone].stage in ("withdrawn", "no_response")
    for kept in (applied, young, open_old, beta_old):
        assert rows[kept].erased_at is None and rows[kept].first_name == "Ann", kept
    erasures = await _rows(world.db, select(AuditEvent).where(AuditEvent.action == "erase"))
    assert sorted(
        (e.record_id, e.council_id, e.actor_type, e.detail["reason"]) for e in erasures
    ) == sorted((gone, world.a.id, "system", "retention") for gone in (old, old_silent))
    # A second run finds nothing more to do.
    await jobs.retention(sessionmaker, settings)
    assert len(await _rows(world.db, select(AuditEvent).where(AuditEvent.action == "erase"))) == 2


async def test_retention_erases_applications_not_approved_after_the_longer_period(
    world: World, sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    async def applied(council: Council, years: float, stage: str = "withdrawn") -> str:
        at = utcnow() - timedelta(days=round(years * 365.25))
        enquiry = await factories.make_enquiry(world, council, received_at=at - timedelta(days=90))
        await factories.move(world, enquiry, "initial_contact", at=at - timedelta(days=80))
        await factories.move(world, enquiry, "initial_visit", at=at - timedelta(days=70))
        await factories.move(world, enquiry, "application", at=at - timedelta(days=60))
        await factories.move(world, enquiry, stage, at=at, reason="AW2")
        return enquiry.id

    seven_years = await applied(world.a, 7)
    refused = await applied(world.a, 6.5, stage="not_progressed")
    five_years = await applied(world.a, 5)  # past the 3 years, not the 6 of an application
    approved = await factories.make_enquiry(
        world, world.a, stage="approved", received_at=utcnow() - timedelta(days=9 * 365)
    )
    # Council B keeps applications for ten years.
    longer = CouncilSettings().model_dump(mode="json")
    longer["retention"]["closed_application_years"] = 10
    await world.db.execute(update(Council).where(Council.id == world.b.id).values(settings=longer))
    await world.db.commit()
    beta = await applied(world.b, 7)

    await jobs.retention(sessionmaker, settings)

    rows = {e.id: e for e in await _rows(world.db, select(Enquiry))}
    for gone in (seven_years, refused):
        assert rows[gone].erased_at is not None and rows[gone].first_name == "Erased"
    for kept in (five_years, approved.id, beta):
        assert rows[kept].erased_at is None and rows[kept].first_name == "Ann", kept
    # The history stays, so the figures do not move.
    moves = await _rows(
        world.db, select(StageTransition).where(StageTransition.enquiry_id == seven_years)
    )
    assert len(moves) == 5
    erasures = await _rows(world.db, select(AuditEvent).where(AuditEvent.action == "erase"))
    assert sorted((e.record_id, e.detail["rule"]) for e in erasures) == sorted(
        (gone, "closed_application_years") for gone in (seven_years, refused)
    )


async def test_retention_finishes_the_work_in_one_run_however_much_is_due(
    world: World,
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(service, "RETENTION_BATCH", 2)
    long_ago = utcnow() - timedelta(days=8 * 365)
    never_applied = [
        (
            await factories.make_enquiry(
                world, world.a, stage="no_response", closed_at=long_ago, close_reason="NR1"
            )
        ).id
        for _ in range(5)
    ]
    applications = []
    for _ in range(2):
        enquiry = await factories.make_enquiry(world, world.a, received_at=long_ago)
        await factories.move(world, enquiry, "application", at=long_ago)
        await factories.move(world, enquiry, "withdrawn", at=long_ago, reason="AW4")
        applications.append(enquiry.id)
    young = await factories.make_enquiry(
        world, world.a, stage="withdrawn", closed_at=utcnow(), close_reason="AW1"
    )

    await jobs.retention(sessionmaker, settings)

    erasures = await _rows(world.db, select(AuditEvent).where(AuditEvent.action == "erase"))
    assert sorted(e.record_id for e in erasures) == sorted(never_applied + applications)
    assert all(e.actor_type == "system" and e.council_id == world.a.id for e in erasures)
    rows = {e.id: e for e in await _rows(world.db, select(Enquiry))}
    assert rows[young.id].erased_at is None


async def test_a_council_cannot_keep_applications_for_less_than_the_law_asks(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    read = await client.get("/api/v1/council-settings", headers=admin.headers)
    assert read.json()["retention"]["closed_application_years"] == 6
    headers = {**admin.headers, "If-Match": read.headers["etag"]}
    for years in (2, 0, 101, "six"):
        retention = {**read.json()["retention"], "closed_application_years": years}
        response = await client.patch(
            "/api/v1/council-settings", json={"retention": retention}, headers=headers
        )
        assert_problem(response, 422, "retention.closed_application_years")
    after = await client.get("/api/v1/council-settings", headers=admin.headers)
    assert after.headers["etag"] == read.headers["etag"]
    retention = {**read.json()["retention"], "closed_application_years": 8}
    changed = await client.patch(
        "/api/v1/council-settings", json={"retention": retention}, headers=headers
    )
    assert (
        changed.status_code == 200 and changed.json()["retention"]["closed_application_years"] == 8
    )


async def test_the_overdue_digest_emails_each_officer_their_own_list(
    world: World, sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    first = await world.make_person(world.a, "recruitment_officer")
    second = await world.make_person(world.a, "social_worker")
    idle = await world.make_person(world.a, "recruitment_officer")
    leaver = await world.make_person(world.a, "recruitment_officer")
    other_council = await world.make_person(world.b, "recruitment_officer")
    past = utcnow() - timedelta(days=2)

    async def late(who: Person, council: Council | None = None, **fields: Any) -> str:
        enquiry = await factories.make_enquiry(
            world, council or world.a, assigned_to_id=who.user.id, due_at=past, **fields
        )
        return enquiry.reference

    mine = {await late(first), await late(first, stage="initial_contact")}
    theirs = {await late(second)}
    beta = {await late(other_council, world.b)}
    await late(leaver)
    not_late = await factories.make_enquiry(
        world, world.a, assigned_to_id=idle.user.id, due_at=utcnow() + timedelta(days=1)
    )
    closed = await late(idle, stage="withdrawn")
    await world.db.execute(update(User).where(User.id == leaver.user.id).values(is_active=False))
    await world.db.commit()

    await jobs.overdue_digest(sessionmaker, settings)

    mails = await _rows(world.db, select(OutboxMessage).where(OutboxMessage.kind == "email"))
    by_to = {m.payload["to"]: m for m in mails}
    assert set(by_to) == {first.user.email, second.user.email, other_council.user.email}
    for who, refs, council in (
        (first, mine, world.a),
        (second, theirs, world.a),
        (other_council, beta, world.b),
    ):
        mail = by_to[who.user.email]
        assert mail.council_id == council.id
        assert mail.payload["subject"] == f"Your overdue enquiries ({len(refs)})"
        listed = {
            line.split(" ")[1]
            for line in mail.payload["body"].splitlines()
            if line.startswith("- ")
        }
        assert listed == refs
    assert not_late.reference not in json.dumps([m.payload for m in mails])
    assert closed not in json.dumps([m.payload for m in mails])


async def test_a_daily_job_runs_once_however_often_it_is_asked(
    sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    assert await outbox.claim_job_run(sessionmaker, "enquiries.retention", timedelta(hours=24))
    assert not await outbox.claim_job_run(sessionmaker, "enquiries.retention", timedelta(hours=24))
    # Another job has its own clock.
    assert await outbox.claim_job_run(sessionmaker, "enquiries.overdue_digest", timedelta(hours=24))


async def test_an_erased_enquiry_cannot_be_moved(client: httpx.AsyncClient, world: World) -> None:
    admin = await world.make_person(world.a, "admin")
    enquiry = await factories.make_enquiry(world, world.a)
    erased = await client.post(f"/api/v1/enquiries/{enquiry.id}/erasure", headers=admin.headers)
    assert erased.status_code == 204
    response = await client.post(
        f"/api/v1/enquiries/{enquiry.id}/transitions",
        json={"to": "initial_contact"},
        headers=admin.headers,
    )
    assert_problem(response, 409)
