"""The parsers of what a supervisor types: every accepted form, and clean refusals."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tyonohjaus_cli.domain import cadence, parsing
from tyonohjaus_cli.domain.models import Participant
from tyonohjaus_cli.domain.settings import Break
from tyonohjaus_cli.errors import UsageError

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.mark.parametrize(
    "text",
    [
        "2027-01-12 14:00",
        "2027-01-12T14:00",
        "12.1.2027 14:00",
        "12.1.2027 klo 14.00",
        " 12.01.2027  14.00 ",
    ],
)
def test_datetime_forms(text: str) -> None:
    assert parsing.parse_local_datetime(text) == datetime(2027, 1, 12, 14, 0)


@pytest.mark.parametrize(
    "text",
    [
        "31.2.2027 14:00",
        "2027-13-01 10:00",
        "2027-01-12",
        "12.1.2027 25:00",
        "tomorrow",
        "",
        "2027-01-12 14:60",
    ],
)
def test_datetime_refusals(text: str) -> None:
    with pytest.raises(UsageError, match=r"expected|not a"):
        parsing.parse_local_datetime(text)


def test_31_february_says_it_is_not_a_real_date() -> None:
    with pytest.raises(UsageError) as error:
        parsing.parse_date("31.2.2027")
    assert (
        error.value.message
        == "'31.2.2027' is not a real date (expected e.g. 2027-01-12, 12.1.2027)"
    )


def test_aware_time_keeps_the_wall_clock_across_dst() -> None:
    winter = parsing.parse_datetime("2027-03-23 14:00", HELSINKI)
    summer = parsing.parse_datetime("2027-03-30 14:00", HELSINKI)
    assert (winter.hour, summer.hour) == (14, 14)
    assert winter.utcoffset() == timedelta(hours=2)
    assert summer.utcoffset() == timedelta(hours=3)


def test_a_time_the_clock_skips_is_refused() -> None:
    with pytest.raises(UsageError, match="does not exist in Europe/Helsinki"):
        parsing.parse_datetime("2027-03-28 03:30", HELSINKI)


@pytest.mark.parametrize(
    ("text", "month"), [("2027-01", (2027, 1)), ("1/2027", (2027, 1)), ("12/2026", (2026, 12))]
)
def test_months(text: str, month: tuple[int, int]) -> None:
    assert parsing.parse_month(text) == parsing.Month(*month)


@pytest.mark.parametrize("text", ["2027-13", "13/2027", "2027", "jan"])
def test_month_refusals(text: str) -> None:
    with pytest.raises(UsageError, match="is not a month"):
        parsing.parse_month(text)


def test_month_neighbours() -> None:
    assert parsing.Month(2027, 1).preceding == parsing.Month(2026, 12)
    assert parsing.Month(2026, 12).following == parsing.Month(2027, 1)
    assert date(2027, 1, 31) in parsing.Month(2027, 1)


@pytest.mark.parametrize(
    ("text", "days"), [("4w", 28), ("10d", 10), ("1W", 7), ("52w", 364), ("366d", 366)]
)
def test_intervals(text: str, days: int) -> None:
    assert parsing.parse_interval(text) == timedelta(days=days)


@pytest.mark.parametrize(
    "text", ["0w", "4", "w", "-2w", "4x", "53w", "367d", "1000w", "9" * 30 + "w"]
)
def test_interval_refusals(text: str) -> None:
    with pytest.raises(
        UsageError, match=r"is not an interval \(expected e.g. 4w or 10d, at most a year\)"
    ):
        parsing.parse_interval(text)


@pytest.mark.parametrize(
    ("text", "minutes"), [("90", 90), ("90min", 90), ("1h30", 90), ("2h", 120), ("45 min", 45)]
)
def test_durations(text: str, minutes: int) -> None:
    assert parsing.parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["0", "", "h", "1h70x", "900", "-5", "1440", "13h", "9" * 30])
def test_duration_refusals(text: str) -> None:
    with pytest.raises(UsageError, match=r"is not a duration .* at most 12 h\)"):
        parsing.parse_duration(text)


def test_cadence_for_crisis_work() -> None:
    crisis = cadence.parse_cadence("3x1w,6x3w")
    assert crisis.count == 9
    assert [(s.count, s.interval.days) for s in crisis.steps] == [(3, 7), (6, 21)]
    assert str(crisis) == "3x1w,6x3w"


@pytest.mark.parametrize("text", ["3x", "x1w", "0x1w", "3x1w,", "3*1w", "300x1w"])
def test_cadence_refusals(text: str) -> None:
    with pytest.raises(UsageError):
        cadence.parse_cadence(text)


def test_a_cadence_of_too_many_meetings_says_how_many_may_be() -> None:
    with pytest.raises(UsageError, match=r"^a process has 1 to 200 meetings, not 1000$"):
        cadence.parse_cadence("1000x1d")


@pytest.mark.parametrize(
    ("text", "amount"),
    [("95", "95.00"), ("95.5", "95.50"), ("95,50", "95.50"), ("1 234,50 €", "1234.50")],
)
def test_money(text: str, amount: str) -> None:
    assert parsing.parse_money(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["-5", "9.999", "abc", "", "1e3", "nan"])
def test_money_refusals(text: str) -> None:
    with pytest.raises(UsageError, match="is not an amount"):
        parsing.parse_money(text)


def test_break_and_participant() -> None:
    assert parsing.parse_break("2027-06-21..2027-08-08") == Break(
        date(2027, 6, 21), date(2027, 8, 8)
    )
    assert parsing.parse_participant("Aino Virtanen <aino@example.fi>") == Participant(
        "Aino Virtanen", "aino@example.fi"
    )
    assert parsing.parse_participant("Aino") == Participant("Aino")
    with pytest.raises(UsageError, match="ends before it starts"):
        parsing.parse_break("2027-08-08..2027-06-21")


@pytest.mark.parametrize(
    ("text", "name"),
    [("Pohjoisen hyvinvointialue", "Pohjoisen hyvinvointialue"), ("  Aino  ", "Aino"),
     ("Åsa Öberg-Ääri", "Åsa Öberg-Ääri"), ("x" * 200, "x" * 200)],
)  # fmt: skip
def test_a_name_is_stripped(text: str, name: str) -> None:
    assert parsing.parse_name(text) == name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is not a name (expected some text, not only spaces)"),
        (" \t ", "is not a name (expected some text, not only spaces)"),
        ("Aino\nVirtanen", "is not a name (expected one line, without line breaks"),
        ("Aino\rVirtanen", "is not a name (expected one line, without line breaks"),
        ("Aino\u2028Virtanen", "is not a name (expected one line, without line breaks"),
        ("Aino\x1b[31m", "is not a name (expected one line, without line breaks"),
        ("x" * 201, "a name of 201 characters is too long (expected at most 200)"),
    ],
)
def test_name_refusals(text: str, message: str) -> None:
    with pytest.raises(UsageError) as refused:
        parsing.parse_name(text)
    assert message in refused.value.message
    assert "\n" not in refused.value.message


def test_a_participant_s_name_is_one_line() -> None:
    with pytest.raises(UsageError, match="expected one line"):
        parsing.parse_participant("Aino\nVirtanen <aino@example.fi>")


@pytest.mark.parametrize("text", ["Pohde", "a b", "-x", "", "ä", "x" * 65])
def test_id_refusals(text: str) -> None:
    with pytest.raises(UsageError, match="is not a valid client id"):
        parsing.parse_id(text, "client")


PARSERS = [
    parsing.parse_date,
    parsing.parse_local_datetime,
    parsing.parse_month,
    parsing.parse_interval,
    parsing.parse_duration,
    cadence.parse_cadence,
    parsing.parse_money,
    parsing.parse_percent,
    parsing.parse_break,
    parsing.parse_participant,
    parsing.parse_email,
    parsing.parse_name,
    lambda text: parsing.parse_id(text, "client"),
]


@pytest.mark.parametrize("parse", PARSERS)
@given(text=st.text(max_size=40))
def test_parsers_accept_or_refuse_cleanly(parse: object, text: str) -> None:
    """Whatever is typed, a parser gives a value or a UsageError: never another exception."""
    assert callable(parse)
    try:
        parse(text)
    except UsageError as error:
        assert "\n" not in error.message or "\n" in text  # noqa: PT017 - any input, not one error


@given(st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trips(amount: Decimal) -> None:
    assert parsing.parse_money(f"{amount:.2f}") == amount
    assert parsing.parse_money(f"{amount:.2f}".replace(".", ",")) == amount


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_dates_round_trip_in_both_forms(day: date) -> None:
    assert parsing.parse_date(day.isoformat()) == day
    assert parsing.parse_date(f"{day.day}.{day.month}.{day.year}") == day


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(-1200, 1200))
def test_a_month_shifted_is_that_many_months_on(year: int, month: int, months: int) -> None:
    start = parsing.Month(year, month)
    shifted = start.shifted(months)
    assert 1 <= shifted.month <= 12
    assert (shifted.year - year) * 12 + shifted.month - month == months
    assert parsing.Month(2027, 2).shifted(-36) == parsing.Month(2024, 2)
