"""iCalendar text (RFC 5545): content lines, their values and parameters, and folding.

The bytes are those icalendar 7 wrote for the same values, so that a store gives the same
files as before; ``tests/test_calendar_lines.py`` compares the two on generated values.
icalendar itself is not imported for writing: its import took longer than everything else
``tyo ics`` does (~20 ms of ~90, ``python -X importtime``), and its serialising a third of
a second for the supervisor's own calendar.

A component is a list of unfolded lines (``["BEGIN:VEVENT", ..., "END:VEVENT"]``);
:func:`to_bytes` folds and joins them, and :func:`vcalendar` puts written components into
one calendar object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

PRODID = "-//tyo//tyonohjaus-cli//EN"

UTC_ZONES = frozenset(
    {
        "Africa/Abidjan",
        "Africa/Accra",
        "Africa/Bamako",
        "Africa/Banjul",
        "Africa/Conakry",
        "Africa/Dakar",
        "Africa/Freetown",
        "Africa/Lome",
        "Africa/Nouakchott",
        "Africa/Ouagadougou",
        "Africa/Timbuktu",
        "Atlantic/Reykjavik",
        "Atlantic/St_Helena",
        "Etc/GMT",
        "Etc/GMT+0",
        "Etc/GMT-0",
        "Etc/GMT0",
        "Etc/Greenwich",
        "Etc/UCT",
        "Etc/UTC",
        "Etc/Universal",
        "Etc/Zulu",
        "GMT",
        "GMT+0",
        "GMT-0",
        "GMT0",
        "Greenwich",
        "Iceland",
        "UCT",
        "UTC",
        "Universal",
        "Zulu",
    }
)
"""Zones whose times are written in UTC (``...Z``, no TZID), as icalendar 7 took them to
be UTC itself; the test checks the set against icalendar for every zone of the system."""

_RECUR_ORDER = ("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH")
"""The order of RRULE parts (RFC 5545 §3.3.10): some readers look for FREQ first."""

_CARET_ESCAPES = {"^": "^^", "\r\n": "^n", "\r": "^n", "\n": "^n", '"': "^'"}
_CARET = re.compile('\\^|\r\n|\r|\n|"')
_QUOTABLE = re.compile("[,;:\N{RIGHT SINGLE QUOTATION MARK}]")

_CN_QUOTED = " '\\"
"""Characters for which a CN is always quoted (icalendar quotes names with a space or ``'``)."""

_LIMIT = 75
"""A line is folded before it would reach this many octets."""


def text(value: str) -> str:
    """A TEXT value: backslash, ``;`` and ``,`` escaped, line breaks as ``\\n``."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def parameter(value: str, quote_also: str = "") -> str:
    """A parameter value: RFC 6868 carets for ``^``, ``"`` and line breaks; in quotes
    when it holds ``,;:`` (or one of ``quote_also``)."""
    quote = any(char in value for char in quote_also)
    value = _CARET.sub(lambda found: _CARET_ESCAPES[found.group()], value)
    if quote or _QUOTABLE.search(value):
        return f'"{value}"'
    return value


def _stamp(moment: datetime) -> str:
    return (
        f"{moment.year:04}{moment.month:02}{moment.day:02}"
        f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    )


def _zone_id(moment: datetime) -> str | None:
    zone = moment.tzinfo
    if zone is None:
        return None
    key = zone.key if isinstance(zone, ZoneInfo) else zone.tzname(moment)
    return "UTC" if key in UTC_ZONES else key


def date_time(moment: datetime) -> str:
    """A DATE-TIME value: ``...Z`` in UTC, else the wall-clock time (TZID says where)."""
    return _stamp(moment) + ("Z" if _zone_id(moment) == "UTC" else "")


def timed(name: str, moment: datetime) -> str:
    """``DTSTART;TZID=Europe/Helsinki:20261116T090000``; in UTC ``DTSTAMP:...Z``."""
    zone = _zone_id(moment)
    if zone is None or zone == "UTC":
        return f"{name}:{date_time(moment)}"
    return f"{name};TZID={parameter(zone)}:{date_time(moment)}"


def utc_offset(offset: timedelta) -> str:
    """A UTC-OFFSET value: ``+0200``, ``-0330``, ``+013952`` with seconds."""
    sign = "-" if offset < timedelta(0) else "+"
    offset = abs(offset)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    if seconds:
        return f"{sign}{hours:02}{minutes:02}{seconds:02}"
    return f"{sign}{hours:02}{minutes:02}"


def duration(span: timedelta) -> str:
    """A DURATION value: ``-PT30M``, ``-PT1H30M``, ``-P7D``, ``P0D``."""
    sign = ""
    if span.days < 0:
        sign, span = "-", -span
    time = ""
    if span.seconds:
        hours, minutes, seconds = span.seconds // 3600, span.seconds % 3600 // 60, span.seconds % 60
        time = "T" + (f"{hours}H" if hours else "")
        time += f"{minutes}M" if minutes or (hours and seconds) else ""
        time += f"{seconds}S" if seconds else ""
    if span.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{span.days}D{time}"


def recur(parts: Mapping[str, object]) -> str:
    """A RECUR value: ``FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3``, its parts in the RFC's order."""

    def value(part: object) -> str:
        if isinstance(part, datetime):
            return date_time(part)
        if isinstance(part, list | tuple):
            return ",".join(value(item) for item in part)
        return str(part).upper()

    ordered = sorted(parts, key=_RECUR_ORDER.index)
    return ";".join(f"{key}={value(parts[key])}" for key in ordered)


def address(name: str, email: str, parameters: Iterable[tuple[str, str]]) -> str:
    """``ATTENDEE;CN="Aino Virtanen";...:mailto:aino@example.fi``.

    A CN with a space, quote or backslash is always quoted: unquoted, a trailing backslash
    would escape the ``;`` after it for icalendar and vobject.
    """
    written = "".join(
        f";{key}={parameter(value, _CN_QUOTED if key == 'CN' else '')}" for key, value in parameters
    )
    return f"{name}{written}:mailto:{email}"


def fold(line: str) -> str:
    """The line in pieces of under 75 octets, each after the first led by a space; never
    between whole UTF-8 characters, nor just after a ``\\`` or ``^`` that may escape the
    next character (icalendar's rule, for readers that unfold badly)."""
    if len(line) < _LIMIT and len(line.encode()) < _LIMIT:
        return line
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for char in line:
        size = 1 if char < "\x80" else len(char.encode())
        if current and count + size >= _LIMIT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, count = [carried], 1
            else:
                pieces.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += size
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def to_text(lines: Iterable[str]) -> str:
    """Content lines folded, each ended by CRLF."""
    return "".join(f"{fold(line)}\r\n" for line in lines)


def to_bytes(lines: Iterable[str]) -> bytes:
    """:func:`to_text` in UTF-8: a written component."""
    return to_text(lines).encode()


def vcalendar(method: str | None, components: Iterable[bytes]) -> bytes:
    """A VCALENDAR of tyo's around written components (:func:`to_bytes`)."""
    head = ["BEGIN:VCALENDAR", *([f"METHOD:{method}"] if method else [])]
    head += [f"PRODID:{text(PRODID)}", "VERSION:2.0", "CALSCALE:GREGORIAN"]
    return b"".join([to_bytes(head), *components, b"END:VCALENDAR\r\n"])
