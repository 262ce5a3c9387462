"""The public enquiry in JSON: routing, validation, honeypot, idempotency, rate limits,
consent, repeats, attribution, and the acknowledgement email reaching a real SMTP server."""

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.campaigns.models import Referral
from fosterhub.config import Settings
from fosterhub.core import outbox
from fosterhub.core.db import utcnow
from fosterhub.core.models import AuditEvent, OutboxMessage
from fosterhub.core.workdays import add_working_days
from fosterhub.enquiries.models import Enquiry, StageTransition
from fosterhub.main import create_app
from tests import factories
from tests.conftest import Inbox, Person, World, assert_problem
from tests.factories import DROP, enquiry_body

URL = "/api/v1/enquiries"


async def _counts(db: AsyncSession) -> tuple[int, ...]:
    """Rows of everything a public enquiry writes (enquiries, moves, emails, audit)."""
    counts = []
    for table in (Enquiry, StageTransition, OutboxMessage, AuditEvent, Referral):
        counts.append(int(await db.scalar(select(func.count()).select_from(table)) or 0))
    await db.commit()  # end the read: on SQLite an open transaction holds the write lock
    return tuple(counts)


async def _enquiry(db: AsyncSession, enquiry_id: str) -> Enquiry:
    found = await db.scalar(
        select(Enquiry).where(Enquiry.id == enquiry_id).execution_options(populate_existing=True)
    )
    await db.commit()
    assert found is not None
    return found


async def test_the_smallest_body_of_the_api_contract_is_received(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(URL, json=enquiry_body())
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"id", "reference", "council", "stage", "received_at"}
    assert body["council"] == "alpha" and body["stage"] == "enquiry"
    assert body["reference"].startswith("FH-")
    assert response.headers["location"] == f"{URL}/{body['id']}"
    stored = await _enquiry(world.db, body["id"])
    assert stored.council_id == world.a.id and stored.reference == body["reference"]
    # The first contact is due one working day after it arrived.
    assert stored.due_at == add_working_days(stored.received_at, 1)


@pytest.mark.parametrize(
    ("postcode", "council"), [("L1 8JQ", "alpha"), ("l18jq", "alpha"), ("L2 9AB", "beta")]
)
async def test_an_enquiry_without_a_council_is_routed_by_its_postcode(
    client: httpx.AsyncClient, world: World, postcode: str, council: str
) -> None:
    response = await client.post(
        URL, json=enquiry_body(council=DROP, contact={"postcode": postcode})
    )
    assert response.status_code == 201, response.text
    assert response.json()["council"] == council


async def test_a_postcode_nobody_covers_names_the_nearest_councils(
    client: httpx.AsyncClient, world: World
) -> None:
    before = await _counts(world.db)
    response = await client.post(
        URL, json=enquiry_body(council=DROP, contact={"postcode": "M1 1AA"})
    )
    body = assert_problem(response, 422, field="contact.postcode")
    assert [c["slug"] for c in body["nearest_councils"]] == ["alpha", "beta"]
    assert "Alpha Council" in body["detail"]
    assert await _counts(world.db) == before


async def test_an_unknown_council_is_refused(client: httpx.AsyncClient, world: World) -> None:
    assert_problem(await client.post(URL, json=enquiry_body(council="nowhere")), 422, "council")


async def test_phone_is_stored_in_e164_and_postcode_normalised(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        URL,
        json=enquiry_body(
            contact={"phone": "07700 900982", "postcode": "l18jq", "email": "Ann@Example.ORG"}
        ),
    )
    assert response.status_code == 201, response.text
    stored = await _enquiry(world.db, response.json()["id"])
    assert stored.phone == "+447700900982"
    assert stored.postcode == "L1 8JQ"
    assert stored.email == "ann@example.org"


@pytest.mark.parametrize(
    ("first", "last"), [("Zoë", "Brontë"), ("Łukasz", "Żółć"), ("محمد", "علي"), ("王", "芳")]
)
async def test_names_in_any_script_are_accepted(
    client: httpx.AsyncClient, world: World, first: str, last: str
) -> None:
    response = await client.post(
        URL, json=enquiry_body(contact={"first_name": first, "last_name": last})
    )
    assert response.status_code == 201, response.text
    stored = await _enquiry(world.db, response.json()["id"])
    assert (stored.first_name, stored.last_name) == (first, last)


