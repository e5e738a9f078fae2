"""Finnish VAT (ALV): the general rate by the date the service was given.

The rate follows the service date, not the invoice date: a meeting on 2024-08-30 bills
24 % even when invoiced in September. Supervision is a standard-rated service; the reduced
rates (14 %, 10 %) never apply to it, so only the general rate is tabled here.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_number, format_percent, t

CENT = Decimal("0.01")


class VatPeriod(NamedTuple):
    """The general VAT rate in force from ``since`` until the next period starts."""

    since: date
    percent: Decimal


GENERAL_RATES: tuple[VatPeriod, ...] = (
    VatPeriod(date(1994, 6, 1), Decimal("22")),  # VAT replaced the sales tax on 1 June 1994
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
                day=format_date(service_date, weekday=False),
                first=format_date(periods[0].since, weekday=False),
            )
        )
    return rate


def expense_vat(
    day: date, percent: Decimal | None, *, exempt: bool, pass_through: bool = False
) -> Decimal:
    """An expense's VAT on ``day`` (``percent`` as asked, ``None`` when not).

    A cost passed on with the service (travel, a room) is part of the service's price and
    takes its VAT (AVL 73 §): the general rate in force that day, or none when the
    supervisor is VAT-exempt. Only a cost paid in the client's name and for its account is
    billed without VAT (a pass-through item, AVL 78 §), and the invoice says so.
    """
    asked = percent is not None and percent != 0
    if exempt:
        if asked:
            raise UsageError(
                t(
                    "you are VAT-exempt, so an expense bills no VAT either, as the service; "
                    "leave out --vat (or `tyo settings set vat 25.5` if you registered for VAT)"
                )
            )
        return Decimal(0)
    if pass_through:
        if asked:
            raise UsageError(
                t("--pass-through bills no VAT (AVL 78 §): leave out --vat, or --pass-through")
            )
        return Decimal(0)
    rate = vat_rate(day)
    if percent is None or percent == rate:
        return rate
    if percent == 0:
        raise UsageError(
            t(
                "--vat 0: an expense passed on with the service bills the service's VAT, "
                "{rate} on {day} (AVL 73 §); a cost paid in the client's name and for its "
                "account is billed without VAT with --pass-through (AVL 78 §)",
                day=format_date(day, weekday=False),
                rate=format_percent(rate),
            )
        )
    raise UsageError(
        t(
            "--vat {given} is not the VAT rate on {day}: an expense bills the service's "
            "rate in force that day, {rate} (AVL 73 §)",
            given=format_number(percent),
            day=format_date(day, weekday=False),
            rate=format_percent(rate),
        )
    )


EXEMPTION_GROUNDS = ("small-business", "health-care", "social-welfare", "education")
"""Grounds for selling without VAT that an invoice names in the buyer's language (the
setting ``vat_exempt_ground`` holds the code; other words are printed as written)."""

_GROUNDS_WRITTEN_BEFORE = {"AVL 3 § (vähäinen liiketoiminta)": "small-business"}
"""What ``tyo init --vat exempt`` wrote as the ground before it wrote the code: in Finnish,
and so printed in Finnish on every invoice, whatever the client's language."""


def stored_ground(ground: str) -> str:
    """The ground as the settings keep it: the code for words tyo itself once wrote there."""
    return _GROUNDS_WRITTEN_BEFORE.get(ground.strip(), ground)


def exemption_ground(ground: str, lang: str) -> str:
    """The words of a VAT exemption's ground in ``lang`` (no ground: a small business)."""
    match ground or "small-business":
        case "small-business":
            return t("small business exempt from VAT (Finnish VAT Act, section 3)", lang=lang)
        case "health-care":
            return t("health care service exempt from VAT (Finnish VAT Act, section 34)", lang=lang)
        case "social-welfare":
            return t(
                "social welfare service exempt from VAT (Finnish VAT Act, section 37)", lang=lang
            )
        case "education":
            return t("education service exempt from VAT (Finnish VAT Act, section 39)", lang=lang)
    return ground


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
