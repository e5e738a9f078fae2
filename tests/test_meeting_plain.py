"""A plain meeting read the short way (``codec._plain_meeting``) is exactly the meeting the
long way reads (``codec._meeting_read_whole``, through :class:`Fields`), and anything the
short way does not read plainly is left to the long way, which words what is wrong: over a
generated store, a drawn value for every key (Hypothesis) and every kind of wrong value."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import codec
from tyonohjaus_cli.storage.documents import MAX_INTEGER, Fields

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
    plain = every = 0
    for path in sorted((tmp_path / "processes").glob("*.toml")):
        for meeting in tomllib.loads(path.read_text())["meetings"]:
            short = codec._plain_meeting(meeting, ZONE)
            plain += short is not None
            every += 1
            assert short in (None, _long_way(meeting))
            assert _either_way(meeting) == _long_way(meeting)
    assert every >= 200
    assert plain > 600  # most meetings are plain
    assert plain >= every * 3 // 4


_NUMBERS = st.one_of(
    st.integers(-3, 3),
    st.integers(715, 725),
    st.sampled_from([MAX_INTEGER - 1, MAX_INTEGER, 2**63, True, False, 1.0, "1", None]),
)
_TEXTS = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["", "a\nb", "a\tb", "\x1b[31m", "a\u2028b", "\x85", "planned"]),
    st.sampled_from([1, None, ["x"], {"a": 1}]),
)
_TIMES = st.one_of(
    st.datetimes(datetime(1800, 1, 1), datetime(2300, 1, 1)),
    st.sampled_from(
        [
            datetime(2027, 1, 12, 14, tzinfo=UTC),
            datetime(2027, 1, 12, 14, tzinfo=timezone(timedelta(hours=2))),
            datetime(1900, 1, 1),
            datetime(1899, 12, 31, 23, 59),
            datetime(2200, 12, 31, 23, 59),
            datetime(2201, 1, 1),
            "2027-01-12T14:00:00",
            "x",
            20270112,
        ]
    ),
)
_STATUSES = st.one_of(
    st.sampled_from(["planned", "held", "cancelled", "no_show", "moved", "HELD", "", 1]),
    _TEXTS,
)
_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "n": _NUMBERS,
    "start": _TIMES,
    "minutes": _NUMBERS,
    "status": _STATUSES,
    "uid": _TEXTS,
    "sequence": _NUMBERS,
    "calendar": _TEXTS,
}


@st.composite
def _meetings(draw: st.DrawFn) -> dict[str, Any]:
    doc = {
        key: draw(values) if draw(st.booleans()) else PLAIN[key] for key, values in _VALUES.items()
    }
    change = draw(st.sampled_from(["none", "drop", "add", "swap"]))
    if change == "drop":
        del doc[draw(st.sampled_from(sorted(doc)))]
    elif change == "add":
        doc[draw(st.sampled_from(["reason", "moves", "held_minutes", "x"]))] = "late"
    elif change == "swap":  # as many keys, one of them held_minutes
        del doc[draw(st.sampled_from(sorted(doc)))]
        doc["held_minutes"] = 60
    return doc


@settings(max_examples=3000, deadline=None)
@given(_meetings())
def test_a_plain_meeting_is_the_one_the_full_decoding_makes(doc: dict[str, Any]) -> None:
    fast = codec._plain_meeting(doc, ZONE)
    if fast is not None:
        assert fast == _long_way(doc)
        assert type(fast.status) is MeetingStatus


def test_a_meeting_as_tyo_writes_it_takes_the_short_way() -> None:
    fast = codec._plain_meeting(PLAIN, ZONE)
    assert fast is not None
    assert fast == _long_way(PLAIN)
    assert fast.start.tzinfo is ZONE


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


CANCELLED: dict[str, Any] = {
    **PLAIN,
    "status": "cancelled",
    "cancelled_by": "client",
    "notified_at": datetime(2027, 1, 11, 9, 30, tzinfo=timezone(timedelta(hours=2))),
    "reason": "matka",
    "moves": [{"previous": datetime(2027, 1, 5, 14, 0), "agreed_at": datetime(2027, 1, 2, 8, 0, tzinfo=UTC)}],
}  # fmt: skip
_MORE: dict[str, st.SearchStrategy[Any]] = {
    "cancelled_by": st.one_of(st.sampled_from(["client", "supervisor", "CLIENT", ""]), _TEXTS),
    "notified_at": _TIMES,
    "reason": st.one_of(_TEXTS, st.sampled_from(["process closed", " Prosessi päättyi", "x"])),
    "moves": st.one_of(
        st.lists(st.fixed_dictionaries({"previous": _TIMES, "agreed_at": _TIMES}), max_size=2),
        st.sampled_from([[], [1], "x", [{"previous": datetime(2027, 1, 5, 14)}], None]),
    ),
}


@st.composite
def _cancelled(draw: st.DrawFn) -> dict[str, Any]:
    values = _VALUES | _MORE
    doc = {key: draw(values[key]) if draw(st.booleans()) else CANCELLED[key] for key in CANCELLED}
    for key in draw(st.lists(st.sampled_from(sorted(doc)), max_size=2)):
        doc.pop(key, None)
    return {key: value for key, value in doc.items() if value is not None}


@settings(max_examples=3000, deadline=None)
@given(_cancelled())
def test_a_cancelled_or_moved_meeting_is_the_one_the_full_decoding_makes(
    doc: dict[str, Any],
) -> None:
    fast = codec._plain_meeting(doc, ZONE)
    if fast is not None:
        assert fast == _long_way(doc)
        assert repr(fast) == repr(_long_way(doc))  # the enums and zones too
    assert _either_way(doc) == _long_way(doc)


def test_a_cancelled_and_moved_meeting_takes_the_short_way() -> None:
    fast = codec._plain_meeting(CANCELLED, ZONE)
    assert fast is not None
    assert repr(fast) == repr(_long_way(CANCELLED))
    assert fast.notified_at is not None
    assert fast.notified_at.tzinfo is ZONE
