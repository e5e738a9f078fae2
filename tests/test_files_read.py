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
