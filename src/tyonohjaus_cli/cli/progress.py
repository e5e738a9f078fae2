"""Where a process stands, as ``tyo process show`` tells it (computed in domain/progress.py).

Kept apart from the session commands so that ``tyo process`` imports only this much.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tyonohjaus_cli.domain.goals import all_reviews
from tyonohjaus_cli.domain.models import Process
from tyonohjaus_cli.domain.progress import Progress, ReviewKind, progress
from tyonohjaus_cli.i18n import format_date, format_number, t, tn
from tyonohjaus_cli.storage.store import Store


def progress_of(store: Store, process: Process) -> Progress:
    """Where ``process`` stands, with every review (shared or not) counting for the points."""
    reviews = all_reviews(process, store.session_log(process.id))
    return progress(process, store.settings().unit_minutes, (r.day for r in reviews))


_DUE = {
    (ReviewKind.MIDPOINT, False): "midpoint review at meeting {n}, {when}",
    (ReviewKind.HALF_YEAR, False): "six-month review at meeting {n}, {when}",
    (ReviewKind.FINAL, False): "final review at meeting {n}, {when}",
    (ReviewKind.MIDPOINT, True): "midpoint review at meeting {n}, {when} (overdue)",
    (ReviewKind.HALF_YEAR, True): "six-month review at meeting {n}, {when} (overdue)",
    (ReviewKind.FINAL, True): "final review at meeting {n}, {when} (overdue)",
}
"""The next review point, and whether it is overdue: a whole phrase for each."""

REVIEW_POINT_REACHED = {
    ReviewKind.MIDPOINT: (
        "This was the midpoint review point: record the goal review with "
        "`tyo goal review {process} --goal G --score 1..5`."
    ),
    ReviewKind.HALF_YEAR: (
        "This was the six-month review point: record the goal review with "
        "`tyo goal review {process} --goal G --score 1..5`."
    ),
    ReviewKind.FINAL: (
        "This was the final review point: record the goal review with "
        "`tyo goal review {process} --goal G --score 1..5`."
    ),
}
"""What ``tyo log`` says when the meeting logged was a review point."""


def progress_details(done: Progress, today: date) -> list[tuple[str, str]]:
    """``label: value`` lines for ``tyo process show``."""
    point = done.next_review
    due = ""
    if point is not None:
        due = t(
            _DUE[point.kind, point.start.date() < today],
            n=point.meeting,
            when=format_date(point.start.date()),
        )
    elif done.points:
        due = t("none: every review point is reviewed")
    meetings = (
        tn(
            "{held} held, {count} no-show, {left} left of {planned}",
            "{held} held, {count} no-shows, {left} left of {planned}",
            done.no_shows,
            held=done.held,
            left=done.left,
            planned=done.planned,
        )
        if done.no_shows
        else t(
            "{held} held, {left} left of {planned}",
            held=done.held,
            left=done.left,
            planned=done.planned,
        )
    )
    return [
        (t("meetings"), meetings),
        (
            t("units used"),
            t(
                "{used} of {total}, {left} left ({minutes} min each)",
                used=format_number(done.units_used),
                total=format_number(done.units_used + done.units_left),
                left=format_number(done.units_left),
                minutes=done.unit_minutes,
            ),
        ),
        (t("next review"), due),
    ]


def progress_json(done: Progress, today: date) -> dict[str, Any]:
    point = done.next_review
    return {
        "planned": done.planned,
        "held": done.held,
        "no_shows": done.no_shows,
        "cancelled": done.cancelled,
        "left": done.left,
        "unit_minutes": done.unit_minutes,
        "units_used": done.units_used,
        "units_left": done.units_left,
        "next_review": None
        if point is None
        else {
            "kind": point.kind,
            "meeting": point.meeting,
            "start": point.start,
            "overdue": point.start.date() < today,
        },
    }
