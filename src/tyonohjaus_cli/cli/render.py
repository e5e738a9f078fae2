"""Words for domain values, shared by the commands that show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus
from tyonohjaus_cli.i18n import format_date, format_datetime, t

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Meeting, Venue


def venue_text(venue: Venue) -> str:
    if venue.phone:
        return t("by phone")
    return venue.place or venue.online


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
    if meeting.moves:
        text += " · " + t("moved from {day}", day=format_date(meeting.moves[-1].previous.date()))
    return text
