"""A process file read the short way (``codec._plain_process``, and the meetings it reads
without :class:`Fields`) is exactly the process the long way reads
(``codec._process_read_whole``), and anything the short way does not read plainly is left to
the long way, which words what is wrong with its line: over every file of a generated store,
hand-made hostile values, drawn ones (Hypothesis) and files changed as text."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import codec
from tyonohjaus_cli.storage.documents import MAX_INTEGER, Fields
from tyonohjaus_cli.storage.index import _iso

ZONE = ZoneInfo("Europe/Helsinki")
REL = "processes/p-1.toml"


def _deep(value: Any) -> Any:
    """``value`` with every date and time shown with its zone and fold, so that two
    processes that are ``==`` (a datetime compares by the moment) are also alike."""
    if isinstance(value, datetime):
        return (value, value.tzinfo, value.fold, type(value))
    if isinstance(value, tuple):
        return (type(value), *(_deep(item) for item in value))
    return (type(value), value)


def _outcome(decode: Any, doc: dict[str, Any], text: str = "") -> Any:
    try:
        return _deep(decode(Fields(doc, REL, text), ZONE))
    except StoreFileError as error:
        return ("error", str(error), error.line)


def _long_way(doc: dict[str, Any], text: str = "") -> Any:
    return _outcome(codec._process_read_whole, doc, text)


def _either_way(doc: dict[str, Any], text: str = "") -> Any:
    return _outcome(codec.process_from_doc, doc, text)


def _short_way(doc: dict[str, Any]) -> Any:
    try:
        found = codec._plain_process(Fields(doc, REL, ""), ZONE)
    except StoreFileError:
        return None
    return None if found is None else _deep(found)


def _same(doc: dict[str, Any], text: str = "") -> Any:
    """The short way gives what the long way gives, or leaves it to the long way; and
    ``process_from_doc`` is the long way, errors (with lines) included."""
    short, long = _short_way(doc), _long_way(doc, text)
    assert short in (None, long)
    assert _either_way(doc, text) == long
    return short


def test_every_process_of_a_generated_store_reads_the_same(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    generate(tmp_path, seed=7, clients=10, processes=60, meetings=900)
    plain = every = 0
    for path in sorted((tmp_path / "processes").glob("*.toml")):
        text = path.read_text()
        doc = tomllib.loads(text)
        short = _same(doc, text)
        plain += short is not None
        every += 1
        _same(json.loads(json.dumps(doc, default=_iso)))  # as the document cache keeps it
    assert every >= 50
    assert plain == every  # every process tyo writes takes the short way


PROCESS: dict[str, Any] = {
    "schema": 1,
    "id": "p-1",
    "client": "acme",
    "kind": "group",
    "title": "Ryhmä",
    "status": "closed",
    "created": datetime(2026, 1, 5, 10, 0, tzinfo=timezone(timedelta(hours=2))),
    "closed": datetime(2026, 6, 1, 17, 0, tzinfo=timezone(timedelta(hours=3))),
    "plan": "6x3w",
    "place": "Katu 1\nHelsinki",
    "online": "https://meet.example.fi/p-1",
    "group_size": 5,
    "participants": [{"name": "Aino", "email": "aino@example.fi"}, {"name": "Eero"}],
    "goals": [{"n": 1, "text": "Jaksaminen", "by": "client"}, {"n": 2, "text": "Rajat"}],
    "meetings": [
        {"n": 1, "start": datetime(2026, 1, 12, 14), "minutes": 90, "status": "held",
         "uid": "u-1@tyo", "sequence": 0, "calendar": "0:0123456789abcdef"},
        {"n": 2, "start": datetime(2026, 2, 2, 14), "minutes": 90, "status": "cancelled",
         "uid": "u-2@tyo", "sequence": 1, "calendar": "1:0123456789abcdef",
         "cancelled_by": "client", "reason": "sairastuminen",
         "notified_at": datetime(2026, 2, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))},
        {"n": 3, "start": datetime(2026, 2, 23, 15), "minutes": 90, "status": "held",
         "uid": "u-3@tyo", "sequence": 1, "calendar": "1:0123456789abcdef",
         "held_minutes": 75,
         "moves": [{"previous": datetime(2026, 2, 23, 14),
                    "agreed_at": datetime(2026, 2, 20, 8, tzinfo=UTC)}]},
        {"n": 4, "start": datetime(2026, 3, 16, 14), "minutes": 90, "status": "cancelled",
         "uid": "u-4@tyo", "cancelled_by": "supervisor", "reason": "process closed",
         "notified_at": datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))},
    ],
}  # fmt: skip


def test_a_process_as_tyo_writes_it_takes_the_short_way() -> None:
    short = _same(PROCESS)
    assert short is not None
    process = codec.process_from_doc(Fields(PROCESS, REL, ""), ZONE)
    assert process.meetings[1].reason == "sairastuminen"  # a person's words, as typed
    assert process.meetings[3].reason == "process-closed"  # the words of an older tyo: a code
    assert process.meetings[2].moves[0].agreed_at == datetime(2026, 2, 20, 10, tzinfo=ZONE)
    assert process.closed is not None
    assert process.closed.tzinfo is ZONE


def _with(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``doc`` with the value at ``path`` set (``None``: removed)."""
    import copy

    changed = copy.deepcopy(doc)
    *parents, last = path
    place: Any = changed
    for step in parents:
        place = place[step]
    if value is None:
        place.pop(last, None)
    else:
        place[last] = value
    return changed


