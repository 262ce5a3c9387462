"""Dependencies every router uses: the app's settings and the client's address."""

from typing import Annotated

from fastapi import Depends, Request

from fosterhub.config import Settings


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(_settings)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
