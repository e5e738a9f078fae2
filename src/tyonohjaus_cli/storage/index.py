"""Derived indexes of the store, so that read commands never parse the whole history.

For each TOML file an index keeps the file's (mtime_ns, size) and what is needed of it:

- ``.cache/index.json``: a :class:`ProcessSummary` of each *live* process, and what tells
  whether the settled part below is still good (:class:`Settled`);
- ``.cache/settled.json``: the summaries of the *settled* processes, with no meeting since
  the horizon (1 January four years back), which no month's view from the horizon on
  needs to read; of a file a view left unread (in either part), only its mark (see
  :mod:`.unread`);
- ``.cache/settings.json``: the settings, which every command reads and which then need no
  TOML parser;
- ``.cache/clients/<id>.json``, ``.cache/processes/<id>.json``: a file's checked document as
  JSON (:class:`DocCache`), read back some twenty times faster than the TOML is parsed.

An entry whose stamp no longer matches the file is rebuilt from that file alone, so hand
edits and changes by any tyo are seen at once. ``.cache/`` can be deleted at any time; it
is never the only copy of anything.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NamedTuple

from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage.files import (
    READ_LIMIT,
    atomic_write,
    link_problem,
    linked_part,
    read_bytes,
)

CACHE = ".cache"
LISTS_INDEX = "index"
"""The index of clients and processes, for list views."""
SETTINGS_INDEX = "settings"
"""The index of settings.toml alone: small, for every command."""
SETTLED_INDEX = "settled"
"""The summaries of settled processes, read by whole-practice views and old months."""
_VERSION = 5

Stamp = list[int]


def stamp_of(path: Path) -> Stamp | None:
    """``(mtime_ns, size)`` of ``path``; ``None`` when there is no such file."""
    try:
        info = path.lstat()  # a link is not followed: reading it is refused with one line
    except (FileNotFoundError, NotADirectoryError):
        return None
    return [info.st_mtime_ns, info.st_size]


def stamps_in(root: Path, rels: Iterable[str]) -> list[Stamp | None]:
    """:func:`stamp_of` of each of ``rels`` under ``root``, stat'ed by text path (a few
    hundred files of a month's view: no path objects made).

    What is kept in ``.cache/`` is checked against these stamps, so a folder on the way that
    is a link (``processes/`` moved elsewhere and linked back keeps every stamp) is refused
    here, as reading a file through it is: each folder looked at once."""
    base = f"{root}{os.sep}"
    found: list[Stamp | None] = []
    folders: set[str] = set()
    for rel in rels:
        folder = rel.rpartition("/")[0]
        if folder not in folders:
            folders.add(folder)
            if folder and (link := linked_part(root, folder)) is not None:
                raise StoreFileError(link, link_problem())
        try:
            info = os.lstat(base + rel)
        except (FileNotFoundError, NotADirectoryError):
            found.append(None)
        else:
            found.append([info.st_mtime_ns, info.st_size])
    return found


def jsonable(value: Any) -> Any:
    """A TOML document as plain JSON: dates and times become ISO text (read back by Fields)."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, date | datetime | time):  # a TOML local time too (hand-edited)
        return value.isoformat()
    return value


def _iso(value: Any) -> str:
    """A TOML date or time as :func:`jsonable` writes it (``json.dumps``'s ``default``)."""
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def is_document(value: Any) -> bool:
    """Whether a cached value is a whole document, as kept for settings and clients."""
    return isinstance(value, dict)


class ProcessSummary(NamedTuple):
    """What list views need of a process file, kept in the index as a JSON array.

    Times are wall-clock starts as ISO text to the minute (``2027-01-12T14:00``), which sort
    as times do; ``kept`` counts the meetings not cancelled, ``first`` and ``last`` are the
    earliest and latest of those, ``earliest`` and ``latest`` of all meetings.
    """

    id: str
    client: str
    kind: str
    title: str
    status: str
    venue: str
    held: int
    open: int
    cancelled: int
    kept: int
    first: str | None
    last: str | None
    earliest: str | None
    latest: str | None
    planned: list[str]
    """Starts of the meetings still planned, in order."""
    meetings: str
    """Every meeting as ``n,start,minutes,status``, joined by ``;``, in order."""


