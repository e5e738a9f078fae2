"""``Store.has_client`` and ``has_process`` tell what ``Path.is_file`` tells, by text path."""

from __future__ import annotations

from pathlib import Path

from tyonohjaus_cli.storage.store import Store


def test_is_file_as_pathlib_tells(tmp_path: Path) -> None:
    (tmp_path / "clients").mkdir()
    (tmp_path / "processes").mkdir()
    (tmp_path / "clients/file.toml").write_text("")
    (tmp_path / "clients/folder.toml").mkdir()
    (tmp_path / "clients/link.toml").symlink_to(tmp_path / "clients/file.toml")
    (tmp_path / "clients/to-folder.toml").symlink_to(tmp_path / "clients/folder.toml")
    (tmp_path / "clients/dangling.toml").symlink_to(tmp_path / "clients/none.toml")
    (tmp_path / "processes/p.toml").write_text("")
    store = Store(tmp_path)
    names = ["file", "folder", "link", "to-folder", "dangling", "none", "file.toml/x", "a\0b"]
    for name in names:
        path = tmp_path / f"clients/{name}.toml"
        expected = False if "\0" in name else path.is_file()
        assert store.has_client(name) is expected, name
    assert store.has_process("p") is True
    assert store.has_process("file") is False
