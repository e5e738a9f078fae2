"""Where an issued invoice stands: a rule of its own, light to import, for ``tyo invoice list``
(which works from the invoice index's heads, not from whole invoices)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class InvoiceStatus(StrEnum):
    """Where an invoice stands (the words of ``tyo invoice list``)."""

    CREDIT_NOTE = "credit-note"
    CREDITED = "credited"
    PAID = "paid"
    OVERDUE = "overdue"
    OPEN = "open"


INVOICE_STATUS_WORDS = {
    InvoiceStatus.CREDIT_NOTE: "credit-note",
    InvoiceStatus.CREDITED: "credited",
    InvoiceStatus.PAID: "paid",
    InvoiceStatus.OVERDUE: "overdue",
    InvoiceStatus.OPEN: "open",
}
"""What each status is called when shown (message ids); ``--json`` keeps the codes."""


def status(
    *, credit_note: bool, credited: bool, paid: bool, due: date, today: date
) -> InvoiceStatus:
    """A credit note is one; a credited invoice is credited (paid or not); else paid, or
    overdue once its due date has passed, or open."""
    if credit_note:
        return InvoiceStatus.CREDIT_NOTE
    if credited:
        return InvoiceStatus.CREDITED
    if paid:
        return InvoiceStatus.PAID
    return InvoiceStatus.OVERDUE if due < today else InvoiceStatus.OPEN
