"""Words for domain values, shared by the commands that show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyonohjaus_cli.domain import reasons
from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus
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
    """A meeting's status with what a supervisor needs to know about it."""
    text = t(meeting.status.value)
    if meeting.status is MeetingStatus.CANCELLED and meeting.cancelled_by is not None:
        who = (
            t("by the client")
            if meeting.cancelled_by is CancelledBy.CLIENT
            else t("by the supervisor")
        )
        text = f"{text} {who}"
        if meeting.notified_at is not None:
            text += " " + t("(notified {at})", at=format_datetime(meeting.notified_at))
        if meeting.reason:
            # The supervisor's own view: a reason in their words too (never sent anywhere).
            text += ": " + reasons.shown(meeting.reason)
    if meeting.moves:
        text += " · " + t("moved from {day}", day=format_date(meeting.moves[-1].previous.date()))
    return text


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