MISSING = None
CHANGES: list[tuple[tuple[Any, ...], Any]] = [
    (("id",), "a\nb"), (("id",), 5), (("id",), MISSING), (("id",), "a\u2028b"),
    (("id",), "no\u00a0break"), (("client",), "\x1b[31m"), (("client",), MISSING),
    (("title",), ""), (("title",), MISSING), (("title",), "x\ty"), (("title",), ["x"]),
    (("kind",), "blob"), (("kind",), "GROUP"), (("kind",), MISSING), (("kind",), ["group"]),
    (("status",), "bogus"), (("status",), MISSING), (("status",), {"a": 1}),
    (("created",), MISSING), (("created",), "2026-01-05T10:00:00"), (("created",), "soon"),
    (("created",), date(2026, 1, 5)), (("created",), datetime(1899, 12, 31, 23, 59)),
    (("created",), datetime(1900, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=3)))),
    (("created",), datetime(2200, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-3)))),
    (("created",), datetime(2201, 1, 1)), (("created",), time(10, 0)), (("created",), 2026),
    (("closed",), MISSING), (("closed",), "later"), (("closed",), datetime(2026, 6, 1, 17)),
    (("plan",), 6), (("plan",), "a\nb"), (("plan",), "bell\u0007"),
    (("place",), "a\rb"), (("place",), "esc\x1b"), (("place",), 1),
    (("online",), "a\nb"), (("online",), True), (("phone",), True), (("phone",), "yes"),
    (("phone",), 1), (("group_size",), 0), (("group_size",), True), (("group_size",), 10**9),
    (("group_size",), 10**9 - 1), (("group_size",), "5"), (("group_size",), 5.0),
    (("first_free",), True), (("first_free",), 0), (("co_supervisor",), "a\nb"),
    (("co_supervisor",), "Ville"), (("order_number",), "PO\n12"), (("order_number",), 12),
    (("contract",), "sopimus\x00"), (("contract",), "Sopimus 1\nliite"),
    (("rate",), "95.00"), (("rate",), "-1"), (("rate",), "lots"), (("rate",), 95),
    (("meeting_price",), "150"), (("meeting_price",), True),
    (("rate_changes",), [{"from": date(2026, 3, 1), "rate": "100.00"}]),
    (("rate_changes",), [{"from": date(2026, 3, 1)}]), (("rate_changes",), "x"),
    (("meeting_price_changes",), [{"from": date(2026, 3, 1), "meeting_price": "160"}]),
    (("breaks",), [{"first": date(2026, 7, 1), "last": date(2026, 7, 31)}]),
    (("breaks",), [{"first": date(2026, 7, 1), "last": date(2026, 6, 30)}]),
    (("reviews",), [{"goal": 1, "day": date(2026, 3, 1), "score": 4, "with": "client",
                     "recorded": datetime(2026, 3, 1, 12, tzinfo=UTC)}]),
    (("reviews",), [{"goal": 1, "day": date(2026, 3, 1), "score": 6, "with": "client",
                     "recorded": datetime(2026, 3, 1, 12, tzinfo=UTC)}]),
    (("participants",), []), (("participants",), "Aino"), (("participants",), ["Aino"]),
    (("participants", 0, "name"), MISSING), (("participants", 0, "name"), "A\nB"),
    (("participants", 0, "email"), 3), (("participants", 1, "extra"), 1),
    (("goals",), {"n": 1}), (("goals", 0, "n"), 0), (("goals", 0, "n"), True),
    (("goals", 0, "n"), MISSING), (("goals", 0, "text"), MISSING),
    (("goals", 0, "text"), "line\nbreak"), (("goals", 0, "text"), "bell\u0007"),
    (("goals", 0, "by"), "everyone"), (("goals", 0, "by"), 1), (("goals", 1, "n"), 1),
    (("meetings",), []), (("meetings",), MISSING), (("meetings",), "x"),
    (("meetings",), [1]), (("meetings", 1, "n"), 1), (("meetings", 1, "n"), True),
    (("meetings", 0, "charge"), "50"), (("meetings", 0, "charge"), "lots"),
    (("meetings", 0, "attended"), 4), (("meetings", 0, "charge_reason"), "myöhään"),
    (("meetings", 0, "edited"), datetime(2026, 1, 13, 9, 0)), (("meetings", 0, "x"), 1),
    (("meetings", 1, "cancelled_by"), "nobody"), (("meetings", 1, "cancelled_by"), ""),
    (("meetings", 1, "cancelled_by"), 1), (("meetings", 1, "cancelled_by"), "CLIENT"),
    (("meetings", 1, "cancelled_by"), MISSING), (("meetings", 1, "notified_at"), MISSING),
    (("meetings", 1, "notified_at"), "2026-02-01T09:30:00+02:00"),
    (("meetings", 1, "notified_at"), "eilen"), (("meetings", 1, "notified_at"), 5),
    (("meetings", 1, "notified_at"), date(2026, 2, 1)),
    (("meetings", 1, "notified_at"), datetime(1899, 12, 31, 23, 0)),
    (("meetings", 1, "notified_at"), datetime(2201, 1, 1, 1, 0, tzinfo=UTC)),
    (("meetings", 1, "reason"), MISSING), (("meetings", 1, "reason"), ""),
    (("meetings", 1, "reason"), "a\nb"), (("meetings", 1, "reason"), "bell\u0007"),
    (("meetings", 1, "reason"), 3), (("meetings", 1, "reason"), "  Prosessi päättyi "),
    (("meetings", 1, "reason"), "process-closed"), (("meetings", 1, "reason"), "a\u2028b"),
    (("meetings", 2, "moves"), []), (("meetings", 2, "moves"), "x"),
    (("meetings", 2, "moves"), [1]), (("meetings", 2, "moves"), {"previous": 1}),
    (("meetings", 2, "moves", 0, "previous"), MISSING),
    (("meetings", 2, "moves", 0, "previous"), "2026-02-23T14:00:00"),
    (("meetings", 2, "moves", 0, "previous"), "2026-02-23"),
    (("meetings", 2, "moves", 0, "agreed_at"), MISSING),
    (("meetings", 2, "moves", 0, "agreed_at"), datetime(1850, 1, 1)),
    (("meetings", 2, "moves", 0, "extra"), 1),
    (("meetings", 2, "start"), datetime(2026, 2, 23, 15, tzinfo=UTC)),
    (("meetings", 2, "start"), "2026-02-23T15:00:00+02:00"),
    (("meetings", 2, "held_minutes"), 0), (("meetings", 2, "held_minutes"), 721),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "value"), CHANGES, ids=[f"{'.'.join(map(str, p))}={v!r}" for p, v in CHANGES]
)
def test_a_changed_process_reads_as_the_long_way_reads_it(
    path: tuple[Any, ...], value: Any
) -> None:
    _same(_with(PROCESS, path, value))


