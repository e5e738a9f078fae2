"""The change journal: every change is all-or-nothing, and can be undone.

A change to several files is first written whole to ``history/NNNNNNNN.pending.json``
(each file's text before and after), then applied file by file, then the entry is renamed
to ``NNNNNNNN.json``. A crash in between leaves a pending entry, which the next command
rolls back (it restores every "before"), so nothing is ever half-applied. Committed
entries are the undo history: the newest :data:`KEEP` are kept.

Undo is journalled the same way: ``NNNNNNNN.undo.pending.json`` holds the reverse change,
the files are reverted, and removing ``NNNNNNNN.json`` is the moment the undo takes
effect. A crash before that moment is rolled back (the change stays in force and in the
history); a crash after it only leaves the pending file, which recovery then discards.

A change that must leave no trace (``tyo forget``) is applied with ``undoable=False``:
its pending entry is deleted once the files are written, so the history never holds the
erased texts.

The history holds every file's text before and after each change, so it is as private
as the store itself; :func:`holding` finds the entries ``tyo forget`` must delete.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.files import (
    atomic_write,
    ensure_private_dir,
    move,
    read_bytes,
    refuse_link,
    remove,
)

HISTORY_DIR = "history"
PENDING = ".pending.json"
UNDO_PENDING = ".undo" + PENDING
KEEP = 200
"""How many past changes ``tyo undo`` can reach."""


class FileChange(NamedTuple):
    """One file's text before and after a change; ``None`` means absent."""

    path: str
    before: str | None
    after: str | None


class Entry(NamedTuple):
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


def _text_or_none(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"expected text or null, not {type(value).__name__}")


def _inside_store(path: str) -> str:
    """A path an entry may write: relative and inside the store.

    A hand-made or damaged entry must not make ``tyo undo`` (or a rollback) write
    anywhere else on the disk.
    """
    parts = PurePosixPath(path).parts
    if (
        not parts
        or path.startswith(("/", "\\"))
        or ".." in parts
        or ":" in parts[0]
        or any(ord(char) < 32 or char == "\x7f" for char in path)
    ):
        raise ValueError(f"unsafe path {path!r}")
    return path


def decode_text(text: str) -> Entry:
    """An entry from its JSON text; ``ValueError``/``KeyError``/``TypeError`` if damaged."""
    try:
        return _decoded(json.loads(text))
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except OverflowError as error:
        raise ValueError(str(error)) from None


def _decoded(doc: object) -> Entry:
    if not isinstance(doc, dict):
        raise TypeError("expected a JSON object")
    schema = doc.get("schema", 1)
    if not isinstance(schema, int) or schema > 1:
        raise ValueError(f"unknown schema {schema!r}")
    return Entry(
        number=int(doc["number"]),
        at=str(doc["at"]),
        command=str(doc["command"]),
        changes=tuple(
            FileChange(
                _inside_store(str(item["path"])),
                _text_or_none(item["before"]),
                _text_or_none(item["after"]),
            )
            for item in doc["changes"]
        ),
    )


def _decode(path: Path) -> Entry:
    try:
        return decode_text(read_bytes(path).decode("utf-8"))
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
    names = [
        name
        for name in os.listdir(folder)
        if name.endswith(suffix) and name[:8].isascii() and name[:8].isdigit()
    ]
    if suffix == ".json":
        names = [name for name in names if not name.endswith(PENDING)]
    return [folder / name for name in sorted(names)]


def entry_paths(root: Path) -> list[Path]:
    """The files of committed changes, oldest first."""
    return _numbered(root, ".json")


def pending_paths(root: Path) -> list[Path]:
    """Entries of changes (or undos) that a crash interrupted."""
    return _numbered(root, PENDING)


def entries(root: Path, newest: int | None = None) -> list[Entry]:
    """Committed changes, oldest first; only the ``newest`` ones when given."""
    paths = entry_paths(root)
    if newest is not None:
        paths = paths[max(0, len(paths) - newest) :]
    return [_decode(path) for path in paths]


