"""The compressed pieces of the last backup (``.cache/backup.bin``), for the next one.

Compressing a store's thousands of files is most of what a backup costs, and between two
backups few of them change. So a backup's ``.tar.gz`` is made of gzip members, one after
another (RFC 1952; gzip, tar and :mod:`tarfile` read them as one stream): the manifest, then
the store's files in pieces, then the archive's end. A piece is the run of files that ends
at a name whose CRC-32 is divisible by :data:`SPLIT` (or at :data:`LONGEST` files), so that
a file added or removed changes its own piece only, as a rule; a twenty-year store comes
in some 100 pieces of 70 kB, which compress to 5 % more than the files in one stream.

This file keeps each piece's gzip member, the SHA-256 of each of its files and the lines
of the manifest that list them (compressed too: the manifest comes first in the archive,
and its 2,400 digests cost as much to compress as the files of a piece), under a key made of the names and stamps of its files: modification and change
time in nanoseconds, size and inode. Every write of a file changes its change time, which
no editor or tool sets back, so a piece whose files have those stamps still holds their
bytes. A stamp within :data:`RACY` of the cache's own time may not show a change made in the
same tick of the file system's clock (git's "racily clean" files): such a piece is read
again. The file is checked whole (CRC-32) before any of it is used; one that does not read
as a cache is no cache, and is written anew.

The pieces hold the session log as the store does: the file is 0600 in the store's
``.cache``, which ``tyo forget`` deletes whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from tyonohjaus_cli.storage.files import atomic_write, read_bytes
from tyonohjaus_cli.storage.index import CACHE

NAME = "backup.bin"
SPLIT = 32
LONGEST = 48
"""Files in a piece at most: a file changed costs the reading and compressing of its piece
(a twenty-year store's file is in one of 100 kB of tar on average, 170 kB without this)."""
RACY = 3 * 10**9
"""Nanoseconds: a file's stamps must be older than the cache by this much to be trusted
(twice the coarsest clock a store may be kept on, FAT's two seconds, and some)."""
_MAGIC = b"tyo-pieces"
_VERSION = 2
_LIMIT = 512 * 1024 * 1024

Listed = list[tuple[str, os.stat_result]]
"""Files of the store (relative POSIX paths) with their ``lstat``, in the archive's order."""


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
        if (
            len(run) == LONGEST
            or zlib.crc32(item[0].encode("utf-8", "surrogateescape")) % SPLIT == 0
        ):
            cut.append(run)
            run = []
    if run:
        cut.append(run)
    return cut


def key_of(run: Listed) -> str:
    """What a piece is known by: its files' names and stamps."""
    names = "\0".join([rel for rel, _ in run]).encode("utf-8", "surrogateescape")
    stamps = [
        part
        for _, info in run
        for part in (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
    ]
    return hashlib.sha256(names + struct.pack("<" + "qqQQ" * len(run), *stamps)).hexdigest()


class Pieces:
    """The pieces of the last backup of the store at ``root``, and those of this one."""

    def __init__(self, root: Path, level: int) -> None:
        self.path = root / CACHE / NAME
        self.level = level
        self.before: dict[str, Piece] = {}
        self.now: list[Piece] = []
        self._made = False
        self._cutoff = 0
        with contextlib.suppress(OSError, ValueError, RecursionError, TypeError):
            self._read()

    def _read(self) -> None:
        written = self.path.lstat().st_mtime_ns  # the store is locked: no one writes it now
        data = read_bytes(self.path, _LIMIT)
        cut = data.index(b"\n")
        magic, version, crc, length = data[:cut].split(b" ")
        rest = memoryview(data)[cut + 1 :]  # not copied: the pieces are read from it
        if magic != _MAGIC or int(version) != _VERSION or int(crc, 16) != zlib.crc32(rest):
            return
        head: Any = json.loads(bytes(rest[: int(length)]))
        blob = rest[int(length) :]
        before: dict[str, Piece] = {}
        offset = 0
        for key, size, lines_size, ends, listed in head["pieces"]:
            member, lines = blob[offset : ends[0]], blob[ends[0] : ends[1]]
            if not (
                isinstance(key, str)
                and isinstance(size, int)
                and isinstance(lines_size, int)
                and len(member) + len(lines) == ends[1] - offset
            ):
                return
            digests = [str(digest) for digest in listed]
            before[key] = Piece(key, size, member, digests, lines_size, lines)
            offset = ends[1]
        if head["level"] == self.level and offset == len(blob):
            self.before = before
            self._cutoff = written - RACY

    def reused(self, run: Listed) -> Piece | None:
        """The piece of ``run`` from the last backup, if its files are as they were then."""
        if not self.before:
            return None
        cutoff = self._cutoff
        for _, info in run:
            if info.st_mtime_ns >= cutoff or info.st_ctime_ns >= cutoff:
                return None
        piece = self.before.get(key_of(run))
        if piece is None or len(piece.digests) != len(run):
            return None
        self.now.append(piece)
        return piece

    def made(self, run: Listed, data: bytes, digests: list[str], lines: bytes) -> Piece:
        """The piece of ``run``, its files read as ``data`` (their tar members), listed in
        the manifest by ``lines``."""
        from tyonohjaus_cli.storage.tarstream import packed

        member, listing = packed(data, self.level), packed(lines, self.level)
        piece = Piece(key_of(run), len(data), member, digests, len(lines), listing)
        self.now.append(piece)
        self._made = True
        return piece

    def save(self) -> None:
        """Keep this backup's pieces for the next, if any was made anew or left out (the
        cache's time then moves on, see :data:`RACY`); a store that can't be written to
        simply keeps none."""
        if not self._made and len(self.now) == len(self.before):
            return
        listed: list[list[Any]] = []
        blob: list[bytes | memoryview] = []
        end = 0
        for piece in self.now:
            ends = [end + len(piece.member), end + len(piece.member) + len(piece.lines)]
            end = ends[1]
            listed.append([piece.key, piece.size, piece.lines_size, ends, piece.digests])
            blob += (piece.member, piece.lines)
        head = json.dumps({"level": self.level, "pieces": listed}, separators=(",", ":")).encode()
        crc = zlib.crc32(head)
        for part in blob:
            crc = zlib.crc32(part, crc)
        line = b"%s %d %08x %d\n" % (_MAGIC, _VERSION, crc, len(head))
        with contextlib.suppress(OSError):
            atomic_write(self.path, b"".join([line, head, *blob]), durable=False)
