"""``tyo invoice``: issue, list, show, print, mark paid and credit invoices.

An issued invoice never changes. A correction is a credit note (``tyo invoice credit``)
that frees the original's items, which the next ``tyo invoice create`` bills again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tyonohjaus_cli.cli import complete, machine, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.domain import file_names
from tyonohjaus_cli.domain.enums import EinvoiceFormat
from tyonohjaus_cli.domain.invoice_status import INVOICE_STATUS_WORDS
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import (
    format_date,
    format_money,
    format_number,
    format_percent,
    language,
    t,
    tn,
)
from tyonohjaus_cli.i18n.months import month_words
from tyonohjaus_cli.storage import invoices as invoice_store

# The invoices' domain (dataclasses, billing) is imported by the commands that read or issue
# whole invoices: `tyo invoice list` works from the invoice index's heads alone.
if TYPE_CHECKING:
    from tyonohjaus_cli.domain.invoices import Invoice
    from tyonohjaus_cli.domain.models import Client
    from tyonohjaus_cli.domain.reminder import Sent
    from tyonohjaus_cli.domain.settings import Supervisor
    from tyonohjaus_cli.storage.store import Store

app = group(t("Issue invoices and credit notes, print them, and mark them paid."))

NumberArgument = Annotated[
    int,
    typer.Argument(
        metavar="N",
        help=t("The invoice's number (see `tyo invoice list`)."),
        parser=params.count,
        autocompletion=complete.invoice_numbers,
    ),
]


def _row(invoice: Invoice, today: date, credited: set[int]) -> dict[str, Any]:
    from tyonohjaus_cli.domain.invoices import invoice_status

    sums = invoice.totals
    return {
        "number": invoice.number,
        "kind": "credit-note" if invoice.is_credit_note else "invoice",
        "credit_for": invoice.credit_for,
        "client": invoice.buyer.id,
        "month": str(invoice.month),
        "issued": invoice.issued,
        "due": invoice.due,
        "reference": invoice.reference,
        "net": sums.net,
        "vat": sums.vat,
        "gross": sums.gross,
        "paid": invoice.paid,
        "status": invoice_status(invoice, today, credited),
    }


def _head_rows(store: Store, today: date) -> list[dict[str, Any]]:
    """The rows of :func:`_row`, from the invoice index: no invoice file read whole unless
    it is new or was edited by hand."""
    from decimal import Decimal

    from tyonohjaus_cli.domain.invoice_status import status
    from tyonohjaus_cli.domain.references import finnish_reference

    heads = invoice_store.invoice_heads(store)
    paid = invoice_store.payments(store)
    credited = {head.credit_for for head in heads if head.credit_for is not None}
    rows = []
    for head in heads:
        due = date.fromisoformat(head.due)
        paid_on = paid.get(head.number)
        credit_note = head.credit_for is not None
        rows.append(
            {
                "number": head.number,
                "kind": "credit-note" if credit_note else "invoice",
                "credit_for": head.credit_for,
                "client": head.client,
                "month": head.month,
                "issued": date.fromisoformat(head.issued),
                "due": due,
                "reference": finnish_reference(head.number),
                "net": Decimal(head.net),
                "vat": Decimal(head.vat),
                "gross": Decimal(head.gross),
                "paid": paid_on,
                "status": status(
                    credit_note=credit_note,
                    credited=head.number in credited,
                    paid=paid_on is not None,
                    due=due,
                    today=today,
                ),
            }
        )
    return rows


def _summary_line(invoice: Invoice) -> str:
    from tyonohjaus_cli.render.invoice_text import reference_text

    sums = invoice.totals
    gross, net, vat = (format_money(amount) for amount in (sums.gross, sums.net, sums.vat))
    if invoice.credit_for is not None:  # asks no payment: no due date, no reference
        return t(
            "Credit note {n} to {client}: {gross} (net {net}, VAT {vat}), crediting invoice {original}.",
            n=invoice.number,
            client=invoice.buyer.id,
            gross=gross,
            net=net,
            vat=vat,
            original=invoice.credit_for,
        )
    return t(
        "Invoice {n} to {client}: {gross} (net {net}, VAT {vat}), due {due}, reference {reference}.",
        n=invoice.number,
        client=invoice.buyer.id,
        gross=gross,
        net=net,
        vat=vat,
        due=format_date(invoice.due, weekday=False),
        reference=reference_text(invoice),
    )


def _missing_from_invoice(seller: Supervisor, buyer: Client) -> list[str]:
    """Everything an invoice would lack of what the VAT Act (AVL 209 e §) and the bank ask
    for, each with how to add it: asked before an invoice is issued, as an issued one never
    changes, and all at once, so that one run tells the whole of it."""
    missing = []
    if not seller.business_id:
        missing.append(t("your business ID: `tyo settings set business_id 1234567-1`"))
    if not seller.address:
        missing.append(t('your address: `tyo settings set address "Esimerkkitie 1\\n90100 Oulu"`'))
    if not seller.iban:
        missing.append(t('your bank account: `tyo settings set iban "FI21 1234 5600 0007 85"`'))
    if not buyer.address:
        missing.append(
            t(
                "{client}'s billing address: `tyo client edit {client} --address ...`",
                client=buyer.id,
            )
        )
    return missing


@command(app, "create")
def create(
    client: Annotated[
        str,
        typer.Option(
            "--client",
            metavar="CID",
            help=t("The client invoiced (its id)."),
            autocompletion=complete.client_ids,
        ),
    ],
    month: Annotated[
        Month | None,
        typer.Argument(
            metavar="[MONTH]",
            help=t("The month billed, e.g. 2027-02."),
            parser=params.month,
            show_default=False,
        ),
    ] = None,
    through: Annotated[
        Month | None,
        typer.Option(
            "--through",
            metavar="MONTH",
            help=t(
                "Instead of MONTH: every item not yet invoiced up to this month, of any "
                "earlier month too, on one invoice."
            ),
            parser=params.month,
            show_default=False,
        ),
    ] = None,
    day: Annotated[
        date | None,
        typer.Option(
            "--date",
            help=t("Invoice date (default: today)."),
            parser=params.day,
            show_default=False,
        ),
    ] = None,
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            metavar="N",
            help=t("Its number, to continue an earlier series (default: the next one, from 1000)."),
            parser=params.count,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Invoice a client for a month: freezes the month's billable items not yet invoiced.

    The invoice gets the next number, a due date by the client's payment days (at most 30
    for a public body), a reference number and the bank barcode.

    Example: tyo invoice create 2027-02 --client pohde
    """
    from tyonohjaus_cli.domain.billing import issue_invoice
    from tyonohjaus_cli.domain.einvoice import buyer_reference_missing
    from tyonohjaus_cli.domain.invoice_numbers import invoice_number
    from tyonohjaus_cli.usecases.billing_notes import unlogged_warning
    from tyonohjaus_cli.usecases.bills import month_bills
    from tyonohjaus_cli.usecases.loose_ends import bills_through

    if (month is None) == (through is None):
        raise UsageError(t("give the MONTH billed, or --through MONTH, not both"))
    store = session.store
    issued = day or session.now().date()
    settings = store.settings()
    missing = _missing_from_invoice(settings.supervisor, store.client(client))
    if missing:
        raise UsageError(t("an invoice needs {what}; nothing was issued", what="; ".join(missing)))
    command = f"invoice create {month} {client}" if month else f"invoice create --through {through}"
    with store.transaction(command, session.now()) as change:
        issued_before = invoice_store.invoices(store)
        if month is not None:
            (bill,) = month_bills(store, month, client, now=session.now())
        else:
            assert through is not None  # one of the two, as checked above
            bill = bills_through(store, through, client, now=session.now())
        already = sorted({item.invoice for item in bill.items if item.invoice is not None})
        if bill.items and not bill.open_items:
            # Asking for an invoice that can't be issued is bad input, as "nothing to invoice" is.
            raise UsageError(
                t(
                    "{client}'s {month} is invoiced already (invoice {numbers}); to correct it, "
                    "`tyo invoice credit N` and then create the invoice again",
                    client=client,
                    month=month_words(bill.month),
                    numbers=", ".join(str(n) for n in already),
                )
            )
        chosen = invoice_number(issued_before, issued, number)
        invoice = issue_invoice(bill, settings, chosen, issued)
        invoice_store.save_invoice(store, change, invoice)
    if invoice.buyer.einvoice_address and buyer_reference_missing(
        invoice.buyer_reference, invoice.order_number
    ):
        output.warn(
            t(
                "{client} takes e-invoices but has no buyer reference and the process no order "
                "number: Peppol requires one (`tyo client edit {client} --buyer-reference ...` "
                "or `tyo process edit ID --order-number ...`, then credit and invoice again)",
                client=client,
            )
        )
    output.say(_summary_line(invoice))
    if bill.unlogged:
        output.warn(unlogged_warning(bill.client.id, bill.month, bill.unlogged))
    if already:
        output.say(
            t(
                "Items already on invoice {numbers} were left out.",
                numbers=", ".join(str(n) for n in already),
            )
        )
    output.say(t("Print it with `tyo invoice pdf {n}`.", n=invoice.number))


