"""Clients, processes and their meetings as small named tuples (names from the glossary).

Every datetime here is timezone-aware, in the store's zone; every amount is a Decimal. The
enumerations are in :mod:`enums`, the store's own settings in :mod:`settings`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, ProcessKind, ProcessStatus
from tyonohjaus_cli.domain.prices import Changes, in_force
from tyonohjaus_cli.domain.settings import Break

GROUP_SIZE_FOR_CO_SUPERVISION = 12
"""A work community over this many people calls for a co-supervisor (parityönohjaus)."""


class Client(NamedTuple):
    """The organisation or person that orders and pays (tilaaja)."""

    id: str
    name: str
    business_id: str = ""
    address: str = ""
    email: str = ""
    contact: str = ""
    einvoice_address: str = ""
    operator: str = ""
    rate: Decimal | None = None
    discount: Decimal = Decimal(0)
    cancel_hours: int = 24
    cancel_charge: Decimal = Decimal(100)
    payment_days: int = 14
    public_body: bool = False
    language: str = "fi"
    rate_changes: Changes = ()
    """Dated changes of ``rate`` (which is the rate before the first of them)."""
    discount_changes: Changes = ()
    buyer_reference: str = ""
    """What the buyer asks every invoice to carry (a cost centre, a reviewer's code): BT-10."""

    def rate_on(self, day: date) -> Decimal | None:
        """The client's own price per unit on ``day`` (``None``: the default applies)."""
        return in_force(self.rate, self.rate_changes, day)

    def discount_on(self, day: date) -> Decimal:
        return in_force(self.discount, self.discount_changes, day)


class Participant(NamedTuple):
    """A person supervised (ohjattava): named in a process, never billed."""

    name: str
    email: str = ""

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


class Goal(NamedTuple):
    """A goal agreed at the start (tavoite), with whom it was agreed."""

    n: int
    text: str
    by: str = "both"


REVIEW_SCORES = range(1, 6)
"""A goal is scored from 1 (not at all) to 5 (fully achieved)."""


class Review(NamedTuple):
    """One evaluation of a goal (väliarviointi, loppuarviointi), on ``day``, with someone.

    ``with_`` is ``participants`` or ``client``. Only a ``shared`` review may reach the
    client; the others stay in the private session log (see storage/sessions.py).
    """

    goal: int
    day: date
    score: int
    with_: str
    recorded: datetime
    comment: str = ""
    shared: bool = False


class Move(NamedTuple):
    """A meeting moved from ``previous`` to a new time, agreed at ``agreed_at``."""

    previous: datetime
    agreed_at: datetime


class Meeting(NamedTuple):
    """One session of a process (tapaaminen). ``n`` never changes once given."""

    n: int
    start: datetime
    minutes: int
    uid: str
    status: MeetingStatus = MeetingStatus.PLANNED
    sequence: int = 0
    moves: tuple[Move, ...] = ()
    cancelled_by: CancelledBy | None = None
    notified_at: datetime | None = None
    reason: str = ""
    held_minutes: int | None = None
    attended: int | None = None
    """How many were present when held (a count only: names stay in the session log)."""
    charge: Decimal | None = None
    """The percent a late cancellation or no-show bills, when changed for this meeting alone
    (``tyo meeting charge``; else the client's ``cancel_charge``), and why."""
    charge_reason: str = ""
    seen: str = ""
    """``SEQUENCE:HASH`` of what its invitation showed when tyo last wrote the file
    (:mod:`tyonohjaus_cli.domain.calendar_changes`); empty in files from before it."""
    edited: datetime | None = None
    """When a hand edit of what a recipient sees was noticed (the DTSTAMP of that change)."""

    @property
    def actual_minutes(self) -> int:
        """How long it was: as logged when logged differently, else as planned."""
        return self.held_minutes or self.minutes

    @property
    def end(self) -> datetime:
        # Real time: a 90-minute meeting lasts 90 minutes when the clocks change inside it
        # (aware datetime arithmetic in Python is wall-clock arithmetic, so through UTC).
        return (self.start.astimezone(UTC) + timedelta(minutes=self.minutes)).astimezone(
            self.start.tzinfo
        )

    @property
    def is_open(self) -> bool:
        """Still ahead of the supervisor: planned, not cancelled or logged."""
        return self.status is MeetingStatus.PLANNED


class Venue(NamedTuple):
    """Where meetings are held: a place, an online link, or by phone."""

    place: str = ""
    online: str = ""
    phone: bool = False

    @property
    def place_line(self) -> str:
        """The place on one line, for tables: a place typed with ``\\n`` between its lines."""
        return ", ".join(line.strip() for line in self.place.splitlines() if line.strip())

    def __str__(self) -> str:
        return self.place_line or self.online or ("phone" if self.phone else "")


class Process(NamedTuple):
    """An agreed series of meetings for one client (työnohjausprosessi)."""

    id: str
    client: str
    kind: ProcessKind
    title: str
    created: datetime
    meetings: tuple[Meeting, ...] = ()
    participants: tuple[Participant, ...] = ()
    group_size: int | None = None
    venue: Venue = Venue()
    goals: tuple[Goal, ...] = ()
    rate: Decimal | None = None
    meeting_price: Decimal | None = None
    first_free: bool = False
    co_supervisor: str = ""
    breaks: tuple[Break, ...] = ()
    plan: str = ""
    status: ProcessStatus = ProcessStatus.ACTIVE
    closed: datetime | None = None
    reviews: tuple[Review, ...] = ()
    """The goal reviews agreed to be shared with the client; the rest are in the session log."""
    rate_changes: Changes = ()
    """Dated changes of ``rate`` and ``meeting_price`` (each field the value before them)."""
    meeting_price_changes: Changes = ()
    order_number: str = ""
    """The buyer's purchase order number for this process (BT-13 on its invoices)."""
    contract: str = ""
    """The framework agreement's (puitesopimus) id the process is bought under (BT-12)."""

    def rate_on(self, day: date) -> Decimal | None:
        """The process's own price per unit on ``day`` (``None``: the client's applies)."""
        return in_force(self.rate, self.rate_changes, day)

    def meeting_price_on(self, day: date) -> Decimal | None:
        """The price per meeting on ``day`` (``None``: billed per unit)."""
        return in_force(self.meeting_price, self.meeting_price_changes, day)

    @property
    def size(self) -> int:
        """How many people are supervised: the stated group size or the named participants."""
        return self.group_size or len(self.participants)

    def meeting(self, n: int) -> Meeting | None:
        return next((m for m in self.meetings if m.n == n), None)

    def in_order(self) -> list[Meeting]:
        """Meetings by time; numbers stay as given."""
        return sorted(self.meetings, key=lambda m: (m.start, m.n))

    @property
    def is_agreed(self) -> bool:
        """Not a proposal (or a declined one): its meetings are on calendars and bills."""
        return self.status.is_agreed

    def next_number(self) -> int:
        return max((m.n for m in self.meetings), default=0) + 1
