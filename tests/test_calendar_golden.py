"""Golden files: the same store gives the same bytes, on any machine, in any ``TZ``.

After an intended change of the output, rewrite them with
``TYO_UPDATE_GOLDEN=1 pytest tests/test_calendar_golden.py`` and read ``git diff``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests import calendar_sample as sample
from tyonohjaus_cli.calendar import ics
from tyonohjaus_cli.calendar.choices import Method, Options, Pseudonym

GOLDEN = Path(__file__).parent / "golden" / "calendar"

process, client, settings = sample.changed_process(), sample.client(), sample.settings()
WRITTEN = datetime(2027, 9, 20, 5, 30, tzinfo=UTC)
OUTPUTS: dict[str, Callable[[], bytes]] = {
    "hoitajat-2027.ics": lambda: ics.calendar_file(process, client, settings),
    "hoitajat-2027-sv-pseudonymised-alarm.ics": lambda: ics.calendar_file(
        process, sample.client("sv"), settings, Options(Pseudonym.INITIALS, alarm_minutes=30)
    ),
    "hoitajat-2027-03-request.ics": lambda: ics.invitation(
        process, client, settings, 3, Method.REQUEST
    ),
    "hoitajat-2027-04-cancel.ics": lambda: ics.invitation(
        process, client, settings, 4, Method.CANCEL
    ),
    "hoitajat-2027-03-request.eml": lambda: ics.invitation_email(
        process, client, settings, 3, Method.REQUEST, written=WRITTEN
    ),
}


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_is_byte_for_byte_the_golden_file(name: str) -> None:
    data = OUTPUTS[name]()
    path = GOLDEN / name
    if os.environ.get("TYO_UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
        pytest.fail(f"rewrote {path}: read `git diff`, then run again without TYO_UPDATE_GOLDEN")
    assert data == path.read_bytes()
