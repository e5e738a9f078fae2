"""`tyo doctor`'s first look (nothing found in order before): each copy of tyo reads its own
share of the files, and what it finds is what a plain loop over every file finds, to the
message, the line and the exit code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import add_process, process_copies, write_private
from tyonohjaus_cli.storage import checked, doctor, files, inventory, workers


def _problems(root: Path) -> list[doctor.Problem]:
    (root / ".cache" / checked.NAME).unlink(missing_ok=True)
    return doctor.examine(root).problems


def test_an_invoice_named_through_an_escaped_key_is_still_checked(
    initialised: Tyo, store_path: Path
) -> None:
    """Most documents never say ``invoice``, so their values are not walked for one; a key
    spelled with an escape still counts."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    path = store_path / "processes/ryhma.toml"
    text = path.read_text()
    assert "invoice" not in text
    assert "\\" not in text
    write_private(path, text.replace("\n[[meetings]]", '\n"\\u0069nvoice" = 1234\n[[meetings]]', 1))
    found = [(p.path, p.problem) for p in _problems(store_path)]
    assert ("processes/ryhma.toml", "refers to invoice 1234, which does not exist") in found


@pytest.fixture
def many(initialised: Tyo, store_path: Path) -> Path:
    """Enough process files for two copies of tyo, the last (in a copy's share) damaged."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    made = process_copies(store_path, 2 * workers.MIN_SHARE)
    last = made[-1]
    write_private(last, last.read_text().replace("minutes = 90", "minutes = 9O", 1))
    return store_path


def _doctor(
    tyo: Tyo, root: Path, cores: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, bytes]:
    (root / ".cache" / checked.NAME).unlink(missing_ok=True)
    monkeypatch.setattr(workers, "cores", lambda: cores)
    found = tyo("doctor")
    return found.exit_code, found.output, (root / ".cache" / checked.NAME).read_bytes()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_damaged_file_in_a_copys_share_is_told_as_by_a_plain_loop(
    initialised: Tyo, many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _doctor(initialised, many, 1, monkeypatch)
    shared = _doctor(initialised, many, 2, monkeypatch)
    assert shared == alone
    code, output, _ = shared
    assert code == 1
    assert "processes/kopio-127.toml" in output


def _documents(read: list[str]) -> list[str]:
    return [rel for rel in inventory.own_files(read) if inventory.is_document(rel)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_on_a_first_look_the_copies_read_the_files_and_the_parent_none(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No process holds every file's bytes (the copies would start with all of them)."""
    parent = os.getpid()
    read_here: list[str] = []
    real = files.read_bytes

    def reading(path: str | Path, limit: int = files.READ_LIMIT) -> bytes:
        if os.getpid() == parent:
            read_here.append(Path(path).relative_to(many).as_posix())
        return real(path, limit)

    monkeypatch.setattr(f"{doctor.__name__}.read_bytes", reading)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    problems = _problems(many)
    assert [p.path for p in problems if p.kind == "file"] == ["processes/kopio-127.toml"]
    assert _documents(read_here) == ["settings.toml"]
    read_here.clear()
    assert doctor.examine(many).problems == problems  # a second look reads each file here
    assert len(_documents(read_here)) > 2 * workers.MIN_SHARE


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_file_a_copy_can_not_read_is_told_as_by_a_plain_loop(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = files.read_bytes

    def reading(path: str | Path, limit: int = files.READ_LIMIT) -> bytes:
        if str(path).endswith("kopio-100.toml"):
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(f"{doctor.__name__}.read_bytes", reading)
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _problems(many)
    assert ("processes/kopio-100.toml", "can't be read: Permission denied") in [
        (p.path, p.problem) for p in alone
    ]
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert _problems(many) == alone


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_copy_that_dies_has_its_share_read_and_done_by_the_parent(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _problems(many)
    parent = os.getpid()
    real = doctor._examine

    def dying(item: tuple[str, bytes], zone: object, store: object) -> doctor.Examined:
        if os.getpid() != parent and item[0].endswith("kopio-120.toml"):
            os._exit(3)
        return real(item, zone, store)  # type: ignore[arg-type]

    monkeypatch.setattr(doctor, "_examine", dying)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert _problems(many) == alone
