"""Commands are imported only when they run: start-up stays fast as tyo grows.

The root group knows each command by name, module and a one-line summary. ``tyo --help``
and completion of command names show the summaries without importing anything; running a
command (or asking for its own help) imports just its module, and of a group such as
``tyo process`` Typer builds only the subcommand being run (it inspects every command it
is given, which costs milliseconds each).
"""

from __future__ import annotations

import importlib
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
            self.load(args[0])
        return super().resolve_command(ctx, args)

    def load(self, name: str) -> Command:
        """Import command ``name`` and build it (once)."""
        if name not in self.commands:
            entry = self.entries[name]
            target: Any = getattr(importlib.import_module(entry.module), entry.attribute)
            if not isinstance(target, typer.Typer):
                single = group(entry.summary)
                command(single, name)(target)
                target = single
            built = typer.main.get_command(target)
            built.name = name
            self.commands[name] = built
        return self.commands[name]