def has_pending(root: Path) -> bool:
    return bool(pending_paths(root))


def current_text(root: Path, rel: str) -> str | None:
    """A store file's text as the journal compares it; ``None`` when absent."""
    refuse_link(root, rel)
    try:
        return read_bytes(root / rel).decode("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except UnicodeDecodeError:
        raise StoreError(
            t("{path}: not UTF-8 text; `tyo doctor` can tell more", path=rel)
        ) from None


def _apply(root: Path, changes: tuple[FileChange, ...], *, forward: bool) -> None:
    for change in changes:
        text = change.after if forward else change.before
        refuse_link(root, change.path)  # never written through a link planted since
        target = root / change.path
        if text is None:
            remove(target)
        else:
            atomic_write(target, text.encode())


def recover(root: Path) -> list[Entry]:
    """Roll back every change that a crash left half-applied; the caller holds the lock."""
    rolled_back = []
    for path in reversed(pending_paths(root)):
        if (
            path.name.endswith(UNDO_PENDING)
            and not (path.parent / f"{path.name[:8]}.json").exists()
        ):
            # The undo had taken effect (its entry was removed): nothing to roll back.
            remove(path)
            continue
        entry = _decode(path)
        _apply(root, entry.changes, forward=False)
        remove(path)
        rolled_back.append(entry)
    return rolled_back


def commit(
    root: Path,
    command: str,
    writes: dict[str, str | None],
    now: datetime,
    *,
    undoable: bool = True,
) -> Entry | None:
    """Apply ``writes`` (path → new text, ``None`` to delete) as one change; the caller holds the lock.

    With ``undoable=False`` the change is still all-or-nothing, but leaves no history entry.
    """
    changes = []
    for rel, after in writes.items():
        before = current_text(root, rel)
        if before != after:
            changes.append(FileChange(rel, before, after))
    if not changes:
        return None
    ensure_private_dir(_history(root))
    existing = entry_paths(root)
    number = int(existing[-1].name[:8]) + 1 if existing else 1
    entry = Entry(number, now.isoformat(timespec="seconds"), command, tuple(changes))
    pending = _history(root) / f"{number:08d}{PENDING}"
    atomic_write(pending, _encode(entry))
    _apply(root, entry.changes, forward=True)
    if not undoable:
        remove(pending)
        return entry
    move(pending, _history(root) / f"{number:08d}.json")
    for old in existing[: max(0, len(existing) + 1 - KEEP)]:
        remove(old)
    return entry


def newest(root: Path) -> Entry | None:
    """The change ``undo`` would revert next, if any."""
    paths = entry_paths(root)
    return _decode(paths[-1]) if paths else None


def undo(root: Path) -> Entry | None:
    """Revert the newest change, if the files are still as it left them; the caller holds the lock."""
    paths = entry_paths(root)
    if not paths:
        return None
    entry = _decode(paths[-1])
    for change in entry.changes:
        if current_text(root, change.path) != change.after:
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
    pending = _history(root) / f"{entry.number:08d}{UNDO_PENDING}"
    atomic_write(pending, _encode(Entry(entry.number, entry.at, entry.command, reverse)))
    _apply(root, reverse, forward=True)
    remove(paths[-1])  # the undo takes effect here
    remove(pending)
    return entry


def holding(root: Path, unwanted: Callable[[Entry], bool]) -> list[tuple[str, Entry | None]]:
    """The committed entries (store-relative path, entry; ``None`` when damaged) that
    ``unwanted`` says hold erased data.

    ``tyo forget`` deletes them within its own change, so that either the data and its
    history go together or nothing changes. A damaged entry can't be checked, so it is
    listed too (it could not be undone anyway). Undo still works for the entries that
    stay: each undo checks that the files are as that change left them.
    """
    found = []
    for path in entry_paths(root):
        try:
            entry: Entry | None = decode_text(read_bytes(path).decode("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            entry = None
        if entry is None or unwanted(entry):
            found.append((f"{HISTORY_DIR}/{path.name}", entry))
    return found
