"""Private, atomic, durable file writes, and bounded reads.

A write goes to a temporary file in the same directory, is flushed and fsynced, then
``os.replace``d over the target, and the directory is fsynced: a crash leaves either the
old file or the new one, never a torn one. Directories are 0700 and files 0600 on POSIX.

The temporary file gets a name nobody can guess and is created with ``O_EXCL`` and
``O_NOFOLLOW``: in a shared folder, a link planted under the temporary name can neither
receive the data nor redirect the write. A file is read only if it is a regular file (not
a link, a FIFO or a device, which could hang the read or feed it without end) and smaller
than :data:`READ_LIMIT`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from tyonohjaus_cli.errors import StoreError, UsageError
from tyonohjaus_cli.i18n import t

DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"
READ_LIMIT = 16 * 1024 * 1024
"""Bytes: no file of a store comes near this; a bigger one is damage, not data."""
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class NotRegularError(OSError):
    """A path that is a link, a FIFO, a device or a folder where a file should be."""


class TooBigError(OSError):
    """A file larger than tyo reads."""


def _make_dir(path: Path) -> None:
    """Make ``path`` and each missing parent 0700, whatever the umask."""
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
            if os.name == "posix":
                folder.chmod(DIR_MODE)
    if not path.is_dir():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only."""
    _make_dir(path)
    if os.name == "posix" and (path.stat().st_mode & 0o777) != DIR_MODE:
        path.chmod(DIR_MODE)


def random_part() -> str:
    """48 random bits as hex, for a temporary name (``secrets`` costs 15 ms of start-up)."""
    return os.urandom(6).hex()


def open_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty temporary file for ``name`` in ``folder``, 0600: its descriptor and path.

    ``O_EXCL|O_NOFOLLOW`` with an unguessable name: nothing planted in the folder is ever
    opened, followed or truncated.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = folder / f".{name}.{os.getpid()}.{random_part()}{TEMP_SUFFIX}"
        try:
            fd = os.open(temp, flags, FILE_MODE)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        if os.name == "posix":
            os.fchmod(fd, FILE_MODE)
        return fd, temp
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder))  # pragma: no cover


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | bytearray, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically and (unless told otherwise) durably, mode 0600.

    ``durable=False`` skips the fsyncs: for derived files such as the index, which are
    rebuilt when a crash leaves them torn, and should not cost a disk flush on every read.
    """
    if path.parent.is_symlink():  # a folder of the store, swapped for a link since
        raise NotRegularError(errno.ELOOP, link_problem(), str(path.parent))
    ensure_private_dir(path.parent)
    fd, temp = open_temp(path.parent, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
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
        fsync_dir(path.parent)


def move(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` atomically and durably (same directory)."""
    os.replace(source, target)
    fsync_dir(target.parent)


def remove(path: Path) -> None:
    """Delete ``path`` durably; a missing file is already deleted."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        fsync_dir(path.parent)


def read_bytes(path: Path | str, limit: int = READ_LIMIT) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them (see
    :func:`read_stated`)."""
    return read_stated(path, limit)[0]


