"""The supervisor's own calendar (``tyo ics --every-process``), from events already written.

Each meeting is an :class:`OwnEvent`: its VEVENT written out, and what the calendar and the
vdir need of the meeting besides. A calendar of every open process is put together from
them with one VTIMEZONE for all its years, and a vdir file from one of them with its year's;
so events kept in ``.cache/`` (:mod:`tyonohjaus_cli.usecases.own_calendar`) make a calendar
without a process read or decoded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple
from zoneinfo import ZoneInfo

PRODID = "-//tyo//tyonohjaus-cli//EN"
HEAD = (
    b"BEGIN:VCALENDAR\r\nPRODID:-//tyo//tyonohjaus-cli//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n"
)
"""How icalendar begins the VCALENDAR of an import file (tests/test_calendar_kept.py checks
it), so that kept events make a calendar without icalendar imported."""
END = b"END:VCALENDAR\r\n"

Timezones = Callable[[ZoneInfo, int, int], bytes]
"""The written VTIMEZONE of a zone for events from one year to another."""


class OwnEvent(NamedTuple):
    """One meeting of the supervisor's own calendar."""

    uid: str
    start: int
    """POSIX seconds."""
    year: int
    """The year it starts in, in the store's zone."""
    data: bytes
    """The VEVENT, folded, each line ended by CRLF, in UTF-8."""


def computed(zone: ZoneInfo, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE derived from zoneinfo (:mod:`tyonohjaus_cli.calendar.vtimezone`), as
    icalendar writes it."""
    from tyonohjaus_cli.calendar.ics import vtimezone

    return bytes(vtimezone(zone, first_year, last_year).to_ical(sorted=False))


def span(years: Sequence[int]) -> tuple[int, int]:
    """The years a VTIMEZONE covers for events in ``years``: from the year before the first,
    so that every event follows an onset."""
    return min(years) - 1, max(years)


def own_calendar(events: Sequence[OwnEvent], zone: ZoneInfo, timezones: Timezones) -> bytes:
    """One VCALENDAR with ``events`` in their order, and their VTIMEZONE if there are any."""
    if not events:
        return HEAD + END
    timezone = timezones(zone, *span([event.year for event in events]))
    return b"".join([HEAD, timezone, *(event.data for event in events), END])


def own_event_file(event: OwnEvent, zone: ZoneInfo, timezones: Timezones) -> bytes:
    """One calendar object (RFC 4791: a VCALENDAR, one VEVENT, its VTIMEZONE) for a vdir."""
    return b"".join([HEAD, timezones(zone, *span([event.year])), event.data, END])
