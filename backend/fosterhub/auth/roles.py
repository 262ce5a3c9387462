"""Roles of people and scopes of partner clients (API.md)."""

from typing import Literal

Role = Literal[
    "admin",
    "recruitment_officer",
    "social_worker",
    "placement_officer",
    "manager",
    "carer",
    "applicant",
    "regional_viewer",
]
ROLES: frozenset[str] = frozenset(Role.__args__)  # type: ignore[attr-defined]
STAFF_ROLES: frozenset[str] = frozenset(
    {"admin", "recruitment_officer", "social_worker", "placement_officer", "manager"}
)

Scope = Literal[
    "enquiries:read",
    "enquiries:write",
    "events:read",
    "reports:read",
    "transfers:write",
    "webhooks:manage",
]
SCOPES: frozenset[str] = frozenset(Scope.__args__)  # type: ignore[attr-defined]
