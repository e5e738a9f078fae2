"""A year's turnover (without VAT) by month and by client, and the VAT threshold check.

A VAT-exempt supervisor must register for VAT once the year's turnover goes over the
small-business threshold (AVL 3 §, :func:`domain.vat.small_business_threshold`). The
turnover counts every billed item of the year: invoiced ones as their invoices bill them,
a forgotten client's kept invoices too (under :data:`domain.billing.FORGOTTEN`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.vat import small_business_threshold

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.billing import Bill

FORGOTTEN_CLIENTS = ""
"""The id the forgotten clients' kept invoices count under: that of
:data:`domain.billing.FORGOTTEN` (not imported here: the year's view needs no bill)."""


class YearTurnover(NamedTuple):
    year: int
    months: tuple[tuple[Month, Decimal], ...]
    clients: tuple[tuple[str, Decimal], ...]
    """By client id; the forgotten clients' together under ``""``, last."""
    threshold: Decimal | None = None
    """The small-business threshold, when VAT-exempt (else there is nothing to check)."""

    @property
    def net(self) -> Decimal:
        return sum((net for _, net in self.months), Decimal(0))

    @property
    def over_threshold(self) -> bool | None:
        return None if self.threshold is None else self.net > self.threshold

    @property
    def below_by(self) -> Decimal | None:
        return None if self.threshold is None else self.threshold - self.net


def year_turnover(year: int, bills: Sequence[Sequence[Bill]], vat: VatMode) -> YearTurnover:
    """The turnover of ``year`` from its twelve months' bills (January first)."""
    months = tuple(Month(year, number) for number in range(1, 13))
    nets: dict[tuple[str, Month], Decimal] = {}
    for month, month_bills in zip(months, bills, strict=True):
        for bill in month_bills:
            key = (bill.client.id, month)
            nets[key] = nets.get(key, Decimal(0)) + bill.totals.net
    return turnover_of(year, nets, vat)


def turnover_of(year: int, nets: Mapping[tuple[str, Month], Decimal], vat: VatMode) -> YearTurnover:
    """The turnover of ``year`` from the net of each client's bill of each month (by client
    id and month; a client with no bill in a month has no entry for it, one whose bill
    comes to nothing has zero)."""
    months = tuple(Month(year, number) for number in range(1, 13))
    per_client: dict[str, Decimal] = {}
    per_month = dict.fromkeys(months, Decimal(0))
    for (client, month), net in nets.items():
        if month in per_month:
            per_month[month] += net
            per_client[client] = per_client.get(client, Decimal(0)) + net
    return YearTurnover(
        year=year,
        months=tuple(per_month.items()),
        clients=tuple(
            sorted(per_client.items(), key=lambda row: (row[0] == FORGOTTEN_CLIENTS, row[0]))
        ),
        threshold=small_business_threshold(year) if vat is VatMode.EXEMPT else None,
    )