@command(app, "list")
def list_invoices(
    unpaid: Annotated[
        bool, typer.Option("--unpaid", help=t("Only invoices not yet paid."))
    ] = False,
    as_json: params.JsonOption = False,
    as_csv: params.CsvOption = False,
) -> None:
    """List invoices and credit notes, newest last.

    Example: tyo invoice list --unpaid
    """
    store = session.store
    store.settings()
    today = session.now().date()
    rows = _head_rows(store, today)
    if unpaid:
        rows = [row for row in rows if row["status"] in ("open", "overdue")]
    columns = [
        output.Column("number", t("number"), right=True),
        output.Column("client", t("client")),
        output.Column("month", t("month")),
        output.Column("issued", t("issued"), lambda day: format_date(day, weekday=False)),
        output.Column("due", t("due"), lambda day: format_date(day, weekday=False)),
        output.Column("gross", t("total"), format_money, right=True),
        output.Column("status", t("status"), output.words(INVOICE_STATUS_WORDS)),
        output.Column("paid", t("paid"), lambda day: format_date(day, weekday=False)),
    ]
    output.emit(
        columns,
        rows,
        as_json=as_json,
        as_csv=as_csv,
        empty=t("No unpaid invoices.")
        if unpaid
        else t("No invoices yet: `tyo invoice create MONTH --client CID`."),
    )


