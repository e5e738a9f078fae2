"""What calendar exports keep in ``.cache/``: derived, and safe to delete or damage.

- ``.cache/calendars/<process>.events``: an open process's events for the supervisor's own
  calendar as written, under what they were made of (the files' stamps, tyo's version, the
  language and the options: :mod:`tyonohjaus_cli.usecases.own_calendar`);
- ``.cache/calendars/<process>.ics``: a process's calendar file (``tyo ics PROCESS``) as
  written, under what it was made of (:mod:`tyonohjaus_cli.usecases.process_calendar`);
- ``.cache/vtimezones.json``: written VTIMEZONE components by zone and years, under tyo's
  version and the stamp of the zone's file, so that a tzdata update derives them again.

Only what a calendar file shows is kept: never a session note (they are not read here).
Anything unreadable or misshapen counts as absent and is made again.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli import __version__
from tyonohjaus_cli.storage.files import atomic_write, read_bytes
from tyonohjaus_cli.storage.index import CACHE, Memo

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from tyonohjaus_cli.calendar.own import Timezones

EVENTS = "calendars"
ZONES = "vtimezones"
_VERSION = 1

Row = tuple[str, int, int, bytes]
"""A written event: UID, start (POSIX seconds), year in the store's zone, its bytes."""


def _events_path(root: Path, process_id: str) -> str:
    return f"{root}/{CACHE}/{EVENTS}/{process_id}.events"


def kept_events(root: Path, process_id: str, inputs: list[Any]) -> list[Row] | None:
    """The events kept for ``process_id`` if they were made of exactly ``inputs``.

    The file is a line of JSON (what the events are made of; each event's UID, start, year
    and length) and the events' bytes after it, read back without decoding them.
    """
    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
        head, _, body = read_bytes(_events_path(root, process_id)).partition(b"\n")
        version, made_of, heads = json.loads(head)
        if version != _VERSION or made_of != inputs:
            return None
        rows: list[Row] = []
        at = 0
        for uid, start, year, size in heads:  # 1,400 events of 130 processes: tested inline
            if not (
                type(uid) is str
                and type(start) is int
                and type(year) is int
                and type(size) is int
                and size >= 0
            ):
                return None
            rows.append((uid, start, year, body[at : at + size]))
            at += size
        return rows if at == len(body) else None
    return None


def _calendar_path(root: Path, process_id: str) -> str:
    return f"{root}/{CACHE}/{EVENTS}/{process_id}.ics"


def kept_calendar(root: Path, process_id: str, inputs: list[Any]) -> bytes | None:
    """The calendar file kept for ``process_id`` if it was made of exactly ``inputs``.

    The file is a line of JSON (what it is made of, and the calendar's length) and the
    calendar's bytes after it; one cut short or grown counts as absent.
    """
    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
        head, _, body = read_bytes(_calendar_path(root, process_id)).partition(b"\n")
        version, made_of, size = json.loads(head)
        if version == _VERSION and made_of == inputs and _integers(size) and size == len(body):
            return body
    return None


def keep_calendar(root: Path, process_id: str, inputs: list[Any], data: bytes) -> None:
    """Keep ``data`` as ``process_id``'s calendar file under ``inputs``; a store we can't
    write keeps none."""
    head = json.dumps([_VERSION, inputs, len(data)], separators=(",", ":"))
    with contextlib.suppress(OSError):
        atomic_write(
            Path(_calendar_path(root, process_id)),
            b"".join([head.encode(), b"\n", data]),
            durable=False,
        )


def _integers(*values: object) -> bool:
    return all(type(value) is int for value in values)


def keep_events(root: Path, process_id: str, inputs: list[Any], rows: Sequence[Row]) -> None:
    """Keep ``rows`` for ``process_id`` under ``inputs``; a store we can't write keeps none."""
    heads = [[uid, start, year, len(data)] for uid, start, year, data in rows]
    head = json.dumps([_VERSION, inputs, heads], separators=(",", ":"))
    data = b"".join([head.encode(), b"\n", *(data for *_, data in rows)])
    with contextlib.suppress(OSError):
        atomic_write(Path(_events_path(root, process_id)), data, durable=False)


def _identity(path: Path) -> list[Any] | None:
    try:
        info = path.stat()  # a zone may be a link to another: its file is what is read
    except OSError:
        return None
    return [str(path), info.st_mtime_ns, info.st_size] if path.is_file() else None


def zone_file(key: str) -> list[Any] | None:
    """``[path, mtime_ns, size]`` of the file zoneinfo reads ``key`` from (the system's
    zoneinfo first, then the tzdata package), or None if there is none."""
    for folder in zoneinfo.TZPATH:
        found = _identity(Path(folder, key))
        if found is not None:
            return found
    spec = importlib.util.find_spec("tzdata")
    if spec is None or not spec.origin:
        return None
    return _identity(Path(spec.origin).parent / "zoneinfo" / key)


def kept_timezones(root: Path, derive: Timezones) -> Timezones:
    """``derive``, each answer kept in ``.cache/vtimezones.json``."""
    memo = Memo(root, ZONES)

    def timezones(zone: ZoneInfo, first_year: int, last_year: int) -> bytes:
        name = f"{zone.key} {first_year}-{last_year}"
        inputs = [__version__, zone_file(zone.key)]
        kept = memo.get(name, inputs)
        if isinstance(kept, str) and kept.startswith("BEGIN:VTIMEZONE\r\n"):
            return kept.encode()
        written = derive(zone, first_year, last_year)
        memo.put(name, inputs, written.decode())
        return written

    return timezones
