"""Tenant scoping: the one place where every query is limited to the caller's council.

A session is bound to a council once per request (from the token, or from the council a public
route names). From then on every ORM SELECT, UPDATE and DELETE that touches a `TenantScoped`
table gets `council_id = :council` added, and every new row gets the council filled in. A
session that was never bound refuses to touch tenant data at all (fail closed); jobs that
really work across councils say so with `unscoped()`.
"""

from typing import Any, Final

from sqlalchemy import ForeignKey, String, event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Mapped,
    ORMExecuteState,
    Session,
    UOWTransaction,
    declared_attr,
    mapped_column,
    with_loader_criteria,
)

_KEY: Final = "fosterhub.council_id"
ALL_COUNCILS: Final = "*"


class TenancyError(RuntimeError):
    """A programming error: tenant data touched without a council."""


class TenantScoped:
    """Mixin for every table whose rows belong to one council."""

    @declared_attr
    def council_id(cls) -> Mapped[str]:
        return mapped_column(
            String(36), ForeignKey("council.id", ondelete="CASCADE"), index=True, nullable=False
        )


def bind(session: AsyncSession | Session, council_id: str) -> None:
    """Limit everything this session does to one council."""
    target = session.sync_session if isinstance(session, AsyncSession) else session
    current = target.info.get(_KEY)
    if current not in (None, council_id):
        raise TenancyError("session already bound to another council")
    target.info[_KEY] = council_id


def unscoped(session: AsyncSession | Session) -> None:
    """Declare that this session works across councils (CLI, worker, regional aggregates)."""
    target = session.sync_session if isinstance(session, AsyncSession) else session
    target.info[_KEY] = ALL_COUNCILS


def bound_council(session: AsyncSession | Session) -> str | None:
    target = session.sync_session if isinstance(session, AsyncSession) else session
    value = target.info.get(_KEY)
    return None if value in (None, ALL_COUNCILS) else str(value)


def _touches_tenant_data(state: ORMExecuteState) -> bool:
    return any(issubclass(m.class_, TenantScoped) for m in state.all_mappers)


@event.listens_for(Session, "do_orm_execute")
def _scope_queries(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.is_column_load or state.is_relationship_load:
        return  # the parent query was scoped already
    council_id = state.session.info.get(_KEY)
    if council_id == ALL_COUNCILS or state.execution_options.get("skip_tenant_scope"):
        # `skip_tenant_scope` is for the rare query that must look across councils and says
        # so where it is written (a uniqueness check, a regional aggregate).
        return
    if council_id is None:
        if _touches_tenant_data(state):
            raise TenancyError("tenant data queried by a session bound to no council")
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            TenantScoped,
            lambda cls: cls.council_id == council_id,
            include_aliases=True,
        )
    )


@event.listens_for(Session, "before_flush")
def _stamp_new_rows(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    council_id = session.info.get(_KEY)
    for obj in session.new:
        if not isinstance(obj, TenantScoped):
            continue
        if council_id in (None, ALL_COUNCILS):
            if getattr(obj, "council_id", None) is None:
                raise TenancyError(f"new {type(obj).__name__} has no council")
            continue
        if getattr(obj, "council_id", None) is None:
            obj.council_id = council_id
        elif obj.council_id != council_id:
            raise TenancyError(f"new {type(obj).__name__} belongs to another council")