def test_a_json_null_reads_as_the_long_way_reads_it() -> None:
    """A document from the cache is JSON, where a value may be ``null``."""
    keys = [key for key in PROCESS if key != "schema"]
    for key in keys:
        _same({**PROCESS, key: None})
    for n in range(4):
        for key in [*PROCESS["meetings"][n], "held_minutes", "notified_at", "cancelled_by"]:
            doc = _with(PROCESS, ("meetings", n), {**PROCESS["meetings"][n], key: None})
            _same(doc)


def test_too_many_meetings_is_the_long_way_s_message() -> None:
    meeting = PROCESS["meetings"][0]
    doc = {**PROCESS, "meetings": [{**meeting, "n": n} for n in range(1, codec.MEETINGS_LIMIT + 2)]}
    outcome = _same(doc)
    assert outcome is None
    assert "more than the" in _long_way(doc)[1]


_TEXTS = st.one_of(
    st.text(max_size=5),
    st.sampled_from(["", "a\nb", "a\tb", "a\rb", "\x1b[31m", "a\u2028b", "\x85", "\u00a0"]),
)
_ANY = st.one_of(
    _TEXTS,
    st.sampled_from(
        ["group", "closed", "client", "both", "held", "cancelled", "supervisor", "matka"]
    ),
    st.integers(-2, 3),
    st.sampled_from([720, 721, MAX_INTEGER - 1, MAX_INTEGER, 2**63, True, False, 1.5]),
    st.datetimes(datetime(1898, 1, 1), datetime(2202, 1, 1)),
    st.datetimes(
        datetime(1899, 12, 31),
        datetime(2201, 1, 2),
        timezones=st.just(timezone(timedelta(hours=3))),
    ),
    st.sampled_from(["2026-02-01T09:30:00", "2026-02-01T09:30:00+02:00", "2026-02-01", "x"]),
    st.dates(date(1899, 12, 30), date(2201, 1, 2)),
    st.just(time(10, 0)),
    st.lists(
        st.dictionaries(st.sampled_from(["n", "name", "text", "previous"]), _TEXTS), max_size=2
    ),
    st.dictionaries(st.sampled_from(["a", "n"]), st.integers(0, 2), max_size=2),
    st.none(),
)
_TOP = [key for key in PROCESS if key not in ("schema", "meetings")]
_MEETING_KEYS = ["n", "start", "minutes", "status", "uid", "sequence", "calendar",
                 "held_minutes", "cancelled_by", "notified_at", "reason", "moves", "charge"]  # fmt: skip


