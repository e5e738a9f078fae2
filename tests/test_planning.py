"""Planning meeting dates: DST, holidays, weekends and breaks, checked against dates worked out by hand."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tyonohjaus_cli.domain.cadence import parse_cadence
from tyonohjaus_cli.domain.holidays_fi import finnish_holidays, is_eve
from tyonohjaus_cli.domain.planning import ShiftCause, plan
from tyonohjaus_cli.domain.settings import Break

HELSINKI = ZoneInfo("Europe/Helsinki")
HOLIDAYS = finnish_holidays(range(2026, 2030))


def test_holidays_include_midsummer_and_christmas_eve() -> None:
    assert HOLIDAYS[date(2027, 6, 25)] == "Midsummer Eve"
    assert HOLIDAYS[date(2027, 12, 24)] == "Christmas Eve"
    # As written in running text: "aattopäivä: juhannusaatto", "helgafton: midsommarafton".
    finnish = finnish_holidays([2027], "fi")
    assert (finnish[date(2027, 6, 25)], finnish[date(2027, 12, 6)]) == (
        "juhannusaatto",
        "itsenäisyyspäivä",
    )
    swedish = finnish_holidays([2027], "sv")
    assert (swedish[date(2027, 6, 25)], swedish[date(2027, 5, 6)]) == (
        "midsommarafton",
        "Kristi himmelsfärdsdag",
    )


def test_the_eves_are_told_from_the_holidays() -> None:
    eves = sorted(day for day in finnish_holidays(range(1990, 2060)) if is_eve(day))
    assert eves == sorted(
        day for day, name in finnish_holidays(range(1990, 2060)).items() if name.endswith(" Eve")
    )
    assert len(eves) == 2 * 70


def test_design_example_keeps_14_00_across_the_march_dst_change() -> None:
    start = datetime(2027, 1, 12, 14, 0, tzinfo=HELSINKI)
    planned = plan(start, parse_cadence("10x4w"), holidays=HOLIDAYS)
    assert [p.start.date() for p in planned] == [
        date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9), date(2027, 4, 6), date(2027, 5, 4),
        date(2027, 6, 1), date(2027, 6, 29), date(2027, 7, 27), date(2027, 8, 24), date(2027, 9, 21),
    ]  # fmt: skip
    assert all((p.start.hour, p.start.minute) == (14, 0) for p in planned)
    # 12:00 UTC in winter time (+2), 11:00 UTC in summer time (+3, from 28 March 2027).
    assert planned[2].start.astimezone(UTC).hour == 12
    assert planned[3].start.astimezone(UTC).hour == 11
    assert all(p.start.weekday() < 5 and p.start.date() not in HOLIDAYS for p in planned)


def test_three_weekly_across_june_avoids_midsummer_eve_and_the_summer_break() -> None:
    summer = Break(date(2027, 7, 5), date(2027, 8, 1))
    start = datetime(2027, 5, 14, 14, 0, tzinfo=HELSINKI)  # a Friday
    planned = plan(start, parse_cadence("6x3w"), holidays=HOLIDAYS, breaks=(summer,))
    # By hand: 25.6. is Midsummer Eve, 26.–27.6. a weekend: Mon 28.6. The next Friday (16.7.)
    # is in the break; the series goes on on the first Friday after it, 6.8., every 3 weeks.
    assert [p.start.date() for p in planned] == [
        date(2027, 5, 14), date(2027, 6, 4), date(2027, 6, 28),
        date(2027, 8, 6), date(2027, 8, 27), date(2027, 9, 17),
    ]  # fmt: skip
    assert planned[2].shifts[0].cause is ShiftCause.EVE
    assert planned[2].shifts[0].detail == "Midsummer Eve"
    assert planned[2].nominal == date(2027, 6, 25)
    assert planned[3].shifts[0].cause is ShiftCause.BREAK
    assert not planned[4].moved


def test_a_holiday_move_into_a_break_still_resumes_on_the_series_weekday() -> None:
    summer = Break(date(2027, 6, 28), date(2027, 8, 8))
    start = datetime(2027, 6, 4, 14, 0, tzinfo=HELSINKI)  # a Friday
    planned = plan(start, parse_cadence("3x3w"), holidays=HOLIDAYS, breaks=(summer,))
    # 25.6. is Midsummer Eve, the weekend follows, Monday 28.6. starts the break: the first
    # Friday after the break is 13.8.
    assert [p.start.date() for p in planned] == [
        date(2027, 6, 4),
        date(2027, 8, 13),
        date(2027, 9, 3),
    ]
    assert [s.cause for s in planned[1].shifts] == [
        ShiftCause.EVE,
        ShiftCause.WEEKEND,
        ShiftCause.BREAK,
    ]


def test_count_is_kept_and_dates_never_collide_with_a_daily_cadence() -> None:
    start = datetime(2027, 12, 22, 10, 0, tzinfo=HELSINKI)
    planned = plan(start, parse_cadence("8x1d"), holidays=HOLIDAYS)
    days = [p.start.date() for p in planned]
    assert len(days) == 8
    assert days == sorted(set(days))
    assert date(2027, 12, 24) not in days
    assert all(day.weekday() < 5 and day not in HOLIDAYS for day in days)


def test_crisis_cadence_widens() -> None:
    start = datetime(2027, 2, 1, 12, 0, tzinfo=HELSINKI)
    planned = plan(start, parse_cadence("3x1w,2x3w"), holidays=HOLIDAYS)
    gaps = [(b.nominal - a.nominal).days for a, b in itertools.pairwise(planned)]
    assert gaps == [7, 7, 21, 21]
    # The fifth falls on Easter Monday (29.3.2027) and is held on Tuesday instead.
    assert planned[4].start.date() == date(2027, 3, 30)
    assert planned[4].shifts[0].detail == "Easter Monday"


def test_a_start_on_a_weekend_moves_to_monday() -> None:
    start = datetime(2027, 1, 9, 10, 0, tzinfo=HELSINKI)  # Saturday
    first = plan(start, parse_cadence("1x1w"), holidays=HOLIDAYS)[0]
    assert first.start == datetime(2027, 1, 11, 10, 0, tzinfo=HELSINKI)
    assert first.shifts[0].cause is ShiftCause.WEEKEND


def test_wall_clock_kept_in_october_too() -> None:
    start = datetime(2027, 10, 19, 9, 0, tzinfo=HELSINKI)
    planned = plan(start, parse_cadence("3x1w"), holidays=HOLIDAYS)
    assert [p.start.utcoffset() for p in planned] == [
        timedelta(hours=3),
        timedelta(hours=3),
        timedelta(hours=2),
    ]
    assert {p.start.hour for p in planned} == {9}


def test_may_be_holiday_covers_every_finnish_holiday_of_two_centuries() -> None:
    from datetime import date, timedelta

    from tyonohjaus_cli.domain.holidays_fi import finnish_holidays, may_be_holiday

    holidays = finnish_holidays(range(1950, 2151))
    assert all(may_be_holiday(day) for day in holidays)
    # ...and rules most of the year out, which is what spares a move the calendar.
    year = [date(2027, 1, 1) + timedelta(days=n) for n in range(365)]
    assert sum(not may_be_holiday(day) for day in year) > 250
