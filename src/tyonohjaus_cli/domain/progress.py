"""How far a process has come: meetings held and left, units used and left, reviews due.

Units are minutes over the unit length (45 unless settings say otherwise): a held meeting
uses the minutes it was actually held, a no-show the minutes it was planned for (it is
billed as agreed), a cancelled one none. Units left are the planned minutes of the meetings
still ahead.

Goal reviews are due at review points, each a meeting of the process:

- a process of a year or less: at its midpoint (meeting ⌈n/2⌉ of n, when n ≥ 3) and at
  its last meeting;
- a longer one: every six months from the first meeting (the first meeting on or after each
  six-month mark) and at its last meeting.

A point counts as reviewed when a review (of any goal, shared or not) was recorded on or
after the day of the meeting before it, and before the next point's window opens: so a
review at that meeting, the one before or a little late all count, a review at the very
start (a baseline) does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.models import Meeting, Process

LONG_PROCESS = timedelta(days=366)
"""Longer than this (first to last meeting), a process is reviewed every six months."""


class ReviewKind(StrEnum):
    MIDPOINT = "midpoint"
    HALF_YEAR = "six-month"
    FINAL = "final"


class ReviewPoint(NamedTuple):
    """A meeting at which the goals are due to be reviewed."""

    kind: ReviewKind
    meeting: int
    start: datetime
    opens: date
    """A review on or after this day counts for this point."""
    reviewed: bool


class Progress(NamedTuple):
    """Counts and units of a process, and its review points in order."""

    planned: int
    held: int
    no_shows: int
    cancelled: int
    left: int
    unit_minutes: int
    units_used: Decimal
    units_left: Decimal
    points: tuple[ReviewPoint, ...]

    @property
    def next_review(self) -> ReviewPoint | None:
        """The first review point not yet reviewed; ``None`` when all are done."""
        return next((point for point in self.points if not point.reviewed), None)


def units(minutes: int, unit_minutes: int) -> Decimal:
    """Minutes as units, to the hundredth (half up): 90 min of 45 → 2.00, 60 → 1.33."""
    return (Decimal(minutes) / Decimal(unit_minutes)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)  # pragma: no cover - every month has a 28th


def _point_indexes(kept: list[Meeting]) -> list[tuple[ReviewKind, int]]:
    if not kept:
        return []
    last = len(kept) - 1
    if kept[-1].start - kept[0].start <= LONG_PROCESS:
        middle = [(ReviewKind.MIDPOINT, (len(kept) + 1) // 2 - 1)] if len(kept) >= 3 else []
        return [*middle, (ReviewKind.FINAL, last)]
    chosen: list[tuple[ReviewKind, int]] = []
    first_day = kept[0].start.date()
    months = 6
    while (mark := _add_months(first_day, months)) < kept[-1].start.date():
        index = next(i for i, m in enumerate(kept) if m.start.date() >= mark)
        if index != last and all(index != i for _, i in chosen):
            chosen.append((ReviewKind.HALF_YEAR, index))
        months += 6
    return [*chosen, (ReviewKind.FINAL, last)]


def review_points(process: Process, review_days: Iterable[date]) -> tuple[ReviewPoint, ...]:
    """The process's review points, each marked reviewed or not (see the module's rule)."""
    kept = [m for m in process.in_order() if m.status is not MeetingStatus.CANCELLED]
    indexes = _point_indexes(kept)
    opens = [kept[max(index - 1, 0)].start.date() for _, index in indexes]
    days = sorted(review_days)
    points = []
    for number, (kind, index) in enumerate(indexes):
        closes = opens[number + 1] if number + 1 < len(opens) else date.max
        reviewed = any(opens[number] <= day < closes for day in days)
        meeting = kept[index]
        points.append(ReviewPoint(kind, meeting.n, meeting.start, opens[number], reviewed))
    return tuple(points)


def progress(process: Process, unit_minutes: int, review_days: Iterable[date]) -> Progress:
    """Where ``process`` stands; ``review_days`` are the days its goals were reviewed."""
    by_status = {
        status: [m for m in process.meetings if m.status is status] for status in MeetingStatus
    }
    held, no_shows = by_status[MeetingStatus.HELD], by_status[MeetingStatus.NO_SHOW]
    ahead = by_status[MeetingStatus.PLANNED]
    used = sum(m.actual_minutes for m in held) + sum(m.minutes for m in no_shows)
    return Progress(
        planned=len(process.meetings) - len(by_status[MeetingStatus.CANCELLED]),
        held=len(held),
        no_shows=len(no_shows),
        cancelled=len(by_status[MeetingStatus.CANCELLED]),
        left=len(ahead),
        unit_minutes=unit_minutes,
        units_used=units(used, unit_minutes),
        units_left=units(sum(m.minutes for m in ahead), unit_minutes),
        points=review_points(process, review_days),
    )
