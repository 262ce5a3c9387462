"""The SQL calendar and Python's `core.workdays` agree on which days are working days."""

from datetime import date, timedelta

from sqlalchemy import select

from fosterhub.core.workdays import is_working_day
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
