"""A vdir of the supervisor's meetings: one ``.ics`` per meeting, as khal and vdirsyncer read.

A vdir (https://vdirsyncer.pimutils.org/en/stable/vdir.html) is a folder with one calendar
object per file; vdirsyncer keeps it in step with a CalDAV calendar, and notices a change by
the file's mtime and inode. So a file is rewritten only when its bytes change, atomically.

Only files tyo wrote are touched: they are listed in the folder's ``.tyo-vdir.json``
(vdirsyncer and khal read ``*.ics`` only), with the meeting's UID, process and start. A file
not listed there is someone else's and stays, except one of the same name that tyo itself
wrote (its PRODID is tyo's), e.g. synced back from the server: then it is the same meeting.

What leaves the folder (:func:`leaving`): the meetings of a process no longer in the store
(forgotten: all of them), and the future meetings of a closed process or ones no longer in
an open process. Past meetings of closed processes stay, as the record of what was.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tyonohjaus_cli.digests import sha256
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.files import atomic_write

MANIFEST = ".tyo-vdir.json"
_VERSION = 1
TYO_MARK = b"PRODID:-//tyo//"
"""How a calendar file written by tyo begins its VCALENDAR (see calendar/ics.py)."""


@dataclass(frozen=True)
class Item:
    """One meeting's file, as tyo wants it in the vdir."""

    uid: str
    process: str
    start: datetime
    data: bytes

    @property
    def name(self) -> str:
        return file_name(self.uid)


@dataclass(frozen=True)
class Written:
    """A file tyo wrote into the vdir, as its manifest remembers it."""

    uid: str
    process: str
    start: datetime


@dataclass(frozen=True)
class Outcome:
    """What one write of the vdir did, by file name."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    removed: tuple[str, ...]
    foreign: tuple[str, ...]
    """Files tyo would have written but left alone: someone else's of the same name."""


def file_name(uid: str) -> str:
    """``<uid>.ics``, with anything but letters, digits and ``@._-`` as ``_``."""
    return re.sub(r"[^A-Za-z0-9@._-]", "_", uid) + ".ics"


@dataclass(frozen=True)
class Present:
    """What the store holds: every process's id, and the open ones a write leaves alone."""

    processes: set[str]
    untouched: set[str]


def leaving(
    written: Mapping[str, Written],
    wanted: set[str],
    kept_uids: set[str],
    present: Present,
    now: datetime,
) -> list[str]:
    """The files tyo wrote that should go: names from ``written`` not in ``wanted``.

    ``kept_uids`` are the meetings of the open processes written (``--from`` leaves the
    earlier ones alone); ``present.untouched`` the open processes not written (``--client``).
    """
    gone = []
    for name, item in sorted(written.items()):
        if name in wanted or item.uid in kept_uids or item.process in present.untouched:
            continue
        if item.process not in present.processes or item.start > now:
            gone.append(name)
    return gone


def _read_manifest(folder: Path) -> dict[str, Written]:
    try:
        doc = json.loads((folder / MANIFEST).read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        raise UsageError(
            t("{path} is damaged: remove it and write the folder again", path=folder / MANIFEST)
        ) from None
    files: dict[str, Written] = {}
    entries = doc.get("files") if isinstance(doc, dict) else None
    for name, entry in (entries or {}).items():
        with contextlib.suppress(KeyError, TypeError, ValueError):
            files[name] = Written(
                entry["uid"], entry["process"], datetime.fromisoformat(entry["start"])
            )
    return files


def _manifest(files: Mapping[str, Written]) -> bytes:
    entries: dict[str, Any] = {
        name: {"uid": item.uid, "process": item.process, "start": item.start.isoformat()}
        for name, item in sorted(files.items())
    }
    return json.dumps({"version": _VERSION, "files": entries}, indent=1).encode() + b"\n"


def _is_tyos(path: Path) -> bool:
    try:
        return TYO_MARK in path.read_bytes()[:400]
    except OSError:
        return False


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return sha256(path.read_bytes()).digest() == sha256(data).digest()
    except OSError:
        return False


def write_vdir(
    folder: Path,
    items: Iterable[Item],
    kept_uids: set[str],
    present: Present,
    now: datetime,
) -> Outcome:
    """Bring ``folder`` in step with ``items``; see the module's docstring for what goes."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            t("can't write {path}: {error}", path=folder, error=error.strerror or error)
        ) from None
    written = _read_manifest(folder)
    added: list[str] = []
    updated: list[str] = []
    foreign: list[str] = []
    wanted: set[str] = set()
    try:
        for item in items:
            path = folder / item.name
            wanted.add(item.name)
            exists = path.exists()
            if exists and item.name not in written and not _is_tyos(path):
                foreign.append(item.name)
                continue
            written[item.name] = Written(item.uid, item.process, item.start)
            if exists and _same_bytes(path, item.data):
                continue
            atomic_write(path, item.data, durable=False)
            (updated if exists else added).append(item.name)
        removed = leaving(written, wanted, kept_uids, present, now)
        for name in removed:
            (folder / name).unlink(missing_ok=True)
            del written[name]
        atomic_write(folder / MANIFEST, _manifest(written))
    except OSError as error:
        raise UsageError(
            t("can't write {path}: {error}", path=folder, error=error.strerror or error)
        ) from None
    return Outcome(tuple(added), tuple(updated), tuple(removed), tuple(foreign))
