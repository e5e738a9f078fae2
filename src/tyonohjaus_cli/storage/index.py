"""A derived index of the store, so that read commands never parse the whole history.

For each TOML file it keeps the file's (mtime_ns, size) and what list views need of it:
the whole document for settings and clients (small), a summary for processes. An entry
whose stamp no longer matches the file is rebuilt from that file alone, so hand edits
and changes by any tyo are seen at once. The index lives in ``.cache/`` and can be
deleted at any time; it is never the only copy of anything.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tyonohjaus_cli.storage.files import atomic_write

INDEX_PATH = ".cache/index.json"
_VERSION = 2

Stamp = list[int]


def stamp_of(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_mtime_ns, info.st_size]


def jsonable(value: Any) -> Any:
    """A TOML document as plain JSON: dates and times become ISO text (read back by Fields)."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


class Index:
    """The cached entries of one store; saved back only when something changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / INDEX_PATH
        self.entries: dict[str, list[Any]] = {}
        self.dirty = False
        with contextlib.suppress(OSError, ValueError):
            doc = json.loads(self.path.read_bytes())
            if doc.get("version") == _VERSION:
                self.entries = doc["entries"]

    def lookup(self, rel: str, stamp: Stamp, build: Callable[[], Any]) -> Any:
        """The cached value for ``rel`` at ``stamp``, or ``build()`` it and remember it."""
        cached = self.entries.get(rel)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        value = build()
        self.entries[rel] = [stamp, value]
        self.dirty = True
        return value

    def forget_missing(self, present: set[str], prefix: str) -> None:
        for rel in [rel for rel in self.entries if rel.startswith(prefix) and rel not in present]:
            del self.entries[rel]
            self.dirty = True

    def save(self) -> None:
        """Write the index back; a store we can't write to simply stays unindexed."""
        if not self.dirty:
            return
        data = json.dumps({"version": _VERSION, "entries": self.entries}, separators=(",", ":"))
        with contextlib.suppress(OSError):
            atomic_write(self.path, data.encode(), durable=False)
        self.dirty = False


def toml_files(folder: Path) -> list[tuple[str, Stamp]]:
    """``(name, stamp)`` of every ``*.toml`` in ``folder``, by name."""
    found = []
    with contextlib.suppress(FileNotFoundError), os.scandir(folder) as scan:
        for entry in scan:
            if entry.name.endswith(".toml") and not entry.name.startswith("."):
                info = entry.stat()
                found.append((entry.name, [info.st_mtime_ns, info.st_size]))
    return sorted(found)
