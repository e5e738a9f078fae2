"""Commands are imported only when they run: start-up stays fast as tyo grows.

The root group knows each command by name, module and a one-line summary. ``tyo --help``
and completion of command names show the summaries without importing anything; running a
command (or asking for its own help) imports just its module, and of a group such as
``tyo process`` Typer builds only the subcommand being run (it inspects every command it
is given, which costs milliseconds each).
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Sequence
from typing import Any, NamedTuple

import typer
from typer._click.core import Command, Context
from typer.core import TyperCommand

from tyonohjaus_cli.cli.help import Group, command, group


class Entry(NamedTuple):
    """Where a command lives: ``module.attribute`` is a Typer group or a command function."""

    module: str
    attribute: str
    summary: str


def _only(app: typer.Typer, name: str) -> typer.Typer:
    """``app`` with only its command ``name``, when it has one: Typer inspects every command
    of a group it builds (``tyo invoice list`` would build the dozen ``invoice`` commands and
    their options to run one). Anything else (help, a typo, the group's own arguments, as
    ``tyo billing 2027-02``) gets the whole group."""
    from typer.main import get_command_name

    chosen = [
        info
        for info in app.registered_commands
        if (info.name or get_command_name(getattr(info.callback, "__name__", ""))) == name
    ]
    if not name or name.startswith("-") or len(chosen) != 1:
        return app
    lean = copy.copy(app)
    lean.registered_commands = chosen
    if lean.registered_callback is None and not lean.registered_groups:
        # A group of one command would be built as that command alone, taking its name
        # for an argument: a callback that does nothing keeps it a group, as the whole is.
        lean.callback()(_group_of_one)
    return lean


def _group_of_one() -> None:
    """The callback of a group built with one of its commands (see :func:`_only`)."""


class LazyGroup(Group):
    """A Typer group whose subcommands are registered by name and imported on use."""

    entries: dict[str, Entry] = {}  # noqa: RUF012 - filled once, at registration

    def list_commands(self, ctx: Context) -> list[str]:
        return [*self.commands, *(name for name in self.entries if name not in self.commands)]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        """A loaded command, or a light stand-in that only carries the summary (for lists)."""
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        entry = self.entries.get(cmd_name)
        if entry is None:
            return None
        return TyperCommand(cmd_name, help=entry.summary, short_help=entry.summary)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] in self.entries:
            self.load(args[0], args[1:])
        return super().resolve_command(ctx, args)

    def load(self, name: str, rest: Sequence[str] = ()) -> Command:
        """Import command ``name`` and build it (once); of a group, only the subcommand
        ``rest`` runs, when it names one."""
        if name not in self.commands:
            entry = self.entries[name]
            target: Any = getattr(importlib.import_module(entry.module), entry.attribute)
            if not isinstance(target, typer.Typer):
                single = group(entry.summary)
                command(single, name)(target)
                target = single
            elif (lean := _only(target, rest[0] if rest else "")) is not target:
                target = lean
            built = typer.main.get_command(target)
            built.name = name
            self.commands[name] = built
        return self.commands[name]
