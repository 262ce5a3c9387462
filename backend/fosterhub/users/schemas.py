"""Shapes of people's accounts."""

from datetime import datetime

from pydantic import Field, field_validator

from fosterhub.auth.passwords import MIN_PASSWORD_LENGTH
from fosterhub.auth.roles import Role
from fosterhub.core.schemas import InputModel, OutputModel
from fosterhub.core.validators import EmailAddress


class UserOut(OutputModel):
    id: str
    email: str
    display_name: str
    roles: list[Role]
    is_active: bool
    totp_enabled: bool = Field(description="Whether sign-in asks for a one-time code")
    created_at: datetime
    last_login_at: datetime | None


class StaffMember(OutputModel):
    """A colleague, as every member of staff may see them: enough to assign work and to say
    who did what. No email, sign-in or security details (those are for admins: `/users`)."""

    id: str
    display_name: str
    roles: list[Role] = Field(description="Staff roles only")
    is_active: bool


class UserCreate(InputModel):
    email: EmailAddress
    display_name: str = Field(min_length=1, max_length=200)
    roles: list[Role] = Field(min_length=1, max_length=8)
    password: str | None = Field(
        default=None,
        min_length=MIN_PASSWORD_LENGTH,
        max_length=256,
        description="Leave out to have one generated and returned once",
    )

    @field_validator("roles")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return sorted(set(value))


class UserCreated(UserOut):
    generated_password: str | None = Field(
        default=None, description="Only when no password was given; shown once, never stored"
    )


class UserPatch(InputModel):
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    roles: list[Role] | None = Field(default=None, min_length=1, max_length=8)
    is_active: bool | None = None


class PasswordChange(InputModel):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=256)
