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


_PLACEHOLDERS = {
    # What usage lines and option lists show for the values to type, as message ids.
    "OPTIONS": "OPTIONS",
    "COMMAND": "COMMAND",
    "ARGS": "ARGS",
    "ID": "ID",
    "CID": "CID",
    "CLIENT": "CLIENT",
    "PROCESS": "PROCESS",
    "MONTH": "MONTH",
    "YEAR": "YEAR",
    "FILE": "FILE",
    "PATH": "PATH",
    "DIR": "DIR",
    "NAME": "NAME",
    "EMAIL": "EMAIL",
    "TEXT": "TEXT",
    "DATE": "DATE",
    "MINUTES": "MINUTES",
    "FIRST..LAST": "FIRST..LAST",
    "key": "key",
    "value": "value",
    "<address>": "<address>",
    "<business-id>": "<business-id>",
    "<cadence>": "<cadence>",
    "<code>": "<code>",
    "<count>": "<count>",
    "<date>": "<date>",
    "<datetime>": "<datetime>",
    "<days>": "<days>",
    "<duration>": "<duration>",
    "<email>": "<email>",
    "<euros>": "<euros>",
    "<hours>": "<hours>",
    "<interval>": "<interval>",
    "<minutes>": "<minutes>",
    "<month>": "<month>",
    "<name>": "<name>",
    "<participant>": "<participant>",
    "<percent>": "<percent>",
    "<str>": "<str>",
    "<text>": "<text>",
    "<title>": "<title>",
    "<zone>": "<zone>",
}
"""Each placeholder in the interface language: ``[VALITSIMET]``, ``KUUKAUSI``, ``<aika>``.
A choice (``<fi|en>``) and a one-letter name (``N``) are what is typed, and stay."""

_PLACEHOLDER = re.compile(r"<[a-z-]+>|\{[a-z]+\}|(?<![-\w])[A-Z]{2,}(?:\.\.[A-Z]+)?(?![\w-])")


def placeholders(text: str) -> str:
    """``text`` (a usage line, an option's name, a parser's hint) with its placeholders in
    the interface language."""

    def say(match: re.Match[str]) -> str:
        word = match[0]
        if word.startswith("{"):  # a required argument, e.g. {key}
            inner = word[1:-1]
            return f"{{{t(_PLACEHOLDERS[inner])}}}" if inner in _PLACEHOLDERS else word
        return t(_PLACEHOLDERS[word]) if word in _PLACEHOLDERS else word

    return _PLACEHOLDER.sub(say, text)


_EXAMPLE = re.compile(r"[^\s:]+:\s+tyo( |$)")
"""A line that shows a command: ``Example: tyo ...``, ``Esimerkki: tyo ...``."""


def _command_lines(line: str, width: int) -> list[str]:
    """An example too long for the width, broken as a shell reads it: between words, never
    inside quotes, each line but the last ending in `` \\`` and the next indented."""
    if len(line) <= width or not _EXAMPLE.match(line):
        return [line]
    words, word, quote = [], "", ""
    for char in line:
        if char == " " and not quote:
            words.append(word)
            word = ""
            continue
        if char in "\"'":
            quote = "" if quote == char else (quote or char)
        word += char
    words.append(word)
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) + 2 > width and lines[-1].strip():
            lines[-1] += " \\"
            lines.append("    " + word)
        else:
            lines[-1] += " " + word
    return lines


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(line.rstrip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [lines for lines in paragraphs if lines]


class HelpFormatter(ClickHelpFormatter):
    """Click's help layout, in the interface language."""

    def write_text(self, text: str) -> None:
        """A help text: each paragraph of prose wrapped to the width; an example
        (``Example: tyo ...``, in any language) or an indented line on a line of its own and
        never broken, so that a command reads, and copies, whole. Click would run the lines
        of a paragraph together: three examples became one line, a path broke at its ``-``."""
        from typer._click.formatting import wrap_text

        indent = " " * self.current_indent
        for n, paragraph in enumerate(_paragraphs(text)):
            if n:
                self.write("\n")
            prose: list[str] = []
            for line in [*paragraph, ""]:
                if line and not (_EXAMPLE.match(line) or line[0].isspace()):
                    prose.append(line.strip())
                    continue
                if prose:
                    joined = " ".join(prose)
                    self.write(wrap_text(joined, self.width, indent, indent) + "\n")
                    prose.clear()
                if line:
                    self.write(
                        "".join(
                            f"{indent}{part}\n"
                            for part in _command_lines(line, self.width - len(indent))
                        )
                    )

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = t("Usage: ") if prefix is None else prefix
        super().write_usage(prog, placeholders(args), prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(t(heading))  # Usage, Arguments, Options, Commands

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(placeholders(term), _typer_text(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


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

    def invoke(self, ctx: ClickContext) -> Any:
        """Run the command; Ctrl-C becomes an abort, which :func:`tyonohjaus_cli.cli.run`
        says in one line (Typer would end the run with exit 130 and not a word)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise typer.Abort from None


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
