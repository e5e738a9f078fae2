"""Private, atomic, durable file writes.

A write goes to a temporary file in the same directory, is flushed and fsynced, then
``os.replace``d over the target, and the directory is fsynced: a crash leaves either the
old file or the new one, never a torn one. Directories are 0700 and files 0600 on POSIX.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t

DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and (path.stat().st_mode & 0o777) != DIR_MODE:
        path.chmod(DIR_MODE)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically and (unless told otherwise) durably, mode 0600.

    ``durable=False`` skips the fsyncs: for derived files such as the index, which are
    rebuilt when a crash leaves them torn, and should not cost a disk flush on every read.
    """
    ensure_private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    if durable:
        _fsync_dir(path.parent)


def move(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` atomically and durably (same directory)."""
    os.replace(source, target)
    _fsync_dir(target.parent)


def remove(path: Path) -> None:
    """Delete ``path`` durably; a missing file is already deleted."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        _fsync_dir(path.parent)


def read_text(path: Path) -> str | None:
    """The file's text, or ``None`` when it does not exist."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def write_private(target: Path, data: bytes, *, make_parents: bool = True) -> None:
    """Write a file the user named, 0600 and atomically; a new folder is made 0700.

    Unlike the store's own writes, an existing folder keeps its mode: ``-o ~/x`` must not
    change the permissions of the home folder. Without ``make_parents`` a missing folder is
    an error (``FileNotFoundError``), as for any file a user names.
    """
    if make_parents:
        target.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def check_named(target: Path) -> None:
    """Refuse a file the user named (``-o FILE``) whose folder does not exist.

    tyo makes no folders for a file a user names: a typo in the path would otherwise
    leave confidential data in a folder nobody meant to make (``-o DIR`` for a folder of
    files is different: that folder is what was named).
    """
    if not target.parent.is_dir():
        raise UsageError(
            t(
                "can't write {path}: there is no folder {folder}; create it first, or "
                "choose another path",
                path=target,
                folder=target.parent,
            )
        )


def write_named(target: Path, data: bytes) -> None:
    """Write a file the user named with :func:`write_private`, into a folder that exists;
    a file that can't be written is a usage error (one line, nothing written)."""
    check_named(target)
    try:
        write_private(target, data, make_parents=False)
    except OSError as error:
        raise UsageError(
            t("can't write {path}: {error}", path=target, error=error.strerror or error)
        ) from None
