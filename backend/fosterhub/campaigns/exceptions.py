"""Errors of campaigns and referrals."""

from fosterhub.core.errors import NotFound


class CampaignNotFound(NotFound):
    type, title = "campaign-not-found", "No such campaign"


class ReferralNotFound(NotFound):
    type, title = "referral-not-found", "No such referral"
