"""The fixed vocabularies of the practice: kinds of process and what became of a meeting.

Kept apart from the records in :mod:`models` so that list views, which only need these,
do not pay for building the records at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class ProcessKind(StrEnum):
    """Kinds of supervision process (työnohjausprosessi)."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    COMMUNITY = "community"
    LEADERSHIP = "leadership"
    CRISIS = "crisis"
    ENTREPRENEUR = "entrepreneur"


FINNISH_KINDS = {
    "yksilö": ProcessKind.INDIVIDUAL,
    "ryhmä": ProcessKind.GROUP,
    "työyhteisö": ProcessKind.COMMUNITY,
    "johto": ProcessKind.LEADERSHIP,
    "kriisi": ProcessKind.CRISIS,
    "yrittäjä": ProcessKind.ENTREPRENEUR,
}
"""The kinds as a Finnish supervisor types them (``--kind ryhmä``), beside the English words."""


KIND_NAMES = {
    ProcessKind.INDIVIDUAL: "individual supervision",
    ProcessKind.GROUP: "group supervision",
    ProcessKind.COMMUNITY: "work community supervision",
    ProcessKind.LEADERSHIP: "supervision of managers and supervisors",
    ProcessKind.CRISIS: "crisis supervision",
    ProcessKind.ENTREPRENEUR: "supervision for an entrepreneur",
}
"""What each kind is called in documents (message ids): a process's title when none is given."""


class ProcessStatus(StrEnum):
    """Where a process is in its life: offered, agreed and running, closed, or declined.

    A ``proposal`` (offer sent) and a ``declined`` offer are not agreed: their planned
    meetings appear in no agenda, calendar or bill (see :attr:`is_agreed`).
    """

    PROPOSAL = "proposal"
    ACTIVE = "active"
    CLOSED = "closed"
    DECLINED = "declined"

    @property
    def is_agreed(self) -> bool:
        """Agreed with the client: its meetings are real (agenda, calendars, billing)."""
        return self in (ProcessStatus.ACTIVE, ProcessStatus.CLOSED)


class MeetingStatus(StrEnum):
    """What became of a meeting: planned until logged, moved or cancelled."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    NO_SHOW = "no-show"


MEETING_STATUSES = {status.value: status for status in MeetingStatus}
"""Each meeting status by its text, as files and the index keep it: looked up some fifteen
times faster than the enum is called, for each of the thousands of meetings a view reads."""


class CancelledBy(StrEnum):
    CLIENT = "client"
    SUPERVISOR = "supervisor"


class VatMode(StrEnum):
    """Standard VAT by the service date's rate, or exempt (the ground printed on invoices)."""

    STANDARD = "standard"
    EXEMPT = "exempt"


KIND_WORDS = {
    ProcessKind.INDIVIDUAL: "individual",
    ProcessKind.GROUP: "group",
    ProcessKind.COMMUNITY: "community",
    ProcessKind.LEADERSHIP: "leadership",
    ProcessKind.CRISIS: "crisis",
    ProcessKind.ENTREPRENEUR: "entrepreneur",
}
"""What a list view calls each kind (message ids), shorter than :data:`KIND_NAMES`.

The words are kept apart from the codes: a code is stored, a word is shown, and a message id
read in the source can be checked against the catalogues (an enum's ``.value`` can't)."""

PROCESS_STATUS_WORDS = {
    ProcessStatus.PROPOSAL: "proposal",
    ProcessStatus.ACTIVE: "active",
    ProcessStatus.CLOSED: "closed",
    ProcessStatus.DECLINED: "declined",
}
"""What a process's status is called when shown (message ids)."""

MEETING_STATUS_WORDS = {
    MeetingStatus.PLANNED: "planned",
    MeetingStatus.HELD: "held",
    MeetingStatus.CANCELLED: "cancelled",
    MeetingStatus.NO_SHOW: "no-show",
}
"""What a meeting's status is called when shown (message ids)."""


class EinvoiceFormat(StrEnum):
    """Peppol BIS Billing 3.0 (UBL 2.1), or Finvoice 3.0 for Finnish operators and banks."""

    PEPPOL = "peppol"
    FINVOICE = "finvoice"
