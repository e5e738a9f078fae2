"""Finnish public holidays, with Midsummer Eve and Christmas Eve, from ``holidays``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


def finnish_holidays(years: Iterable[int], lang: str = "en") -> dict[date, str]:
    """Every public holiday of ``years`` with its name in ``lang`` (fi, sv or en)."""
    import holidays  # ~0.1 s to import: only planning needs it

    calendar = holidays.country_holidays(
        "FI", years=sorted(set(years)), language=_LANGUAGES.get(lang, "en_US")
    )
    return dict(calendar.items())
