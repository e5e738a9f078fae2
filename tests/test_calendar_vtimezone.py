"""The VTIMEZONE we write reads, hour by hour for ten years, exactly as zoneinfo says.

Three readers of the component itself (not of the TZID name): dateutil's ``tzical`` (what
vobject uses), icalendar's ``Timezone.to_tz(lookup_tzid=False)``, and vobject in a
separate process (it caches zones by TZID for the whole process).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz as dateutil_tz
from icalendar import Calendar, Timezone

from tests import calendar_sample as sample
from tyonohjaus_cli.calendar import ics
from tyonohjaus_cli.calendar.vtimezone import observances, transitions

FIRST_YEAR, YEARS = 2027, 10
"""Meetings in 2027: the VTIMEZONE is checked for 2027-2036 (its rules reach on)."""

ZONES = [
    "Europe/Stockholm",
    "America/New_York",
    "Australia/Sydney",  # summer time across the new year
    "Asia/Tokyo",  # no changes at all
    "Asia/Jerusalem",  # "the Friday on or after 23 March": neither n-th nor last
    "America/Santiago",  # changes at midnight
    "Pacific/Chatham",  # offsets of 45 minutes
    "Africa/Casablanca",  # no yearly pattern (Ramadan)
]


def vtimezone_text(key: str) -> str:
    """The VTIMEZONE of a calendar in ``key`` with meetings in :data:`FIRST_YEAR`, as exported."""
    settings = sample.settings()._replace(timezone=key)
    data = ics.calendar_file(sample.process(), sample.client(), settings).decode()
    assert data.count("BEGIN:VTIMEZONE") == 1
    return data[data.index("BEGIN:VTIMEZONE") : data.index("END:VTIMEZONE") + len("END:VTIMEZONE")]


def hours(first_year: int, years: int) -> Iterator[datetime]:
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(first_year + years, 1, 1, tzinfo=UTC)
    while moment < end:
        yield moment
        moment += timedelta(hours=1)


def around_changes(zone: ZoneInfo, first_year: int, years: int) -> Iterator[datetime]:
    """Every 6 hours, and every hour for two days either side of each change (faster)."""
    near = {
        change.instant.replace(minute=0, second=0) + timedelta(hours=offset)
        for change in transitions(zone, first_year, first_year + years - 1)
        for offset in range(-48, 49)
    }
    for moment in hours(first_year, years):
        if moment.hour % 6 == 0 or moment in near:
            yield moment


def mismatches(
    reader: tzinfo,
    zone: ZoneInfo,
    moments: Iterator[datetime] | None = None,
    *,
    from_utc: bool = True,
) -> list[str]:
    """Every hour where ``reader`` disagrees with zoneinfo (by default ten years, hourly).

    Calendars turn an event's wall-clock time into a moment: that direction is always
    checked. ``from_utc`` also checks the way back, which dateutil does with the textbook
    algorithm for a steady standard offset and positive DST; zones outside that
    (Morocco's negative DST, Moscow's 2011 change of standard time) are read right only
    in the first direction, by any VTIMEZONE.
    """
    wrong = []
    for moment in moments or hours(FIRST_YEAR, YEARS):
        expected = moment.astimezone(zone)
        wall = expected.replace(tzinfo=None)
        offset = wall.replace(tzinfo=reader, fold=expected.fold).utcoffset()
        back = moment.astimezone(reader).replace(tzinfo=None) if from_utc else wall
        if back != wall or offset != expected.utcoffset():
            wrong.append(
                f"{moment.isoformat()}: {back} {offset}, not {wall} {expected.utcoffset()}"
            )
    return wrong


def test_dateutil_reads_our_helsinki_vtimezone_as_zoneinfo_hour_by_hour_for_ten_years() -> None:
    reader = dateutil_tz.tzical(io.StringIO(vtimezone_text("Europe/Helsinki"))).get()
    assert mismatches(reader, ZoneInfo("Europe/Helsinki")) == []


@pytest.mark.parametrize("key", ZONES)
def test_dateutil_reads_our_vtimezone_of_other_zones_as_zoneinfo_for_ten_years(key: str) -> None:
    reader = dateutil_tz.tzical(io.StringIO(vtimezone_text(key))).get()
    zone = ZoneInfo(key)
    moments = around_changes(zone, FIRST_YEAR, YEARS)
    assert mismatches(reader, zone, moments, from_utc=key != "Africa/Casablanca") == []


def test_icalendar_reads_our_vtimezone_itself_as_zoneinfo_hour_by_hour_for_ten_years() -> None:
    key = "Europe/Helsinki"
    (component,) = Calendar.from_ical(
        f"BEGIN:VCALENDAR\r\n{vtimezone_text(key)}\r\nEND:VCALENDAR\r\n"
    ).walk("VTIMEZONE")
    assert isinstance(component, Timezone)
    reader = component.to_tz(lookup_tzid=False)
    assert mismatches(reader, ZoneInfo(key)) == []


VOBJECT_HOURLY = """
import json, sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo
import vobject

