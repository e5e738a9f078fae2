"""What is in a store, file by file, for the commands that look at all of it.

``tyo doctor``, ``tyo export``, ``tyo import`` and ``tyo forget`` must cover every kind
of file, including folders added by later versions (``sessions/``, ``invoices/``,
``expenses/``), without each knowing their layout. They rely on three conventions that
every document of the store follows:

- a document is a ``*.toml`` or ``*.json`` file with a ``schema`` version;
- a document that belongs to a process or a client says so in a top-level ``process``
  or ``client`` key, or is named after it (``sessions/<process>.toml``,
  ``sessions/<process>/3.json``); an invoice names its buyer in ``client`` or
  ``buyer.id``;
- an invoice has its date in ``issued`` (or ``date``) and its number in ``number``.

Reserved names: ``history/`` (the journal), ``.cache/`` (derived), ``.lock``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, TypeVar

from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.documents import Doc, migrate, parse_json, parse_toml
from tyonohjaus_cli.storage.files import TEMP_SUFFIX, link_problem
from tyonohjaus_cli.storage.index import CACHE

HISTORY = "history"
LOCK = ".lock"
RESERVED = frozenset({HISTORY, CACHE, LOCK})
INVOICES = "invoices"
CONFIDENTIAL = frozenset({"sessions"})
"""Folders of the private session log: never in an export meant for someone else."""
SHAREABLE = frozenset({"clients", "processes", INVOICES, "expenses"})
"""Folders whose documents may go into a client's export (a data access request)."""
DOCUMENT_SUFFIXES = (".toml", ".json")


