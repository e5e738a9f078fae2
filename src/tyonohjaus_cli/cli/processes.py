"""``tyo process``: list, show, edit and close supervision processes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from tyonohjaus_cli.cli import complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.cli.lazy import Entry, LazyGroup
from tyonohjaus_cli.cli.render import changes_json, dated_text, meeting_state, venue_text
from tyonohjaus_cli.domain.enums import KIND_WORDS, PROCESS_STATUS_WORDS, ProcessStatus
from tyonohjaus_cli.i18n import format_datetime, format_money, format_time, t

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Meeting, Process
    from tyonohjaus_cli.domain.overview import ProcessBrief

# `process list` reads the index only: what show and close need of the domain is imported
# inside them, as the domain records take a good part of start-up.


class ProcessGroup(LazyGroup):
    """``tyo process``: ``edit`` lives in a module of its own, loaded when it runs."""

    entries = {  # noqa: RUF012 - filled once, here
        "edit": Entry(
            "tyonohjaus_cli.cli.process_edit",
            "edit",
            t("Change a running process; only the options given change."),
        )
    }


app = group(
    t("List, show, edit and close supervision processes; accept or decline a proposal."),
    cls=ProcessGroup,
)


def _brief_row(brief: ProcessBrief, *, span: bool) -> dict[str, Any]:
    """A process as a row; with its first and last meeting when ``span`` (for ``--json``:
    a table has no column for them, and a twenty-year list has 1,500 of each)."""
    row: dict[str, Any] = {
        "id": brief.id,
        "client": brief.client,
        "kind": brief.kind,
        "title": brief.title,
        "status": brief.status,
        "meetings": brief.total,
        "held": brief.held,
        "planned": brief.open,
        "cancelled": brief.cancelled,
    }
    if span:
        row["first"] = brief.first
        row["last"] = brief.last
    row["next"] = brief.next
    return row


@command(app, "list")
def list_processes(
    active: Annotated[
        bool, typer.Option("--active", help=t("Only processes still running."))
    ] = False,
    client: Annotated[
        str | None,
        typer.Option(help=t("Only this client's processes."), autocompletion=complete.client_ids),
    ] = None,
    as_json: params.JsonOption = False,
    as_csv: params.CsvOption = False,
) -> None:
    """List supervision processes, with meetings held and the next one.

    Example: tyo process list --active
    """
    store = session.store
    briefs = store.process_briefs(session.now())
    if active:
        briefs = [b for b in briefs if b.status is ProcessStatus.ACTIVE]
    if client is not None:
        store.client(client)
        briefs = [b for b in briefs if b.client == client]
    rows = [_brief_row(brief, span=as_json) for brief in briefs]
    columns = [
        output.Column("id", t("id")),
        output.Column("client", t("client")),
        output.Column("kind", t("kind"), output.words(KIND_WORDS)),
        output.Column("status", t("status"), output.words(PROCESS_STATUS_WORDS)),
        output.Column("held", t("held"), right=True),
        output.Column("meetings", t("of"), right=True),
        output.Column("next", t("next meeting"), format_datetime),
    ]
    output.emit(
        columns,
        rows,
        as_json=as_json,
        as_csv=as_csv,
        empty=t("No processes yet: `tyo new-process --help` shows how to plan one."),
    )


def _meeting_row(meeting: Meeting, process: Process) -> dict[str, Any]:
    return {
        "n": meeting.n,
        "start": meeting.start,
        "end": meeting.end,
        "minutes": meeting.actual_minutes,
        "status": meeting.status,
        "sequence": meeting.sequence,
        "cancelled_by": meeting.cancelled_by,
        "notified_at": meeting.notified_at,
        "moved_from": [move.previous for move in meeting.moves],
        "uid": meeting.uid,
    }


def process_json(process: Process) -> dict[str, Any]:
    """The stable ``--json`` shape of a process (no session content: it has none)."""
    return {
        "id": process.id,
        "client": process.client,
        "kind": process.kind,
        "title": process.title,
        "status": process.status,
        "created": process.created,
        "closed": process.closed,
        "plan": process.plan,
        "participants": [{"name": p.name, "email": p.email} for p in process.participants],
        "group_size": process.size,
        "place": process.venue.place,
        "online": process.venue.online,
        "phone": process.venue.phone,
        "goals": [{"n": g.n, "text": g.text, "by": g.by} for g in process.goals],
        "rate": process.rate,
        "rate_changes": changes_json(process.rate_changes, "rate"),
        "meeting_price": process.meeting_price,
        "meeting_price_changes": changes_json(process.meeting_price_changes, "meeting_price"),
        "first_free": process.first_free,
        "co_supervisor": process.co_supervisor,
        "order_number": process.order_number,
        "contract": process.contract,
        "breaks": [str(span) for span in process.breaks],
        "meetings": [_meeting_row(m, process) for m in process.in_order()],
    }


@command(app, "show")
def show(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
    as_json: params.JsonOption = False,
) -> None:
    """Show a process: its client, people, goals, price and every meeting.

    Example: tyo process show hoitajat-2027
    """
    store = session.store
    process = store.process(process_id)
    today = session.now().date()
    from tyonohjaus_cli.cli.progress import progress_details, progress_json, progress_of

    done = progress_of(store, process)
    if as_json:
        from tyonohjaus_cli.cli.machine import print_json

        print_json(process_json(process) | {"progress": progress_json(done, today)})
        return
    client = store.client_of(process)
    per_meeting = dated_text(
        process.meeting_price,
        process.meeting_price_changes,
        lambda price: t("{price} per meeting", price=format_money(price)),
        "",
    )
    per_unit = dated_text(
        process.rate,
        process.rate_changes,
        lambda price: t("{price} per unit", price=format_money(price)),
        "",
    )
    price = "; ".join(text for text in (per_meeting, per_unit) if text)
    output.details(
        [
            (
                t("process"),
                f"{process.id} — {process.title}" if process.title != process.id else process.id,
            ),
            (t("client"), f"{client.id} — {client.name}"),
            (t("kind"), t(KIND_WORDS[process.kind])),
            (t("status"), t(PROCESS_STATUS_WORDS[process.status])),
            (t("plan"), process.plan),
            (t("venue"), venue_text(process.venue)),
            (
                t("participant") if len(process.participants) == 1 else t("participants"),
                "\n".join(str(p) for p in process.participants),
            ),
            (t("group size"), str(process.group_size or "")),
            (t("co-supervisor"), process.co_supervisor),
            (t("goals"), "\n".join(f"{g.n}. {g.text}" for g in process.goals)),
            (t("price"), price),
            (t("first meeting"), t("first unit free") if process.first_free else ""),
            (t("breaks"), ", ".join(str(span) for span in process.breaks)),
            (t("order number"), process.order_number),
            (t("framework agreement"), process.contract),
            *progress_details(done, today),
        ]
    )
    output.say("")
    from tyonohjaus_cli.domain.pending import is_unlogged

    now = session.now()
    rows = [
        _meeting_row(m, process)
        | {
            # The same rule as `tyo agenda`: over and still only planned is never logged.
            "state": t("not logged")
            if is_unlogged(m.status, m.start, m.actual_minutes, now)
            else meeting_state(m)
        }
        for m in process.in_order()
    ]
    columns = [
        output.Column("n", "#", right=True),
        output.Column("start", t("when"), format_datetime, wrap=False),
        output.Column("end", t("until"), format_time),
        output.Column("minutes", t("min"), right=True),
        output.Column("state", t("status")),
    ]
    output.print_table(columns, rows)


@command(app, "close")
def close(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
    cancel_remaining: Annotated[
        bool,
        typer.Option(
            "--cancel-remaining",
            help=t("Cancel the meetings still planned (by the supervisor: not billed)."),
        ),
    ] = False,
) -> None:
    """Close a process when its work is done.

    Example: tyo process close hoitajat-2027
    """
    from tyonohjaus_cli.domain import meetings as meeting_ops

    store = session.store
    now = session.now()
    with store.transaction(f"process close {process_id}", now) as change:
        process = meeting_ops.close(
            store.process(process_id), now, cancel_remaining=cancel_remaining
        )
        change.save_process(process)
    output.say(t("Closed process {id}.", id=process_id))


@command(app, "accept")
def accept(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
) -> None:
    """The client accepted the offer: the proposal becomes an agreed process, its plan and
    meetings (and their calendar UIDs) as they are.

    Example: tyo process accept hoitajat-2027
    """
    from tyonohjaus_cli.domain import meetings as meeting_ops

    store = session.store
    now = session.now()
    with store.transaction(f"process accept {process_id}", now) as change:
        process = meeting_ops.accept(store.process(process_id))
        change.save_process(process)
    output.say(
        t(
            "Process {id} is agreed: its meetings are now on the agenda, calendars and bills.",
            id=process_id,
        )
    )


@command(app, "decline")
def decline(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
) -> None:
    """The client declined the offer: the proposal is kept, on no agenda, calendar or bill.

    Example: tyo process decline hoitajat-2027
    """
    from tyonohjaus_cli.domain import meetings as meeting_ops

    store = session.store
    now = session.now()
    with store.transaction(f"process decline {process_id}", now) as change:
        process = meeting_ops.decline(store.process(process_id), now)
        change.save_process(process)
    output.say(t("Process {id} was declined.", id=process_id))
