"""A payment reminder (maksumuistutus) for an overdue invoice, and the record kept of it.

Pure. The reminder repeats the original invoice (number, date, due date, amount,
reference), says how many days it is overdue, shows the late interest of the Interest Act
(:mod:`interest`) without adding it unless asked, and adds the €40 recovery compensation
for a business buyer when asked. It asks payment within 14 days of its date, the least
the Debt Collection Act (513/1999, 5 §) allows a consumer, with a virtual barcode of the
amount to pay. Nothing from the session log is an input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tyonohjaus_cli.domain.barcode import virtual_barcode
from tyonohjaus_cli.domain.interest import RECOVERY_COMPENSATION, LateInterest, late_interest
from tyonohjaus_cli.domain.invoices import Invoice
from tyonohjaus_cli.domain.references import format_finnish_reference, format_rf_reference
from tyonohjaus_cli.domain.settings import Settings
from tyonohjaus_cli.domain.writers import Writer
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_money, format_number, format_percent, t, tn

PAYMENT_DAYS = 14
"""A reminder asks payment within 14 days of its date."""


@dataclass(frozen=True)
class Sent:
    """A reminder sent for an invoice, as recorded on it (``invoices/reminders.json``)."""

    day: date
    days_overdue: int
    interest: Decimal
    interest_added: bool = False
    compensation: Decimal = Decimal(0)


@dataclass(frozen=True)
class Reminder:
    """What a reminder says, before it is put into words."""

    invoice: Invoice
    day: date
    interest: LateInterest
    add_interest: bool
    compensation: Decimal
    earlier: tuple[Sent, ...] = ()

    @property
    def due(self) -> date:
        return self.day + timedelta(days=PAYMENT_DAYS)

    @property
    def to_pay(self) -> Decimal:
        added = self.interest.interest if self.add_interest else Decimal(0)
        return self.invoice.totals.gross + added + self.compensation

    @property
    def record(self) -> Sent:
        return Sent(
            self.day,
            self.interest.days,
            self.interest.interest,
            self.add_interest,
            self.compensation,
        )


def is_business(invoice: Invoice) -> bool:
    """A buyer with a business ID, or a public body: the commercial rate and the €40 apply."""
    return bool(invoice.buyer.business_id) or invoice.buyer.public_body


def remind(
    invoice: Invoice,
    settings: Settings,
    day: date,
    *,
    credited: bool,
    add_interest: bool,
    compensation: bool,
    earlier: tuple[Sent, ...] = (),
) -> Reminder:
    """The reminder of ``invoice`` dated ``day``; refused for what is not overdue."""
    n = invoice.number
    if invoice.is_credit_note:
        raise UsageError(t("{n} is a credit note: it asks no payment", n=n))
    if credited:
        raise UsageError(t("invoice {n} is credited: nothing is owed on it", n=n))
    if invoice.paid is not None:
        raise UsageError(
            t("invoice {n} was paid on {day}", n=n, day=format_date(invoice.paid, weekday=False))
        )
    if invoice.due >= day:
        raise UsageError(
            t(
                "invoice {n} is not overdue: it is due on {due}",
                n=n,
                due=format_date(invoice.due, weekday=False),
            )
        )
    if compensation and not is_business(invoice):
        raise UsageError(
            t(
                "the €40 recovery compensation is for business buyers only, and {client} "
                "has no business ID",
                client=invoice.buyer.id,
            )
        )
    interest = late_interest(
        invoice.totals.gross,
        invoice.due,
        day,
        business=is_business(invoice),
        overrides=dict(settings.reference_rates),
    )
    return Reminder(
        invoice=invoice,
        day=day,
        interest=interest,
        add_interest=add_interest,
        compensation=RECOVERY_COMPENSATION if compensation else Decimal(0),
        earlier=earlier,
    )


def _money(amount: Decimal, lang: str) -> str:
    return format_money(amount, lang=lang)


def _day(day: date, lang: str) -> str:
    return format_date(day, lang=lang, weekday=False)


def _rate_text(reminder: Reminder, lang: str) -> str:
    periods = reminder.interest.periods
    margin = periods[0].rate - periods[0].reference if periods else Decimal(0)
    return t(
        "{rate} a year (the reference rate {reference} + {margin} points)",
        lang=lang,
        rate=" / ".join(dict.fromkeys(format_percent(p.rate, lang=lang) for p in periods)),
        reference=" / ".join(
            dict.fromkeys(format_percent(p.reference, lang=lang) for p in periods)
        ),
        margin=format_number(margin, lang=lang),
    )


def write_reminder(out: Writer, reminder: Reminder, lang: str) -> None:
    """The reminder into ``out`` (Markdown or a PDF page)."""
    invoice = reminder.invoice
    seller, buyer = invoice.seller, invoice.buyer
    out.title(t("Payment reminder", lang=lang), _day(reminder.day, lang))
    out.facts(
        [
            (t("To", lang=lang), "\n".join(p for p in (buyer.name, buyer.address) if p)),
            (t("Attn.", lang=lang), buyer.contact),
        ]
    )
    out.paragraph(
        t(
            "According to our records the invoice below is still unpaid. Please pay it by the "
            "due date of this reminder; if you have paid it already, please ignore this "
            "reminder.",
            lang=lang,
        )
    )
    out.heading(t("The invoice", lang=lang))
    out.facts(
        [
            (t("Invoice number", lang=lang), str(invoice.number)),
            (t("Invoice date", lang=lang), _day(invoice.issued, lang)),
            (t("Due date", lang=lang), _day(invoice.due, lang)),
            (t("Amount", lang=lang), _money(invoice.totals.gross, lang)),
            (t("Reference", lang=lang), format_finnish_reference(invoice.reference)),
            (t("RF reference", lang=lang), format_rf_reference(invoice.rf_reference)),
            (
                t("Overdue", lang=lang),
                tn("{count} day", "{count} days", reminder.interest.days, lang=lang),
            ),
            (
                t("Reminders before", lang=lang),
                ", ".join(_day(sent.day, lang) for sent in reminder.earlier),
            ),
        ]
    )
    out.heading(t("Late payment interest", lang=lang))
    out.facts(
        [
            (t("Rate under the Interest Act", lang=lang), _rate_text(reminder, lang)),
            (
                tn(
                    "Interest for {count} day",
                    "Interest for {count} days",
                    reminder.interest.days,
                    lang=lang,
                ),
                _money(reminder.interest.interest, lang),
            ),
        ]
    )
    out.paragraph(
        t(
            "The late payment interest is included in the amount to pay below.",
            lang=lang,
        )
        if reminder.add_interest
        else t(
            "The late payment interest is shown for your information; it is not included in "
            "the amount to pay below.",
            lang=lang,
        )
    )
    if reminder.compensation:
        out.facts(
            [
                (
                    t("Recovery compensation", lang=lang),
                    t(
                        "{amount} (Act on Payment Terms in Commercial Contracts, 10 a §)",
                        lang=lang,
                        amount=_money(reminder.compensation, lang),
                    ),
                )
            ]
        )
    out.heading(t("Payment", lang=lang))
    out.facts(
        [
            (t("Payee", lang=lang), seller.name),
            (t("IBAN", lang=lang), seller.iban),
            (t("BIC", lang=lang), seller.bic),
            (t("Reference", lang=lang), format_finnish_reference(invoice.reference)),
            (t("Due date", lang=lang), _day(reminder.due, lang)),
            (t("Amount to pay", lang=lang), _money(reminder.to_pay, lang)),
        ]
    )
    try:
        digits = virtual_barcode(seller.iban, reminder.to_pay, invoice.reference, reminder.due)
    except ValueError:
        digits = ""  # a foreign IBAN has no Finnish bank barcode; the details above stand
    if digits:
        out.facts([(t("Virtual barcode", lang=lang), digits)])
        out.barcode(digits)
    out.signature([seller.name, seller.email, seller.phone])
