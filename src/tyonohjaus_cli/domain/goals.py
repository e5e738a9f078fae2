"""Goals (tavoitteet) and their reviews (väliarviointi, loppuarviointi). Pure.

A goal is agreed with the participants, the client or both, and may be seen by both: it
lives on the process. A review scores one goal from 1 (not at all) to 5 (fully achieved)
on a day, with the participants or with the client. Where a review is kept decides who may
ever see it: a review agreed to be shared (``--shared``) goes on the process, where the
client's summary reads it; any other stays in the private session log.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tyonohjaus_cli.domain.models import REVIEW_SCORES, Goal, Process, Review
from tyonohjaus_cli.domain.sessionlog import SessionLog
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

AGREED_WITH = ("participants", "client", "both")
REVIEWED_WITH = ("participants", "client")


# One participant is "ohjattava", several "ohjattavat": each phrase has both numbers, chosen
# by the process's size (0, not known yet, is the plural: "the participants" to be named).


def reviewed_with_text(with_: str, size: int, lang: str | None = None) -> str:
    """Whom a review was done with: "with the client", "with the participant(s)"."""
    if with_ == "client":
        return t("with the client", lang=lang)
    if size == 1:
        return t("with the participant", lang=lang)
    return t("with the participants", lang=lang)


def agreed_with_text(by: str, size: int, lang: str | None = None) -> str:
    """Whom a goal was agreed with, as a phrase: "agreed with the participant(s)"."""
    one = size == 1
    if by == "participants":
        return t(
            "agreed with the participant" if one else "agreed with the participants", lang=lang
        )
    if by == "client":
        return t("agreed with the client", lang=lang)
    return t(
        "agreed with the participant and the client"
        if one
        else "agreed with the participants and the client",
        lang=lang,
    )


def agreed_with_party(by: str, size: int, lang: str | None = None) -> str:
    """The same as a table shows it, under "agreed with": "the participant(s)", "both"."""
    if by == "participants":
        return t("the participant" if size == 1 else "the participants", lang=lang)
    return t("the client", lang=lang) if by == "client" else t("both", lang=lang)


def add_goal(process: Process, text: str, by: str) -> tuple[Process, Goal]:
    """Add a goal with the next number; the same goal twice is refused."""
    text = " ".join(text.split())
    if not text:
        raise UsageError(t('a goal needs its text, e.g. tyo goal add PROCESS "Clearer roles"'))
    if by not in AGREED_WITH:
        raise UsageError(t("expected participants, client or both"))
    if any(goal.text.casefold() == text.casefold() for goal in process.goals):
        raise UsageError(t("{process} has that goal already", process=process.id))
    goal = Goal(n=max((g.n for g in process.goals), default=0) + 1, text=text, by=by)
    return process._replace(goals=(*process.goals, goal)), goal


def find_goal(process: Process, n: int) -> Goal:
    goal = next((g for g in process.goals if g.n == n), None)
    if goal is None:
        raise UsageError(
            t(
                "process {process} has no goal {n}: `tyo goal list {process}` shows them",
                process=process.id,
                n=n,
            )
            if process.goals
            else t(
                'process {process} has no goals yet: `tyo goal add {process} "TEXT"` adds one',
                process=process.id,
            )
        )
    return goal


def check_review(process: Process, review: Review, today: date) -> None:
    """A review of an existing goal, scored 1 to 5, not dated ahead, with someone known."""
    find_goal(process, review.goal)
    if review.score not in REVIEW_SCORES:
        raise UsageError(
            t("score {score}: expected 1 (not at all) to 5 (fully achieved)", score=review.score)
        )
    if review.with_ not in REVIEWED_WITH:
        raise UsageError(t("expected participants or client"))
    if review.day > today:
        raise UsageError(
            t(
                "{day} is still ahead: record a review on or after the day it was done",
                day=format_date(review.day),
            )
        )


def file_review(process: Process, log: SessionLog, review: Review) -> tuple[Process, SessionLog]:
    """Keep ``review`` where its audience can reach it: shared on the process, else private."""
    if review.shared:
        return process._replace(reviews=(*process.reviews, review)), log
    return process, log._replace(reviews=(*log.reviews, review))


def share_review(
    process: Process, log: SessionLog, goal: int, day: date | None
) -> tuple[Process, SessionLog, Review]:
    """Share, once agreed, a private review of ``goal``: the latest one, or the latest on ``day``.

    It moves from the session log to the process, where the client's summary can reach it.
    """
    find_goal(process, goal)
    private = [
        (position, review)
        for position, review in enumerate(log.reviews)
        if review.goal == goal and (day is None or review.day == day)
    ]
    if not private:
        raise UsageError(
            t("goal {n} has no private review to share", n=goal)
            if day is None
            else t("goal {n} has no private review on {day} to share", n=goal, day=format_date(day))
        )
    position, chosen = max(private, key=lambda item: (item[1].day, item[1].recorded))
    shared = chosen._replace(shared=True)
    kept = log.reviews[:position] + log.reviews[position + 1 :]
    return process._replace(reviews=(*process.reviews, shared)), log._replace(reviews=kept), shared


def in_order(reviews: Iterable[Review]) -> list[Review]:
    return sorted(reviews, key=lambda r: (r.day, r.recorded, r.goal))


def all_reviews(process: Process, log: SessionLog) -> list[Review]:
    """Every review of the process, shared or not, by day: the supervisor's own view."""
    return in_order((*process.reviews, *log.reviews))


def shared_reviews(process: Process) -> list[Review]:
    """The reviews the client may see: only those agreed to be shared."""
    return in_order(review for review in process.reviews if review.shared)


def trend(scores: Iterable[int]) -> str:
    """Scores over time as text that prints anywhere, e.g. ``2 → 3 → 4``."""
    return " → ".join(str(score) for score in scores)
