"""Other programs read what tyo writes: icalendar, vobject and khal, and text round-trips.

vobject runs in a separate process: it keeps the first VTIMEZONE it meets for a TZID for
the rest of the process, so an in-process check could pass on another file's zone.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import vobject
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from tests import calendar_sample as sample
from tyonohjaus_cli.calendar import ics
from tyonohjaus_cli.calendar.choices import Method
from tyonohjaus_cli.domain.models import Participant, Venue

VOBJECT_EVENTS = """
import json, sys
import vobject

calendar = vobject.readOne(open(sys.argv[1], encoding="utf-8").read())
calendar.validate(raiseException=True)
method = calendar.method.value if hasattr(calendar, "method") else ""
print(json.dumps([
    {
        "method": method,
        "uid": event.uid.value,
        "sequence": event.sequence.value if hasattr(event, "sequence") else "",
        "start": event.dtstart.value.isoformat(),
        "end": event.dtend.value.isoformat(),
        "summary": event.summary.value,
        "status": event.status.value,
    }
    for event in calendar.vevent_list
]))
"""


def vobject_events(path: Path) -> list[dict[str, str]]:
    result = subprocess.run(
        [sys.executable, "-c", VOBJECT_EVENTS, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    events: list[dict[str, str]] = json.loads(result.stdout)
    return events


def expected_times() -> list[tuple[str, str, str]]:
    """(UID, start, end) with offsets, in time order, as zoneinfo says."""
    return [
        (m.uid, m.start.isoformat(), (m.start + timedelta(minutes=m.minutes)).isoformat())
        for m in sample.changed_process().in_order()
    ]


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "hoitajat-2027.ics"
    path.write_bytes(
        ics.calendar_file(sample.changed_process(), sample.client(), sample.settings())
    )
    return path


def test_the_example_crosses_the_end_of_summer_time() -> None:
    offsets = [m.start.utcoffset() for m in sample.process().in_order()]
    assert offsets == [timedelta(hours=3)] * 5 + [timedelta(hours=2)] * 5


def test_icalendar_reads_every_meeting_at_its_local_time(exported: Path) -> None:
    events: list[Any] = list(Calendar.from_ical(exported.read_bytes()).walk("VEVENT"))
    found = [
        (str(e["UID"]), e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat())
        for e in events
    ]
    assert found == expected_times()


def test_vobject_reads_every_meeting_at_its_local_time(exported: Path) -> None:
    events = vobject_events(exported)
    assert [(e["uid"], e["start"], e["end"]) for e in events] == expected_times()
    assert [e["start"][11:] for e in events if e["status"] == "CONFIRMED"] == [
        "14:00:00+03:00",
        "14:00:00+03:00",
        "15:00:00+03:00",  # meeting 3, moved to 15:00
        "14:00:00+03:00",
        "14:00:00+02:00",
        "14:00:00+02:00",
        "14:00:00+02:00",
        "14:00:00+02:00",
        "14:00:00+02:00",
    ]


@pytest.mark.parametrize(
    ("n", "method", "expected"),
    [
        (3, Method.REQUEST, ("REQUEST", "1", "2027-10-13T15:00:00+03:00", "CONFIRMED")),
        (4, Method.CANCEL, ("CANCEL", "1", "2027-10-19T14:00:00+03:00", "CANCELLED")),
        (7, Method.REQUEST, ("REQUEST", "0", "2027-11-09T14:00:00+02:00", "CONFIRMED")),
    ],
)
def test_vobject_validates_and_reads_the_invitations(
    tmp_path: Path, n: int, method: Method, expected: tuple[str, ...]
) -> None:
    path = tmp_path / f"{n}.ics"
    process = sample.changed_process()
    path.write_bytes(ics.invitation(process, sample.client(), sample.settings(), n, method))
    (event,) = vobject_events(path)
    assert (event["method"], event["sequence"], event["start"], event["status"]) == expected
    assert event["uid"] == sample.uid(n)


def test_vobject_check_is_not_vacuous_it_reads_the_vtimezone(tmp_path: Path) -> None:
    """Fed icalendar's own RDATE-form VTIMEZONE, vobject puts summer meetings an hour off.

    So vobject reads the VTIMEZONE in the file, not the zone its TZID names, and the check
    above really checks ours. (If icalendar or vobject ever change, this shows it.)
    """
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    for meeting in sample.process().in_order():
        event = Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", datetime(2027, 9, 1, tzinfo=UTC))
        event.add("dtstart", meeting.start)
        event.add("dtend", meeting.end)
        event.add("summary", "x")
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    path = tmp_path / "rdate.ics"
    path.write_bytes(calendar.to_ical())
    starts = [e["start"] for e in vobject_events(path)]
    assert "RDATE" in path.read_text()
    assert starts[0] == "2027-09-28T14:00:00+02:00"  # an hour off: it is summer time
    assert starts[0] != sample.FIRST.isoformat()


def khal(tmp_path: Path, *args: str) -> str:
    """Run khal with a config of its own, its local zone UTC: it must convert our times."""
    calendars = tmp_path / "khal-calendars"
    calendars.mkdir(exist_ok=True)
    config = tmp_path / "khal.conf"
    config.write_text(
        "[calendars]\n[[tyo]]\n"
        f"path = {calendars}\n"
        "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
        encoding="utf-8",
    )
    executable = Path(sys.executable).with_name("khal")
    result = subprocess.run(
        [str(executable), "-c", str(config), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=tmp_path,
        env={"PATH": str(executable.parent), "HOME": str(tmp_path), "LANG": "C.UTF-8"},
    )
    return result.stdout


def test_khal_printics_lists_every_meeting_at_its_time(exported: Path, tmp_path: Path) -> None:
    shown = khal(tmp_path, "printics", "--format", "{start} {end} {title}", str(exported))
    lines = shown.splitlines()
    assert lines[0] == f"10 events found in {exported}"
    title = "Työnohjaus: Hoitajien ryhmätyönohjaus"
    expected = [
        f"{m.start.astimezone(UTC):%Y-%m-%d %H:%M} {m.end.astimezone(UTC):%Y-%m-%d %H:%M} {title}"
        for m in sample.changed_process().in_order()
    ]
    assert lines[1:] == expected
    # Summer time, then standard time: 14:00 in Helsinki is 11:00, then 12:00 UTC.
    assert lines[1].startswith("2027-09-28 11:00 2027-09-28 12:30 ")
    assert lines[-1].startswith("2027-11-30 12:00 2027-11-30 13:30 ")


# --- text round trip -------------------------------------------------------------------

TRICKY = ",;:\"\n\\äöåÄÖÅ'^ "
text = st.text(
    alphabet=st.sampled_from(list(TRICKY) + list("abcxyzABC019-.@/")), min_size=1, max_size=90
).filter(lambda value: value.strip() != "")


def rfc6868_decoded(value: str) -> str:
    """A parameter value as RFC 6868 decodes it: ``^'`` a quote, ``^n`` a newline, ``^^``."""
    return re.sub(r"\^([n'^])", lambda m: {"n": "\n", "'": '"', "^": "^"}[m[1]], value)


