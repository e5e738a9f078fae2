"""A long read shared with the machine's other cores: forked copies of this process.

``tyo doctor`` and the first run after an upgrade parse every process file of the store
(1,500 in a twenty-year practice, about 0.7 ms each). :func:`share` runs such a function
over the items in forked copies of this process, each on its own share, and returns the
results in order, as ``[function(item) for item in items]`` would.

Forked, not spawned: a copy starts at once with every module already imported and every
text already read, where a spawned interpreter would pay tyo's start-up again (~0.1 s).
A copy only computes and sends back its results (pickled, through a pipe): it prints
nothing, writes nothing and exits with :func:`os._exit`, so no buffered output of the
parent is written twice. Whatever goes wrong in a copy (it crashes, is killed, a result
does not pickle) is done again by the parent itself, so that an error is raised as it
would be without the copies, from the same item. Without ``os.fork`` (Windows), with
threads running (a fork copies only the calling thread, and a lock another thread holds
would never be released in the copy), on one core or for a few items, it is a plain loop.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_SHARE = 64
"""Items a copy must have to be worth forking for (a fork and its pipe cost ~2 ms)."""
MAX_COPIES = 4
"""Copies at most, the parent included: parsing is CPU work, and the disk is shared."""


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - macOS


def copies_for(count: int, least: int = MIN_SHARE) -> int:
    """How many processes (the parent included) should share ``count`` items."""
    if count < 2 * least or not hasattr(os, "fork"):
        return 1  # and nothing more imported: a hand edit re-reads one file
    import threading

    if threading.active_count() > 1:
        return 1
    return max(1, min(cores(), MAX_COPIES, count // max(1, least)))


def share(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    least: int = MIN_SHARE,
    weight: Callable[[Item], int] | None = None,
    aside: bool = False,
) -> list[Result]:
    """``[function(item) for item in items]``, computed by up to :func:`cores` processes.

    ``function`` must need nothing back from a copy but its result: what it changes in
    the copy's memory is lost. ``weight`` tells how much work an item is (a file's size):
    each process gets about the same weight, else the same number of items. ``aside``:
    when there are copies, this process computes none of it itself and only collects, so
    that what computing leaves allocated (the compiled TOML reader, ~10 MiB) ends with
    the copies instead of raising this process's peak.
    """
    copies = copies_for(len(items), least)
    if copies == 1:
        return [function(item) for item in items]
    # In order, the parent's share first: an error in it is then the first of all, and a
    # failed copy's share is done again in order, so the error raised is the one a plain
    # loop would raise.
    shares = _shares([weight(item) if weight else 1 for item in items], copies)
    own, forked = (range(0), shares) if aside else (shares[0], shares[1:])
    children = [_fork(function, items, indexes) for indexes in forked]
    try:
        results = [function(items[index]) for index in own]
        for done, ((pid, reader), indexes) in enumerate(zip(children, forked, strict=True)):
            found: list[Result] | None = _collect(pid, reader, len(indexes))
            children[done] = (0, -1)  # reaped
            if found is None:  # the copy failed: its share is done here, errors raised as usual
                found = [function(items[index]) for index in indexes]
            results.extend(found)
    except BaseException:
        for pid, reader in children:
            if pid:
                _stop(pid, reader)
        raise
    return results


def _shares(weights: list[int], copies: int) -> list[range]:
    """``copies`` runs of consecutive indexes of about equal weight, none empty."""
    total = sum(weights) or 1
    shares: list[range] = []
    start = done = 0
    for index, item in enumerate(weights):
        done += item
        left = len(weights) - index - 1  # indexes after this one
        wanted = len(shares) + 1  # the share this index would close
        if wanted < copies and left >= copies - wanted and done * copies >= total * wanted:
            shares.append(range(start, index + 1))
            start = index + 1
    shares.append(range(start, len(weights)))
    return shares


def _fork(
    function: Callable[[Item], Result], items: Sequence[Item], indexes: range
) -> tuple[int, int]:
    import pickle

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the copy, which coverage does not follow
        status = 1
        try:
            os.close(reader)
            results = [function(items[index]) for index in indexes]
            with os.fdopen(writer, "wb") as pipe:  # pickled as it goes: no second copy
                pickle.dump(results, pipe)  # half sent when it fails: done again there
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    return pid, reader


def _collect(pid: int, reader: int, count: int) -> list[Result] | None:
    """The results a copy sent, or ``None`` if it did not send them all."""
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # reaped already (SIGCHLD ignored): the data tells
        status = 0
    if status != 0 or not data:
        return None
    import pickle

    with contextlib.suppress(Exception):  # anything a damaged stream raises: done again here
        found = pickle.loads(data)  # noqa: S301 - our own copy's results, through our own pipe
        if isinstance(found, list) and len(found) == count:
            return found
    return None


def _stop(pid: int, reader: int) -> None:
    """End a copy whose results are no longer wanted, and reap it."""
    import signal

    os.close(reader)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
