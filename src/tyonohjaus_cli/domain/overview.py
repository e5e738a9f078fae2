"""Light views of processes and meetings for list commands (process list, agenda)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tyonohjaus_cli.domain.models import MeetingStatus, ProcessKind, ProcessStatus


@dataclass(frozen=True)
class ProcessBrief:
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


@dataclass(frozen=True)
class AgendaItem:
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
