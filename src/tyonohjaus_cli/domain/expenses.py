"""Expenses (kulut): travel and other costs billed with a process's month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Expense:
    """A cost to bill with ``process`` in the month of ``day``; ``amount`` excludes VAT."""

    id: str
    process: str
    day: date
    amount: Decimal
    description: str
    vat_percent: Decimal
    pass_through: bool = False
    """Paid in the client's name and for its account (AVL 78 §): billed without VAT, the
    ground printed on the invoice. Any other cost passed on follows the service's VAT."""

    @property
    def key(self) -> str:
        """The billable item's identity, so it is invoiced once."""
        return f"expense:{self.id}"
