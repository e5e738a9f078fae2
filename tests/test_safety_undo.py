"""`tyo undo` and `tyo history`, and the journal under interrupted undos."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import add_process, snapshot
from tyonohjaus_cli.storage import journal


def test_history_lists_changes_newest_first(initialised: Tyo) -> None:
    initialised("client", "edit", "pohde", "--discount", "10")
    result = initialised("history")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "when", "command", "files"]
    assert lines[1].split() == [
        "3",
        "Mon",
        "2027-01-04",
        "09:00",
        "client",
        "edit",
        "pohde",
        "clients/pohde.toml",
    ]
    assert lines[2].endswith("+clients/pohde.toml")
    assert lines[3].split()[-2:] == ["init", "+settings.toml"]


def test_history_json_is_stable(initialised: Tyo) -> None:
    result = initialised("history", "--json", "-n", "1")
    assert json.loads(result.stdout) == [
        {
            "number": 2,
            "at": "2027-01-04T09:00:00+02:00",
            "command": "client add pohde",
            "files": ["+clients/pohde.toml"],
        }
    ]


def test_undo_goes_back_one_change_at_a_time(initialised: Tyo, store_path: Path) -> None:
    before_edit = (store_path / "clients/pohde.toml").read_text()
    initialised("client", "edit", "pohde", "--discount", "10")
    result = initialised("undo")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Undid change 3: 'client edit pohde' of Mon 2027-01-04 09:00.\n"
        "  restored clients/pohde.toml as it was\n"
    )
    assert (store_path / "clients/pohde.toml").read_text() == before_edit
    result = initialised("undo")
    assert result.stdout.splitlines()[1] == "  removed clients/pohde.toml"
    assert not (store_path / "clients/pohde.toml").exists()
    assert initialised("undo").exit_code == 0  # the init itself
    result = initialised("undo")
    assert (result.exit_code, result.stderr) == (1, "tyo: nothing to undo: the history is empty\n")


def test_undo_refuses_when_a_file_was_edited_by_hand(initialised: Tyo, store_path: Path) -> None:
    path = store_path / "clients/pohde.toml"
    path.write_text(path.read_text().replace("Pohjoisen", "Eteläisen"))
    before = snapshot(store_path)
    result = initialised("undo")
    assert result.exit_code == 1
    assert result.stderr == (
        "tyo: can't undo 'client add pohde': clients/pohde.toml has changed since "
        "(edited by hand?); nothing was changed\n"
    )
    assert snapshot(store_path) == before


def test_history_keeps_many_generations(initialised: Tyo, store_path: Path) -> None:
    for discount in range(1, 13):
        assert initialised("client", "edit", "pohde", "--discount", str(discount)).exit_code == 0
    for discount in range(11, 0, -1):
        initialised("undo")
        assert f'discount = "{discount}"' in (store_path / "clients/pohde.toml").read_text()


def test_journal_prunes_beyond_keep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    monkeypatch.setattr(journal, "KEEP", 5)
    now = datetime(2027, 1, 4, tzinfo=UTC)
    for n in range(8):
        journal.commit(tmp_path, f"change {n}", {"a.toml": f"n = {n}\n"}, now)
    assert [entry.number for entry in journal.entries(tmp_path)] == [4, 5, 6, 7, 8]


class _CrashError(Exception):
    pass


def _crash_on(monkeypatch: pytest.MonkeyPatch, name: str, after: int) -> None:
    """Make the ``after``-th call of ``journal.<name>`` crash like a killed process."""
    real = getattr(journal, name)
    calls = {"n": 0}

    def crashing(*args: object) -> None:
        calls["n"] += 1
        if calls["n"] == after:
            raise _CrashError
        real(*args)

    monkeypatch.setattr(journal, name, crashing)


def _two_file_store(root: Path) -> None:
    from datetime import UTC, datetime

    now = datetime(2027, 1, 4, tzinfo=UTC)
    journal.commit(root, "first", {"a.toml": "a = 1\n", "b.toml": "b = 1\n"}, now)
    journal.commit(root, "second", {"a.toml": "a = 2\n", "b.toml": "b = 2\n"}, now)


@pytest.mark.parametrize("after", [1, 2, 3])
def test_an_undo_interrupted_while_writing_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    _two_file_store(tmp_path)
    with monkeypatch.context() as patch:
        _crash_on(patch, "atomic_write", after)
        with pytest.raises(_CrashError):
            journal.undo(tmp_path)
    journal.recover(tmp_path)
    # The undo never happened: the change stays, in force and in the history.
    assert (tmp_path / "a.toml").read_text() == "a = 2\n"
    assert (tmp_path / "b.toml").read_text() == "b = 2\n"
    assert [e.command for e in journal.entries(tmp_path)] == ["first", "second"]
    assert journal.undo(tmp_path) is not None
    assert (tmp_path / "a.toml").read_text() == "a = 1\n"


def test_an_undo_interrupted_after_it_took_effect_stays_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_file_store(tmp_path)
    with monkeypatch.context() as patch:
        # remove(): 1st call removes the entry (the undo takes effect), 2nd the pending file.
        _crash_on(patch, "remove", 2)
        with pytest.raises(_CrashError):
            journal.undo(tmp_path)
    assert journal.has_pending(tmp_path)
    journal.recover(tmp_path)
    assert not journal.has_pending(tmp_path)
    assert (tmp_path / "a.toml").read_text() == "a = 1\n"
    assert [e.command for e in journal.entries(tmp_path)] == ["first"]


def test_a_change_without_undo_leaves_no_history(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    now = datetime(2027, 1, 4, tzinfo=UTC)
    journal.commit(tmp_path, "first", {"a.toml": "secret = 1\n"}, now)
    journal.commit(tmp_path, "forget", {"a.toml": None}, now, undoable=False)
    assert not (tmp_path / "a.toml").exists()
    assert [e.command for e in journal.entries(tmp_path)] == ["first"]
    assert not journal.has_pending(tmp_path)


def test_undo_of_a_new_process_in_the_store(initialised: Tyo, store_path: Path) -> None:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    result = initialised("undo")
    assert result.stdout.splitlines()[0] == (
        "Undid change 3: 'new-process ryhma' of Mon 2027-01-04 09:00."
    )
    assert initialised("process", "show", "ryhma").exit_code == 2


def test_a_tampered_entry_cannot_write_outside_the_store(
    initialised: Tyo, store_path: Path
) -> None:
    entry = store_path / "history/00000002.json"
    doc = json.loads(entry.read_text())
    doc["changes"][0]["path"] = "../outside.toml"
    doc["changes"][0]["before"] = "owned = true\n"
    entry.write_text(json.dumps(doc))
    result = initialised("undo")
    assert result.exit_code == 1
    assert "damaged history entry (unsafe path '../outside.toml')" in result.stderr
    assert not (store_path.parent / "outside.toml").exists()


def test_undo_without_a_store_makes_none(tyo: Tyo, store_path: Path) -> None:
    result = tyo("undo")
    assert (result.exit_code, result.stderr) == (1, "tyo: nothing to undo: the history is empty\n")
    assert not store_path.exists()
