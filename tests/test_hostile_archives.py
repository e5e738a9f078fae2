"""Crafted backups: `tyo import` reads them bounded, and writes nothing of a bad one.

Reproductions: a 3 MB archive that unpacked to a 3 GB file, a manifest nested thousands
deep, a PAX time far outside any calendar, a member named twice (the second silently won),
and an import killed or out of space half-way that left a store no retry would take.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import json
import os
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import add_process, plant_session_log, snapshot
from tyonohjaus_cli.storage import archive, files


def _craft(
    path: Path,
    members: list[tuple[str, bytes]],
    *,
    manifest: bytes | None = None,
    pax: dict[str, str] | None = None,
    sizes: dict[str, int] | None = None,
) -> None:
    """A backup of ``members`` with a correct manifest unless one is given."""
    if manifest is None:
        listed = {name: hashlib.sha256(data).hexdigest() for name, data in members}
        manifest = json.dumps({"format": 1, "created": "x", "files": listed}).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("tyo-backup.json", manifest), *members]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1800000000
            if pax and name in pax:
                info.pax_headers = {"mtime": pax[name]}
            tar.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    path.write_bytes(gzip.compress(data))


def _bomb(path: Path, size: int) -> None:
    """A member of ``size`` zero bytes: a few kilobytes compressed."""
    with gzip.open(path, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
        info = tarfile.TarInfo("processes/huge.toml")
        info.size = size
        tar.addfile(info, io.BytesIO(b"\0" * size))


SETTINGS = b'schema = 1\n[supervisor]\nname = "M"\nemail = "m@example.fi"\n'


@pytest.mark.parametrize(
    ("craft", "says"),
    [
        (lambda p: _bomb(p, 17 * 1024 * 1024), "processes/huge.toml is larger than 16 MB"),
        (
            lambda p: _craft(p, [("settings.toml", SETTINGS), ("settings.toml", b"x")]),
            "settings.toml is in it twice",
        ),
        (
            lambda p: _craft(p, [("settings.toml", SETTINGS)], pax={"settings.toml": "1e30"}),
            "settings.toml has a time outside the years 1900 to 2200",
        ),
        (
            lambda p: _craft(p, [("settings.toml", SETTINGS)], pax={"settings.toml": "-1e18"}),
            "settings.toml has a time outside the years 1900 to 2200",
        ),
        (
            lambda p: _craft(
                p, [("settings.toml", SETTINGS)], manifest=b"[" * 100_000 + b"]" * 100_000
            ),
            "tyo-backup.json is missing or damaged",
        ),
        (
            lambda p: _craft(
                p, [("settings.toml", SETTINGS)], manifest=b'{"format": 1, "files": {"a": 1}}'
            ),
            "tyo-backup.json is missing or damaged",
        ),
        # tar ends a name at NUL: what is left is not what the manifest lists.
        (lambda p: _craft(p, [("clients/a\x00b.toml", b"x")]), "the files do not match"),
        (lambda p: _craft(p, [("clients/a\x1b.toml", b"x")]), "unexpected entry"),
        (lambda p: _craft(p, [(".lock", b"x")]), "unexpected entry"),
    ],
    ids=[
        "17-MB-member",
        "duplicate",
        "pax-1e30",
        "pax-negative",
        "deep-manifest",
        "manifest-types",
        "nul-name",
        "esc-name",
        "lock-member",
    ],
)
def test_a_crafted_backup_is_refused_and_nothing_written(
    tyo: Tyo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    craft: Callable[[Path], None],
    says: str,
) -> None:
    backup = tmp_path / "crafted.tar.gz"
    craft(backup)
    assert backup.stat().st_size < 3 * 1024 * 1024
    target = tmp_path / "restored"
    monkeypatch.setenv("TYO_HOME", str(target))
    result = tyo("import", str(backup))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"tyo: {backup} is not a tyo backup: ")
    assert says in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crafted.tar.gz", "store"] or sorted(
        p.name for p in tmp_path.iterdir()
    ) == ["crafted.tar.gz"]


def test_a_fifo_as_the_backup_is_refused_without_waiting(
    tyo: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "backup.tar.gz"
    os.mkfifo(fifo)
    monkeypatch.setenv("TYO_HOME", str(tmp_path / "restored"))
    result = tyo("import", str(fifo))
    assert (result.exit_code, result.stderr) == (
        1,
        f"tyo: {fifo} is not a tyo backup: not a regular file\n",
    )


@pytest.fixture
def backup(initialised: Tyo, store_path: Path, tmp_path: Path) -> Path:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    plant_session_log(store_path, "ryhma", "muistiinpano", ("Aino Virtanen",))
    path = tmp_path / "backup.tar.gz"
    assert initialised("export", "--all", "-o", str(path)).exit_code == 0
    return path


@pytest.mark.parametrize("nth", [1, 4, 7])
def test_an_import_out_of_space_leaves_the_target_as_it_was_and_a_retry_works(
    initialised: Tyo,
    backup: Path,
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    nth: int,
) -> None:
    target = tmp_path / "restored"
    target.mkdir(mode=0o700)
    monkeypatch.setenv("TYO_HOME", str(target))
    real, calls = files.atomic_write, {"n": 0}

    def full(path: Path, data: bytes, *, durable: bool = True) -> None:
        calls["n"] += 1
        if calls["n"] >= nth:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data, durable=durable)

    with monkeypatch.context() as patch:
        patch.setattr(archive, "atomic_write", full)
        result = initialised("import", str(backup))
    assert result.exit_code == 1
    assert result.stderr == (
        "tyo: the backup was not restored: No space left on device; the store is as it was\n"
    )
    assert list(target.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.tar.gz", "restored", "store"]
    retried = initialised("import", str(backup))
    assert retried.exit_code == 0, retried.output
    assert snapshot(target) == snapshot(store_path)