BAD_BODIES: list[tuple[str, dict[str, Any], str]] = [
    ("bad email", enquiry_body(contact={"email": "not-an-email"}), "contact.email"),
    ("email without domain", enquiry_body(contact={"email": "ann@"}), "contact.email"),
    ("US phone", enquiry_body(contact={"phone": "+1 202 555 0123"}), "contact.phone"),
    ("French phone", enquiry_body(contact={"phone": "+33 1 23 45 67 89"}), "contact.phone"),
    ("phone of letters", enquiry_body(contact={"phone": "call me maybe"}), "contact.phone"),
    ("bad postcode", enquiry_body(contact={"postcode": "NOT A CODE"}), "contact.postcode"),
    ("digits in a name", enquiry_body(contact={"first_name": "Ann2"}), "contact.first_name"),
    ("emoji in a name", enquiry_body(contact={"last_name": "Lee 😀"}), "contact.last_name"),
    ("markup in a name", enquiry_body(contact={"first_name": "<b>Ann</b>"}), "contact.first_name"),
    ("blank name", enquiry_body(contact={"first_name": "   "}), "contact.first_name"),
    ("overlong name", enquiry_body(contact={"first_name": "A" * 101}), "contact.first_name"),
    ("unknown top-level field", enquiry_body(admin=True), "admin"),
    ("unknown nested field", enquiry_body(contact={"age": 40}), "contact.age"),
    ("missing contact", enquiry_body(contact=DROP), "contact"),
    ("contact_ok false", enquiry_body(consent={"contact_ok": False}), "consent.contact_ok"),
    (
        "contact_ok missing",
        {**enquiry_body(), "consent": {"privacy_notice_version": "2026-01"}},
        "consent.contact_ok",
    ),
    ("no interests", enquiry_body(interests=[]), "interests"),
    ("unknown interest", enquiry_body(interests=["cooking"]), "interests.0"),
    ("unknown channel", enquiry_body(source={"channel": "carrier_pigeon"}), "source.channel"),
    ("utm with unknown keys", enquiry_body(source={"utm": {"gclid": "x"}}), "source.utm"),
    ("NUL in a name", enquiry_body(contact={"first_name": "An\x00n"}), "contact.first_name"),
    (
        "NUL in the notice version",
        enquiry_body(consent={"privacy_notice_version": "20\x0026"}),
        "consent.privacy_notice_version",
    ),
    ("NUL in utm", enquiry_body(source={"utm": {"utm_source": "a\x00b"}}), "source.utm"),
    ("interests as a string", enquiry_body(interests="short_term"), "interests"),
    ("contact as a list", enquiry_body(contact=[]), "contact"),
    ("council as a number", enquiry_body(council=7), "council"),
    ("contact_ok as a string", enquiry_body(consent={"contact_ok": "yes"}), "consent.contact_ok"),
    ("household adults too many", enquiry_body(household={"adults": 99}), "household.adults"),
    (
        "bad event id",
        enquiry_body(source={"event_id": "'; drop table enquiry; --"}),
        "source.event_id",
    ),
]


