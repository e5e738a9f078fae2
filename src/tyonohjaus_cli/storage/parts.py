"""The part of a process file that a view of the time before a day reads: its checked
document but for the meetings from that day on, as a digest.

A month's bills read a process's own fields and its meetings up to the month's end, never a
later one (domain/billing.py); usecases/made_of.py keeps them under this digest, so that a
meeting moved after the month, or a file saved again as it was, makes none of them again.
"""

from __future__ import annotations

import json
from typing import Any


def part_digest(document: dict[str, Any], before: str | None, *, planned: bool = True) -> str:
    """The digest of ``document`` without its meetings starting on or after ``before`` (a
    wall-clock start as the document keeps it, ``2026-11-02``, compared as text: a day
    after the month's end leaves room for a start written with an offset), and without
    its meetings still planned unless ``planned`` (what a meeting bills, for the year's
    turnover: a planned one bills nothing, nor moves which meeting is billed first)."""
    meetings = document.get("meetings")
    part = {key: value for key, value in document.items() if key != "meetings"}
    if isinstance(meetings, list):
        part["meetings"] = [
            meeting
            for meeting in meetings
            if not (
                isinstance(meeting, dict)
                and (
                    (before is not None and str(meeting.get("start", "")) >= before)
                    or (not planned and meeting.get("status") == "planned")
                )
            )
        ]
    text = json.dumps(part, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    from tyonohjaus_cli.digests import digest

    return digest(text.encode())
