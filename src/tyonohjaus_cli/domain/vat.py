"""Finnish VAT (ALV): the general rate by the date the service was given.

The rate follows the service date, not the invoice date: a meeting on 2024-08-30 bills
24 % even when invoiced in September. Supervision is a standard-rated service; the reduced
rates (14 %, 10 %) never apply to it, so only the general rate is tabled here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_number, t

CENT = Decimal("0.01")


@dataclass(frozen=True)
class VatPeriod:
    """The general VAT rate in force from ``since`` until the next period starts."""

    since: date
    percent: Decimal


GENERAL_RATES: tuple[VatPeriod, ...] = (
    VatPeriod(date(2010, 7, 1), Decimal("23")),
    VatPeriod(date(2013, 1, 1), Decimal("24")),
    VatPeriod(date(2024, 9, 1), Decimal("25.5")),
)
"""Oldest first; the last period is open-ended."""


def vat_rate(service_date: date, periods: tuple[VatPeriod, ...] = GENERAL_RATES) -> Decimal:
    """The general VAT percent in force on ``service_date``."""
    rate: Decimal | None = None
    for period in periods:
        if period.since <= service_date:
            rate = period.percent
    if rate is None:
        raise UsageError(
            t(
                "no VAT rate is known for {day} (the table starts on {first})",
                day=service_date.isoformat(),
                first=periods[0].since.isoformat(),
            )
        )
    return rate


def expense_vat(day: date, percent: Decimal) -> Decimal:
    """``percent`` as an expense's VAT on ``day``: the general rate in force that day, or 0.

    A cost billed on to the client (travel, a room) follows the VAT of the service it is
    part of, so no other rate can be right; 0 is for a cost billed without VAT.
    """
    if percent == 0:
        return Decimal(0)
    rate = vat_rate(day)
    if percent != rate:
        raise UsageError(
            t(
                "--vat {percent} % is not the VAT rate on {day}: an expense bills the general "
                "rate in force that day, {rate} %, or 0",
                percent=format_number(percent),
                day=format_date(day, weekday=False),
                rate=format_number(rate),
            )
        )
    return rate


def round_cents(amount: Decimal) -> Decimal:
    """To the cent, half away from zero (so a credit note mirrors its invoice exactly).

    Never "-0.00": a credit note's 0 % VAT (a negative base times zero) is plain zero.
    """
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    return rounded if rounded else abs(rounded)


def vat_amount(base: Decimal, percent: Decimal) -> Decimal:
    """VAT on ``base`` at ``percent``, rounded half up to the cent."""
    return round_cents(base * percent / 100)


SMALL_BUSINESS_THRESHOLDS: tuple[tuple[int, Decimal], ...] = (
    (2016, Decimal(10000)),
    (2021, Decimal(15000)),
    (2025, Decimal(20000)),
)
"""VAT Act 3 §: turnover a calendar year under which a business need not register for VAT,
from the year given on."""


def small_business_threshold(year: int) -> Decimal:
    """The small-business threshold in force for ``year`` (the oldest one before 2016)."""
    limit = SMALL_BUSINESS_THRESHOLDS[0][1]
    for since, amount in SMALL_BUSINESS_THRESHOLDS:
        if since <= year:
            limit = amount
    return limit