@pytest.mark.parametrize(("why", "body", "field"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
async def test_bad_input_names_the_field_and_writes_nothing(
    client: httpx.AsyncClient, world: World, why: str, body: dict[str, Any], field: str
) -> None:
    before = await _counts(world.db)
    assert_problem(await client.post(URL, json=body), 422, field=field)
    assert await _counts(world.db) == before


async def test_malformed_json_and_wrong_media_type_write_nothing(
    client: httpx.AsyncClient, world: World
) -> None:
    before = await _counts(world.db)
    bad_json = await client.post(
        URL, content=b'{"council": "alpha",', headers={"Content-Type": "application/json"}
    )
    assert_problem(bad_json, 400)
    not_json = await client.post(
        URL, content=b"council=alpha", headers={"Content-Type": "text/plain"}
    )
    assert_problem(not_json, 415)
    top_level_list = await client.post(URL, json=[enquiry_body()])
    assert_problem(top_level_list, 422)
    assert await _counts(world.db) == before


async def test_the_honeypot_answers_201_but_keeps_nothing_and_sends_nothing(
    client: httpx.AsyncClient, world: World
) -> None:
    before = await _counts(world.db)
    response = await client.post(URL, json=enquiry_body(website="http://spam.example"))
    assert response.status_code == 201
    assert response.json()["reference"].startswith("FH-")
    assert await _counts(world.db) == before


async def test_idempotency_key_replays_the_first_answer(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = {"Idempotency-Key": "4b0d3c3e-5d9c-4d0a-9e1f-1c2b3a4d5e6f"}
    first = await client.post(URL, json=enquiry_body(), headers=headers)
    again = await client.post(URL, json=enquiry_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert (await _counts(world.db))[0] == 1
    other = await client.post(
        URL, json=enquiry_body(contact={"first_name": "Bea"}), headers=headers
    )
    assert_problem(other, 409)
    assert (await _counts(world.db))[0] == 1


async def test_enquiries_are_rate_limited_per_address(settings: Settings, world: World) -> None:
    app = create_app(settings.model_copy(update={"rate_limit_enquiry": "2/minute"}))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
            for n in range(2):
                body = enquiry_body(contact={"email": f"n{n}@example.org"})
                assert (await c.post(URL, json=body)).status_code == 201
            limited = await c.post(URL, json=enquiry_body(contact={"email": "n3@example.org"}))
            assert_problem(limited, 429)
            assert 1 <= int(limited.headers["retry-after"]) <= 60
    finally:
        await app.state.engine.dispose()
    assert (await _counts(world.db))[0] == 2


async def test_consent_is_kept_with_the_notice_version_and_marketing_apart(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    plain = (await client.post(URL, json=enquiry_body())).json()
    keen = (
        await client.post(
            URL,
            json=enquiry_body(
                contact={"email": "bea@example.org"},
                consent={"privacy_notice_version": "2026-02", "marketing_ok": True},
            ),
        )
    ).json()
    first = (await client.get(f"{URL}/{plain['id']}", headers=officer.headers)).json()
    second = (await client.get(f"{URL}/{keen['id']}", headers=officer.headers)).json()
    assert first["consent"]["privacy_notice_version"] == "2026-01"
    assert first["consent"]["contact_ok"] is True and first["consent"]["marketing_ok"] is False
    assert first["consent"]["consent_at"] == first["received_at"]
    assert second["consent"]["privacy_notice_version"] == "2026-02"
    assert second["consent"]["marketing_ok"] is True


async def _get_list(client: httpx.AsyncClient, who: Person, **params: Any) -> list[dict[str, Any]]:
    response = await client.get(URL, params=params, headers=who.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


@pytest.mark.parametrize(
    "second_contact",
    [
        {"email": "ANN@example.org", "first_name": "Annie"},
        {"email": "other@example.org", "phone": "+44 7700 900982"},
    ],
    ids=["same email", "same phone"],
)
async def test_the_same_person_within_90_days_is_linked_not_counted(
    client: httpx.AsyncClient, world: World, second_contact: dict[str, str]
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    first = (await client.post(URL, json=enquiry_body(contact={"phone": "07700 900982"}))).json()
    second = await client.post(URL, json=enquiry_body(contact=second_contact))
    assert second.status_code == 201
    repeat = await _enquiry(world.db, second.json()["id"])
    assert repeat.duplicate_of_id == first["id"]
    assert repeat.due_at is None

    assert [e["id"] for e in await _get_list(client, officer)] == [first["id"]]
    everything = await _get_list(client, officer, include_repeats="true")
    assert {e["id"] for e in everything} == {first["id"], repeat.id}
    assert [e["duplicate_of"] for e in everything if e["id"] == repeat.id] == [first["id"]]

    timeline = (await client.get(f"{URL}/{first['id']}/timeline", headers=officer.headers)).json()[
        "items"
    ]
    repeats = [e for e in timeline if e["kind"] == "repeat_enquiry"]
    assert len(repeats) == 1 and repeats[0]["detail"]["reference"] == repeat.reference
    board = (await client.get("/api/v1/pipeline", headers=officer.headers)).json()["board"]
    assert {b["stage"]: b["count"] for b in board} == {"enquiry": 1}
    # A repeat is worked through the first enquiry.
    detail = (await client.get(f"{URL}/{repeat.id}", headers=officer.headers)).json()
    assert detail["allowed_moves"] == []
    moved = await client.post(
        f"{URL}/{repeat.id}/transitions", json={"to": "initial_contact"}, headers=officer.headers
    )
    assert assert_problem(moved, 409)["allowed_moves"] == []


async def test_after_90_days_the_same_person_makes_a_new_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    first = (await client.post(URL, json=enquiry_body())).json()
    await world.db.execute(
        update(Enquiry)
        .where(Enquiry.id == first["id"])
        .values(received_at=utcnow() - timedelta(days=91))
    )
    await world.db.commit()
    second = (await client.post(URL, json=enquiry_body())).json()
    assert (await _enquiry(world.db, second["id"])).duplicate_of_id is None


async def test_the_same_person_in_another_council_is_not_a_repeat(
    client: httpx.AsyncClient, world: World
) -> None:
    await client.post(URL, json=enquiry_body())
    other = (await client.post(URL, json=enquiry_body(council="beta"))).json()
    assert (await _enquiry(world.db, other["id"])).duplicate_of_id is None


async def test_someone_who_withdrew_and_asks_again_gets_a_workable_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    first = (await client.post(URL, json=enquiry_body())).json()
    closed = await client.post(
        f"{URL}/{first['id']}/transitions",
        json={"to": "withdrawn", "reason": "AW3"},
        headers=officer.headers,
    )
    assert closed.status_code == 201
    again = (await client.post(URL, json=enquiry_body())).json()
    detail = (await client.get(f"{URL}/{again['id']}", headers=officer.headers)).json()
    assert detail["duplicate_of"] is None
    assert "initial_contact" in detail["allowed_moves"]


async def test_a_campaign_code_attributes_the_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    campaign = await factories.make_campaign(world, world.a, code="LEAF42")
    response = await client.post(
        URL, json=enquiry_body(source={"channel": "print", "campaign_code": "leaf42"})
    )
    assert response.status_code == 201, response.text
    detail = (await client.get(f"{URL}/{response.json()['id']}", headers=officer.headers)).json()
    assert detail["source"]["campaign_id"] == campaign.id
    assert detail["source"]["campaign_code"] == "LEAF42"
    assert detail["source"]["channel"] == "print"


async def test_unknown_or_other_councils_campaign_codes_are_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    await factories.make_campaign(world, world.b, code="BETA42")
    before = await _counts(world.db)
    for code in ("NOPE99", "BETA42"):
        body = enquiry_body(source={"channel": "print", "campaign_code": code})
        assert_problem(await client.post(URL, json=body), 422, field="source.campaign_code")
    assert await _counts(world.db) == before


async def test_a_referral_code_opens_a_referral(client: httpx.AsyncClient, world: World) -> None:
    household = await factories.make_household(world, world.a, referral_code="RFRIEND")
    response = await client.post(
        URL, json=enquiry_body(source={"channel": "referral", "referral_code": "rfriend"})
    )
    assert response.status_code == 201, response.text
    referral = await world.db.scalar(select(Referral))
    await world.db.commit()
    assert referral is not None
    assert referral.household_id == household.id and referral.enquiry_id == response.json()["id"]
    assert referral.status == "pending"
    assert_problem(
        await client.post(
            URL,
            json=enquiry_body(
                contact={"email": "x@example.org"},
                source={"channel": "referral", "referral_code": "RNOPE1"},
            ),
        ),
        422,
        field="source.referral_code",
    )


async def test_another_councils_or_a_deregistered_carers_referral_code_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    await factories.make_household(world, world.b, referral_code="RBETA1")
    await factories.make_household(world, world.a, referral_code="RGONE1", status="deregistered")
    before = await _counts(world.db)
    for code in ("RBETA1", "rgone1"):
        body = enquiry_body(source={"channel": "referral", "referral_code": code})
        problem = assert_problem(await client.post(URL, json=body), 422, "source.referral_code")
        [error] = problem["errors"]
        assert error == {
            "field": "source.referral_code",
            "message": "We do not recognise this referral code",
        }
    # Nothing written: no enquiry, move, email, audit row or referral.
    assert await _counts(world.db) == before


async def test_the_acknowledgement_email_arrives_with_the_reference(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: async_sessionmaker[AsyncSession],
    mail_settings: Settings,
    smtp: Inbox,
) -> None:
    receipt = (await client.post(URL, json=enquiry_body())).json()
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 1
    for _ in range(50):
        if smtp.messages:
            break
        await asyncio.sleep(0.01)
    [mail] = smtp.messages
    assert mail["To"] == "ann@example.org"
    assert receipt["reference"] in mail["Subject"]
    assert "Alpha Council" in mail["Subject"]
    text = mail.get_payload(decode=True).decode()
    assert f"Your reference is {receipt['reference']}" in text
    assert text.startswith("Dear Ann,")
