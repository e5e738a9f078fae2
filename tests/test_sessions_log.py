"""``tyo log`` and ``tyo notes`` as the supervisor meets them, the $EDITOR flow included."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.sessions_sample import PROCESS

midway = sessions_sample.midway

planned = sessions_sample.planned


def _snapshot(store: Path) -> dict[str, str]:
    """Every file of the store but the derived cache, for "nothing changed" checks."""
    return {
        str(path.relative_to(store)): path.read_text(encoding="utf-8")
        for path in sorted(store.rglob("*"))
        if path.is_file() and ".cache" not in path.parts and path.name != ".lock"
    }


def _log(store: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (store / "sessions" / f"{PROCESS}.json").read_text(encoding="utf-8")
    )
    return loaded


# --- logging ---------------------------------------------------------------------------


def test_log_takes_the_next_unlogged_meeting(planned: Tyo, store_path: Path) -> None:
    result = planned("log", PROCESS, "--absent", "eero", "--note", "Hyvä alku.")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Logged meeting 1 of hoitajat-2027 (Tue 2027-01-12 14:00): "
        "held, 90 min, 3 of 4 present, with a private note.\n"
    )
    second = planned("log", PROCESS, "--minutes", "1h15", "--present", "Aino", "--present", "iida")
    assert second.stdout.startswith(
        "Logged meeting 2 of hoitajat-2027 (Tue 2027-02-09 14:00): held, 75 min, 2 of 4 present."
    )
    entries = _log(store_path)["entries"]
    assert entries == [
        {
            "meeting": 1,
            "logged": "2027-02-10T09:00:00+02:00",
            "present": ["Aino Virtanen", "Iida Malli", "Outi Koe"],
            "absent": ["Eero Esimerkki"],
            "themes": [],
            "methods": [],
            "note": "Hyvä alku.",
        },
        {
            "meeting": 2,
            "logged": "2027-02-10T09:00:00+02:00",
            "present": ["Aino Virtanen", "Iida Malli"],
            "absent": ["Eero Esimerkki", "Outi Koe"],
            "themes": [],
            "methods": [],
            "note": "",
        },
    ]
    shown = json.loads(planned("process", "show", PROCESS, "--json").stdout)
    assert [m["minutes"] for m in shown["meetings"][:3]] == [90, 75, 90]
    assert [m["status"] for m in shown["meetings"][:3]] == ["held", "held", "planned"]


def test_the_session_log_is_private_on_disk(planned: Tyo, store_path: Path) -> None:
    assert planned("log", PROCESS, "--note", "x").exit_code == 0
    if os.name == "posix":
        log = store_path / "sessions" / f"{PROCESS}.json"
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_a_meeting_ahead_asks_for_force(planned: Tyo) -> None:
    result = planned("log", PROCESS, "3", "--note", "x")
    assert result.exit_code == 2
    assert result.stderr == (
        "tyo: meeting 3 of hoitajat-2027 is on Tue 2027-03-09 14:00, still ahead: log it once "
        "it is held, or give --force if it was held early\n"
    )
    assert planned("log", PROCESS, "3", "--note", "x", "--force").exit_code == 0


def test_logging_twice_asks_for_force_and_keeps_what_is_not_given(
    planned: Tyo, store_path: Path
) -> None:
    first = planned("log", PROCESS, "1", "--absent", "Outi", "--theme", "työnjako", "--note", "A")
    assert first.exit_code == 0
    again = planned("log", PROCESS, "1", "--minutes", "80")
    assert again.exit_code == 2
    assert again.stderr == (
        "tyo: meeting 1 of hoitajat-2027 is logged already (held): --force logs it again, "
        "replacing what you give and keeping the rest\n"
    )
    forced = planned("log", PROCESS, "1", "--minutes", "80", "--force")
    assert forced.exit_code == 0, forced.output
    assert "held, 80 min, 3 of 4 present, with a private note" in forced.stdout
    (entry,) = _log(store_path)["entries"]
    assert entry["note"] == "A"
    assert entry["themes"] == ["työnjako"]
    assert entry["absent"] == ["Outi Koe"]


def test_no_show(planned: Tyo) -> None:
    result = planned("log", PROCESS, "--no-show")
    assert result.exit_code == 0
    assert result.stdout == "Logged meeting 1 of hoitajat-2027 (Tue 2027-01-12 14:00): no-show.\n"
    shown = json.loads(planned("process", "show", PROCESS, "--json").stdout)
    assert shown["meetings"][0]["status"] == "no-show"
    assert shown["progress"]["no_shows"] == 1
    refused = planned("log", PROCESS, "--no-show", "--minutes", "30")
    assert refused.exit_code == 2
    assert "--no-show records that nobody came" in refused.stderr


def test_a_cancelled_meeting_is_not_logged(planned: Tyo) -> None:
    cancelled = planned(
        "meeting", "cancel", PROCESS, "2", "--by", "supervisor", "--notified", "2027-02-08 16:00"
    )
    assert cancelled.exit_code == 0
    result = planned("log", PROCESS, "2", "--force", "--note", "x")
    assert result.exit_code == 2
    assert "meeting 2 of hoitajat-2027 was cancelled" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--present", "Pekka"),
            (
                "tyo: 'Pekka' is not a participant of hoitajat-2027 (they are: Aino Virtanen, "
                "Eero Esimerkki, Iida Malli, Outi Koe)\n"
            ),
        ),
        (
            ("--present", "Aino", "--absent", "aino virtanen"),
            "tyo: Aino Virtanen: both present and absent? Give each name once\n",
        ),
        (
            ("--attendance", "3"),
            (
                "tyo: process hoitajat-2027 names its participants: say who was there with "
                "--present NAME or --absent NAME, not --attendance\n"
            ),
        ),
        (
            ("--note", "a", "--note-file", "x.txt"),
            "tyo: give the note either with --note or with --note-file, not both\n",
        ),
        (("--note", "  "), "tyo: the note is empty: nothing was logged\n"),
        (
            ("9",),
            (
                "tyo: process hoitajat-2027 has no meeting 9 (it has 1 to 8): "
                "`tyo process show hoitajat-2027` lists them\n"
            ),
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    planned: Tyo, store_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = _snapshot(store_path)
    result = planned("log", PROCESS, *args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert _snapshot(store_path) == before


def test_an_ambiguous_name_asks_for_more(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-02-10 09:00")
    created = initialised(
        "new-process", "pari", "--client", "pohde", "--kind", "group",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3",
        "--participant", "Anna Aho", "--participant", "Anni Aho",
    )  # fmt: skip
    assert created.exit_code == 0
    result = initialised("log", "pari", "--absent", "ann")
    assert result.exit_code == 2
    assert result.stderr == (
        "tyo: 'ann' fits several participants of pari: Anna Aho, Anni Aho; type more of the name\n"
    )
    assert initialised("log", "pari", "--absent", "anni").exit_code == 0


def test_unnamed_group_takes_a_count(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-02-10 09:00")
    created = initialised(
        "new-process", "yhteiso", "--client", "pohde", "--kind", "community",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3", "--size", "9",
        "--co-supervisor", "Kaisa Kumppani",
    )  # fmt: skip
    assert created.exit_code == 0
    by_name = initialised("log", "yhteiso", "--present", "Aino")
    assert by_name.exit_code == 2
    assert "names no participants: give the number present with --attendance N" in by_name.stderr
    result = initialised("log", "yhteiso", "--attendance", "7")
    assert "held, 90 min, 7 of 9 present." in result.stdout


def test_note_from_a_file_and_from_stdin(planned: Tyo, store_path: Path, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Tiedostosta.\nToinen rivi.\n", encoding="utf-8")
    assert planned("log", PROCESS, "--note-file", str(note)).exit_code == 0
    assert planned("log", PROCESS, "--note-file", "-", stdin="Syötteestä.\n").exit_code == 0
    notes = [entry["note"] for entry in _log(store_path)["entries"]]
    assert notes == ["Tiedostosta.\nToinen rivi.", "Syötteestä."]
    missing = planned("log", PROCESS, "1", "--force", "--note-file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert missing.stderr.startswith("tyo: can't read ")


def test_log_in_finnish(planned: Tyo) -> None:
    result = planned("--lang", "fi", "log", PROCESS, "--absent", "Eero", "--note", "x")
    assert result.stdout == (
        "Kirjattiin prosessin hoitajat-2027 tapaaminen 1 (ti 12.1.2027 klo 14.00): "
        "pidetty, 90 min, läsnä 3/4, yksityinen muistiinpano.\n"
    )


def test_process_show_points_at_the_next_review(midway: Tyo) -> None:
    """Meeting 5 of 7 kept meetings is the midpoint; the sample reviewed it already."""
    result = midway("process", "show", PROCESS)
    assert "next review:  final review at meeting 8, Tue 2027-07-27" in result.stdout


def test_midpoint_reminder(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-05-10 09:00")
    for n in ("1", "2", "3"):
        assert planned("log", PROCESS, n).exit_code == 0
    result = planned("log", PROCESS, "4")
    assert result.stdout.splitlines()[-1] == (
        "This was the midpoint review point: record the goal review with "
        "`tyo goal review hoitajat-2027 --goal G --score 1..5`."
    )


# --- $EDITOR ---------------------------------------------------------------------------


def _editor(tmp_path: Path, body: str) -> str:
    """A fake editor: a script that records what it was given, then writes ``body``."""
    script = tmp_path / "editor.py"
    seen = tmp_path / "seen.txt"
    script.write_text(
        "import pathlib, shutil, sys\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        f"shutil.copy(path, {str(seen)!r})\n"
        f"path.write_text({body!r}, encoding='utf-8')\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_editor_writes_the_note(
    planned: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "Muistiinpano editorista.\n# ohje pois\n"))
    result = planned("log", PROCESS, "--edit", "--theme", "työnjako")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("with a private note.\n")
    assert _log(store_path)["entries"][0]["note"] == "Muistiinpano editorista."
    assert (tmp_path / "seen.txt").read_text(encoding="utf-8") == (
        "\n"
        "# Private note on meeting 1 of hoitajat-2027, Tue 2027-01-12 14:00.\n"
        "# Write what you want to remember; it stays in your store and never reaches the client.\n"
        "# Lines starting with '#' are left out. An empty note leaves everything as it was.\n"
    )
    assert list((store_path / ".cache").glob("NOTE-*")) == []


def test_editor_opens_by_itself_in_a_terminal_with_the_earlier_note(
    planned: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert planned("log", PROCESS, "--note", "Ensimmäinen versio.").exit_code == 0
    monkeypatch.setattr("tyonohjaus_cli.cli.sessions._in_terminal", lambda: True)
    monkeypatch.setenv("VISUAL", _editor(tmp_path, "Korjattu versio.\n"))
    monkeypatch.setenv("EDITOR", "false")  # VISUAL comes first
    result = planned("log", PROCESS, "1", "--force")
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "seen.txt")
        .read_text(encoding="utf-8")
        .startswith("Ensimmäinen versio.\n# Private note on meeting 1")
    )
    assert _log(store_path)["entries"][0]["note"] == "Korjattu versio."


def test_an_empty_note_aborts_without_change(
    planned: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(store_path)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "\n# only comments\n\n"))
    result = planned("log", PROCESS, "--edit", "--absent", "Eero")
    assert (result.exit_code, result.stderr) == (2, "tyo: the note is empty: nothing was logged\n")
    assert _snapshot(store_path) == before
    assert list((store_path / ".cache").glob("NOTE-*")) == []


def test_a_failing_editor_aborts_without_change(
    planned: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(store_path)
    monkeypatch.setenv("EDITOR", f"{sys.executable} -c 'raise SystemExit(3)'")
    result = planned("log", PROCESS, "--edit")
    assert (result.exit_code, result.stderr) == (
        1,
        "tyo: the editor exited with code 3: nothing was logged\n",
    )
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    missing = planned("log", PROCESS, "--edit")
    assert missing.exit_code == 2
    assert missing.stderr == (
        "tyo: can't start the editor '/nonexistent/editor': set EDITOR, or give the note "
        "with --note\n"
    )
    assert _snapshot(store_path) == before


def test_a_mistake_shows_before_the_editor_opens(
    planned: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "Kirjoitettu turhaan.\n"))
    result = planned("log", PROCESS, "--edit", "--present", "Pekka")
    assert result.exit_code == 2
    assert "'Pekka' is not a participant" in result.stderr
    assert not (tmp_path / "seen.txt").exists()


def test_without_a_terminal_no_editor_opens(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    result = planned("log", PROCESS, "--theme", "aloitus")
    assert result.exit_code == 0
    assert "with a private note" not in result.stdout


# --- tyo notes -------------------------------------------------------------------------


def test_notes_of_one_meeting(midway: Tyo) -> None:
    result = midway("notes", PROCESS, "--meeting", "2")
    assert result.exit_code == 0
    assert result.stdout == (
        "Session log of hoitajat-2027 — Hoitajien ryhmätyönohjaus\n"
        "Private: for the supervisor only.\n"
        "\n"
        "Meeting 2 · Tue 2027-02-09 14:00 · held, 75 min\n"
        "  Present: Aino Virtanen, Iida Malli, Outi Koe\n"
        "  Absent: Eero Esimerkki\n"
        "  Themes: työnjako, palaute\n"
        "  Note:\n"
        "    Lyhyempi kerta.\n"
    )
    ahead = midway("notes", PROCESS, "--meeting", "6")
    assert (ahead.exit_code, ahead.stderr) == (
        2,
        "tyo: meeting 6 of hoitajat-2027 is not logged yet\n",
    )


def test_notes_in_markdown(midway: Tyo) -> None:
    result = midway("notes", PROCESS, "--md")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "# Session log of hoitajat-2027 — Hoitajien ryhmätyönohjaus",
        "",
        "Private: for the supervisor only.",
    ]
    assert "## Meeting 4 · Tue 2027-04-06 14:00 · held, 90 min" in lines
    assert "- **Absent:** Outi Koe" in lines
    assert "## Goal reviews" in lines
    assert (
        "- Tue 2027-01-12: goal 1, score 2, with the participants (not shared) — "
        "Roolit ovat epäselviä"
    ) in lines


def test_notes_before_anything_is_logged(planned: Tyo) -> None:
    result = planned("notes", PROCESS)
    assert result.stdout == (
        "Nothing logged for hoitajat-2027 yet: `tyo log hoitajat-2027` records a meeting.\n"
    )


def test_a_hand_edited_log_with_a_mistake_names_file_and_line(
    midway: Tyo, store_path: Path
) -> None:
    path = store_path / "sessions" / f"{PROCESS}.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"meeting": 2,', '"meeting": "two",'),
        encoding="utf-8",
    )
    result = midway("notes", PROCESS)
    assert result.exit_code == 1
    line = next(
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if '"two"' in text
    )
    assert result.stderr == (
        f"tyo: sessions/{PROCESS}.json, line {line}: "
        "'meeting' must be a whole number from 1, not 'two'\n"
    )


def test_a_log_from_a_newer_tyo_is_refused(midway: Tyo, store_path: Path) -> None:
    path = store_path / "sessions" / f"{PROCESS}.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"schema": 1', '"schema": 99'), encoding="utf-8"
    )
    result = midway("notes", PROCESS)
    assert result.exit_code == 1
    assert (
        "written by a newer tyo (schema 99, this one reads up to 2); upgrade tyo" in result.stderr
    )


def test_broken_json_is_a_store_error(midway: Tyo, store_path: Path) -> None:
    (store_path / "sessions" / f"{PROCESS}.json").write_text("{\n  oops\n", encoding="utf-8")
    result = midway("notes", PROCESS)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tyo: sessions/{PROCESS}.json, line 2: not valid JSON")


def test_notes_as_json(midway: Tyo) -> None:
    result = midway("notes", PROCESS, "--meeting", "4", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "process": PROCESS,
        "meetings": [
            {
                "n": 4,
                "start": "2027-04-06T14:00:00+03:00",
                "status": "held",
                "minutes": 90,
                "attended": 3,
                "logged": "2027-05-10T09:00:00+03:00",
                "present": ["Aino Virtanen", "Eero Esimerkki", "Iida Malli"],
                "absent": ["Outi Koe"],
                "themes": ["jaksaminen", sessions_sample.SECRET_THEME],
                "methods": [sessions_sample.SECRET_METHOD],
                "note": f"Eero kertoi, että {sessions_sample.SECRET_NOTE}.",
            }
        ],
        "reviews": [],
    }


def test_an_editor_that_saves_no_text_aborts(
    planned: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "binary.py"
    script.write_text(
        "import pathlib, sys\npathlib.Path(sys.argv[-1]).write_bytes(b'\\xff\\xfe muistiinpano')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    before = _snapshot(store_path)
    result = planned("log", PROCESS, "--edit")
    assert (result.exit_code, result.stderr) == (
        2,
        "tyo: the note is not UTF-8 text: nothing was logged\n",
    )
    assert _snapshot(store_path) == before


def test_undo_takes_back_a_log_whole(planned: Tyo, store_path: Path) -> None:
    before = _snapshot(store_path)
    assert planned("log", PROCESS, "--absent", "Eero", "--note", "Peruttava.").exit_code == 0
    assert _snapshot(store_path) != before
    result = planned("undo")
    assert result.exit_code == 0, result.output
    after = _snapshot(store_path)
    assert {rel: text for rel, text in after.items() if not rel.startswith("history")} == {
        rel: text for rel, text in before.items() if not rel.startswith("history")
    }


def test_notes_as_json_carry_every_review(midway: Tyo) -> None:
    shown = json.loads(midway("notes", PROCESS, "--json").stdout)
    assert [m["n"] for m in shown["meetings"]] == [1, 2, 4, 5]
    assert shown["reviews"][0] == {
        "goal": 1,
        "day": "2027-01-12",
        "score": 2,
        "with": "participants",
        "comment": "Roolit ovat epäselviä",
        "shared": False,
    }
    assert [r["shared"] for r in shown["reviews"]] == [False, True, False, True]
