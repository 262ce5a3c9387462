"""Errors of carer households."""

from fosterhub.core.errors import NotFound


class HouseholdNotFound(NotFound):
    type, title = "carer-not-found", "No such carer household"
