"""``files.read_bytes``: a store file is read whole and only up to the limit, however its
size changes while it is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tyonohjaus_cli.storage.files import TooBigError, read_bytes


def test_a_file_up_to_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 10)
    assert read_bytes(path, limit=10) == b"x" * 10
    assert read_bytes(str(path), limit=10) == b"x" * 10
    path.write_bytes(b"x" * 11)
    with pytest.raises(TooBigError):
        read_bytes(path, limit=10)


@pytest.mark.parametrize(("size", "refused"), [(8, False), (20, True)])
def test_a_file_that_grew_since_its_size_was_read_is_read_on_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, refused: bool
) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"y" * size)
    real = os.fstat

    def smaller(fd: int) -> os.stat_result:  # the size it had a moment before
        info = list(real(fd))
        info[6] = 5  # st_size
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", smaller)
    if refused:
        with pytest.raises(TooBigError):
            read_bytes(path, limit=10)
    else:
        assert read_bytes(path, limit=10) == b"y" * size


@pytest.mark.parametrize("gathered", [True, False])
def test_a_file_written_in_parts_holds_them_one_after_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gathered: bool
) -> None:
    """A backup is written from its pieces as they are (gathered, ``writev``), not joined
    in memory first; a system without ``writev``, or one that writes less than asked at a
    time, still gets every byte in order, once, 0600."""
    from tyonohjaus_cli.storage import files

    real_write, real_writev = os.write, getattr(os, "writev", None)

    def short_write(fd: int, data: bytes) -> int:
        return real_write(fd, memoryview(data)[:1000])

    def short_writev(fd: int, parts: list[memoryview]) -> int:  # stops within the 2nd part
        assert real_writev is not None
        written: int = real_writev(fd, [b"".join(parts[:3])[:5700]])
        return written

    monkeypatch.setattr(os, "write", short_write)
    if gathered and real_writev is not None:
        monkeypatch.setattr(os, "writev", short_writev)
    else:
        monkeypatch.delattr(os, "writev", raising=False)
    parts: list[bytes | memoryview] = [
        b"a" * 5000,
        memoryview(b"0123456789" * 300)[5:],
        b"",
        bytes(range(256)) * 9,
    ]
    target = tmp_path / "backup.tar.gz"
    files.write_private(target, parts)
    assert target.read_bytes() == b"".join(parts)
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
    files.write_private(target, b"whole")
    assert target.read_bytes() == b"whole"
