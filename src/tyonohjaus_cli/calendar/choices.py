"""What one calendar export is asked for: the iTIP method, how participants are named, a
reminder. Apart from :mod:`.ics`, so that reading a command line needs none of the domain."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Method(StrEnum):
    """The iTIP methods tyo sends: an invitation (or its update) and a cancellation."""

    REQUEST = "request"
    CANCEL = "cancel"


class Pseudonym(StrEnum):
    """How participants are named: as they are, by initials (``A.V.``) or by a code."""

    NONE = "none"
    INITIALS = "initials"
    CODE = "code"


LONGEST_REMINDER = 7 * 24 * 60
"""A reminder (VALARM) at most a week before the meeting, in minutes."""


@dataclass(frozen=True)
class Options:
    """Choices of one export: how participants are named, and a reminder before each meeting.

    ``Pseudonym.INITIALS`` turns into codes for everyone when two participants share
    initials, so that a pseudonymised list still tells people apart.
    """

    pseudonym: Pseudonym = Pseudonym.NONE
    alarm_minutes: int | None = None
