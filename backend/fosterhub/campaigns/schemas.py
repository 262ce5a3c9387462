"""Shapes of campaigns, ambassadors and referrals."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator

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
        default=None, description="For kind `ambassador`: who carries the code"
    )

    @model_validator(mode="after")
    def _consistent(self) -> "CampaignCreate":
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        if self.kind == "ambassador" and self.ambassador_type is None:
            raise ValueError("an ambassador needs an ambassador_type")
        return self


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
