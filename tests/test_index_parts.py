"""The index in two parts, and the documents cached as JSON (storage/index.py).

Live processes are in ``.cache/index.json``, settled ones (no meeting since the
horizon, 1 January four years back) in ``.cache/settled.json``, which a month's view from
the horizon on does not read. Each checked client and process document is kept as JSON under
``.cache/clients/`` and ``.cache/processes/`` by its file's stamp. All of it is derived:
the same output with and without it, and a hand edit shows at once.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.caches import read_cache, write_cache
from tests.conftest import Tyo
from tyonohjaus_cli.storage.index import _VERSION as INDEX_VERSION

OLD = "lorula-sosiaalitoimi-001-2019"
"""Closed in 2019: settled."""
LIVE = "satula-hoivakoti-004-2026"
"""Active, with meetings planned from 2026-11-23."""


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=5, clients=6, processes=30, meetings=300, years=8, invoice_months=6)
    return store_path


VIEWS = (
    ("agenda", "--json"),
    ("agenda", "--from", "2019-03-01", "--to", "2019-06-30", "--json"),
    ("process", "list", "--json"),
    ("process", "show", LIVE, "--json"),
    ("billing", "2026-10", "--json"),
    ("billing", "2019-04", "--json"),
    ("client", "list"),
)


def _views(tyo: Tyo) -> list[str]:
    outputs = []
    for args in VIEWS:
        result = tyo(*args)
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.stdout)
    return outputs


def _entries(path: Path) -> set[str]:
    return set(read_cache(path)["entries"])


def _rewrite_in_place(path: Path, old: str, new: str) -> None:
    """A hand edit as an editor that writes the file over does it: the folder is untouched."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    with path.open("r+", encoding="utf-8") as handle:
        handle.write(text.replace(old, new, 1))
        handle.truncate()


def _rewrite_by_renaming(path: Path, old: str, new: str) -> None:
    """A hand edit as vim, emacs or ``sed -i`` do it: a new file renamed over the old."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.replace(temp, path)


def test_the_same_output_with_and_without_the_caches(practice: Path, tyo: Tyo) -> None:
    first = _views(tyo)  # builds them
    cache = practice / ".cache"
    assert (cache / "processes" / f"{LIVE}.json").is_file()
    assert any((cache / "clients").glob("*.json"))
    assert _views(tyo) == first  # read from them
    shutil.rmtree(cache)
    assert _views(tyo) == first  # built again


def test_settled_processes_are_kept_apart(practice: Path, tyo: Tyo) -> None:
    assert tyo("process", "list").exit_code == 0
    live = _entries(practice / ".cache" / "index.json")
    settled = _entries(practice / ".cache" / "settled.json")
    assert f"processes/{OLD}.toml" in settled
    assert f"processes/{LIVE}.toml" in live
    assert not live & settled
    every = {f"processes/{path.name}" for path in (practice / "processes").glob("*.toml")}
    assert live | settled == every


def test_a_months_view_reads_no_settled_process(practice: Path, tyo: Tyo) -> None:
    first = _views(tyo)
    settled = practice / ".cache" / "settled.json"
    settled.write_text("damaged, and would be written again if it were read")
    for args in (
        ("agenda", "--json"),
        ("billing", "2026-10", "--json"),
        ("log", LIVE, "11", "--force", "--note", "Held early."),
    ):
        assert tyo(*args).exit_code == 0
    assert settled.read_text().startswith("damaged")
    seen = _views(tyo)  # the views of old months and of the whole practice read it
    assert read_cache(settled)["entries"]
    shutil.rmtree(practice / ".cache")
    assert _views(tyo) == seen != first


def test_a_hand_edit_to_a_live_process_shows_at_once(practice: Path, tyo: Tyo) -> None:
    before = tyo("agenda", "--json").stdout
    _rewrite_in_place(
        practice / "processes" / f"{LIVE}.toml", "2026-11-23 15:30:00", "2026-11-23 16:45:00"
    )
    after = tyo("agenda", "--json").stdout
    assert after != before
    assert "16:45" in after
    assert "16:45" in tyo("process", "show", LIVE).stdout  # its cached document too


def _reopen(practice: Path, rewrite: Callable[[Path, str, str], None]) -> None:
    """The settled process opened again by hand, its first meeting moved to this week."""
    path = practice / "processes" / f"{OLD}.toml"
    text = path.read_text(encoding="utf-8")
    first = text[text.index("start = ") + len("start = ") :].split("\n", 1)[0]
    rewrite(path, f"start = {first}", "start = 2026-11-18 10:00:00")
    rewrite(path, 'status = "closed"', 'status = "active"')


def test_a_settled_process_saved_by_renaming_shows_at_once(practice: Path, tyo: Tyo) -> None:
    assert tyo("process", "list").exit_code == 0
    _reopen(practice, _rewrite_by_renaming)
    assert OLD in tyo("agenda", "--json").stdout


def test_a_settled_process_rewritten_in_place_shows_after_a_whole_practice_view(
    practice: Path, tyo: Tyo
) -> None:
    """The one hand edit a month's view does not check: the README says so."""
    assert tyo("process", "list").exit_code == 0
    _reopen(practice, _rewrite_in_place)
    assert OLD not in tyo("agenda", "--json").stdout
    assert tyo("process", "list").exit_code == 0
    assert OLD in tyo("agenda", "--json").stdout


