"""Goal-review summaries of a process, for the participants or for the client. Pure.

The two builders take different inputs, so that what the client may not see can't reach
its summary by mistake:

- :func:`for_client` takes the process (counts, dates, minutes, the number present, goals,
  the *shared* reviews) and nothing from the private session log. Names of those present
  come only when asked for explicitly (``--attendance-by-name``), as a bare mapping.
- :func:`for_participants` also takes the session log: the themes of the meetings and the
  reviews done with the participants, shared or not. Never the notes or working methods.

:mod:`tyonohjaus_cli.domain.summary_text` turns a :class:`Summary` into a document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, ProcessKind
from tyonohjaus_cli.domain.goals import in_order, shared_reviews
from tyonohjaus_cli.domain.models import Client, Goal, Process, Review
from tyonohjaus_cli.domain.progress import Progress, progress
from tyonohjaus_cli.domain.reasons import CancelReason, code_of
from tyonohjaus_cli.domain.sessionlog import SessionLog
from tyonohjaus_cli.domain.settings import Settings


class Audience(StrEnum):
    PARTICIPANTS = "participants"
    CLIENT = "client"


@dataclass(frozen=True)
class MeetingLine:
    """One meeting as a summary lists it: no content, only what happened."""

    n: int
    day: date
    status: MeetingStatus
    minutes: int
    attended: int | None
    cancelled_by: CancelledBy | None
    reason: CancelReason | None = None
    """Why it was cancelled when tyo gave the reason; the supervisor's own words never."""


@dataclass(frozen=True)
class GoalLine:
    goal: Goal
    reviews: tuple[Review, ...]


@dataclass(frozen=True)
class Theme:
    """A theme the participants worked on, and the meetings where it came up."""

    text: str
    meetings: tuple[int, ...]


@dataclass(frozen=True)
class Summary:
    """What a summary says, before it is put into words."""

    audience: Audience
    process_id: str
    title: str
    kind: ProcessKind
    client: str
    supervisor: str
    supervisor_email: str
    co_supervisor: str
    prepared: date
    first: date | None
    last: date | None
    size: int
    progress: Progress
    meetings: tuple[MeetingLine, ...]
    goals: tuple[GoalLine, ...]
    themes: tuple[Theme, ...] = ()
    attendance_by_name: tuple[tuple[str, int], ...] = ()

    @property
    def attendance(self) -> tuple[int, int] | None:
        """Present in all, and possible in all, over the held meetings with a count."""
        counted = [
            line.attended
            for line in self.meetings
            if line.status is MeetingStatus.HELD and line.attended is not None
        ]
        if not counted or not self.size:
            return None
        return sum(counted), self.size * len(counted)


def _meetings(process: Process) -> tuple[MeetingLine, ...]:
    return tuple(
        MeetingLine(
            n=m.n,
            day=m.start.date(),
            status=m.status,
            minutes=m.actual_minutes,
            attended=m.attended if m.status is MeetingStatus.HELD else None,
            cancelled_by=m.cancelled_by,
            reason=code_of(m.reason) if m.status is MeetingStatus.CANCELLED else None,
        )
        for m in process.in_order()
    )


def _by_name(
    process: Process, present: Mapping[int, tuple[str, ...]]
) -> tuple[tuple[str, int], ...]:
    held = {m.n for m in process.meetings if m.status is MeetingStatus.HELD}
    return tuple(
        (p.name, sum(1 for n, names in present.items() if n in held and p.name in names))
        for p in process.participants
    )


def _summary(
    audience: Audience,
    process: Process,
    client: Client,
    settings: Settings,
    today: date,
    reviews: list[Review],
    present: Mapping[int, tuple[str, ...]] | None,
    themes: tuple[Theme, ...] = (),
) -> Summary:
    kept = [m.start.date() for m in process.in_order() if m.status is not MeetingStatus.CANCELLED]
    return Summary(
        audience=audience,
        process_id=process.id,
        title=process.title,
        kind=process.kind,
        client=client.name,
        supervisor=settings.supervisor.name,
        supervisor_email=settings.supervisor.email,
        co_supervisor=process.co_supervisor,
        prepared=today,
        first=min(kept, default=None),
        last=max(kept, default=None),
        size=process.size,
        progress=progress(process, settings.unit_minutes, (r.day for r in reviews)),
        meetings=_meetings(process),
        goals=tuple(
            GoalLine(goal, tuple(r for r in reviews if r.goal == goal.n)) for goal in process.goals
        ),
        themes=themes,
        attendance_by_name=_by_name(process, present) if present is not None else (),
    )


def for_client(
    process: Process,
    client: Client,
    settings: Settings,
    today: date,
    present: Mapping[int, tuple[str, ...]] | None = None,
) -> Summary:
    """The client's summary: counts, dates, attendance totals, goals and shared reviews.

    ``present`` (meeting → names present) is given only when the supervisor asks for
    attendance by name; otherwise the client sees totals only.
    """
    return _summary(
        Audience.CLIENT, process, client, settings, today, shared_reviews(process), present
    )


def presence(log: SessionLog) -> dict[int, tuple[str, ...]]:
    """Who was present at each logged meeting: all that ``--attendance-by-name`` takes."""
    return {entry.meeting: entry.present for entry in log.entries}


def themes_of(process: Process, log: SessionLog) -> tuple[Theme, ...]:
    """Themes of the held meetings, in order of first appearance, with their meetings."""
    held = [m.n for m in process.in_order() if m.status is MeetingStatus.HELD]
    found: dict[str, list[int]] = {}
    spelled: dict[str, str] = {}
    for n in held:
        entry = log.entry(n)
        for theme in entry.themes if entry else ():
            key = theme.casefold()
            spelled.setdefault(key, theme)
            if n not in found.setdefault(key, []):
                found[key].append(n)
    return tuple(Theme(spelled[key], tuple(meetings)) for key, meetings in found.items())


def for_participants(
    process: Process,
    client: Client,
    settings: Settings,
    log: SessionLog,
    today: date,
    *,
    by_name: bool = False,
) -> Summary:
    """The participants' summary: the client's, plus the themes worked on and the reviews
    done with the participants whether shared or not. Reviews done with the client reach
    it only when shared. Never notes or methods."""
    private = (r for r in log.reviews if r.with_ == Audience.PARTICIPANTS)
    reviews = in_order((*shared_reviews(process), *private))
    return _summary(
        Audience.PARTICIPANTS,
        process,
        client,
        settings,
        today,
        reviews,
        presence(log) if by_name else None,
        themes_of(process, log),
    )
