"""Dependencies every router uses: the app's settings and the client's address."""

from typing import Annotated

from fastapi import Depends, Request

from fosterhub.config import Settings


async def _settings(request: Request) -> Settings:
    # async: FastAPI runs plain `def` dependencies in a thread, which costs on every request.
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(_settings)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
