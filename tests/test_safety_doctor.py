"""`tyo doctor [--fix]`: every problem named with its file and what to do."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import add_process, plant_invoice, snapshot, write_private


def test_a_healthy_store_is_in_order(initialised: Tyo, store_path: Path) -> None:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    result = initialised("doctor")
    assert (result.exit_code, result.stdout) == (
        0,
        f"The store at {store_path} is in order (3 files read).\n",
    )


def test_no_store(tyo: Tyo, store_path: Path) -> None:
    result = tyo("doctor")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{store_path}: no store at {store_path}"


def test_damaged_file_named_with_line_and_advice(initialised: Tyo, store_path: Path) -> None:
    path = store_path / "clients/pohde.toml"
    path.write_text(path.read_text().replace("payment_days = 21", 'payment_days = "soon"'))
    result = initialised("doctor")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("clients/pohde.toml, line ")
    assert lines[0].endswith("'payment_days' must be a whole number from 0, not 'soon'")
    assert lines[1].startswith("  what to do: correct it in an editor")


def test_newer_schema_is_reported(initialised: Tyo, store_path: Path) -> None:
    path = store_path / "clients/pohde.toml"
    path.write_text(path.read_text().replace("schema = 1", "schema = 9"))
    result = initialised("doctor")
    assert "written by a newer tyo (schema 9, this one reads up to 2); upgrade tyo" in result.stdout


def test_newer_schema_advice_is_to_upgrade_not_to_edit(initialised: Tyo, store_path: Path) -> None:
    path = store_path / "clients/pohde.toml"
    path.write_text(path.read_text().replace("schema = 1", "schema = 99"))
    result = initialised("--lang", "en", "doctor", "--json")
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["path"], problem["line"], problem["fixable"]) == (
        "clients/pohde.toml",
        1,
        False,
    )
    assert problem["advice"] == (
        "upgrade tyo to the version that wrote it (`tyo --version` shows this one); "
        "do not edit the file"
    )


def test_references(initialised: Tyo, store_path: Path) -> None:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    (store_path / "clients/pohde.toml").unlink()
    write_private(
        store_path / "expenses/x1.toml",
        'schema = 1\nprocess = "poissa"\ninvoice = 1004\namount = "12.00"\n',
    )
    plant_invoice(store_path, 1001, "pohde", "2027-02-01", "ryhma")
    plant_invoice(store_path, 1001, "pohde", "2027-02-01", "ryhma", name="copy")
    result = initialised("--lang", "en", "doctor", "--json")
    assert result.exit_code == 1
    problems = {(p["path"], p["problem"]) for p in json.loads(result.stdout)["problems"]}
    assert problems == {
        ("processes/ryhma.toml", "its client 'pohde' does not exist"),
        ("expenses/x1.toml", "refers to process 'poissa', which does not exist"),
        ("expenses/x1.toml", "refers to invoice 1004, which does not exist"),
        ("invoices/copy.toml", "invoice number 1001 is also used by invoices/1001.toml"),
    }


def test_duplicate_meeting_numbers(initialised: Tyo, store_path: Path) -> None:
    add_process(initialised, "ryhma", "pohde")
    path = store_path / "processes/ryhma.toml"
    text = path.read_text().replace("n = 2", "n = 1")
    path.write_text(text)
    line = text.count("\n", 0, text.index("n = 1", text.index("n = 1") + 1)) + 1
    problem = f"processes/ryhma.toml, line {line}: 'n' must be a number no other meeting has, not 1"
    assert problem in initialised("doctor").stdout
    result = initialised("agenda", "--from", "2027-01-01")
    assert (result.exit_code, result.stderr) == (1, f"tyo: {problem}\n")


def test_fix_repairs_only_what_is_safe(initialised: Tyo, store_path: Path) -> None:
    (store_path / "clients/pohde.toml").chmod(0o644)
    (store_path / "clients").chmod(0o755)
    write_private(store_path / "processes/.ryhma.toml.4242.tmp", "half a file")
    write_private(store_path / ".cache/index.json", "{not json")
    (store_path / ".lock").write_text("pid 4242 since 2027-01-04T09:00:00+0200\n")
    broken = store_path / "processes/rikki.toml"
    write_private(broken, "schema = 1\nid = \n")
    result = initialised("--lang", "en", "doctor")
    assert result.exit_code == 1
    assert f"6 problems in {store_path}; `tyo doctor --fix` repairs 5." in result.stdout
    assert (
        ".lock: stale lock info: pid 4242 since Mon 2027-01-04 09:00 was stopped" in result.stdout
    )
    result = initialised("--lang", "en", "doctor", "--fix")
    assert result.exit_code == 1  # the broken process file is the supervisor's to mend
    fixed = [line for line in result.stdout.splitlines() if line.startswith("fixed: ")]
    assert fixed == [
        "fixed: removed the temporary file processes/.ryhma.toml.4242.tmp",
        "fixed: deleted the damaged cache .cache/index.json",
        "fixed: made clients private (700)",
        "fixed: made clients/pohde.toml private (600)",
        "fixed: cleared the stale lock info",
    ]
    assert f"1 problem in {store_path}; `tyo doctor --fix` repairs 0." in result.stdout
    assert result.stdout.count("processes/rikki.toml, line 2") == 1
    assert oct((store_path / "clients/pohde.toml").stat().st_mode & 0o777) == "0o600"
    assert (store_path / ".lock").read_text() == ""
    assert broken.read_text() == "schema = 1\nid = \n"


def test_fix_rolls_back_an_interrupted_change(initialised: Tyo, store_path: Path) -> None:
    from datetime import UTC, datetime

    from tyonohjaus_cli.storage import journal

    before = snapshot(store_path)
    entry = journal.Entry(
        3,
        datetime(2027, 1, 4, tzinfo=UTC).isoformat(),
        "client edit pohde",
        (journal.FileChange("clients/pohde.toml", before["clients/pohde.toml"].decode(), "x = ["),),
    )
    write_private(store_path / "history/00000003.pending.json", journal._encode(entry).decode())
    (store_path / "clients/pohde.toml").write_text("x = [")
    result = initialised("--lang", "en", "doctor")
    assert (
        "history/00000003.pending.json: the change 'client edit pohde' was interrupted"
        in result.stdout
    )
    result = initialised("--lang", "en", "doctor", "--fix")
    assert result.stdout.splitlines()[0] == (
        "fixed: rolled back the interrupted change 'client edit pohde'"
    )
    assert result.exit_code == 0
    assert snapshot(store_path) == before


def test_damaged_history_entry(initialised: Tyo, store_path: Path) -> None:
    (store_path / "history/00000002.json").write_text("{")
    result = initialised("doctor")
    assert result.exit_code == 1
    assert "history/00000002.json: a damaged history entry" in result.stdout
    result = initialised("undo")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "damaged history entry" in result.stderr


def test_doctor_json_is_stable(initialised: Tyo, store_path: Path) -> None:
    (store_path / "clients/pohde.toml").chmod(0o640)
    result = initialised("--lang", "en", "doctor", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "store": str(store_path),
        "files": 2,
        "fixed": [],
        "problems": [
            {
                "path": "clients/pohde.toml",
                "line": None,
                "problem": "readable by others (mode 640, should be 600)",
                "advice": "`tyo doctor --fix` makes it private",
                "fixable": True,
            }
        ],
    }


def test_doctor_reads_the_session_log_as_tyo_notes_does(initialised: Tyo, store_path: Path) -> None:
    from tests.safety_helpers import plant_session_log

    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    path = plant_session_log(store_path, "ryhma", "muistiinpano", ("Aino Virtanen",))
    assert initialised("doctor").exit_code == 0
    path.write_text(path.read_text().replace('"meeting": 1', '"meeting": "yksi"'))
    result = initialised("--lang", "en", "doctor")
    assert result.exit_code == 1
    assert result.stdout.startswith("sessions/ryhma.json, line 6: 'meeting' must be a whole number")


def test_a_wrong_value_is_shown_as_written_not_as_python(
    initialised: Tyo, store_path: Path
) -> None:
    add_process(initialised, "ryhma", "pohde")
    path = store_path / "processes/ryhma.toml"
    text = path.read_text()
    first = text.index("start = ")
    text = text[:first] + text[first:].replace(
        "start = 2027-01-12 14:00:00", "start = 2027-03-15", 1
    )
    path.write_text(text)
    line = text.count("\n", 0, text.index("start = 2027-03-15")) + 1
    problem = (
        f"processes/ryhma.toml, line {line}: 'start' must be a date and time such as "
        "2027-01-12T14:00:00, not 2027-03-15"
    )
    assert problem in initialised("--lang", "en", "doctor").stdout
    result = initialised("--lang", "en", "agenda", "--from", "2027-01-01")
    assert (result.exit_code, result.stderr) == (1, f"tyo: {problem}\n")
    result = initialised("--lang", "fi", "doctor")
    assert (
        "'start' pitää olla päivämäärä ja kellonaika, esim. 2027-01-12T14:00:00, ei 2027-03-15"
        in (result.stdout)
    )


@pytest.mark.parametrize(
    ("value", "in_json", "expected"),
    [
        ("soon", False, "'soon'"),
        (12, False, "12"),
        (1.5, False, "1.5"),
        (True, False, "true"),
        (None, True, "null"),
        (date(2027, 3, 15), False, "2027-03-15"),
        (datetime(2027, 3, 15, 14, 0), False, "2027-03-15T14:00:00"),
        (time(14, 30), False, "14:30:00"),
        ([date(2027, 3, 15), "x", False], False, "[2027-03-15, 'x', false]"),
        ({"a": 1}, False, "a table"),
        ({"a": 1}, True, "an object"),
    ],
)
def test_values_in_messages_are_never_python_reprs(
    value: object, in_json: bool, expected: str
) -> None:
    from tyonohjaus_cli.i18n import set_language
    from tyonohjaus_cli.storage.documents import shown

    set_language("en")
    assert shown(value, in_json=in_json) == expected


def test_a_file_named_like_the_cache_folder_is_deleted_by_fix(
    initialised: Tyo, store_path: Path
) -> None:
    import shutil

    shutil.rmtree(store_path / ".cache", ignore_errors=True)
    (store_path / ".cache").write_text("not an index")
    (store_path / ".cache").chmod(0o644)
    result = initialised("--lang", "en", "doctor")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        ".cache: not a folder: tyo keeps its indexes (derived data) in the folder .cache/",
        "  what to do: `tyo doctor --fix` deletes it; the indexes are rebuilt from the store",
        f"1 problem in {store_path}; `tyo doctor --fix` repairs 1.",
    ]
    result = initialised("--lang", "en", "doctor", "--fix")
    assert (result.exit_code, result.stdout.splitlines()) == (
        0,
        [
            "fixed: deleted .cache, which was not a folder",
            f"The store at {store_path} is in order (2 files read).",
        ],
    )
    assert initialised("client", "list").exit_code == 0
    assert (store_path / ".cache/settings.json").is_file()  # indexed again


def test_a_file_named_like_the_history_folder_is_reported_not_deleted(
    initialised: Tyo, store_path: Path
) -> None:
    import shutil

    shutil.rmtree(store_path / "history")
    write_private(store_path / "history", "someone's notes")
    assert initialised("client", "add", "uusi", "--name", "Uusi").exit_code == 1
    result = initialised("--lang", "en", "doctor", "--fix")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        (
            "history: not a folder: tyo keeps the history of changes in the folder history/, "
            "so no change can be saved"
        ),
        (
            "  what to do: move it out of the store (it is not tyo's: look into it first); "
            "the next change makes the folder"
        ),
        f"1 problem in {store_path}; `tyo doctor --fix` repairs 0.",
    ]
    assert (store_path / "history").read_text() == "someone's notes"
    (store_path / "history").rename(store_path.parent / "history.txt")
    assert initialised("client", "add", "uusi", "--name", "Uusi").exit_code == 0
    assert (store_path / "history").is_dir()
    assert initialised("doctor").exit_code == 0


def _uid_lines(text: str) -> list[tuple[int, str]]:
    """``(line, uid)`` of every meeting of a process file, in order."""
    return [
        (number, line.split('"')[1])
        for number, line in enumerate(text.splitlines(), 1)
        if line.startswith("uid = ")
    ]


def test_a_calendar_uid_used_twice_is_named_with_its_line(
    initialised: Tyo, store_path: Path
) -> None:
    add_process(initialised, "ryhma", "pohde")
    path = store_path / "processes/ryhma.toml"
    text = path.read_text()
    (_, first), (_, second), _ = _uid_lines(text)
    path.write_text(text.replace(second, first))
    # A process made by copying another's file: every meeting repeats a UID.
    copy = path.read_text().replace('id = "ryhma"', 'id = "kopio"')
    write_private(store_path / "processes/kopio.toml", copy)
    result = initialised("--lang", "en", "doctor", "--json")
    assert result.exit_code == 1
    found = [
        (p["path"], p["line"], p["problem"], p["fixable"])
        for p in json.loads(result.stdout)["problems"]
    ]
    lines = [line for line, _ in _uid_lines(copy)]  # the same in both files
    assert found == [  # in file order: kopio.toml is read first
        (
            "processes/kopio.toml",
            lines[1],
            "meeting 2 has the same calendar UID as meeting 1 in processes/kopio.toml",
            False,
        ),
        *[
            (
                "processes/ryhma.toml",
                lines[n - 1],
                f"meeting {n} has the same calendar UID as meeting {other} in processes/kopio.toml",
                False,
            )
            for n, other in ((1, 1), (2, 1), (3, 3))
        ],
    ]
    advice = json.loads(result.stdout)["problems"][2]["advice"]
    assert advice == (
        "calendar apps merge meetings with the same UID: give one of the two a new 'uid' in an "
        "editor (any text no other meeting has, e.g. add -2 before @tyo) and send it again; "
        "for this one: `tyo ics ryhma --meeting 2`"
    )
    # As advised: a new UID each, and the store is in order.
    for name in ("ryhma", "kopio"):
        target = store_path / f"processes/{name}.toml"
        edited = target.read_text()
        for n, (_, uid) in enumerate(_uid_lines(edited), 1):
            edited = edited.replace(f'uid = "{uid}"', f'uid = "{uid[:-4]}-{name}{n}@tyo"', 1)
        target.write_text(edited)
    assert initialised("doctor").exit_code == 0
