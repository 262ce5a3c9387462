"""The bare FastAPI app our routes are measured against: same server, no database, no middleware.

Its shapes mirror ours (a page of council summaries, an enquiry-shaped body) so that a ratio
measures what our code adds, not a difference in how much JSON goes over the wire.
"""

from typing import Literal

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, EmailStr, Field


class CouncilSummary(BaseModel):
    slug: str
    name: str
    region: str | None


class CouncilPage(BaseModel):
    items: list[CouncilSummary]
    next_cursor: str | None


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Contact(_Input):
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    phone: str | None = Field(default=None, max_length=30)
    postcode: str = Field(min_length=5, max_length=8)


class Source(_Input):
    channel: Literal[
        "website",
        "social_media",
        "print",
        "event",
        "radio_tv",
        "word_of_mouth",
        "referral",
        "partner_venue",
        "other",
    ]
    campaign_code: str | None = Field(default=None, max_length=40)


class Consent(_Input):
    privacy_notice_version: str = Field(min_length=1, max_length=20)
    contact_ok: bool


class EchoBody(_Input):
    """The smallest public enquiry of API.md, validated the way a plain FastAPI app would."""

    council: str = Field(min_length=1, max_length=60)
    contact: Contact
    interests: list[
        Literal[
            "emergency",
            "short_term",
            "long_term",
            "short_breaks",
            "parent_and_child",
            "therapeutic",
            "family_and_friends",
            "unsure",
        ]
    ] = Field(min_length=1, max_length=8)
    source: Source
    consent: Consent


REGION = "liverpool-city-region"
COUNCILS = CouncilPage(
    items=[
        CouncilSummary(slug=slug, name=name, region=REGION)
        for slug, name in [
            ("halton", "Halton"),
            ("knowsley", "Knowsley"),
            ("liverpool", "Liverpool"),
            ("sefton", "Sefton"),
            ("st-helens", "St Helens"),
            ("wirral", "Wirral"),
        ]
    ],
    next_cursor=None,
)

app = FastAPI(title="Foster Hub benchmark baseline", openapi_url=None, docs_url=None)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/councils")
async def councils() -> CouncilPage:
    return COUNCILS


@app.post("/echo")
async def echo(body: EchoBody) -> EchoBody:
    return body
