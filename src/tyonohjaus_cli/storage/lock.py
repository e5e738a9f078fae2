"""One writer at a time: an exclusive lock on ``.lock`` in the store.

The lock is an OS advisory lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows), held
on an open file. The kernel drops it when the holder exits or is killed, so a lock left
behind by a crash is stale by construction: the next command simply takes it. The file
keeps the holder's pid and start time so a waiting command can say who holds it.

A command that has waited :data:`WAIT_NOTICE` seconds is told so once (``on_wait``), so
that nobody takes a wait of up to ``TYO_LOCK_TIMEOUT`` for a hang.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.i18n import format_datetime, t
from tyonohjaus_cli.storage.files import FILE_MODE, read_bytes

LOCK_NAME = ".lock"
_POLL_SECONDS = 0.02
WAIT_NOTICE = 1.0
"""Seconds of waiting for the lock after which ``on_wait`` is told."""
_HOLDER_LINE = r"pid (\d+) since (\S+)"


def _try_lock(handle: IO[str]) -> bool:
    if os.name == "posix":
        import fcntl

        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    import msvcrt  # pragma: no cover - Windows

    try:  # pragma: no cover - Windows
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:  # pragma: no cover - Windows
        return False
    return True  # pragma: no cover - Windows


def _since(stamp: str) -> str:
    """The lock file's ``2026-12-01T10:00:00+0200`` as a person reads it, in the interface
    language (``ti 1.12.2026 klo 10.00``); as written if it is not such a time."""
    from datetime import datetime

    try:
        return format_datetime(datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z"))
    except ValueError:
        return stamp


def holder(root: Path) -> str:
    """Who holds (or last held) the lock, for a message: ``pid N since TIME`` in the
    interface language, or ``""`` when the lock file does not say (a holder that has not
    written its line yet, or a lock taken by something else than tyo)."""
    try:
        text = read_bytes(root / LOCK_NAME, 4096).decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    match = re.fullmatch(_HOLDER_LINE, text)
    if match:
        return t("pid {pid} since {since}", pid=match[1], since=_since(match[2]))
    return text.splitlines()[0][:80] if text else ""


def _busy(root: Path) -> StoreError:
    who = holder(root)
    if who:
        message = t(
            "the store is busy: another tyo holds its lock ({holder}); "
            "wait for it to finish and try again",
            holder=who,
        )
    else:
        message = t(
            "the store is busy: another tyo holds its lock; wait for it to finish and try again"
        )
    return StoreError(message)


def _waiting(root: Path, seconds: float) -> str:
    who, seconds = holder(root), math.ceil(seconds)
    if who:
        return t(
            "another tyo is using the store ({holder}); waiting up to {seconds} s for it to finish",
            holder=who,
            seconds=seconds,
        )
    return t(
        "another tyo is using the store; waiting up to {seconds} s for it to finish",
        seconds=seconds,
    )


@contextlib.contextmanager
def store_lock(
    root: Path, timeout: float, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the store's lock for the block; wait up to ``timeout`` seconds for it.

    After :data:`WAIT_NOTICE` seconds of waiting, ``on_wait`` gets one line to show (who
    holds the lock, how long the wait may last).
    """
    fd = _open_lock(root, os.O_RDWR | os.O_CREAT)
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        started = time.monotonic()
        deadline = started + timeout
        while not _try_lock(handle):
            now = time.monotonic()
            if now >= deadline:
                raise _busy(root)
            if on_wait is not None and now - started >= WAIT_NOTICE:
                on_wait(_waiting(root, deadline - now))
                on_wait = None  # once
            time.sleep(_POLL_SECONDS)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n")
            handle.flush()
        except OSError as error:
            raise _unlockable(root, error) from None
        try:
            yield
        finally:
            # Left behind, the holder's line would be stale info: only a killed tyo leaves
            # it (`tyo doctor` then says so). Closing the file releases the lock.
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()


def _open_lock(root: Path, flags: int) -> int:
    """The lock file, opened without following a link and only if it is a regular file:
    a planted ``.lock`` link would otherwise have its target truncated."""
    import stat

    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(root / LOCK_NAME, flags, FILE_MODE)
    except OSError as error:
        if (root / LOCK_NAME).is_symlink():
            raise _not_a_lock(root) from None
        raise _unlockable(root, error) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _not_a_lock(root)
    return fd


def _not_a_lock(root: Path) -> StoreError:
    return StoreError(
        t(
            "{path} is not a plain file (a link, a FIFO or a device): tyo does not use it "
            "as its lock; remove it and try again",
            path=root / LOCK_NAME,
        )
    )


def _unlockable(root: Path, error: OSError) -> StoreError:
    return StoreError(
        t(
            "can't take the store's lock at {root}: {error}",
            root=root,
            error=error.strerror or error,
        )
    )


def is_locked(root: Path) -> bool:
    """Whether a tyo holds the store's lock now; takes and writes nothing."""
    try:
        fd = _open_lock(root, os.O_RDONLY)
    except StoreError:
        return False
    with os.fdopen(fd, encoding="utf-8") as handle:
        # A shared probe on a read-only handle: released at once by closing.
        return not _try_lock(handle)
