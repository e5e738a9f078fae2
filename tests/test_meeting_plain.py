"""A plain meeting read the short way (``codec._plain_meeting``) is exactly the meeting the
long way reads (``codec._meeting_read_whole``, through :class:`Fields`), and anything the
short way does not read plainly is left to the long way, which words what is wrong."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import codec
from tyonohjaus_cli.storage.documents import Fields

ZONE = ZoneInfo("Europe/Helsinki")
PLAIN: dict[str, Any] = {
    "n": 3,
    "start": datetime(2027, 1, 12, 14, 0),
    "minutes": 90,
    "status": "held",
    "uid": "abc-3@tyo",
    "sequence": 1,
    "calendar": "1:0123abcd",
}


def _long_way(doc: dict[str, Any]) -> Any:
    try:
        return codec._meeting_read_whole(Fields(doc, "processes/p.toml", ""), ZONE)
    except StoreFileError as error:
        return ("error", str(error), error.line)


def _either_way(doc: dict[str, Any]) -> Any:
    try:
        return codec._meeting_from_doc(Fields(doc, "processes/p.toml", ""), ZONE)
    except StoreFileError as error:
        return ("error", str(error), error.line)


def test_every_meeting_of_a_generated_store_reads_the_same(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    generate(tmp_path, seed=5, clients=8, processes=40, meetings=800)
    plain = 0
    for path in sorted((tmp_path / "processes").glob("*.toml")):
        for meeting in tomllib.loads(path.read_text())["meetings"]:
            short = codec._plain_meeting(meeting, ZONE)
            plain += short is not None
            assert short in (None, _long_way(meeting))
            assert _either_way(meeting) == _long_way(meeting)
    assert plain > 600  # most meetings are plain


CHANGES: list[tuple[str, Any]] = [
    ("n", True), ("n", 0), ("n", 10**9), ("n", 10**9 - 1), ("n", "3"), ("n", 3.0), ("n", None),
    ("minutes", 0), ("minutes", 720), ("minutes", 721), ("minutes", False), ("minutes", "90"),
    ("sequence", -1), ("sequence", True), ("sequence", 10**9), ("sequence", 0),
    ("held_minutes", 0), ("held_minutes", 60), ("held_minutes", 721), ("held_minutes", True),
    ("start", datetime(2027, 1, 12, 14, 0, tzinfo=timezone(timedelta(hours=3)))),
    ("start", datetime(2027, 1, 12, 14, 0, tzinfo=ZONE)),
    ("start", date(2027, 1, 12)), ("start", "2027-01-12T14:00:00"), ("start", "2027-01-12"),
    ("start", "2027-01-12T14:00:00+02:00"), ("start", "soon"), ("start", 12),
    ("start", datetime(1899, 12, 31, 10, 0)), ("start", datetime(2201, 1, 1, 10, 0)),
    ("start", datetime(1900, 1, 1, 10, 0)), ("start", None),
    ("uid", "a\nb"), ("uid", "bell\u0007"), ("uid", "a\u2028b"), ("uid", "no\u00a0break"),
    ("uid", ""), ("uid", 5), ("uid", None),
    ("calendar", "a\nb"), ("calendar", "a\tb"), ("calendar", "esc\u001b"), ("calendar", 3),
    ("calendar", "no\u00a0break"), ("calendar", None),
    ("status", "planned"), ("status", "cancelled"), ("status", "no_show"), ("status", "bogus"),
    ("status", 3), ("status", None),
    ("moves", []), ("cancelled_by", "client"), ("reason", "illness"), ("attended", 4),
    ("charge", "50"), ("edited", datetime(2027, 1, 13, 9, 0)), ("unknown", 1),
]  # fmt: skip


@pytest.mark.parametrize(("key", "value"), CHANGES, ids=[f"{k}={v!r}" for k, v in CHANGES])
def test_a_changed_meeting_reads_as_the_long_way_reads_it(key: str, value: Any) -> None:
    doc = dict(PLAIN)
    if value is None:
        del doc[key]  # missing
    else:
        doc[key] = value
    assert _either_way(doc) == _long_way(doc)
