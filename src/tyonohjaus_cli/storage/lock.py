"""One writer at a time: an exclusive lock on ``.lock`` in the store.

The lock is an OS advisory lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows), held
on an open file. The kernel drops it when the holder exits or is killed, so a lock left
behind by a crash is stale by construction: the next command simply takes it. The file
keeps the holder's pid and start time so a waiting command can say who holds it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.files import FILE_MODE

LOCK_NAME = ".lock"
_POLL_SECONDS = 0.02


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


def holder(root: Path) -> str:
    """What the lock file says about its last holder (``pid N since TIME``), or ``""``."""
    try:
        return (root / LOCK_NAME).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@contextlib.contextmanager
def store_lock(root: Path, timeout: float) -> Iterator[None]:
    """Hold the store's lock for the block; wait up to ``timeout`` seconds for it."""
    path = root / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    except OSError as error:
        raise _unlockable(root, error) from None
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        deadline = time.monotonic() + timeout
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise StoreError(
                    t(
                        "the store is busy: another tyo holds its lock ({holder}); "
                        "wait for it to finish and try again",
                        holder=holder(root) or "?",
                    )
                )
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
        handle = (root / LOCK_NAME).open(encoding="utf-8")
    except OSError:
        return False
    with handle:
        # A shared probe on a read-only handle: released at once by closing.
        return not _try_lock(handle)
