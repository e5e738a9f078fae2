"""``tyo ics PROCESS`` and ``tyo ics --every-process`` in their plain forms, answered before
Typer is imported.

After a meeting is logged or moved, the calendar files are written again with icalendar,
whose import is most of such a command (~30 ms); Typer's and the command tree's come on
top of it (~25 ms), for a command line whose every word is plain. So the plain words

    tyo [--store DIR] [--lang fi|en] ics PROCESS [-o FILE]
    tyo [--store DIR] [--lang fi|en] ics --every-process [-o FILE]

are read here and the files made by the command's own code (:mod:`cli.calendar_files`).
Anything this module does not know for sure — another option, ``--help``, a word that is
not printable, shell completion, any mistake in the store or the words — goes to the
command line proper, which answers in its own words (what it writes is written only after
everything is read, so nothing is written twice).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from tyonohjaus_cli.errors import TyoError


class _Asked(NamedTuple):
    store: str | None
    process: str | None
    """``None``: ``--every-process``."""
    out: Path | None


_GLOBAL = ("--store", "--lang")
_OUT = ("-o", "--output")


def _asked(args: Sequence[str]) -> _Asked | None:
    """What plain ``args`` ask for, or ``None`` when they ask for anything else."""
    if not all(arg.isprintable() for arg in args):
        return None  # refused, in its words, by the command line proper
    found: dict[str, str] = {}
    words: list[str] = []
    at = iter(args)
    for word in at:
        name, equals, value = word.partition("=")
        names = _OUT if words else _GLOBAL
        if equals and not name.startswith("--"):
            return None  # `-o=FILE` names the file `=FILE` to Click: its own words say it
        if name in names:
            if not equals:
                value = next(at, "")
            key = names[0] if name in _OUT else name
            if key in found or not value.strip() or value.startswith("-"):
                return None
            found[key] = value
        elif word == "--every-process" and words == ["ics"]:
            words.append(word)
        elif word.startswith("-") or (not words and word != "ics"):
            return None
        else:
            words.append(word)
    if found.get("--lang", "fi") not in ("fi", "en") or len(words) != 2:
        return None
    target = words[1]
    out = Path(found["-o"]) if "-o" in found else None
    return _Asked(found.get("--store"), None if target == "--every-process" else target, out)


def answer(args: Sequence[str]) -> int | None:
    """Write the calendar ``args`` ask for and return the exit code, or ``None`` when the
    command line proper is to answer."""
    asked = _asked(args)
    if asked is None or any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    from tyonohjaus_cli.calendar.choices import Options, Pseudonym
    from tyonohjaus_cli.cli import calendar_files
    from tyonohjaus_cli.cli.context import session

    session.store_option = asked.store
    options = Options(Pseudonym.NONE, None)
    try:
        if not session.store.is_initialised():
            session.reset()
            return None
        if asked.process is None:
            calendar_files.own_calendar(options, asked.out, None, None, None, participants=False)
        else:
            calendar_files.calendar_file(asked.process, options, asked.out)
        sys.stdout.flush()
    except TyoError:
        session.reset()
        return None  # said by the command line proper, in its words
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`), as in cli.run
    return 0
