"""Changes to a process's meetings: add, move, cancel, close. Pure: time is passed in.

Meeting numbers never change. Every move or cancellation raises the meeting's SEQUENCE
(RFC 5545), so that calendar invitations sent later replace the earlier ones.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, ProcessStatus
from tyonohjaus_cli.domain.models import Meeting, Move, Process
from tyonohjaus_cli.domain.reasons import CancelReason
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_datetime, t, tn


def _with_meeting(process: Process, meeting: Meeting) -> Process:
    others = tuple(m for m in process.meetings if m.n != meeting.n)
    return process._replace(meetings=tuple(sorted((*others, meeting), key=lambda m: m.n)))


def find(process: Process, n: int) -> Meeting:
    """Meeting ``n`` of ``process``, or a usage error that lists what there is."""
    meeting = process.meeting(n)
    if meeting is None:
        raise UsageError(
            t(
                "process {process} has no meeting {n} (it has 1 to {last}): `tyo process show {process}` lists them",
                process=process.id,
                n=n,
                last=process.next_number() - 1,
            )
        )
    return meeting


def _refuse_ended(process: Process) -> None:
    if process.status is ProcessStatus.CLOSED:
        raise UsageError(t("process {process} is closed", process=process.id))
    if process.status is ProcessStatus.DECLINED:
        raise UsageError(t("process {process} was declined", process=process.id))


_NOT_OPEN = {
    ("move", MeetingStatus.HELD): "can't move meeting {n} of {process}: it is held",
    ("move", MeetingStatus.CANCELLED): "can't move meeting {n} of {process}: it is cancelled",
    ("move", MeetingStatus.NO_SHOW): (
        "can't move meeting {n} of {process}: it was missed (no-show)"
    ),
    ("cancel", MeetingStatus.HELD): "can't cancel meeting {n} of {process}: it is held",
    ("cancel", MeetingStatus.CANCELLED): (
        "can't cancel meeting {n} of {process}: it is cancelled already"
    ),
    ("cancel", MeetingStatus.NO_SHOW): (
        "can't cancel meeting {n} of {process}: it was missed (no-show)"
    ),
}
"""Why a meeting can't be moved or cancelled: one whole sentence for each deed and status."""


def _open(process: Process, n: int, doing: str) -> Meeting:
    """Meeting ``n``, still planned, to be ``doing`` (``move`` or ``cancel``)."""
    _refuse_ended(process)
    meeting = find(process, n)
    if meeting.status is not MeetingStatus.PLANNED:
        raise UsageError(t(_NOT_OPEN[doing, meeting.status], n=n, process=process.id))
    return meeting


def add(process: Process, start: datetime, minutes: int, uid: str) -> tuple[Process, Meeting]:
    """Add one meeting to ``process``; it gets the next free number."""
    _refuse_ended(process)
    meeting = Meeting(n=process.next_number(), start=start, minutes=minutes, uid=uid)
    return _with_meeting(process, meeting), meeting


def move(process: Process, n: int, to: datetime, agreed_at: datetime) -> tuple[Process, Meeting]:
    """Move meeting ``n`` to ``to``, as agreed at ``agreed_at``."""
    meeting = _open(process, n, "move")
    if to == meeting.start:
        raise UsageError(t("meeting {n} is at that time already", n=n))
    moved = meeting._replace(
        start=to,
        moves=(*meeting.moves, Move(previous=meeting.start, agreed_at=agreed_at)),
        sequence=meeting.sequence + 1,
    )
    return _with_meeting(process, moved), moved


def cancel(
    process: Process,
    n: int,
    by: CancelledBy,
    notified_at: datetime | None,
    reason: str = "",
    *,
    now: datetime,
) -> tuple[Process, Meeting]:
    """Cancel meeting ``n``: by the client or the supervisor, notified at ``notified_at``.

    ``notified_at`` None means notified ``now``. A cancellation is notified by the meeting's
    start and not later than ``now``: a notice after the start cancels nothing (the meeting
    was missed, a no-show), and a notice still ahead has not been given.
    """
    meeting = _open(process, n, "cancel")
    if notified_at is None:
        if now > meeting.start:
            raise UsageError(
                t(
                    "meeting {n} of {process} started on {start}: give --notified with when "
                    "the cancellation was notified (a missed meeting is logged with "
                    "`tyo log {process} {n} --no-show`)",
                    n=n,
                    process=process.id,
                    start=format_datetime(meeting.start),
                )
            )
        notified_at = now
    elif notified_at > meeting.start:
        raise UsageError(
            t(
                "--notified {notified} is after the start of meeting {n} of {process} ({start}): "
                "a cancellation is notified before the start (a missed meeting is logged with "
                "`tyo log {process} {n} --no-show`)",
                notified=format_datetime(notified_at),
                n=n,
                process=process.id,
                start=format_datetime(meeting.start),
            )
        )
    elif notified_at > now:
        raise UsageError(
            t(
                "--notified {notified} is still ahead: give when the cancellation was notified "
                "(without --notified, it is now)",
                notified=format_datetime(notified_at),
            )
        )
    cancelled = _cancelled(meeting, by, notified_at, reason)
    return _with_meeting(process, cancelled), cancelled


