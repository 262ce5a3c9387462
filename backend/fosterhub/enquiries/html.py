"""The enquiry form without JavaScript: server-rendered GOV.UK pages that post to the API.

`GET /enquire/basic` shows the whole form on one page in short sections; the form posts to
`POST /api/v1/enquiries`, which answers 303 to `GET /enquire/basic/thank-you` or this form
again with an error summary. The pages use the web app's stylesheet when it is built.
"""

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData
from starlette.types import Scope

from fosterhub.core.db import DbSession
from fosterhub.core.errors import AppError
from fosterhub.councils import repository as councils_repository
from fosterhub.councils.schemas import FOSTERING_TYPES
from fosterhub.enquiries.vocabulary import CHANNELS

PRIVACY_NOTICE_VERSION = "2026-01"
CHECKED = {"true", "on", "yes", "1"}
EVENT_ID = re.compile(r"^[0-9a-f-]{36}$")

INTEREST_LABELS = {
    "emergency": "Emergency (a few nights)",
    "short_term": "Short term (weeks to months)",
    "long_term": "Long term (until adulthood)",
    "short_breaks": "Short breaks",
    "parent_and_child": "Parent and child",
    "therapeutic": "Therapeutic",
    "family_and_friends": "Family and friends",
    "unsure": "Not sure yet",
}


@dataclass
class FormFields:
    council: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    postcode: str = ""
    interests: list[str] = field(default_factory=list)
    channel: str = "website"
    campaign_code: str = ""
    referral_code: str = ""
    event_id: str = ""
    privacy_notice_version: str = PRIVACY_NOTICE_VERSION
    contact_ok: bool = False
    marketing_ok: bool = False
    website: str = ""

    @classmethod
    def from_form(cls, form: FormData) -> "FormFields":
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "interests":
                values[f.name] = [str(v) for v in form.getlist("interests")][:10]
            elif f.name in ("contact_ok", "marketing_ok"):
                values[f.name] = str(form.get(f.name, "")).lower() in CHECKED
            else:
                raw = form.get(f.name)
                values[f.name] = str(raw)[:400] if raw is not None else ""
        # Hidden fields are not the visitor's to fix: a missing or tampered value falls back.
        if values["channel"] not in CHANNELS:
            values["channel"] = "website"
        if not EVENT_ID.match(values["event_id"]):
            values["event_id"] = ""
        if not 1 <= len(values["privacy_notice_version"]) <= 20:
            values["privacy_notice_version"] = PRIVACY_NOTICE_VERSION
        return cls(**values)

    def to_payload(self) -> dict[str, Any]:
        def blank_none(value: str) -> str | None:
            return value.strip() or None

        # As in the web app's journey: someone who came from the website and typed a code in
        # was reached by what carried it, a carer's referral or a leaflet, poster or card.
        channel = self.channel
        if channel == "website" and self.referral_code.strip():
            channel = "referral"
        elif channel == "website" and self.campaign_code.strip():
            channel = "print"

        return {
            "council": blank_none(self.council),
            "contact": {
                "first_name": self.first_name,
                "last_name": self.last_name,
                "email": self.email,
                "phone": blank_none(self.phone),
                "postcode": self.postcode,
            },
            "interests": self.interests,
            "source": {
                "channel": channel,
                "campaign_code": blank_none(self.campaign_code),
                "referral_code": blank_none(self.referral_code),
                "event_id": blank_none(self.event_id),
            },
            "consent": {
                "privacy_notice_version": self.privacy_notice_version or PRIVACY_NOTICE_VERSION,
                "contact_ok": self.contact_ok,
                "marketing_ok": self.marketing_ok,
            },
            "website": blank_none(self.website),
        }