def invoice_json(invoice: Invoice, today: date, credited: set[int]) -> dict[str, Any]:
    from tyonohjaus_cli.render.invoice_text import line_description

    sums = invoice.totals
    return {
        **_row(invoice, today, credited),
        "rf_reference": invoice.rf_reference,
        "buyer_reference": invoice.buyer_reference,
        "order_number": invoice.order_number,
        "contract": invoice.contract,
        "language": invoice.language,
        "lines": [
            {
                "item": line.item,
                "kind": line.kind,
                "date": line.day,
                "process": line.process,
                "description": line_description(line, language()),
                "minutes": line.minutes,
                "unit_minutes": line.unit_minutes,
                "unit_price": line.unit_price,
                "percent": plain(line.percent) if line.percent is not None else None,
                "amount": line.amount,
                "vat_percent": plain(line.vat_percent),
            }
            for line in invoice.lines
        ],
        "by_rate": [
            {
                "vat_percent": plain(rate.percent),
                "base": rate.base,
                "vat": rate.vat,
            }
            for rate in sums.by_rate
        ],
        "barcode": _barcode(invoice),
    }


def _barcode(invoice: Invoice) -> str | None:
    from tyonohjaus_cli.domain.barcode import virtual_barcode

    if invoice.is_credit_note or invoice.totals.gross <= 0 or not invoice.seller.iban:
        return None
    return virtual_barcode(
        invoice.seller.iban, invoice.totals.gross, invoice.reference, invoice.due
    )


