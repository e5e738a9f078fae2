"""What is in a store, file by file (storage/inventory.py), and a backup of all of it.

The walk is what export, import, forget and doctor rely on to cover every file and to stop
at anything that is not a plain file. It is held here to the plain ``os.walk`` it was
written as first, on a tree with every kind of entry.
"""

from __future__ import annotations

import json
import os
import stat
import tarfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Tyo
from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.storage import inventory
from tyonohjaus_cli.storage.files import link_problem


def _walked_as_first(root: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The walk as ``os.walk`` does it: the oracle."""
    found: list[str] = []
    odd: list[tuple[str, str]] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder).relative_to(root)
        for name in list(dirs):
            if (Path(folder) / name).is_symlink():
                odd.append(((base / name).as_posix(), link_problem()))
                dirs.remove(name)
        for name in sorted(files):
            try:
                mode = (Path(folder) / name).lstat().st_mode
            except OSError:
                continue
            rel = (base / name).as_posix()
            if stat.S_ISREG(mode):
                found.append(rel)
            elif stat.S_ISLNK(mode):
                odd.append((rel, link_problem()))
            else:
                odd.append((rel, inventory.special_problem()))
    return found, odd


def _tree(root: Path, *, odd: bool, settings: bool = True) -> None:
    for rel in (
        *(("settings.toml",) if settings else ()),
        "clients/b.toml",
        "clients/a.toml",
        "processes/x.toml",
        "sessions/x/1.json",
        "sessions/x/2.json",
        "sessions/x.json",
        "sessions/y/deeper/3.json",
        ".cache/index.json",
        ".cache/processes/x.json",
        "history/0001.json",
        ".clients.a.toml.123.abc.tmp",
        "Z.toml",
        "ä/ö.toml",
    ):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rel)
    (root / "empty").mkdir()
    if odd:
        (root / "clients" / "c.toml").symlink_to(root / "clients" / "a.toml")
        (root / "sessions" / "linked").symlink_to(root / "sessions" / "x")
        (root / "processes" / "broken.toml").symlink_to(root / "nowhere")
        (root / "a-link-to-a-folder").symlink_to(root / "clients")
        os.mkfifo(root / "sessions" / "x" / "pipe")


@pytest.mark.parametrize("odd", [False, True])
def test_the_walk_finds_what_os_walk_finds_in_the_same_order(tmp_path: Path, odd: bool) -> None:
    root = tmp_path / "store"
    _tree(root, odd=odd)
    expected = _walked_as_first(root)
    assert inventory._walk(root) == expected
    assert bool(expected[1]) is odd
    if odd:
        with pytest.raises(StoreError) as raised:
            inventory.all_files(root)
        assert str(raised.value) == f"{expected[1][0][0]}: {expected[1][0][1]}"
    else:
        assert inventory.all_files(root) == expected[0]


def test_a_backup_holds_every_file_byte_for_byte_with_its_time(
    initialised: Tyo, store_path: Path, tmp_path: Path
) -> None:
    _tree(store_path, odd=False, settings=False)
    assert initialised("client", "add", "kettu", "--name", "Kettu Oy").exit_code == 0
    when = 1_700_000_000
    os.utime(store_path / "clients" / "a.toml", (when, when))
    target = tmp_path / "backup.tar.gz"
    result = initialised("export", "--all", "-o", str(target))
    assert result.exit_code == 0, result.output
    expected = [
        rel
        for rel in _walked_as_first(store_path)[0]
        if rel.split("/")[0] not in (".cache", ".lock") and not inventory.is_temp(Path(rel).name)
    ]
    with tarfile.open(target) as tar:
        members = tar.getmembers()
        names = [member.name for member in members]
        assert names == ["tyo-backup.json", *expected]
        for member in members[1:]:
            handle = tar.extractfile(member)
            assert handle is not None
            assert handle.read() == (store_path / member.name).read_bytes()
            assert member.mtime == int((store_path / member.name).stat().st_mtime)
            assert member.mode == 0o600
        manifest = tar.extractfile(members[0])
        assert manifest is not None
        listed = json.loads(manifest.read())["files"]
    assert sorted(listed) == sorted(expected)
    assert next(m for m in members if m.name == "clients/a.toml").mtime == when
    restored = tmp_path / "restored"
    again = initialised("--store", str(restored), "import", str(target))
    assert again.exit_code == 0, again.output
    for rel in expected:
        assert (restored / rel).read_bytes() == (store_path / rel).read_bytes()


def test_a_file_growing_while_it_is_backed_up_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.storage import archive

    (tmp_path / "notes.json").write_bytes(b"0123456789" * 300_000)
    real = os.fstat

    def smaller(fd: int) -> os.stat_result:  # as if the file grew since it was opened
        info = real(fd)
        return os.stat_result((info.st_mode, *info[1:6], 3, *info[7:]))

    monkeypatch.setattr(os, "fstat", smaller)
    data, _ = archive._read_stamped(tmp_path, "notes.json")
    assert data == b"0123456789" * 300_000


def test_a_folder_where_a_file_was_is_one_line(tmp_path: Path) -> None:
    from tyonohjaus_cli.errors import StoreFileError
    from tyonohjaus_cli.storage import archive

    (tmp_path / "clients").mkdir()
    with pytest.raises(StoreFileError) as raised:
        archive._read_stamped(tmp_path, "clients")
    assert str(raised.value).startswith("clients")


def _surveyed(root: Path, leave_out: frozenset[str]) -> tuple[list[str], list[tuple[int, ...]]]:
    walked = inventory.stated_files(root, leave_out=leave_out)
    return walked.found, [(s.st_mtime_ns, s.st_ctime_ns, s.st_size, s.st_ino) for s in walked.stats]


@pytest.mark.parametrize("leave_out", [frozenset(), frozenset({".cache"})])
def test_the_walk_of_plain_files_finds_what_the_survey_finds(
    tmp_path: Path, leave_out: frozenset[str]
) -> None:
    """The backup's own walk (each entry stat'ed relative to its open folder) lists the
    files of a store of folders and regular files as the survey does: same order, same
    stamps, hidden folders and temporary files included, the top's ``leave_out`` not."""
    root = tmp_path / "store"
    _tree(root, odd=False)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.json").write_text("x")
    (root / "clients" / ".lock").write_text("not the store's")
    (root / "a" / ".cache").mkdir(parents=True)
    (root / "a" / ".cache" / "deep.json").write_text("only the top's is left out")
    walked = inventory.plain_files(root, leave_out, _stamps)
    assert walked is not None
    assert walked == _surveyed(root, leave_out)
    assert "a/.cache/deep.json" in walked[0]
    assert (".cache/index.json" in walked[0]) is not bool(leave_out)


