"""Errors of the enquiries domain."""

from fosterhub.core.errors import Conflict, InvalidInput, NotFound


class EnquiryNotFound(NotFound):
    type, title = "enquiry-not-found", "No such enquiry"


class MoveNotAllowed(Conflict):
    type, title = "move-not-allowed", "That move is not allowed from the enquiry's stage"


class NotCovered(InvalidInput):
    type, title = "postcode-not-covered", "No council on this service covers that postcode"


class Erased(Conflict):
    type, title = "erased", "This enquiry's personal details were erased"
