"""Date arithmetic the reports need, written once for SQLite and once for PostgreSQL.

Each construct compiles to plain SQL on both databases, so durations, working days and month
targets are computed inside the query rather than over rows loaded into Python. Days are the
days of London's calendar (Europe/London), as in `core.workdays`: PostgreSQL knows the time
zone; SQLite, which knows none, is given the United Kingdom's summer time rule (from 01:00 UTC
on the last Sunday of March to 01:00 UTC on the last Sunday of October, as since 1996).
"""

from typing import Any

from sqlalchemy import Float, Integer, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Boolean

# The Julian day number of 1970-01-01, so both databases count days from the same origin.
_UNIX_EPOCH_JDN = 2440588


class day_number(FunctionElement[int]):
    """The Julian day number of a timestamp's date in London (day_number % 7 == 0 is a
    Monday)."""

    type = Integer()
    inherit_cache = True
    name = "day_number"


class date_day_number(FunctionElement[int]):
    """The Julian day number of a DATE column."""

    type = Integer()
    inherit_cache = True
    name = "date_day_number"


class elapsed_days(FunctionElement[float]):
    """Days, with their fraction, from the first timestamp to the second."""

    type = Float()
    inherit_cache = True
    name = "elapsed_days"


class later_than_months(FunctionElement[bool]):
    """True when `end` is after `start` plus a whole number of calendar months, on London's
    wall clock.

    A month added to the 31st ends on the last day of a shorter month, as in
    `core.workdays.add_months` (and PostgreSQL's interval arithmetic).
    """

    type = Boolean()
    # The months travel as a bound value, one of the clauses, so the statement's compiled
    # form is cached like any other (a plain attribute would have to opt out of the cache,
    # and the time-in-stage query would be compiled afresh on every request).
    inherit_cache = True
    name = "later_than_months"

    def __init__(self, end: Any, start: Any, months: int) -> None:
        super().__init__(end, start, literal(int(months), Integer()))


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


def _london_sqlite(ts: str) -> str:
    """SQLite: a stored UTC time as London's wall clock (an hour on in summer time)."""

    def change(month: str) -> str:
        # The last Sunday of the month: the first Sunday on or after the 25th; at 01:00 UTC.
        return f"datetime(date(strftime('%Y', {ts}) || '-{month}-25', 'weekday 0'), '+1 hour')"

    summer = f"({ts}) >= {change('03')} AND ({ts}) < {change('10')}"
    return f"datetime({ts}, CASE WHEN {summer} THEN '+1 hour' ELSE '+0 hours' END)"


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: day_number, compiler: SQLCompiler, **kw: Any) -> str:
    (ts,) = _args(element, compiler, **kw)
    return f"CAST(julianday(date({_london_sqlite(ts)})) + 0.5 AS INTEGER)"


@compiles(day_number, "postgresql")
def _day_number_pg(element: day_number, compiler: SQLCompiler, **kw: Any) -> str:
    (ts,) = _args(element, compiler, **kw)
    return (
        f"(CAST(({ts}) AT TIME ZONE 'Europe/London' AS DATE) - DATE '1970-01-01' "
        f"+ {_UNIX_EPOCH_JDN})"
    )


@compiles(date_day_number, "sqlite")
def _date_day_number_sqlite(element: date_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = _args(element, compiler, **kw)
    return f"CAST(julianday({day}) + 0.5 AS INTEGER)"


@compiles(date_day_number, "postgresql")
def _date_day_number_pg(element: date_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = _args(element, compiler, **kw)
    return f"(({day}) - DATE '1970-01-01' + {_UNIX_EPOCH_JDN})"


@compiles(elapsed_days, "sqlite")
def _elapsed_sqlite(element: elapsed_days, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    return f"(julianday({end}) - julianday({start}))"


@compiles(elapsed_days, "postgresql")
def _elapsed_pg(element: elapsed_days, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    return f"(EXTRACT(EPOCH FROM ({end}) - ({start})) / 86400.0)"


@compiles(later_than_months, "sqlite")
def _later_sqlite(element: later_than_months, compiler: SQLCompiler, **kw: Any) -> str:
    end_ts, start_ts, months = _args(element, compiler, **kw)
    end, start = _london_sqlite(end_ts), _london_sqlite(start_ts)
    step = f"'+' || {months} || ' months'"
    shifted = f"strftime('%Y-%m-%d %H:%M:%f', {start}, {step})"
    # SQLite rolls 31 January + 1 month over to 3 March; stepping back by the day of the month
    # it landed on gives the last day of February instead.
    clamped = (
        f"CASE WHEN strftime('%d', {shifted}) = strftime('%d', {start}) THEN {shifted} "
        f"ELSE strftime('%Y-%m-%d %H:%M:%f', {shifted}, "
        f"'-' || CAST(strftime('%d', {shifted}) AS INTEGER) || ' days') END"
    )
    return f"(julianday({end}) > julianday({clamped}))"


@compiles(later_than_months, "postgresql")
def _later_pg(element: later_than_months, compiler: SQLCompiler, **kw: Any) -> str:
    end, start, months = _args(element, compiler, **kw)
    return (
        f"((({end}) AT TIME ZONE 'Europe/London') > "
        f"(({start}) AT TIME ZONE 'Europe/London') + make_interval(months => {months}))"
    )


def working_day(dn: ColumnElement[int]) -> ColumnElement[bool]:
    """Monday to Friday, by Julian day number (bank holidays are the caller's join)."""
    return (dn % 7) < 5
