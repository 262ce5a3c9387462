"""Every query of the enquiries domain."""

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Select,
    String,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import aliased

from fosterhub.core.batches import batch_for
from fosterhub.core.models import AuditEvent, OutboxMessage
from fosterhub.councils import postcodes
from fosterhub.enquiries.models import ContactAttempt, Enquiry, EnquiryNote, StageTransition
from fosterhub.enquiries.vocabulary import OPEN_STAGES


async def by_id(
    session: AsyncSession, enquiry_id: str, *, for_update: bool = False
) -> Enquiry | None:
    stmt = select(Enquiry).where(Enquiry.id == enquiry_id)
    if for_update:
        stmt = stmt.with_for_update()
    return await session.scalar(stmt)


async def reference_taken(session: AsyncSession, reference: str) -> bool:
    found = await session.execute(
        select(Enquiry.id)
        .where(Enquiry.reference == reference)
        .execution_options(skip_tenant_scope=True)
    )
    return found.first() is not None


# The public enquiry's write. Its statements are built once, with a bound parameter for every
# column, so a request only binds values: building a statement with values costs more CPU
# than the database spends running it.

Row = dict[str, Any]
# Stages a repeat can be linked to: open, or waiting for an answer. Our own words, no quotes.
WORKABLE_STAGES = (*OPEN_STAGES, "no_response")
POSTGRESQL = "postgresql"


def _bind(column: Any, prefix: str) -> Any:
    # JSON None is SQL NULL here (SQLAlchemy would write the JSON value null).
    kind = JSON(none_as_null=True) if isinstance(column.type, JSON) else column.type
    return bindparam(prefix + column.key, type_=kind)


def _insert_all(model: Any, prefix: str, **overrides: Any) -> Any:
    """INSERT of every column of `model` (but an autoincrement key) from `prefix`ed params."""
    values = {
        column.key: _bind(column, prefix)
        for column in model.__table__.columns
        if not (column.primary_key and column.autoincrement is True)
    }
    return insert(model).values({**values, **overrides})


def _params(model: Any, prefix: str, row: Row) -> Row:
    params = {}
    for key, name, default in _columns(model, prefix):
        if key in row:
            params[name] = row[key]
        elif default is not None and default.is_scalar:
            params[name] = default.arg
        elif default is not None and default.is_callable:
            params[name] = default.arg(None)
        else:
            params[name] = None
    return params


@cache
def _columns(model: Any, prefix: str) -> tuple[tuple[str, str, Any], ...]:
    """(key, parameter name, Python-side default) of each column `_insert_all` writes.
    SQLAlchemy applies defaults to a top-level INSERT, not to one inside a CTE."""
    return tuple(
        (column.key, prefix + column.key, column.default)
        for column in model.__table__.columns
        if not (column.primary_key and column.autoincrement is True)
    )


@cache
def _received_statements(dialect: str, by_phone: bool) -> tuple[Any, ...]:
    """The public enquiry's inserts, for a dialect and whether a phone number can match."""
    earlier = aliased(Enquiry, name="earlier")
    same = [earlier.email == bindparam("e_email")]
    if by_phone:
        same.append(earlier.phone == bindparam("e_phone"))
    found = (
        select(earlier.id)
        .where(
            earlier.council_id == bindparam("e_council_id"),
            or_(*same),
            earlier.received_at >= bindparam("repeat_since", type_=Enquiry.received_at.type),
            earlier.duplicate_of_id.is_(None),
            # Written into the statement: a list of bound values is re-rendered per execution.
            earlier.stage.in_([literal_column(f"'{stage}'") for stage in WORKABLE_STAGES]),
        )
        .order_by(earlier.received_at)
        .limit(1)
        .cte("repeat_of")
    )
    # Looked up once (a CTE), though both columns below need it.
    repeat_of = select(found.c.id).scalar_subquery()
    enquiry = _insert_all(
        Enquiry,
        "e_",
        duplicate_of_id=repeat_of,
        # Only a first enquiry is due: a repeat is worked through the earlier one.
        due_at=case((repeat_of.is_(None), _bind(Enquiry.__table__.c.due_at, "e_")), else_=null()),
    ).returning(Enquiry.duplicate_of_id)
    others = (
        _insert_all(StageTransition, "t_"),
        _insert_all(AuditEvent, "a_"),
        _insert_all(OutboxMessage, "o_"),
    )
    if dialect != POSTGRESQL:
        return (enquiry, *others)
    written = enquiry.cte("written")
    combined = (
        select(written.c.duplicate_of_id)
        .select_from(written)
        .add_cte(*(other.cte(f"also_{n}") for n, other in enumerate(others)))
    )
    return (combined,)


