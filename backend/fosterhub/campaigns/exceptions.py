"""Errors of campaigns and referrals."""

from fosterhub.core.errors import Conflict, NotFound


class CampaignNotFound(NotFound):
    type, title = "campaign-not-found", "No such campaign"


class ReferralNotFound(NotFound):
    type, title = "referral-not-found", "No such referral"


class EventCampaign(Conflict):
    type, title = "event-campaign", "An event's campaign is changed through its event"
