"""The ``tyo`` command tree: global options, and where each command lives.

Commands are registered by name and imported only when used (see :mod:`lazy`). The order
here is the order of ``tyo --help``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from tyonohjaus_cli import __version__
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import group
from tyonohjaus_cli.cli.lazy import Entry, LazyGroup
from tyonohjaus_cli.i18n import t

_CLI = "tyonohjaus_cli.cli"

LazyGroup.entries = {
    "init": Entry(f"{_CLI}.setup", "init", t("Create the store with your supervisor profile.")),
    "settings": Entry(f"{_CLI}.setup", "settings_app", t("Show or change the supervisor profile and practice defaults.")),
    "client": Entry(f"{_CLI}.clients", "app", t("Add, list, show and edit clients (the organisations that order and pay).")),
    "new-process": Entry(f"{_CLI}.planning", "new_process", t("Plan a new supervision process: its meetings at the agreed interval.")),
    "process": Entry(f"{_CLI}.processes", "app", t("List, show, edit and close supervision processes; accept or decline a proposal.")),
    "today": Entry(f"{_CLI}.today", "today", t("Show what is pending, each with the command that deals with it (also `tyo` alone).")),
    "agenda": Entry(f"{_CLI}.agenda", "agenda", t("Show the meetings of every process in a period, by time.")),
    "meeting": Entry(f"{_CLI}.meetings", "app", t("Add, move or cancel a meeting of a process.")),
    "log": Entry(f"{_CLI}.sessions", "log", t("Log a meeting as held (or a no-show), with attendance and a private note.")),
    "notes": Entry(f"{_CLI}.sessions", "notes", t("Print the private session log of a process, for you only.")),
    "goal": Entry(f"{_CLI}.goals", "app", t("Add goals to a process, list them, record their reviews and share them.")),
    "summary": Entry(f"{_CLI}.sessions", "summary", t("Write a goal-review summary of a process, for the participants or the client.")),
    "offer": Entry(f"{_CLI}.documents", "offer", t("Write the offer of a process: the meetings, price, estimated total and terms.")),
    "agreement": Entry(f"{_CLI}.documents", "agreement", t("Write the supervision agreement of a process, ready to sign.")),
    "ics": Entry(f"{_CLI}.calendar", "ics", t("Meetings for calendars: an .ics file to import, or invitations.")),
    "billing": Entry(f"{_CLI}.billing", "app", t("What a month bills, per client; `tyo billing year` shows the year's turnover.")),
    "expense": Entry(f"{_CLI}.billing", "expense_app", t("Travel and other costs billed with a process's month.")),
    "invoice": Entry(f"{_CLI}.invoices", "app", t("Issue invoices and credit notes, print them, and mark them paid.")),
    "history": Entry(f"{_CLI}.data", "history", t("List the latest changes to the store.")),
    "undo": Entry(f"{_CLI}.data", "undo", t("Undo the last change to the store.")),
    "doctor": Entry(f"{_CLI}.data", "doctor", t("Check every file of the store; --fix repairs what is safe.")),
    "export": Entry(f"{_CLI}.data", "export", t("Export a client's or a participant's data, or back up the whole store with --all.")),
    "import": Entry(f"{_CLI}.data", "import_", t("Restore a backup into an empty store.")),
    "forget": Entry(f"{_CLI}.data", "forget", t("Erase a client or a participant, keeping what the law requires.")),
}  # fmt: skip

app = group(
    t(
        "tyo keeps a work supervisor's practice: clients, supervision processes, meetings, "
        "session log and billing, in a private local store."
    ),
    cls=LazyGroup,
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tyo {__version__}")
        raise typer.Exit


@app.callback()
def root(
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            metavar="DIR",
            help=t("The store folder (default: TYO_HOME or the platform's data folder)."),
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="fi|en",
            help=t("Language of the output: fi or en."),
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=t("Show the version and exit.")
        ),
    ] = False,
) -> None:
    if lang is not None and lang not in ("fi", "en"):
        raise typer.BadParameter(t("expected fi or en"), param_hint="'--lang'")
    if store is not None and not store.strip():
        raise typer.BadParameter(t("expected a folder"), param_hint="'--store'")
    session.store_option = store