@st.composite
def _processes(draw: st.DrawFn) -> dict[str, Any]:
    doc = dict(PROCESS)
    for key in draw(st.lists(st.sampled_from([*_TOP, "rate", "first_free"]), max_size=3)):
        doc[key] = draw(_ANY)
    for key in draw(st.lists(st.sampled_from(_TOP), max_size=2)):
        doc.pop(key, None)
    meetings = [dict(meeting) for meeting in PROCESS["meetings"]]
    for _ in range(draw(st.integers(0, 4))):
        meeting = meetings[draw(st.integers(0, 3))]
        key = draw(st.sampled_from(_MEETING_KEYS))
        if draw(st.booleans()):
            meeting[key] = draw(_ANY)
        else:
            meeting.pop(key, None)
    move = draw(st.sampled_from([None, "previous", "agreed_at"]))
    if move is not None:
        meetings[2]["moves"] = [{**PROCESS["meetings"][2]["moves"][0], move: draw(_ANY)}]
    doc["meetings"] = meetings
    return doc


@settings(max_examples=3000, deadline=None)
@given(_processes())
def test_a_drawn_process_reads_as_the_long_way_reads_it(doc: dict[str, Any]) -> None:
    _same(doc)


_LINES = [
    ('kind = "group"', 'kind = "blob"'),
    ('status = "held"', 'status = "hold"'),
    ('cancelled_by = "client"', 'cancelled_by = "klient"'),
    ('reason = "sairastuminen"', 'reason = "sairas\\u0007"'),
    ("n = 2\nstart", "n = 1\nstart"),
    ("minutes = 90", "minutes = 0"),
    ("sequence = 1", "sequence = -1"),
    ("held_minutes = 75", "held_minutes = 7500"),
    ("notified_at = 2026-02-01 09:30:00+02:00", "notified_at = 1850-02-01 09:30:00+02:00"),
    ("notified_at = 2026-02-01 09:30:00+02:00", 'notified_at = "eilen"'),
    ("group_size = 5", "group_size = 0"),
    ('uid = "u-3@tyo"', 'uid = "u-3\\n@tyo"'),
]


