"""The SQL calendar and Python's `core.workdays` agree on which days are working days."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import literal, select

from fosterhub.core.db import UTCDateTime
from fosterhub.core.workdays import LONDON, is_working_day
from fosterhub.reports.dialect import day_number
from fosterhub.reports.models import BankHoliday
from tests.conftest import World

UNIX_EPOCH_JDN = 2440588


async def test_bank_holidays_in_the_table_are_the_weekday_holidays_of_core_workdays(
    world: World,
) -> None:
    rows = (await world.db.execute(select(BankHoliday.day, BankHoliday.day_number))).all()
    table = {day: number for day, number in rows}
    for day, number in table.items():
        assert number == (day - date(1970, 1, 1)).days + UNIX_EPOCH_JDN
    day = date(2000, 1, 1)
    while day <= date(2100, 12, 31):
        assert (day in table) == (day.weekday() < 5 and not is_working_day(day)), day
        day += timedelta(days=1)


async def test_days_in_sql_are_londons_days_on_both_databases(world: World) -> None:
    # Around midnight, in summer and winter time, and either side of both clock changes.
    moments = [
        datetime(2026, 7, 3, 23, 30, tzinfo=UTC),  # 00:30 on Saturday 4 July in London
        datetime(2026, 7, 3, 22, 59, tzinfo=UTC),  # still Friday there
        datetime(2026, 11, 27, 23, 30, tzinfo=UTC),  # winter: Friday in both
        datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # just before the clocks go forward
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # the change itself
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # Saturday night, still winter time
        datetime(2026, 10, 24, 23, 30, tzinfo=UTC),  # 00:30 on Sunday 25 October, summer time
        datetime(2026, 10, 25, 0, 59, tzinfo=UTC),  # the last summer minute
        datetime(2026, 10, 25, 23, 30, tzinfo=UTC),  # winter again: Sunday in both
        datetime(2027, 3, 27, 23, 30, tzinfo=UTC),  # another year's change (28 March 2027)
        datetime(2027, 3, 28, 23, 30, tzinfo=UTC),
    ]
    for moment in moments:
        number = await world.db.scalar(select(day_number(literal(moment, UTCDateTime()))))
        expected = moment.astimezone(LONDON).date()
        assert number == (expected - date(1970, 1, 1)).days + UNIX_EPOCH_JDN, moment
    await world.db.commit()


async def test_later_than_months_compares_calendar_months_and_is_cached_by_its_shape(
    world: World,
) -> None:
    from fosterhub.reports.dialect import later_than_months

    start = literal(datetime(2026, 1, 31, 12, tzinfo=UTC), UTCDateTime())
    cases = [
        # 31 January + 1 month is the last day of February, on London's wall clock.
        (datetime(2026, 2, 28, 12, 30, tzinfo=UTC), 1, True),
        (datetime(2026, 2, 28, 11, 30, tzinfo=UTC), 1, False),
        (datetime(2026, 9, 30, 10, 59, tzinfo=UTC), 8, False),  # 11:59 in summer time
        (datetime(2026, 9, 30, 11, 1, tzinfo=UTC), 8, True),
    ]
    for end, months, expected in cases:
        query = select(later_than_months(literal(end, UTCDateTime()), start, months))
        assert bool(await world.db.scalar(query)) is expected, (end, months)
    # The months are a bound value: one compiled statement serves every number of months.
    one = select(later_than_months(start, start, 1))
    eight = select(later_than_months(start, start, 8))
    one_key, eight_key = one._generate_cache_key(), eight._generate_cache_key()
    assert one_key is not None and one_key == eight_key