# Where a nested field of the JSON body appears in the flat form.
FLAT = {
    ("contact", "first_name"): "first_name",
    ("contact", "last_name"): "last_name",
    ("contact", "email"): "email",
    ("contact", "phone"): "phone",
    ("contact", "postcode"): "postcode",
    ("source", "channel"): "channel",
    ("source", "campaign_code"): "campaign_code",
    ("source", "referral_code"): "referral_code",
    ("consent", "contact_ok"): "contact_ok",
    ("consent", "privacy_notice_version"): "privacy_notice_version",
}
MESSAGES = {
    "first_name": "Enter your first name",
    "last_name": "Enter your last name",
    "email": "Enter an email address in the right format, like name@example.com",
    "postcode": "Enter a full UK postcode, like L1 8JQ",
    "interests": "Select the kinds of fostering you are interested in",
    "contact_ok": "Tick the box to say we may contact you about fostering",
}


def form_errors(errors: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for error in errors:
        loc = tuple(str(p) for p in error.get("loc", ()))
        name = FLAT.get((loc[0], loc[1]) if len(loc) > 1 else ("", "")) or (
            loc[0] if loc else "form"
        )
        if name not in out:
            message = str(error.get("msg", "Check this answer")).removeprefix("Value error, ")
            out[name] = (
                MESSAGES.get(name, message)
                if error.get("type")
                in ("missing", "string_too_short", "literal_error", "too_short")
                else message
            )
    return out


def app_error_fields(error: AppError) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in error.errors or []:
        parts = tuple(e.field.split("."))
        key = (parts[0], parts[1]) if len(parts) > 1 else ("", "")
        out[FLAT.get(key, parts[-1])] = e.message
    if not out:
        out["form"] = error.detail or error.title
    if "postcode" in out and error.detail:
        out["postcode"] = error.detail
    return out


@lru_cache(maxsize=4)
def _stylesheets(dist: str | None) -> tuple[str, ...]:
    if not dist:
        return ()
    index = Path(dist) / "index.html"
    if not index.is_file():
        return ()
    return tuple(re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', index.read_text()))


def _page(request: Request, title: str, body: str) -> str:
    dist = request.app.state.settings.frontend_dist
    links = "".join(
        f'<link rel="stylesheet" href="{escape(h)}">'
        for h in _stylesheets(str(dist) if dist else None)
    )
    return f"""<!doctype html>
<html lang="en-GB" class="govuk-template">
<head><meta charset="utf-8"><title>{escape(title)} – Foster Hub</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{links}</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" role="banner"><div class="govuk-header__container govuk-width-container">
<a href="/" class="govuk-header__link govuk-header__service-name">Foster Hub</a></div></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content" role="main">
{body}
</main></div>
<footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container">
<p class="govuk-body-s">Foster Hub: fostering with your council.</p></div></footer>
</body></html>"""


# Fields the visitor can see and correct; the error summary links only to these.
VISIBLE_FIELDS = frozenset(
    {
        "council",
        "first_name",
        "last_name",
        "email",
        "phone",
        "postcode",
        "interests",
        "campaign_code",
        "referral_code",
        "contact_ok",
    }
)


def _error_summary(errors: dict[str, str]) -> str:
    if not errors:
        return ""
    items = "".join(
        f'<li><a href="#{escape(name)}">{escape(message)}</a></li>'
        if name in VISIBLE_FIELDS
        else f"<li>{escape(message)}</li>"
        for name, message in errors.items()
    )
    return f"""<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{items}</ul>
</div></div></div>"""


def _input(
    name: str,
    label: str,
    value: str,
    errors: dict[str, str],
    *,
    autocomplete: str,
    kind: str = "text",
    hint: str = "",
    width: str = "",
) -> str:
    error = errors.get(name)
    group = "govuk-form-group" + (" govuk-form-group--error" if error else "")
    described = []
    hint_html = ""
    if hint:
        hint_html = f'<div id="{name}-hint" class="govuk-hint">{escape(hint)}</div>'
        described.append(f"{name}-hint")
    error_html = ""
    if error:
        error_html = (
            f'<p id="{name}-error" class="govuk-error-message">'
            f'<span class="govuk-visually-hidden">Error:</span> {escape(error)}</p>'
        )
        described.append(f"{name}-error")
    aria = f' aria-describedby="{" ".join(described)}"' if described else ""
    css = (
        "govuk-input"
        + (f" govuk-input--width-{width}" if width else "")
        + (" govuk-input--error" if error else "")
    )
    return f"""<div class="{group}"><label class="govuk-label" for="{name}">{escape(label)}</label>
{hint_html}{error_html}<input class="{css}" id="{name}" name="{name}" type="{kind}"
 value="{escape(value)}" autocomplete="{autocomplete}"{aria}></div>"""


def render_form(
    request: Request,
    values: FormFields,
    errors: dict[str, str],
    councils: list[tuple[str, str]] | None = None,
) -> str:
    if councils is None:  # Starlette keeps state in `_state`, so ask it, not `__dict__`
        councils = getattr(request.state, "councils", [])
    interest_error = errors.get("interests")
    boxes = "".join(
        f"""<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input"
 id="{"interests" if i == 0 else f"interests-{i}"}" name="interests" type="checkbox" value="{t}"
 {"checked" if t in values.interests else ""}><label class="govuk-label govuk-checkboxes__label"
 for="{"interests" if i == 0 else f"interests-{i}"}">{escape(INTEREST_LABELS[t])}</label></div>"""
        for i, t in enumerate(FOSTERING_TYPES)
    )
    options = '<option value="">I am not sure: use my postcode</option>' + "".join(
        f'<option value="{escape(slug)}"{" selected" if slug == values.council else ""}>'
        f"{escape(name)}</option>"
        for slug, name in councils
    )
    consent_error = errors.get("contact_ok")
    hidden = "".join(
        f'<input type="hidden" name="{n}" value="{escape(v)}">'
        for n, v in (
            ("channel", values.channel if values.channel in CHANNELS else "website"),
            ("event_id", values.event_id),
            ("privacy_notice_version", values.privacy_notice_version),
        )
    )
    # Always shown: someone holding a leaflet may type its code, and a code that came with
    # the link but was mistyped or is unknown can be corrected or cleared.
    campaign_input = _input(
        "campaign_code",
        "Code from a leaflet or poster (optional)",
        values.campaign_code,
        errors,
        autocomplete="off",
        width="10",
        hint="Leave it empty if you do not have one",
    )
    form_error = errors.get("form")
    body = f"""{_error_summary(errors)}
<h1 class="govuk-heading-l">Ask about fostering</h1>
<p class="govuk-body">Tell us a little about yourself and we will contact you, usually within one
working day. Asking does not commit you to anything.</p>
{f'<p class="govuk-error-message">{escape(form_error)}</p>' if form_error else ""}
<form method="post" action="/api/v1/enquiries" novalidate>
{hidden}
<h2 class="govuk-heading-m">About you</h2>
{
        _input(
            "first_name",
            "First name",
            values.first_name,
            errors,
            autocomplete="given-name",
            width="20",
        )
    }
{_input("last_name", "Last name", values.last_name, errors, autocomplete="family-name", width="20")}
{_input("email", "Email address", values.email, errors, autocomplete="email", kind="email")}
{
        _input(
            "phone",
            "Phone number (optional)",
            values.phone,
            errors,
            autocomplete="tel",
            kind="tel",
            width="20",
        )
    }
{
        _input(
            "postcode",
            "Postcode",
            values.postcode,
            errors,
            autocomplete="postal-code",
            width="10",
            hint="We use it to find your council",
        )
    }
<div class="govuk-form-group"><label class="govuk-label" for="council">Council (optional)</label>
<select class="govuk-select" id="council" name="council">{options}</select></div>
<h2 class="govuk-heading-m">Fostering</h2>
<div class="govuk-form-group{" govuk-form-group--error" if interest_error else ""}">
<fieldset class="govuk-fieldset"{' aria-describedby="interests-error"' if interest_error else ""}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What kinds of fostering interest
 you?</legend>
{
        f'<p id="interests-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {escape(interest_error)}</p>'
        if interest_error
        else ""
    }
<div class="govuk-checkboxes" data-module="govuk-checkboxes">{boxes}</div></fieldset></div>
{campaign_input}
{
        _input(
            "referral_code",
            "A friend's referral code (optional)",
            values.referral_code,
            errors,
            autocomplete="off",
            width="10",
        )
    }
<h2 class="govuk-heading-m">Contacting you</h2>
<div class="govuk-form-group{" govuk-form-group--error" if consent_error else ""}">
{
        f'<p id="contact_ok-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {escape(consent_error)}</p>'
        if consent_error
        else ""
    }
<div class="govuk-checkboxes" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="contact_ok"
 name="contact_ok" type="checkbox" value="true"{" checked" if values.contact_ok else ""}>
<label class="govuk-label govuk-checkboxes__label" for="contact_ok">You may contact me about this
 enquiry (required)</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="marketing_ok"
 name="marketing_ok" type="checkbox" value="true"{" checked" if values.marketing_ok else ""}>
<label class="govuk-label govuk-checkboxes__label" for="marketing_ok">Send me news about
 fostering events (optional)</label></div></div></div>
<div class="govuk-visually-hidden" aria-hidden="true"><label for="website">Leave this empty</label>
<input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<p class="govuk-body">We keep your details as our privacy notice
 (version {escape(values.privacy_notice_version)}) says.</p>
<button type="submit" class="govuk-button" data-module="govuk-button">Send enquiry</button>
</form>"""
    return _page(request, ("Error: " if errors else "") + "Ask about fostering", body)


def render_problem(request: Request, title: str, detail: str) -> str:
    """A page for a form post that could not be taken, with the way back to the form."""
    body = f"""<h1 class="govuk-heading-l">{escape(title)}</h1>
<p class="govuk-body">{escape(detail)}</p>
<p class="govuk-body"><a class="govuk-link" href="/enquire/basic">Back to the enquiry form</a></p>"""
    return _page(request, f"Error: {title}", body)


def too_large_page(scope: Scope) -> str:
    """The page for a form post over the body cap, whether the middleware refuses it from its
    declared length or the body runs over while the form is read."""
    return render_problem(
        Request(scope),
        "Your answers are too long to send",
        "What you sent was larger than we can take. Go back, shorten your longest answers "
        "and send them again.",
    )


router = APIRouter(include_in_schema=False)


async def council_options(session: Any) -> list[tuple[str, str]]:
    councils = (await session.scalars(councils_repository.councils_query())).all()
    return sorted(((c.slug, c.name) for c in councils), key=lambda c: c[1])


@router.get("/enquire/basic", response_class=HTMLResponse)
async def basic_form(
    request: Request,
    session: DbSession,
    council: str = Query("", max_length=64),
    campaign: str = Query("", max_length=16),
    referral: str = Query("", max_length=16),
    channel: str = Query("website", max_length=20),
    event: str = Query("", max_length=64, description="The event the visitor came from"),
    event_id: str = Query("", max_length=64, description="The same, as events' links name it"),
) -> HTMLResponse:
    event = (event or event_id).strip().lower()
    values = FormFields(
        council=council,
        campaign_code=campaign.upper(),
        referral_code=referral.upper(),
        event_id=event if EVENT_ID.match(event) else "",
        channel=channel if channel in CHANNELS else "website",
    )
    if values.event_id and channel == "website":
        values.channel = "event"
    elif campaign and channel == "website":
        values.channel = "print"
    if referral:
        values.channel = "referral"
    request.state.councils = await council_options(session)
    return HTMLResponse(render_form(request, values, {}))


@router.get("/enquire/basic/thank-you", response_class=HTMLResponse)
async def thank_you(
    request: Request,
    session: DbSession,
    reference: str = Query("", max_length=16, pattern=r"^[A-Z0-9-]*$"),
    council: str = Query("", max_length=64),
) -> HTMLResponse:
    found = await councils_repository.council_by_slug(session, council) if council else None
    name = found.name if found else "your council"
    body = f"""<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Enquiry received</h1>
<div class="govuk-panel__body">Your reference<br><strong>{escape(reference)}</strong></div></div>
<p class="govuk-body">Thank you. We have sent a confirmation to your email address.</p>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">Someone from {escape(name)}'s fostering team will contact you, usually within
one working day.</p>
<p class="govuk-body"><a class="govuk-link" href="/">Back to Foster Hub</a></p>"""
    return HTMLResponse(_page(request, "Enquiry received", body))