_INLINE = [
    ("previous = 2026-02-23 14:00:00", "previous = 2026-02-23"),
    ('name = "Eero"', 'name = "Eero\\nJ"'),
    ('by = "client"', 'by = "kaikki"'),
]
"""Changes inside an inline table, whose line the long way does not look for."""


@pytest.mark.parametrize(("was", "now"), _LINES + _INLINE)
def test_a_file_changed_by_hand_is_told_with_its_line(was: str, now: str) -> None:
    from tyonohjaus_cli.storage.documents import dump_toml

    text = dump_toml(PROCESS)
    assert was in text
    changed = text.replace(was, now, 1)
    doc = tomllib.loads(changed)
    assert _same(doc, changed) is None
    outcome = _either_way(doc, changed)
    assert outcome[0] == "error"
    if (was, now) not in _INLINE:
        assert outcome[2] == text[: text.index(was)].count("\n") + 1  # the line changed


def _summary_by_definition(process: Any) -> list[Any]:
    """The summary as written before it was made faster: ``replace`` and ``.value``."""
    slots = [
        (m.n, m.start.replace(tzinfo=None).isoformat(timespec="minutes"), m.minutes, m.status.value)
        for m in process.in_order()
    ]
    kept = [slot[1] for slot in slots if slot[3] != "cancelled"]
    starts = [slot[1] for slot in slots]
    return [
        [slot[0] for slot in slots],
        starts,
        [slot[3] for slot in slots],
        min(kept, default=None),
        max(starts, default=None),
        ";".join(f"{n},{start},{minutes},{status}" for n, start, minutes, status in slots),
    ]


def test_a_summary_is_what_the_meetings_say(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    generate(tmp_path, seed=11, clients=6, processes=30, meetings=500)
    for path in sorted((tmp_path / "processes").glob("*.toml")):
        text = path.read_text()
        process = codec.process_from_doc(Fields(tomllib.loads(text), REL, text), ZONE)
        summary = codec.summary_of_process(process)
        expected = _summary_by_definition(process)
        assert summary.meetings == expected[5]
        assert summary.first == expected[3]
        assert summary.latest == expected[4]
        assert all(type(start) is str for start in summary.planned)


def test_the_wall_clock_of_an_hour_that_comes_twice() -> None:
    """The autumn's repeated hour: the second 03:30 (fold 1) is 03:30 on the wall too."""
    for fold in (0, 1):
        moment = datetime(2026, 10, 25, 3, 30, fold=fold, tzinfo=ZONE)
        wall = codec._wall_clock(moment)
        assert _deep(wall) == _deep(moment.replace(tzinfo=None))
        assert wall.isoformat() == "2026-10-25T03:30:00"