def _received_params(
    enquiry: Row, repeat_since: datetime, transition: Row, audit_row: Row, email: Row
) -> Row:
    return {
        **_params(Enquiry, "e_", enquiry),
        "repeat_since": repeat_since,
        **_params(StageTransition, "t_", transition),
        **_params(AuditEvent, "a_", audit_row),
        **_params(OutboxMessage, "o_", email),
    }


async def insert_received(
    conn: AsyncConnection,
    enquiry: Row,
    *,
    repeat_since: datetime,
    transition: Row,
    audit_row: Row,
    email: Row,
) -> str | None:
    """Writes a public enquiry with its first stage move, its audit row and its acknowledgement
    email. It is linked to the same person's earlier enquiry in the council since
    `repeat_since` (matched by email or phone) that can still be worked: open, or waiting for
    an answer (`no_response` reopens); after a withdrawal or a decision the person asking
    again starts a new enquiry, since linked to the closed one it could never be moved. Only
    a first enquiry keeps its `due_at`. Returns the earlier enquiry's id for a repeat.

    On PostgreSQL the four inserts are one statement (data-modifying CTEs): one round trip,
    atomic on its own. SQLite runs them one after another in the caller's transaction. The
    council is named in the parameters: Core statements pass no session's tenancy scope."""
    params = _received_params(enquiry, repeat_since, transition, audit_row, email)
    first, *rest = _received_statements(conn.dialect.name, enquiry.get("phone") is not None)
    repeat: str | None = (await conn.execute(first, params)).scalar_one()
    for stmt in rest:
        await conn.execute(stmt, params)
    return repeat


async def insert_received_alone(
    session: AsyncSession,
    enquiry: Row,
    *,
    repeat_since: datetime,
    transition: Row,
    audit_row: Row,
    email: Row,
) -> None:
    """`insert_received` for an enquiry that nothing else in the request commits with. On
    PostgreSQL it commits on its own, in a batch with the enquiries that arrive at the same
    moment (`core.batches`); elsewhere it joins the session's transaction as usual."""
    engine = session.bind
    if not (isinstance(engine, AsyncEngine) and engine.dialect.name == "postgresql"):
        await insert_received(
            await session.connection(),
            enquiry,
            repeat_since=repeat_since,
            transition=transition,
            audit_row=audit_row,
            email=email,
        )
        return
    by_phone = enquiry.get("phone") is not None
    batch = batch_for(
        engine,
        ("enquiry received", by_phone),
        lambda: _received_statements(POSTGRESQL, by_phone)[0],
    )
    await batch.run(_received_params(enquiry, repeat_since, transition, audit_row, email))


def list_query(
    *,
    stages: list[str] | None,
    channel: str | None,
    campaign_id: str | None,
    assigned_to: str | None,
    q: str | None,
    overdue_at: datetime | None,
    recontact_before: datetime | None,
    failed_attempts_at_least: int | None,
    include_repeats: bool,
    unicode_lower: bool = False,
    received_from: datetime | None,
    received_to: datetime | None,
) -> Select[Any]:
    stmt = select(Enquiry)
    if stages:
        stmt = stmt.where(Enquiry.stage.in_(stages))
    if channel:
        stmt = stmt.where(Enquiry.channel == channel)
    if campaign_id:
        stmt = stmt.where(Enquiry.campaign_id == campaign_id)
    if assigned_to == "none":
        stmt = stmt.where(Enquiry.assigned_to_id.is_(None))
    elif assigned_to:
        stmt = stmt.where(Enquiry.assigned_to_id == assigned_to)
    if overdue_at is not None:
        stmt = stmt.where(Enquiry.stage.in_(OPEN_STAGES), Enquiry.due_at < overdue_at)
    if recontact_before is not None:
        stmt = stmt.where(
            Enquiry.stage.in_(["withdrawn", "no_response"]),
            # "Agreed to contact" again later: the consent the person may give or withhold
            # (news and events, `marketing_ok`), not the contact about this enquiry that every
            # enquiry needs.
            Enquiry.contact_ok.is_(True),
            Enquiry.marketing_ok.is_(True),
            Enquiry.erased_at.is_(None),
            Enquiry.closed_at <= recontact_before,
        )
    if failed_attempts_at_least is not None:
        stmt = stmt.where(
            Enquiry.stage.in_(OPEN_STAGES),
            Enquiry.failed_contact_attempts >= failed_attempts_at_least,
        )
    if not include_repeats:
        stmt = stmt.where(Enquiry.duplicate_of_id.is_(None))
    if received_from is not None:
        stmt = stmt.where(Enquiry.received_at >= received_from)
    if received_to is not None:
        stmt = stmt.where(Enquiry.received_at < received_to)
    if q:
        text = q.strip()
        name = Enquiry.first_name + " " + Enquiry.last_name
        compact = text.replace(" ", "").upper()
        # Each test can use an index on PostgreSQL (names by trigram, references, postcodes,
        # emails), so a search reads the few matching rows, not every enquiry. Wildcards
        # typed by the user are literal.
        matches = [
            func.lower(name).contains(text.lower(), autoescape=True),
            Enquiry.reference == text.upper(),
            Enquiry.email == text.lower(),
        ]
        if not unicode_lower:
            # SQLite's lower() folds only ASCII: a name in another script is matched as typed.
            matches.append(name.contains(text, autoescape=True))
        if full := postcodes.normalise(text):
            matches.append(Enquiry.postcode == full)
        elif len(compact) <= 4:  # an outward code: everyone in that district
            matches.append(Enquiry.postcode.startswith(f"{compact} ", autoescape=True))
        stmt = stmt.where(or_(*matches))
    return stmt


