"""Errors of the councils domain."""

from fosterhub.core.errors import AppError, NotFound


class CouncilNotFound(NotFound):
    type, title = "council-not-found", "No such council"


class RegionNotFound(NotFound):
    type, title = "region-not-found", "No such region"


class PostcodeNotCovered(NotFound):
    type, title = "postcode-not-covered", "No council on this service covers that postcode"


class InvalidPostcode(AppError):
    status, type, title = 422, "invalid-postcode", "Not a UK postcode"
