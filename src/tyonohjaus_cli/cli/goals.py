"""``tyo goal``: the goals of a process and their reviews (väli- ja loppuarviointi)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from tyonohjaus_cli.cli import complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.domain.goals import (
    AGREED_WITH,
    REVIEWED_WITH,
    add_goal,
    agreed_with_party,
    all_reviews,
    check_review,
    file_review,
    find_goal,
    share_review,
    trend,
)
from tyonohjaus_cli.domain.models import Review
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

app = group(t("Add goals to a process, list them, record their reviews and share them."))

ProcessArgument = Annotated[
    str,
    typer.Argument(
        metavar="PROCESS", help=t("The process's id."), autocompletion=complete.process_ids
    ),
]


def _choice(choices: tuple[str, ...], expected: str) -> Any:
    @params.edge("|".join(choices))
    def parse(text: str) -> str:
        if text in choices:
            return text
        raise UsageError(t(expected))

    return parse


@params.edge("score")
def _score(text: str) -> int:
    if text.strip() in ("1", "2", "3", "4", "5"):
        return int(text)
    raise UsageError(
        t("{text!r}: expected a score from 1 (not at all) to 5 (fully achieved)", text=text)
    )


def review_row(review: Review) -> dict[str, Any]:
    """A review as ``--json`` shows it to the supervisor (stable keys)."""
    return {
        "day": review.day,
        "score": review.score,
        "with": review.with_,
        "comment": review.comment,
        "shared": review.shared,
    }


@command(app, "add")
def add(
    process_id: ProcessArgument,
    text: Annotated[str, typer.Argument(metavar="TEXT", help=t("The goal, as agreed."))],
    by: Annotated[
        str,
        typer.Option(
            metavar="participants|client|both",
            help=t("With whom the goal was agreed."),
            parser=_choice(AGREED_WITH, "expected participants, client or both"),
        ),
    ] = "both",
) -> None:
    """Add a goal to a process.

    Example: tyo goal add hoitajat-2027 "Palautteen antaminen arjessa" --by participants
    """
    store = session.store
    with store.transaction(f"goal add {process_id}", session.now()) as change:
        process, goal = add_goal(store.process(process_id), text, by)
        change.save_process(process)
    output.say(
        t("Added goal {n} to {process}: {text}", n=goal.n, process=process_id, text=goal.text)
    )


@command(app, "list")
def list_goals(process_id: ProcessArgument, as_json: params.JsonOption = False) -> None:
    """List the goals of a process with their review history, shared or not (for you).

    Example: tyo goal list hoitajat-2027
    """
    store = session.store
    process = store.process(process_id)
    reviews = all_reviews(process, store.session_log(process_id))
    rows = []
    for goal in process.goals:
        mine = [r for r in reviews if r.goal == goal.n]
        rows.append(
            {
                "n": goal.n,
                "text": goal.text,
                "by": goal.by,
                "reviews": [review_row(r) for r in mine],
            }
        )
    columns = [
        output.Column("n", "#", right=True),
        output.Column("text", t("goal")),
        output.Column("by", t("agreed with"), lambda by: agreed_with_party(by, process.size)),
        output.Column(
            "reviews",
            t("scores"),
            lambda items: trend(item["score"] for item in items),
        ),
        output.Column(
            "reviews",
            t("last review"),
            lambda items: format_date(items[-1]["day"]) if items else "",
        ),
    ]
    output.emit(
        columns,
        rows,
        as_json=as_json,
        empty=t('No goals yet: `tyo goal add {process} "TEXT"` adds one.', process=process_id),
    )


@command(app, "review")
def review(
    process_id: ProcessArgument,
    goal: Annotated[
        int,
        typer.Option(
            metavar="G", help=t("The goal's number (see `tyo goal list`)."), parser=params.count
        ),
    ],
    score: Annotated[
        int,
        typer.Option(metavar="1..5", help=t("1 = not at all, 5 = fully achieved."), parser=_score),
    ],
    comment: Annotated[
        str, typer.Option(metavar="TEXT", help=t("What was said of it, in a sentence."))
    ] = "",
    with_: Annotated[
        str,
        typer.Option(
            "--with",
            metavar="participants|client",
            help=t("With whom the review was done."),
            parser=_choice(REVIEWED_WITH, "expected participants or client"),
        ),
    ] = "participants",
    shared: Annotated[
        bool,
        typer.Option(
            "--shared",
            help=t("Agreed to be shared with the client: only such reviews reach the client."),
        ),
    ] = False,
    day: Annotated[
        date | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help=t("The day of the review (default: today)."),
            parser=params.day,
        ),
    ] = None,
) -> None:
    """Record a review of a goal: its score, the day, and with whom it was done.

    A review stays private unless --shared: then the client's summary shows it.

    Example: tyo goal review hoitajat-2027 --goal 1 --score 4 --with client --shared --comment "Työnjako on selkeämpi"
    """
    store = session.store
    now = session.now()
    made = Review(
        goal=goal,
        day=day or now.date(),
        score=score,
        with_=with_,
        recorded=now,
        comment=" ".join(comment.split()),
        shared=shared,
    )
    with store.transaction(f"goal review {process_id} {goal}", now) as change:
        process = store.process(process_id)
        check_review(process, made, now.date())
        process, log = file_review(process, store.session_log(process_id), made)
        if made.shared:
            change.save_process(process)
        else:
            change.save_session_log(log)
    target = find_goal(process, goal)
    output.say(
        t(
            "Recorded a review of goal {n} ({text}) on {day}: score {score}, with the client."
            if with_ == "client"
            else "Recorded a review of goal {n} ({text}) on {day}: score {score}, with the participant."
            if process.size == 1
            else "Recorded a review of goal {n} ({text}) on {day}: score {score}, with the participants.",
            n=target.n,
            text=target.text,
            day=format_date(made.day),
            score=score,
        )
    )
    output.say(
        t("Shared: the client's summary shows it.")
        if shared
        else t("Private: only reviews marked --shared reach the client.")
    )


@command(app, "share")
def share(
    process_id: ProcessArgument,
    goal: Annotated[
        int,
        typer.Option(
            metavar="G", help=t("The goal's number (see `tyo goal list`)."), parser=params.count
        ),
    ],
    day: Annotated[
        date | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help=t("The day of the review (default: the latest private one)."),
            parser=params.day,
        ),
    ] = None,
) -> None:
    """Share a private review of a goal with the client, once that is agreed.

    The review, with its comment, moves from the private session log to the process, and
    the client's summary shows it from then on (`tyo undo` takes it back).

    Example: tyo goal share hoitajat-2027 --goal 1 --date 2027-03-09
    """
    store = session.store
    now = session.now()
    with store.transaction(f"goal share {process_id} {goal}", now) as change:
        process, log, shared = share_review(
            store.process(process_id), store.session_log(process_id), goal, day
        )
        change.save_process(process)
        change.save_session_log(log)
    output.say(
        t(
            "Shared the review of goal {n} on {day} (score {score}): the client's summary shows it.",
            n=goal,
            day=format_date(shared.day),
            score=shared.score,
        )
    )