async def transitions(session: AsyncSession, enquiry_id: str) -> list[StageTransition]:
    return list(
        (
            await session.scalars(
                select(StageTransition)
                .where(StageTransition.enquiry_id == enquiry_id)
                .order_by(StageTransition.occurred_at, StageTransition.id)
            )
        ).all()
    )


async def contact_attempts(session: AsyncSession, enquiry_id: str) -> list[ContactAttempt]:
    return list(
        (
            await session.scalars(
                select(ContactAttempt)
                .where(ContactAttempt.enquiry_id == enquiry_id)
                .order_by(ContactAttempt.attempted_at, ContactAttempt.id)
            )
        ).all()
    )


async def notes(session: AsyncSession, enquiry_id: str) -> list[EnquiryNote]:
    return list(
        (
            await session.scalars(
                select(EnquiryNote)
                .where(EnquiryNote.enquiry_id == enquiry_id)
                .order_by(EnquiryNote.created_at, EnquiryNote.id)
            )
        ).all()
    )


async def repeats(session: AsyncSession, enquiry_id: str) -> list[Enquiry]:
    return list(
        (
            await session.scalars(
                select(Enquiry)
                .where(Enquiry.duplicate_of_id == enquiry_id)
                .order_by(Enquiry.received_at)
            )
        ).all()
    )


def _timeline_entries(enquiry_id: str, council_id: str) -> Any:
    """Every entry of an enquiry's timeline as one UNION ALL of its transitions, contact
    attempts, notes and repeat enquiries, in the columns they share (NULL where one has none)."""

    def text(value: Any = None) -> Any:
        return cast(value if value is not None else null(), Text)

    def short(value: Any = None) -> Any:
        return cast(value if value is not None else null(), String)

    moves = select(
        literal_column("'transition'", String).label("kind"),
        StageTransition.occurred_at.label("at"),
        StageTransition.id.label("id"),
        short(StageTransition.actor_id).label("actor_id"),
        short(StageTransition.from_stage).label("from_stage"),
        short(StageTransition.to_stage).label("to_stage"),
        short(StageTransition.reason_code).label("reason"),
        text(StageTransition.note).label("note"),
        short().label("channel"),
        short().label("outcome"),
        short().label("reference"),
    ).where(StageTransition.enquiry_id == enquiry_id, StageTransition.council_id == council_id)
    attempts = select(
        literal_column("'contact_attempt'", String),
        ContactAttempt.attempted_at,
        ContactAttempt.id,
        short(ContactAttempt.actor_id),
        short(),
        short(),
        short(),
        text(ContactAttempt.note),
        short(ContactAttempt.channel),
        short(ContactAttempt.outcome),
        short(),
    ).where(ContactAttempt.enquiry_id == enquiry_id, ContactAttempt.council_id == council_id)
    notes_ = select(
        literal_column("'note'", String),
        EnquiryNote.created_at,
        EnquiryNote.id,
        short(EnquiryNote.author_id),
        short(),
        short(),
        short(),
        text(EnquiryNote.body),
        short(),
        short(),
        short(),
    ).where(EnquiryNote.enquiry_id == enquiry_id, EnquiryNote.council_id == council_id)
    repeats_ = select(
        literal_column("'repeat_enquiry'", String),
        Enquiry.received_at,
        Enquiry.id,
        short(),
        short(),
        short(),
        short(),
        text(),
        short(),
        short(),
        short(Enquiry.reference),
    ).where(Enquiry.duplicate_of_id == enquiry_id, Enquiry.council_id == council_id)
    return union_all(moves, attempts, notes_, repeats_).subquery("entry")


