"""Process files a view leaves unread: what a file's text shows without reading it as TOML.

A month's view needs nothing of a process whose meetings all start before the view's
first day, unless the process is open (``tyo ics --every-process`` lists every open
process). On a run that lists the process files (the first after an upgrade, or after a
file was saved by renaming it), a file whose text *plainly* shows both is not parsed:
what the index keeps of it is ``[UNREAD, day]``, the latest day a meeting of it starts on
as written, and a later view from after that day leaves it unread too. A view that
wants more of it (an older month, the whole practice, ``tyo doctor``) reads it whole: a
mistake in such a file is told there, as a settled file's hand edit in place is.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli.domain.enums import ProcessStatus

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.index import Stamp

UNREAD = "unread"
_NOT_OPEN = [status.value for status in ProcessStatus if status is not ProcessStatus.ACTIVE]
"""The statuses of a process that is not open (``tyo ics --every-process`` lists the open)."""


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The first table, a status that is not open, and every ``start`` with the day it is
    written with (none when not ``= YYYY-MM-DD``). Compiled when first needed (~0.5 ms,
    which every command would pay at import). The first two are each
    after a line break (the text is searched with one before it): a literal first
    character is what lets the search skip ahead (some four times faster than ``^``)."""
    return (
        re.compile("\n[ \t]*\\["),
        re.compile(f"\nstatus[ \t]*=[ \t]*([\"'])({'|'.join(_NOT_OPEN)})\\1[ \t]*\n"),
        re.compile("start(?:[\"']?[ \t]*=[ \t]*([0-9]{4}-[0-9]{2}-[0-9]{2}))?"),
    )


_SHIFT = timedelta(days=2)
"""How far a start's offset may move its day in the store's clock: less than a day's
offset (``-23:59``) and a zone's at most fourteen hours."""


def last_start(text: str) -> str | None:
    """The latest day a meeting of a process file starts on, as written (``""`` with no
    meeting), when its text plainly shows it and that the process is not open; else
    ``None``, and the file is read whole.

    Plainly: its status before the first table is written as one that is not open (a
    missing one is ``active``); every ``start`` is followed by ``=`` and a date and time
    (a start written as text, which could leave out the dashes, is read); and no
    backslash or multi-line string could make the text mean other than it reads.
    """
    if "\\" in text or '"""' in text or "'''" in text:
        return None
    tables, not_open, starts = _patterns()
    lines = f"\n{text}"
    table = tables.search(lines)
    if not_open.search(lines, 0, len(lines) if table is None else table.start() + 1) is None:
        return None
    days = starts.findall(text)
    if "" in days:
        return None
    return max(days, default="")


def unread_before(since: str) -> str:
    """The day before which a file's last start (:func:`last_start`) must be for a view
    from ``since`` (a wall-clock start, ``2023-10-01T00:00``) to leave it unread."""
    return (date.fromisoformat(since[:10]) - _SHIFT).isoformat()


def mark(day: str) -> list[Any]:
    """What the index keeps of a file left unread whose last start is ``day``."""
    return [UNREAD, day]


def marked_day(value: Any) -> str | None:
    """The last start an index value says its file was left unread with, if it is a
    :func:`mark`."""
    if isinstance(value, list) and len(value) == 2 and value[0] == UNREAD:
        day = value[1]
        return day if type(day) is str else None
    return None


def still_unread(entry: Any, stamp: Stamp, before: str) -> str | None:
    """The last start of a file an index ``entry`` marks as left unread at ``stamp``, if it
    is before ``before`` (:func:`unread_before`): the view leaves it unread again."""
    if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == stamp):
        return None
    day = marked_day(entry[1])
    return day if day is not None and day < before else None
