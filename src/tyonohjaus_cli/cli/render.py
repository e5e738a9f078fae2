"""Words for domain values, shared by the commands that show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyonohjaus_cli.domain import reasons
from tyonohjaus_cli.domain.enums import MEETING_STATUS_WORDS, CancelledBy, MeetingStatus
from tyonohjaus_cli.i18n import format_date, format_datetime, t

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from decimal import Decimal

    from tyonohjaus_cli.domain.models import Meeting, Venue
    from tyonohjaus_cli.domain.prices import Dated


def venue_text(venue: Venue) -> str:
    if venue.phone:
        return t("by phone")
    return venue.place_line or venue.online


def meeting_state(meeting: Meeting) -> str:
    """A meeting's status with what a supervisor needs to know about it: each fact a whole
    phrase, the facts a list (``cancelled by the client (notified …): reason · moved from …``).

    A cancellation's reason follows its status after a colon, in the supervisor's own words
    too: this is the supervisor's own view (a reason typed is never sent anywhere)."""
    status = _status_text(meeting)
    cancelled = meeting.status is MeetingStatus.CANCELLED and meeting.cancelled_by is not None
    if cancelled and meeting.reason:
        status = f"{status}: {reasons.shown(meeting.reason)}"
    facts = [status]
    if meeting.moves:
        facts.append(t("moved from {day}", day=format_date(meeting.moves[-1].previous.date())))
    return " · ".join(facts)


def _status_text(meeting: Meeting) -> str:
    if meeting.status is not MeetingStatus.CANCELLED or meeting.cancelled_by is None:
        return t(MEETING_STATUS_WORDS[meeting.status])
    by_client = meeting.cancelled_by is CancelledBy.CLIENT
    if meeting.notified_at is None:
        return t("cancelled by the client") if by_client else t("cancelled by the supervisor")
    return t(
        "cancelled by the client (notified {at})"
        if by_client
        else "cancelled by the supervisor (notified {at})",
        at=format_datetime(meeting.notified_at),
    )


def dated_text(
    first: Decimal | None, changes: Sequence[Dated], show: Callable[[Decimal], str], unset: str
) -> str:
    """A price and its dated changes: ``95,00 €; 130,00 € from 1.3.2027``; ``unset`` for
    a ``first`` of ``None`` (the price falls back to another)."""
    parts = [show(first) if first is not None else unset]
    parts += [
        t(
            "{value} from {day}",
            value=show(change.value),
            day=format_date(change.since, weekday=False),
        )
        for change in changes
    ]
    return "; ".join(part for part in parts if part)


def changes_json(changes: Sequence[Dated], key: str) -> list[dict[str, object]]:
    """Dated changes for ``--json``: ``[{"from": "2027-03-01", "rate": "130.00"}]``."""
    return [{"from": change.since, key: change.value} for change in changes]
