"""Changing a running process: its title, venue, length, price, people and breaks.

Pure: ``now`` and what is invoiced are passed in. Nothing invoiced changes: a price can't
change once a meeting of the process is on an invoice, and a new length reaches only the
meetings still ahead. What a participant's calendar shows (title, venue, length, who is
invited) raises the SEQUENCE of every meeting still ahead, and the edit names them: their
invitations are to be sent again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.models import Meeting, Participant, Process, Venue
from tyonohjaus_cli.domain.retention import person_key
from tyonohjaus_cli.domain.settings import Break
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_money, t

CALENDAR_FIELDS = ("title", "venue", "minutes", "participants")
"""What an invitation shows: a change to any of these is sent again."""


@dataclass(frozen=True)
class ProcessChanges:
    """What a supervisor asked to change; ``None`` (or empty) leaves a field as it is."""

    title: str | None = None
    venue: Venue | None = None
    minutes: int | None = None
    rate: Decimal | None = None
    meeting_price: Decimal | None = None
    since: date | None = None
    """The day a new price holds from; ``None``: every meeting not yet invoiced."""
    first_free: bool | None = None
    co_supervisor: str | None = None
    """The co-supervisor's name; ``""`` takes the co-supervisor off."""
    size: int | None = None
    add_breaks: tuple[Break, ...] = ()
    remove_breaks: tuple[Break, ...] = ()
    add_participants: tuple[Participant, ...] = ()
    remove_participants: tuple[str, ...] = ()
    set_emails: tuple[tuple[str, str], ...] = ()
    order_number: str | None = None
    """The buyer's order number; ``""`` clears it. Issued invoices keep their own."""
    contract: str | None = None
    """The framework agreement's id; ``""`` clears it."""

    @property
    def touches_price(self) -> bool:
        prices = (self.rate, self.meeting_price, self.since, self.first_free)
        return any(value is not None for value in prices)

    @property
    def is_empty(self) -> bool:
        return self == ProcessChanges()


@dataclass(frozen=True)
class Edited:
    """The process as changed, what changed (field codes) and what calendars must hear."""

    process: Process
    changed: tuple[str, ...]
    resend: tuple[int, ...]
    """Meetings ahead whose invitations changed, by number."""
    in_breaks: tuple[int, ...]
    """Meetings ahead that fall in a break just added: to move or cancel."""


def check_unique(participants: tuple[Participant, ...]) -> None:
    """The same person twice (``Aino Virtanen`` and ``aino virtanen``) is refused."""
    seen: set[str] = set()
    for person in participants:
        key = person_key(person.name)
        if key in seen:
            raise UsageError(
                t(
                    "{name!r} is a participant already: each person is named once",
                    name=person.name,
                )
            )
        seen.add(key)
    emails = [person_key(p.email) for p in participants if p.email]
    twice = next((email for email in emails if emails.count(email) > 1), None)
    if twice is not None:
        raise UsageError(
            t("{email} is the e-mail of two participants: each person has their own", email=twice)
        )


def _participants(process: Process, changes: ProcessChanges) -> tuple[Participant, ...]:
    from tyonohjaus_cli.domain.sessionlog import match_participant

    people = list(process.participants)
    for given in changes.remove_participants:
        name = match_participant(process, given)
        people = [p for p in people if p.name != name]
    for given, email in changes.set_emails:
        name = match_participant(process, given)
        people = [p._replace(email=email) if p.name == name else p for p in people]
    people += changes.add_participants
    result = tuple(people)
    check_unique(result)
    return result


def _price(process: Process, changes: ProcessChanges, invoiced: Mapping[str, int]) -> Process:
    """A new price (from ``changes.since`` on, else for all not yet invoiced: an invoice
    keeps its own lines); the first free unit only while the first meeting isn't invoiced."""
    from tyonohjaus_cli.domain.prices import latest, set_from

    if changes.rate is not None and changes.meeting_price is not None:
        raise UsageError(t("give --rate or --meeting-price, not both"))
    if changes.since is not None and changes.rate is None and changes.meeting_price is None:
        raise UsageError(
            t("--from goes with --rate or --meeting-price: the day the new price holds from")
        )
    per_meeting = latest(process.meeting_price, process.meeting_price_changes)
    if changes.rate is not None and per_meeting is not None:
        raise UsageError(
            t(
                "{id} bills {price} per meeting: change that with --meeting-price",
                id=process.id,
                price=format_money(per_meeting),
            )
        )
    if changes.rate is not None:
        process = set_from(process, "rate", changes.rate, changes.since)
    if changes.meeting_price is not None:
        process = set_from(process, "meeting_price", changes.meeting_price, changes.since)
    if changes.first_free is not None and changes.first_free != process.first_free:
        keys = (f"{process.id}#{m.n}" for m in process.meetings)  # as billing.meeting_key
        numbers = sorted({invoiced[key] for key in keys if key in invoiced})
        if numbers:
            raise UsageError(
                t(
                    "meetings of {process} are invoiced already (invoice {numbers}): whether "
                    "the first unit is free can't change, or what was invoiced would change with it",
                    process=process.id,
                    numbers=", ".join(str(n) for n in numbers),
                )
            )
        process = process._replace(first_free=changes.first_free)
    return process


