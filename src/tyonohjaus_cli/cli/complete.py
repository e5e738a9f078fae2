"""Shell completion (bash, zsh, fish) of what a supervisor types: ids, numbers and kinds.

Each function is a Typer ``autocompletion``: it gets the command's context and the word
typed so far and returns ``(value, help)`` pairs. They read what list views read (the file
names and the index of ``.cache/``), never a whole process file, so a completion costs what
``tyo process list`` does. A completion must never fail: a missing or broken store completes
nothing, and the command itself reports the problem when run.

Shells call ``tyo`` with ``_TYO_COMPLETE=complete_bash`` (``complete_zsh``, ``complete_fish``)
and the words typed in the environment, as ``tyo --install-completion`` sets up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from typer._click.core import Context

from tyonohjaus_cli.errors import TyoError

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store

Choices = list[tuple[str, str]]


def _store(ctx: Context) -> Store:
    from tyonohjaus_cli.cli.context import store_dir
    from tyonohjaus_cli.storage.store import Store

    option = ctx.find_root().params.get("store")
    return Store(store_dir(option if isinstance(option, str) else None))


def _safely(find: Callable[[Store], Choices], ctx: Context, incomplete: str) -> Choices:
    try:
        found = find(_store(ctx))
    except (TyoError, OSError, ValueError):
        return []
    return [(value, help_) for value, help_ in found if value.startswith(incomplete)]


def process_ids(ctx: Context, incomplete: str) -> Choices:
    """Every process's id, with its client and title."""
    return _safely(
        lambda store: [
            (summary.id, f"{summary.client}: {summary.title}")
            for summary in store.process_summaries()
        ],
        ctx,
        incomplete,
    )


def client_ids(ctx: Context, incomplete: str) -> Choices:
    return _safely(lambda store: [(cid, "") for cid in store.client_ids()], ctx, incomplete)


def _typed_words() -> list[str]:
    """The words typed so far, as the shell gave them (bash, or zsh and fish)."""
    import os

    from typer._click.shell_completion import split_arg_string

    return split_arg_string(
        os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS", "")
    )


def meeting_numbers(ctx: Context, incomplete: str) -> Choices:
    """The numbers of the meetings of the process named before, with each one's start."""
    named = ctx.params.get("process_id")
    # An option typed without its value yet (`--meeting <TAB>`) leaves the context
    # unparsed: the process is then the typed word that is one.
    words = [named] if isinstance(named, str) else _typed_words()

    def numbers(store: Store) -> Choices:
        for summary in store.process_summaries():
            if summary.id in words and summary.meetings:
                slots = [slot.split(",") for slot in summary.meetings.split(";")]
                return [(n, f"{start.replace('T', ' ')} {status}") for n, start, _, status in slots]
        return []

    return _safely(numbers, ctx, incomplete)


def kinds(ctx: Context, incomplete: str) -> Choices:
    """The kinds of process, in English and Finnish."""
    from tyonohjaus_cli.domain.enums import FINNISH_KINDS, ProcessKind

    words = [(kind.value, "") for kind in ProcessKind]
    words += [(word, kind.value) for word, kind in FINNISH_KINDS.items()]
    return [(word, help_) for word, help_ in words if word.startswith(incomplete.lower())]


def invoice_numbers(ctx: Context, incomplete: str) -> Choices:
    from tyonohjaus_cli.storage.invoices import invoice_numbers as numbers

    return _safely(lambda store: [(str(n), "") for n in numbers(store)], ctx, incomplete)
