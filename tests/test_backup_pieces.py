"""A backup made again reuses the compressed pieces of the last one (storage/packed.py):
it is still the store as it is now, byte for byte, and the same archive as one made anew."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tarfile
import time
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.external import apt_tool
from tests.safety_helpers import SECRET, add_process, plant_session_log, snapshot
from tyonohjaus_cli.storage import archive, packed

CACHED = Path(".cache") / packed.NAME


@pytest.fixture
def practice(initialised: Tyo, store_path: Path) -> Tyo:
    """A process, a session log, and enough invoices for the backup to come in pieces."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>")
    plant_session_log(store_path, "ryhma", SECRET, ("Aino Virtanen",))
    (store_path / "invoices").mkdir(exist_ok=True)
    for n in range(300):
        (store_path / "invoices" / f"2026-{n:04d}.json").write_text(
            f'{{"schema": 1, "number": {n}, "client": "pohde", "lines": "{"x" * (n % 97)}"}}\n'
        )
    return initialised


def _later(store_path: Path) -> None:
    """Move the pieces' time an hour on, as if the store had been left alone since: no file
    is then too new for its stamp to be trusted, and every piece may be reused."""
    for piece in (store_path / CACHED).iterdir():
        ahead = piece.stat().st_mtime + 3600
        os.utime(piece, (ahead, ahead))


def _export(tyo: Tyo, target: Path) -> bytes:
    """Back up to ``target`` (anew); the archive's tar stream."""
    target.unlink(missing_ok=True)
    result = tyo("export", "--all", "-o", str(target))
    assert result.exit_code == 0, result.output
    return gzip.decompress(target.read_bytes())