def _breaks(process: Process, changes: ProcessChanges) -> tuple[Break, ...]:
    breaks = list(process.breaks)
    for span in changes.remove_breaks:
        if span not in breaks:
            raise UsageError(
                t(
                    "{process} has no break {span} (its breaks: {breaks})",
                    process=process.id,
                    span=str(span),
                    breaks=", ".join(str(b) for b in breaks) or "-",
                )
            )
        breaks.remove(span)
    breaks += [span for span in changes.add_breaks if span not in breaks]
    return tuple(sorted(breaks, key=lambda b: b.first))


def _references(process: Process, changes: ProcessChanges) -> Process:
    """The buyer's order number and framework agreement, as given (issued invoices keep theirs)."""
    order_number, contract = changes.order_number, changes.contract
    return process._replace(
        order_number=process.order_number if order_number is None else order_number,
        contract=process.contract if contract is None else contract,
    )


def edit_process(
    process: Process, changes: ProcessChanges, *, invoiced: Mapping[str, int], now: datetime
) -> Edited:
    """``process`` with ``changes`` made; ``invoiced`` maps billed item keys to invoices."""
    if changes.is_empty:
        raise UsageError(t("nothing to change: give an option such as --place or --title"))
    edited = process
    if changes.touches_price:
        edited = _price(edited, changes, invoiced)
    if changes.title is not None:
        edited = edited._replace(title=changes.title)
    if changes.venue is not None:
        edited = edited._replace(venue=changes.venue)
    if changes.co_supervisor is not None:
        edited = edited._replace(co_supervisor=changes.co_supervisor)
    if changes.add_participants or changes.remove_participants or changes.set_emails:
        edited = edited._replace(participants=_participants(edited, changes))
    edited = edited._replace(group_size=_group_size(process, edited, changes))
    if changes.add_breaks or changes.remove_breaks:
        edited = edited._replace(breaks=_breaks(edited, changes))
    edited = _references(edited, changes)

    ahead = [m for m in edited.in_order() if m.status is MeetingStatus.PLANNED and m.start > now]
    if changes.minutes is not None:
        longer = {m.n: m._replace(minutes=changes.minutes) for m in ahead}
        edited = edited._replace(meetings=tuple(longer.get(m.n, m) for m in edited.meetings))
    changed = tuple(name for name in _fields() if _differs(process, edited, name))
    if not changed:
        raise UsageError(t("nothing changed: {process} is like that already", process=process.id))
    resend: tuple[int, ...] = ()
    if any(name in CALENDAR_FIELDS for name in changed) and ahead and process.is_agreed:
        resend = tuple(m.n for m in ahead)
        raised = {n: _raised(edited, n) for n in resend}
        edited = edited._replace(meetings=tuple(raised.get(m.n, m) for m in edited.meetings))
    in_breaks = tuple(
        m.n for m in ahead if any(b.first <= m.start.date() <= b.last for b in changes.add_breaks)
    )
    return Edited(edited, changed, resend, in_breaks)


def _group_size(process: Process, edited: Process, changes: ProcessChanges) -> int | None:
    size = edited.group_size if changes.size is None else changes.size
    if changes.size is None and changes.remove_participants and _attended(process):
        # As `forget --participant`: who leaves mid-process stays in the group's size,
        # unnamed, so every past count reads as it did ("14 of 16", not "14 of 12").
        size = max(process.size, len(edited.participants))
    if size is not None and size < len(edited.participants):
        return None  # the names count the group now
    return size


def _attended(process: Process) -> bool:
    """Whether the process has meetings whose attendance was counted (held or missed)."""
    return any(m.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW) for m in process.meetings)


def _fields() -> tuple[str, ...]:
    return (
        "title",
        "venue",
        "minutes",
        "participants",
        "group_size",
        "rate",
        "rate_changes",
        "meeting_price",
        "meeting_price_changes",
        "first_free",
        "co_supervisor",
        "breaks",
        "order_number",
        "contract",
    )


def _differs(before: Process, after: Process, name: str) -> bool:
    if name == "minutes":
        return before.meetings != after.meetings
    old: object = getattr(before, name)
    new: object = getattr(after, name)
    return old != new


def _raised(process: Process, n: int) -> Meeting:
    meeting = process.meeting(n)
    assert meeting is not None
    return meeting._replace(sequence=meeting.sequence + 1)
