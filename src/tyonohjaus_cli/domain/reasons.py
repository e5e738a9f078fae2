"""Why a meeting was cancelled: a code when tyo gives the reason, words when a person did.

The store holds codes, never words in one language (closing a process in Finnish once wrote
"prosessi päättyi" into the process file, which an English view then showed as it was).
:func:`stored` is what goes into the file and what a file's reason is read as: a code, or
the supervisor's own words (``tyo meeting cancel --reason``) exactly as typed. :func:`shown`
puts a code into the words of the view's language.

Files written before the codes hold the words that tyo wrote then; they read as the code.
"""

from __future__ import annotations

from enum import StrEnum

from tyonohjaus_cli.i18n import t


class CancelReason(StrEnum):
    """The reasons tyo itself gives a cancellation."""

    PROCESS_CLOSED = "process-closed"
    """``tyo process close --cancel-remaining``: the meetings still planned went with it."""


_WORDS = {CancelReason.PROCESS_CLOSED: "process closed"}
"""Each code's message id, for :func:`shown`."""

_WRITTEN_BEFORE = {
    "process closed": CancelReason.PROCESS_CLOSED,
    "prosessi päättyi": CancelReason.PROCESS_CLOSED,
}
"""The words earlier versions wrote instead of a code, in English and in Finnish (the
interface languages then): fixed, so that rewording a translation never unreads a file."""


def code_of(reason: str) -> CancelReason | None:
    """The code ``reason`` is (or was written as), ``None`` for a person's own words."""
    text = reason.strip()
    try:
        return CancelReason(text)
    except ValueError:
        return _WRITTEN_BEFORE.get(text.casefold())


def stored(reason: str) -> str:
    """``reason`` as the store keeps it: the code when it is one, else the words as typed."""
    if not reason:  # most meetings: no reason at all
        return reason
    code = code_of(reason)
    return code.value if code is not None else reason


def shown(reason: str, lang: str | None = None) -> str:
    """``reason`` for a person reading ``lang``: a code in words, a person's words as typed."""
    code = code_of(reason)
    return t(_WORDS[code], lang=lang) if code is not None else reason
