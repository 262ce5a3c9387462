"""Working days in England and Wales: weekends and bank holidays skipped.

Days are the days of a wall clock in England (Europe/London): an enquiry made at half past
midnight on a Saturday in summer (23:30 on Friday in UTC) arrived at the weekend. Times go in
and come out in UTC; only the counting is done on London's calendar.
"""

import calendar
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    # England's and Wales's bank holidays are the same list.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: datetime, days: int) -> datetime:
    """The same time of day in London `days` working days later (a weekend start counts
    from Monday), in UTC."""
    local = _in_london(start)
    day = local.date()
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return _from_london(day, local)


def add_months(start: datetime, months: int) -> datetime:
    """The same day of the month and time in London `months` later (the month's last day
    where it is shorter), in UTC."""
    local = _in_london(start)
    month_index = local.month - 1 + months
    year, month = local.year + month_index // 12, month_index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return _from_london(date(year, month, day), local)


def _in_london(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a time without a time zone cannot be placed on London's calendar")
    return moment.astimezone(LONDON)


def _from_london(day: date, clock: datetime) -> datetime:
    # A clock time the spring change skips is read as before the change (fold 0).
    return datetime.combine(day, clock.time(), tzinfo=LONDON).astimezone(UTC)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    if end <= start:
        return 0
    return sum(
        1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=n))
    )