def _cancelled(meeting: Meeting, by: CancelledBy, notified_at: datetime, reason: str) -> Meeting:
    return meeting._replace(
        status=MeetingStatus.CANCELLED,
        cancelled_by=by,
        notified_at=notified_at,
        reason=reason,
        sequence=meeting.sequence + 1,
    )


def is_late_cancellation(meeting: Meeting, window_hours: int) -> bool:
    """A cancellation by the client notified later than ``window_hours`` before the start."""
    if (
        meeting.status is not MeetingStatus.CANCELLED
        or meeting.cancelled_by is not CancelledBy.CLIENT
        or meeting.notified_at is None
    ):
        return False
    # Real hours, not wall-clock ones: in UTC, a window across a DST change is still 24 h.
    deadline = meeting.start.astimezone(UTC) - timedelta(hours=window_hours)
    return meeting.notified_at.astimezone(UTC) > deadline


def close(process: Process, at: datetime, *, cancel_remaining: bool) -> Process:
    """Close ``process``; meetings still planned must be cancelled (by the supervisor) first."""
    if process.status is ProcessStatus.CLOSED:
        raise UsageError(t("process {process} is closed already", process=process.id))
    if not process.is_agreed:
        raise UsageError(
            t(
                "process {process} is a proposal: `tyo process accept {process}` or "
                "`tyo process decline {process}`",
                process=process.id,
            )
        )
    remaining = [m.n for m in process.meetings if m.status is MeetingStatus.PLANNED]
    if remaining and not cancel_remaining:
        raise UsageError(
            tn(
                "process {process} still has {count} planned meeting: log or cancel it, "
                "or close with --cancel-remaining",
                "process {process} still has {count} planned meetings: log or cancel them, "
                "or close with --cancel-remaining",
                len(remaining),
                process=process.id,
            )
        )
    for n in remaining:
        # Not cancel(): a meeting left unlogged in the past is closed too, notified now.
        meeting = find(process, n)
        process = _with_meeting(
            process,
            _cancelled(meeting, CancelledBy.SUPERVISOR, at, CancelReason.PROCESS_CLOSED.value),
        )
    return process._replace(status=ProcessStatus.CLOSED, closed=at)


def require_agreed(process: Process) -> None:
    """Refuse what only an agreed process has (logging, invitations): a proposal first needs
    the client's yes."""
    if process.status is ProcessStatus.PROPOSAL:
        raise UsageError(
            t(
                "process {process} is a proposal, not agreed yet: "
                "`tyo process accept {process}` once the client accepts the offer",
                process=process.id,
            )
        )
    if process.status is ProcessStatus.DECLINED:
        raise UsageError(t("process {process} was declined", process=process.id))


_NOT_A_PROPOSAL = {
    ProcessStatus.ACTIVE: "process {process} is not a proposal: it is agreed and running",
    ProcessStatus.CLOSED: "process {process} is not a proposal: it is closed",
    ProcessStatus.DECLINED: "process {process} is not a proposal: it was declined",
}
"""Why a process can't be accepted or declined, one sentence for each status."""


def accept(process: Process) -> Process:
    """The client accepted the offer: the same plan, meetings and calendar UIDs, now agreed."""
    if process.status is not ProcessStatus.PROPOSAL:
        raise UsageError(t(_NOT_A_PROPOSAL[process.status], process=process.id))
    return process._replace(status=ProcessStatus.ACTIVE)


def decline(process: Process, at: datetime) -> Process:
    """The client declined the offer: kept for the record, on no calendar or bill."""
    if process.status is not ProcessStatus.PROPOSAL:
        raise UsageError(t(_NOT_A_PROPOSAL[process.status], process=process.id))
    return process._replace(status=ProcessStatus.DECLINED, closed=at)


_NOT_CHARGED = {
    MeetingStatus.PLANNED: (
        "meeting {n} of {process} is not charged: only a late cancellation or a no-show is "
        "(it is planned)"
    ),
    MeetingStatus.HELD: (
        "meeting {n} of {process} is not charged: only a late cancellation or a no-show is "
        "(it is held)"
    ),
    MeetingStatus.CANCELLED: (
        "meeting {n} of {process} is not charged: only a late cancellation or a no-show is "
        "(it is cancelled)"
    ),
}
"""Why a meeting's charge can't be set, one sentence for each status it may have then."""


def charge(
    process: Process, n: int, percent: Decimal, reason: str, window_hours: int
) -> tuple[Process, Meeting]:
    """Meeting ``n``, a late cancellation or a no-show, billed at ``percent`` (0 waives it)
    instead of the client's charge, for ``reason``; what an invoice bills never changes
    (the store refuses it: credit the invoice first)."""
    meeting = find(process, n)
    if meeting.status is not MeetingStatus.NO_SHOW and not is_late_cancellation(
        meeting, window_hours
    ):
        raise UsageError(t(_NOT_CHARGED[meeting.status], n=n, process=process.id))
    if not reason.strip():
        raise UsageError(t('give the reason with --reason "..."; it is kept with the charge'))
    charged = meeting._replace(charge=percent, charge_reason=reason.strip())
    return _with_meeting(process, charged), charged
