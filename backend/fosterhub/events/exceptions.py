"""Errors of the events domain."""

from fosterhub.core.errors import Conflict, Forbidden, InvalidInput, NotFound


class EventNotFound(NotFound):
    type, title = "event-not-found", "No such event"


class RegistrationNotFound(NotFound):
    type, title = "registration-not-found", "No such registration"


class AlreadyRegistered(Conflict):
    type, title = "already-registered", "This email address is already registered for the event"


class EventClosed(Conflict):
    type, title = "event-closed", "This event is not taking registrations"


class EventStateConflict(Conflict):
    type, title = "event-state", "The event's status does not allow this"


class RegistrationStateConflict(Conflict):
    type, title = "registration-state", "The registration's status does not allow this"


class HostOnly(Forbidden):
    type, title = "host-only", "Only the hosting council can do this"


class NotYourAudience(Forbidden):
    type, title = "not-your-audience", "This event is for another audience"


class PositionUnknown(InvalidInput):
    type, title = "postcode-position-unknown", "We do not know where that postcode is"


class CapacityBelowPlaces(Conflict):
    type, title = "capacity-below-places", "More people already hold places than that capacity"
