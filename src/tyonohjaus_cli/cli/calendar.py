"""``tyo ics``: a process's meetings for calendars, as an import file or as invitations."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tyonohjaus_cli.calendar import choices
from tyonohjaus_cli.cli import calendar_files, complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.parsing import parse_duration
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t, tn

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Process


@params.edge("minutes")
def reminder(text: str) -> int:
    """Minutes before the start: ``15`` or ``1h30``, at most a week (``0``: at the start)."""
    value = text.strip().lower()
    try:
        minutes = int(value) if value.isdecimal() else parse_duration(value)
    except UsageError:
        minutes = -1
    if 0 <= minutes <= choices.LONGEST_REMINDER:
        return minutes
    raise UsageError(
        t(
            "{text!r} is not a reminder time (expected minutes such as 15 or 1h30, at most a week)",
            text=text,
        )
    )


@params.edge("request|cancel")
def parse_method(text: str) -> choices.Method:
    """``request`` or ``cancel``."""
    try:
        return choices.Method(text.strip().lower())
    except ValueError:
        raise UsageError(
            t("{text!r} is not a method (expected request or cancel)", text=text)
        ) from None


def ics(
    process_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[PROCESS]",
            help=t("The process's id (none with --every-process)."),
            autocompletion=complete.process_ids,
            show_default=False,
        ),
    ] = None,
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
        choices.Method | None,
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
            help=t(
                "Name participants by initials (by codes when initials coincide); an invitation still carries the e-mail addresses it is delivered to."
            ),
        ),
    ] = False,
    every_process: Annotated[
        bool,
        typer.Option(
            "--every-process",
            help=t(
                "Your own calendar: every meeting of every open process, the client and process in the title."
            ),
        ),
    ] = False,
    vdir: Annotated[
        Path | None,
        typer.Option(
            "--vdir",
            metavar="DIR",
            help=t(
                "With --every-process: keep DIR as a vdir (one .ics per meeting) for khal and vdirsyncer."
            ),
            show_default=False,
        ),
    ] = None,
    from_: Annotated[
        date | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help=t("With --every-process: meetings from DATE on."),
            parser=params.day,
            show_default=False,
        ),
    ] = None,
    client_id: Annotated[
        str | None,
        typer.Option(
            "--client",
            metavar="CLIENT",
            help=t("With --every-process: one client's processes only."),
            autocompletion=complete.client_ids,
            show_default=False,
        ),
    ] = None,
    names: Annotated[
        bool,
        typer.Option(
            "--participants",
            help=t("With --every-process: name the participants in each event."),
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

    With --every-process: your own calendar of all your work, as one file or (--vdir) a
    folder that vdirsyncer syncs to a CalDAV calendar.

    Example: tyo ics hoitajat-2027 --meeting 3 --method request --eml -o kutsu.eml
    """
    pseudonym = choices.Pseudonym.INITIALS if pseudonymise else choices.Pseudonym.NONE
    options = choices.Options(pseudonym, alarm)
    if every_process or vdir is not None:
        if process_id is not None or meeting is not None or every or method or eml:
            raise UsageError(
                t("--every-process takes no PROCESS, --meeting, --all, --method or --eml")
            )
        calendar_files.own_calendar(options, out, vdir, from_, client_id, participants=names)
        return
    if from_ is not None or client_id is not None or names:
        raise UsageError(t("--from, --client and --participants are for --every-process"))
    if process_id is None:
        raise UsageError(t("name a PROCESS, or give --every-process"))
    _check_invitation_options(out, meeting, every, method=method, eml=eml)
    if meeting is None and not every:
        calendar_files.calendar_file(process_id, options, out)
        return

    from tyonohjaus_cli.calendar import ics as export
    from tyonohjaus_cli.domain.meetings import find

    store = session.store
    process = calendar_files.agreed(process_id)
    client = store.client_of(process)
    settings = store.settings()
    timezones = calendar_files.store_timezones()

    def write(n: int, how: choices.Method) -> bytes:
        if eml:
            return export.invitation_email(
                process,
                client,
                settings,
                n,
                how,
                options,
                written=session.now(),
                timezones=timezones,
            )
        return export.invitation(process, client, settings, n, how, options, timezones=timezones)

    if meeting is not None:
        chosen = method or export.standing_method(find(process, meeting))
        output.write_out(write(meeting, chosen), out)
        _warn_unreachable(process)
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
            data = write(n, how)
            output.write_out(data, out / export.file_name(process, n, how, suffix))
        _warn_unreachable(process)
        output.say(
            tn(
                "Wrote {count} file to {path}.",
                "Wrote {count} files to {path}.",
                len(messages),
                path=out,
            )
        )
        return


def _check_invitation_options(
    out: Path | None, meeting: int | None, every: bool, *, method: choices.Method | None, eml: bool
) -> None:
    if (method or eml) and meeting is None and not every:
        raise UsageError(t("--method and --eml are for invitations: add --meeting N or --all"))
    if every and meeting is not None:
        raise UsageError(t("--all and --meeting exclude each other: choose one"))
    if every and out is None:
        raise UsageError(t("--all writes one file per meeting: name a folder with -o DIR"))


def _warn_unreachable(process: Process) -> None:
    """Name each participant an invitation can't reach (no e-mail address in the process)."""
    for person in process.participants:
        if not person.email:
            output.warn(
                t(
                    "{name} has no e-mail address: the invitation does not reach them (add it in processes/{process}.toml)",
                    name=person.name,
                    process=process.id,
                )
            )
