"""``tyo agenda``: the meetings of every process in a period, by time.

Read from the store's index, so it imports nothing of the domain model beyond its
enumerations: it is the command a supervisor runs most.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

import typer

from tyonohjaus_cli.cli import output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.enums import MEETING_STATUS_WORDS
from tyonohjaus_cli.domain.pending import is_unlogged
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_datetime, format_time, t

UNLOGGED = object()
"""The table's status of a meeting over and never logged (kirjaamatta)."""

AGENDA_DAYS = 28
"""How far ahead ``tyo agenda`` looks by default: the next four weeks."""


def agenda(
    from_: Annotated[
        date | None,
        typer.Option("--from", help=t("First day (default: today)."), parser=params.day),
    ] = None,
    to: Annotated[
        date | None,
        typer.Option("--to", help=t("Last day (default: four weeks on)."), parser=params.day),
    ] = None,
    as_json: params.JsonOption = False,
    as_csv: params.CsvOption = False,
) -> None:
    """Show the meetings of every process in a period, by time.

    Example: tyo agenda --from 2027-01-01 --to 2027-01-31
    """
    store = session.store
    zone = store.zone()
    first = from_ or session.now().date()
    last = to or first + timedelta(days=AGENDA_DAYS - 1)
    if last < first:
        raise UsageError(t("--to {to} is before --from {first}", to=last, first=first))
    items = store.agenda(
        datetime.combine(first, time(), zone),
        datetime.combine(last + timedelta(days=1), time(), zone),
    )
    rows: list[dict[str, Any]] = [
        {
            "start": item.start,
            "end": item.start + timedelta(minutes=item.minutes),
            "minutes": item.minutes,
            "process": item.process,
            "client": item.client,
            "title": item.title,
            "n": item.n,
            "of": item.of,
            "venue": item.venue,
            "status": item.status,
        }
        for item in items
    ]
    if not (as_json or as_csv):
        # A meeting over and never logged says so, where `--json` keeps its status.
        now = session.now()
        for row in rows:
            if is_unlogged(row["status"], row["start"], row["minutes"], now):
                row["status"] = UNLOGGED
    states = output.words(MEETING_STATUS_WORDS)
    unlogged = t("not logged")
    columns = [
        output.Column("start", t("when"), format_datetime, wrap=False),
        output.Column("end", t("until"), format_time),
        output.Column("process", t("process")),
        output.Column("client", t("client")),
        output.Column("n", "#", right=True),
        output.Column("venue", t("venue")),
        output.Column(
            "status", t("status"), lambda state: unlogged if state is UNLOGGED else states(state)
        ),
    ]
    output.emit(
        columns,
        rows,
        as_json=as_json,
        as_csv=as_csv,
        empty=t(
            "No meetings from {first} to {last}.",
            first=format_date(first, weekday=False),
            last=format_date(last, weekday=False),
        ),
    )
