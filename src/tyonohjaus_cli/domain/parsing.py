"""Parsers for what a supervisor types: dates, months, intervals, durations, money, ids.

Pure functions from text to typed values. Each raises :class:`UsageError` with one line
that says what was expected, so the command line can show it as it is (exit 2). The
records a parser makes (a break, a participant) and Decimal are imported inside it:
loading them is a good part of start-up, and most commands parse only dates.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_datetime, t, tn

if TYPE_CHECKING:
    from decimal import Decimal

    from tyonohjaus_cli.domain.models import Participant
    from tyonohjaus_cli.domain.settings import Break

_DATE_FORMS = "2027-01-12, 12.1.2027"
_DATETIME_FORMS = "2027-01-12 14:00, 2027-01-12T14:00, 12.1.2027 14:00, 12.1.2027 klo 14.00"

# Patterns are plain strings: `re` compiles each on first use and caches it, so start-up
# (every command imports this module) pays for none of them.
_ISO_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_FI_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_TIME = r"(\d{1,2})[:.](\d{2})"
_DATETIME = r"(?P<day>\S+?)(?:[ T]+|\s+klo\s+|\s+kl\.?\s+)(?P<time>\d{1,2}[:.]\d{2})"


FIRST_YEAR = 1900
LAST_YEAR = 2200
"""Every date tyo takes, typed or in a file, is in these years: far from datetime's own
limits (year 1 and 9999), where a time zone or a day added would overflow."""


def _years(text: str) -> UsageError:
    return UsageError(
        t(
            "{text!r} is outside the years tyo plans for (expected {first} to {last})",
            text=text,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    )


def _make_date(year: str, month: str, day: str, *, text: str) -> date:
    try:
        made = date(int(year), int(month), int(day))
    except ValueError:
        raise UsageError(
            t("{text!r} is not a real date (expected e.g. {forms})", text=text, forms=_DATE_FORMS)
        ) from None
    if not FIRST_YEAR <= made.year <= LAST_YEAR:
        raise _years(text)
    return made


def parse_date(text: str) -> date:
    """``2027-01-12`` or ``12.1.2027``."""
    value = text.strip()
    if match := re.fullmatch(_ISO_DATE, value):
        year, month, day = match.groups()
        return _make_date(year, month, day, text=text)
    if match := re.fullmatch(_FI_DATE, value):
        day, month, year = match.groups()
        return _make_date(year, month, day, text=text)
    raise UsageError(
        t("{text!r} is not a date (expected e.g. {forms})", text=text, forms=_DATE_FORMS)
    )


def parse_time(text: str) -> time:
    """``14:00`` or ``14.00``."""
    match = re.fullmatch(_TIME, text.strip())
    if match:
        hour, minute = (int(part) for part in match.groups())
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise UsageError(t("{text!r} is not a time of day (expected e.g. 14:00 or 14.00)", text=text))


def parse_local_datetime(text: str) -> datetime:
    """A wall-clock date and time, without a zone (the store's zone is attached later)."""
    match = re.fullmatch(_DATETIME, text.strip())
    if not match:
        raise UsageError(
            t(
                "{text!r} is not a date and time (expected e.g. {forms})",
                text=text,
                forms=_DATETIME_FORMS,
            )
        )
    return datetime.combine(parse_date(match["day"]), parse_time(match["time"]))


def localize(wall_clock: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone`` to a wall-clock time, refusing a time the clock skips (spring DST)."""
    aware = wall_clock.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall_clock:
        raise UsageError(
            t(
                "{time} does not exist in {zone}: the clocks skip it for summer time; pick another time",
                time=format_datetime(wall_clock, weekday=False),
                zone=str(zone),
            )
        )
    return aware


def parse_datetime(text: str, zone: tzinfo) -> datetime:
    """Text as typed, in the store's zone: ``12.1.2027 klo 14.00`` → aware datetime."""
    return localize(parse_local_datetime(text), zone)


class Month(NamedTuple):
    """A calendar month, e.g. for billing; months order by time."""

    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def following(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    @property
    def preceding(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def shifted(self, months: int) -> Month:
        """The month ``months`` later (earlier when negative)."""
        year, index = divmod(self.year * 12 + self.month - 1 + months, 12)
        return Month(year, index + 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (day.year, day.month) == (self.year, self.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)


_MONTH = r"(\d{4})-(\d{1,2})|(\d{1,2})[/.](\d{4})"
_MONTH_WORDS = r"(?P<word>[a-zåäö]+)\s+(?P<year>\d{4})"
FINNISH_MONTHS = (
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä",
    "heinä", "elo", "syys", "loka", "marras", "joulu",
)  # fmt: skip
"""The stems of the Finnish month names: ``maalis`` is short for ``maaliskuu``."""


def _month_number(word: str) -> int | None:
    """1 to 12 from ``maaliskuu``, ``maalis`` or ``maaliskuussa``; ``None`` for another word."""
    for number, stem in enumerate(FINNISH_MONTHS, start=1):
        if word == stem or (word.startswith(stem + "kuu") and len(word) <= len(stem) + 6):
            return number
    return None


def parse_month(text: str) -> Month:
    """``2027-01``, ``1/2027``, ``1.2027``, ``tammikuu 2027`` or ``tammi 2027``."""
    value = text.strip().lower()
    match = re.fullmatch(_MONTH, value)
    if match:
        year, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        if 1 <= int(month) <= 12:
            if not FIRST_YEAR <= int(year) <= LAST_YEAR:
                raise _years(text)
            return Month(int(year), int(month))
    elif (words := re.fullmatch(_MONTH_WORDS, value)) and (number := _month_number(words["word"])):
        return Month(int(words["year"]), number)
    raise UsageError(t("{text!r} is not a month (expected e.g. 2027-01 or 1/2027)", text=text))


_INTERVAL = r"(\d{1,4})\s*(w|d|vk|vko|viikkoa?|pv|päivää|päivä)"
LONGEST_INTERVAL = timedelta(days=366)


def parse_interval(text: str) -> timedelta:
    """``4w`` or ``4vk`` (weeks), ``10d`` or ``10pv`` (days); from one day to a year."""
    match = re.fullmatch(_INTERVAL, text.strip().lower())
    if match:
        count = int(match[1])
        weeks = match[2] in ("w", "vk", "vko", "viikko", "viikkoa")
        interval = timedelta(weeks=count) if weeks else timedelta(days=count)
        if timedelta(days=1) <= interval <= LONGEST_INTERVAL:
            return interval
    raise UsageError(
        t("{text!r} is not an interval (expected e.g. 4w or 10d, at most a year)", text=text)
    )


_DURATION = (
    r"(?:(?P<hours>\d+(?:[.,]\d+)?)\s*(?:h|t|tuntia|tunti)\s*)?"
    r"(?:(?P<minutes>\d+)\s*(?:min|minuuttia)?)?"
)
LONGEST_MEETING = 720
"""Minutes: a working day and more is no meeting."""


def parse_duration(text: str) -> int:
    """Minutes from ``90``, ``90min``, ``1h30``, ``1 h 30 min`` or ``1,5h``; between 1 and
    :data:`LONGEST_MEETING`."""
    match = re.fullmatch(_DURATION, text.strip().lower())
    if match and (match["hours"] or match["minutes"]):
        hours = (match["hours"] or "0").replace(",", ".")
        whole, _, part = hours.partition(".")
        # 1,5 h is 90 min; a fraction that is no whole number of minutes (1,01 h) is refused.
        part_minutes = int(part) * 60 if part else 0
        scale: int = 10 ** len(part)
        if part_minutes % scale == 0 and len(whole) <= 4:
            minutes = int(whole) * 60 + part_minutes // scale + int(match["minutes"] or 0)
            if 0 < minutes <= LONGEST_MEETING:
                return minutes
    raise UsageError(
        t(
            "{text!r} is not a duration (expected minutes such as 90, 90min or 1h30, at most 12 h)",
            text=text,
        )
    )


_MONEY = r"-?\d{1,9}(?:[.,]\d{1,2})?"


def parse_money(text: str) -> Decimal:
    """Euros such as ``95``, ``95.50`` or ``95,50``; at most two decimals, not negative."""
    from decimal import Decimal

    value = text.strip().removesuffix("€").strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(_MONEY, value) and not value.startswith("-"):
        return Decimal(value.replace(",", ".")).quantize(Decimal("0.01"))
    raise UsageError(t("{text!r} is not an amount of euros (expected e.g. 95 or 95.50)", text=text))


def parse_percent(text: str) -> Decimal:
    """A percentage from 0 to 100, e.g. ``10`` or ``25.5``."""
    from decimal import Decimal, InvalidOperation

    value = text.strip().removesuffix("%").strip().replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = Decimal(-1)
    if number.is_finite() and 0 <= number <= 100:
        return number
    raise UsageError(t("{text!r} is not a percentage (expected a number from 0 to 100)", text=text))


def parse_break(text: str) -> Break:
    """``2027-06-21..2027-08-08``: both days included."""
    first, sep, last = text.partition("..")
    if not sep:
        raise UsageError(
            t(
                "{text!r} is not a break (expected FIRST..LAST, e.g. 2027-06-21..2027-08-08)",
                text=text,
            )
        )
    from tyonohjaus_cli.domain.settings import Break

    span = Break(parse_date(first), parse_date(last))
    if span.last < span.first:
        raise UsageError(t("break {text!r} ends before it starts", text=text))
    return span


NAME_LIMIT = 200
"""Characters in a name or title at most: it goes on one line of a table or an invoice."""


def parse_name(text: str) -> str:
    """A person's or organisation's name, or a title: one line, not blank, not too long.

    Every name a supervisor types goes through here (client, supervisor, participant,
    co-supervisor, process title): a line break would break tables and invoices.
    """
    import unicodedata

    value = text.strip()
    if not value:
        raise UsageError(
            t("{text!r} is not a name (expected some text, not only spaces)", text=text)
        )
    if len(value) > NAME_LIMIT:
        raise UsageError(
            tn(
                "a name of {count} character is too long (expected at most {limit})",
                "a name of {count} characters is too long (expected at most {limit})",
                len(value),
                limit=NAME_LIMIT,
            )
        )
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value):
        raise UsageError(
            t(
                "{text!r} is not a name (expected one line, without line breaks or control characters)",
                text=text,
            )
        )
    return value


_PARTICIPANT = r"\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>\s]+@[^<>\s]+)>)?\s*"


def parse_participant(text: str) -> Participant:
    """``Name <email>`` or just ``Name``."""
    match = re.fullmatch(_PARTICIPANT, text)
    if not match or not match["name"]:
        raise UsageError(
            t(
                '{text!r} is not a participant (expected "Name" or "Name <name@example.fi>")',
                text=text,
            )
        )
    from tyonohjaus_cli.domain.models import Participant

    return Participant(parse_name(match["name"]), match["email"] or "")


_ID = r"[a-z0-9][a-z0-9_-]{0,63}"


def parse_id(text: str, what: str) -> str:
    """An id for a client or process: lower-case letters, digits, ``-`` and ``_``."""
    if re.fullmatch(_ID, text):
        return text
    raise UsageError(
        t(
            "{text!r} is not a valid {what} id (use a-z, 0-9, - and _, e.g. pohde or hoitajat-2027)",
            text=text,
            what=what,
        )
    )


_EMAIL = r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+"


def parse_email(text: str) -> str:
    if re.fullmatch(_EMAIL, text.strip()):
        return text.strip()
    raise UsageError(
        t("{text!r} is not an e-mail address (expected e.g. name@example.fi)", text=text)
    )
