"""An invoice as an A4 PDF (fpdf2), in the buyer's language.

The page carries what the Finnish VAT Act (209 §) asks of an invoice: seller and buyer
with names, addresses and business IDs, invoice date and number, the service, its dates,
quantity and unit price without VAT, discounts, the VAT base, rate and amount per rate
(or the ground for charging none), and then the payment details with the reference, the
virtual barcode as digits and as a Code 128 barcode. Participants are printed only when
the caller passes them; session notes are never an input.

The font is Lato from the ``font-lato`` package, so € and äöå render on any machine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.barcode import virtual_barcode
from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.invoices import Invoice
from tyonohjaus_cli.i18n import format_date, format_money, format_percent, t, tn
from tyonohjaus_cli.render.code128 import bars, code128_modules
from tyonohjaus_cli.render.invoice_text import (
    document_title,
    exemption_text,
    line_description,
    line_quantity,
    line_unit_price,
    reference_text,
    rf_text,
    service_period_text,
)

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "Lato"
MARGIN = 18.0
WIDTH = 210.0 - 2 * MARGIN
LINE = 5.0
PAGE_BOTTOM = 297.0 - 12.0
PAYMENT_TOP = 205.0
# Bank barcode (Pankkiviivakoodi-opas): module at least 0.25 mm, bars 13 mm high or more,
# a quiet zone of at least 6.4 mm on both sides.
MODULE_MM = 0.3
BAR_HEIGHT_MM = 14.0
QUIET_ZONE_MM = 7.0
# Columns of the lines table: date, description, quantity, unit price, VAT, amount.
COLUMNS = (22.0, 68.0, 20.0, 32.0, 15.0, 17.0)


def font_file(style: str) -> str:
    return str(resources.files("font_lato").joinpath(f"files/Lato-{style}.ttf"))


def _iban(iban: str) -> str:
    from stdnum import iban as iban_number

    return str(iban_number.format(iban)) if iban_number.is_valid(iban) else iban


def _day(day: date, lang: str) -> str:
    return format_date(day, lang=lang, weekday=False)


class _Page:
    """Writing helpers over one fpdf2 document, in one language."""

    def __init__(self, pdf: FPDF, lang: str) -> None:
        self.pdf = pdf
        self.lang = lang

    def t(self, text: str, **fields: object) -> str:
        return t(text, lang=self.lang, **fields)

    def tn(self, one: str, many: str, count: int, **fields: object) -> str:
        return tn(one, many, count, lang=self.lang, **fields)

    def money(self, amount: Decimal) -> str:
        return format_money(amount, lang=self.lang)

    def font(self, size: float = 9, *, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        size: float = 9,
        bold: bool = False,
        align: str = "L",
    ) -> float:
        """Write (wrapped) text in a box; return the y below it."""
        self.font(size, bold=bold)
        self.pdf.set_xy(x, y)
        self.pdf.multi_cell(width, LINE, text, align=align)
        return float(self.pdf.get_y())

    def pairs(
        self,
        x: float,
        y: float,
        rows: Sequence[tuple[str, str]],
        label_width: float,
        value_width: float,
    ) -> float:
        for label, value in rows:
            below_label = self.text(x, y, label_width, label, size=8)
            y = max(below_label, self.text(x + label_width, y, value_width, value, size=9))
        return y

    def room(self, y: float, needed: float) -> float:
        """``y``, or the top of a new page when ``needed`` mm do not fit below it."""
        if y + needed <= PAGE_BOTTOM:
            return y
        self.pdf.add_page()
        return MARGIN

    def row(self, y: float, cells: Sequence[str], *, bold: bool = False) -> float:
        """One row of the lines table; the description may wrap."""
        x = MARGIN
        bottom = y
        for index, (width, cell) in enumerate(zip(COLUMNS, cells, strict=True)):
            align = "L" if index < 2 else "R"
            bottom = max(bottom, self.text(x, y, width, cell, size=8.5, bold=bold, align=align))
            x += width
        return bottom + 0.8

    def rule(self, y: float) -> None:
        self.pdf.line(MARGIN, y, MARGIN + WIDTH, y)


def _header(page: _Page, invoice: Invoice) -> float:
    seller = invoice.seller
    y = page.text(MARGIN, MARGIN, 100, seller.name, size=14, bold=True)
    details = [
        seller.address,
        page.t("Business ID {id}", id=seller.business_id) if seller.business_id else "",
    ]
    details += [seller.email, seller.phone]
    y = page.text(MARGIN, y + 1, 100, "\n".join(d for d in details if d), size=9)
    page.text(
        MARGIN + 100,
        MARGIN,
        WIDTH - 100,
        document_title(invoice, page.lang).upper(),
        size=16,
        bold=True,
        align="R",
    )
    return y


def _parties(page: _Page, invoice: Invoice, top: float) -> float:
    buyer = invoice.buyer
    y = page.text(MARGIN, top, 85, page.t("Bill to"), size=8)
    lines = [buyer.name, buyer.address]
    if buyer.business_id:
        lines.append(page.t("Business ID {id}", id=buyer.business_id))
    if buyer.contact:
        lines.append(page.t("Attn. {name}", name=buyer.contact))
    if buyer.einvoice_address:
        lines.append(
            page.t(
                "E-invoice address {address} {operator}",
                address=buyer.einvoice_address,
                operator=buyer.operator,
            ).strip()
        )
    left = page.text(MARGIN, y, 85, "\n".join(line for line in lines if line), size=10)
    credit = invoice.is_credit_note
    rows = [
        (page.t("Credit note number" if credit else "Invoice number"), str(invoice.number)),
        (page.t("Credit note date" if credit else "Invoice date"), _day(invoice.issued, page.lang)),
    ]
    # A credit note asks no payment: no due date, terms or interest.
    if invoice.credit_for is None:
        rows += [
            (page.t("Due date"), _day(invoice.due, page.lang)),
            (
                page.t("Terms of payment"),
                page.tn("{count} day net", "{count} days net", (invoice.due - invoice.issued).days),
            ),
        ]
    rows += [
        (page.t("Reference"), reference_text(invoice)),
        (page.t("RF reference"), rf_text(invoice)),
        (page.t("Service period"), service_period_text(invoice, page.lang)),
    ]
    # The buyer's own references, as the buyer's invoice handling routes by them.
    for label, value in (
        (page.t("Your reference"), invoice.buyer_reference),
        (page.t("Order number"), invoice.order_number),
        (page.t("Framework agreement"), invoice.contract),
    ):
        if value:
            rows.append((label, value))
    if invoice.credit_for is None:
        rows.append((page.t("Late payment interest"), page.t("under the Interest Act")))
    else:
        rows.append((page.t("Credits invoice"), str(invoice.credit_for)))
    right = page.pairs(MARGIN + 95, top, rows, 35, WIDTH - 130)
    return max(left, right) + 6


def _lines(
    page: _Page, invoice: Invoice, top: float, participants: Mapping[str, Sequence[str]]
) -> float:
    lang = page.lang
    headings = [
        page.t("Date"),
        page.t("Description"),
        page.t("Quantity"),
        page.t("Unit price"),
        page.t("VAT"),
        page.t("Amount"),
    ]
    y = page.row(top, headings, bold=True)
    page.rule(y)
    y += 1
    for line in invoice.lines:
        if y > PAGE_BOTTOM - 15:
            page.pdf.add_page()
            y = page.row(MARGIN, headings, bold=True) + 1
        description = line_description(line, lang)
        y = page.row(
            y,
            [
                format_date(line.day, lang=lang, weekday=False),
                description,
                line_quantity(line, lang),
                line_unit_price(line, lang),
                format_percent(line.vat_percent, lang=lang),
                page.money(line.amount),
            ],
        )
    for process, names in participants.items():
        if names:
            y = page.text(
                MARGIN,
                y + 1,
                WIDTH,
                page.t(
                    "Participants ({process}): {names}", process=process, names=", ".join(names)
                ),
                size=8,
            )
    page.rule(y + 1)
    return y + 3


def _totals(page: _Page, invoice: Invoice, top: float) -> float:
    sums = invoice.totals
    x = MARGIN + 80
    rows: list[tuple[str, str]] = []
    if invoice.vat_mode is VatMode.EXEMPT:
        rows.append((page.t("Total without VAT"), page.money(sums.net)))
    else:
        for rate in sums.by_rate:
            percent = format_percent(rate.percent, lang=page.lang)
            rows.append((page.t("VAT base {percent}", percent=percent), page.money(rate.base)))
            rows.append((page.t("VAT {percent}", percent=percent), page.money(rate.vat)))
        rows.append((page.t("Total without VAT"), page.money(sums.net)))
        rows.append((page.t("VAT total"), page.money(sums.vat)))
    y = page.room(top, LINE * (len(rows) + 4))
    for label, value in rows:
        page.text(x, y, 60, label, size=9)
        y = page.text(x + 60, y, WIDTH - 140, value, size=9, align="R")
    label = page.t("Total to pay") if sums.gross > 0 else page.t("Total")
    page.text(x, y + 1, 60, label, size=11, bold=True)
    y = page.text(x + 60, y + 1, WIDTH - 140, page.money(sums.gross), size=11, bold=True, align="R")
    if invoice.vat_mode is VatMode.EXEMPT:
        y = page.text(MARGIN, y + 2, WIDTH, exemption_text(invoice, page.lang), size=9)
    return y + 4


def _payment(page: _Page, invoice: Invoice, top: float, *, refunded: bool) -> None:
    seller = invoice.seller
    gross = invoice.totals.gross
    y = max(top, PAYMENT_TOP)
    page.rule(y)
    rows = [(page.t("Payee"), seller.name), (page.t("IBAN"), _iban(seller.iban))]
    if seller.bic:
        rows.append((page.t("BIC"), seller.bic))
    rows.append((page.t("Reference"), reference_text(invoice)))
    if invoice.credit_for is None:
        rows.append((page.t("Due date"), _day(invoice.due, page.lang)))
    rows.append((page.t("Amount"), page.money(gross)))
    y = page.pairs(MARGIN, y + 3, rows, 30, 80)
    if invoice.credit_for is not None:
        # Paid already, the credit is money back; unpaid, it takes the invoice's amount off.
        note = (
            page.t(
                "Nothing to pay: invoice {n} was paid, so the credit of {amount} is refunded "
                "to your account.",
                n=invoice.credit_for,
                amount=page.money(abs(gross)),
            )
            if refunded
            else page.t(
                "Nothing to pay: this credit note is settled against invoice {n}.",
                n=invoice.credit_for,
            )
        )
        page.text(MARGIN, y + 3, WIDTH, note, size=9)
        return
    if gross <= 0:
        page.text(MARGIN, y + 3, WIDTH, page.t("Nothing to pay."), size=9)
        return
    try:
        digits = virtual_barcode(seller.iban, gross, invoice.reference, invoice.due)
    except ValueError:
        return  # a foreign or damaged IBAN has no Finnish bank barcode; the details above stand
    y = page.text(MARGIN, y + 3, WIDTH, page.t("Virtual barcode"), size=8)
    y = page.text(MARGIN, y, WIDTH, digits, size=9)
    modules = code128_modules(digits)
    x0 = MARGIN + QUIET_ZONE_MM
    for start, width in bars(modules):
        page.pdf.rect(x0 + start * MODULE_MM, y + 2, width * MODULE_MM, BAR_HEIGHT_MM, style="F")


def invoice_pdf(
    invoice: Invoice,
    *,
    participants: Mapping[str, Sequence[str]] | None = None,
    refunded: bool = False,
) -> bytes:
    """The invoice as PDF bytes; ``participants`` (process id → names) only when asked.

    ``refunded``: for a credit note, the credited invoice was paid, so the credit is paid back
    rather than taken off what is owed.
    """
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font(FONT, "", font_file("Regular"))
    pdf.add_font(FONT, "B", font_file("Bold"))
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    # Reproducible output: dated by the invoice, not the clock.
    pdf.set_creation_date(datetime.combine(invoice.issued, time(12), tzinfo=UTC))
    page = _Page(pdf, invoice.language)
    title = f"{document_title(invoice, invoice.language)} {invoice.number}"
    pdf.set_title(title)
    pdf.set_author(invoice.seller.name)
    pdf.set_creator("tyo")
    pdf.add_page()
    y = _header(page, invoice)
    y = _parties(page, invoice, max(y, 50.0) + 4)
    y = _lines(page, invoice, y, participants or {})
    y = _totals(page, invoice, y)
    # The payment part sits at the foot of a page, where a bank slip would be.
    _payment(page, invoice, y if y <= PAYMENT_TOP else page.room(y, PAGE_BOTTOM), refunded=refunded)
    _page_numbers(page, title)
    return bytes(pdf.output())


def _page_numbers(page: _Page, title: str) -> None:
    """``Lasku 1000 · 1/2`` at the foot of every page of a longer invoice."""
    count = page.pdf.pages_count
    if count < 2:
        return
    for number in range(1, count + 1):
        page.pdf.page = number
        page.text(MARGIN, PAGE_BOTTOM + 3, WIDTH, f"{title} · {number}/{count}", size=8, align="R")
