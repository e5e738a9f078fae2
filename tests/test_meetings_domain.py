"""Meeting changes in the domain: the cancellation window counts real hours."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tyonohjaus_cli.domain import meetings
from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus
from tyonohjaus_cli.domain.models import Meeting

HELSINKI = ZoneInfo("Europe/Helsinki")


def _cancelled(start: datetime, notified: datetime) -> Meeting:
    return Meeting(
        n=1, start=start, minutes=60, uid="x@tyo", status=MeetingStatus.CANCELLED,
        cancelled_by=CancelledBy.CLIENT, notified_at=notified,
    )  # fmt: skip


def test_window_across_the_spring_dst_change_is_24_real_hours() -> None:
    # Clocks go forward on 28.3.2027 at 03:00: from 27.3. 12:00 to 28.3. 12:00 is only 23 hours.
    start = datetime(2027, 3, 28, 12, 0, tzinfo=HELSINKI)
    assert meetings.is_late_cancellation(
        _cancelled(start, datetime(2027, 3, 27, 12, 30, tzinfo=HELSINKI)), 24
    )
    assert not meetings.is_late_cancellation(
        _cancelled(start, datetime(2027, 3, 27, 11, 0, tzinfo=HELSINKI)), 24
    )


def test_window_across_the_autumn_dst_change_is_24_real_hours() -> None:
    # Clocks go back on 31.10.2027: from 30.10. 12:00 to 31.10. 12:00 is 25 hours.
    start = datetime(2027, 10, 31, 12, 0, tzinfo=HELSINKI)
    assert not meetings.is_late_cancellation(
        _cancelled(start, datetime(2027, 10, 30, 12, 30, tzinfo=HELSINKI)), 24
    )
    assert meetings.is_late_cancellation(
        _cancelled(start, datetime(2027, 10, 30, 13, 30, tzinfo=HELSINKI)), 24
    )


@pytest.mark.parametrize(
    ("start", "notified", "late"),
    [
        # Spring: 24 real hours before 28.3. 12:00 is 27.3. 11:00, 24 wall-clock hours 12:00.
        (datetime(2027, 3, 28, 12, 0), datetime(2027, 3, 27, 11, 30), True),
        # Autumn: 24 real hours before 31.10. 12:00 is 30.10. 13:00, wall-clock hours 12:00.
        (datetime(2027, 10, 31, 12, 0), datetime(2027, 10, 30, 12, 30), False),
    ],
    ids=["spring", "autumn"],
)
def test_window_counts_real_hours_not_wall_clock_hours(
    start: datetime, notified: datetime, late: bool
) -> None:
    # Each notice falls between the real-hours and the wall-clock deadline, so an
    # implementation that subtracted 24 h on the local clock gets both of them wrong.
    meeting = _cancelled(start.replace(tzinfo=HELSINKI), notified.replace(tzinfo=HELSINKI))
    assert meetings.is_late_cancellation(meeting, 24) is late


def test_supervisor_cancellation_is_never_late() -> None:
    start = datetime(2027, 3, 10, 12, 0, tzinfo=HELSINKI)
    meeting = _cancelled(start, start)
    assert meetings.is_late_cancellation(meeting, 24)
    supervisor = meeting._replace(cancelled_by=CancelledBy.SUPERVISOR)
    assert not meetings.is_late_cancellation(supervisor, 24)
