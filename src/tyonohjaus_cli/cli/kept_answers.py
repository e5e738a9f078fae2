"""``tyo billing MONTH`` and ``tyo billing year YEAR`` answered before Typer is imported.

Importing Typer and building the command tree is most of a short command's start-up
(~40 ms of a ~85 ms ``tyo billing 2026-10``). A month's view whose bills and loose ends are
still as kept, or a year's view whose every file is (:mod:`usecases.kept_views`: every file
they are made of checked by its stamp, as the command itself checks them), prints what it
printed last time, so it is given here, from the plain words of the command line, and
Typer is never loaded; a view not kept is drawn here too, by the command's own drawing
(:mod:`cli.month_view`, :mod:`cli.year_view`), and kept. Anything this module does not know for sure — another
command, an option it does not list, ``--help``, a value that is not a month or a year, a
store that needs attention, a terminal (Rich draws tables for its width) — goes to the
command line proper, which answers, and keeps the answer for next time.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import IO, TYPE_CHECKING, NamedTuple

from tyonohjaus_cli.errors import TyoError

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.parsing import Month
    from tyonohjaus_cli.usecases.kept_views import Chunk, Form


class _Asked(NamedTuple):
    """``tyo [--store DIR] [--lang fi|en] billing [MONTH] [--client CID] [--json|--csv]``,
    or ``billing year YEAR [--json]`` (``year``)."""

    store: str | None
    month: str | None
    client: str | None
    form: Form
    year: int | None = None


_GLOBAL = ("--store", "--lang")
_FORMS: dict[str, Form] = {"--json": "json", "--csv": "csv"}


def _options(args: Sequence[str], names: Sequence[str]) -> tuple[dict[str, str], list[str]] | None:
    """``--name VALUE`` and ``--name=VALUE`` of ``names`` (each at most once), and the
    words left in order; ``None`` for a word this module does not read for sure."""
    found: dict[str, str] = {}
    rest: list[str] = []
    words = iter(args)
    for word in words:
        name, equals, value = word.partition("=")
        if name in names:
            if not equals:
                value = next(words, "")
            if name in found or not value or value.startswith("-"):
                return None
            found[name] = value
        elif word.startswith("-"):
            if word not in _FORMS:
                return None
            rest.append(word)
        else:
            rest.append(word)
    return found, rest


def _asked(args: Sequence[str]) -> _Asked | None:
    """The view ``args`` ask for, or ``None`` when they ask for anything else."""
    if not all(arg.isprintable() for arg in args):
        return None  # refused, in its words, by the command line proper
    try:
        at = list(args).index("billing")
    except ValueError:
        return None
    before = _options(args[:at], _GLOBAL)
    after = _options(args[at + 1 :], ("--client",))
    if before is None or after is None or before[1]:
        return None
    if before[0].get("--lang", "fi") not in ("fi", "en"):
        return None
    return _view(before[0].get("--store"), *after)


def _view(store: str | None, options: dict[str, str], words: list[str]) -> _Asked | None:
    """The view the words after ``billing`` ask for (``options``: ``--client``)."""
    forms = [word for word in words if word in _FORMS]
    named = [word for word in words if word not in _FORMS]
    if len(set(forms)) != len(forms):
        return None
    form: Form = "csv" if "--csv" in forms else "json" if forms else "table"  # as billing()
    if words[:1] == ["year"]:  # `billing --json year` is the month view's, and refused
        year = _year(named[1:])
        if year is None or options or form == "csv":
            return None
        return _Asked(store, None, None, form, year)
    if len(named) > 1:
        return None
    return _Asked(store, named[0] if named else None, options.get("--client"), form)


def _year(words: Sequence[str]) -> int | None:
    """The year of ``billing year YEAR`` when it is plainly one the command takes (four
    ASCII digits, 2000 to 2100); ``None`` for anything the command line proper words."""
    if len(words) != 1 or not (len(words[0]) == 4 and words[0].isascii() and words[0].isdigit()):
        return None
    from tyonohjaus_cli.cli.year_view import is_year

    year = int(words[0])
    return year if is_year(year) else None


def _month(text: str | None, now: datetime) -> Month:
    from tyonohjaus_cli.domain.parsing import Month, parse_month

    return parse_month(text) if text is not None else Month.of(now.date()).preceding


def answer(args: Sequence[str]) -> int | None:
    """Give the view ``args`` ask for as kept, or drawn here when it is not, and return the
    exit code, or ``None`` when the command line proper is to answer."""
    asked = _asked(args)
    if asked is None or sys.stdout.isatty():
        return None
    from tyonohjaus_cli.cli.context import Session
    from tyonohjaus_cli.usecases.kept_views import kept_view, kept_year_view

    session = Session(asked.store)
    try:
        if not session.store.is_initialised():
            return None
        now = session.now()
        store = session.store
        if (year := asked.year) is not None:
            chunks = kept_year_view(store, year, asked.form, now=now)
            if chunks is None:  # drawn here, as the command line proper would draw it
                from tyonohjaus_cli.cli import year_view

                return _drawn(lambda: year_view.draw(store, year, asked.form, now=now))
        else:
            month = _month(asked.month, now)
            chunks = kept_view(store, month, asked.client, asked.form, now=now)
            if chunks is None:
                from tyonohjaus_cli.cli import month_view

                return _drawn(
                    lambda: month_view.draw(store, month, asked.client, asked.form, now=now)
                )
    except TyoError:
        return None  # said by the command line proper, in its words
    try:
        for stream, text in chunks:
            (sys.stdout if stream == "out" else sys.stderr).write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`), as in cli.run
    return 0


def _drawn(draw: Callable[[], None]) -> int:
    """Draw a view that is not kept without Typer, by the command's own drawing
    (:mod:`cli.year_view`, :mod:`cli.month_view`); a mistake in the store or the words is
    raised before anything is printed."""
    try:
        draw()
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`), as in cli.run
    return 0


class _Tee:
    """A stream that also notes what is written to it."""

    def __init__(self, stream: IO[str], name: str, chunks: list[Chunk]) -> None:
        self._stream, self._name, self._chunks = stream, name, chunks

    def write(self, text: str) -> int:
        self._chunks.append((self._name, text))
        return self._stream.write(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def printed() -> Iterator[list[Chunk] | None]:
    """What the block prints on stdout and stderr, piece by piece, for :func:`answer` to
    give next time (``None`` at a terminal, where Rich draws for its width); the pieces are
    complete only when the block ends without an error."""
    if sys.stdout.isatty():
        yield None
        return
    chunks: list[Chunk] = []
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Tee(out, "out", chunks), _Tee(err, "err", chunks)
    try:
        yield chunks
    finally:
        sys.stdout, sys.stderr = out, err
