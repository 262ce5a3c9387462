"""Idempotency-Key for creating POSTs: a replay with the same body gets the first answer."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.core.db import DbSession, utcnow
from fosterhub.core.errors import Conflict, InvalidInput
from fosterhub.core.models import IdempotencyRecord

KEEP_FOR = timedelta(hours=24)


@dataclass
class Idempotency:
    session: AsyncSession
    request: Request
    key: str | None
    request_hash: str

    @property
    def scope(self) -> str:
        # Who is asking: the signed-in caller (set by the auth dependency), else the address.
        caller = getattr(self.request.state, "caller_key", None)
        if caller is None:
            caller = self.request.client.host if self.request.client else "-"
        return f"{caller}:{self.request.method}:{self.request.url.path}"[:128]

    async def replay(self) -> JSONResponse | None:
        """The stored answer for this key, or None when the request is new."""
        if self.key is None:
            return None
        stored = await self.session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.scope == self.scope,
                IdempotencyRecord.key == self.key,
                IdempotencyRecord.created_at > utcnow() - KEEP_FOR,
            )
        )
        if stored is None:
            return None
        if stored.request_hash != self.request_hash:
            raise Conflict("This Idempotency-Key was used with a different request body.")
        headers = {**stored.response_headers, "Idempotent-Replayed": "true"}
        return JSONResponse(stored.response_body, status_code=stored.status_code, headers=headers)

    def remember(
        self, status_code: int, body: Any, headers: dict[str, str] | None = None
    ) -> Response:
        if self.key is None and isinstance(body, BaseModel):
            # Nothing to keep: pydantic writes the JSON itself, with no dict in between.
            return Response(
                body.model_dump_json(by_alias=True),
                status_code=status_code,
                headers=headers,
                media_type="application/json",
            )
        content = (
            body.model_dump(mode="json", by_alias=True)
            if isinstance(body, BaseModel)
            else jsonable_encoder(body)
        )
        if self.key is not None:
            self.session.add(
                IdempotencyRecord(
                    scope=self.scope,
                    key=self.key,
                    request_hash=self.request_hash,
                    status_code=status_code,
                    response_body=content,
                    response_headers=headers or {},
                )
            )
        return JSONResponse(content, status_code=status_code, headers=headers)


KEY_DESCRIPTION = "Any unique string (a UUID); a replay returns the first answer."
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", description=KEY_DESCRIPTION)]
# The same header in OpenAPI, for a route that reads it itself.
IDEMPOTENCY_KEY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": KEY_DESCRIPTION,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "title": "Idempotency-Key"},
}


async def idempotency_for(request: Request, session: AsyncSession, key: str | None) -> Idempotency:
    if key is not None and not (1 <= len(key) <= 255):
        raise InvalidInput.field("header.Idempotency-Key", "Must be 1 to 255 characters")
    body = await request.body()
    return Idempotency(
        session=session, request=request, key=key, request_hash=hashlib.sha256(body).hexdigest()
    )


async def _idempotency(
    request: Request, session: DbSession, idempotency_key: IdempotencyKey = None
) -> Idempotency:
    return await idempotency_for(request, session, idempotency_key)


IdempotencyDep = Annotated[Idempotency, Depends(_idempotency)]


async def purge_expired(session: AsyncSession) -> int:
    result = await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at <= utcnow() - KEEP_FOR)
    )
    return int(getattr(result, "rowcount", 0) or 0)