@command(app, "show")
def show(number: NumberArgument, as_json: params.JsonOption = False) -> None:
    """Show an invoice: its lines, totals, reference and barcode.

    Example: tyo invoice show 1000
    """
    from tyonohjaus_cli.domain.invoices import credited_numbers
    from tyonohjaus_cli.render.invoice_text import (
        line_description,
        line_quantity,
        line_unit_price,
        rf_text,
    )

    store = session.store
    store.settings()
    issued = invoice_store.invoices(store)
    credited = credited_numbers(issued)
    invoice = invoice_store.invoice(store, number)
    today = session.now().date()
    sent = invoice_store.reminders(store).get(number, ())
    if as_json:
        machine.print_json(
            invoice_json(invoice, today, credited) | {"reminders": _reminders_json(sent)}
        )
        return
    lang = language()
    data = invoice_json(invoice, today, credited)
    output.details(
        [
            (t("invoice"), str(invoice.number)),
            (t("credits invoice"), str(invoice.credit_for or "")),
            (t("client"), f"{invoice.buyer.name} ({invoice.buyer.id})"),
            (t("month"), str(invoice.month)),
            (t("issued"), format_date(invoice.issued, weekday=False)),
            (t("due"), format_date(invoice.due, weekday=False)),
            (t("reference"), data["reference"]),
            (t("RF reference"), rf_text(invoice)),
            (t("buyer reference"), invoice.buyer_reference),
            (t("order number"), invoice.order_number),
            (t("framework agreement"), invoice.contract),
            (t("status"), t(INVOICE_STATUS_WORDS[data["status"]])),
            (t("paid"), format_date(invoice.paid, weekday=False) if invoice.paid else ""),
        ]
    )
    output.say("")
    rows = [
        {
            "date": line.day,
            "description": line_description(line, lang),
            "quantity": line_quantity(line, lang),
            "unit_price": line_unit_price(line, lang),
            "vat": format_number(line.vat_percent),
            "amount": line.amount,
        }
        for line in invoice.lines
    ]
    output.print_table(
        [
            output.Column("date", t("date"), lambda day: format_date(day, weekday=False)),
            output.Column("description", t("what")),
            output.Column("quantity", t("quantity"), right=True),
            output.Column("unit_price", t("unit price"), right=True),
            output.Column("vat", t("VAT %"), right=True),
            output.Column("amount", t("amount"), format_money, right=True),
        ],
        rows,
    )
    sums = invoice.totals
    for rate in sums.by_rate:
        output.say(
            t(
                "VAT {percent}: base {base}, VAT {vat}",
                percent=format_percent(rate.percent),
                base=format_money(rate.base),
                vat=format_money(rate.vat),
            )
        )
    output.say(
        t(
            "Net {net}, VAT {vat}, total {gross}",
            net=format_money(sums.net),
            vat=format_money(sums.vat),
            gross=format_money(sums.gross),
        )
    )
    if data["barcode"]:
        output.say(t("Virtual barcode: {code}", code=data["barcode"]))
    for item in sent:
        output.say(_reminder_line(item))


def _reminders_json(sent: tuple[Sent, ...]) -> list[dict[str, Any]]:
    return [
        {
            "date": item.day,
            "days_overdue": item.days_overdue,
            "interest": item.interest,
            "interest_added": item.interest_added,
            "compensation": item.compensation,
        }
        for item in sent
    ]