def _stamps(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)


@pytest.mark.parametrize(
    "odd",
    [
        lambda root: (root / "clients" / "c.toml").symlink_to(root / "clients" / "a.toml"),
        lambda root: (root / "a-link-to-a-folder").symlink_to(root / "clients"),
        lambda root: os.mkfifo(root / "sessions" / "x" / "pipe"),
        lambda root: (root / "processes" / "broken.toml").symlink_to(root / "nowhere"),
    ],
)
def test_the_walk_of_plain_files_leaves_anything_else_to_the_survey(
    tmp_path: Path, odd: Any
) -> None:
    """A link or a special file anywhere: no list (the survey then says what is wrong),
    and a backup still refuses with the survey's one line."""
    root = tmp_path / "store"
    _tree(root, odd=False)
    odd(root)
    assert inventory.plain_files(root, frozenset(), _stamps) is None
    from tyonohjaus_cli.storage import archive

    with pytest.raises(StoreError) as raised:
        archive.backup_files(root)
    expected = _walked_as_first(root)[1][0]
    assert str(raised.value) == f"{expected[0]}: {expected[1]}"


def test_the_walk_of_plain_files_gives_up_on_a_store_that_is_not_there(tmp_path: Path) -> None:
    assert inventory.plain_files(tmp_path / "nowhere", frozenset(), _stamps) is None
    (tmp_path / "file").write_text("x")
    assert inventory.plain_files(tmp_path / "file", frozenset(), _stamps) is None


def test_a_backup_lists_what_the_survey_lists_with_each_file_s_stamps(tmp_path: Path) -> None:
    from tyonohjaus_cli.storage import archive

    root = tmp_path / "store"
    _tree(root, odd=False)
    (root / ".lock").write_text("pid 1")
    listed = archive.backup_files(root)
    found, stamps = _surveyed(root, frozenset({".cache"}))
    expected = [
        (rel, stamp)
        for rel, stamp in zip(found, stamps, strict=True)
        if rel != ".lock" and not inventory.is_temp(rel.rpartition("/")[2])
    ]
    assert listed == expected
    assert [rel for rel, _ in listed] == [
        "Z.toml",
        "settings.toml",
        "clients/a.toml",
        "clients/b.toml",
        "history/0001.json",
        "processes/x.toml",
        "sessions/x.json",
        "sessions/x/1.json",
        "sessions/x/2.json",
        "sessions/y/deeper/3.json",
        "ä/ö.toml",
    ]