async def timeline_page(
    session: AsyncSession,
    enquiry_id: str,
    council_id: str,
    *,
    after: tuple[datetime, str, str] | None,
    limit: int,
) -> list[Any]:
    """Up to `limit` timeline rows, oldest first, after the (at, kind, id) of `after`:
    keyset pagination over the union, ordered and compared in the database alike."""
    entry = _timeline_entries(enquiry_id, council_id)
    stmt = select(entry)
    if after is not None:
        at, kind, entry_id = after
        # (at, kind, id) > (x, y, z), written out as core.pagination does.
        stmt = stmt.where(
            or_(
                entry.c.at > at,
                and_(entry.c.at == at, entry.c.kind > kind),
                and_(entry.c.at == at, entry.c.kind == kind, entry.c.id > entry_id),
            )
        )
    stmt = stmt.order_by(entry.c.at, entry.c.kind, entry.c.id).limit(limit)
    return list((await session.execute(stmt)).all())


def _emails_to(council_id: str, addresses: list[str]) -> Any:
    # The outbox is not tenant-scoped (the worker reads every council's): the council is named.
    to = func.lower(OutboxMessage.payload["to"].as_string())
    return and_(
        OutboxMessage.council_id == council_id,
        OutboxMessage.kind == "email",
        to.in_(addresses),
    )


async def emails_to(
    session: AsyncSession, council_id: str, addresses: list[str]
) -> list[OutboxMessage]:
    """The council's queued and sent emails to any of these addresses, oldest first."""
    if not addresses:
        return []
    return list(
        (
            await session.scalars(
                select(OutboxMessage)
                .where(_emails_to(council_id, addresses))
                .order_by(OutboxMessage.created_at, OutboxMessage.id)
            )
        ).all()
    )


async def delete_emails_to(session: AsyncSession, council_id: str, addresses: list[str]) -> int:
    """Deletes the council's emails to these addresses, whatever their state; returns how many."""
    if not addresses:
        return 0
    result = await session.execute(
        delete(OutboxMessage)
        .where(_emails_to(council_id, addresses))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def overdue_by_officer(session: AsyncSession, now: datetime) -> list[tuple[str, str, int]]:
    """(council_id, officer id, how many overdue) for every officer with overdue work."""
    rows = await session.execute(
        select(Enquiry.council_id, Enquiry.assigned_to_id, func.count(Enquiry.id))
        .where(
            Enquiry.stage.in_(OPEN_STAGES),
            Enquiry.due_at < now,
            Enquiry.assigned_to_id.is_not(None),
            Enquiry.duplicate_of_id.is_(None),
        )
        .group_by(Enquiry.council_id, Enquiry.assigned_to_id)
    )
    return [(r[0], str(r[1]), int(r[2])) for r in rows]


async def overdue_for(
    session: AsyncSession, officer_id: str, now: datetime, limit: int
) -> list[Enquiry]:
    return list(
        (
            await session.scalars(
                select(Enquiry)
                .where(
                    Enquiry.assigned_to_id == officer_id,
                    Enquiry.stage.in_(OPEN_STAGES),
                    Enquiry.due_at < now,
                    Enquiry.duplicate_of_id.is_(None),
                )
                .order_by(Enquiry.due_at)
                .limit(limit)
            )
        ).all()
    )


CLOSED_STAGES = ("withdrawn", "not_progressed", "no_response", "transferred")


async def past_retention(
    session: AsyncSession,
    council_id: str,
    closed_before: datetime,
    *,
    applied: bool,
    limit: int,
) -> list[Enquiry]:
    """Up to `limit` closed enquiries, not yet erased, closed before the cut-off: those that
    reached application (`applied`), or those that never did. First enquiries only: a
    repeat is erased with the enquiry it repeats."""
    reached_application = (
        select(StageTransition.id)
        .where(
            StageTransition.enquiry_id == Enquiry.id,
            StageTransition.to_stage == "application",
        )
        .exists()
    )
    return list(
        (
            await session.scalars(
                select(Enquiry)
                .where(
                    Enquiry.council_id == council_id,
                    Enquiry.stage.in_(CLOSED_STAGES),
                    Enquiry.closed_at < closed_before,
                    Enquiry.erased_at.is_(None),
                    Enquiry.duplicate_of_id.is_(None),
                    reached_application if applied else ~reached_application,
                )
                .order_by(Enquiry.closed_at, Enquiry.id)
                .limit(limit)
            )
        ).all()
    )


async def stage_counts(session: AsyncSession, now: datetime) -> list[tuple[str, int, int]]:
    rows = await session.execute(
        select(
            Enquiry.stage,
            func.count(Enquiry.id),
            # Only open work can be late: a closed enquiry's old due date means nothing.
            func.coalesce(
                func.sum(
                    case((and_(Enquiry.stage.in_(OPEN_STAGES), Enquiry.due_at < now), 1), else_=0)
                ),
                0,
            ),
        )
        .where(Enquiry.duplicate_of_id.is_(None))
        .group_by(Enquiry.stage)
    )
    return [(r[0], int(r[1]), int(r[2])) for r in rows]
