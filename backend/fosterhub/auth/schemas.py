"""Sign-in and token shapes."""

from typing import Literal

from pydantic import BaseModel, Field

from fosterhub.core.schemas import InputModel


class LoginRequest(InputModel):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=256)
    otp: str | None = Field(default=None, pattern=r"^\d{6}$", description="Six-digit TOTP code")


class AccessToken(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - not a secret
    expires_in: int = Field(description="Seconds until the access token expires")


class ClientToken(AccessToken):
    scope: str


class Me(BaseModel):
    """A person (`id`, `email`, ...) or a partner client (`client_id`, `scopes`)."""

    id: str | None = None
    email: str | None = None
    display_name: str | None = None
    client_id: str | None = None
    council: str
    region: str | None = Field(
        default=None, description="A regional viewer's region, by id (kept for older clients)"
    )
    region_slug: str | None = Field(
        default=None,
        description="A regional viewer's region, by slug: as in `/regions/{slug}/reports/...`",
    )
    roles: list[str] | None = None
    scopes: list[str] | None = None
    totp_enabled: bool | None = None


class TotpEnrolment(BaseModel):
    secret: str = Field(description="Base32 secret, for typing into an app by hand")
    otpauth_uri: str = Field(description="otpauth:// URI to show as a QR code")


class TotpConfirm(InputModel):
    code: str = Field(pattern=r"^\d{6}$")
