"""The backup's archive (storage/tarstream.py) is what tarfile writes, byte for byte."""

from __future__ import annotations

import gzip
import io
import tarfile

from hypothesis import given, reject
from hypothesis import strategies as st

from tyonohjaus_cli.storage.tarstream import ending, header, member, packed

MEMBERS = [
    ("tyo-backup.json", b'{"format": 1}\n', 0),
    ("settings.toml", b"schema = 1\n", 1_764_000_000),
    ("clients/pohde.toml", b"x" * 512, 1_764_000_001),
    ("processes/" + "p" * 90, b"y" * 513, 1_764_000_002),  # exactly 100 characters
    ("processes/" + "p" * 91, b"", 1_764_000_003),  # 101: a pax header for the path
    ("sessions/äiti.json", "ä".encode() * 700, 1_764_000_004),  # not ASCII: pax too
    ("history/old.json", b"z", -5),  # before 1970: pax for the time
    ("history/far.json", b"z", 8**11),  # past the ustar field: pax
    ("history/surrogate-\udcff.json", b"q", 7),  # a name that was not UTF-8 on disk
]


def _by_tarfile(members: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data, mtime in members:
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o600, mtime
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _by_stream(members: list[tuple[str, bytes, int]]) -> tuple[bytes, bytes]:
    """The archive as tyo writes it, uncompressed, and compressed in gzip members of up to
    three files each (as a backup comes in pieces)."""
    made = [member(name, data, mtime) for name, data, mtime in members]
    raw = b"".join(made) + ending(sum(map(len, made)))
    pieces = [b"".join(made[n : n + 3]) for n in range(0, len(made), 3)]
    return raw, b"".join(packed(piece) for piece in [*pieces, ending(sum(map(len, made)))])


def test_the_archive_is_tarfiles_byte_for_byte() -> None:
    raw, packed = _by_stream(MEMBERS)
    assert raw == _by_tarfile(MEMBERS)
    assert gzip.decompress(packed) == raw
    with tarfile.open(fileobj=io.BytesIO(packed), mode="r:gz") as tar:
        read = [(m.name, tar.extractfile(m).read(), m.mtime) for m in tar]  # type: ignore[union-attr]
    assert read == MEMBERS


def test_an_empty_archive_and_one_of_many_records() -> None:
    assert _by_stream([])[0] == _by_tarfile([])
    assert len(_by_stream([])[0]) == 20 * 512
    many = [(f"sessions/p/{n}.json", b"a" * (n * 37), 1_700_000_000 + n) for n in range(600)]
    raw, packed = _by_stream(many)
    assert raw == _by_tarfile(many)
    assert gzip.decompress(packed) == raw


@given(
    name=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=120),
    size=st.integers(0, 3000),
    mtime=st.integers(-(2**33), 2**36),
)
def test_any_header_is_tarfiles(name: str, size: int, mtime: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, mtime
    try:
        expected = info.tobuf(tarfile.PAX_FORMAT, tarfile.ENCODING, "surrogateescape")
    except (ValueError, UnicodeError):
        reject()  # tarfile itself can't write it: not an example
    assert header(name, size, mtime) == expected
