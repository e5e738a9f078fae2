"""Invoices (laskut) and their lines: what was billed, frozen at issue.

An invoice keeps copies of the seller's and the buyer's details as they were when it was
issued, so a later edit of a client changes no issued invoice. Lines carry numbers only
(kind, minutes, prices); their wording is chosen when the invoice is shown, in the
buyer's language. A correction is a credit note: the original's lines negated, with a
number and reference of its own, referring to the original.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.invoice_status import InvoiceStatus, status
from tyonohjaus_cli.domain.models import Client
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.references import finnish_reference, rf_reference
from tyonohjaus_cli.domain.settings import Supervisor
from tyonohjaus_cli.domain.sums import Totals, of_bases
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

PUBLIC_BODY_MAX_PAYMENT_DAYS = 30
"""Public bodies pay within 30 days at most (Act on Payment Terms, 8 §)."""

FIRST_INVOICE_NUMBER = 1000
"""Invoice numbers start here so that every reference base has the 3 digits it needs."""


class LineKind(StrEnum):
    """What a line bills (or takes off)."""

    MEETING = "meeting"
    LATE_CANCELLATION = "late-cancellation"
    NO_SHOW = "no-show"
    EXPENSE = "expense"
    FIRST_FREE = "first-free"
    DISCOUNT = "discount"

    @property
    def is_discount(self) -> bool:
        return self in (LineKind.FIRST_FREE, LineKind.DISCOUNT)


@dataclass(frozen=True)
class InvoiceLine:
    """One line: a billable item, or a discount on the item with the same ``item`` key.

    ``minutes`` and ``unit_minutes`` give the quantity of time-priced lines (minutes at a
    price per unit of ``unit_minutes``); a meeting price or an expense has neither and a
    quantity of one. ``percent`` is the cancellation charge or the client's discount.
    """

    item: str
    kind: LineKind
    day: date
    process: str
    title: str
    unit_price: Decimal
    amount: Decimal
    vat_percent: Decimal
    minutes: int | None = None
    unit_minutes: int | None = None
    percent: Decimal | None = None
    pass_through: bool = False
    """An expense paid in the buyer's name and for its account: no VAT (AVL 78 §)."""

    @property
    def units(self) -> Decimal:
        """Units of time billed (e.g. 2 for 90 minutes at 45), or 1 per meeting or expense."""
        if self.minutes is None or self.unit_minutes is None:
            return Decimal(1)
        return Decimal(self.minutes) / Decimal(self.unit_minutes)

    def negated(self) -> InvoiceLine:
        return replace(self, amount=-self.amount if self.amount else self.amount)


def totals(lines: tuple[InvoiceLine, ...] | list[InvoiceLine]) -> Totals:
    """Bases per VAT rate; the VAT of each rate computed on its total and rounded half up."""
    bases: dict[Decimal, Decimal] = defaultdict(Decimal)
    for line in lines:
        bases[line.vat_percent] += line.amount
    return of_bases(bases)


def due_date(issued: date, client: Client) -> date:
    """The client's payment days from the invoice date; at most 30 for a public body."""
    days = client.payment_days
    if client.public_body:
        days = min(days, PUBLIC_BODY_MAX_PAYMENT_DAYS)
    return issued + timedelta(days=days)


@dataclass(frozen=True)
class Invoice:
    """An issued invoice (or credit note, when ``credit_for`` names the original)."""

    number: int
    issued: date
    due: date
    month: Month
    seller: Supervisor
    buyer: Client
    lines: tuple[InvoiceLine, ...]
    vat_mode: VatMode = VatMode.STANDARD
    vat_exempt_ground: str = ""
    credit_for: int | None = None
    paid: date | None = None
    buyer_reference: str = ""
    """The client's buyer reference as it was at issue (BT-10)."""
    order_number: str = ""
    """The buyer's order number of the processes billed, as at issue (BT-13)."""
    contract: str = ""
    """The framework agreement's id of the processes billed, as at issue (BT-12)."""

    @property
    def language(self) -> str:
        return self.buyer.language

    @property
    def reference(self) -> str:
        """The Finnish reference from the invoice number (7-3-1)."""
        return finnish_reference(self.number)

    @property
    def rf_reference(self) -> str:
        return rf_reference(self.reference)

    @property
    def totals(self) -> Totals:
        return totals(self.lines)

    @property
    def items(self) -> frozenset[str]:
        """The billable items this invoice covers."""
        return frozenset(line.item for line in self.lines)

    @property
    def is_credit_note(self) -> bool:
        return self.credit_for is not None

    @property
    def service_period(self) -> tuple[date, date]:
        days = [line.day for line in self.lines]
        return min(days), max(days)


