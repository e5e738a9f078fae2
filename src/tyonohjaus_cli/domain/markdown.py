"""Quoting text in Markdown: what a document quotes is shown as written, never run.

A goal, a title or a name typed by anyone ends up in a Markdown document a client reads;
unescaped, ``# Tavoite`` would become a heading and ``[tästä](https://example.com)`` a
link. :func:`escape` backslash-escapes every character that starts Markdown syntax
(CommonMark lets any ASCII punctuation be escaped) and flattens line breaks.
"""

from __future__ import annotations

import re

_SPECIAL = r"([\\`*_\[\]<>|~])"
_BLOCK_START = r"^(\s*)(?:([-+=#>])|(\d+)([.)]))"


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text, on one line (line breaks become `` / ``):
    for text after a list marker, in a heading or a table cell."""
    flat = " / ".join(line for line in text.splitlines() if line.strip())
    return re.sub(_SPECIAL, r"\\\1", flat)


def escape_line(text: str) -> str:
    """As :func:`escape`, for text that starts a line: a leading ``#``, ``-``, ``>`` or
    ``1.`` is escaped too, so it can't start a heading, a list or a quote."""

    def block(match: re.Match[str]) -> str:
        if match[2]:
            return f"{match[1]}\\{match[2]}"
        return f"{match[1]}{match[3]}\\{match[4]}"

    return re.sub(_BLOCK_START, block, escape(text))
