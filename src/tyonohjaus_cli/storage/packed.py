"""The compressed pieces of the last backup (``.cache/backup/``), for the next one.

Compressing a store's thousands of files is most of what a backup costs, and between two
backups few of them change. So a backup's ``.tar.gz`` is made of gzip members, one after
another (RFC 1952; gzip, tar and :mod:`tarfile` read them as one stream): the manifest, then
the store's files in pieces, then the archive's end. A piece is the run of files that ends
at a name whose CRC-32 is divisible by :data:`SPLIT`, or by :data:`SOON` once the run has
:data:`SHORTEST` files: a boundary depends on the names, not on where they fall, so that
a file added or removed changes its own piece and at most those up to the next name
divisible by :data:`SPLIT` (a cut after a count of files alone would move every boundary
after it: the journal, which grows at its end, would change two pieces more each time).
A twenty-year store comes in some 100 pieces of 70 kB of tar, which compress to 5 % more
than the files in one stream.

Each piece is kept in a file of its own, named by a key made of the names and stamps of
its files (modification and change time in nanoseconds, size, inode) and the compression
level, a digest as the caches' (BLAKE2b, :mod:`tyonohjaus_cli.digests`): its gzip member, the SHA-256 of each file and the lines of the manifest that list
them (compressed too: the manifest comes first in the archive, and its 2,400 digests cost
as much to compress as the files of a piece). Every write of a file changes its change
time, which no editor or tool sets back, so a piece whose files have those stamps still
holds their bytes. A stamp within :data:`RACY` of the piece's own time may not show a
change made in the same tick of the file system's clock (git's "racily clean" files): such
a piece is read again. A piece is checked whole (CRC-32) before it is used; one that does
not read as a piece is no piece, and is written anew. A backup that made pieces anew
removes those it did not use.

The pieces hold the session log as the store does: 0600, in the store's ``.cache``, which
``tyo forget`` deletes whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import struct
import zlib
from collections.abc import Callable
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from tyonohjaus_cli.digests import digest
from tyonohjaus_cli.storage.files import atomic_write, read_stated
from tyonohjaus_cli.storage.index import CACHE

NAME = "backup"
SPLIT = 64
SHORTEST = 24
SOON = 8
"""A file changed costs the reading and compressing of its piece: a twenty-year store's
file is in a piece of 84 kB of tar on average (170 kB with a cut at a CRC-32 divisible by
32 alone, and as many pieces)."""
LONGEST = 256
"""Files in a piece at most (a run of 232 names none of which is divisible by 8 is all
but impossible, but a name is the user's)."""
RACY = 3 * 10**9
"""Nanoseconds: a file's stamps must be older than its piece by this much to be trusted
(twice the coarsest clock a store may be kept on, FAT's two seconds, and some)."""
_MAGIC = b"tyo-piece"
_VERSION = 1
_LIMIT = 512 * 1024 * 1024
_DIGEST = 64
"""Characters of a SHA-256 in hex."""

Stamps = tuple[int, int, int, int]
"""What a piece knows a file by: its modification and change times in nanoseconds, its
size and its inode."""
stamps: Callable[[os.stat_result], Stamps] = attrgetter(
    "st_mtime_ns", "st_ctime_ns", "st_size", "st_ino"
)
"""The :data:`Stamps` of a file's ``stat``."""
Listed = list[tuple[str, Stamps]]
"""Files of the store (relative POSIX paths) with their stamps, in the archive's order."""


class Piece(NamedTuple):
    """A run of the archive's files, compressed: one gzip member of ``size`` bytes of tar,
    and one of the ``lines_size`` bytes of the manifest that list them."""

    key: str
    size: int
    member: bytes | memoryview
    digests: list[str]
    """The SHA-256 of each file, in order."""
    lines_size: int
    lines: bytes | memoryview


def pieces(listed: Listed) -> list[Listed]:
    """``listed`` cut into pieces (see the module)."""
    cut: list[Listed] = []
    run: Listed = []
    for item in listed:
        run.append(item)
        crc = zlib.crc32(item[0].encode("utf-8", "surrogateescape"))
        if crc % SPLIT == 0 or (len(run) >= SHORTEST and crc % SOON == 0) or len(run) == LONGEST:
            cut.append(run)
            run = []
    if run:
        cut.append(run)
    return cut


def key_of(run: Listed, level: int) -> str:
    """What a piece is known by: its files' names and stamps, and the compression level (a
    BLAKE2b digest: ~3 times faster than SHA-256 from ``_sha256`` over a backup's 2,400 files)."""
    names = "\0".join([rel for rel, _ in run]).encode("utf-8", "surrogateescape")
    told = struct.pack("<b" + "qqQQ" * len(run), level, *chain.from_iterable(s for _, s in run))
    return digest(names + told)


class Pieces:
    """The pieces kept from the last backup of the store at ``root``, and this one's."""

    def __init__(self, root: Path, level: int) -> None:
        self.folder = root / CACHE / NAME
        self.level = level
        self.now: list[Piece] = []
        self._made = False
        self._writable = True
        self._kept = self._is_folder()

    def _is_folder(self) -> bool:
        """Whether the cache's folder is there, a folder (not a link to one)."""
        try:
            return stat.S_ISDIR(self.folder.lstat().st_mode)
        except OSError:
            return False

    def reused(self, run: Listed) -> Piece | None:
        """The piece of ``run`` kept from the last backup, if its files are as they were."""
        if not self._kept:
            return None
        key = key_of(run, self.level)
        try:
            data, written = read_stated(f"{self.folder}{os.sep}{key}", _LIMIT)
            piece = _piece(key, data)
        except (OSError, ValueError):
            return None
        cutoff = written.st_mtime_ns - RACY
        for _, (modified, changed, _, _) in run:
            if modified >= cutoff or changed >= cutoff:
                return None
        if piece is None or len(piece.digests) != len(run):
            return None
        self.now.append(piece)
        return piece

    def make(self, run: Listed, data: bytes, digests: list[str], lines: bytes) -> None:
        """Make the piece of ``run``, its files read as ``data`` (their tar members), listed
        in the manifest by ``lines``, and keep it for the next backup."""
        from tyonohjaus_cli.storage.tarstream import packed

        member, listing = packed(data, self.level), packed(lines, self.level)
        piece = Piece(key_of(run, self.level), len(data), member, digests, len(lines), listing)
        self.now.append(piece)
        self._made = True
        if self._writable:
            self._writable = self._keep(piece)

    def _keep(self, piece: Piece) -> bool:
        """Write ``piece`` for the next backup; whether the cache can be written to."""
        digests = "".join(piece.digests).encode()
        sizes = (piece.size, len(piece.member), piece.lines_size, len(piece.digests))
        told = b"%d %d %d %d" % sizes
        crc = zlib.crc32(
            piece.lines, zlib.crc32(piece.member, zlib.crc32(digests, zlib.crc32(told)))
        )
        line = b"%s %d %08x %s\n" % (_MAGIC, _VERSION, crc, told)
        try:
            data = b"".join([line, digests, piece.member, piece.lines])
            atomic_write(self.folder / piece.key, data, durable=False)
        except OSError:
            return False
        return True

    def done(self) -> list[Piece]:
        """This backup's pieces, in order. If any was made anew (its files changed, came or
        went), the last backup's that this one did not reuse are forgotten."""
        if self._made and self._is_folder():
            keys = {piece.key for piece in self.now}
            with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
                for entry in entries:
                    if entry.name not in keys:
                        with contextlib.suppress(OSError):
                            Path(entry.path).unlink()
        return self.now


def _piece(key: str, data: bytes) -> Piece | None:
    """The piece kept in ``data``, if it is one: checked whole (CRC-32), sizes too."""
    cut = data.index(b"\n")
    magic, version, crc, *sizes = data[:cut].split(b" ")
    rest = memoryview(data)[cut + 1 :]
    if (
        magic != _MAGIC
        or int(version) != _VERSION
        or int(crc, 16) != zlib.crc32(rest, zlib.crc32(b" ".join(sizes)))
    ):
        return None
    size, member_size, lines_size, count = map(int, sizes)
    text = bytes(rest[: _DIGEST * count]).decode("ascii")
    member = rest[_DIGEST * count : _DIGEST * count + member_size]
    lines = rest[_DIGEST * count + member_size :]
    if len(text) != _DIGEST * count or len(member) != member_size:
        return None
    digests = [text[at : at + _DIGEST] for at in range(0, len(text), _DIGEST)]
    return Piece(key, size, member, digests, lines_size, lines)