def credit_note(original: Invoice, number: int, issued: date) -> Invoice:
    """A credit note that cancels ``original`` in full: its lines negated, due at once."""
    return replace(
        original,
        number=number,
        issued=issued,
        due=issued,
        lines=tuple(line.negated() for line in original.lines),
        credit_for=original.number,
        paid=None,
    )


def invoiced_items(invoices: Iterable[Invoice]) -> dict[str, int]:
    """Billable item → the invoice it is on. A credited invoice frees its items again,
    so that a corrected invoice can bill them once more."""
    return {
        item: invoice.number for invoice in current_invoices(invoices) for item in invoice.items
    }


def next_invoice_number(invoices: list[Invoice] | tuple[Invoice, ...]) -> int:
    """One sequence for invoices and credit notes, without gaps."""
    return max((invoice.number for invoice in invoices), default=FIRST_INVOICE_NUMBER - 1) + 1


@dataclass(frozen=True)
class Billed:
    """An item as an invoice bills it: the invoice's own lines, whatever changed since
    (prices, discounts, VAT mode, the client's name), and whom it was billed to."""

    number: int
    client: str
    buyer: str
    lines: tuple[InvoiceLine, ...]

    @property
    def day(self) -> date:
        return self.lines[0].day


def current_invoices(invoices: Iterable[Invoice]) -> list[Invoice]:
    """The invoices in force, by number: not credit notes, not credited."""
    every = list(invoices)
    credited = credited_numbers(every)
    return sorted(
        (i for i in every if not i.is_credit_note and i.number not in credited),
        key=lambda invoice: invoice.number,
    )


def billed_items(invoices: Iterable[Invoice]) -> dict[str, Billed]:
    """Billable item → its lines on the invoice in force that bills it (a credited invoice
    frees its items again, so that a corrected invoice can bill them once more)."""
    result: dict[str, Billed] = {}
    for invoice in current_invoices(invoices):
        by_item: dict[str, list[InvoiceLine]] = defaultdict(list)
        for line in invoice.lines:
            by_item[line.item].append(line)
        for item, lines in by_item.items():
            result[item] = Billed(
                invoice.number, invoice.buyer.id, invoice.buyer.name, tuple(lines)
            )
    return result


# --- an invoice's status and what may be done to it --------------------------------------


def credited_numbers(invoices: Iterable[Invoice]) -> set[int]:
    """The numbers of the invoices a credit note credits."""
    return {invoice.credit_for for invoice in invoices if invoice.credit_for is not None}


def invoice_status(invoice: Invoice, today: date, credited: Collection[int]) -> InvoiceStatus:
    """An invoice's status on ``today`` (see :func:`domain.invoice_status.status`)."""
    return status(
        credit_note=invoice.is_credit_note,
        credited=invoice.number in credited,
        paid=invoice.paid is not None,
        due=invoice.due,
        today=today,
    )


def check_payment(invoice: Invoice, day: date, *, day_given: bool) -> None:
    """Refuse marking ``invoice`` paid on ``day`` when that can't be: a credit note asks no
    payment, a payment is marked once, and never before the invoice's date."""
    if invoice.is_credit_note:
        raise UsageError(t("{n} is a credit note: there is nothing to pay", n=invoice.number))
    if invoice.paid is not None:
        raise UsageError(
            t(
                "invoice {n} is marked paid already, on {day}",
                n=invoice.number,
                day=format_date(invoice.paid, weekday=False),
            )
        )
    if day < invoice.issued:
        raise UsageError(
            t(
                "--on {day} is before the invoice's date ({issued}): give the day it was paid",
                day=format_date(day, weekday=False),
                issued=format_date(invoice.issued, weekday=False),
            )
            if day_given
            else t(
                "the payment day {day} is before the invoice's date ({issued}); give --on",
                day=format_date(day, weekday=False),
                issued=format_date(invoice.issued, weekday=False),
            )
        )


def check_credit(
    original: Invoice, every: Iterable[Invoice], day: date, *, day_given: bool
) -> None:
    """Refuse crediting ``original`` on ``day`` when that can't be: a credit note is not
    credited, an invoice is credited once, and a credit note is dated on or after it."""
    number = original.number
    if original.is_credit_note:
        raise UsageError(t("{n} is a credit note itself; credit notes are not credited", n=number))
    earlier = next((inv.number for inv in every if inv.credit_for == number), None)
    if earlier is not None:
        raise UsageError(
            t("invoice {n} is credited already, by credit note {credit}", n=number, credit=earlier)
        )
    if day < original.issued:
        raise UsageError(
            t(
                "--date {day} is before the invoice's date ({issued}): a credit note is dated "
                "on or after the invoice it credits",
                day=format_date(day, weekday=False),
                issued=format_date(original.issued, weekday=False),
            )
            if day_given
            else t(
                "the credit note's date {day} is before the invoice's ({issued}); give --date",
                day=format_date(day, weekday=False),
                issued=format_date(original.issued, weekday=False),
            )
        )
