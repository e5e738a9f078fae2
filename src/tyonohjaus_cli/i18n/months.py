"""Months in words, for a month inside a sentence: "Ei laskutettavaa helmikuulta 2027."

A Finnish sentence puts a month in the case it needs ("helmikuu 2027", "helmikuun 2027
laskulla", "helmikuulta 2027", "helmikuussa 2027"), so the case is chosen where the sentence
is written, in the translation, as the field's format: ``{month:ablative}``. English writes
its months as it writes its dates, ``2027-02`` (like ``2027-02-09``); Swedish "februari
2027". ``{month:iso}`` is ``2027-02`` in every language: the argument of a command to copy,
such as ``tyo billing 2027-02``, stays what the supervisor types.

Pass :func:`month_words` (or :func:`months_words` for a list) as the field; ``str(month)``
for a field that is only ever a command's argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

_FINNISH = (
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä",
    "heinä", "elo", "syys", "loka", "marras", "joulu",
)  # fmt: skip
"""Every Finnish month is a compound of ``kuu``: the first part, then ``kuu`` inflected."""

CASES = {
    "nominative": "kuu",  # helmikuu 2027
    "genitive": "kuun",  # helmikuun 2027 laskulla
    "partitive": "kuuta",  # ennen helmikuuta 2027
    "inessive": "kuussa",  # helmikuussa 2027
    "elative": "kuusta",  # helmikuusta 2027 alkaen
    "illative": "kuuhun",  # helmikuuhun 2027 asti
    "adessive": "kuulla",
    "ablative": "kuulta",  # helmikuulta 2027
    "allative": "kuulle",
    "essive": "kuuna",
}
"""The cases a Finnish sentence may ask of a month, and how ``kuu`` ends in each."""

FINNISH_MONTHS = {case: tuple(stem + end for stem in _FINNISH) for case, end in CASES.items()}
"""The table of the twelve Finnish months by case: ``FINNISH_MONTHS["ablative"][1]`` is
"helmikuulta"."""

SWEDISH_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip

ISO = "iso"


class _Month(Protocol):
    @property
    def year(self) -> int: ...

    @property
    def month(self) -> int: ...


class MonthWords:
    """A month as a message field: its format spec is the case (see the module's docstring)."""

    def __init__(self, year: int, month: int, lang: str | None = None) -> None:
        self.year, self.month, self.lang = year, month, lang

    def in_case(self, case: str, lang: str | None = None) -> str:
        from tyonohjaus_cli.i18n import language

        iso = f"{self.year:04d}-{self.month:02d}"
        if case == ISO:
            return iso
        if case not in CASES:
            raise ValueError(f"unknown case {case!r} for a month: one of {', '.join(CASES)}")
        chosen = lang or self.lang or language()
        if chosen == "fi":
            return f"{FINNISH_MONTHS[case][self.month - 1]} {self.year}"
        if chosen == "sv":
            return f"{SWEDISH_MONTHS[self.month - 1]} {self.year}"
        return iso

    def __format__(self, spec: str) -> str:
        return self.in_case(spec or "nominative")

    def __str__(self) -> str:
        return self.in_case("nominative")


class MonthsWords:
    """Several months as one field: "helmikuulta 2027 ja maaliskuulta 2027", each in the
    case asked for; in English "2027-02, 2027-03"."""

    def __init__(self, months: Iterable[_Month], lang: str | None = None) -> None:
        self.months = [MonthWords(m.year, m.month, lang) for m in months]
        self.lang = lang

    def __format__(self, spec: str) -> str:
        from tyonohjaus_cli.i18n import language, t

        words = [format(month, spec) for month in self.months]
        if len(words) < 2 or spec == ISO or (self.lang or language()) == "en":
            return ", ".join(words)
        return ", ".join(words[:-1]) + t(" and ", lang=self.lang) + words[-1]

    def __str__(self) -> str:
        return format(self, "")


def month_words(month: _Month, lang: str | None = None) -> MonthWords:
    """``month`` (a :class:`~tyonohjaus_cli.domain.parsing.Month`, a date) for a message in
    ``lang`` (default: the interface language when the message is written)."""
    return MonthWords(month.year, month.month, lang)


def months_words(months: Iterable[_Month], lang: str | None = None) -> MonthsWords:
    """Several months for one message field, joined as the language joins a list."""
    return MonthsWords(months, lang)
