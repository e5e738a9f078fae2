"""Work done by a second thread, beside the one that hands it over.

For work that lets go of the GIL while it runs, as zlib does while it compresses: a
backup reads and hashes the next piece of the store while the last is compressed, so that
the machine's second core has something to do.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Background(Generic[Item]):
    """``work`` done on each item :meth:`put`, in order, by one thread of its own."""

    def __init__(self, work: Callable[[Item], None]) -> None:
        self._work = work
        self._items: deque[Item] = deque()
        self._ready = threading.Semaphore(0)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)  # never kept waiting
        self._thread.start()

    def put(self, item: Item) -> None:
        self._items.append(item)
        self._ready.release()

    def _run(self) -> None:
        while True:
            self._ready.acquire()
            if not self._items:
                return  # closed
            item = self._items.popleft()
            if self._error is None:
                try:
                    self._work(item)
                except BaseException as error:  # raised again by close()
                    self._error = error

    def close(self) -> None:
        """Wait until every item is done; raise what went wrong in the work, if it did."""
        self._ready.release()
        self._thread.join()
        if self._error is not None:
            raise self._error
