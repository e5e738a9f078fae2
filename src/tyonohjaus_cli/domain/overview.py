"""Light views of processes and meetings for list commands (process list, agenda).

They are named tuples rather than frozen dataclasses: a twenty-year practice lists 1,500
of them, and a tuple is made several times faster (and its class defined faster at start-up).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessKind, ProcessStatus


class ProcessBrief(NamedTuple):
    """A process as ``tyo process list`` shows it."""

    id: str
    client: str
    kind: ProcessKind
    title: str
    status: ProcessStatus
    total: int
    held: int
    open: int
    cancelled: int
    first: datetime | None
    last: datetime | None
    next: datetime | None


class AgendaItem(NamedTuple):
    """One meeting as ``tyo agenda`` shows it."""

    process: str
    client: str
    title: str
    venue: str
    n: int
    of: int
    start: datetime
    minutes: int
    status: MeetingStatus
