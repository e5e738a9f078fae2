"""Finnish public holidays, with Midsummer Eve and Christmas Eve, from ``holidays``.

The two eves are days off but not holidays (an eve is an *aattopäivä*, not a *pyhäpäivä*):
:func:`is_eve` tells them apart, so that a moved date says which it avoided.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}

_FIXED = {(1, 1), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26)}
"""New Year, May Day, Independence Day, Christmas Eve, Christmas, Boxing Day."""
_MOVABLE = (
    ((1, 6), (1, 12)),
    ((3, 20), (4, 26)),
    ((4, 29), (6, 13)),
    ((6, 19), (6, 26)),
    ((10, 31), (11, 6)),
)
"""Where the holidays that move fall, in any year (from 1973 to 1990 Epiphany and Ascension
Day were kept on a Saturday): Epiphany (6 to 12 January), Good Friday to Easter Monday
(20 March to 26 April), Ascension Day and Whitsun (29 April to 13 June), Midsummer Eve
and Day (19 to 26 June), All Saints' Day (31 October to 6 November)."""


def may_be_holiday(day: date) -> bool:
    """Whether ``day`` can be a Finnish public holiday at all, without ``holidays``.

    ``False`` is certain; ``True`` means ask :func:`finnish_holidays`. Building that
    calendar was ~40 % of a ``meeting move``, for a warning most moves never need.
    """
    key = (day.month, day.day)
    return key in _FIXED or any(low <= key <= high for low, high in _MOVABLE)


def is_eve(day: date) -> bool:
    """Christmas Eve (24 December) or Midsummer Eve (the Friday from 19 to 25 June)."""
    return (day.month, day.day) == (12, 24) or (
        day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4
    )


def in_running_text(name: str, lang: str) -> str:
    """A holiday's name as it is written inside a sentence: Finnish and Swedish write them
    in lower case (``juhannusaatto``, ``midsommarafton``; but ``Kristi himmelsfärdsdag``,
    after a name), English with capitals (``Midsummer Eve``)."""
    if lang == "fi":
        return name.lower()
    if lang == "sv" and not name.startswith("Kristi "):
        return name[:1].lower() + name[1:]
    return name


def finnish_holidays(years: Iterable[int], lang: str = "en") -> dict[date, str]:
    """Every public holiday of ``years`` with its name in ``lang`` (fi, sv or en), as written
    in running text (:func:`in_running_text`)."""
    import holidays  # ~0.1 s to import: only planning needs it

    calendar = holidays.country_holidays(
        "FI", years=sorted(set(years)), language=_LANGUAGES.get(lang, "en_US")
    )
    return {day: in_running_text(name, lang) for day, name in calendar.items()}
