"""Late payment interest under the Finnish Interest Act (korkolaki 633/1982). Pure.

Between businesses (and when a public body pays late) the rate is the reference rate plus
eight percentage points (4 a §); for a consumer, plus seven (4 §). The reference rate
(12 §) is the ECB's main refinancing rate before each half-year, rounded up to the next
half point, confirmed by the Bank of Finland for 1 January – 30 June and 1 July –
31 December. Interest runs from the day after the due date, at the rate of each half-year,
on actual days over a 365-day year; the sum is rounded to the cent (half up).

The table below is in the code, dated; ``tyo settings set reference_rates`` adds or
corrects half-years (e.g. when a new one is confirmed), and wins over the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tyonohjaus_cli.domain.vat import round_cents
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

BUSINESS_MARGIN = Decimal(8)
"""Percentage points over the reference rate in commercial contracts (4 a §)."""
CONSUMER_MARGIN = Decimal(7)
"""Percentage points over the reference rate otherwise (4 §)."""
RECOVERY_COMPENSATION = Decimal(40)
"""The fixed compensation for recovery costs a business buyer owes on a late payment
(Act on Payment Terms in Commercial Contracts 30/2013, 10 a §), when claimed."""
DAYS_IN_YEAR = 365

REFERENCE_RATES: dict[date, Decimal] = {
    date(2019, 1, 1): Decimal("0.00"),
    date(2019, 7, 1): Decimal("0.00"),
    date(2020, 1, 1): Decimal("0.00"),
    date(2020, 7, 1): Decimal("0.00"),
    date(2021, 1, 1): Decimal("0.00"),
    date(2021, 7, 1): Decimal("0.00"),
    date(2022, 1, 1): Decimal("0.00"),
    date(2022, 7, 1): Decimal("0.00"),
    date(2023, 1, 1): Decimal("2.50"),
    date(2023, 7, 1): Decimal("4.00"),
    date(2024, 1, 1): Decimal("4.50"),
    date(2024, 7, 1): Decimal("4.50"),
    date(2025, 1, 1): Decimal("3.50"),
    # The ECB's main refinancing rate was 2.15 % before both, rounded up to 2.5 %.
    date(2025, 7, 1): Decimal("2.50"),
    date(2026, 1, 1): Decimal("2.50"),
}
"""The Bank of Finland's reference rate from the first day of each half-year, in percent."""


def half_year_of(day: date) -> date:
    """The first day of the half-year ``day`` is in (1 January or 1 July)."""
    return date(day.year, 1 if day.month < 7 else 7, 1)


def _next_half_year(start: date) -> date:
    return date(start.year, 7, 1) if start.month == 1 else date(start.year + 1, 1, 1)


@dataclass(frozen=True)
class InterestPeriod:
    """Days overdue within one half-year and the interest they earn."""

    first: date
    last: date
    reference: Decimal
    rate: Decimal
    interest: Decimal

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class LateInterest:
    """The interest on ``amount`` overdue from the day after ``due`` up to ``until``."""

    amount: Decimal
    due: date
    until: date
    periods: tuple[InterestPeriod, ...]
    unknown: tuple[date, ...] = ()
    """Half-years whose reference rate is in neither the table nor the settings: the latest
    known rate was used; the caller warns."""

    @property
    def days(self) -> int:
        return max((self.until - self.due).days, 0)

    @property
    def interest(self) -> Decimal:
        return round_cents(sum((period.interest for period in self.periods), Decimal(0)))

    @property
    def rates(self) -> tuple[Decimal, ...]:
        return tuple(dict.fromkeys(period.rate for period in self.periods))


def rates_in_force(overrides: Mapping[date, Decimal] | None = None) -> dict[date, Decimal]:
    """The table with the settings' half-years over it."""
    return dict(sorted({**REFERENCE_RATES, **(overrides or {})}.items()))


def late_interest(
    amount: Decimal,
    due: date,
    until: date,
    *,
    business: bool,
    overrides: Mapping[date, Decimal] | None = None,
) -> LateInterest:
    """Interest on ``amount`` for the days after ``due`` up to and including ``until``."""
    table = rates_in_force(overrides)
    margin = BUSINESS_MARGIN if business else CONSUMER_MARGIN
    periods: list[InterestPeriod] = []
    unknown: list[date] = []
    first = due + timedelta(days=1)
    while first <= until:
        start = half_year_of(first)
        last = min(until, _next_half_year(start) - timedelta(days=1))
        known = [day for day in table if day <= start]
        if not known:
            raise UsageError(
                t(
                    "no reference rate is known for {day}: add it with "
                    "`tyo settings set reference_rates {half}=RATE`",
                    day=format_date(first, weekday=False),
                    half=start.isoformat(),
                )
            )
        if start not in table:
            unknown.append(start)
        reference = table[known[-1]]
        rate = reference + margin
        days = (last - first).days + 1
        interest = amount * rate / 100 * days / DAYS_IN_YEAR  # rounded once, in the sum
        periods.append(InterestPeriod(first, last, reference, rate, interest))
        first = last + timedelta(days=1)
    return LateInterest(amount, due, until, tuple(periods), tuple(unknown))


def parse_reference_rates(text: str) -> dict[date, Decimal]:
    """``2027-01-01=2.5,2027-07-01=3`` (half-years from their first day, in percent)."""
    from decimal import InvalidOperation

    rates: dict[date, Decimal] = {}
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        day_text, _, rate_text = part.partition("=")
        try:
            day = date.fromisoformat(day_text.strip())
            rate = Decimal(rate_text.strip().replace(",", "."))
        except (ValueError, InvalidOperation):
            day, rate = None, None
        if day is None or rate is None or not rate.is_finite() or not 0 <= rate <= 100:
            raise UsageError(
                t(
                    "expected half-years and rates such as 2027-01-01=2.5,2027-07-01=3, not {text!r}",
                    text=part,
                )
            )
        if day != half_year_of(day):
            raise UsageError(
                t(
                    "a reference rate starts on 1 January or 1 July, not {day}",
                    day=format_date(day, weekday=False),
                )
            )
        rates[day] = rate
    return rates


def rates_text(rates: Iterable[tuple[date, Decimal]]) -> str:
    """The inverse of :func:`parse_reference_rates`."""
    from tyonohjaus_cli.domain.numbers import plain

    return ",".join(f"{day.isoformat()}={plain(rate)}" for day, rate in rates)
