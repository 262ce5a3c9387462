"""ETag and If-Match: two officers editing one record cannot silently overwrite each other."""

import hashlib
from typing import Protocol

from fastapi import Request, Response

from fosterhub.core.errors import PreconditionFailed, PreconditionRequired


class Versioned(Protocol):
    id: str
    version: int


def etag_for(record: Versioned) -> str:
    digest = hashlib.sha256(f"{record.id}:{record.version}".encode()).hexdigest()[:20]
    return f'"{digest}"'


def set_etag(response: Response, record: Versioned) -> None:
    response.headers["ETag"] = etag_for(record)


def require_if_match(request: Request, record: Versioned) -> None:
    """428 without If-Match, 412 when it names another version than the current one."""
    header = request.headers.get("if-match")
    if not header:
        raise PreconditionRequired("Send the ETag you read in an If-Match header.")
    if header.strip() == "*":
        return
    wanted = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if etag_for(record) not in wanted:
        raise PreconditionFailed("Read the record again and reapply your change.")