class Index:
    """The cached entries of one index of a store (:data:`LISTS_INDEX` or
    :data:`SETTINGS_INDEX`); saved back only when something changed."""

    def __init__(self, root: Path, name: str = LISTS_INDEX) -> None:
        self.root = root
        self.path = root / CACHE / f"{name}.json"
        self.entries: dict[str, list[Any]] = {}
        self.meta: dict[str, Any] = {}
        """What the index says of itself (see :class:`Settled`), saved with it."""
        self.dirty = False
        with contextlib.suppress(OSError, ValueError, RecursionError):
            doc = read_sealed(read_bytes(self.path, 8 * READ_LIMIT))
            if isinstance(doc, dict) and doc.get("version") == _VERSION:
                entries, meta = doc.get("entries"), doc.get("meta")
                self.entries = entries if isinstance(entries, dict) else {}
                self.meta = meta if isinstance(meta, dict) else {}

    def lookup(
        self, rel: str, stamp: Stamp, build: Callable[[], Any], fits: Callable[[Any], bool]
    ) -> Any:
        """The cached value for ``rel`` at ``stamp``, or ``build()`` it and remember it.

        ``fits`` tells whether a cached value has the expected shape: the cache is derived,
        so a damaged entry is simply built again.
        """
        value = self.cached(rel, stamp, fits)
        if value is None:
            value = build()
            self.file(rel, stamp, value)
        return value

    def cached(self, rel: str, stamp: Stamp, fits: Callable[[Any], bool]) -> Any:
        """The cached value for ``rel`` at ``stamp`` if it is there and ``fits``, else None."""
        cached = self.entries.get(rel)
        if isinstance(cached, list) and len(cached) == 2 and cached[0] == stamp:
            value = cached[1]
            if fits(value):
                return value
        return None

    def file(self, rel: str, stamp: Stamp, value: Any) -> None:
        """Remember ``value`` for ``rel`` as it is at ``stamp``."""
        self.entries[rel] = [stamp, value]
        self.dirty = True

    def keep(self, rel: str, stamp: Stamp, value: Any) -> None:
        """:meth:`file`, unless it is filed so already (the index is then not saved again)."""
        if self.entries.get(rel) != [stamp, value]:
            self.file(rel, stamp, value)

    def drop(self, rel: str) -> None:
        if self.entries.pop(rel, None) is not None:
            self.dirty = True

    def set_meta(self, key: str, value: Any) -> None:
        if self.meta.get(key) != value:
            self.meta[key] = value
            self.dirty = True

    def forget_missing(self, present: set[str], prefix: str) -> None:
        for rel in [rel for rel in self.entries if rel.startswith(prefix) and rel not in present]:
            del self.entries[rel]
            self.dirty = True

    def save(self) -> None:
        """Write the index back; a store we can't write to simply stays unindexed."""
        if not self.dirty:
            return
        doc = {"version": _VERSION, "meta": self.meta, "entries": self.entries}
        # An index holds plain JSON values, made afresh: no cycle for the encoder to look for
        # (~25 % of encoding a twenty-year store's settled part, 620 KB).
        data = json.dumps(doc, separators=(",", ":"), check_circular=False)
        with contextlib.suppress(OSError):
            atomic_write(self.path, sealed(data.encode()), durable=False)
        self.dirty = False


def sealed(data: bytes) -> bytes:
    """An index's JSON as its file holds it: after a line of its CRC-32, so that a file
    damaged since it was written (a byte changed, cut short, an editor's stray save) is
    known as damaged and made again from the store, not read. An entry that fits its
    shape is trusted as it was written: checking each value's words and numbers on every
    command is what the caches are there to spare (~4 µs a process, 6 ms on ``process
    list``), where CRC-32 of a 220 kB index is ~0.1 ms."""
    return b"%08x\n" % zlib.crc32(data) + data


