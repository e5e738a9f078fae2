"""``tyo meeting``: add, move or cancel a meeting of a process."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from tyonohjaus_cli.cli import complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.domain import meetings as meeting_ops
from tyonohjaus_cli.domain.enums import CancelledBy
from tyonohjaus_cli.domain.holidays_fi import finnish_holidays, may_be_holiday
from tyonohjaus_cli.domain.parsing import localize
from tyonohjaus_cli.domain.planning import ShiftCause, reason_not_free
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_datetime, format_percent, language, t

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Process

app = group(t("Add, move or cancel a meeting of a process."))

ProcessArgument = Annotated[
    str,
    typer.Argument(
        metavar="PROCESS", help=t("The process's id."), autocompletion=complete.process_ids
    ),
]
NumberArgument = Annotated[
    int,
    typer.Argument(
        metavar="N",
        help=t("The meeting's number (see `tyo process show`)."),
        parser=params.count,
        autocompletion=complete.meeting_numbers,
    ),
]


@command(app, "add")
def add(
    process_id: ProcessArgument,
    at: Annotated[
        datetime,
        typer.Option(help=t('When, e.g. "2027-03-09 14:00".'), parser=params.local_datetime),
    ],
    duration: Annotated[
        int | None,
        typer.Option(
            help=t("Minutes (default: as the process's last meeting)."), parser=params.duration
        ),
    ] = None,
) -> None:
    """Add a meeting to a process; it gets the next number.

    Example: tyo meeting add hoitajat-2027 --at "2027-11-09 14:00"
    """
    from tyonohjaus_cli.cli.planning import new_uid  # planning's modules: not for a move

    store = session.store
    start = localize(at, store.zone())
    with store.transaction(f"meeting add {process_id}", session.now()) as change:
        process = store.process(process_id)
        minutes = duration or (process.in_order()[-1].minutes if process.meetings else 90)
        process, meeting = meeting_ops.add(process, start, minutes, new_uid())
        change.save_process(process)
    output.say(
        t(
            "Added meeting {n} of {process}: {when}.",
            n=meeting.n,
            process=process_id,
            when=format_datetime(start),
        )
    )
    _warn_if_planning_avoids(process, start)


@command(app, "move")
def move(
    process_id: ProcessArgument,
    n: NumberArgument,
    to: Annotated[
        datetime,
        typer.Option(
            help=t('The new time, e.g. "2027-03-10 14:00".'), parser=params.local_datetime
        ),
    ],
    agreed: Annotated[
        datetime | None,
        typer.Option(
            help=t("When the move was agreed (default: now)."), parser=params.local_datetime
        ),
    ] = None,
) -> None:
    """Move a meeting to another time; its number stays.

    Example: tyo meeting move hoitajat-2027 3 --to "2027-03-10 14:00"
    """
    store = session.store
    zone = store.zone()
    target = localize(to, zone)
    now = session.now()
    when = localize(agreed, zone) if agreed else now
    if when > now:
        raise UsageError(
            t(
                "--agreed {when} is still ahead: record a move once it has been agreed",
                when=format_datetime(when),
            )
        )
    with store.transaction(f"meeting move {process_id} {n}", session.now()) as change:
        process, meeting = meeting_ops.move(store.process(process_id), n, target, when)
        change.save_process(process)
    output.say(
        t(
            "Moved meeting {n} of {process} from {before} to {after}.",
            n=n,
            process=process_id,
            before=format_datetime(meeting.moves[-1].previous),
            after=format_datetime(target),
        )
    )
    _warn_if_planning_avoids(process, target)


def _warn_if_planning_avoids(process: Process, start: datetime) -> None:
    """A meeting put by hand on a weekend, a public holiday or a break stands, with a word:
    it may be what was agreed, or a slip of the date."""
    day = start.date()
    breaks = (*session.store.settings().breaks, *process.breaks)
    holidays = finnish_holidays([day.year], language()) if may_be_holiday(day) else {}
    shift = reason_not_free(day, holidays, breaks)
    if shift is not None and shift.cause in _AVOIDED:
        output.warn(t(_AVOIDED[shift.cause], day=format_date(day), name=shift.detail))


_AVOIDED = {
    ShiftCause.WEEKEND: (
        "{day} is a day that planning avoids (weekend): check that it is what was agreed"
    ),
    ShiftCause.HOLIDAY: (
        "{day} is a day that planning avoids (holiday: {name}): check that it is what was agreed"
    ),
    ShiftCause.EVE: (
        "{day} is a day that planning avoids (holiday eve: {name}): check that it is what was "
        "agreed"
    ),
    ShiftCause.BREAK: (
        "{day} is a day that planning avoids (break {name}): check that it is what was agreed"
    ),
}
"""The warning for each reason a day is not free, a whole sentence each."""


@command(app, "cancel")
def cancel(
    process_id: ProcessArgument,
    n: NumberArgument,
    by: Annotated[
        CancelledBy,
        typer.Option(
            help=t("Who cancelled: the client (may be billed) or the supervisor (never billed)."),
            parser=params.choice(CancelledBy),
        ),
    ],
    notified: Annotated[
        datetime | None,
        typer.Option(
            help=t("When the cancellation was notified (default: now)."),
            parser=params.local_datetime,
        ),
    ] = None,
    reason: Annotated[
        str, typer.Option(help=t("Why, in a few words (kept in the store, not sent)."))
    ] = "",
) -> None:
    """Cancel a meeting. A client's cancellation inside its window is billed as agreed.

    Example: tyo meeting cancel hoitajat-2027 4 --by client --notified "2027-04-06 09:00"
    """
    store = session.store
    now = session.now()
    when = localize(notified, store.zone()) if notified else None
    with store.transaction(f"meeting cancel {process_id} {n}", now) as change:
        process = store.process(process_id)
        client = store.client_of(process)
        process, meeting = meeting_ops.cancel(process, n, by, when, reason.strip(), now=now)
        change.save_process(process)
    output.say(
        t(
            "Cancelled meeting {n} of {process} ({when}).",
            n=n,
            process=process_id,
            when=format_datetime(meeting.start),
        )
    )
    if meeting_ops.is_late_cancellation(meeting, client.cancel_hours):
        output.say(
            t(
                "Notified within {hours} h of the start: billed at {percent} as agreed with {client}.",
                hours=client.cancel_hours,
                percent=format_percent(client.cancel_charge),
                client=client.name,
            )
        )


@command(app, "charge")
def charge(
    process_id: ProcessArgument,
    n: NumberArgument,
    percent: Annotated[
        Decimal,
        typer.Option(
            help=t("What this meeting bills, in percent: 0 waives it, e.g. 50 or 100."),
            parser=params.percent,
        ),
    ],
    reason: Annotated[
        str, typer.Option(help=t("Why, in a few words (kept, and shown on `tyo billing`)."))
    ],
) -> None:
    """Change what a late cancellation or no-show bills, for this meeting alone.

    Before it is invoiced: an invoiced meeting changes only after `tyo invoice credit N`.

    Example: tyo meeting charge hoitajat-2027 4 --percent 0 --reason "first cancellation"
    """
    store = session.store
    with store.transaction(f"meeting charge {process_id} {n}", session.now()) as change:
        process = store.process(process_id)
        client = store.client_of(process)
        process, meeting = meeting_ops.charge(process, n, percent, reason, client.cancel_hours)
        change.save_process(process)
    output.say(
        t(
            "Meeting {n} of {process} ({when}) now bills {percent} of its price instead of "
            "{usual}: {reason}.",
            n=n,
            process=process_id,
            when=format_datetime(meeting.start),
            percent=format_percent(percent),
            usual=format_percent(client.cancel_charge),
            reason=meeting.charge_reason,
        )
    )
