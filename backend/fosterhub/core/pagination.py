"""Cursor pagination: `?limit=&cursor=` in, `{"items": [...], "next_cursor": ...}` out."""

import base64
import json
from collections.abc import Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from fosterhub.core.errors import InvalidInput

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=200, description="Items per page (1-200)")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, description="`next_cursor` of the previous page")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([v.isoformat() if hasattr(v, "isoformat") else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except ValueError as exc:
        raise InvalidInput.field("cursor", "Not a cursor this API issued") from exc
    if not isinstance(values, list) or len(values) != size:
        raise InvalidInput.field("cursor", "Not a cursor this API issued")
    return values


async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    keys: Sequence[InstrumentedAttribute[Any]],
    params: PageParams,
    *,
    descending: bool = False,
    rows: bool = False,
) -> tuple[list[Any], str | None]:
    """Keyset pagination over `keys` (the last must be unique, e.g. the id). `rows`: the
    statement selects columns, not an entity, and the page is of rows (each key among them
    under its own name), which costs far less to load than entities. Such a statement runs
    on the session's connection, past the session's tenancy check: for public lists only."""
    if params.cursor:
        values = decode_cursor(params.cursor, len(keys))
        values = [_coerce(key, value) for key, value in zip(keys, values, strict=True)]
        stmt = stmt.where(_after(keys, values, descending))
    order = [k.desc() if descending else k.asc() for k in keys]
    ordered = stmt.order_by(*order).limit(params.limit + 1)
    if rows:  # Core on the session's connection: none of the ORM's execution machinery
        found: list[Any] = list((await (await session.connection()).execute(ordered)).all())
    else:
        found = list((await session.scalars(ordered)).all())
    next_cursor = None
    if len(found) > params.limit:
        found = found[: params.limit]
        last = found[-1]
        next_cursor = encode_cursor([getattr(last, k.key) for k in keys])
    return found, next_cursor


def _coerce(key: InstrumentedAttribute[Any], value: Any) -> Any:
    from datetime import datetime

    from sqlalchemy import DateTime

    column_type = key.type
    impl = getattr(column_type, "impl_instance", None) or column_type
    if isinstance(impl, DateTime) and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as exc:
            raise InvalidInput.field("cursor", "Not a cursor this API issued") from exc
    if isinstance(impl, DateTime) or (value is not None and not isinstance(value, str | int)):
        raise InvalidInput.field("cursor", "Not a cursor this API issued")
    return value


def _after(keys: Sequence[InstrumentedAttribute[Any]], values: Sequence[Any], desc: bool) -> Any:
    # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y), written out for SQLite and PostgreSQL alike.
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j] == values[j] for j in range(i)]
        beyond = key < values[i] if desc else key > values[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)