def _reminder_line(item: Sent) -> str:
    """What a reminder said, in whole sentences: the interest, then any compensation."""
    fields = {
        "day": format_date(item.day, weekday=False),
        "interest": format_money(item.interest),
    }
    sentences = [
        tn(
            "Reminder sent {day}: {count} day overdue, late interest {interest} added to the "
            "amount.",
            "Reminder sent {day}: {count} days overdue, late interest {interest} added to the "
            "amount.",
            item.days_overdue,
            **fields,
        )
        if item.interest_added
        else tn(
            "Reminder sent {day}: {count} day overdue, late interest {interest} shown, not added.",
            "Reminder sent {day}: {count} days overdue, late interest {interest} shown, not added.",
            item.days_overdue,
            **fields,
        )
    ]
    if item.compensation:
        sentences.append(
            t("Recovery compensation {amount}.", amount=format_money(item.compensation))
        )
    return " ".join(sentences)


@command(app, "pdf")
def pdf(
    number: NumberArgument,
    to: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=t(
                "Where to write it (default: a file here named in the invoice's language, "
                "lasku-N.pdf, faktura-N.pdf or invoice-N.pdf; - for standard output)."
            ),
            show_default=False,
        ),
    ] = None,
    participants: Annotated[
        bool,
        typer.Option(
            "--participants", help=t("Name the participants (only when the client asks for it).")
        ),
    ] = False,
) -> None:
    """Write an invoice as an A4 PDF in the client's language.

    Example: tyo invoice pdf 1000 -o lasku-1000.pdf
    """
    from tyonohjaus_cli.render.invoice_pdf import invoice_pdf

    store = session.store
    store.settings()
    invoice = invoice_store.invoice(store, number)
    names: dict[str, list[str]] = {}
    if participants:
        for process_id in dict.fromkeys(line.process for line in invoice.lines):
            if store.has_process(process_id):
                process = store.process(process_id)
                names[process.title] = [person.name for person in process.participants]
    credited = invoice.credit_for
    refunded = credited is not None and invoice_store.invoice(store, credited).paid is not None
    data = invoice_pdf(invoice, participants=names, refunded=refunded)
    if to == "-":
        output.write_out(data, "-")
        return
    default = file_names.invoice_pdf(number, invoice.language, credit_note=invoice.is_credit_note)
    path = Path(to or default).expanduser()
    output.write_out(data, path)
    output.say(t("Wrote {path}.", path=str(path)))


def _participant_names(invoice: Invoice) -> dict[str, list[str]]:
    """Process title → its participants' names, for a client who asked for them."""
    store = session.store
    names: dict[str, list[str]] = {}
    for process_id in dict.fromkeys(line.process for line in invoice.lines):
        if store.has_process(process_id):
            process = store.process(process_id)
            names[process.id] = [person.name for person in process.participants]
    return names


