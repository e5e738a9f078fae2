"""Light views of processes and meetings for list commands (process list, agenda).

They are named tuples rather than frozen dataclasses: a twenty-year practice lists 1,500
of them, and a tuple is made several times faster (and its class defined faster at start-up).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessKind, ProcessStatus


def _aware(wall_clock: str | None, zone: tzinfo) -> datetime | None:
    return None if wall_clock is None else datetime.fromisoformat(wall_clock).replace(tzinfo=zone)


class ProcessBrief(NamedTuple):
    """A process as ``tyo process list`` shows it.

    Its first, last and next meeting are kept as wall-clock text (``2027-01-12T14:00``) in
    ``zone`` and made aware datetimes when read: a table shows only the next one, and a
    twenty-year list would otherwise make 3,000 datetimes that nobody reads.
    """

    id: str
    client: str
    kind: ProcessKind
    title: str
    status: ProcessStatus
    total: int
    held: int
    open: int
    cancelled: int
    wall_clock: tuple[str | None, str | None, str | None]
    """The first, last and next meeting's start, as ISO text without offset."""
    zone: tzinfo

    @property
    def first(self) -> datetime | None:
        return _aware(self.wall_clock[0], self.zone)

    @property
    def last(self) -> datetime | None:
        return _aware(self.wall_clock[1], self.zone)

    @property
    def next(self) -> datetime | None:
        return _aware(self.wall_clock[2], self.zone)


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