calendar = vobject.readOne(open(sys.argv[1], encoding="utf-8").read())
reader = calendar.vtimezone.gettzinfo()
zone = ZoneInfo(sys.argv[2])
moment, end = datetime(int(sys.argv[3]), 1, 1, tzinfo=UTC), datetime(int(sys.argv[4]), 1, 1, tzinfo=UTC)
wrong = checked = 0
while moment < end:
    expected = moment.astimezone(zone)
    wall = expected.replace(tzinfo=None)
    offset = wall.replace(tzinfo=reader, fold=expected.fold).utcoffset()
    if moment.astimezone(reader).replace(tzinfo=None) != wall or offset != expected.utcoffset():
        wrong += 1
    checked += 1
    moment += timedelta(hours=1)
print(json.dumps({"checked": checked, "wrong": wrong}))
"""


def test_vobject_reads_the_exported_helsinki_zone_as_zoneinfo_for_ten_years(tmp_path: Path) -> None:
    path = tmp_path / "hoitajat.ics"
    path.write_bytes(ics.calendar_file(sample.process(), sample.client(), sample.settings()))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            VOBJECT_HOURLY,
            str(path),
            "Europe/Helsinki",
            str(FIRST_YEAR),
            str(FIRST_YEAR + YEARS),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(result.stdout) == {"checked": 3653 * 24, "wrong": 0}


def test_a_rule_the_zone_gave_up_ends_with_until_and_later_changes_follow() -> None:
    """Moscow kept summer time until 2010, then stayed at +04 and went back to +03 in 2014."""
    moscow = ZoneInfo("Europe/Moscow")
    found = observances(moscow, 2008, 2009)
    ruled = [o for o in found if o.rule]
    assert len(ruled) == 2
    assert all(o.until and o.until.year == 2010 for o in ruled)
    assert [o.start.year for o in found if not o.rule] == [2011, 2014]
    text = ics.vtimezone(moscow, 2008, 2009).to_ical().decode()
    reader = dateutil_tz.tzical(io.StringIO(text)).get()
    assert mismatches(reader, moscow, hours(2009, 10), from_utc=False) == []


def test_transitions_are_found_to_the_second() -> None:
    helsinki = ZoneInfo("Europe/Helsinki")
    found = transitions(helsinki, 2027, 2027)
    assert [change.instant for change in found] == [
        datetime(2027, 3, 28, 1, 0, tzinfo=UTC),
        datetime(2027, 10, 31, 1, 0, tzinfo=UTC),
    ]
    assert [change.onset for change in found] == [
        datetime(2027, 3, 28, 3, 0),
        datetime(2027, 10, 31, 4, 0),
    ]


def test_a_zone_without_changes_is_one_standard_observance() -> None:
    (only,) = observances(ZoneInfo("Asia/Tokyo"), 2026, 2027)
    assert (only.daylight, only.start, only.offset_to, only.rule) == (
        False,
        datetime(2026, 1, 1),
        timedelta(hours=9),
        None,
    )


@pytest.mark.parametrize(
    "key",
    [
        *ZONES,
        "Europe/Helsinki",
        "Australia/Lord_Howe",  # summer time of 30 minutes
        "Antarctica/Troll",  # summer time of 2 hours
        "America/Godthab",  # a zone that gave up its changes (2023)
        "Pacific/Apia",  # gave up summer time in 2021
        "Asia/Gaza",  # rules that follow Ramadan from 2024 on
    ],
)
def test_the_years_after_the_meetings_read_weekly_find_every_change(key: str) -> None:
    """The lookahead years are sampled weekly (they only tell which rule holds): that must
    find the same changes as 12-hourly samples, to the second."""
    zone = ZoneInfo(key)
    weekly = transitions(zone, 2026, 2037, dense_until=2027)
    assert weekly == transitions(zone, 2026, 2037)
