"""Shapes of campaigns, ambassadors and referrals."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from fosterhub.core.schemas import InputModel
from fosterhub.enquiries.vocabulary import Channel

AmbassadorType = Literal["champion", "councillor", "partner_business", "staff", "other"]


class CampaignCreate(InputModel):
    name: str = Field(min_length=1, max_length=200)
    channel: Channel
    kind: Literal["campaign", "ambassador"] = "campaign"
    starts_on: date | None = None
    ends_on: date | None = None
    cost_pence: int | None = Field(default=None, ge=0, le=100_000_000)
    partner_organisation: str | None = Field(
        default=None, max_length=200, description="A shop, a rugby club, a school, a faith group"
    )
    ambassador_type: AmbassadorType | None = Field(
        default=None,
        validate_default=True,
        description="For kind `ambassador`: who carries the code",
    )

    # Field validators rather than one model validator, so the error names its field.
    @field_validator("ends_on")
    @classmethod
    def _ends_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        starts_on = info.data.get("starts_on")
        if value and starts_on and value < starts_on:
            raise ValueError("ends_on must not be before starts_on")
        return value

    @field_validator("ambassador_type")
    @classmethod
    def _ambassador_has_a_type(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("kind") == "ambassador" and value is None:
            raise ValueError("an ambassador needs an ambassador_type")
        if info.data.get("kind") == "campaign" and value is not None:
            raise ValueError("only an ambassador has an ambassador_type")
        return value


class CampaignPatch(InputModel):
    """What may change once codes are printed: not the code, its kind or its channel."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    starts_on: date | None = None
    ends_on: date | None = Field(default=None, description="null: no end date")
    cost_pence: int | None = Field(default=None, ge=0, le=100_000_000)
    partner_organisation: str | None = Field(default=None, max_length=200)
    is_active: bool | None = Field(
        default=None,
        description="false takes the campaign off the active list; its printed codes still "
        "land on the enquiry journey and attribute",
    )


class CampaignOut(BaseModel):
    id: str
    kind: str
    name: str
    channel: str
    code: str = Field(description="Short code printed on leaflets and as a QR code")
    landing_url: str = Field(description="What the QR code opens")
    starts_on: date | None
    ends_on: date | None
    cost_pence: int | None
    partner_organisation: str | None
    ambassador_type: str | None
    scans: int
    is_active: bool
    created_at: datetime


class CampaignResults(CampaignOut):
    enquiries: int
    reached_initial_visit: int
    applications: int
    approvals: int
    cost_per_enquiry_pence: int | None


class ReferralOut(BaseModel):
    id: str
    household_id: str
    household_name: str = Field(description="The referring carer household")
    enquiry_id: str
    enquiry_reference: str
    status: Literal["pending", "due", "paid", "void"]
    reward_pence: int | None
    due_at: datetime | None
    paid_at: datetime | None
    created_at: datetime


class ReferralPatch(InputModel):
    status: Literal["paid", "void"]


class MyReferral(BaseModel):
    """What a carer sees: their code and how their referrals are going, without names."""

    referral_code: str
    share_url: str
    referrals: int
    approved: int
    rewards_due_pence: int
    rewards_paid_pence: int
