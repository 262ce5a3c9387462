"""The OpenAPI document, completed: schemas used only in hand-written request bodies, the
If-Match header every PATCH needs, and the ETag header single-record reads and PATCH answers
send."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

_EXTRA_SCHEMAS: list[type[BaseModel]] = []

IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": "The ETag from your last read of the record (428 without it, 412 if stale)",
    "schema": {"type": "string"},
}
ETAG = {
    "ETag": {
        "description": "The record's version: send it back in If-Match to change it",
        "schema": {"type": "string"},
    }
}


def register_schema(*models: type[BaseModel]) -> None:
    """Adds models to `components.schemas` that a route refers to by hand (openapi_extra)."""
    _EXTRA_SCHEMAS.extend(m for m in models if m not in _EXTRA_SCHEMAS)


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        _complete(document)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _complete(document: dict[str, Any]) -> None:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    if _EXTRA_SCHEMAS:
        _, generated = models_json_schema(
            [(m, "validation") for m in _EXTRA_SCHEMAS],
            ref_template="#/components/schemas/{model}",
        )
        for name, schema in generated.get("$defs", {}).items():
            schemas.setdefault(name, schema)
    _answers_always_carry_defaults(document, schemas)
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            if method == "patch":
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == "If-Match" for p in parameters):
                    parameters.append(IF_MATCH)
            # A record that can be PATCHed (If-Match) is read with its ETag, and a PATCH
            # answers with the new one.
            if (
                method in ("get", "patch")
                and "patch" in operations
                and "200" in operation.get("responses", {})
            ):
                operation["responses"]["200"].setdefault("headers", {}).update(ETAG)


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def _reachable(start: set[str], schemas: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        found: set[str] = set()
        _refs(schemas[name], found)
        todo.extend(found - seen)
    return seen


def _answers_always_carry_defaults(document: dict[str, Any], schemas: dict[str, Any]) -> None:
    """In a request, a field with a default may be left out; in an answer it is always there.
    Schemas only ever answered list such fields as required, so a field's `default` can mean
    "optional" to client generators (the frontend runs openapi-typescript with
    `--default-non-nullable false`) without making answers look optional. Schemas used in
    both directions keep the request's view."""
    sent: set[str] = set()
    answered: set[str] = set()
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            _refs(operation.get("requestBody", {}), sent)
            _refs(operation.get("parameters", []), sent)
            _refs(operation.get("responses", {}), answered)
    for name in sorted(_reachable(answered, schemas) - _reachable(sent, schemas)):
        schema = schemas[name]
        properties = schema.get("properties", {})
        defaulted = [key for key, prop in properties.items() if "default" in prop]
        if defaulted:
            required = schema.setdefault("required", [])
            required.extend(key for key in defaulted if key not in required)
