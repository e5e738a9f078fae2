"""The change journal: every change is all-or-nothing, and can be undone.

A change to several files is first written whole to ``history/NNNNNNNN.pending.json``
(each file's text before and after), then applied file by file, then the entry is renamed
to ``NNNNNNNN.json``. A crash in between leaves a pending entry, which the next command
rolls back (it restores every "before"), so nothing is ever half-applied. Committed
entries are the undo history: the newest :data:`KEEP` are kept.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.files import atomic_write, ensure_private_dir, read_text, remove

HISTORY_DIR = "history"
PENDING = ".pending.json"
KEEP = 200
"""How many past changes ``tyo undo`` can reach."""


@dataclass(frozen=True)
class FileChange:
    """One file's text before and after a change; ``None`` means absent."""

    path: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Entry:
    """One change to the store, as ``tyo history`` lists it."""

    number: int
    at: str
    command: str
    changes: tuple[FileChange, ...]


def _history(root: Path) -> Path:
    return root / HISTORY_DIR


def _encode(entry: Entry) -> bytes:
    doc = {
        "schema": 1,
        "number": entry.number,
        "at": entry.at,
        "command": entry.command,
        "changes": [
            {"path": change.path, "before": change.before, "after": change.after}
            for change in entry.changes
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


def _decode(path: Path) -> Entry:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return Entry(
            number=int(doc["number"]),
            at=str(doc["at"]),
            command=str(doc["command"]),
            changes=tuple(
                FileChange(str(item["path"]), item["before"], item["after"])
                for item in doc["changes"]
            ),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(
            t(
                "{path}: damaged history entry ({error}); `tyo doctor` can tell more",
                path=path,
                error=error,
            )
        ) from None


def _numbered(root: Path, suffix: str) -> list[Path]:
    folder = _history(root)
    if not folder.is_dir():
        return []
    names = [name for name in os.listdir(folder) if name.endswith(suffix) and name[:8].isdigit()]
    if suffix == ".json":
        names = [name for name in names if not name.endswith(PENDING)]
    return [folder / name for name in sorted(names)]


def entries(root: Path) -> list[Entry]:
    """Committed changes, oldest first."""
    return [_decode(path) for path in _numbered(root, ".json")]


def has_pending(root: Path) -> bool:
    return bool(_numbered(root, PENDING))


def _apply(root: Path, changes: tuple[FileChange, ...], *, forward: bool) -> None:
    for change in changes:
        text = change.after if forward else change.before
        target = root / change.path
        if text is None:
            remove(target)
        else:
            atomic_write(target, text.encode())


def recover(root: Path) -> list[Entry]:
    """Roll back every change that a crash left half-applied; the caller holds the lock."""
    rolled_back = []
    for path in reversed(_numbered(root, PENDING)):
        entry = _decode(path)
        _apply(root, entry.changes, forward=False)
        remove(path)
        rolled_back.append(entry)
    return rolled_back


def commit(root: Path, command: str, writes: dict[str, str | None], now: datetime) -> Entry | None:
    """Apply ``writes`` (path → new text, ``None`` to delete) as one change; the caller holds the lock."""
    changes = []
    for rel, after in writes.items():
        before = read_text(root / rel)
        if before != after:
            changes.append(FileChange(rel, before, after))
    if not changes:
        return None
    ensure_private_dir(_history(root))
    existing = _numbered(root, ".json")
    number = int(existing[-1].name[:8]) + 1 if existing else 1
    entry = Entry(number, now.isoformat(timespec="seconds"), command, tuple(changes))
    pending = _history(root) / f"{number:08d}{PENDING}"
    atomic_write(pending, _encode(entry))
    _apply(root, entry.changes, forward=True)
    done = _history(root) / f"{number:08d}.json"
    os.replace(pending, done)
    for old in existing[: max(0, len(existing) + 1 - KEEP)]:
        remove(old)
    return entry


def undo(root: Path) -> Entry | None:
    """Revert the newest change, if the files are still as it left them; the caller holds the lock."""
    paths = _numbered(root, ".json")
    if not paths:
        return None
    entry = _decode(paths[-1])
    for change in entry.changes:
        if read_text(root / change.path) != change.after:
            raise StoreError(
                t(
                    "can't undo '{command}': {path} has changed since (edited by hand?); "
                    "nothing was changed",
                    command=entry.command,
                    path=change.path,
                )
            )
    # The undo is itself journalled, so a crash half-way is rolled back like any change.
    reverse = tuple(FileChange(c.path, c.after, c.before) for c in entry.changes)
    pending = _history(root) / f"{entry.number:08d}.undo{PENDING}"
    atomic_write(pending, _encode(Entry(entry.number, entry.at, entry.command, reverse)))
    _apply(root, reverse, forward=True)
    remove(paths[-1])
    remove(pending)
    return entry
