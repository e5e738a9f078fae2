"""A plain meeting (the seven keys every meeting has) is built without ``Fields``
(``storage/codec.py``, ``_plain_meeting``): whatever its values, it is the very meeting the
full decoding makes, or it is left to the full decoding, which words what is wrong."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import codec
from tyonohjaus_cli.storage.documents import MAX_INTEGER, Fields, parse_toml

ZONE = ZoneInfo("Europe/Helsinki")
PLAIN = {
    "n": 3,
    "start": datetime(2027, 1, 12, 14, 0),
    "minutes": 90,
    "status": "held",
    "uid": "35663e1b-dcc1-4a92-b1c0-56b065e2ade1@tyo",
    "sequence": 0,
    "calendar": "0:2094918f219a6a75",
}
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


def _full(doc: dict[str, Any]) -> object:
    """What the full decoding makes of ``doc``: the meeting, or the message."""
    fields = Fields(doc, "processes/p.toml", "")
    try:
        return codec._meeting_read_whole(fields, ZONE)
    except StoreFileError as error:
        return error.problem


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
    elif change == "swap":  # six of the seven and another key: still seven keys
        del doc[draw(st.sampled_from(sorted(doc)))]
        doc["held_minutes"] = 60
    return doc


@settings(max_examples=3000, deadline=None)
@given(_meetings())
def test_a_plain_meeting_is_the_one_the_full_decoding_makes(doc: dict[str, Any]) -> None:
    fast = codec._plain_meeting(doc, ZONE)
    if fast is not None:
        assert fast == _full(doc)
        assert type(fast.status) is MeetingStatus


def test_a_meeting_as_tyo_writes_it_takes_the_short_way() -> None:
    fast = codec._plain_meeting(PLAIN, ZONE)
    assert fast is not None
    assert fast == _full(PLAIN)
    assert fast.start.tzinfo is ZONE


def test_most_meetings_of_a_generated_store_take_the_short_way(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    store = tmp_path / "store"
    generate(store, seed=7, clients=6, processes=25, meetings=240)
    plain = every = 0
    for name in sorted(os.listdir(store / "processes")):
        rel = f"processes/{name}"
        text = (store / rel).read_text()
        for meeting in parse_toml(text, rel)["meetings"]:
            fast = codec._plain_meeting(meeting, ZONE)
            every += 1
            if fast is not None:
                plain += 1
                assert fast == _full(meeting)
    assert every >= 200
    assert plain >= every * 3 // 4