def read_sealed(raw: bytes) -> Any:
    """The JSON document of an index file (see :func:`sealed`); ``None`` when its CRC-32
    line does not match what follows (damaged)."""
    data = raw[9:]
    if raw[8:9] != b"\n" or raw[:8] != b"%08x" % zlib.crc32(data):
        return None
    return json.loads(data)


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def toml_files(folder: Path, suffix: str = ".toml") -> list[tuple[str, Stamp]]:
    """``(name, stamp)`` of every ``*.toml`` (or ``*suffix``) in ``folder``, by name.

    Each file is stat'ed relative to the open folder: a twenty-year practice has 1,500
    process files, and this is what every list view pays to see hand edits at once. A
    store folder that is a link is refused, as reading a file through it is: the files it
    leads to are not the store's, whatever the cache says of files with their stamps.
    """
    try:
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | _NO_FOLLOW)
    except OSError as error:
        if folder.is_symlink():  # ENOTDIR or ELOOP, by the system
            raise StoreFileError(folder.name, link_problem()) from None
        if isinstance(error, FileNotFoundError | NotADirectoryError):
            return []
        raise
    found = []
    try:
        for name in sorted(os.listdir(folder_fd)):
            if name.endswith(suffix) and not name.startswith("."):
                try:
                    # A link is listed as itself: reading it is refused with one line.
                    info = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
                except FileNotFoundError:  # removed since the listing
                    continue
                found.append((name, [info.st_mtime_ns, info.st_size]))
    finally:
        os.close(folder_fd)
    return found


class DocCache:
    """A store file's checked document as JSON, by the file's stamp: ``.cache/<rel>.json``.

    Only what tyo has parsed and checked, or written itself, is kept, and a value is used
    only while the file has the stamp it was read or written at; anything unreadable or
    misshapen counts as absent.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, rel: str) -> Path:
        return self.root / CACHE / f"{rel.removesuffix('.toml')}.json"

    def get(self, rel: str, stamp: Stamp) -> dict[str, Any] | None:
        with contextlib.suppress(OSError, ValueError, RecursionError):
            cached = json.loads(read_bytes(self._path(rel)))
            if (
                isinstance(cached, list)
                and len(cached) == 3
                and cached[0] == _VERSION
                and cached[1] == stamp
                and isinstance(cached[2], dict)
            ):
                return cached[2]
        return None

    def put(self, rel: str, stamp: Stamp, document: dict[str, Any]) -> None:
        """Keep ``document`` for ``rel`` at ``stamp`` (as :func:`jsonable` makes it: a
        parsed TOML document may be given as it is); a store we can't write to keeps none."""
        data = json.dumps([_VERSION, stamp, document], separators=(",", ":"), default=_iso)
        with contextlib.suppress(OSError):
            atomic_write(self._path(rel), data.encode(), durable=False)


class Memo:
    """Answers made of many files, each kept under what it was made of (``inputs``: the
    stamps of those files, and tyo's version), in ``.cache/NAME.json``; the newest
    :data:`MEMO_ENTRIES` are kept."""

    def __init__(self, root: Path, name: str) -> None:
        self.index = Index(root, name)

    def get(self, name: str, inputs: list[Any]) -> Any:
        """The answer kept for ``name`` if it was made of exactly ``inputs``, else None."""
        cached = self.index.entries.get(name)
        if isinstance(cached, list) and len(cached) == 2 and cached[0] == inputs:
            return cached[1]
        return None

    def put(self, name: str, inputs: list[Any], answer: Any) -> None:
        entries = self.index.entries
        entries.pop(name, None)
        self.index.file(name, inputs, answer)  # the newest last
        for old in list(entries)[:-MEMO_ENTRIES]:
            del entries[old]
        self.index.save()


MEMO_ENTRIES = 24
"""Answers kept in one memo: a month's view asked for each of two years' months."""
