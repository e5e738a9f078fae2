"""``python -m tyonohjaus_cli`` on a simulated slow disk, for the kill tests.

Each ``fsync`` takes ``SLOW_FSYNC`` seconds more (default 4 ms), as on a slow USB stick
or a busy network drive. Nothing else changes; the point is that a kill at a random moment
often lands in the middle of a change's writes, not only before or after them.

If ``SLOW_DISK_FD`` names an inherited pipe, one byte is written to it as each ``fsync``
starts: the test counts them and kills at the n-th, so a kill lands inside the writes
however slowly a loaded machine runs the command up to them.
"""

from __future__ import annotations

import os
import runpy
import time
from typing import Any

_fsync = os.fsync
_signal = int(os.environ.get("SLOW_DISK_FD", "-1"))


def _slow_fsync(fd: Any) -> None:
    if _signal >= 0:
        os.write(_signal, b".")
    time.sleep(float(os.environ.get("SLOW_FSYNC", "0.004")))
    _fsync(fd)


os.fsync = _slow_fsync
runpy.run_module("tyonohjaus_cli", run_name="__main__", alter_sys=True)
