"""Errors of the training domain."""

from fosterhub.core.errors import Conflict, NotFound


class CourseNotFound(NotFound):
    type, title = "course-not-found", "No such training course"


class CourseNameTaken(Conflict):
    type, title = "course-name-taken", "Your council already has a course with that name"


class NotATrainingSession(NotFound):
    type, title = "training-session-not-found", "No such training session"
