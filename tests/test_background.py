"""Work handed to a second thread (storage/background.py): done in order, errors raised."""

from __future__ import annotations

import threading

import pytest

from tyonohjaus_cli.storage.background import Background


def test_every_item_is_done_in_order_by_another_thread() -> None:
    done: list[tuple[int, bool]] = []
    work: Background[int] = Background(
        lambda n: done.append((n, threading.current_thread() is main))
    )
    main = threading.current_thread()
    for n in range(100):
        work.put(n)
    work.close()
    assert done == [(n, False) for n in range(100)]


def test_what_goes_wrong_is_raised_by_close_and_the_rest_not_done() -> None:
    done: list[int] = []

    def fail_on_three(n: int) -> None:
        if n == 3:
            raise MemoryError
        done.append(n)

    work = Background(fail_on_three)
    for n in range(6):
        work.put(n)
    with pytest.raises(MemoryError):
        work.close()
    assert done == [0, 1, 2]


def test_nothing_to_do() -> None:
    nothing: Background[int] = Background(lambda n: None)
    nothing.close()
