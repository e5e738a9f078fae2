"""The mark a forgotten name leaves in the texts that stay (``tyo forget --participant``).

The store holds one mark in every language, :data:`ERASED` — the one tyo has always
written, so every store reads alike — and the views put it into words: "[poistettu]" in
Finnish, "[raderad]" in Swedish. Machine output (``--json``, exports' JSON) keeps the mark
as stored. Text a person edits again (a note opened in the editor) keeps it too, so that
saving never writes a translation into the store.
"""

from __future__ import annotations

from tyonohjaus_cli.i18n import t

ERASED = "[erased]"
"""What a forgotten name or e-mail becomes in the texts that stay; never translated."""

MARKS = (ERASED,)
"""Every mark tyo has ever written for an erased name (one so far)."""

IN_EVERY_MARK = "erased"
"""A word every mark holds: text without it has no mark to put into words."""

_ESCAPED = "\\[erased\\]"
"""The mark as Markdown quotes it (see :mod:`~tyonohjaus_cli.domain.markdown`)."""


def shown(text: str, lang: str | None = None) -> str:
    """``text`` with each mark in the words of ``lang`` (default: the interface language),
    in plain text and in Markdown alike."""
    if IN_EVERY_MARK not in text:
        return text
    words = t("[erased]", lang=lang)
    escaped = words.replace("[", "\\[").replace("]", "\\]")
    for mark in MARKS:
        text = text.replace(mark, words)
    return text.replace(_ESCAPED, escaped)
