"""Issued invoices in the store: ``invoices/<number>.json``, one file each, never rewritten.

Layout::

    invoices/1000.json       an invoice or credit note, as issued (schema versioned)
    invoices/payments.json   when each invoice was paid and which reminders were sent
                             (the only things that change)

An invoice file keeps the seller's and buyer's details and every line as issued, and the
totals, which are checked against the lines on reading, so a hand edit that breaks the
sums is reported instead of printed. Writing over an existing invoice is refused, and so
is a change to a meeting that an invoice bills (:func:`check_invoiced_meetings`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from tyonohjaus_cli.domain.enums import MeetingStatus, VatMode
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.domain.parsing import parse_month
from tyonohjaus_cli.errors import StoreError, StoreFileError, TyoError, UsageError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage import settings_codec
from tyonohjaus_cli.storage.documents import (
    SCHEMA,
    Doc,
    Fields,
    dump_json,
    migrate,
    parse_json,
    plain_day,
    plain_line,
    plain_prose,
    plain_whole,
)

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.invoices import Invoice, InvoiceLine
    from tyonohjaus_cli.domain.models import Process
    from tyonohjaus_cli.domain.reminder import Sent
    from tyonohjaus_cli.domain.settings import Supervisor
    from tyonohjaus_cli.storage.index import Index, Stamp
    from tyonohjaus_cli.storage.store import Store, Transaction

# The invoice documents' domain (dataclasses, the client codec) is imported where an invoice
# is read or written whole: `tyo invoice list` and the year's turnover read heads only.

T = TypeVar("T")

INVOICES = "invoices"
PAYMENTS = f"{INVOICES}/payments.json"
_NUMBER_FILE = re.compile(r"(\d{1,18})\.json")


def invoice_path(number: int) -> str:
    return f"{INVOICES}/{number}.json"


# --- the document ------------------------------------------------------------------------


def _line_to_doc(line: InvoiceLine) -> Doc:
    doc: Doc = {
        "item": line.item,
        "kind": line.kind.value,
        "date": line.day.isoformat(),
        "process": line.process,
        "title": line.title,
        "unit_price": f"{line.unit_price:.2f}",
        "amount": f"{line.amount:.2f}",
        "vat_percent": plain(line.vat_percent),
    }
    optional: Doc = {
        "minutes": line.minutes,
        "unit_minutes": line.unit_minutes,
        "percent": plain(line.percent) if line.percent is not None else None,
        "pass_through": True if line.pass_through else None,
    }
    return doc | {key: value for key, value in optional.items() if value is not None}


def invoice_to_doc(invoice: Invoice) -> Doc:
    from tyonohjaus_cli.storage import codec

    seller = invoice.seller
    sums = invoice.totals
    buyer = {
        key: value for key, value in codec.client_to_doc(invoice.buyer).items() if key != "schema"
    }
    return {
        "schema": SCHEMA,
        "number": invoice.number,
        "kind": "credit-note" if invoice.is_credit_note else "invoice",
        "credit_for": invoice.credit_for,
        "issued": invoice.issued.isoformat(),
        "due": invoice.due.isoformat(),
        "month": str(invoice.month),
        "reference": invoice.reference,
        "rf_reference": invoice.rf_reference,
        "vat": invoice.vat_mode.value,
        "vat_exempt_ground": invoice.vat_exempt_ground,
        **{
            key: value
            for key, value in (
                ("buyer_reference", invoice.buyer_reference),
                ("order_number", invoice.order_number),
                ("contract", invoice.contract),
            )
            if value
        },
        "seller": settings_codec.supervisor_to_doc(seller),
        "buyer": buyer,
        "lines": [_line_to_doc(line) for line in invoice.lines],
        "totals": {
            "net": f"{sums.net:.2f}",
            "vat": f"{sums.vat:.2f}",
            "gross": f"{sums.gross:.2f}",
        },
    }


def _decimal(fields: Fields, key: str, *, optional: bool = False) -> Any:
    """A signed amount or percent, written as text (credit notes and discounts are negative)."""
    if optional and fields.doc.get(key) is None:
        return None
    expected = t('an amount as text, such as "-95.00"')
    value = fields.doc.get(key)
    try:
        number = Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise fields.fail(key, expected)
    return number


def _plain_decimal(value: object) -> Decimal | None:
    """``value`` as :func:`_decimal` reads it when it is plainly an amount (finite, as
    text); ``None`` for anything else."""
    if type(value) is not str:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


_PRICES = ("unit_price", "amount", "vat_percent")


def _plain_line(doc: Doc) -> InvoiceLine | None:
    """What :func:`_line_from_doc` makes of a line whose every value is plainly as it
    should be, read straight from its table; ``None`` for anything else, which the long way
    then reads and words (the tests hold the two ways to the same lines over a generated
    store's invoices and hostile values of every key). A year's 584 invoices have some
    1,300 lines: read through :class:`Fields`, each cost more than its invoice's JSON."""
    from tyonohjaus_cli.domain.invoices import InvoiceLine, LineKind

    get = doc.get
    item, kind, process, title = get("item"), get("kind"), get("process"), get("title", "")
    minutes, unit_minutes, percent = get("minutes"), get("unit_minutes"), get("percent")
    through, day = get("pass_through", False), plain_day(get("date"))
    unit_price, amount, vat_percent = (_plain_decimal(get(key)) for key in _PRICES)
    if not (
        plain_prose(item)
        and type(kind) is str
        and kind in _LINE_KINDS
        and day is not None
        and plain_line(process)
        and plain_line(title)
        and unit_price is not None
        and amount is not None
        and vat_percent is not None
        and (minutes is None or plain_whole(minutes, 1))
        and (unit_minutes is None or plain_whole(unit_minutes, 1))
        and (percent is None or (percent := _plain_decimal(percent)) is not None)
        and type(through) is bool
    ):
        return None
    return InvoiceLine(
        item,
        LineKind(kind),
        day,
        process,
        title,
        unit_price,
        amount,
        vat_percent,
        minutes,
        unit_minutes,
        percent,
        through,
    )


_LINE_KINDS = frozenset(
    {"meeting", "late-cancellation", "no-show", "expense", "first-free", "discount"}
)
"""The values of :class:`domain.invoices.LineKind` (held to them by a test), without
importing the invoices' domain where no line is read."""


def _lines_from(fields: Fields) -> tuple[InvoiceLine, ...]:
    """An invoice's lines: each plainly valid one straight from its table
    (:func:`_plain_line`), any other through :class:`Fields`, which words what is wrong."""
    return tuple(
        _plain_line(doc) or _line_from_doc(fields.table_at("lines", index))
        for index, doc in enumerate(fields.table_docs("lines"))
    )


def _line_from_doc(fields: Fields) -> InvoiceLine:
    from tyonohjaus_cli.domain.invoices import InvoiceLine, LineKind

    return InvoiceLine(
        item=fields.text("item"),
        kind=LineKind(fields.choice("kind", tuple(LineKind))),
        day=fields.day("date"),
        process=fields.text("process"),
        title=fields.text("title", ""),
        unit_price=_decimal(fields, "unit_price"),
        amount=_decimal(fields, "amount"),
        vat_percent=_decimal(fields, "vat_percent"),
        minutes=fields.integer("minutes", None, minimum=1),
        unit_minutes=fields.integer("unit_minutes", None, minimum=1),
        percent=_decimal(fields, "percent", optional=True),
        pass_through=fields.flag("pass_through"),
    )


_PARTIES: dict[tuple[str, str], Any] = {}
"""Sellers and buyers decoded and checked, by their tables as JSON: a year's invoices name
one seller and a hundred buyers, each decoded once (what they decode to depends on the
table alone; one with a mistake is not kept, so each invoice naming it says so)."""
_MOST_PARTIES = 4096


def _party(fields: Fields, key: str, decode: Callable[[Fields], T]) -> T:
    """The seller or buyer (``key``) of an invoice document, decoded by ``decode``."""
    table = fields.table(key)
    known = (key, json.dumps(table.doc, ensure_ascii=False))
    found = _PARTIES.get(known)
    if found is None:
        found = decode(table)
        if len(_PARTIES) >= _MOST_PARTIES:
            _PARTIES.clear()
        _PARTIES[known] = found
    return cast(T, found)


def _seller(fields: Fields) -> Supervisor:
    return settings_codec.supervisor_from_doc(fields, email_required=False, check_iban=True)


def invoice_from_doc(fields: Fields) -> Invoice:
    from tyonohjaus_cli.domain.invoice_numbers import MIN_REFERENCE_BASE
    from tyonohjaus_cli.domain.invoices import Invoice
    from tyonohjaus_cli.storage import codec

    month_text = fields.text("month")
    try:
        month = parse_month(month_text)
    except UsageError:
        raise fields.fail("month", t("a month such as 2027-01")) from None
    invoice = Invoice(
        number=fields.integer("number", minimum=MIN_REFERENCE_BASE),
        issued=fields.day("issued"),
        due=fields.day("due"),
        month=month,
        seller=_party(fields, "seller", _seller),
        buyer=_party(fields, "buyer", codec.client_from_doc),
        lines=_lines_from(fields),
        vat_mode=VatMode(fields.choice("vat", tuple(VatMode), VatMode.STANDARD.value)),
        vat_exempt_ground=fields.text("vat_exempt_ground", ""),
        credit_for=fields.integer("credit_for", None, minimum=1)
        if fields.doc.get("credit_for") is not None
        else None,
        buyer_reference=fields.text("buyer_reference", ""),
        order_number=fields.text("order_number", ""),
        contract=fields.text("contract", ""),
    )
    if not invoice.lines:
        raise fields.fail("lines", t("at least one line"))
    stated = fields.table("totals")
    if _decimal(stated, "gross") != invoice.totals.gross:
        raise stated.fail(
            "gross", t("the sum of the lines with VAT ({sum})", sum=f"{invoice.totals.gross:.2f}")
        )
    return invoice


# --- reading -----------------------------------------------------------------------------


def _read(store: Store, rel: str) -> Invoice:
    text = store.read_text(rel)
    if text is None:
        raise FileNotFoundError(rel)
    return invoice_from_text(text, rel)


def invoice_from_text(text: str, rel: str) -> Invoice:
    """The invoice file ``rel`` of ``text``, checked, without its payment day (``tyo
    doctor`` checks the payments once, not once per invoice)."""
    return invoice_from_parsed(migrate(parse_json(text, rel), rel, text), text, rel)


def invoice_from_parsed(doc: Doc, text: str, rel: str) -> Invoice:
    """:func:`invoice_from_text` of the document ``text`` was already read into
    (``inventory.parse_document``): ``tyo doctor`` reads each JSON text once."""
    invoice = invoice_from_doc(Fields(doc, rel, text))
    if invoice_path(invoice.number) != rel:
        raise StoreFileError(
            rel, t("'number' is {n} but the file name says otherwise", n=invoice.number)
        )
    return invoice


def _payments_fields(store: Store) -> Fields | None:
    text = store.read_text(PAYMENTS)
    if text is None:
        return None
    doc = migrate(parse_json(text, PAYMENTS), PAYMENTS, text)
    return Fields(doc, PAYMENTS, text)


def reminders(store: Store) -> dict[int, tuple[Sent, ...]]:
    """Invoice number → the payment reminders sent for it, oldest first.

    Kept in ``payments.json`` beside the payments: like them, what happens to an invoice
    after it is issued, while the invoice itself never changes.
    """
    from tyonohjaus_cli.domain.reminder import Sent

    fields = _payments_fields(store)
    if fields is None or fields.doc.get("reminders") is None:
        return {}
    table = fields.table("reminders")
    result = {}
    for key in table.doc:
        if not key.isdecimal():
            raise table.fail(key, t("an invoice number"))
        result[int(key)] = tuple(
            Sent(
                day=item.day("date"),
                days_overdue=item.integer("days_overdue", minimum=0),
                interest=_decimal(item, "interest"),
                interest_added=item.flag("interest_added", False),
                compensation=_decimal(item, "compensation"),
            )
            for item in table.tables(key)
        )
    return result


def payments(store: Store) -> dict[int, date]:
    """Invoice number → the day it was paid."""
    fields = _payments_fields(store)
    if fields is None:
        return {}
    paid = fields.table("paid")
    result = {}
    for key in paid.doc:
        if not key.isdecimal():
            raise paid.fail(key, t("an invoice number"))
        result[int(key)] = paid.day(key)
    return result


def invoice_numbers(store: Store) -> list[int]:
    folder = store.root / INVOICES
    if not folder.is_dir():
        return []
    numbers = [
        int(match[1]) for name in folder.iterdir() if (match := _NUMBER_FILE.fullmatch(name.name))
    ]
    return sorted(numbers)


INVOICE_INDEX = "invoices"
"""``.cache/invoices.json``: an :class:`InvoiceHead` of each invoice file, by its stamp."""


class InvoiceHead(NamedTuple):
    """What lists and the year's turnover need of an issued invoice, kept in the invoice
    index as a JSON array: dates as ISO text, sums as the invoice's own text.

    An issued invoice never changes (a credit note corrects it), so its head can stand for
    it in every view that shows no line: the head is made again whenever the file's stamp
    changes, as after a hand edit."""

    number: int
    credit_for: int | None
    client: str
    month: str
    issued: str
    due: str
    net: str
    vat: str
    gross: str
    items: list[list[str]]
    """The billable items it bills (``process#n``, expense ids), sorted, each as ``[item,
    day, net]``: the day of the item's first line (the day a month's bill files it under)
    and the sum of its lines, exactly as written."""

    @property
    def keys(self) -> list[str]:
        return [item[0] for item in self.items]

    def months(self) -> set[str]:
        """Its own month (``"2026-10"``) and those of the items it bills: an invoice made
        ``--through`` a month bills the earlier months' items too."""
        return {self.month, *(item[1][:7] for item in self.items)}


class Billed(NamedTuple):
    """An item as the invoice in force bills it, from the invoice index: as
    :class:`domain.invoices.Billed` without its lines, only their sum."""

    number: int
    client: str
    day: date
    net: Decimal


def _head_of(invoice: Invoice) -> InvoiceHead:
    sums = invoice.totals
    lines: dict[str, list[InvoiceLine]] = {}
    for line in invoice.lines:
        lines.setdefault(line.item, []).append(line)
    return InvoiceHead(
        invoice.number,
        invoice.credit_for,
        invoice.buyer.id,
        str(invoice.month),
        invoice.issued.isoformat(),
        invoice.due.isoformat(),
        f"{sums.net:.2f}",
        f"{sums.vat:.2f}",
        f"{sums.gross:.2f}",
        [
            [item, own[0].day.isoformat(), str(sum((line.amount for line in own), Decimal(0)))]
            for item, own in sorted(lines.items())
        ],
    )


_SUM = re.compile(r"-?\d{1,20}\.\d{1,12}").fullmatch


def _is_day(text: Any) -> bool:
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def _head_fits(value: Any) -> bool:
    """Whether a cached value is a head of the present shape, with the dates and sums that
    views read from it as such (the index is derived: a damaged or older entry is simply
    made again from its file)."""
    if not (type(value) is list and len(value) == len(InvoiceHead._fields)):
        return False
    number, credit_for, client, month, issued, due, net, vat, gross, items = value
    return (
        type(number) is int
        and (credit_for is None or type(credit_for) is int)
        and type(client) is str
        and type(month) is str
        and _is_day(issued)
        and _is_day(due)
        and all(type(text) is str and _SUM(text) is not None for text in (net, vat, gross))
        and type(items) is list
        and all(
            type(item) is list
            and len(item) == 3
            and type(item[0]) is str
            and _is_day(item[1])
            and type(item[2]) is str
            and _SUM(item[2]) is not None
            for item in items
        )
    )


def invoice_files(store: Store) -> list[tuple[str, list[int]]]:
    """``(name, stamp)`` of every JSON file in ``invoices/``, listed once in a command."""
    from tyonohjaus_cli.storage.index import toml_files

    return list(store.once("invoice-files", lambda: toml_files(store.root / INVOICES, ".json")))


def invoice_heads(store: Store) -> list[InvoiceHead]:
    """Every invoice's head, by number: from the invoice index, checked against each file's
    stamp, so that only a new or hand-edited invoice is read (and checked) whole (once in a
    command)."""
    return list(store.once("invoice-heads", lambda: _invoice_heads(store)))


def read_heads_along(store: Store) -> None:
    """Say that this command reads the invoice heads (a month's bills): on a first run,
    those the invoice index lacks are read by the copies that parse the process files, in
    the same round (see :meth:`Store.read_along`)."""

    def missing() -> list[tuple[str, Stamp]]:
        # The invoices' domain is imported here once, not again in each copy.
        from tyonohjaus_cli.domain import invoices  # noqa: F401

        index = _index(store)
        return [file for file in _listed(store) if index.cached(*file, _head_fits) is None]

    store.read_along(missing, lambda rel: _head_if_readable(store, rel))


def _head_if_readable(store: Store, rel: str) -> list[Any] | None:
    """The head of the invoice file ``rel``, or ``None`` for one that can't be read or has
    a mistake: the command reads that one again itself, and says what is wrong."""
    try:
        return list(_head_of(_read(store, rel)))
    except Exception:  # any failure is met again where it is told
        return None


def _index(store: Store) -> Index:
    """The invoice index, read once in a command."""
    from tyonohjaus_cli.storage.index import Index

    return store.once("invoice-index", lambda: Index(store.root, INVOICE_INDEX))


def _listed(store: Store) -> list[tuple[str, Stamp]]:
    """``(file, stamp)`` of every invoice file (not ``payments.json``), by name."""
    return [
        (f"{INVOICES}/{name}", stamp)
        for name, stamp in invoice_files(store)
        if _NUMBER_FILE.fullmatch(name) is not None
    ]


def _invoice_heads(store: Store) -> list[InvoiceHead]:
    """The heads from the index; those it lacks (all 585 of a year's invoices on a first
    run) as the index build's copies read them (:func:`read_heads_along`), else read whole
    here, shared with copies of tyo on the other cores."""
    from tyonohjaus_cli.storage import workers

    index = _index(store)
    listed = _listed(store)
    cached = [
        index.cached(rel, stamp, _head_fits) or store.taken_along(rel, stamp)
        for rel, stamp in listed
    ]
    missing = [file for file, value in zip(listed, cached, strict=True) if value is None]
    built = iter(workers.share(lambda file: list(_head_of(_read(store, file[0]))), missing))
    heads = []
    for (rel, stamp), kept in zip(listed, cached, strict=True):
        value = kept if kept is not None else next(built)
        index.keep(rel, stamp, value)
        heads.append(InvoiceHead._make(value))
    index.forget_missing({rel for rel, _ in listed}, f"{INVOICES}/")
    index.save()
    return sorted(heads)


def invoiced_keys(store: Store) -> set[str]:
    """The billable items on an invoice in force (not a credit note, not credited), from
    the invoice index alone."""
    return set(invoice_of_items(store))


def invoice_of_items(store: Store) -> dict[str, int]:
    """Billable item → the number of the invoice in force that bills it, from the invoice
    index alone (as :func:`domain.invoices.invoiced_items` gives of whole invoices)."""
    return {key: head.number for head in _in_force(invoice_heads(store)) for key in head.keys}


def _in_force(heads: list[InvoiceHead]) -> list[InvoiceHead]:
    """Of ``heads``, the invoices in force: not credit notes, nor credited by one of them
    (as :func:`domain.invoices.current_invoices` of whole invoices)."""
    credited = {head.credit_for for head in heads if head.credit_for is not None}
    return [head for head in heads if head.credit_for is None and head.number not in credited]


def billed_in(store: Store, months: Collection[str]) -> dict[str, Billed]:
    """Billable item → how the invoice in force bills it, from the invoice index alone: of
    the invoices :func:`invoices` reads for ``months``, what
    :func:`domain.invoices.billed_items` makes of them but for the lines (their sum)."""
    return {
        key: Billed(head.number, head.client, date.fromisoformat(day), Decimal(net))
        for head in _in_force(_chosen(store, months, None))
        for key, day, net in head.items
    }


def keys_in_force(store: Store, of: Collection[tuple[str, str]]) -> set[str]:
    """The billable items on an invoice in force of those :func:`invoices` reads ``of``
    those clients' months, from the invoice index alone: the keys of what
    :func:`domain.invoices.billed_items` makes of them (what is open of a month needs no
    invoice's lines)."""
    return {key for head in _in_force(_chosen(store, None, of)) for key in head.keys}


def _chosen(
    store: Store, months: Collection[str] | None, of: Collection[tuple[str, str]] | None
) -> list[InvoiceHead]:
    """The heads of the invoices of ``months`` or billing an item of one, of those
    clients' months ``of`` names or billing an item of one, and every credit note."""
    wanted_months = set(months or ())
    wanted_pairs = set(of or ())
    return [
        head
        for head in invoice_heads(store)
        if head.credit_for is not None
        or not wanted_months.isdisjoint(months_of := head.months())
        or any((head.client, month) in wanted_pairs for month in months_of)
    ]


def invoices(
    store: Store,
    months: Collection[str] | None = None,
    *,
    of: Collection[tuple[str, str]] | None = None,
    touching: tuple[Collection[str], Collection[str]] | None = None,
) -> list[Invoice]:
    """Every issued invoice and credit note, by number, with its payment day.

    With ``months`` (``"2026-10"``), only the invoices of those months or billing an item of
    one (see :meth:`InvoiceHead.months`) and every credit note: what a month's bills need
    to know of what is invoiced already, found through the invoice index without reading
    the rest. With ``of`` (``("pohde", "2026-10")``, ...), only those clients' invoices of
    those months or billing an item of one, and every credit note. With ``touching`` (client
    ids, ``""`` for the forgotten ones, and process ids), only those of them billed to one
    of the clients or billing an item of one of the processes, any other billing an item
    of those, and every credit note: what those clients' bills need of the months.
    """
    from dataclasses import replace

    if months is None and of is None:
        numbers = invoice_numbers(store)
    else:
        chosen = _chosen(store, months, of)
        if touching is not None:
            chosen = _touching(store, chosen, *touching)
        numbers = [head.number for head in chosen]
    paid = payments(store)
    return [
        replace(invoice, paid=paid.get(invoice.number))
        for invoice in (_read(store, invoice_path(number)) for number in numbers)
    ]


def _process_of(key: str) -> str:
    """The process of a billable item: ``process#n``, or an expense ``expense:process:n``."""
    if key.startswith("expense:"):
        return key.removeprefix("expense:").rpartition(":")[0]
    return key.partition("#")[0]


def _touching(
    store: Store, heads: list[InvoiceHead], clients: Collection[str], processes: Collection[str]
) -> list[InvoiceHead]:
    def touches(head: InvoiceHead) -> bool:
        if head.client in clients or ("" in clients and not store.has_client(head.client)):
            return True
        return any(_process_of(key) in processes for key in head.keys)

    near = {head.number for head in heads if head.credit_for is None and touches(head)}
    keys = {key for head in heads if head.number in near for key in head.keys}
    return [
        head
        for head in heads
        if head.credit_for is not None or head.number in near or not keys.isdisjoint(head.keys)
    ]


def invoice(store: Store, number: int) -> Invoice:
    """Invoice ``number``; an unknown number is a usage error that says where to look."""
    from dataclasses import replace

    try:
        found = _read(store, invoice_path(number))
    except FileNotFoundError:
        raise UsageError(
            t("there is no invoice {n}: `tyo invoice list` shows them", n=number)
        ) from None
    return replace(found, paid=payments(store).get(number))


# --- writing -----------------------------------------------------------------------------


def save_invoice(store: Store, change: Transaction, issued: Invoice) -> None:
    """Stage a new invoice; an existing invoice is never written over."""
    rel = invoice_path(issued.number)
    if store.read_text(rel) is not None or rel in change.writes:
        raise StoreError(
            t("invoice {n} exists already; an issued invoice never changes", n=issued.number)
        )
    change.write(rel, dump_json(invoice_to_doc(issued)))


def save_payments(
    change: Transaction, paid: dict[int, date], sent: dict[int, tuple[Sent, ...]]
) -> None:
    """Write the payments and the reminders sent (both are in ``payments.json``)."""
    doc: Doc = {
        "schema": SCHEMA,
        "paid": {str(n): day.isoformat() for n, day in sorted(paid.items())},
    }
    if sent:
        doc["reminders"] = {
            str(n): [
                {
                    "date": item.day.isoformat(),
                    "days_overdue": item.days_overdue,
                    "interest": f"{item.interest:.2f}",
                    "interest_added": item.interest_added,
                    "compensation": f"{item.compensation:.2f}",
                }
                for item in items
            ]
            for n, items in sorted(sent.items())
        }
    change.write(PAYMENTS, dump_json(doc))


def check_invoiced_meetings(store: Store, process: Process) -> None:
    """Refuse a change to a meeting that an invoice bills: credit the invoice first.

    The invoice index tells which invoice in force bills an item: no invoice is read whole,
    and the invoices' domain is not imported (a log or a move of a held meeting)."""
    if not (store.root / INVOICES).is_dir():
        return
    try:
        before = store.process(process.id)
    except TyoError:
        return  # a new process, or one whose file the change repairs: nothing invoiced to keep
    # Only a meeting that already billed (held, no-show, cancelled) can be on an invoice:
    # logging or moving planned meetings, the common change, reads no invoice at all.
    changed = [
        meeting
        for meeting in before.meetings
        if meeting.status is not MeetingStatus.PLANNED and process.meeting(meeting.n) != meeting
    ]
    if not changed:
        return
    billed = invoice_of_items(store)
    for meeting in changed:
        number = billed.get(f"{before.id}#{meeting.n}")  # domain.billing.meeting_key
        if number is not None:
            raise StoreError(
                t(
                    "meeting {n} of {process} is on invoice {number} and can't change; "
                    "`tyo invoice credit {number}` credits it, then it can be corrected and invoiced again",
                    n=meeting.n,
                    process=process.id,
                    number=number,
                )
            )
