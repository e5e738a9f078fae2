"""tyo's iCalendar writer gives the bytes icalendar 7 gives for the same values.

icalendar wrote tyo's calendars before :mod:`tyonohjaus_cli.calendar.lines` did; with it as
the reference, a store's calendars stay the same bytes (UIDs, folds, escapes and all), and
the golden files in ``tests/golden/calendar`` did not change.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import vCalAddress, vDuration, vRecur, vText, vUTCOffset
from icalendar.cal import Event
from icalendar.parser import Contentline, Parameters
from icalendar.timezone.tzid import tzid_from_dt

from tyonohjaus_cli.calendar import lines

# Any text a store can hold on one line, and then some: escapes, carets, quotes, non-BMP.
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=300)
ONE_LINE = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=200)
CONTENT_LINE: Any = Contentline
PIECES = st.lists(
    st.sampled_from(["\\", "^", "ä", "€", "𝄞", "a", ",", ";", " "]), min_size=60, max_size=300
)


@given(TEXT)
def test_text_values_are_escaped_as_icalendar_does(value: str) -> None:
    assert lines.text(value) == ical(vText(value))


@given(st.one_of(ONE_LINE, PIECES.map("".join)))
def test_lines_are_folded_as_icalendar_folds_them(value: str) -> None:
    line = f"DESCRIPTION:{value}"
    assert lines.fold(line) == ical(CONTENT_LINE(line))


def ical(value: Any) -> str:
    """What icalendar writes for a value of one of its types (a few give str, most bytes)."""
    written = value.to_ical()
    return written.decode() if isinstance(written, bytes) else str(written)


class _Quoted(Parameters):
    quote_also = {**Parameters.quote_also, "CN": " '\\"}  # noqa: RUF012


@given(ONE_LINE, st.sampled_from(["a@example.fi", "x.y@esimerkki.fi"]))
@settings(max_examples=300)
def test_addresses_and_their_parameters_are_written_as_icalendar_does(
    name: str, email: str
) -> None:
    parameters = [("CN", name), ("CUTYPE", "INDIVIDUAL"), ("RSVP", "TRUE")]
    value = vCalAddress(f"mailto:{email}")
    value.params = _Quoted(dict(parameters))
    event = Event()
    event.add("attendee", value)
    expected = event.content_lines(sorted=False)[1]
    assert lines.address("ATTENDEE", email, parameters) == expected


@given(st.integers(min_value=-26 * 3600, max_value=26 * 3600))
def test_utc_offsets_are_written_as_icalendar_does(seconds: int) -> None:
    offset = timedelta(seconds=seconds)
    assert lines.utc_offset(offset) == ical(vUTCOffset(offset))


@given(st.integers(min_value=0, max_value=7 * 24 * 60 * 60))
def test_reminder_durations_are_written_as_icalendar_does(seconds: int) -> None:
    for span in (timedelta(seconds=-seconds), timedelta(seconds=seconds)):
        assert lines.duration(span) == ical(vDuration(span))


@given(
    st.fixed_dictionaries(
        {"FREQ": st.just("YEARLY"), "BYMONTH": st.integers(1, 12)},
        optional={
            "BYDAY": st.sampled_from(["-1SU", "2SU", "SA", "1FR"]),
            "BYMONTHDAY": st.lists(st.integers(1, 31), min_size=1, max_size=7),
            "UNTIL": st.datetimes(
                min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)
            ).map(lambda moment: moment.replace(microsecond=0, tzinfo=UTC)),
        },
    )
)
def test_yearly_rules_are_written_as_icalendar_does(parts: dict[str, object]) -> None:
    assert lines.recur(parts) == ical(vRecur(dict(parts)))


def test_every_zone_writes_its_times_as_icalendar_does() -> None:
    moment = datetime(2027, 3, 28, 2, 59, 59)
    for key in sorted(zoneinfo.available_timezones()):
        local = moment.replace(tzinfo=ZoneInfo(key))
        event = Event()
        event.add("dtstart", local)
        assert lines.timed("DTSTART", local) == event.content_lines(sorted=False)[1], key
        assert (key in lines.UTC_ZONES) == (tzid_from_dt(local) == "UTC"), key
    for plain in (moment, moment.replace(tzinfo=UTC)):
        event = Event()
        event.add("dtstart", plain)
        assert lines.timed("DTSTART", plain) == event.content_lines(sorted=False)[1]
