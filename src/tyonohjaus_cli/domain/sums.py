"""The sums of invoice lines: the VAT base and VAT per rate, net, VAT and gross.

Apart from the lines themselves (domain/invoices.py), so that a view showing kept sums
imports nothing else of the invoices.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from tyonohjaus_cli.domain.vat import vat_amount


class VatTotal(NamedTuple):
    """The VAT base and the VAT at one rate."""

    percent: Decimal
    base: Decimal
    vat: Decimal


class Totals(NamedTuple):
    by_rate: tuple[VatTotal, ...]
    net: Decimal
    vat: Decimal

    @property
    def gross(self) -> Decimal:
        return self.net + self.vat


def of_bases(bases: Mapping[Decimal, Decimal]) -> Totals:
    """The totals of VAT bases by rate; the VAT of each rate computed on its total and
    rounded half up."""
    by_rate = tuple(
        VatTotal(percent, base, vat_amount(base, percent))
        for percent, base in sorted(bases.items(), reverse=True)
    )
    return Totals(
        by_rate,
        sum((rate.base for rate in by_rate), Decimal(0)),
        sum((rate.vat for rate in by_rate), Decimal(0)),
    )
