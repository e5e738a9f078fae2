"""Planning a process: meeting dates at the agreed cadence, around days off.

A date that falls on a weekend, a Finnish public holiday or a break moves to the next
free weekday, and the move is reported with its reason. Short moves (a weekend or a
holiday) keep the rhythm: the next meeting is planned from where this one *should* have
been, so a Tuesday series stays on Tuesdays. A break resets the rhythm: the series carries
on, on the same weekday, from the first meeting after the break at the agreed interval. The planned count is
always kept and the wall-clock time is kept across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.holidays_fi import is_eve
from tyonohjaus_cli.domain.parsing import localize
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

if TYPE_CHECKING:  # only named here: a meeting move checks its day without them
    from tyonohjaus_cli.domain.cadence import Cadence
    from tyonohjaus_cli.domain.settings import Break

_LONGEST_SEARCH = timedelta(days=3 * 366)


class ShiftCause(StrEnum):
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    EVE = "eve"
    """Midsummer Eve or Christmas Eve: a day off, not a public holiday."""
    BREAK = "break"
    TAKEN = "taken"


@dataclass(frozen=True)
class Shift:
    """Why a day was passed over: the cause and what it was (a holiday's name, a break)."""

    cause: ShiftCause
    detail: str = ""


@dataclass(frozen=True)
class PlannedDate:
    """Where meeting ``n`` lands; ``shifts`` is empty when it is on its cadence date."""

    n: int
    start: datetime
    nominal: date
    shifts: tuple[Shift, ...] = ()

    @property
    def moved(self) -> bool:
        return self.start.date() != self.nominal


def gaps(cadence: Cadence) -> list[timedelta]:
    """The gap before each meeting: none before the first, then each step's interval."""
    result = [interval for step in cadence.steps for interval in [step.interval] * step.count]
    return [timedelta(0), *result[1:]]


def _why_not(
    day: date, holidays: Mapping[date, str], breaks: tuple[Break, ...], taken: date | None
) -> Shift | None:
    if taken is not None and day <= taken:
        return Shift(ShiftCause.TAKEN, taken.isoformat())
    if day.weekday() >= 5:
        return Shift(ShiftCause.WEEKEND)
    if day in holidays:
        return Shift(ShiftCause.EVE if is_eve(day) else ShiftCause.HOLIDAY, holidays[day])
    for span in breaks:
        if day in span:
            return Shift(ShiftCause.BREAK, str(span))
    return None


def reason_not_free(
    day: date, holidays: Mapping[date, str], breaks: tuple[Break, ...]
) -> Shift | None:
    """Why planning would pass ``day`` over (a weekend, a holiday, a break), or ``None``."""
    return _why_not(day, holidays, breaks, None)


def first_free_day(
    day: date,
    holidays: Mapping[date, str],
    breaks: tuple[Break, ...] = (),
    after: date | None = None,
) -> tuple[date, tuple[Shift, ...]]:
    """The first day from ``day`` on that is a free weekday later than ``after``."""
    shifts: list[Shift] = []
    candidate = day
    while (shift := _why_not(candidate, holidays, breaks, after)) is not None:
        if shift not in shifts:
            shifts.append(shift)
        if shift.cause is ShiftCause.BREAK:
            # Past a break the series keeps its weekday: the group that met on Tuesdays
            # meets on the first Tuesday after the break.
            resume = max(span.last for span in breaks if candidate in span) + timedelta(days=1)
            candidate = resume + timedelta(days=(day.weekday() - resume.weekday()) % 7)
        else:
            candidate += timedelta(days=1)
        if candidate - day > _LONGEST_SEARCH:
            raise UsageError(
                t(
                    "no free weekday within three years of {day}: check the breaks",
                    day=format_date(day, weekday=False),
                )
            )
    return candidate, tuple(shifts)


def plan(
    start: datetime,
    cadence: Cadence,
    *,
    holidays: Mapping[date, str],
    breaks: tuple[Break, ...] = (),
) -> list[PlannedDate]:
    """Plan every meeting of a process from its first ``start`` (an aware datetime)."""
    if start.tzinfo is None:
        raise ValueError("plan() needs an aware start time")
    zone = start.tzinfo
    planned: list[PlannedDate] = []
    rhythm = start.date()
    previous: date | None = None
    for n, gap in enumerate(gaps(cadence), start=1):
        nominal = rhythm + gap
        day, shifts = first_free_day(nominal, holidays, breaks, after=previous)
        rhythm = day if any(s.cause is ShiftCause.BREAK for s in shifts) else nominal
        wall_clock = datetime.combine(day, start.time())
        planned.append(PlannedDate(n, localize(wall_clock, zone), nominal, shifts))
        previous = day
    return planned
