"""Errors of the users domain."""

from fosterhub.core.errors import Conflict, NotFound


class UserNotFound(NotFound):
    type, title = "user-not-found", "No such user"


class EmailTaken(Conflict):
    type, title = "email-taken", "An account with this email already exists"
