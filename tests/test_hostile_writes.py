"""Files tyo writes never follow a planted link; links in the store are never skipped.

The reproductions of an attack run: a link planted under the temporary name of a backup
received the whole backup; ``-o /dev/full`` (as root) replaced the device node; a ``.lock``
link had its target truncated; with ``sessions/`` a link, ``export --all`` said it held
the session log and held none, ``forget`` left the notes behind and doctor said "in order".
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import SECRET, add_process, plant_session_log, snapshot
from tyonohjaus_cli.storage import files


@pytest.fixture
def practice(initialised: Tyo, store_path: Path) -> Tyo:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>", "Bertta Berg")
    plant_session_log(store_path, "ryhma", SECRET, ("Aino Virtanen",))
    return initialised


def _everything_outside(root: Path, store: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` except the store's own (which a test compares)."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if store in path.parents or path.is_symlink() or not path.is_file():
                continue
            found[str(path)] = path.read_bytes()
    return found


def test_a_link_planted_on_the_old_temporary_name_receives_nothing(
    practice: Tyo, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    stolen = tmp_path / "attacker.tar.gz"
    stolen.write_bytes(b"")
    # The name tyo used to write to: `.backup.tar.gz.<pid>.tmp`, predictable.
    (shared / f".backup.tar.gz.{os.getpid()}.tmp").symlink_to(stolen)
    result = practice("export", "--all", "-o", str(shared / "backup.tar.gz"))
    assert result.exit_code == 0, result.output
    assert stolen.read_bytes() == b""
    with tarfile.open(shared / "backup.tar.gz") as tar:
        assert "sessions/ryhma.json" in tar.getnames()


def test_the_temporary_file_is_never_opened_through_a_planted_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a guessed name is safe: O_EXCL|O_NOFOLLOW refuses it, and another is drawn."""
    guesses = iter(["guessed", "fresh"])
    monkeypatch.setattr(files, "random_part", lambda: next(guesses))
    target = tmp_path / "out.ics"
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    (tmp_path / f".out.ics.{os.getpid()}.guessed.tmp").symlink_to(victim)
    files.write_private(target, b"secret")
    assert victim.read_text() == "keep me"
    assert target.read_bytes() == b"secret"
    assert oct(target.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_is_refused_as_output(practice: Tyo, tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    for args in (
        ("export", "--all", "-o", str(target)),
        ("ics", "ryhma", "-o", str(target)),
    ):
        result = practice(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr == (
            f"tyo: can't write {target}: it is a device or a FIFO, not a file; name a file\n"
        )
    assert target.is_fifo() if kind == "fifo" else target.is_char_device()


def test_output_folders_are_private_whatever_the_umask(practice: Tyo, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        result = practice("export", "pohde", "-o", str(tmp_path / "a" / "b"))
        ics = practice("ics", "ryhma", "--all", "-o", str(tmp_path / "c" / "d"))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert ics.exit_code == 0, ics.output
    for folder in ("a", "a/b", "c", "c/d"):
        assert oct((tmp_path / folder).stat().st_mode & 0o777) == "0o700", folder


@pytest.mark.parametrize(
    "args",
    [
        ("export", "pohde", "-o", "{store}/vienti"),
        ("export", "--participant", "Aino Virtanen", "-o", "{store}/aino"),
        ("ics", "ryhma", "-o", "{store}/ryhma.ics"),
        ("ics", "ryhma", "--all", "-o", "{store}/kutsut"),
        ("summary", "ryhma", "--for", "client", "-o", "{store}/yhteenveto.txt"),
        ("export", "--all", "-o", "{store}/clients/b.tar.gz"),
    ],
)
def test_no_export_is_written_inside_the_store(
    practice: Tyo, store_path: Path, args: tuple[str, ...]
) -> None:
    before = snapshot(store_path)
    result = practice(*(arg.format(store=store_path) for arg in args))
    assert result.exit_code == 2, result.output
    assert "outside the store" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert snapshot(store_path) == before


def test_a_lock_that_is_a_link_is_refused_not_truncated(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (store_path / ".lock").unlink(missing_ok=True)
    (store_path / ".lock").symlink_to(victim)
    before = snapshot(store_path)
    result = practice("client", "edit", "pohde", "--contact", "Uusi")
    assert result.exit_code == 1
    assert result.stderr == (
        f"tyo: {store_path / '.lock'} is not a plain file (a link, a FIFO or a device): tyo "
        "does not use it as its lock; remove it and try again\n"
    )
    assert victim.read_text() == "precious\n"
    assert snapshot(store_path) == before


@pytest.fixture
def linked_sessions(practice: Tyo, store_path: Path, tmp_path: Path) -> Path:
    """``sessions/`` moved elsewhere and linked back."""
    elsewhere = tmp_path / "elsewhere"
    (store_path / "sessions").rename(elsewhere)
    (store_path / "sessions").symlink_to(elsewhere)
    return elsewhere


LINK_LINE = (
    "sessions: a symbolic link: tyo does not follow links inside the store; put the folder "
    "or file itself there (`tyo doctor` lists every link)"
)


def test_a_linked_session_folder_is_refused_alike_everywhere(
    linked_sessions: Path, practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    before = snapshot(linked_sessions)
    backup = tmp_path / "b.tar.gz"
    for args in (
        ("export", "--all", "-o", str(backup)),
        ("forget", "pohde", "--yes"),
        ("forget", "--participant", "Aino Virtanen", "--yes"),
        ("notes", "ryhma"),
    ):
        result = practice(*args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr == f"tyo: {LINK_LINE}\n", args
    assert not backup.exists()
    assert snapshot(linked_sessions) == before  # the notes were neither read out nor left
    doctor = practice("doctor")
    assert doctor.exit_code == 1
    assert LINK_LINE in doctor.stdout


def _linked_back(store_path: Path, tmp_path: Path, folder: str) -> str:
    """``folder`` moved out of the store and linked back; what refusing it says."""
    elsewhere = tmp_path / "elsewhere"
    (store_path / folder).rename(elsewhere)
    (store_path / folder).symlink_to(elsewhere)
    return LINK_LINE.replace("sessions:", f"{folder}:")


def test_a_linked_process_folder_is_refused_though_the_cache_knows_its_files(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    """``processes/`` moved elsewhere and linked back keeps every file's stamp, so the
    index's summaries still fit them: every view that lists the folder refuses the link in
    one line, as reading a file through it does, rather than answer from the cache."""
    before: list[tuple[str, ...]] = [("process", "list"), ("agenda",), ("ics", "ryhma")]
    for args in [*before, ("billing", "2027-01")]:
        assert practice(*args).exit_code == 0, args
    line = _linked_back(store_path, tmp_path, "processes")
    refusing: list[tuple[str, ...]] = [
        ("process", "list"),
        ("agenda",),
        ("billing", "2027-01"),
        ("billing", "year", "2027"),
        ("ics", "--every-process"),
        ("ics", "ryhma"),
        ("ics", "ryhma", "-o", str(tmp_path / "ryhma.ics")),
    ]
    for args in refusing:
        result = practice(*args)
        assert (result.exit_code, result.stderr) == (1, f"tyo: {line}\n"), args
    doctor = practice("doctor")
    assert doctor.exit_code == 1
    assert line in doctor.stdout


def test_a_linked_client_folder_is_refused_though_the_cache_knows_its_files(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    """``clients/`` moved elsewhere and linked back: as for ``processes/`` above."""
    reading: list[tuple[str, ...]] = [
        ("client", "list"),
        ("client", "show", "pohde"),
        ("ics", "ryhma"),
        ("ics", "--every-process"),
        ("billing", "2027-01"),
        ("billing", "year", "2027"),
        ("process", "show", "ryhma"),
    ]
    for args in reading:
        assert practice(*args).exit_code == 0, args
    line = _linked_back(store_path, tmp_path, "clients")
    for args in reading:
        result = practice(*args)
        assert (result.exit_code, result.stderr) == (1, f"tyo: {line}\n"), args


def test_import_never_writes_through_a_link(
    practice: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "b.tar.gz"
    assert practice("export", "--all", "-o", str(backup)).exit_code == 0
    target = tmp_path / "target"
    target.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (target / "sessions").symlink_to(elsewhere)
    monkeypatch.setenv("TYO_HOME", str(target))
    result = practice("import", str(backup))
    assert result.exit_code == 2
    assert "is not empty" in result.stderr
    assert list(elsewhere.iterdir()) == []
    # A store folder that is itself a link (a synced folder, say) is fine: its content is
    # what is replaced, and the link stays.
    (target / "sessions").unlink()
    link = tmp_path / "link"
    link.symlink_to(target)
    monkeypatch.setenv("TYO_HOME", str(link))
    result = practice("import", str(backup))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert (target / "sessions" / "ryhma.json").is_file()
    assert list(elsewhere.iterdir()) == []