@command(app, "einvoice")
def einvoice(
    number: NumberArgument,
    kind: Annotated[
        EinvoiceFormat,
        typer.Option(
            "--format",
            help=t("peppol (Peppol BIS Billing 3.0, UBL) or finvoice (Finvoice 3.0)."),
            parser=params.choice(EinvoiceFormat),
        ),
    ] = EinvoiceFormat.PEPPOL,
    to: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=t(
                "Where to write it (default: a file here named as the PDF, lasku-N.xml or "
                "lasku-N-finvoice.xml in Finnish; - for standard output)."
            ),
            show_default=False,
        ),
    ] = None,
    participants: Annotated[
        bool,
        typer.Option(
            "--participants", help=t("Name the participants (only when the client asks for it).")
        ),
    ] = False,
) -> None:
    """Write an invoice or credit note as an e-invoice (verkkolasku), to upload to your
    operator's or bank's service.

    Peppol BIS Billing 3.0 (EN 16931, what public buyers require) by default; Finvoice 3.0
    with --format finvoice. Same figures as the PDF.

    Example: tyo invoice einvoice 1000 --format finvoice -o lasku-1000.xml
    """
    from tyonohjaus_cli.domain.einvoice import (
        buyer_reference_missing,
        missing_for_einvoice,
        parse_einvoice_address,
        routed,
    )

    store = session.store
    settings = store.settings()
    issued = invoice_store.invoice(store, number)
    client = store.client(issued.buyer.id) if store.has_client(issued.buyer.id) else None
    invoice = routed(issued, settings.supervisor, client)
    finvoice = kind is EinvoiceFormat.FINVOICE
    missing = missing_for_einvoice(invoice, routing=finvoice)
    if missing:
        raise UsageError(
            t(
                "invoice {n} can't be written as an e-invoice without {what}; nothing was written",
                n=number,
                what="; ".join(missing),
            )
        )
    for address in (invoice.buyer.einvoice_address, invoice.seller.einvoice_address):
        if address:
            parse_einvoice_address(address)
    if not finvoice and buyer_reference_missing(invoice.buyer_reference, invoice.order_number):
        raise UsageError(
            t(
                "invoice {n} has neither a buyer reference nor an order number, and Peppol "
                "requires one (PEPPOL-EN16931-R003): add one (`tyo client edit {client} "
                "--buyer-reference ...`), credit the invoice and issue it again; "
                "nothing was written",
                n=number,
                client=invoice.buyer.id,
            )
        )
    names = _participant_names(invoice) if participants else {}
    if finvoice:
        from tyonohjaus_cli.render.finvoice import finvoice_xml

        data = finvoice_xml(invoice, names)
    else:
        from tyonohjaus_cli.render.peppol import peppol_xml

        data = peppol_xml(invoice, names)
    if to == "-":
        output.write_out(data, "-")
        return
    default = file_names.einvoice_xml(
        number, invoice.language, credit_note=invoice.is_credit_note, finvoice=finvoice
    )
    path = Path(to or default).expanduser()
    output.write_out(data, path)
    output.say(t("Wrote {path}.", path=str(path)))


