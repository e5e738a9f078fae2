"""Work shared with forked copies of tyo (``storage/workers.py``): the same results, in
order, as a plain loop, and the same error from the same item when something fails."""

from __future__ import annotations

import os

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


def test_an_error_in_the_parents_share_stops_the_copies() -> None:
    def check(n: int) -> int:
        if n == 5:
            raise KeyError(n)
        return n

    with pytest.raises(KeyError):
        workers.share(check, range(200))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no copy is left behind


def test_results_that_do_not_pickle_are_made_by_the_parent() -> None:
    parent = os.getpid()
    found = workers.share(lambda n: (lambda: n) if os.getpid() != parent else n, range(200))
    assert found == list(range(200))


def test_the_work_is_shared_by_weight() -> None:
    """A few big files are as much work as many small ones (300 clients of 0.4 kB, then
    1,500 processes of 7 kB): each process gets about the same weight to read."""
    weights = [1] * 300 + [20] * 300
    first, second = workers._shares(weights, 2)
    assert first.start == 0
    assert second.stop == len(weights)
    assert first.stop == second.start
    assert abs(sum(weights[i] for i in first) - sum(weights[i] for i in second)) <= 20
