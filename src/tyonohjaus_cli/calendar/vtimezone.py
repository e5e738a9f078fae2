"""A time zone's rules as VTIMEZONE observances in the RRULE form, derived from zoneinfo.

Calendars read a VTIMEZONE best when each observance is a yearly rule ("the last Sunday of
March at 03:00"): Outlook expects that form, and dateutil (under vobject) reads it right.
icalendar's ``add_missing_timezones()`` instead lists every onset as RDATEs, which dateutil
reads one hour off in summer. So the rules are inferred here from the zone itself: find
every change of offset in the years a calendar covers, group the changes of one kind that
recur yearly on the same weekday pattern, and write each group as one yearly rule.

Pure and free of icalendar: :func:`observances` returns plain values that
:mod:`tyonohjaus_cli.calendar.ics` turns into components.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

_STEP = timedelta(hours=12)
"""Sampling step when looking for offset changes; zones never change twice in 12 hours."""
_AHEAD_STEP = timedelta(days=7)
"""Sampling step in the years after the last meeting, read only to tell which yearly rule
holds (:data:`LOOKAHEAD_YEARS`): there every zone follows its yearly rules or Morocco's
Ramadan changes, never two changes in a week. With it, every zone of the tz database (599,
for seven spans of years from 1940 to 2062) got the same observances as with 12-hour
samples throughout, in a quarter of the time; ``tests/test_calendar_vtimezone.py`` checks
the oddest zones on every run."""

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

LOOKAHEAD_YEARS = 10
"""Years past the last meeting over which a yearly rule must hold before it is written open:
two years cannot tell "the last Friday of March" from "the Friday on or after the 23rd"."""

_LAST = 0
"""Stands for "the last <weekday> of the month" among the day choices of a rule."""


@dataclass(frozen=True)
class _State:
    offset: timedelta
    daylight: bool
    name: str


def _state(zone: ZoneInfo, instant: datetime) -> _State:
    local = instant.astimezone(zone)
    # Negative summer time (Morocco in Ramadan) counts as daylight too: readers such as
    # dateutil take standard time as the offset less DST, and that must stay steady.
    return _State(local.utcoffset() or timedelta(0), bool(local.dst()), local.tzname() or "")


@dataclass(frozen=True)
class Transition:
    """The zone changes from ``before`` to ``after`` at ``instant`` (UTC)."""

    instant: datetime
    before: _State
    after: _State

    @property
    def onset(self) -> datetime:
        """The wall-clock time of the change, read on the clock before it (RFC 5545 DTSTART)."""
        return (self.instant + self.before.offset).replace(tzinfo=None)


def transitions(
    zone: ZoneInfo, first_year: int, last_year: int, *, dense_until: int | None = None
) -> list[Transition]:
    """Every change of offset, daylight flag or name from ``first_year`` to ``last_year``.

    The zone is sampled every 12 hours up to the end of ``dense_until`` (by default
    ``last_year``), and every week after it; each change is then found to the second.
    """
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    dense_end = datetime((last_year if dense_until is None else dense_until) + 1, 1, 1, tzinfo=UTC)
    local = moment.astimezone(zone)
    # A sample is compared as a plain tuple: a _State made for each one took half the time.
    seen = (local.utcoffset(), bool(local.dst()), local.tzname())
    state = _state(zone, moment)
    found: list[Transition] = []
    while moment < end:
        following = min(moment + (_STEP if moment < dense_end else _AHEAD_STEP), end)
        local = following.astimezone(zone)
        sample = (local.utcoffset(), bool(local.dst()), local.tzname())
        if sample != seen:
            new = _state(zone, following)
            # Bisect to the second: zones change on whole seconds.
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) // 2
                middle = middle.replace(microsecond=0)
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            found.append(Transition(high, state, new))
            state, seen = new, sample
        moment = following
    return found


def _day_choices(onset: datetime) -> frozenset[int]:
    """Ways to name the onset's day: ``d`` = "the weekday on or after day d", or :data:`_LAST`."""
    length = _calendar.monthrange(onset.year, onset.month)[1]
    choices = {
        first for first in range(max(1, onset.day - 6), onset.day + 1) if first + 6 <= length
    }
    if onset.day + 7 > length:
        choices.add(_LAST)
    return frozenset(choices)


