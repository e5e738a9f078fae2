"""The settled part of the process index (``.cache/settled.json``): which processes are in
it, and when a view may leave it unread.

A process is *settled* when it has nothing to show from the horizon on, 1 January
:data:`YEARS` years back: three years of open items before a month (usecases/loose_ends.py)
and the year itself stay live. The live part (``.cache/index.json``) notes, under
:data:`NOTE`, the processes folder's stamp and the horizon the settled part was made for.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from tyonohjaus_cli.domain.enums import ProcessStatus

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.index import ProcessSummary, Stamp

NOTE = "settled"
"""The live index's note of when its settled part was made: ``[folder stamp, horizon]``."""
OPEN = "settled open"
"""The live index's note of the settled part's open processes: ``[[id, client], ...]``,
made with it (a process left open years ago is still the supervisor's work)."""
YEARS = 4
"""A process with no meeting in this many years before 1 January is settled."""


def horizon(zone: ZoneInfo) -> str:
    """1 January :data:`YEARS` years back, as a wall-clock start (``2022-01-01T00:00``)."""
    return f"{datetime.now(zone).year - YEARS:04d}-01-01T00:00"


def is_settled(summary: ProcessSummary, since: str) -> bool:
    """Whether a process has nothing to show from ``since`` on: every meeting before it
    (a process left open years ago too), or no meeting at all and closed or declined."""
    if summary.latest is None:
        return summary.status in (ProcessStatus.CLOSED, ProcessStatus.DECLINED)
    return summary.latest < since


def noted_open(meta: dict[str, Any]) -> dict[str, str] | None:
    """The settled part's open processes as noted with it (client by id), or ``None`` when
    there is no such note or it is misshapen."""
    noted = meta.get(OPEN)
    if not isinstance(noted, list):
        return None
    found = {}
    for pair in noted:
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        ):
            return None
        found[pair[0]] = pair[1]
    return found


def settled_good(meta: dict[str, Any], folder: Stamp | None, since: str) -> bool:
    """Whether a view wanting nothing before ``since`` may skip the settled processes.

    Every change tyo makes files its processes' summaries itself; a file added, removed or
    saved by renaming it (as tyo, vim, emacs and ``sed -i`` do) changes the processes
    folder's stamp, and then every file is checked again. What is not seen here is a
    settled process's file rewritten in place by hand: a view of the whole practice
    (``tyo process list``, ``tyo doctor``) sees it, and parts the index anew.
    """
    noted = meta.get(NOTE)
    return (
        folder is not None
        and isinstance(noted, list)
        and len(noted) == 2
        and noted[0] == folder
        and isinstance(noted[1], str)
        and since >= noted[1]
    )
