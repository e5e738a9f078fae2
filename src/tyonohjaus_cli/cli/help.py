"""Command registration with translated help: a command's docstring is its help text.

Help is plain text in the interface language, headings and notes too: Click's formatter
writes "Usage:", "Options:" and Typer's "[default: 45]" in English, so tyo's commands carry
a context whose formatter says them with :func:`t` (a Rich layout would keep them English).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from difflib import get_close_matches
from typing import Any, TypeVar

import typer
from typer._click.core import Command as ClickCommand
from typer._click.core import Context as ClickContext
from typer._click.formatting import HelpFormatter as ClickHelpFormatter
from typer.core import TyperCommand, TyperGroup

from tyonohjaus_cli.i18n import t

F = TypeVar("F", bound=Callable[..., Any])

_NOTES = r"\[([^\[\]]+)\]$"
"""The notes Typer appends to an option's help: ``[default: 45]``, ``[required]``."""


def _typer_text(text: str) -> str:
    """Typer's and Click's own help texts, translated; an option's notes too."""
    if text == "Show this message and exit.":
        return t("Show this message and exit.")
    if text == "Install completion for the current shell.":
        return t("Install completion for the current shell.")
    if text == "Show completion for the current shell, to copy it or customize the installation.":
        return t("Show completion for the current shell, to copy it or customize the installation.")
    if (notes := re.search(_NOTES, text)) is None:
        return text
    said = []
    for note in notes[1].split("; "):
        if note == "required":
            said.append(t("required"))
        elif note.startswith("default: "):
            said.append(t("default: {value}", value=note.removeprefix("default: ")))
        else:
            said.append(note)
    return f"{text[: notes.start()]}[{'; '.join(said)}]"


class HelpFormatter(ClickHelpFormatter):
    """Click's help layout, in the interface language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, t("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(t(heading))  # Usage, Arguments, Options, Commands

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(term, _typer_text(text)) for term, text in rows], col_max, col_spacing)


class HelpContext(ClickContext):
    formatter_class = HelpFormatter


class Command(TyperCommand):
    """A tyo command: its help in the interface language."""

    context_class = HelpContext


class Group(TyperGroup):
    """A tyo command group: its help, and an unknown command's name, in the interface language."""

    context_class = HelpContext

    def resolve_command(
        self, ctx: ClickContext, args: list[str]
    ) -> tuple[str | None, ClickCommand | None, list[str]]:
        name = args[0] if args else ""
        unknown = name and not name.startswith("-") and not ctx.resilient_parsing
        if unknown and self.get_command(ctx, name) is None:
            close = get_close_matches(name, self.list_commands(ctx))
            ctx.fail(
                t(
                    "No such command {name!r}. Did you mean {names}?",
                    name=name,
                    names=", ".join(repr(command) for command in close),
                )
                if close
                else t("No such command {name!r}.", name=name)
            )
        return super().resolve_command(ctx, args)


def group(help_text: str, **options: Any) -> typer.Typer:
    """A command group, with ``-h`` as well as ``--help`` and no pretty tracebacks."""
    return typer.Typer(
        help=help_text,
        cls=options.pop("cls", Group),
        no_args_is_help=options.pop("no_args_is_help", True),
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        add_completion=options.pop("add_completion", False),
        rich_markup_mode=None,
        **options,
    )


def command(app: typer.Typer, name: str | None = None, **options: Any) -> Callable[[F], F]:
    """Register ``function`` on ``app``; its docstring, translated, is the help text.

    ``options`` go to ``app.command`` as they are (e.g. ``context_settings``).
    """

    def register(function: F) -> F:
        doc = inspect.cleandoc(function.__doc__ or "")
        app.command(name, cls=Command, help=t(doc) if doc else None, **options)(function)
        return function

    return register
