"""Command registration with translated help: a command's docstring is its help text."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from tyonohjaus_cli.i18n import t

F = TypeVar("F", bound=Callable[..., Any])


def group(help_text: str, **options: Any) -> typer.Typer:
    """A command group, with ``-h`` as well as ``--help`` and no pretty tracebacks.

    Help is drawn with Rich on a terminal and as plain text for pipes.
    """
    return typer.Typer(
        help=help_text,
        no_args_is_help=options.pop("no_args_is_help", True),
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        add_completion=options.pop("add_completion", False),
        rich_markup_mode="rich" if sys.stdout.isatty() else None,
        **options,
    )


def command(app: typer.Typer, name: str | None = None, **options: Any) -> Callable[[F], F]:
    """Register ``function`` on ``app``; its docstring, translated, is the help text.

    ``options`` go to ``app.command`` as they are (e.g. ``context_settings``).
    """

    def register(function: F) -> F:
        doc = inspect.cleandoc(function.__doc__ or "")
        app.command(name, help=t(doc) if doc else None, **options)(function)
        return function

    return register