def test_a_name_in_cn_keeps_its_quotes_and_backslashes_in_icalendar_and_vobject() -> None:
    name = 'Aino "Ani" Virtanen \\ ^Tiimi'
    process = sample.process()._replace(participants=(Participant(name, "aino@example.fi"),))
    invitation = ics.invitation(process, sample.client(), sample.settings(), 1, Method.REQUEST)
    assert b"""ATTENDEE;CN="Aino ^'Ani^' Virtanen \\ ^^Tiimi";""" in invitation
    (event,) = Calendar.from_ical(invitation).walk("VEVENT")
    assert event["ATTENDEE"].params["CN"] == name
    parsed = vobject.readOne(invitation.decode("utf-8")).vevent
    assert rfc6868_decoded(parsed.attendee.params["CN"][0]) == name


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text, place=text, names=st.lists(text, min_size=1, max_size=4))
def test_names_places_and_titles_round_trip_through_icalendar_and_vobject(
    title: str, place: str, names: list[str]
) -> None:
    process = sample.process()._replace(
        title=title,
        venue=Venue(place=place),
        participants=tuple(
            Participant(name, f"p{index}@example.fi") for index, name in enumerate(names)
        ),
    )
    client, settings_ = sample.client("en"), sample.settings()
    calendar_file = ics.calendar_file(process, client, settings_)
    invitation = ics.invitation(process, client, settings_, 1, Method.REQUEST)
    summary = f"Work supervision: {title}"
    participants = "Participants: " + "; ".join(names)

    for data in (calendar_file, invitation):
        physical = data.split(b"\r\n")
        assert physical[-1] == b""
        for line in physical:
            assert len(line) <= 75
            line.decode("utf-8")
        assert b"\n" not in data.replace(b"\r\n", b"")

    read: Any = Calendar.from_ical(calendar_file).walk("VEVENT")[0]
    assert (read["SUMMARY"], read["LOCATION"]) == (summary, place)
    assert participants in read["DESCRIPTION"]
    again = vobject.readOne(calendar_file.decode("utf-8")).vevent
    assert (again.summary.value, again.location.value) == (summary, place)
    assert participants in again.description.value

    # In a parameter (CN) a name is one line with its quotes, carets and backslashes as
    # typed: icalendar decodes RFC 6868, vobject leaves it encoded (decoded here).
    cns = [" ".join(name.split()) for name in names]
    # icalendar's reader takes a backslash before , ; : or \ in a parameter as an escape.
    assume(not any(re.search(r"\\[,;:\\]", cn) for cn in cns))
    invited: Any = Calendar.from_ical(invitation).walk("VEVENT")[0]
    attendees = (
        invited["ATTENDEE"] if isinstance(invited["ATTENDEE"], list) else [invited["ATTENDEE"]]
    )
    assert [a.params["CN"] for a in attendees] == cns
    assert invited["SUMMARY"] == summary
    parsed = vobject.readOne(invitation.decode("utf-8")).vevent
    assert [rfc6868_decoded(a.params["CN"][0]) for a in parsed.attendee_list] == cns
    assert parsed.summary.value == summary