def _restored(
    tyo: Tyo, backup: Path, into: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        patch.setenv("TYO_HOME", str(into))
        result = tyo("import", str(backup))
    assert result.exit_code == 0, result.output
    return snapshot(into)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The store files a backup reads from here on."""
    read: list[str] = []
    original = archive._read_stamped

    def counted(root: Path, rel: str) -> tuple[bytes, os.stat_result]:
        read.append(rel)
        return original(root, rel)

    monkeypatch.setattr(archive, "_read_stamped", counted)
    return read


def test_a_backup_made_again_is_the_store_as_it_is_now(
    practice: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _export(practice, tmp_path / "first.tar.gz")
    pieces = sorted((store_path / CACHED).iterdir())
    assert len(pieces) > 3
    assert {oct(piece.stat().st_mode & 0o777) for piece in pieces} == {"0o600"}  # notes in them
    assert oct((store_path / CACHED).stat().st_mode & 0o777) == "0o700"
    _later(store_path)
    assert _export(practice, tmp_path / "again.tar.gz") == first

    time.sleep(0.02)  # past the file system's tick: the edits below get a time of their own
    assert practice("client", "add", "kettu", "--name", "Kettu Oy").exit_code == 0
    (store_path / "invoices" / "2026-0007.json").unlink()
    log = store_path / "sessions" / "ryhma.json"
    before = log.stat()
    log.write_bytes(log.read_bytes().replace(SECRET.encode(), SECRET.upper().encode()))
    os.utime(log, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same time
    assert log.stat().st_size == before.st_size

    backup = tmp_path / "changed.tar.gz"
    changed = _export(practice, backup)
    assert SECRET.upper().encode() in changed
    kept = sorted((store_path / CACHED).iterdir())
    shutil.rmtree(store_path / ".cache")
    assert _export(practice, tmp_path / "anew.tar.gz") == changed
    assert sorted((store_path / CACHED).iterdir()) == kept  # none of the last one's left
    assert _restored(practice, backup, tmp_path / "restored", monkeypatch) == snapshot(store_path)


def test_only_the_pieces_that_changed_are_read_again(
    practice: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _export(practice, tmp_path / "first.tar.gz")
    _later(store_path)
    read = _reads(monkeypatch)
    _export(practice, tmp_path / "again.tar.gz")
    assert read == []
    time.sleep(0.02)
    (store_path / "invoices" / "2026-0100.json").write_text('{"schema": 1, "number": 100}\n')
    _later(store_path)
    _export(practice, tmp_path / "changed.tar.gz")
    assert "invoices/2026-0100.json" in read
    assert len(read) < len(snapshot(store_path)) // 4
    read.clear()
    time.sleep(0.02)
    for n in range(300, 310):  # the journal grows at its end like this
        (store_path / "invoices" / f"2026-{n:04d}.json").write_text("{}\n")
    _later(store_path)
    _export(practice, tmp_path / "longer.tar.gz")
    assert len(read) < 10 + packed.SPLIT


def test_files_changed_just_before_the_cache_was_written_are_read_again(
    practice: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stamp as new as the cache may hide a change made in the same tick (git's racily
    clean files): those files are not taken from the cache."""
    _export(practice, tmp_path / "first.tar.gz")
    read = _reads(monkeypatch)
    _export(practice, tmp_path / "again.tar.gz")
    assert len(read) == len(snapshot(store_path))


@pytest.mark.parametrize("invoices", [0, 300])
def test_the_manifest_is_json_as_tyo_always_wrote_it(
    initialised: Tyo, store_path: Path, tmp_path: Path, invoices: int
) -> None:
    """Made of the pieces' lines, the manifest is still one JSON document, indented."""
    (store_path / "invoices").mkdir(exist_ok=True)
    for n in range(invoices):
        (store_path / "invoices" / f"{n}-ä\udcff.json").write_bytes(b"%d" % n)
    backup = tmp_path / "b.tar.gz"
    for _ in range(2):
        _export(initialised, backup)
        _later(store_path)
        with tarfile.open(backup) as tar:
            text = tar.extractfile(archive.MANIFEST).read()  # type: ignore[union-attr]
            names = tar.getnames()[1:]
        manifest = json.loads(text)
        assert text == json.dumps(manifest, indent=1).encode() + b"\n"
        assert list(manifest["files"]) == names
        assert len(names) == len(snapshot(store_path)) > invoices


def _told_wrong(data: bytes) -> bytes:
    """A piece whose first line tells its gzip member one byte longer than it is."""
    line, _, rest = data.partition(b"\n")
    fields = line.split(b" ")
    fields[4] = b"%d" % (int(fields[4]) + 1)
    return b" ".join(fields) + b"\n" + rest


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-40] + bytes(40),
        lambda data: data[:200] + bytes([data[200] ^ 1]) + data[201:],
        lambda data: b"tyo-piece 1 00000000 5\n[1,2]" + data,
        _told_wrong,
        lambda data: b"\xff" * 100,
    ],
)
def test_a_damaged_cache_still_gives_a_whole_backup(
    practice: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    first = _export(practice, tmp_path / "first.tar.gz")
    for piece in (store_path / CACHED).iterdir():
        piece.write_bytes(damage(piece.read_bytes()))  # type: ignore[operator]
    _later(store_path)
    backup = tmp_path / "again.tar.gz"
    assert _export(practice, backup) == first
    assert _restored(practice, backup, tmp_path / "restored", monkeypatch) == snapshot(store_path)


@pytest.mark.parametrize("kind", ["file", "link"])
def test_a_cache_folder_that_is_not_one_is_no_cache(
    practice: Tyo, store_path: Path, tmp_path: Path, kind: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious").write_text("mine")
    (store_path / ".cache").mkdir(exist_ok=True)
    if kind == "file":
        (store_path / CACHED).write_text("not a folder")
    else:
        (store_path / CACHED).symlink_to(elsewhere)
    first = _export(practice, tmp_path / "first.tar.gz")
    assert _export(practice, tmp_path / "again.tar.gz") == first
    assert [path.name for path in elsewhere.iterdir()] == ["precious"]


def test_standard_tar_and_gzip_read_the_backup(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    _export(practice, tmp_path / "first.tar.gz")
    _later(store_path)
    backup = tmp_path / "again.tar.gz"
    _export(practice, backup)
    out = tmp_path / "out"
    out.mkdir()
    tar, gzip = apt_tool("tar", "tar"), apt_tool("gzip", "gzip")
    subprocess.run([tar, "-xzf", str(backup), "-C", str(out)], check=True)
    (out / archive.MANIFEST).unlink()
    assert snapshot(out) == snapshot(store_path)
    subprocess.run([gzip, "-t", str(backup)], check=True)
