"""Where a process stands, as ``tyo process show`` tells it (computed in domain/progress.py).

Kept apart from the session commands so that ``tyo process`` imports only this much.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tyonohjaus_cli.domain.goals import all_reviews
from tyonohjaus_cli.domain.models import Process
from tyonohjaus_cli.domain.progress import Progress, ReviewKind, format_units, progress
from tyonohjaus_cli.i18n import format_date, t
from tyonohjaus_cli.storage.store import Store


def progress_of(store: Store, process: Process) -> Progress:
    """Where ``process`` stands, with every review (shared or not) counting for the points."""
    reviews = all_reviews(process, store.session_log(process.id))
    return progress(process, store.settings().unit_minutes, (r.day for r in reviews))


POINTS = {
    ReviewKind.MIDPOINT: "midpoint review",
    ReviewKind.HALF_YEAR: "six-month review",
    ReviewKind.FINAL: "final review",
}


def progress_details(done: Progress, today: date) -> list[tuple[str, str]]:
    """``label: value`` lines for ``tyo process show``."""
    point = done.next_review
    due = ""
    if point is not None:
        due = t(
            "{kind} at meeting {n}, {when}",
            kind=t(POINTS[point.kind]),
            n=point.meeting,
            when=format_date(point.start.date()),
        )
        if point.start.date() < today:
            due += " " + t("(overdue)")
    elif done.points:
        due = t("none: every review point is reviewed")
    missed = t(", {count} no-show", count=done.no_shows) if done.no_shows else ""
    return [
        (
            t("meetings"),
            t(
                "{held} held{missed}, {left} left of {planned}",
                held=done.held,
                missed=missed,
                left=done.left,
                planned=done.planned,
            ),
        ),
        (
            t("units used"),
            t(
                "{used} of {total}, {left} left ({minutes} min each)",
                used=format_units(done.units_used),
                total=format_units(done.units_used + done.units_left),
                left=format_units(done.units_left),
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