def test_a_change_by_tyo_keeps_the_settled_part_good(practice: Path, tyo: Tyo) -> None:
    assert tyo("process", "list").exit_code == 0
    settled = practice / ".cache" / "settled.json"
    stamp = settled.stat().st_mtime_ns
    moved = tyo("meeting", "move", LIVE, "11", "--to", "2026-11-26 12:00")
    assert moved.exit_code == 0, moved.output
    assert "2026-11-26" in tyo("agenda", "--json").stdout
    assert settled.stat().st_mtime_ns == stamp  # neither rewritten nor needed
    meta = read_cache(practice / ".cache" / "index.json")["meta"]["settled"]
    folder = (practice / "processes").lstat()
    assert meta[0] == [folder.st_mtime_ns, folder.st_size]


def _cached_document(practice: Path, rel: str) -> Any:
    """The document cached for ``rel`` if it is kept for the file as it is now, else None."""
    cached = json.loads((practice / ".cache" / f"{rel.removesuffix('.toml')}.json").read_text())
    info = (practice / rel).lstat()
    return cached[2] if cached[1] == [info.st_mtime_ns, info.st_size] else None


def _parsed_document(practice: Path, rel: str) -> Any:
    from tyonohjaus_cli.storage.documents import migrate, parse_toml
    from tyonohjaus_cli.storage.index import jsonable

    text = (practice / rel).read_text(encoding="utf-8")
    return jsonable(migrate(parse_toml(text, rel), rel, text))


@pytest.mark.parametrize(
    "change",
    [
        ("meeting", "move", LIVE, "11", "--to", "2026-11-26 12:00"),
        ("log", LIVE, "1", "--force", "--note", "Tallennettu."),
        ("process", "edit", LIVE, "--rate", "101", "--from", "2026-12-01"),
        ("client", "edit", "satula-hoivakoti-004", "--contact", "Kalle Kettu"),
    ],
)
def test_what_tyo_saved_is_cached_as_the_file_reads(
    practice: Path, tyo: Tyo, change: tuple[str, ...]
) -> None:
    # The next command reads the document from the cache, not the TOML it was just written as.
    assert tyo("process", "show", LIVE, "--json").exit_code == 0
    changed = tyo(*change)
    assert changed.exit_code == 0, changed.output
    rel = f"clients/{change[2]}.toml" if change[0] == "client" else f"processes/{LIVE}.toml"
    assert _cached_document(practice, rel) == _parsed_document(practice, rel)


@pytest.mark.parametrize("where", ["generated", "example"])
def test_every_document_tyo_writes_reads_back_as_it_is_cached(
    practice: Path, tmp_path: Path, where: str
) -> None:
    from tyonohjaus_cli.storage import codec
    from tyonohjaus_cli.storage.documents import dump_toml, migrate, parse_toml
    from tyonohjaus_cli.storage.index import jsonable
    from tyonohjaus_cli.storage.store import Store

    root = practice
    if where == "example":
        root = tmp_path / "example"
        shutil.copytree(Path(__file__).parents[1] / "examples" / "store", root)
    store = Store(root)
    made = [codec.client_to_doc(store.client(path.stem)) for path in root.glob("clients/*.toml")]
    made += [codec.process_to_doc(store.process(p.stem)) for p in root.glob("processes/*.toml")]
    assert len(made) >= 5
    for doc in made:
        text = dump_toml(doc)
        assert jsonable(migrate(doc, "x", "")) == jsonable(
            migrate(parse_toml(text, "x"), "x", text)
        )