@command(app, "paid")
def paid(
    number: NumberArgument,
    on: Annotated[
        date | None,
        typer.Option(
            "--on",
            help=t("The day it was paid (default: today)."),
            parser=params.day,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Mark an invoice paid.

    Example: tyo invoice paid 1000 --on 2027-03-20
    """
    from tyonohjaus_cli.domain.invoices import check_payment

    store = session.store
    day = on or session.now().date()
    with store.transaction(f"invoice paid {number}", session.now()) as change:
        invoice = invoice_store.invoice(store, number)
        check_payment(invoice, day, day_given=on is not None)
        payments = invoice_store.payments(store)
        payments[number] = day
        invoice_store.save_payments(change, payments, invoice_store.reminders(store))
    output.say(t("Invoice {n} paid on {day}.", n=number, day=format_date(day, weekday=False)))


@command(app, "credit")
def credit(
    number: NumberArgument,
    day: Annotated[
        date | None,
        typer.Option(
            "--date",
            help=t("Date of the credit note (default: today)."),
            parser=params.day,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Credit an invoice in full with a credit note that refers to it.

    Its items can then be invoiced again, corrected.

    Example: tyo invoice credit 1000
    """
    from tyonohjaus_cli.domain.invoice_numbers import invoice_number
    from tyonohjaus_cli.domain.invoices import check_credit, credit_note

    store = session.store
    issued = day or session.now().date()
    with store.transaction(f"invoice credit {number}", session.now()) as change:
        every = invoice_store.invoices(store)
        original = invoice_store.invoice(store, number)
        check_credit(original, every, issued, day_given=day is not None)
        note = credit_note(replace(original, paid=None), invoice_number(every, issued), issued)
        invoice_store.save_invoice(store, change, note)
    output.say(_summary_line(note))
    if original.paid is not None:
        output.say(
            t(
                "Invoice {n} was paid on {day}: pay {amount} back to {client}; the credit note "
                "says it is refunded.",
                n=number,
                day=format_date(original.paid, weekday=False),
                amount=format_money(original.totals.gross),
                client=original.buyer.id,
            )
        )
    output.say(
        t(
            "The items of invoice {n} can be invoiced again: `tyo invoice create {month} --client {client}`.",
            n=number,
            month=str(original.month),
            client=original.buyer.id,
        )
    )


@command(app, "remind")
def remind(
    number: NumberArgument,
    to: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=t(
                "Where to write it (default: a file here named in the reminder's language, "
                "maksumuistutus-N.pdf, påminnelse-N.pdf or reminder-N.pdf; - for standard "
                "output)."
            ),
            show_default=False,
        ),
    ] = None,
    form: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="pdf|md",
            help=t("PDF or Markdown."),
            parser=params.document_format,
        ),
    ] = "pdf",
    add_interest: Annotated[
        bool,
        typer.Option(
            "--add-interest", help=t("Add the late payment interest to the amount to pay.")
        ),
    ] = False,
    compensation: Annotated[
        bool,
        typer.Option(
            "--compensation",
            help=t("Claim the €40 recovery compensation (business buyers only)."),
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="fi|sv|en",
            help=t("Language of the document (default: the client's document language)."),
            parser=params.document_language,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a payment reminder for an overdue invoice, and record it on the invoice.

    It repeats the invoice (number, dates, amount, reference), says how many days it is
    overdue, and shows the late interest under the Interest Act (the reference rate + 8
    points for a business, + 7 otherwise) without adding it unless --add-interest. The
    reference rates are in tyo, dated; `tyo settings set reference_rates` adds newer ones.
    `tyo invoice show N` lists the reminders sent.

    Example: tyo invoice remind 1000 --compensation -o muistutus-1000.pdf
    """
    from tyonohjaus_cli.domain.reminder import remind as make_reminder
    from tyonohjaus_cli.domain.reminder import write_reminder
    from tyonohjaus_cli.domain.writers import Markdown

    store = session.store
    settings = store.settings()
    issued = invoice_store.invoices(store)
    credited = {invoice.credit_for for invoice in issued if invoice.credit_for is not None}
    invoice = invoice_store.invoice(store, number)
    now = session.now()
    sent = invoice_store.reminders(store)
    reminder = make_reminder(
        invoice,
        settings,
        now.date(),
        credited=number in credited,
        add_interest=add_interest,
        compensation=compensation,
        earlier=sent.get(number, ()),
    )
    for half in reminder.interest.unknown:
        output.warn(
            t(
                "tyo does not know the reference rate from {day}: the latest known one was "
                "used; `tyo settings set reference_rates {half}=RATE` sets it",
                day=format_date(half, weekday=False),
                half=half.isoformat(),
            )
        )
    chosen = lang or invoice.language
    if form == "md":
        text = Markdown(chosen)
        write_reminder(text, reminder, chosen)
        data = text.text().encode()
    else:
        from tyonohjaus_cli.render.document_pdf import PdfWriter

        page = PdfWriter(invoice.seller, chosen, reminder.day)
        write_reminder(page, reminder, chosen)
        data = page.data()
    target: Path | str = (
        "-"
        if to == "-" or (to is None and form == "md")
        else Path(to or file_names.reminder_pdf(number, chosen)).expanduser()
    )
    output.write_out(data, target)
    with store.transaction(f"invoice remind {number}", now) as change:
        recorded = invoice_store.reminders(store)
        recorded[number] = (*recorded.get(number, ()), reminder.record)
        invoice_store.save_payments(change, invoice_store.payments(store), recorded)
    if target != "-":  # else the document alone goes to standard output
        output.say(t("Wrote {path}.", path=str(target)))
        output.say(_reminder_line(reminder.record))
