"""The ``tyo`` command tree: global options and the registration of every command group."""

from __future__ import annotations

from typing import Annotated

import typer

from tyonohjaus_cli import __version__
from tyonohjaus_cli.cli import clients, goals, meetings, processes, sessions, setup
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.i18n import t

app = group(
    t(
        "tyo keeps a work supervisor's practice: clients, supervision processes, meetings, "
        "session log and billing, in a private local store."
    ),
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
        raise typer.BadParameter(t("expected fi or en"), param_hint="--lang")
    session.store_option = store


command(app, "init")(setup.init)
app.add_typer(setup.settings_app, name="settings")
app.add_typer(clients.app, name="client")
command(app, "new-process")(processes.new_process)
app.add_typer(processes.app, name="process")
command(app, "agenda")(meetings.agenda)
app.add_typer(meetings.app, name="meeting")
command(app, "log")(sessions.log)
command(app, "notes")(sessions.notes)
app.add_typer(goals.app, name="goal")
command(app, "summary")(sessions.summary)