@dataclass(frozen=True)
class YearlyRule:
    """Every year in ``month`` on ``weekday`` (0 = Monday), on the last one or the first one
    on or after ``first_day``."""

    month: int
    weekday: int
    last: bool
    first_day: int

    def parts(self) -> dict[str, object]:
        """The RRULE parts, in the simplest form that says it (``BYDAY=-1SU``, ``2SU``...)."""
        day = _WEEKDAYS[self.weekday]
        if self.last:
            return {"FREQ": "YEARLY", "BYMONTH": self.month, "BYDAY": f"-1{day}"}
        if self.first_day % 7 == 1:
            return {
                "FREQ": "YEARLY",
                "BYMONTH": self.month,
                "BYDAY": f"{self.first_day // 7 + 1}{day}",
            }
        days = list(range(self.first_day, self.first_day + 7))
        return {"FREQ": "YEARLY", "BYMONTH": self.month, "BYDAY": day, "BYMONTHDAY": days}


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT component of a VTIMEZONE.

    ``start`` is the first onset as a wall-clock time on the clock before it; ``rule`` is
    ``None`` for a single onset; ``until`` (UTC) ends a rule that the zone gave up.
    """

    daylight: bool
    start: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    rule: YearlyRule | None = None
    until: datetime | None = None


@dataclass
class _Run:
    """Transitions of one kind in consecutive years that one yearly rule describes."""

    first: Transition
    last: Transition
    choices: frozenset[int]
    years: int = 1

    def key(self) -> tuple[object, ...]:
        return _key(self.first)


def _key(change: Transition) -> tuple[object, ...]:
    onset = change.onset
    return (change.before, change.after, onset.month, onset.weekday(), onset.time())


def _rule(run: _Run) -> YearlyRule:
    onset = run.first.onset
    last = _LAST in run.choices
    first_day = min(run.choices - {_LAST}, default=0)
    # A rule that holds for "the n-th weekday" is preferred to an odd "on or after day d".
    ordinal = sorted(day for day in run.choices if day % 7 == 1)
    if ordinal:
        first_day = ordinal[0]
    return YearlyRule(onset.month, onset.weekday(), last, first_day)


@cache
def observances(zone: ZoneInfo, first_year: int, last_year: int) -> tuple[Observance, ...]:
    """The observances that reproduce ``zone`` from ``first_year`` on.

    The zone is read until :data:`LOOKAHEAD_YEARS` after ``last_year``. A rule still in force
    then is left open, as the zone's own rules are (zoneinfo extends its last rule the same
    way); one the zone gives up ends with UNTIL; an onset that follows no yearly pattern
    (Morocco's Ramadan changes) is an observance of its own. A zone that never changes is one
    observance from 1 January of ``first_year``.
    """
    meetings_end, last_year = last_year, last_year + LOOKAHEAD_YEARS
    changes = transitions(zone, first_year, last_year, dense_until=meetings_end)
    if not changes:
        start = datetime(first_year, 1, 1, tzinfo=zone)
        state = _state(zone, start)
        start = start.replace(tzinfo=None)
        return (Observance(state.daylight, start, state.offset, state.offset, state.name),)

    runs: list[_Run] = []
    for change in changes:
        key = _key(change)
        for run in runs:
            choices = run.choices & _day_choices(change.onset)
            if run.key() == key and run.last.onset.year == change.onset.year - 1 and choices:
                run.last, run.choices, run.years = change, choices, run.years + 1
                break
        else:
            runs.append(_Run(change, change, _day_choices(change.onset)))

    result = []
    for run in runs:
        open_ended = run.last.onset.year == last_year
        rule = _rule(run) if run.years > 1 or open_ended else None
        until = None
        if rule and not open_ended:
            # UNTIL is UTC, but dateutil reads it as a wall-clock time; east of UTC the later
            # of the two readings keeps the last onset inside the rule for both.
            until = run.last.instant + max(run.last.before.offset, timedelta(0))
        after = run.first.after
        result.append(
            Observance(
                after.daylight,
                run.first.onset,
                run.first.before.offset,
                after.offset,
                after.name,
                rule,
                until,
            )
        )
    return tuple(result)
