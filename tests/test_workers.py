"""Work shared with forked copies of tyo (``storage/workers.py``): the same results, in
order, as a plain loop, and the same error from the same item when something fails."""

from __future__ import annotations

import os
import signal
import time

import pytest

from tyonohjaus_cli.storage import workers

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on the supervisor's two-core machine, whatever runs the tests."""
    monkeypatch.setattr(workers, "cores", lambda: 2)


def test_results_come_back_in_order_from_the_copies() -> None:
    parent = os.getpid()
    found = workers.share(lambda n: (n * n, os.getpid()), range(200))
    assert [square for square, _ in found] == [n * n for n in range(200)]
    pids = {pid for _, pid in found}
    assert parent in pids
    assert len(pids) == 2  # the parent and one copy: the work was shared


def test_a_few_items_are_not_worth_a_copy() -> None:
    parent = os.getpid()
    assert workers.share(lambda n: os.getpid(), range(workers.MIN_SHARE)) == [parent] * 64


def test_a_failed_copy_is_done_again_by_the_parent() -> None:
    parent = os.getpid()

    def only_here(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)  # a copy that dies
        return n + 1

    assert workers.share(only_here, range(200)) == list(range(1, 201))


def test_the_error_raised_is_the_first_in_order() -> None:
    def check(n: int) -> int:
        if n in (150, 180):
            raise ValueError(f"item {n}")
        return n

    with pytest.raises(ValueError, match="item 150"):
        workers.share(check, range(200))


def test_an_error_in_the_parents_share_leaves_no_copy_behind() -> None:
    def check(n: int) -> int:
        if n == 5:
            raise KeyError(n)
        return n

    with pytest.raises(KeyError):
        workers.share(check, range(200))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no copy is left behind


def test_ctrl_c_while_the_copies_work_is_a_keyboard_interrupt_and_leaves_no_copy() -> None:
    """Ctrl-C while the parent waits for its copies (a first run's index build) stays a
    KeyboardInterrupt, which the command line words in one line; the copies are stopped."""

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    def slow(n: int) -> int:
        time.sleep(0.01)
        return n

    before = signal.signal(signal.SIGALRM, interrupted)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)  # the copies take ~1 s: while collecting
        with pytest.raises(KeyboardInterrupt):
            workers.share(slow, range(200), aside=True)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no copy is left behind


def test_results_that_do_not_pickle_are_made_by_the_parent() -> None:
    parent = os.getpid()
    found = workers.share(lambda n: (lambda: n) if os.getpid() != parent else n, range(200))
    assert found == list(range(200))


def test_a_process_slowed_by_its_items_does_fewer() -> None:
    """The runs are taken as each process is free: the parent, 5 ms an item here, does a
    few runs while the copy, at no cost an item, does the rest (a static half each would
    leave the copy idle for half a second)."""
    parent = os.getpid()

    def slow_here(n: int) -> int:
        if os.getpid() == parent:
            time.sleep(0.005)
        return os.getpid()

    found = workers.share(slow_here, range(200))
    assert len(found) == 200
    assert found.count(parent) < 50
    assert set(found) == {parent, next(pid for pid in found if pid != parent)}


def test_every_item_is_done_once_in_runs_of_consecutive_items() -> None:
    for count in (128, 129, 200, 1500, 1501):
        for copies in (2, 3, 4):
            runs = workers._runs(count, copies)
            assert [i for run in runs for i in run] == list(range(count))
            assert len(runs) >= copies