def read_stated(path: Path | str, limit: int = READ_LIMIT) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path``, at most ``limit`` of them, and its ``fstat``.

    Raises :class:`NotRegularError` for a link, a FIFO, a device or a folder (opened without
    following a link, and without blocking on a FIFO), :class:`TooBigError` for a bigger
    file, and ``OSError`` as usual (``FileNotFoundError`` for a missing one).
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EISDIR):
            raise NotRegularError(error.errno, t("not a regular file"), str(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularError(errno.EINVAL, t("not a regular file"), str(path))
        data = b""
        if info.st_size <= limit:
            # As much as the file holds, and one byte to see it did not grow: a read of the
            # whole limit would allocate 16 MB for each of a store's thousands of files.
            data = _read_up_to(fd, info.st_size + 1)
            if len(data) > info.st_size:  # it grew since: read on, up to the limit
                data += _read_up_to(fd, limit + 1 - len(data))
    finally:
        os.close(fd)
    if info.st_size > limit or len(data) > limit:
        raise TooBigError(
            errno.EFBIG,
            t("larger than {size} MB, more than tyo reads", size=limit // (1024 * 1024)),
            str(path),
        )
    return data, info


def _read_up_to(fd: int, size: int) -> bytes:
    """``size`` bytes from ``fd``, or as many as there are (a buffered reader costs more
    than the reading of a small file)."""
    parts = []
    while size > 0:
        part = os.read(fd, size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_named(path: Path, limit: int = READ_LIMIT) -> bytes:
    """A file the user named (``--note-file``): links followed, as the user meant them, but
    only a regular file, and at most ``limit`` bytes (``/dev/zero`` would never end)."""
    flags = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularError(errno.EINVAL, t("not a regular file"), str(path))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooBigError(errno.EFBIG, t("larger than {size} kB", size=limit // 1024), str(path))
    return data


def read_text(path: Path | str) -> str | None:
    """The file's text, or ``None`` when it does not exist (bounded as :func:`read_bytes`)."""
    try:
        return read_bytes(path).decode("utf-8")
    except FileNotFoundError:
        return None


def linked_part(root: Path, rel: str, *, last: bool = True) -> str | None:
    """The first part of ``rel`` under ``root`` that is a symbolic link, if any (of its
    folders only, unless ``last``).

    tyo never follows a link inside the store (the store folder itself may be one): a
    link would make a backup, ``forget`` or ``import`` read or write somewhere else. A file
    about to be read needs only its folders looked at (``last=False``): the read opens the
    file itself with ``O_NOFOLLOW`` (see :func:`read_stated`). Paths are joined as text,
    not as ``Path`` objects: a first run looks at some 2,000 files.
    """
    parts = [part for part in rel.replace(os.sep, "/").split("/") if part not in ("", ".")]
    path = os.fspath(root)
    for depth, part in enumerate(parts if last else parts[:-1], 1):
        path = f"{path}{os.sep}{part}"
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return "/".join(parts[:depth])
        except (FileNotFoundError, NotADirectoryError):
            return None
    return None


FOLLOWS_LAST_LINK = not _NOFOLLOW
"""Whether opening a file follows a link in its place (no ``O_NOFOLLOW``: Windows), so
that a file's own part must be looked at before it is read."""


def refuse_link(root: Path, rel: str) -> None:
    """A :class:`StoreError` when a part of ``rel`` is a symbolic link (see :func:`linked_part`)."""
    link = linked_part(root, rel)
    if link is not None:
        raise StoreError(link_message(link))


def link_problem() -> str:
    return t(
        "a symbolic link: tyo does not follow links inside the store; put the folder or "
        "file itself there (`tyo doctor` lists every link)"
    )


def link_message(rel: str) -> str:
    return f"{rel}: {link_problem()}"


Parts = bytes | bytearray | Sequence[bytes | bytearray | memoryview]
"""A file's bytes, whole or as parts that follow one another (a backup's pieces)."""
_GATHERED = 1024
"""Parts handed to one ``writev`` at most (POSIX's least ``IOV_MAX``)."""


def write_all(fd: int, data: Parts) -> None:
    """Write ``data`` to ``fd`` whole: parts gathered in one ``writev`` where the system has
    it (a backup's 1.4 MB of pieces need not be joined in memory first), each written on
    where a write took less than it was given."""
    given = [data] if isinstance(data, bytes | bytearray) else data
    parts: list[memoryview] = [memoryview(part) for part in given if len(part)]
    at = 0
    while at < len(parts):
        writev = getattr(os, "writev", None)
        done = writev(fd, parts[at : at + _GATHERED]) if writev else os.write(fd, parts[at])
        while at < len(parts) and done >= parts[at].nbytes:
            done -= parts[at].nbytes
            at += 1
        if done:
            parts[at] = parts[at][done:]


def write_private(target: Path, data: Parts, *, make_parents: bool = True) -> None:
    """Write a file the user named, 0600 and atomically; a new folder is made 0700.

    Unlike the store's own writes, an existing folder keeps its mode: ``-o ~/x`` must not
    change the permissions of the home folder. Without ``make_parents`` a missing folder is
    an error (``FileNotFoundError``), as for any file a user names.
    """
    if make_parents:
        _make_dir(target.parent)
    _refuse_special(target)
    fd, temp = open_temp(target.parent, target.name)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _refuse_special(target: Path) -> None:
    """Refuse to replace a FIFO, a device or a socket: ``-o /dev/full`` as root would
    otherwise replace the device node (a folder is refused by the rename itself)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise UsageError(
            t(
                "can't write {path}: it is a device or a FIFO, not a file; name a file",
                path=target,
            )
        )


def check_named(target: Path) -> None:
    """Refuse a file the user named (``-o FILE``) whose folder does not exist, or that is
    not a regular file.

    tyo makes no folders for a file a user names: a typo in the path would otherwise
    leave confidential data in a folder nobody meant to make (``-o DIR`` for a folder of
    files is different: that folder is what was named).
    """
    _refuse_special(target)
    if not target.parent.is_dir():
        raise UsageError(
            t(
                "can't write {path}: there is no folder {folder}; create it first, or "
                "choose another path",
                path=target,
                folder=target.parent,
            )
        )


def write_named(target: Path, data: Parts) -> None:
    """Write a file the user named with :func:`write_private`, into a folder that exists;
    a file that can't be written is a usage error (one line, nothing written)."""
    check_named(target)
    try:
        write_private(target, data, make_parents=False)
    except OSError as error:
        raise UsageError(
            t("can't write {path}: {error}", path=target, error=error.strerror or error)
        ) from None


def make_named_folder(folder: Path) -> None:
    """Make the folder a user named for a set of files (``-o DIR``): it and each missing
    parent 0700 whatever the umask; an existing folder keeps its mode."""
    _make_dir(folder)


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path`` is (or would be) in the folder ``root``, links resolved."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def refuse_inside(target: Path, root: Path) -> None:
    """Refuse to write an export (``-o``) into the store: it would become one of the
    store's files, in every backup, and beside what forget erases."""
    if is_inside(target, root):
        raise UsageError(
            t("write {path} outside the store, not into {root}", path=target, root=root)
        )
