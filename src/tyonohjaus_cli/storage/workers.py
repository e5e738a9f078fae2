"""A long read shared with the machine's other cores: forked copies of this process.

``tyo doctor`` and the first run after an upgrade parse every process file of the store
(1,500 in a twenty-year practice, about 0.7 ms each). :func:`share` runs such a function
over the items in forked copies of this process, which take runs of them as they go, and
returns the results in order, as ``[function(item) for item in items]`` would.

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
from collections.abc import Callable, Iterator, Sequence
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
    aside: bool = False,
) -> list[Result]:
    """``[function(item) for item in items]``, computed by up to :func:`cores` processes.

    ``function`` must need nothing back from a copy but its result: what it changes in
    the copy's memory is lost. ``aside``: when there are copies, this process computes
    none of it itself and only collects, so that what computing leaves allocated (the
    compiled TOML reader, ~10 MiB) ends with the copies instead of raising this process's
    peak.

    The items are cut into runs (:func:`_runs`, some :data:`RUNS_EACH` for each process);
    each process starts on one of its own, then takes the next one left from a pipe they
    share, until none is left (a read of a few bytes from a pipe is atomic, so no run is
    taken twice). So a process slowed by its items (a process file is more work than an
    invoice of the same size) or by a busy core does fewer, and all end together.
    """
    copies = copies_for(len(items), least)
    if copies == 1:
        return [function(item) for item in items]
    runs = _runs(len(items), copies)
    here = 0 if aside else 1  # the runs this process starts on
    forked = copies - here
    jobs, job_writer = os.pipe()
    os.write(job_writer, b"".join(n.to_bytes(_JOB, "little") for n in range(copies, len(runs))))
    done: dict[int, list[Result]] = {}
    children: list[tuple[int, int]] = []
    try:
        for n in range(forked):  # each copy known as it is made, to be stopped if cut short
            copy = _fork(function, items, runs, first=here + n, jobs=(jobs, job_writer))
            children.append(copy)
        os.close(job_writer)
        job_writer = -1
        if not aside:
            with contextlib.suppress(Exception):  # done again below, where it is raised
                for run in _taken(0, jobs):
                    done[run] = []  # unfinished until the whole run is in
                    done[run] = [function(items[index]) for index in runs[run]]
        done = {run: results for run, results in done.items() if len(results) == len(runs[run])}
        for number, (pid, reader) in enumerate(children):
            children[number] = (pid, -1)  # its reader is closed by _collect, come what may
            done |= _collect(pid, reader, runs)
            children[number] = (0, -1)  # reaped
    except BaseException:
        for pid, reader in children:
            if pid:
                _stop(pid, reader)
        raise
    finally:
        os.close(jobs)
        if job_writer != -1:
            os.close(job_writer)
    # What a failed copy (or this process) did not finish is done here, in order, so that
    # the error raised is the one a plain loop raises, from the same item.
    return [
        result
        for run, indexes in enumerate(runs)
        for result in (done[run] if run in done else [function(items[i]) for i in indexes])
    ]


RUNS_EACH = 16
"""Runs of items per process: enough that all end within a run of each other, few enough
that taking one (a read from a pipe) costs nothing."""
_JOB = 4
"""Bytes of a run's number in the shared pipe."""


def _runs(count: int, copies: int) -> list[range]:
    """``range(count)`` cut into runs of consecutive indexes, at least one per process."""
    size = max(1, count // (copies * RUNS_EACH))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _taken(first: int, jobs: int) -> Iterator[int]:
    """The run ``first``, then each run taken from the shared pipe ``jobs`` until none is
    left."""
    yield first
    while taken := os.read(jobs, _JOB):
        yield int.from_bytes(taken, "little")


def _fork(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    runs: list[range],
    *,
    first: int,
    jobs: tuple[int, int],
) -> tuple[int, int]:
    import pickle

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the copy, which coverage does not follow
        status = 1
        try:
            os.close(reader)
            os.close(jobs[1])  # else the pipe of runs never ends
            done = [
                (run, [function(items[index]) for index in runs[run]])
                for run in _taken(first, jobs[0])
            ]
            with os.fdopen(writer, "wb") as pipe:  # pickled as it goes: no second copy
                pickle.dump(done, pipe)  # half sent when it fails: done again there
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    return pid, reader


def _collect(pid: int, reader: int, runs: list[range]) -> dict[int, list[Result]]:
    """The runs a copy sent, by number; none if it did not send them all.

    Unpickled from the pipe as it comes: the bytes are never held whole beside what they
    make (a first run's handed processes are megabytes of them)."""
    import pickle

    found: object = None
    with os.fdopen(reader, "rb") as pipe, contextlib.suppress(Exception):
        # Anything a damaged or cut stream raises: done again here.
        found = pickle.load(pipe)  # noqa: S301 - our own copy's results, through our own pipe
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # reaped already (SIGCHLD ignored): the stream tells
        status = 0
    if status == 0 and isinstance(found, list) and all(_whole(runs, entry) for entry in found):
        return dict(found)
    return {}


def _whole(runs: list[range], entry: object) -> bool:
    """Whether ``entry`` is ``(run, results)`` with a result for every item of the run."""
    if not (isinstance(entry, tuple) and len(entry) == 2):
        return False
    run, results = entry
    return (
        type(run) is int
        and 0 <= run < len(runs)
        and isinstance(results, list)
        and len(results) == len(runs[run])
    )


def _stop(pid: int, reader: int) -> None:
    """End a copy whose results are no longer wanted, and reap it (``reader`` is ``-1``
    once :func:`_collect` has it; the copy may be reaped already when it is stopped)."""
    import signal

    if reader != -1:
        os.close(reader)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
