"""The one translation layer: every user-facing string passes through :func:`t`.

Message ids are the English text itself, so English needs no catalogue and a missing
translation degrades to readable English (a test proves none is missing). The interface
language is Finnish or English; documents handed to a client (summaries, invoices,
calendar titles) may also be Swedish, chosen per call with ``lang=``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

INTERFACE_LANGUAGES = ("fi", "en")
DOCUMENT_LANGUAGES = ("fi", "sv", "en")

_current = "en"


def set_language(lang: str) -> None:
    """Choose the interface language for the rest of this run."""
    global _current  # noqa: PLW0603 - one process, one interface language
    _current = lang if lang in DOCUMENT_LANGUAGES else "en"


def language() -> str:
    """The interface language in force."""
    return _current


def language_from_environment(environ: Mapping[str, str]) -> str | None:
    """``TYO_LANG`` first, then the POSIX locale variables; ``None`` when neither says."""
    explicit = environ.get("TYO_LANG", "").strip().lower()
    if explicit in INTERFACE_LANGUAGES:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "fi" if value.lower().startswith("fi") else None
    return None


def default_language() -> str:
    """The locale's language when nothing else says (``fi`` or ``en``)."""
    return (
        language_from_environment({k: v for k, v in os.environ.items() if k != "TYO_LANG"}) or "en"
    )


@cache
def _catalogue(lang: str) -> Mapping[str, str]:
    module = importlib.import_module(f"{__name__}.{lang}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


def t(msgid: str, /, *, lang: str | None = None, **fields: object) -> str:
    """Translate ``msgid`` (English text) and fill in ``{fields}``."""
    lang = lang or _current
    text = msgid if lang == "en" else _catalogue(lang).get(msgid, msgid)
    return text.format(**fields) if fields else text


def tn(one: str, many: str, count: int, /, *, lang: str | None = None, **fields: object) -> str:
    """:func:`t` of ``one`` or ``many`` by ``count``, which fills ``{count}``: English and
    Finnish both say "1 meeting" but "2 meetings" ("1 tapaaminen", "2 tapaamista")."""
    return t(one if count == 1 else many, lang=lang, count=count, **fields)


def has_translation(msgid: str, lang: str) -> bool:
    """Whether the catalogue of ``lang`` carries ``msgid`` (for the completeness test)."""
    return lang == "en" or msgid in _catalogue(lang)


_WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def format_date(day: date, *, lang: str | None = None, weekday: bool = True) -> str:
    """``ti 12.1.2027`` in Finnish and Swedish, ``Tue 2027-01-12`` in English."""
    lang = lang or _current
    text = day.isoformat() if lang == "en" else f"{day.day}.{day.month}.{day.year}"
    return f"{_WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def format_time(moment: datetime, *, lang: str | None = None) -> str:
    """``9.00`` in Finnish and Swedish, ``09:00`` in English."""
    lang = lang or _current
    if lang == "en":
        return f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{moment.hour}.{moment.minute:02d}"


def format_datetime(moment: datetime, *, lang: str | None = None, weekday: bool = True) -> str:
    """``ti 12.1.2027 klo 14.00``, ``tis 12.1.2027 kl. 14.00``, ``Tue 2027-01-12 14:00``."""
    lang = lang or _current
    joiner = {"fi": " klo ", "sv": " kl. "}.get(lang, " ")
    day = format_date(moment.date(), lang=lang, weekday=weekday)
    return f"{day}{joiner}{format_time(moment, lang=lang)}"


def format_money(amount: Decimal, *, lang: str | None = None) -> str:
    """``1 234,50 €`` in Finnish and Swedish, ``€1,234.50`` in English."""
    lang = lang or _current
    text = f"{amount if amount else abs(amount):,.2f}"  # never "-0,00"
    if lang == "en":
        return f"-€{text[1:]}" if text.startswith("-") else f"€{text}"
    return text.replace(",", "\u00a0").replace(".", ",") + "\u00a0€"


def format_number(
    value: Decimal | int, *, lang: str | None = None, places: int | None = None
) -> str:
    """Every figure shown to a person that is not money: ``25,5`` in Finnish and Swedish,
    ``25.5`` in English; no exponent, no trailing zeros (``10``, ``1,33``), or exactly
    ``places`` decimals (``2,00``). No thousands separator: these are percents, units and
    hours, not sums. ``--json`` and ``--csv`` keep ``.`` (see ``cli/machine.py``)."""
    if isinstance(value, int):
        text = str(value) if not places else f"{value}.{'0' * places}"
    elif places is not None:
        text = f"{value:.{places}f}"
    else:
        from tyonohjaus_cli.domain.numbers import plain  # Decimal only for commands with money

        text = plain(value)
    return text if (lang or _current) == "en" else text.replace(".", ",")


def format_percent(value: Decimal | int, *, lang: str | None = None) -> str:
    """``12,5 %`` in Finnish and Swedish (a no-break space before the sign, as both write
    it), ``12.5%`` in English; the figure as :func:`format_number` writes it."""
    lang = lang or _current
    text = format_number(value, lang=lang)
    return f"{text}%" if lang == "en" else f"{text}\u00a0%"
