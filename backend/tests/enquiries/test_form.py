"""The enquiry form without JavaScript: a plain form post answers 303 to a thank-you page, or
the form again with a GOV.UK error summary and the visitor's answers kept (escaped)."""

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import func, select

from fosterhub.campaigns.models import Referral
from fosterhub.config import Settings
from fosterhub.enquiries import service
from fosterhub.enquiries.models import Enquiry
from fosterhub.main import create_app
from tests import factories
from tests.conftest import World, assert_problem
from tests.factories import enquiry_body

URL = "/api/v1/enquiries"


def _form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "council": "alpha",
        "first_name": "Ann",
        "last_name": "Lee",
        "email": "ann@example.org",
        "phone": "",
        "postcode": "L1 8JQ",
        "interests": ["short_term", "emergency"],
        "channel": "website",
        "campaign_code": "",
        "referral_code": "",
        "privacy_notice_version": "2026-01",
        "contact_ok": "true",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


async def _enquiries(world: World) -> int:
    count = int(await world.db.scalar(select(func.count()).select_from(Enquiry)) or 0)
    await world.db.commit()
    return count


def _summary_targets(page: str) -> list[str]:
    summary = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)"', summary)


async def test_a_valid_form_post_goes_to_the_thank_you_page(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(URL, data=_form(phone="07700 900982", marketing_ok="on"))
    assert response.status_code == 303, response.text
    location = urlsplit(response.headers["location"])
    assert location.path == "/enquire/basic/thank-you"
    reference = parse_qs(location.query)["reference"][0]
    stored = await world.db.scalar(select(Enquiry).where(Enquiry.reference == reference))
    await world.db.commit()
    assert stored is not None
    assert stored.interests == ["short_term", "emergency"]
    assert stored.phone == "+447700900982" and stored.marketing_ok is True
    assert stored.council_id == world.a.id and stored.channel == "website"

    page = await client.get(response.headers["location"])
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert reference in page.text and "Alpha Council" in page.text
    assert "govuk-panel--confirmation" in page.text


async def test_a_form_without_a_council_is_routed_by_postcode(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(URL, data=_form(council="", postcode="l2 9ab"))
    assert response.status_code == 303
    assert "council=beta" in response.headers["location"]


async def test_an_invalid_form_comes_back_with_an_error_summary_and_the_answers_kept(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        URL,
        data=_form(
            first_name="<script>alert(1)</script>",
            email="not-an-email",
            postcode="nowhere",
            interests=None,
            contact_ok=None,
            last_name='O"Brien & <Sons>',
        ),
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<title>Error: " in page
    targets = _summary_targets(page)
    assert set(targets) == {
        "first_name",
        "last_name",
        "email",
        "postcode",
        "interests",
        "contact_ok",
    }
    for target in targets:  # every link in the summary lands on a field of the page
        assert f'id="{target}"' in page
    # What the visitor typed is kept, escaped: no markup of theirs reaches the page.
    assert "<script>alert(1)</script>" not in page
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert 'value="O&quot;Brien &amp; &lt;Sons&gt;"' in page
    assert 'value="not-an-email"' in page
    assert "govuk-input--error" in page
    assert '<option value="alpha" selected>' in page
    assert await _enquiries(world) == 0


async def test_a_bad_campaign_code_in_the_form_can_be_seen_and_corrected(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(URL, data=_form(campaign_code="NOPE42", channel="print"))
    assert response.status_code == 422
    targets = _summary_targets(response.text)
    assert targets == ["campaign_code"]
    assert 'id="campaign_code"' in response.text and 'value="NOPE42"' in response.text
    assert await _enquiries(world) == 0


async def test_an_uncovered_postcode_in_the_form_explains_itself(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(URL, data=_form(council="", postcode="M1 1AA"))
    assert response.status_code == 422
    assert _summary_targets(response.text) == ["postcode"]
    assert "None of the councils on this service covers your postcode" in response.text


async def test_a_tampered_hidden_field_does_not_leave_the_visitor_stuck(
    client: httpx.AsyncClient, world: World
) -> None:
    # The channel is a hidden field: a wrong value is not the visitor's to fix.
    response = await client.post(URL, data=_form(channel="carrier_pigeon"))
    assert response.status_code == 303, response.text
    stored = await world.db.scalar(select(Enquiry))
    await world.db.commit()
    assert stored is not None and stored.channel == "website"


async def test_the_honeypot_in_the_form_stores_nothing(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(URL, data=_form(website="http://spam.example"))
    assert response.status_code == 303
    assert await _enquiries(world) == 0


async def test_a_referral_code_in_the_form_opens_a_referral(
    client: httpx.AsyncClient, world: World
) -> None:
    household = await factories.make_household(world, world.a, referral_code="RFRND2")
    # Typed in on a page opened from the website: a referral all the same.
    response = await client.post(URL, data=_form(referral_code="rfrnd2", channel="website"))
    assert response.status_code == 303, response.text
    reference = parse_qs(urlsplit(response.headers["location"]).query)["reference"][0]
    enquiry = await world.db.scalar(select(Enquiry).where(Enquiry.reference == reference))
    referral = await world.db.scalar(select(Referral))
    await world.db.commit()
    assert enquiry is not None and referral is not None
    assert (referral.household_id, referral.enquiry_id) == (household.id, enquiry.id)
    assert referral.status == "pending" and enquiry.referral_household_id == household.id
    assert enquiry.channel == "referral"


async def test_a_referral_code_the_form_cannot_take_is_shown_to_correct(
    client: httpx.AsyncClient, world: World
) -> None:
    await factories.make_household(world, world.b, referral_code="RBETA2")
    await factories.make_household(world, world.a, referral_code="RGONE2", status="deregistered")
    for code in ("RBETA2", "RGONE2"):
        response = await client.post(URL, data=_form(referral_code=code, channel="referral"))
        assert response.status_code == 422
        assert _summary_targets(response.text) == ["referral_code"]
        assert f'value="{code}"' in response.text
    assert await _enquiries(world) == 0
    assert await world.db.scalar(select(func.count()).select_from(Referral)) == 0
    await world.db.commit()


async def test_the_form_page_has_autocomplete_and_keeps_the_campaign_and_referral(
    client: httpx.AsyncClient, world: World
) -> None:
    page = await client.get("/enquire/basic?council=alpha&campaign=leaf42&referral=rabc23")
    assert page.status_code == 200
    html = page.text
    for name, token in (
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("email", "email"),
        ("phone", "tel"),
        ("postcode", "postal-code"),
    ):
        tag = re.search(rf'<input[^>]*\bid="{name}"[^>]*>', html, re.S)
        assert tag is not None, name
        assert f'autocomplete="{token}"' in tag.group(0)
    assert re.search(r'id="campaign_code" name="campaign_code" type="text"\s+value="LEAF42"', html)
    assert html.count('name="campaign_code"') == 1
    assert re.search(r'id="referral_code"[^>]*value="RABC23"', html, re.S)
    assert '<option value="alpha" selected>' in html
    assert 'action="/api/v1/enquiries"' in html and 'method="post"' in html
    assert 'name="channel" value="referral"' in html
    assert "govuk-error-summary" not in html


async def test_the_thank_you_page_escapes_what_it_is_given(
    client: httpx.AsyncClient, world: World
) -> None:
    page = await client.get("/enquire/basic/thank-you?reference=FH-ABCD2345&council=nowhere")
    assert page.status_code == 200
    assert "FH-ABCD2345" in page.text and "your council" in page.text
    bad = await client.get("/enquire/basic/thank-you", params={"reference": "<script>"})
    assert bad.status_code == 422 and "<script>" not in bad.text


async def test_the_form_always_offers_a_field_for_a_leaflets_code(
    client: httpx.AsyncClient, world: World
) -> None:
    page = (await client.get("/enquire/basic?council=alpha")).text
    tag = re.search(r'<input[^>]*\bid="campaign_code"[^>]*>', page, re.S)
    assert tag is not None and 'type="text"' in tag.group(0) and 'value=""' in tag.group(0)
    assert '<label class="govuk-label" for="campaign_code">Code from a leaflet or poster' in page
    assert page.count('name="campaign_code"') == 1  # no hidden copy beside it

    campaign = await factories.make_campaign(world, world.a, code="LEAF42")
    response = await client.post(URL, data=_form(campaign_code=" leaf42 "))
    assert response.status_code == 303, response.text
    stored = await world.db.scalar(select(Enquiry))
    await world.db.commit()
    assert stored is not None and stored.campaign_id == campaign.id
    # Typed in by someone who came from the website: the leaflet reached them, as in the
    # web app's journey. A link's own channel stays.
    assert stored.channel == "print"
    await client.post(
        URL, data=_form(campaign_code="LEAF42", channel="event", email="bo@example.org")
    )
    stored = await world.db.scalar(select(Enquiry).where(Enquiry.email == "bo@example.org"))
    await world.db.commit()
    assert stored is not None and stored.channel == "event"


async def test_a_rate_limited_form_post_answers_a_page_not_json(
    settings: Settings, world: World
) -> None:
    app = create_app(settings.model_copy(update={"rate_limit_enquiry": "1/minute"}))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
            assert (await c.post(URL, data=_form())).status_code == 303
            limited = await c.post(URL, data=_form(email="second@example.org"))
            assert limited.status_code == 429
            assert limited.headers["content-type"].startswith("text/html")
            assert 1 <= int(limited.headers["retry-after"]) <= 60
            assert '<h1 class="govuk-heading-l">You have sent too many enquiries</h1>' in (
                limited.text
            )
            assert f"Wait {limited.headers['retry-after']} seconds" in limited.text
            assert 'href="/enquire/basic"' in limited.text
            # The same limit on the JSON API still answers problem+json.
            assert_problem(await c.post(URL, json=enquiry_body()), 429)
    finally:
        await app.state.engine.dispose()
    assert await _enquiries(world) == 1


async def test_a_clash_on_a_form_post_shows_the_form_again_to_send_once_more(
    client: httpx.AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = await factories.make_enquiry(world, world.a)
    # Every new reference comes out as one already taken: the insert fails on its uniqueness.
    monkeypatch.setattr(service, "short_code", lambda *_args, **_kw: taken.reference)
    response = await client.post(URL, data=_form(first_name="Gwen", email="gwen@example.org"))
    assert response.status_code == 409, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "nothing was kept" in response.text and "send it again" in response.text
    assert 'value="Gwen"' in response.text and 'value="gwen@example.org"' in response.text
    assert 'action="/api/v1/enquiries"' in response.text
    assert await _enquiries(world) == 1
    # The JSON API's answer to the same clash is problem+json, as before.
    assert_problem(await client.post(URL, json=enquiry_body()), 409)
    assert await _enquiries(world) == 1


@pytest.mark.parametrize("chunked", [False, True])
async def test_a_form_post_over_the_size_cap_answers_a_page_not_json(
    client: httpx.AsyncClient, settings: Settings, world: World, chunked: bool
) -> None:
    body = httpx.QueryParams(_form(first_name="A" * (settings.max_body_bytes + 1))).__str__()
    content: Any = body.encode()
    if chunked:

        async def chunks():  # type: ignore[no-untyped-def]
            for start in range(0, len(body), 50_000):
                yield body[start : start + 50_000].encode()

        content = chunks()
    response = await client.post(
        URL, content=content, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert '<h1 class="govuk-heading-l">Your answers are too long to send</h1>' in response.text
    assert 'href="/enquire/basic"' in response.text and '<html lang="en-GB"' in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert await _enquiries(world) == 0
    # A JSON body over the cap is still refused with problem+json.
    too_long = {**enquiry_body(), "padding": "x" * (settings.max_body_bytes + 1)}
    assert_problem(await client.post(URL, json=too_long), 413)
