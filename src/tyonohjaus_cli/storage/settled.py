"""The settled part of the process index (``.cache/settled.json``): which processes are in
it, and when a view may leave it unread.

A process is *settled* when it has nothing to show from the horizon on, 1 January
:data:`YEARS` years back: three years of open items before a month (usecases/loose_ends.py)
and the year itself stay live. The live part (``.cache/index.json``) notes, under
:data:`NOTE`, the processes folder's stamp and the horizon the settled part was made for.
"""

from __future__ import annotations

import functools
import re
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


UNREAD = "unread"
"""What the settled part keeps of a file a first month's view did not read: ``[UNREAD,
year]``, every meeting in it starting before ``year`` (see :func:`plainly_settled`)."""
_TABLE = re.compile("\n[ \t]*\\[")
_NOT_OPEN = re.compile("\nstatus[ \t]*=[ \t]*([\"'])(proposal|closed|declined)\\1[ \t]*\n")
"""Each after a line break (the text is searched with one before it): a literal first
character is what lets the search skip ahead (some four times faster than ``^``)."""


def unread_before(since: str) -> int:
    """The year before which every meeting of a file left unread starts, for a horizon
    ``since``: the year before it, as a start's offset may move it across New Year in the
    store's clock."""
    return int(since[:4]) - 1


def plainly_settled(text: str, year: int) -> bool:
    """Whether a process file's text shows, without reading it as TOML, that the process
    is settled and not open: a month's view from the horizon on needs nothing of it.

    That is, its status before the first table is written as one that is not open (a
    missing one is ``active``); every ``start`` is followed by ``=`` and a date and time
    before ``year`` (``YYYY-``: a start written as text, which could leave out the
    dashes, is read); and no backslash or multi-line string could make the text mean
    other than it reads. Anything else is read whole, as is every file a view of the
    whole practice or of an older month needs.
    """
    if "\\" in text or '"""' in text or "'''" in text:
        return False
    lines = f"\n{text}"
    table = _TABLE.search(lines)
    if _NOT_OPEN.search(lines, 0, len(lines) if table is None else table.start() + 1) is None:
        return False
    return _later_start(year).search(text) is None


@functools.lru_cache(maxsize=2)
def _later_start(year: int) -> re.Pattern[str]:
    """``start`` not followed by ``=`` and a year before ``year`` (four digits, a dash)."""
    least = f"{year:04d}"
    before = [
        f"{least[:at]}[0-{int(digit) - 1}][0-9]{{{3 - at}}}"
        for at, digit in enumerate(least)
        if digit != "0"
    ]
    return re.compile(f"start(?![\"']?[ \t]*=[ \t]*(?:{'|'.join(before)})-)")


def left_unread(entry: Any, stamp: Stamp, year: int) -> bool:
    """Whether the settled part's ``entry`` says every meeting of its file, at ``stamp``,
    starts before ``year`` (:data:`UNREAD`)."""
    return (
        isinstance(entry, list)
        and len(entry) == 2
        and entry[0] == stamp
        and isinstance(mark := entry[1], list)
        and len(mark) == 2
        and mark[0] == UNREAD
        and type(mark[1]) is int
        and mark[1] <= year
    )


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
