"""The staff pipeline: allowed moves and their reasons, the record of every move, targets and
overdue work, contact attempts, notes, assignment, filters, search and pagination."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from fosterhub.core.db import utcnow
from fosterhub.core.workdays import add_months, add_working_days, is_working_day
from fosterhub.councils.schemas import CouncilSettings
from fosterhub.enquiries import service
from fosterhub.enquiries.models import Enquiry, StageTransition
from fosterhub.enquiries.vocabulary import CLOSING, NEXT_STAGE, OPEN_STAGES, STAGES
from fosterhub.users.models import User
from tests import factories
from tests.conftest import Person, World, assert_problem
from tests.factories import enquiry_body

URL = "/api/v1/enquiries"
REASON_FOR = {
    "withdrawn": "AW3",
    "not_progressed": "NP2",
    "no_response": "NR1",
    "transferred": "TR1",
}


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def _officer(world: World, *roles: str) -> Person:
    return await world.make_person(world.a, *(roles or ("recruitment_officer",)))


async def _move(
    client: httpx.AsyncClient, who: Person, enquiry_id: str, to: str, **body: Any
) -> httpx.Response:
    return await client.post(
        f"{URL}/{enquiry_id}/transitions", json={"to": to, **body}, headers=who.headers
    )


async def _detail(client: httpx.AsyncClient, who: Person, enquiry_id: str) -> dict[str, Any]:
    response = await client.get(f"{URL}/{enquiry_id}", headers=who.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _ids(client: httpx.AsyncClient, who: Person, params: Any) -> list[str]:
    response = await client.get(URL, params=params, headers=who.headers)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


async def _received(client: httpx.AsyncClient, **overrides: Any) -> str:
    response = await client.post(URL, json=enquiry_body(**overrides))
    assert response.status_code == 201, response.text
    enquiry_id: str = response.json()["id"]
    return enquiry_id


# Moves


async def test_every_allowed_move_is_accepted(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    for stage in OPEN_STAGES:
        for to in [NEXT_STAGE[stage], *CLOSING]:
            enquiry = await factories.make_enquiry(world, world.a, stage=stage)
            response = await _move(client, officer, enquiry.id, to, reason=REASON_FOR.get(to))
            assert response.status_code == 201, (stage, to, response.text)
            body = response.json()
            assert (body["from_stage"], body["to_stage"]) == (stage, to)
            assert body["actor_id"] == officer.user.id
            detail = await _detail(client, officer, enquiry.id)
            assert detail["stage"] == to
            assert (detail["closed_at"] is not None) == (to in CLOSING)
            assert detail["close_reason"] == REASON_FOR.get(to)


@pytest.mark.parametrize(
    ("stage", "to"),
    [
        ("enquiry", "application"),
        ("enquiry", "approved"),
        ("enquiry", "enquiry"),
        ("initial_visit", "initial_contact"),
        ("panel", "enquiry"),
        ("approved", "withdrawn"),
        ("approved", "panel"),
        ("withdrawn", "initial_contact"),
        ("not_progressed", "enquiry"),
        ("transferred", "initial_contact"),
        ("no_response", "enquiry"),
        ("no_response", "withdrawn"),
    ],
)
async def test_a_move_that_is_not_allowed_answers_409_with_the_allowed_moves(
    client: httpx.AsyncClient, world: World, stage: str, to: str
) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a, stage=stage)
    response = await _move(client, officer, enquiry.id, to, reason=REASON_FOR.get(to))
    body = assert_problem(response, 409)
    assert body["allowed_moves"] == (await _detail(client, officer, enquiry.id))["allowed_moves"]
    assert (await _detail(client, officer, enquiry.id))["stage"] == stage


async def test_the_pipeline_vocabulary_lists_moves_and_reason_codes(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    body = (await client.get("/api/v1/pipeline", headers=officer.headers)).json()
    assert body["stages"] == list(STAGES)
    assert body["moves"]["approved"] == []
    assert body["moves"]["no_response"] == ["initial_contact"]
    assert body["moves"]["enquiry"] == ["initial_contact", *CLOSING]
    assert [r["code"] for r in body["reasons"]["withdrawn"]] == [
        "AW1",
        "AW2",
        "AW3",
        "AW4",
        "AW5",
        "AW0",
    ]


@pytest.mark.parametrize(
    ("to", "reason"),
    [
        ("withdrawn", None),
        ("withdrawn", "NP1"),
        ("withdrawn", "aw3"),
        ("withdrawn", "AW9"),
        ("not_progressed", None),
        ("not_progressed", "AW1"),
        ("no_response", "NP1"),
        ("no_response", None),
        ("transferred", "AW3"),
        ("transferred", None),
        ("initial_contact", "AW3"),
    ],
)
async def test_closing_outcomes_need_their_own_reason_codes(
    client: httpx.AsyncClient, world: World, to: str, reason: str | None
) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a)
    assert_problem(await _move(client, officer, enquiry.id, to, reason=reason), 422, "reason")
    detail = await _detail(client, officer, enquiry.id)
    assert detail["stage"] == "enquiry"


async def test_the_api_example_withdrawal_is_accepted(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a, stage="assessment")
    response = await _move(
        client, officer, enquiry.id, "withdrawn", reason="AW3", note="Moving house"
    )
    assert response.status_code == 201
    assert response.json()["reason_text"] == "A change in household circumstances"


async def test_bad_move_bodies_are_refused(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}/transitions"
    for body, field in (
        ({"to": "somewhere"}, "to"),
        ({}, "to"),
        ({"to": "initial_contact", "extra": 1}, "extra"),
        ({"to": "initial_contact", "note": "x" * 5001}, "note"),
        ({"to": "initial_contact", "approval": {"places": 2}}, "approval"),
        ({"to": "initial_contact", "note": "a\x00b"}, "note"),
    ):
        assert_problem(await client.post(path, json=body, headers=officer.headers), 422, field)


async def test_no_response_can_be_reopened_and_approved_is_the_end(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(
        world,
        world.a,
        stage="no_response",
        closed_at=utcnow(),
        close_reason="NR1",
        failed_contact_attempts=3,
    )
    assert (await _move(client, officer, enquiry.id, "initial_contact")).status_code == 201
    detail = await _detail(client, officer, enquiry.id)
    assert detail["stage"] == "initial_contact"
    assert detail["closed_at"] is None and detail["close_reason"] is None
    assert detail["failed_contact_attempts"] == 0
    assert detail["due_at"] is not None

    done = await factories.make_enquiry(world, world.a, stage="panel")
    assert (await _move(client, officer, done.id, "approved")).status_code == 201
    assert (await _detail(client, officer, done.id))["allowed_moves"] == []
    for to in STAGES:
        assert_problem(await _move(client, officer, done.id, to, reason=REASON_FOR.get(to)), 409)


async def test_every_move_is_recorded_with_who_when_why_in_order(
    client: httpx.AsyncClient, world: World
) -> None:
    first, second = await _officer(world), await _officer(world, "social_worker")
    enquiry_id = await _received(client)
    await _move(client, first, enquiry_id, "initial_contact", note="Called, keen")
    await _move(client, second, enquiry_id, "initial_visit", note="Visit booked")
    await _move(client, first, enquiry_id, "withdrawn", reason="AW4", note="Cost of living")

    response = await client.get(f"{URL}/{enquiry_id}/timeline", headers=first.headers)
    assert response.status_code == 200
    moves = [e for e in response.json()["items"] if e["kind"] == "transition"]
    assert [(m["detail"]["from"], m["detail"]["to"]) for m in moves] == [
        (None, "enquiry"),
        ("enquiry", "initial_contact"),
        ("initial_contact", "initial_visit"),
        ("initial_visit", "withdrawn"),
    ]
    assert [m["actor_id"] for m in moves] == [None, first.user.id, second.user.id, first.user.id]
    assert [m["detail"]["note"] for m in moves] == [
        None,
        "Called, keen",
        "Visit booked",
        "Cost of living",
    ]
    assert moves[-1]["detail"]["reason"] == "AW4"
    assert moves[-1]["summary"].endswith("Financial reasons")
    # Summaries are for people: stage names, not codes.
    assert [m["summary"] for m in moves] == [
        "Enquiry received",
        "Moved from New enquiry to Initial contact",
        "Moved from Initial contact to Initial visit",
        "Moved from Initial visit to Withdrawn: Financial reasons",
    ]
    assert not any("_" in m["summary"] for m in moves)
    times = [_time(m["at"]) for m in moves]
    assert times == sorted(times)

    # Each move keeps when the stage it leaves was entered: the move before it.
    recorded = (
        await world.db.execute(
            select(StageTransition.from_entered_at, StageTransition.occurred_at)
            .where(StageTransition.enquiry_id == enquiry_id)
            .order_by(StageTransition.occurred_at)
        )
    ).all()
    assert [row.from_entered_at for row in recorded] == [
        None,
        *(row.occurred_at for row in recorded[:-1]),
    ]


# Targets


def test_working_days_skip_weekends_and_england_bank_holidays() -> None:
    friday = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
    assert add_working_days(friday, 1) == datetime(2026, 11, 30, 10, 30, tzinfo=UTC)
    christmas_eve = datetime(2026, 12, 24, 15, 0, tzinfo=UTC)
    # 25 Dec, the weekend and Boxing Day's substitute Monday 28 Dec are not working days.
    assert add_working_days(christmas_eve, 1) == datetime(2026, 12, 29, 15, 0, tzinfo=UTC)
    assert not is_working_day(date(2026, 12, 28))
    assert not is_working_day(date(2027, 3, 26))  # Good Friday 2027
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert add_working_days(saturday, 1) == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert add_working_days(friday, 5) == datetime(2026, 12, 4, 10, 30, tzinfo=UTC)
    # The last day of a shorter month; 10:00 in London both times (BST in August, GMT in
    # February), so an hour apart in UTC.
    assert add_months(datetime(2026, 8, 31, 9, tzinfo=UTC), 6) == datetime(
        2027, 2, 28, 10, tzinfo=UTC
    )


def test_working_days_are_counted_on_londons_calendar() -> None:
    # 23:30 on Friday in UTC is 00:30 on Saturday in summer: it arrived at the weekend, so
    # it is due on Monday at 00:30 London time (23:30 on Sunday in UTC), not on Monday night
    # as counting on UTC's calendar would have it.
    late_friday_utc = datetime(2026, 7, 3, 23, 30, tzinfo=UTC)
    assert add_working_days(late_friday_utc, 1) == datetime(2026, 7, 5, 23, 30, tzinfo=UTC)
    # In winter London is on UTC: the same moment is still Friday, and Monday is next.
    winter_friday = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    assert add_working_days(winter_friday, 1) == datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    # Across the clocks going forward (29 March 2026): 09:00 GMT on Friday is due at 09:00
    # BST on Monday, 08:00 UTC.
    before_change = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
    assert add_working_days(before_change, 1) == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="time zone"):
        add_working_days(datetime(2026, 3, 27, 9, 0), 1)


def test_due_at_follows_the_councils_targets() -> None:
    targets = CouncilSettings()
    friday = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
    assert service.due_at(targets, "enquiry", {"enquiry": friday}) == datetime(
        2026, 11, 30, 10, 30, tzinfo=UTC
    )
    christmas_eve = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)
    assert service.due_at(targets, "enquiry", {"enquiry": christmas_eve}) == datetime(
        2026, 12, 29, 9, 0, tzinfo=UTC
    )
    contact = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday
    entered = {"enquiry": contact - timedelta(hours=2), "initial_contact": contact}
    assert service.due_at(targets, "initial_contact", entered) == datetime(
        2026, 11, 30, 12, 0, tzinfo=UTC
    )
    # No target ahead of an initial visit until an application starts the panel clock.
    assert service.due_at(targets, "initial_visit", {**entered, "initial_visit": contact}) is None
    applied = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    entered |= {"initial_visit": contact, "application": applied}
    assert service.due_at(targets, "application", entered) == datetime(2026, 11, 2, 9, tzinfo=UTC)
    assessed = {**entered, "assessment": applied + timedelta(days=40)}
    assert service.due_at(targets, "assessment", assessed) == datetime(2026, 11, 2, 9, tzinfo=UTC)
    assert service.due_at(targets, "panel", {**assessed, "panel": utcnow()}) is None
    for closed in ("approved", *CLOSING):
        assert service.due_at(targets, closed, entered) is None


async def test_moves_set_due_dates_from_the_councils_targets(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    enquiry_id = await _received(client)
    detail = await _detail(client, officer, enquiry_id)
    assert _time(detail["due_at"]) == add_working_days(_time(detail["received_at"]), 1)

    moved = (await _move(client, officer, enquiry_id, "initial_contact")).json()
    detail = await _detail(client, officer, enquiry_id)
    assert _time(detail["due_at"]) == add_working_days(_time(moved["occurred_at"]), 5)

    await _move(client, officer, enquiry_id, "initial_visit")
    assert (await _detail(client, officer, enquiry_id))["due_at"] is None
    applied = (await _move(client, officer, enquiry_id, "application")).json()
    detail = await _detail(client, officer, enquiry_id)
    assert _time(detail["due_at"]) == add_months(_time(applied["occurred_at"]), 8)
    await _move(client, officer, enquiry_id, "assessment")
    assert _time((await _detail(client, officer, enquiry_id))["due_at"]) == add_months(
        _time(applied["occurred_at"]), 8
    )
    await _move(client, officer, enquiry_id, "withdrawn", reason="AW2")
    detail = await _detail(client, officer, enquiry_id)
    assert detail["due_at"] is None and detail["is_overdue"] is False


async def test_changed_targets_apply_to_new_moves(client: httpx.AsyncClient, world: World) -> None:
    admin = await world.make_person(world.a, "admin")
    enquiry_id = await _received(client)
    current = await client.get("/api/v1/council-settings", headers=admin.headers)
    changed = await client.patch(
        "/api/v1/council-settings",
        json={"stage_targets": {"initial_visit": {"amount": 3, "unit": "calendar_days"}}},
        headers={**admin.headers, "If-Match": current.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    moved = (await _move(client, admin, enquiry_id, "initial_contact")).json()
    detail = await _detail(client, admin, enquiry_id)
    assert _time(detail["due_at"]) == _time(moved["occurred_at"]) + timedelta(days=3)
    # With no first-contact target any more, a new enquiry has nothing due.
    later = await _received(client, contact={"email": "new@example.org"})
    assert (await _detail(client, admin, later))["due_at"] is None


async def test_overdue_work_is_flagged_and_filtered(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    past = utcnow() - timedelta(hours=1)
    late = await factories.make_enquiry(world, world.a, due_at=past)
    late_visit = await factories.make_enquiry(world, world.a, stage="initial_contact", due_at=past)
    on_time = await factories.make_enquiry(world, world.a, due_at=utcnow() + timedelta(days=1))
    closed = await factories.make_enquiry(world, world.a, stage="withdrawn", due_at=past)
    no_target = await factories.make_enquiry(world, world.a, stage="initial_visit", due_at=None)
    await factories.make_enquiry(world, world.b, due_at=past)

    overdue = await _ids(client, officer, {"overdue": "true"})
    assert set(overdue) == {late.id, late_visit.id}
    items = (await client.get(URL, headers=officer.headers)).json()["items"]
    flags = {e["id"]: e["is_overdue"] for e in items}
    assert flags == {
        late.id: True,
        late_visit.id: True,
        on_time.id: False,
        closed.id: False,
        no_target.id: False,
    }
    board = (await client.get("/api/v1/pipeline", headers=officer.headers)).json()["board"]
    by_stage = {b["stage"]: b for b in board}
    assert by_stage["enquiry"] == {"stage": "enquiry", "count": 2, "overdue": 1}
    assert by_stage["withdrawn"]["overdue"] == 0


# Contact attempts and notes


async def test_failed_contact_attempts_offer_no_response_and_reaching_resets(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    enquiry_id = await _received(client)
    path = f"{URL}/{enquiry_id}/contact-attempts"
    outcomes = ["no_answer", "left_message", "bounced"]
    for n, outcome in enumerate(outcomes, start=1):
        response = await client.post(
            path, json={"channel": "phone", "outcome": outcome}, headers=officer.headers
        )
        assert response.status_code == 201, response.text
        assert response.json()["actor_id"] == officer.user.id
        assert response.headers["offer-no-response"] == ("true" if n == 3 else "false")
    detail = await _detail(client, officer, enquiry_id)
    assert detail["failed_contact_attempts"] == 3 and detail["offer_no_response"] is True
    assert await _ids(client, officer, {"offer_no_response": "true"}) == [enquiry_id]

    # An email sent is not a failure; reaching the person starts the count again.
    await client.post(
        path, json={"channel": "email", "outcome": "email_sent"}, headers=officer.headers
    )
    assert (await _detail(client, officer, enquiry_id))["failed_contact_attempts"] == 3
    reached = await client.post(
        path,
        json={"channel": "phone", "outcome": "reached", "note": "Call back Tuesday"},
        headers=officer.headers,
    )
    assert reached.headers["offer-no-response"] == "false"
    detail = await _detail(client, officer, enquiry_id)
    assert detail["failed_contact_attempts"] == 0 and detail["offer_no_response"] is False
    assert await _ids(client, officer, {"offer_no_response": "true"}) == []
    timeline = (await client.get(f"{URL}/{enquiry_id}/timeline", headers=officer.headers)).json()[
        "items"
    ]
    attempts = [e for e in timeline if e["kind"] == "contact_attempt"]
    assert [a["detail"]["outcome"] for a in attempts] == [*outcomes, "email_sent", "reached"]


async def test_the_councils_number_of_attempts_decides(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    current = await client.get("/api/v1/council-settings", headers=admin.headers)
    retention = {**current.json()["retention"], "failed_contact_attempts_before_no_response": 1}
    await client.patch(
        "/api/v1/council-settings",
        json={"retention": retention},
        headers={**admin.headers, "If-Match": current.headers["etag"]},
    )
    enquiry_id = await _received(client)
    response = await client.post(
        f"{URL}/{enquiry_id}/contact-attempts",
        json={"channel": "text", "outcome": "no_answer"},
        headers=admin.headers,
    )
    assert response.headers["offer-no-response"] == "true"


async def test_bad_contact_attempts_are_refused(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}/contact-attempts"
    tomorrow = (utcnow() + timedelta(days=1)).isoformat()
    for body, field in (
        ({"channel": "pigeon", "outcome": "no_answer"}, "channel"),
        ({"channel": "phone", "outcome": "ghosted"}, "outcome"),
        ({"channel": "phone"}, "outcome"),
        ({"channel": "phone", "outcome": "no_answer", "attempted_at": tomorrow}, "attempted_at"),
        (
            {"channel": "phone", "outcome": "no_answer", "attempted_at": "2026-11-20T10:00:00"},
            "attempted_at",
        ),
        ({"channel": "phone", "outcome": "no_answer", "attempted_at": "yesterday"}, "attempted_at"),
    ):
        assert_problem(await client.post(path, json=body, headers=officer.headers), 422, field)
    assert (await _detail(client, officer, enquiry.id))["failed_contact_attempts"] == 0
    earlier = await client.post(
        path,
        json={"channel": "phone", "outcome": "no_answer", "attempted_at": "2026-11-20T10:00:00Z"},
        headers=officer.headers,
    )
    assert earlier.status_code == 201
    assert _time(earlier.json()["attempted_at"]) == datetime(2026, 11, 20, 10, tzinfo=UTC)


async def test_notes_are_added_to_the_timeline(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}/notes"
    response = await client.post(path, json={"body": "Prefers evenings"}, headers=officer.headers)
    assert response.status_code == 201
    assert response.json()["author_id"] == officer.user.id
    for body in ({"body": ""}, {"body": "   "}, {}, {"body": "x" * 10_001}, {"text": "hi"}):
        assert_problem(await client.post(path, json=body, headers=officer.headers), 422)
    timeline = (await client.get(f"{URL}/{enquiry.id}/timeline", headers=officer.headers)).json()[
        "items"
    ]
    notes = [e for e in timeline if e["kind"] == "note"]
    assert [n["detail"]["body"] for n in notes] == ["Prefers evenings"]
    assert notes[0]["actor_id"] == officer.user.id


# Changing an enquiry


async def test_patch_needs_a_fresh_if_match(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}"
    read = await client.get(path, headers=officer.headers)
    etag = read.headers["etag"]
    assert_problem(
        await client.patch(path, json={"first_name": "Bea"}, headers=officer.headers), 428
    )
    changed = await client.patch(
        path,
        json={"first_name": "Bea", "phone": "07911 123456", "postcode": "l2 3ab"},
        headers={**officer.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["contact"]["phone"] == "+447911123456"
    assert changed.json()["contact"]["postcode"] == "L2 3AB"
    assert changed.headers["etag"] != etag
    stale = await client.patch(
        path, json={"first_name": "Cat"}, headers={**officer.headers, "If-Match": etag}
    )
    assert_problem(stale, 412)
    assert (await _detail(client, officer, enquiry.id))["first_name"] == "Bea"


async def test_bad_patches_are_refused(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}"
    headers = {**officer.headers, "If-Match": "*"}
    for body, field in (
        ({"first_name": "Ann2"}, "first_name"),
        ({"first_name": None}, "first_name"),
        ({"interests": None}, "interests"),
        ({"email": "nope"}, "email"),
        ({"phone": "+1 202 555 0123"}, "phone"),
        ({"stage": "approved"}, "stage"),
        ({"reference": "FH-X"}, "reference"),
        ({"interests": []}, "interests"),
    ):
        assert_problem(await client.patch(path, json=body, headers=headers), 422, field)
    assert (await _detail(client, officer, enquiry.id))["first_name"] == "Ann"


async def test_assignment_is_to_active_staff_of_the_council(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    colleague = await _officer(world, "social_worker")
    carer = await world.make_person(world.a, "carer")
    stranger = await world.make_person(world.b, "recruitment_officer")
    leaver = await _officer(world)
    await world.db.execute(update(User).where(User.id == leaver.user.id).values(is_active=False))
    await world.db.commit()
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}"
    headers = {**officer.headers, "If-Match": "*"}
    for who in (carer, stranger, leaver):
        response = await client.patch(path, json={"assigned_to": who.user.id}, headers=headers)
        assert_problem(response, 422, "assigned_to")
    assert_problem(
        await client.patch(path, json={"assigned_to": "not-a-user"}, headers=headers),
        422,
        "assigned_to",
    )
    assigned = await client.patch(path, json={"assigned_to": colleague.user.id}, headers=headers)
    assert assigned.status_code == 200 and assigned.json()["assigned_to"] == colleague.user.id
    cleared = await client.patch(path, json={"assigned_to": None}, headers=headers)
    assert cleared.json()["assigned_to"] is None


# Lists


async def test_filters_narrow_the_list(client: httpx.AsyncClient, world: World) -> None:
    officer = await _officer(world)
    other = await _officer(world)
    campaign = await factories.make_campaign(world, world.a, code="SHOP42")
    now = utcnow()
    ann = await factories.make_enquiry(
        world,
        world.a,
        first_name="Ann",
        last_name="Lee",
        postcode="L1 8JQ",
        channel="print",
        campaign_id=campaign.id,
        assigned_to_id=officer.user.id,
        received_at=now - timedelta(days=10),
    )
    bob = await factories.make_enquiry(
        world,
        world.a,
        first_name="Bob",
        last_name="Stone",
        postcode="L2 3AB",
        stage="initial_contact",
        channel="social_media",
        assigned_to_id=other.user.id,
        received_at=now - timedelta(days=5),
    )
    zoe = await factories.make_enquiry(
        world,
        world.a,
        first_name="Zoë",
        last_name="Łukasz-Brontë",
        postcode="L1 1DA",
        stage="application",
        channel="event",
        received_at=now - timedelta(days=1),
    )
    await factories.make_enquiry(world, world.b, first_name="Ann", postcode="L1 8JQ")

    async def ids(**params: Any) -> set[str]:
        return set(await _ids(client, officer, params))

    assert await ids() == {ann.id, bob.id, zoe.id}
    assert await ids(stage=["enquiry", "application"]) == {ann.id, zoe.id}
    assert await ids(stage="initial_contact") == {bob.id}
    assert await ids(channel="social_media") == {bob.id}
    assert await ids(campaign="shop42") == {ann.id}
    assert await ids(campaign=campaign.id) == {ann.id}
    assert await ids(campaign="NONE42") == set()
    assert await ids(assigned_to="me") == {ann.id}
    assert await ids(assigned_to="none") == {zoe.id}
    assert await ids(assigned_to=other.user.id) == {bob.id}
    assert await ids(q="ann lee") == {ann.id}
    assert await ids(q="STONE") == {bob.id}
    assert await ids(q="Zoë") == {zoe.id}
    assert await ids(q="Łukasz") == {zoe.id}
    assert await ids(q=bob.reference.lower()) == {bob.id}
    assert await ids(q="l18jq") == {ann.id}
    assert await ids(q="L1") == {ann.id, zoe.id}
    assert await ids(q="%") == set()
    assert await ids(q="_") == set()
    assert await ids(received_from=(now - timedelta(days=6)).date().isoformat()) == {bob.id, zoe.id}
    assert await ids(received_to=(now - timedelta(days=5)).date().isoformat()) == {ann.id, bob.id}

    for params, field in (
        ({"stage": "limbo"}, "stage.0"),
        ({"channel": "tv"}, "channel"),
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"received_from": "yesterday"}, "received_from"),
        ({"overdue": "perhaps"}, "overdue"),
    ):
        response = await client.get(URL, params=params, headers=officer.headers)
        assert_problem(response, 422, field)


async def test_the_list_pages_through_every_enquiry_once(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    now = utcnow()
    made = set()
    for n in range(120):
        # Half share one arrival time, so the id must break ties between pages.
        at = now - timedelta(minutes=n) if n % 2 else now - timedelta(hours=5)
        made.add((await factories.make_enquiry(world, world.a, received_at=at)).id)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 25}
        if cursor:
            params["cursor"] = cursor
        body = (await client.get(URL, params=params, headers=officer.headers)).json()
        seen += [e["id"] for e in body["items"]]
        received = [_time(e["received_at"]) for e in body["items"]]
        assert received == sorted(received, reverse=True)
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 5
    assert len(seen) == len(set(seen)) == 120
    assert set(seen) == made


async def test_the_recontact_list_holds_people_who_agreed_after_six_months(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _officer(world)
    long_ago = utcnow() - timedelta(days=200)
    recently = utcnow() - timedelta(days=30)

    async def closed(stage: str, at: datetime, **fields: Any) -> str:
        fields.setdefault("marketing_ok", True)
        enquiry = await factories.make_enquiry(
            world, world.a, stage=stage, closed_at=at, close_reason=REASON_FOR[stage], **fields
        )
        return enquiry.id

    withdrew = await closed("withdrawn", long_ago)
    silent = await closed("no_response", long_ago)
    await closed("withdrawn", recently)
    await closed("not_progressed", long_ago)
    await closed("transferred", long_ago)
    await closed("withdrawn", long_ago, contact_ok=False)
    # Did not agree to hear from the council again (news and events).
    await closed("withdrawn", long_ago, marketing_ok=False)
    await closed("withdrawn", long_ago, erased_at=utcnow(), first_name="Erased")
    await factories.make_enquiry(world, world.a, marketing_ok=True)
    assert set(await _ids(client, officer, {"recontact": "true"})) == {withdrew, silent}


async def test_the_recontact_list_follows_the_councils_interval(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    settings = await client.get("/api/v1/council-settings", headers=admin.headers)
    retention = {**settings.json()["retention"], "recontact_after_months": 12}
    changed = await client.patch(
        "/api/v1/council-settings",
        json={"retention": retention},
        headers={**admin.headers, "If-Match": settings.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text

    async def withdrew(days_ago: int) -> str:
        enquiry = await factories.make_enquiry(
            world,
            world.a,
            stage="withdrawn",
            closed_at=utcnow() - timedelta(days=days_ago),
            close_reason="AW3",
            marketing_ok=True,
        )
        return enquiry.id

    await withdrew(200)  # past the default six months, not the council's twelve
    year_ago = await withdrew(400)
    assert await _ids(client, admin, {"recontact": "true"}) == [year_ago]
    # Another council's people never appear on ours.
    await factories.make_enquiry(
        world,
        world.b,
        stage="withdrawn",
        closed_at=utcnow() - timedelta(days=400),
        close_reason="AW3",
        marketing_ok=True,
    )
    assert await _ids(client, admin, {"recontact": "true"}) == [year_ago]


# Who may do what


async def test_staff_routes_need_a_staff_token(client: httpx.AsyncClient, world: World) -> None:
    carer = await world.make_person(world.a, "carer")
    enquiry = await factories.make_enquiry(world, world.a)
    for method, path in (
        ("GET", URL),
        ("GET", f"{URL}/{enquiry.id}"),
        ("GET", f"{URL}/{enquiry.id}/timeline"),
        ("GET", "/api/v1/pipeline"),
    ):
        assert_problem(await client.request(method, path), 401)
        assert_problem(await client.request(method, path, headers=carer.headers), 403)
    assert_problem(await _move(client, carer, enquiry.id, "initial_contact"), 403)


async def test_another_councils_enquiry_is_not_found_on_any_route(
    client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, "admin")
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}"
    headers = {**intruder.headers, "If-Match": "*"}
    for method, route, body in (
        ("GET", path, None),
        ("PATCH", path, {"first_name": "Mallory"}),
        ("POST", f"{path}/transitions", {"to": "initial_contact"}),
        ("GET", f"{path}/timeline", None),
        ("POST", f"{path}/contact-attempts", {"channel": "phone", "outcome": "no_answer"}),
        ("POST", f"{path}/notes", {"body": "Hello"}),
        ("GET", f"{path}/export", None),
        ("POST", f"{path}/erasure", None),
    ):
        response = await client.request(method, route, json=body, headers=headers)
        assert_problem(response, 404)
    assert await _ids(client, intruder, {}) == []
    assert await _ids(client, intruder, {"q": enquiry.reference}) == []
    board = (await client.get("/api/v1/pipeline", headers=intruder.headers)).json()["board"]
    assert board == []
    stored = await world.db.scalar(
        select(Enquiry).where(Enquiry.id == enquiry.id).execution_options(populate_existing=True)
    )
    await world.db.commit()
    assert stored is not None
    assert (stored.first_name, stored.stage, stored.erased_at) == ("Ann", "enquiry", None)
