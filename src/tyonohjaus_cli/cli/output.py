"""One way to print: Rich tables for people, plain text for pipes, ``--json`` and ``--csv``.

Without Typer: a view answered before the command line is parsed prints through it too
(:mod:`cli.kept_answers`).

Rows are dicts of typed values (datetime, Decimal, enums...). ``--json`` and ``--csv`` show
them as machine values (see :mod:`machine`, imported only for them).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from tyonohjaus_cli.domain.erased import IN_EVERY_MARK, shown
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.files import make_named_folder, refuse_inside, write_named

E = TypeVar("E", bound=Enum)


class Column(NamedTuple):
    """A table column: the row key, its heading, and how a person reads the value."""

    key: str
    title: str
    show: Callable[[Any], str] = str
    right: bool = False
    wrap: bool = True


def words(names: Mapping[E, str]) -> Callable[[E], str]:
    """How a table shows an enumeration's values, from its table of words
    (:data:`~tyonohjaus_cli.domain.enums.MEETING_STATUS_WORDS`...): each translated once, not
    once a row."""
    return {value: t(name) for value, name in names.items()}.__getitem__


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""The control characters (Unicode category Cc) but the line break and the tab."""


def printable(text: str) -> str:
    """``text`` safe for a terminal: a control character (ESC, BEL, a carriage return...)
    is shown as an escape such as ``\\x1b``, never sent raw; line breaks and tabs stay."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def for_people(text: str) -> str:
    """Text from the store as a person reads it on a terminal: safe (:func:`printable`),
    and the mark of an erased name in words ("[poistettu]")."""
    return printable(shown(text))


_FOR_WORDS = re.compile(f"{_CONTROL.pattern}|{IN_EVERY_MARK}")
"""What :func:`for_people` changes: a table whose text has none of it is printed as it is."""


def _cells(columns: Sequence[Column], rows: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    body = [
        ["" if (value := row.get(c.key)) is None else c.show(value) for c in columns]
        for row in rows
    ]
    if _FOR_WORDS.search("\n".join("\n".join(cells) for cells in body)) is None:
        return body  # one search for the whole table, not one a cell (1,500 rows, 9,000 cells)
    return [[for_people(cell) for cell in cells] for cells in body]


def print_table(
    columns: Sequence[Column], rows: Iterable[Mapping[str, Any]], *, title: str = ""
) -> None:
    """A table: Rich on a terminal, aligned plain text otherwise."""
    body = _cells(columns, rows)
    if sys.stdout.isatty():
        from rich import box
        from rich.console import Console
        from rich.table import Table

        # A rule under the heading and no vertical lines: the figures get the width.
        table = Table(
            title=title or None,
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            collapse_padding=True,
        )
        for column in columns:
            # On a narrow terminal Rich wraps cells; a date and time (wrap=False) stays on
            # one line, as "ti 12.1.2027 klo 14.00" broken in three reads badly.
            table.add_column(
                column.title, justify="right" if column.right else "left", no_wrap=not column.wrap
            )
        for cells in body:
            table.add_row(*cells)
        Console().print(table)
        return
    head = [c.title for c in columns]
    widths = [max(map(len, column)) for column in zip(head, *body, strict=True)]
    # One format for every line, e.g. "{:<12}  {:>3}": a twenty-year list has 1,500 of them.
    line = "  ".join(
        f"{{:{'>' if column.right else '<'}{width}}}"
        for column, width in zip(columns, widths, strict=True)
    ).format
    out = [title] if title else []
    out += [line(*head).rstrip(), *(line(*cells).rstrip() for cells in body)]
    sys.stdout.write("\n".join(out) + "\n")


def emit(
    columns: Sequence[Column],
    rows: Sequence[Mapping[str, Any]],
    *,
    as_json: bool = False,
    as_csv: bool = False,
    title: str = "",
    empty: str = "",
) -> None:
    """Print ``rows`` the way the user asked: table (default), ``--json`` or ``--csv``."""
    if as_json or as_csv:
        from tyonohjaus_cli.cli import machine

        if as_json:
            machine.print_json(list(rows))
        else:
            machine.print_csv([c.key for c in columns], rows)
    elif not rows and empty:
        say(empty)
    else:
        print_table(columns, rows, title=title)


def say(message: str) -> None:
    """A line for the user on stdout."""
    sys.stdout.write(for_people(message) + "\n")


def warn(message: str) -> None:
    """A warning on stderr, so pipes still get clean output."""
    sys.stderr.write(for_people(t("warning: {message}", message=message)) + "\n")


def details(pairs: Sequence[tuple[str, str]]) -> None:
    """A record as ``label: value`` lines, labels aligned."""
    shown = [(label, value) for label, value in pairs if value]
    width = max((len(label) for label, _ in shown), default=0)
    for label, value in shown:
        indent = "\n" + " " * (width + 2)
        say(f"{label + ':':<{width + 1}} {value.replace(chr(10), indent)}")


def write_out(data: bytes, target: Path | str | None) -> None:
    """Write a file the user named, or the exact bytes to stdout for ``-`` or no name.

    The file is readable by its owner only, and written atomically: what tyo writes out
    (invoices, calendars, summaries) names people. A file that can't be written is a usage
    error.
    """
    if target is None or str(target) == "-":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stdout (tests): the same bytes as text
            sys.stdout.write(data.decode("utf-8"))
            return
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
        return
    path = Path(target).expanduser()
    refuse_inside(path, _store_root())
    write_named(path, data)


def _store_root() -> Path:
    from tyonohjaus_cli.cli.context import session, store_dir

    return store_dir(session.store_option)


def make_folder(folder: Path) -> None:
    """Make the folder named with ``-o DIR`` (0700, outside the store)."""
    refuse_inside(folder, _store_root())
    make_named_folder(folder)
