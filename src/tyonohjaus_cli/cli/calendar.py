"""``tyo ics``: a process's meetings for calendars, as an import file or as invitations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tyonohjaus_cli.calendar import ics as export
from tyonohjaus_cli.cli import complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.meetings import find
from tyonohjaus_cli.domain.parsing import parse_duration
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t


@params.edge("minutes")
def reminder(text: str) -> int:
    """Minutes before the start: ``15`` or ``1h30``, at most a week (``0``: at the start)."""
    value = text.strip().lower()
    try:
        minutes = int(value) if value.isdecimal() else parse_duration(value)
    except UsageError:
        minutes = -1
    if 0 <= minutes <= export.LONGEST_REMINDER:
        return minutes
    raise UsageError(
        t(
            "{text!r} is not a reminder time (expected minutes such as 15 or 1h30, at most a week)",
            text=text,
        )
    )


@params.edge("request|cancel")
def parse_method(text: str) -> export.Method:
    """``request`` or ``cancel``."""
    try:
        return export.Method(text.strip().lower())
    except ValueError:
        raise UsageError(
            t("{text!r} is not a method (expected request or cancel)", text=text)
        ) from None


def ics(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="PROCESS", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=t("Write to FILE (a folder with --all); default: standard output."),
            show_default=False,
        ),
    ] = None,
    meeting: Annotated[
        int | None,
        typer.Option(
            "--meeting",
            metavar="N",
            help=t("An invitation for meeting N only (see `tyo process show`)."),
            parser=params.count,
            autocompletion=complete.meeting_numbers,
            show_default=False,
        ),
    ] = None,
    method: Annotated[
        export.Method | None,
        typer.Option(
            "--method",
            metavar="request|cancel",
            help=t("request (invite or update) or cancel; default: as the meeting stands."),
            parser=parse_method,
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help=t("An invitation for every future meeting, one file each, into -o DIR.")
        ),
    ] = False,
    eml: Annotated[
        bool,
        typer.Option("--eml", help=t("Write invitations as ready e-mail files (.eml).")),
    ] = False,
    pseudonymise: Annotated[
        bool,
        typer.Option(
            "--pseudonymise",
            help=t("Name participants by initials (by codes when initials coincide)."),
        ),
    ] = False,
    alarm: Annotated[
        int | None,
        typer.Option(
            "--alarm",
            metavar="MINUTES",
            help=t("Add a reminder MINUTES before each meeting."),
            parser=reminder,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export a process's meetings for calendars; nothing from the session log goes into them.

    Without --meeting or --all: one .ics file with every meeting, to import into a calendar.

    With --meeting N: an invitation that calendars accept, update and cancel (iTIP).

    Example: tyo ics hoitajat-2027 --meeting 3 --method request --eml -o kutsu.eml
    """
    if (method or eml) and meeting is None and not every:
        raise UsageError(t("--method and --eml are for invitations: add --meeting N or --all"))
    if every and meeting is not None:
        raise UsageError(t("--all and --meeting exclude each other: choose one"))
    if every and out is None:
        raise UsageError(t("--all writes one file per meeting: name a folder with -o DIR"))

    from tyonohjaus_cli.domain.meetings import require_agreed

    store = session.store
    process = store.process(process_id)
    require_agreed(process)  # a proposal's meetings go to no calendar until accepted
    client = store.client_of(process)
    settings = store.settings()
    pseudonym = export.Pseudonym.INITIALS if pseudonymise else export.Pseudonym.NONE
    options = export.Options(pseudonym, alarm)
    write = export.invitation_email if eml else export.invitation

    if meeting is not None:
        chosen = method or export.standing_method(find(process, meeting))
        output.write_out(write(process, client, settings, meeting, chosen, options), out)
        if out is not None:
            output.say(t("Wrote {path}.", path=out))
        return

    if every:
        assert out is not None
        now = session.now()
        ahead = [
            (m.n, export.standing_method(m))
            for m in process.in_order()
            if m.start > now and m.status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)
        ]
        messages = [(n, how) for n, how in ahead if method in (None, how)]
        if not messages:
            raise UsageError(
                t("process {process} has no meetings ahead to send", process=process.id)
            )
        try:
            output.make_folder(out.expanduser())
        except OSError as error:
            raise UsageError(
                t("can't write {path}: {error}", path=out, error=error.strerror or error)
            ) from None
        suffix = ".eml" if eml else ".ics"
        for n, how in messages:
            data = write(process, client, settings, n, how, options)
            output.write_out(data, out / export.file_name(process, n, how, suffix))
        output.say(t("Wrote {count} files to {path}.", count=len(messages), path=out))
        return

    output.write_out(export.calendar_file(process, client, settings, options), out)
    if out is not None:
        output.say(t("Wrote {count} meetings to {path}.", count=len(process.meetings), path=out))
