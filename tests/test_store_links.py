"""A store file is never read through a link: the link is named, whichever part it is.

``Store.read_text`` looks at the file's folders itself and leaves the file's own part to
the open (``O_NOFOLLOW``); the words are the same either way.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import files
from tyonohjaus_cli.storage.files import link_problem, linked_part
from tyonohjaus_cli.storage.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links as POSIX makes them")


def _store(root: Path) -> Path:
    (root / "clients").mkdir()
    (root / "clients/pohde.toml").write_text('id = "pohde"\n', encoding="utf-8")
    (root / "elsewhere").mkdir()
    (root / "elsewhere/pohde.toml").write_text('id = "pohde"\n', encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("link", "target", "named"),
    [
        ("clients/pohde.toml", "elsewhere/pohde.toml", "clients/pohde.toml"),
        ("clients", "elsewhere", "clients"),
        ("clients/pohde.toml", "elsewhere", "clients/pohde.toml"),
        ("clients/pohde.toml", "none.toml", "clients/pohde.toml"),
    ],
    ids=["file", "folder", "file-to-folder", "dangling"],
)
def test_a_link_is_named_not_followed(tmp_path: Path, link: str, target: str, named: str) -> None:
    root = _store(tmp_path)
    _swap(root / link, root / target)
    with pytest.raises(StoreFileError) as raised:
        Store(root).read_text("clients/pohde.toml")
    assert raised.value.message == f"{named}: {link_problem()}"


def test_a_plain_file_and_a_missing_one(tmp_path: Path) -> None:
    store = Store(_store(tmp_path))
    assert store.read_text("clients/pohde.toml") == 'id = "pohde"\n'
    assert store.read_text("clients/none.toml") is None
    assert store.read_text("none/pohde.toml") is None


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    root = _store(tmp_path)
    (root / "clients/pohde.toml").unlink()
    os.mkfifo(root / "clients/pohde.toml")
    with pytest.raises(StoreFileError) as raised:
        Store(root).read_text("clients/pohde.toml")
    assert "clients/pohde.toml" in raised.value.message
    assert "link" not in raised.value.message


def _pathlib_walk(root: Path, rel: str) -> str | None:
    """The first link among ``rel``'s parts, as a walk of ``Path`` objects finds it."""
    path, parts = root, Path(rel).parts
    for depth, part in enumerate(parts, 1):
        path /= part
        if path.is_symlink():
            return "/".join(parts[:depth])
        if not path.exists():
            return None
    return None


def test_linked_part_finds_what_a_pathlib_walk_finds(tmp_path: Path) -> None:
    root = _store(tmp_path)
    (root / "a/b").mkdir(parents=True)
    (root / "a/b/c.toml").write_text("", encoding="utf-8")
    (root / "a/link").symlink_to(root / "a/b")
    (root / "a/b/to.toml").symlink_to(root / "a/b/c.toml")
    rels = ["a/b/c.toml", "a/link/c.toml", "a/b/to.toml", "a//b/./c.toml", "a/none/c.toml", "a"]
    for rel in rels:
        assert linked_part(root, rel) == _pathlib_walk(root, rel), rel
        folders = linked_part(root, rel, last=False)
        assert folders == (None if rel == "a/b/to.toml" else _pathlib_walk(root, rel)), rel
    assert files.FOLLOWS_LAST_LINK is False  # POSIX opens with O_NOFOLLOW


def _swap(path: Path, target: Path) -> None:
    if path.is_dir():
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    else:
        path.unlink()
    path.symlink_to(target)
