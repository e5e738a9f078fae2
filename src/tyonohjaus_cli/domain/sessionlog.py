"""The private session log: what happened in each meeting, for the supervisor only.

Confidentiality (DESIGN.md §2) is kept by where facts live, not by filtering late:

- :class:`LogEntry` and :class:`SessionLog` hold what participants said and did — the note,
  the themes, the working methods, who was present — and the goal reviews not agreed to be
  shared. They are stored apart from the process (``sessions/<process>.json``), and no
  client-facing command (billing, calendar, the client's summary) reads that file.
- What the client may know stays on the :class:`~tyonohjaus_cli.domain.models.Meeting` in
  the process file: held or no-show, the minutes it took, and *how many* were present.

:func:`record` is pure: it takes the process, its log and the time, and returns both changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.meetings import find, require_agreed
from tyonohjaus_cli.domain.models import Meeting, Process, Review
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_datetime, t, tn


class LogEntry(NamedTuple):
    """What the supervisor recorded of one meeting. Private: never shown to the client.

    ``themes`` are short keywords the supervisor may share with the participants;
    ``methods`` the working methods used; ``note`` the private note itself.
    """

    meeting: int
    logged: datetime
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    note: str = ""


class SessionLog(NamedTuple):
    """The private log of one process: an entry per logged meeting and the unshared reviews."""

    process: str
    entries: tuple[LogEntry, ...] = ()
    reviews: tuple[Review, ...] = ()

    def entry(self, n: int) -> LogEntry | None:
        return next((entry for entry in self.entries if entry.meeting == n), None)

    def with_entry(self, entry: LogEntry) -> SessionLog:
        others = tuple(e for e in self.entries if e.meeting != entry.meeting)
        ordered = sorted((*others, entry), key=lambda e: e.meeting)
        return self._replace(entries=tuple(ordered))


class Outcome(NamedTuple):
    """What ``tyo log`` was told about a meeting. ``None`` means "not said this time":
    on a first log it takes the default, on relogging (``--force``) the earlier value stays.
    """

    no_show: bool = False
    minutes: int | None = None
    present: tuple[str, ...] | None = None
    absent: tuple[str, ...] | None = None
    attendance: int | None = None
    themes: tuple[str, ...] | None = None
    methods: tuple[str, ...] | None = None
    note: str | None = None

    @property
    def says_attendance(self) -> bool:
        return self.present is not None or self.absent is not None or self.attendance is not None


def is_logged(meeting: Meeting) -> bool:
    return meeting.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW)


def next_unlogged(process: Process) -> Meeting:
    """The earliest meeting still planned: the one ``tyo log PROCESS`` means without N."""
    waiting = [m for m in process.in_order() if m.status is MeetingStatus.PLANNED]
    if not waiting:
        raise UsageError(
            t(
                "every meeting of {process} is logged or cancelled: give N to log one again "
                "with --force, or add one with `tyo meeting add`",
                process=process.id,
            )
        )
    return waiting[0]


def check_loggable(meeting: Meeting, process: Process, now: datetime, *, force: bool) -> None:
    """Refuse what is probably a mistake, saying why; ``force`` allows it on purpose."""
    require_agreed(process)  # even with force: a proposal's meetings are not real yet
    if meeting.status is MeetingStatus.CANCELLED:
        raise UsageError(
            t(
                "meeting {n} of {process} was cancelled, so it can't be logged as held: "
                "add the meeting that took place with `tyo meeting add`",
                n=meeting.n,
                process=process.id,
            )
        )
    if force:
        return
    if is_logged(meeting):
        raise UsageError(
            t(
                "meeting {n} of {process} is logged already (held): --force logs it again, "
                "replacing what you give and keeping the rest"
                if meeting.status is MeetingStatus.HELD
                else "meeting {n} of {process} is logged already (no-show): --force logs it "
                "again, replacing what you give and keeping the rest",
                n=meeting.n,
                process=process.id,
            )
        )
    if meeting.start > now:
        raise UsageError(
            t(
                "meeting {n} of {process} is on {when}, still ahead: log it once it is held, "
                "or give --force if it was held early",
                n=meeting.n,
                process=process.id,
                when=format_datetime(meeting.start),
            )
        )


def match_participant(process: Process, given: str) -> str:
    """The participant's full name for what was typed: the full name, the first name or
    the start of the name, in any case — as long as it fits only one participant."""
    names = [p.name for p in process.participants]
    wanted = given.strip().casefold()
    exact = [name for name in names if name.casefold() == wanted]
    if exact:
        return exact[0]
    first = [name for name in names if name.split()[0].casefold() == wanted]
    fits = first or [name for name in names if wanted and name.casefold().startswith(wanted)]
    if len(fits) == 1:
        return fits[0]
    if len(fits) > 1:
        raise UsageError(
            t(
                "{name!r} fits several participants of {process}: {names}; type more of the name",
                name=given,
                process=process.id,
                names=", ".join(fits),
            )
        )
    if len(names) == 1:
        raise UsageError(
            t(
                "{name!r} is not a participant of {process} (its only one is {names})",
                name=given,
                process=process.id,
                names=names[0],
            )
        )
    raise UsageError(
        t(
            "{name!r} is not a participant of {process} (they are: {names})",
            name=given,
            process=process.id,
            names=", ".join(names),
        )
    )


def _counted(process: Process, count: int) -> int:
    if process.size and count > process.size:
        raise UsageError(
            tn(
                "{present} present, but the group has {count} person",
                "{present} present, but the group has {count} people",
                process.size,
                present=count,
            )
        )
    return count


def _attendance(
    process: Process, outcome: Outcome
) -> tuple[tuple[str, ...], tuple[str, ...], int | None]:
    """Who was present and absent, and how many were present, from what was said."""
    names = [p.name for p in process.participants]
    if outcome.present is None and outcome.absent is None and outcome.attendance is not None:
        if names and process.size == len(names):
            raise UsageError(
                t(
                    "process {process} names its participants: say who was there with "
                    "--present NAME or --absent NAME, not --attendance",
                    process=process.id,
                )
            )
        return (), (), _counted(process, outcome.attendance)  # a count, no names
    if (outcome.present or outcome.absent) and not names:
        raise UsageError(
            t(
                "process {process} names no participants: give the number present with "
                "--attendance N instead",
                process=process.id,
            )
        )
    present = [match_participant(process, name) for name in outcome.present or ()]
    absent = [match_participant(process, name) for name in outcome.absent or ()]
    both = sorted(set(present) & set(absent))
    if both:
        raise UsageError(
            t("{names}: both present and absent? Give each name once", names=", ".join(both))
        )
    if outcome.present is not None:
        absent = [name for name in names if name not in present]
    else:
        present = [name for name in names if name not in absent]
    # A named group whose stated size is larger can't be counted from the names alone.
    counted = len(present) if names and process.size == len(names) else None
    attended = _counted(process, outcome.attendance) if outcome.attendance is not None else counted
    if outcome.attendance is not None and attended is not None and attended < len(present):
        raise UsageError(
            t(
                "--attendance {attended} is fewer than those named present ({named})",
                attended=attended,
                named=len(present),
            )
        )
    # Keep the process's order of names, whatever order they were typed in.
    ordered_present = tuple(name for name in names if name in present)
    ordered_absent = tuple(name for name in names if name in absent)
    return ordered_present, ordered_absent, attended


def _words(items: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if items is None:
        return None
    return tuple(dict.fromkeys(item.strip() for item in items if item.strip()))


def record(
    process: Process, log: SessionLog, meeting: Meeting, outcome: Outcome, now: datetime
) -> tuple[Process, SessionLog, Meeting, LogEntry]:
    """Log ``meeting`` as held (or a no-show) with what ``outcome`` says; checks are the
    caller's (:func:`check_loggable`), so that ``--force`` stays a command-line decision."""
    meeting = find(process, meeting.n)
    earlier = log.entry(meeting.n) if is_logged(meeting) else None
    if outcome.no_show:
        if outcome.says_attendance or outcome.minutes is not None:
            raise UsageError(
                t("--no-show records that nobody came: it takes no attendance or minutes")
            )
        present: tuple[str, ...] = ()
        absent = tuple(p.name for p in process.participants)
        attended: int | None = 0
        status, held_minutes = MeetingStatus.NO_SHOW, None
    else:
        if earlier and meeting.status is MeetingStatus.HELD and not outcome.says_attendance:
            # Relogging a held meeting without a word on attendance: it stays as logged.
            present, absent, attended = earlier.present, earlier.absent, meeting.attended
        else:
            present, absent, attended = _attendance(process, outcome)
        status = MeetingStatus.HELD
        minutes = outcome.minutes if outcome.minutes is not None else meeting.actual_minutes
        held_minutes = minutes if minutes != meeting.minutes else None
    themes = _words(outcome.themes)
    methods = _words(outcome.methods)
    entry = LogEntry(
        meeting=meeting.n,
        logged=now,
        present=present,
        absent=absent,
        themes=themes if themes is not None else earlier.themes if earlier else (),
        methods=methods if methods is not None else earlier.methods if earlier else (),
        note=(
            outcome.note if outcome.note is not None else earlier.note if earlier else ""
        ).strip(),
    )
    logged = meeting._replace(status=status, held_minutes=held_minutes, attended=attended)
    others = tuple(m for m in process.meetings if m.n != meeting.n)
    process = process._replace(meetings=tuple(sorted((*others, logged), key=lambda m: m.n)))
    return process, log.with_entry(entry), logged, entry
