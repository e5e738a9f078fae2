"""Changes a calendar recipient sees, noticed even when the process file was edited by hand.

A move or a cancellation raises a meeting's SEQUENCE where it is made. Other changes a
recipient sees — a new place, link, title, participant, or a time typed into the file — are
noticed here: each meeting keeps ``calendar = "SEQUENCE:HASH"``, the hash of what its
invitation shows as tyo last wrote the file. When the hash no longer matches while the
SEQUENCE is still the one written with it, something changed: a planned meeting still ahead
goes one SEQUENCE up, with its DTSTAMP at the change. This runs when a process is read (a
hand edit, dated by the file's modification time) and when tyo saves one (`process edit`,
dated now); the save writes both down. A meeting already past or cancelled is news to no
one and stays as it is. Pure: the moment is passed in.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.models import Meeting, Process


def visible_hash(process: Process, meeting: Meeting) -> str:
    """A short hash of what a recipient sees of ``meeting``: time, place, link, title, people."""
    venue = process.venue
    people = "\x1e".join(f"{person.name}\x1f{person.email}" for person in process.participants)
    fields = (
        meeting.start.astimezone(UTC).isoformat(),
        str(meeting.minutes),
        process.title,
        venue.place,
        venue.online,
        "phone" if venue.phone else "",
        people,
    )
    from tyonohjaus_cli.digests import sha256  # for the commands that save or read a process

    return sha256("\x1d".join(fields).encode()).hexdigest()[:16]


def seen_text(process: Process, meeting: Meeting) -> str:
    """What tyo writes as the meeting's ``calendar`` field: ``SEQUENCE:HASH``."""
    return f"{meeting.sequence}:{visible_hash(process, meeting)}"


def _changed_unseen(process: Process, meeting: Meeting, at: datetime) -> bool:
    sequence, _, digest = meeting.seen.partition(":")
    return (
        bool(digest)
        and meeting.status is MeetingStatus.PLANNED
        and meeting.start > at
        and sequence == str(meeting.sequence)
        and digest != visible_hash(process, meeting)
    )


def with_changes_seen(process: Process, edited_at: datetime) -> Process:
    """``process`` with each planned meeting ahead whose invitation changed one SEQUENCE up.

    ``edited_at`` is when the change was made (a hand edit: the file's mtime): its DTSTAMP.
    A meeting without a recorded hash (a file from before this field) is left as it is.
    """
    changed = [m for m in process.meetings if _changed_unseen(process, m, edited_at)]
    if not changed:
        return process
    at = edited_at.astimezone(UTC).replace(microsecond=0)
    bumped = {m.n: m._replace(sequence=m.sequence + 1, edited=at) for m in changed}
    return process._replace(meetings=tuple(bumped.get(m.n, m) for m in process.meetings))


def unsaved_hand_edits(process: Process) -> bool:
    """Whether :func:`with_changes_seen` raised a SEQUENCE that the file does not hold yet."""
    return any(
        m.seen and m.seen.partition(":")[0] != str(m.sequence) and m.edited is not None
        for m in process.meetings
    )
