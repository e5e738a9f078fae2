"""The words and figures of an invoice in the buyer's language (fi, sv or en).

Shared by the PDF and the command line, so both say the same thing. Nothing here reads a
session note or a participant: an invoice line knows only its process's title.
"""

from __future__ import annotations

from decimal import Decimal

from tyonohjaus_cli.domain.invoices import Invoice, InvoiceLine, LineKind
from tyonohjaus_cli.domain.references import format_finnish_reference, format_rf_reference
from tyonohjaus_cli.i18n import format_date, format_money, format_percent, t


def document_title(invoice: Invoice, lang: str) -> str:
    return t("Credit note", lang=lang) if invoice.is_credit_note else t("Invoice", lang=lang)


def line_description(line: InvoiceLine, lang: str) -> str:
    """What a line bills, e.g. ``Work supervision: Hoitajat`` or ``Discount 10 %``."""
    match line.kind:
        case LineKind.MEETING:
            return t("Work supervision: {title}", lang=lang, title=line.title)
        case LineKind.LATE_CANCELLATION:
            return t(
                "Late cancellation ({percent} charged): {title}",
                lang=lang,
                title=line.title,
                percent=format_percent(
                    Decimal(100) if line.percent is None else line.percent, lang=lang
                ),
            )
        case LineKind.NO_SHOW:
            return t(
                "Missed meeting ({percent} charged): {title}",
                lang=lang,
                title=line.title,
                percent=format_percent(
                    Decimal(100) if line.percent is None else line.percent, lang=lang
                ),
            )
        case LineKind.FIRST_FREE:
            # Time-priced, the first unit is free; at a price per meeting, the whole meeting.
            return (
                t("First unit free", lang=lang)
                if line.unit_minutes is not None
                else t("First meeting free", lang=lang)
            )
        case LineKind.DISCOUNT:
            return t(
                "Discount {percent}",
                lang=lang,
                percent=format_percent(line.percent or Decimal(0), lang=lang),
            )
        case LineKind.EXPENSE:
            return (
                t("{title} (pass-through item, no VAT: VAT Act 78 §)", lang=lang, title=line.title)
                if line.pass_through
                else line.title
            )
    raise AssertionError(line.kind)  # pragma: no cover - every kind is matched above


def line_quantity(line: InvoiceLine, lang: str) -> str:
    """``90 min`` for time, ``10 %`` for a discount, ``1`` for a meeting price or expense."""
    if line.kind is LineKind.DISCOUNT:
        return format_percent(line.percent or Decimal(0), lang=lang)
    if line.minutes is not None and line.unit_minutes is not None:
        return f"{line.minutes} min"
    return "1"


def line_unit_price(line: InvoiceLine, lang: str) -> str:
    """The price without VAT the quantity is taken of: ``95,00 € / 45 min`` for time."""
    price = format_money(line.unit_price, lang=lang)
    if line.unit_minutes is not None and line.kind is not LineKind.DISCOUNT:
        return f"{price} / {line.unit_minutes} min"
    return price


def service_period_text(invoice: Invoice, lang: str) -> str:
    """``2.2.2027–16.2.2027``, or the day once when the service took one day."""
    first, last = invoice.service_period
    days = (first,) if first == last else (first, last)
    return "–".join(format_date(day, lang=lang, weekday=False) for day in days)


def reference_text(invoice: Invoice) -> str:
    return format_finnish_reference(invoice.reference)


def rf_text(invoice: Invoice) -> str:
    return format_rf_reference(invoice.rf_reference)


def exemption_text(invoice: Invoice, lang: str) -> str:
    """Why no VAT is charged, as the VAT Act asks an exempt seller to say."""
    from tyonohjaus_cli.domain.vat import exemption_ground

    ground = exemption_ground(invoice.vat_exempt_ground, lang)
    return t("No VAT charged: {ground}", lang=lang, ground=ground)