def test_a_removed_process_leaves_every_view(practice: Path, tyo: Tyo) -> None:
    _views(tyo)
    (practice / "processes" / f"{LIVE}.toml").unlink()
    assert LIVE not in tyo("agenda", "--json").stdout
    assert LIVE not in tyo("process", "list").stdout


def test_a_damaged_document_cache_is_read_from_the_file(practice: Path, tyo: Tyo) -> None:
    shown = tyo("process", "show", LIVE, "--json").stdout
    cached = practice / ".cache" / "processes" / f"{LIVE}.json"
    for damage in ("[4, [1, 2], {}]", "{[", "", json.dumps([4, None, {"id": "x"}])):
        cached.write_text(damage)
        assert tyo("process", "show", LIVE, "--json").stdout == shown
    cached.unlink()
    cached.symlink_to(practice / "settings.toml")
    assert tyo("process", "show", LIVE, "--json").stdout == shown


# --- a month's bills, kept in .cache/bills.json (usecases/kept_bills.py) -----------------


def test_a_months_bills_are_kept_and_made_again_when_anything_changes(
    practice: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = {
        form: tyo("billing", "2026-11", *form).stdout for form in ((), ("--json",), ("--csv",))
    }
    kept = practice / ".cache" / "bills.json"
    stamp = kept.stat().st_mtime_ns
    for form, shown in first.items():
        assert tyo("billing", "2026-11", *form).stdout == shown
    assert kept.stat().st_mtime_ns == stamp  # read from the cache, not made again
    # The clock: a meeting planned for 23.11. bills nothing until logged, once it is past.
    assert "not logged yet" not in first[()]
    monkeypatch.setenv("TYO_NOW", "2026-11-24 09:00")
    assert f"{LIVE}#11" in tyo("billing", "2026-11").stderr
    # A hand edit to a process of the month: the meeting held, 45 minutes longer.
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    path = practice / "processes" / f"{LIVE}.toml"
    text = path.read_text(encoding="utf-8")
    at = text.index("start = 2026-11-23 15:30:00")
    planned = text.index('status = "planned"', at)
    path.write_text(text[:planned] + 'status = "held"' + text[planned + 18 :], encoding="utf-8")
    held = json.loads(tyo("billing", "2026-11", "--json").stdout)
    days = {(item["process"], item["date"]) for bill in held["clients"] for item in bill["items"]}
    assert (LIVE, "2026-11-23") in days
    for damage in ("{[", "", json.dumps(read_cache(kept))):  # the last without its CRC line
        kept.write_text(damage)
        assert json.loads(tyo("billing", "2026-11", "--json").stdout) == held
    write_cache(kept, {"version": INDEX_VERSION, "entries": {"2026-11 ": [[], [[1]]]}})
    assert json.loads(tyo("billing", "2026-11", "--json").stdout) == held
    shutil.rmtree(practice / ".cache")
    assert json.loads(tyo("billing", "2026-11", "--json").stdout) == held


def test_a_change_to_one_process_bills_only_its_clients_loose_ends_again(
    practice: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.usecases import loose_ends

    first = tyo("billing", "2026-10").stdout
    assert "Not yet invoiced: satula-hoivakoti-004 has" in first
    billed: list[set[str]] = []
    original = loose_ends._bills

    def recording(store: Any, sought: Any, *, now: Any, whole: bool = True) -> Any:
        billed.append({client for client, _ in sought.wanted})
        return original(store, sought, now=now, whole=whole)

    monkeypatch.setattr(loose_ends, "_bills", recording)
    assert tyo("billing", "2026-10").stdout == first
    assert billed == []  # every client's from the cache
    path = practice / "processes" / f"{LIVE}.toml"
    # A change billing does not show (the place), before the month's end: the file's
    # part before the month differs, so its client is billed again, as it was.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('\nplace = "', '\nplace = "Toinen '), encoding="utf-8")
    assert tyo("billing", "2026-10").stdout == first
    assert billed == [{"satula-hoivakoti-004"}]


def test_a_change_to_one_process_bills_only_its_clients_month_again(
    practice: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.usecases.bills import month_bills as original

    first = tyo("billing", "2026-11", "--json").stdout
    asked: list[object] = []

    def recording(*args: Any, **options: Any) -> Any:
        asked.append(options.get("only"))
        return original(*args, **options)

    monkeypatch.setattr("tyonohjaus_cli.usecases.bills.month_bills", recording)
    assert tyo("billing", "2026-11", "--json").stdout == first
    assert asked == []
    path = practice / "processes" / f"{LIVE}.toml"
    # A change billing does not show (the place), before the month's end: the file's
    # part before the month differs, so its client is billed again, as it was.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('\nplace = "', '\nplace = "Toinen '), encoding="utf-8")
    assert tyo("billing", "2026-11", "--json").stdout == first
    assert asked == [["satula-hoivakoti-004"]]


def test_the_own_calendar_reads_no_settled_part_yet_shows_an_old_open_process(
    practice: Path, tyo: Tyo
) -> None:
    """``tyo ics --every-process`` lists the open processes from the live part of the index
    and the settled part's note of which of its processes are open (one left open years
    ago has nothing live, and is still open work)."""
    own = ("ics", "--every-process")
    _rewrite_by_renaming(
        practice / "processes" / f"{OLD}.toml", 'status = "closed"', 'status = "active"'
    )
    first = tyo(*own)
    assert first.exit_code == 0, first.output
    assert "DTSTART;TZID=Europe/Helsinki:2019" in first.stdout  # the old process's meetings
    settled = practice / ".cache" / "settled.json"
    assert f"processes/{OLD}.toml" in _entries(settled)
    settled.write_text("damaged, and would be written again if it were read")
    assert tyo(*own).stdout == first.stdout
    assert settled.read_text().startswith("damaged")
    shutil.rmtree(practice / ".cache")
    assert tyo(*own).stdout == first.stdout


def test_an_old_open_process_closed_by_tyo_leaves_the_own_calendar(
    practice: Path, tyo: Tyo
) -> None:
    own = ("ics", "--every-process")
    _rewrite_by_renaming(
        practice / "processes" / f"{OLD}.toml", 'status = "closed"', 'status = "active"'
    )
    assert "TZID=Europe/Helsinki:2019" in tyo(*own).stdout
    closed = tyo("process", "close", OLD)
    assert closed.exit_code == 0, closed.output
    after = tyo(*own).stdout
    assert "TZID=Europe/Helsinki:2019" not in after
    shutil.rmtree(practice / ".cache")
    assert tyo(*own).stdout == after


def test_an_index_without_the_note_of_open_settled_processes_is_made_again(
    practice: Path, tyo: Tyo
) -> None:
    own = ("ics", "--every-process")
    first = tyo(*own).stdout
    live = practice / ".cache" / "index.json"
    index = read_cache(live)
    assert "settled open" in index["meta"]
    del index["meta"]["settled open"]
    write_cache(live, index)
    assert tyo(*own).stdout == first
    assert "settled open" in read_cache(live)["meta"]


# --- a first month's view leaves files it plainly needs nothing of unread (storage/unread.py)


def _first(tyo: Tyo, practice: Path, *args: str) -> Any:
    """``tyo *args`` as the first command after an upgrade: no ``.cache/``."""
    shutil.rmtree(practice / ".cache", ignore_errors=True)
    return tyo(*args)


def _mistake(practice: Path) -> None:
    """A hand-edit mistake in the settled process: a meeting's status misspelt."""
    _rewrite_by_renaming(
        practice / "processes" / f"{OLD}.toml", 'status = "held"', 'status = "helt"'
    )


def test_a_first_months_view_leaves_a_plainly_settled_process_unread(
    practice: Path, tyo: Tyo
) -> None:
    """What a settled process's text shows (a status that is not open, its last start
    long before the month's loose ends) is enough for a month's view: the file is not read
    as TOML, so a mistake in it is told by the next view that needs it, as a hand edit in
    place of a settled file is (see above)."""
    month = ("billing", "2026-10", "--json")
    clean = _first(tyo, practice, *month).stdout
    _mistake(practice)
    for args in (month, ("agenda", "--json"), ("billing", "2026-11")):
        first = _first(tyo, practice, *args)
        assert first.exit_code == 0, (args, first.output)
    assert _first(tyo, practice, *month).stdout == clean
    settled = practice / ".cache" / "settled.json"
    kept = read_cache(settled)["entries"][f"processes/{OLD}.toml"][1]
    assert kept == ["unread", _last_start(practice).split()[2]]
    # Another settled file saved by renaming: every file is checked again, this one by
    # what was noted of it.
    other = practice / "processes" / "tarinala-kotihoito-003-2019.toml"
    _rewrite_by_renaming(other, "\nplace = ", "\nplace = ")
    assert tyo(*month).stdout == clean
    for whole in (("process", "list"), ("doctor",)):
        told = tyo(*whole)
        assert told.exit_code == 1, told.output
        assert f"processes/{OLD}.toml" in told.stderr + told.stdout


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('status = "closed"', 'status = "active"'),  # open: the own calendar lists it
        ('status = "closed"\n', ""),  # no status: active
        ('title = "Ryhmätyönohjaus 2019"', 'title = "Ryhm\\u00e4ty\\u00f6nohjaus 2019"'),
        ('plan = "15x4w"', 'plan = """15x4w"""'),
        ("start = 2019-09-23 15:30:00", 'start = "2019-09-23T15:30"'),
        ("start = 2019-09-23 15:30:00", "start = 2023-09-30 15:30:00"),  # the loose ends'
    ],
    ids=["active", "no-status", "escape", "multi-line", "start-as-text", "in-the-window"],
)
def test_a_settled_process_not_plainly_so_is_read_on_a_first_run(
    practice: Path, tyo: Tyo, old: str, new: str
) -> None:
    _mistake(practice)
    _rewrite_by_renaming(practice / "processes" / f"{OLD}.toml", old, new)
    first = _first(tyo, practice, "billing", "2026-10")
    assert first.exit_code == 1, first.output
    assert first.stderr.startswith(f"tyo: processes/{OLD}.toml, line ")


def test_a_live_process_before_a_views_first_day_is_read_when_a_view_wants_it(
    practice: Path, tyo: Tyo
) -> None:
    """Closed in 2022, after the horizon: live, yet a first billing of 2026-10 (its loose
    ends from 2023-10) needs nothing of it; an agenda of its month reads it, from the
    live part of the index."""
    rel = "processes/lorula-sosiaalitoimi-001-2022.toml"
    path = practice / rel
    month = ("billing", "2022-11", "--json")
    clean = _first(tyo, practice, *month).stdout
    text = path.read_text(encoding="utf-8")
    _rewrite_by_renaming(path, 'status = "held"', 'status = "helt"')
    first = _first(tyo, practice, "billing", "2026-10")
    assert first.exit_code == 0, first.output
    live = read_cache(practice / ".cache" / "index.json")["entries"]
    assert live[rel][1] == ["unread", "2022-11-21"]
    assert tyo("billing", "2026-11").exit_code == 0
    told = tyo("agenda", "--from", "2022-11-01", "--to", "2022-11-30")
    assert told.exit_code == 1
    assert told.stderr.startswith(f"tyo: {rel}, line ")
    _rewrite_by_renaming(path, 'status = "helt"', 'status = "held"')
    assert path.read_text(encoding="utf-8") == text
    assert tyo(*month).stdout == clean


def _last_start(practice: Path) -> str:
    text = (practice / "processes" / f"{OLD}.toml").read_text(encoding="utf-8")
    at = text.rindex("\nstart = ") + 1
    return text[at : text.index("\n", at)]


def test_a_meeting_written_as_text_is_seen_on_a_first_run(practice: Path, tyo: Tyo) -> None:
    """A start may be written as text, in ISO 8601's basic form too (no dashes)."""
    _rewrite_by_renaming(
        practice / "processes" / f"{OLD}.toml", _last_start(practice), 'start = "20261005T1530"'
    )
    shown = json.loads(_first(tyo, practice, "billing", "2026-10", "--json").stdout)
    days = {(item["process"], item["date"]) for bill in shown["clients"] for item in bill["items"]}
    assert (OLD, "2026-10-05") in days


def test_a_meeting_in_the_horizons_year_by_the_stores_clock_is_seen_on_a_first_run(
    practice: Path, tyo: Tyo
) -> None:
    """23:59 at offset -23:59 on 30 December is 01:58 on 1 January in Helsinki."""
    _rewrite_by_renaming(
        practice / "processes" / f"{OLD}.toml",
        _last_start(practice),
        "start = 2021-12-30 23:59:00-23:59",
    )
    args = ("agenda", "--from", "2022-01-01", "--to", "2022-01-01", "--json")
    assert OLD in _first(tyo, practice, *args).stdout
