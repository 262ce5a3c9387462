"""Errors of the reports domain."""

from fosterhub.core.errors import Forbidden


class OtherRegion(Forbidden):
    type, title = "other-region", "You may see only your own region's figures"
