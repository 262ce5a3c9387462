"""The frontend's typed client cannot drift from the API.

`make client` writes the API's OpenAPI document to frontend/src/api/openapi.json and generates
the TypeScript types from it; the frontend's tests check the types match that file. This test
checks the file matches the API, so a route changed without `make client` fails here.
"""

import json
from pathlib import Path
from typing import Any

import pytest

OPENAPI_JSON = Path(__file__).resolve().parents[2] / "frontend" / "src" / "api" / "openapi.json"


def _changed_paths(committed: dict[str, Any], served: dict[str, Any]) -> list[str]:
    paths = set(committed.get("paths", {})) | set(served.get("paths", {}))
    schemas = set(committed.get("components", {}).get("schemas", {})) | set(
        served.get("components", {}).get("schemas", {})
    )
    changed = [
        f"path {p}"
        for p in sorted(paths)
        if committed.get("paths", {}).get(p) != served.get("paths", {}).get(p)
    ]
    changed += [
        f"schema {s}"
        for s in sorted(schemas)
        if committed.get("components", {}).get("schemas", {}).get(s)
        != served.get("components", {}).get("schemas", {}).get(s)
    ]
    return changed


def test_the_frontend_client_matches_the_api(app: Any) -> None:
    if not OPENAPI_JSON.is_file():
        pytest.fail(f"{OPENAPI_JSON} is missing: run `make client`")
    committed = json.loads(OPENAPI_JSON.read_text(encoding="utf-8"))
    # Through JSON, as the file was written: tuples become lists, keys become strings.
    served = json.loads(json.dumps(app.openapi()))
    if committed != served:
        changed = _changed_paths(committed, served) or ["the document's top level"]
        pytest.fail(
            "frontend/src/api/openapi.json differs from the API (run `make client`): "
            + ", ".join(changed[:20])
        )


def test_request_fields_with_defaults_are_optional_and_answers_list_them(app: Any) -> None:
    """A field with a default may be left out of a request: the input schemas require only
    what has none (the client is generated with `--default-non-nullable false`, so `default`
    does not make a field required). Answers always carry defaulted fields: their schemas
    say so."""
    schemas = app.openapi()["components"]["schemas"]
    assert set(schemas["EnquiryCreate"]["required"]) == {
        "contact",
        "interests",
        "source",
        "consent",
    }
    assert schemas["SourceIn"]["required"] == ["channel"]
    assert set(schemas["ConsentIn"]["required"]) == {"privacy_notice_version", "contact_ok"}
    assert schemas["ConsentIn"]["properties"]["marketing_ok"]["default"] is False
    assert "required" not in schemas["HouseholdIn"]
    assert "stage" in schemas["EnquiryReceipt"]["required"]
    assert "household_name" in schemas["ReferralOut"]["required"]


def test_the_generated_client_leaves_defaulted_request_fields_optional() -> None:
    schema_ts = OPENAPI_JSON.with_name("schema.d.ts").read_text(encoding="utf-8")
    consent = schema_ts.split("ConsentIn: {", 1)[1].split("};", 1)[0]
    assert "marketing_ok?: boolean" in consent
    source = schema_ts.split("SourceIn: {", 1)[1].split("};", 1)[0]
    assert "event_id?: string | null" in source and "campaign_code?: string | null" in source
    receipt = schema_ts.split("EnquiryReceipt: {", 1)[1].split("};", 1)[0]
    assert 'stage: "enquiry"' in receipt
