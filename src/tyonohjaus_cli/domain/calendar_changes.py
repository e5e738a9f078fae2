"""Changes a calendar recipient sees, noticed even when the process file was edited by hand.

tyo's own commands raise a meeting's SEQUENCE when they move or cancel it. A hand edit of
``processes/<id>.toml`` (a new place, link, title, participant or time) does not, so each
meeting also keeps ``calendar = "SEQUENCE:HASH"``: the hash of what its invitation shows, as
tyo last wrote the file. When the file is read and the hash no longer matches while the
SEQUENCE is still the one written with it, the file was edited by hand: the meeting's
SEQUENCE goes up by one and its DTSTAMP becomes the edit (the file's modification time).
The next save by tyo writes both down. Pure: the moment of the edit is passed in.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

from tyonohjaus_cli.domain.models import Meeting, Process


def visible_hash(process: Process, meeting: Meeting) -> str:
    """A short hash of what a recipient sees of ``meeting``: time, place, link, title, people."""
    venue = process.venue
    people = "\x1e".join(f"{person.name}\x1f{person.email}" for person in process.participants)
    fields = (
        meeting.start.astimezone(UTC).isoformat(),
        str(meeting.minutes),
        meeting.status.value,
        process.title,
        venue.place,
        venue.online,
        "phone" if venue.phone else "",
        people,
    )
    return hashlib.sha256("\x1d".join(fields).encode()).hexdigest()[:16]


def seen_text(process: Process, meeting: Meeting) -> str:
    """What tyo writes as the meeting's ``calendar`` field: ``SEQUENCE:HASH``."""
    return f"{meeting.sequence}:{visible_hash(process, meeting)}"


def _edited_by_hand(process: Process, meeting: Meeting) -> bool:
    sequence, _, digest = meeting.seen.partition(":")
    return (
        bool(digest)
        and sequence == str(meeting.sequence)
        and digest != visible_hash(process, meeting)
    )


def with_hand_edits(process: Process, edited_at: datetime) -> Process:
    """``process`` with each meeting changed by hand since tyo wrote it one SEQUENCE higher.

    ``edited_at`` is when the file was last written (its mtime): the DTSTAMP of the change.
    A meeting without a recorded hash (a file from before this field) is left as it is.
    """
    changed = [m for m in process.meetings if _edited_by_hand(process, m)]
    if not changed:
        return process
    at = edited_at.astimezone(UTC).replace(microsecond=0)
    bumped = {m.n: replace(m, sequence=m.sequence + 1, edited=at) for m in changed}
    return replace(process, meetings=tuple(bumped.get(m.n, m) for m in process.meetings))


def unsaved_hand_edits(process: Process) -> bool:
    """Whether :func:`with_hand_edits` raised a SEQUENCE that the file does not hold yet."""
    return any(
        m.seen and m.seen.partition(":")[0] != str(m.sequence) and m.edited is not None
        for m in process.meetings
    )