def is_temp(name: str) -> bool:
    """A temporary file that an interrupted atomic write left behind."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


class Survey(NamedTuple):
    """One walk of a store: what :func:`all_files` and :func:`odd_files` tell, and the
    mode of every folder and file met (``tyo doctor`` checks them), so that a command
    that needs all three walks a store of thousands of files once."""

    found: list[str]
    """The regular files, as :func:`all_files` lists them."""
    stats: list[os.stat_result]
    """The ``lstat`` of each of :attr:`found`, in order; empty unless asked for (a
    twenty-year store's 3,000 of them are 2 MiB that ``tyo doctor`` does not need)."""
    odd: list[tuple[str, str]]
    """Links and special files, with what is wrong with each, as :func:`odd_files`."""
    modes: list[tuple[str, int, bool]]
    """Every folder walked (the store itself as ``""``) followed by its files as the folder
    lists them, links and special files included: each with its ``lstat`` mode, and
    whether it is the folder."""


def survey(root: Path, leave_out: frozenset[str] = frozenset(), *, stats: bool = False) -> Survey:
    """Walk ``root`` once, but not its folders named in ``leave_out``; links are never
    followed. With ``stats``, each file's ``lstat`` is kept too.

    Each folder is listed once with ``os.scandir``, whose entries know their kind without a
    ``stat`` of their own (a twenty-year store has thousands of files); the order is that of
    ``os.walk``, top down: a folder's links to folders, then its files, by name, then its
    folders, by name.
    """
    found: list[str] = []
    stated_found: list[os.stat_result] = []
    keep = stated_found.append if stats else _left_out
    odd: list[tuple[str, str]] = []
    modes: list[tuple[str, int, bool]] = []

    def visit(folder: str, base: str, mode: int | None) -> None:
        try:
            with os.scandir(folder) as listing:
                listed = list(listing)
        except OSError:
            return  # gone or unreadable since: as os.walk, nothing to list
        if mode is not None:
            modes.append((base.rstrip("/"), mode, True))
        stated: dict[str, os.stat_result] = {}
        folders: list[os.DirEntry[str]] = []
        linked: list[str] = []
        for entry in listed:  # in the folder's own order, as os.walk gives its files
            if _is_dir(entry):
                if entry.is_symlink():  # a link to a folder
                    linked.append(entry.name)
                else:
                    folders.append(entry)
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # removed since the listing
            stated[entry.name] = info
            modes.append((base + entry.name, info.st_mode, False))
        odd.extend((base + name, link_problem()) for name in sorted(linked))
        for name in sorted(stated):
            info = stated[name]
            if stat.S_ISREG(info.st_mode):
                found.append(base + name)
                keep(info)
            else:
                problem = link_problem() if stat.S_ISLNK(info.st_mode) else special_problem()
                odd.append((base + name, problem))
        for entry in sorted(folders, key=lambda entry: entry.name):
            if base or entry.name not in leave_out:
                visit(entry.path, f"{base}{entry.name}/", _lstat_mode(entry))

    visit(str(root), "", _lstat_mode_of(root))
    return Survey(found, stated_found, odd, modes)


def _left_out(info: os.stat_result) -> None:
    """What :func:`survey` does with a file's ``lstat`` it was not asked to keep."""


def _lstat_mode(entry: os.DirEntry[str]) -> int | None:
    try:
        return entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return None  # removed since the listing


def _lstat_mode_of(path: Path) -> int | None:
    try:
        return path.lstat().st_mode
    except OSError:
        return None


def _walk(root: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The regular files under ``root``, and what else is there: links and special files
    (FIFOs, devices, sockets), each with what is wrong with it. Links are never followed."""
    walked = survey(root)
    return walked.found, walked.odd


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a folder or a link to one (as ``os.walk`` sorts them)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def special_problem() -> str:
    return t(
        "not a regular file (a FIFO, a device or a socket): tyo reads only plain files "
        "in the store; move it out of the store"
    )


def all_files(root: Path, *, strict: bool = True) -> list[str]:
    """Every file in the store (relative POSIX paths), reserved ones included.

    A link or a special file anywhere in the store is a :class:`StoreError` (one line), so
    that export, forget and import never silently skip what is behind it; ``strict=False``
    (``tyo doctor``, which reports them with :func:`odd_files`) leaves them out.
    """
    return stated_files(root, strict=strict).found


def stated_files(
    root: Path, *, strict: bool = True, leave_out: frozenset[str] = frozenset()
) -> Survey:
    """:func:`all_files`, but not those in the folders named in ``leave_out``, in a
    :class:`Survey` that has their ``lstat`` too."""
    if not root.is_dir():
        return Survey([], [], [], [])
    walked = survey(root, leave_out, stats=True)
    if strict and walked.odd:
        rel, problem = walked.odd[0]
        raise StoreError(f"{rel}: {problem}")
    return walked


T = TypeVar("T")

_AT = (
    os.stat in os.supports_dir_fd
    and os.stat in os.supports_follow_symlinks
    and os.listdir in os.supports_fd
)
"""Whether this system stats a name relative to an open folder (``fstatat``), and lists one."""
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_TOP = _FOLDER & ~getattr(os, "O_NOFOLLOW", 0)
"""The store itself may be a link to its folder, as for the survey."""


def plain_files(
    root: Path, leave_out: frozenset[str], keep: Callable[[os.stat_result], T]
) -> tuple[list[str], list[T]] | None:
    """:func:`stated_files` of a store that holds only folders and regular files: the files
    in the same order, each with ``keep`` of its ``lstat``; ``None`` for anything else (a
    link, a special file, an entry gone or unreadable while it is walked, no such folder),
    which :func:`stated_files` then tells about.

    A backup walks the whole store on every run (a twenty-year store has 2,400 files): here
    each folder is opened once and listed by name, each entry stat'ed relative to it
    (``fstatat``: no path resolved from the top again, no ``DirEntry`` made), and only what
    ``keep`` takes of a stat is held.
    """
    if not _AT:
        return None
    found: list[str] = []
    kept: list[T] = []
    lstat, is_file, is_folder = os.stat, stat.S_ISREG, stat.S_ISDIR

    def visit(fd: int, base: str) -> bool:
        names = os.listdir(fd)
        names.sort()
        folders = []
        for name in names:
            info = lstat(name, dir_fd=fd, follow_symlinks=False)
            if is_file(info.st_mode):
                found.append(base + name)
                kept.append(keep(info))
            elif is_folder(info.st_mode):
                folders.append(name)
            else:
                return False
        for name in folders:
            if base or name not in leave_out:
                inner = os.open(name, _FOLDER, dir_fd=fd)
                try:
                    if not visit(inner, f"{base}{name}/"):
                        return False
                finally:
                    os.close(inner)
        return True

    try:
        top = os.open(root, _TOP)
        try:
            return (found, kept) if visit(top, "") else None
        finally:
            os.close(top)
    except OSError:
        return None


def odd_files(root: Path) -> list[tuple[str, str]]:
    """Links and special files in the store, with what is wrong with each."""
    return _walk(root)[1] if root.is_dir() else []


def store_files(root: Path, *, strict: bool = True) -> list[str]:
    """The store's own files: everything but the journal, the cache, the lock and temp files."""
    return own_files(all_files(root, strict=strict))


def own_files(found: list[str]) -> list[str]:
    """Of the files ``found`` by a walk, the store's own (see :func:`store_files`)."""
    # Plain string work: a walk's paths are clean (no "." or empty parts), and a store
    # has thousands of them.
    return [
        rel
        for rel in found
        if rel.partition("/")[0] not in RESERVED and not is_temp(rel.rpartition("/")[2])
    ]


def walked_name(rel: str) -> tuple[str, str, str]:
    """The top folder (``""`` at the top), the name and the stem of a path a walk found,
    as :func:`folder_of` and ``PurePosixPath`` tell them, without the cost of a path."""
    folder, slash, _ = rel.partition("/")
    name = rel.rpartition("/")[2]
    dot = name.rfind(".")
    return (folder if slash else ""), name, (name[:dot] if 0 < dot < len(name) - 1 else name)


def temp_files(root: Path, *, strict: bool = True) -> list[str]:
    return [rel for rel in all_files(root, strict=strict) if is_temp(PurePosixPath(rel).name)]


def folder_of(rel: str) -> str:
    """The top folder of ``rel`` (``""`` for a file at the top)."""
    parts = PurePosixPath(rel).parts
    return parts[0] if len(parts) > 1 else ""


def is_document(rel: str) -> bool:
    return rel.endswith(DOCUMENT_SUFFIXES)


def parse_document(rel: str, text: str) -> Doc:
    """A document's content, schema checked and migrated; :class:`StoreFileError` if not."""
    doc = parse_json(text, rel) if rel.endswith(".json") else parse_toml(text, rel)
    return migrate(doc, rel, text)


class Owner(NamedTuple):
    """Whom a document belongs to, as far as it says."""

    client: str | None = None
    process: str | None = None


def owner_of(rel: str, doc: Doc) -> Owner:
    """The client and process a document names (see the module's conventions)."""
    client = doc.get("client")
    buyer = doc.get("buyer")
    if not isinstance(client, str) and isinstance(buyer, dict):
        client = buyer.get("id")
    process = doc.get("process")
    folder = folder_of(rel)
    if folder == "processes":
        process = doc.get("id")
    if folder == "clients":
        client = doc.get("id")
    return Owner(
        client if isinstance(client, str) else None,
        process if isinstance(process, str) else None,
    )


def names_process(rel: str, process_id: str) -> bool:
    """Whether ``rel`` is named after a process: ``sessions/<id>.toml`` or ``sessions/<id>/…``."""
    parts = PurePosixPath(rel).parts[1:]
    if not parts:
        return False
    return parts[0] == process_id or (
        len(parts) == 1 and PurePosixPath(parts[0]).stem == process_id
    )


def issue_date(doc: Doc) -> date | None:
    """An invoice's date of issue, if it says one."""
    for key in ("issued", "date"):
        value: Any = doc.get(key)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None
