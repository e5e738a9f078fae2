"""A month's bills as ``tyo billing MONTH`` shows them, kept in ``.cache/bills.json``.

A month's bills are made of the settings, the month's processes, their clients, the
expenses, the invoices and, for the meetings not yet logged, the clock: they are kept under
the stamp of each of those files and the keys of the month's meetings already past, and made
again from the store the moment one differs (:func:`shown_bills`). A new invoice is always
made from the store itself (``tyo invoice create`` does not read this cache).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli import __version__
from tyonohjaus_cli.domain.billing import FORGOTTEN, Bill, BillItem
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.invoices import InvoiceLine, LineKind
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.errors import TyoError
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.index import Memo, stamp_of, toml_files
from tyonohjaus_cli.storage.store import SETTINGS, client_path, process_path
from tyonohjaus_cli.usecases.bills import month_bills

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store

_MEMO = "bills"


def shown_bills(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[Bill]:
    """:func:`usecases.bills.month_bills`, from the cache while nothing it is made of has
    changed."""
    inputs = _inputs(store, month, client_id, now)
    memo = Memo(store.root, _MEMO)
    name = f"{month} {client_id or ''}"
    rows = memo.get(name, inputs)
    if rows is not None:
        kept = _from_rows(store, month, rows)
        if kept is not None:
            return kept
    bills = month_bills(store, month, client_id, now=now)
    memo.put(name, inputs, [_bill_row(bill) for bill in bills])
    return bills


def _inputs(store: Store, month: Month, client_id: str | None, now: datetime) -> list[Any]:
    """What the month's bills are made of: each file's stamp, the meetings already past."""
    root, zone = store.root, store.zone()
    span = store.agenda(
        datetime.combine(month.first, time(), zone),
        datetime.combine(month.following.first, time(), zone),
    )
    mine = [item for item in span if client_id is None or item.client == client_id]
    processes = sorted({item.process for item in mine})
    clients = {item.client for item in mine}
    clients |= {
        head.client for head in invoice_store.invoice_heads(store) if str(month) in head.months()
    }
    if client_id is not None:
        clients.add(client_id)
    past = [
        f"{item.process}#{item.n}"
        for item in mine
        if item.status is MeetingStatus.PLANNED and item.start < now
    ]
    return [
        __version__,
        str(month),
        stamp_of(root / SETTINGS),
        [[pid, stamp_of(root / process_path(pid))] for pid in processes],
        [[cid, stamp_of(root / client_path(cid))] for cid in sorted(clients)],
        [list(item) for item in toml_files(root / expense_store.EXPENSES)],
        [list(item) for item in toml_files(root / invoice_store.INVOICES, ".json")],
        past,
    ]  # as JSON reads it back: lists, not tuples


def _bill_row(bill: Bill) -> list[Any]:
    return [
        bill.client.id,
        [
            [
                item.key,
                item.invoice,
                item.buyer,
                item.note,
                [_line_row(line) for line in item.lines],
            ]
            for item in bill.items
        ],
        list(bill.unlogged),
        [list(reference) for reference in bill.references],
    ]


def _line_row(line: InvoiceLine) -> list[Any]:
    return [
        line.item,
        line.kind.value,
        line.day.isoformat(),
        line.process,
        line.title,
        str(line.unit_price),
        str(line.amount),
        str(line.vat_percent),
        line.minutes,
        line.unit_minutes,
        None if line.percent is None else str(line.percent),
        line.pass_through,
    ]


class _DamagedError(Exception):
    """A kept row not in the shape :func:`_bill_row` gives."""


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _DamagedError
    return value


def _whole(value: Any) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise _DamagedError
    return value


def _line(row: Any) -> InvoiceLine:
    item, kind, day, process, title, price, amount, vat, minutes, unit, percent, through = row
    if not isinstance(through, bool):
        raise _DamagedError
    return InvoiceLine(
        item=_text(item),
        kind=LineKind(_text(kind)),
        day=date.fromisoformat(_text(day)),
        process=_text(process),
        title=_text(title),
        unit_price=Decimal(_text(price)),
        amount=Decimal(_text(amount)),
        vat_percent=Decimal(_text(vat)),
        minutes=_whole(minutes),
        unit_minutes=_whole(unit),
        percent=None if percent is None else Decimal(_text(percent)),
        pass_through=through,
    )


def _from_rows(store: Store, month: Month, rows: Any) -> list[Bill] | None:
    """The kept bills, or ``None`` when they are damaged or name a client no longer there."""
    try:
        return [
            Bill(
                FORGOTTEN if client == "" else store.client(_text(client)),
                month,
                tuple(
                    BillItem(
                        _text(key),
                        tuple(_line(line) for line in lines),
                        _whole(invoice),
                        _text(buyer),
                        _text(note),
                    )
                    for key, invoice, buyer, note, lines in items
                ),
                tuple(_text(key) for key in unlogged),
                tuple((_text(a), _text(b), _text(c)) for a, b, c in references),
            )
            for client, items, unlogged, references in rows
        ]
    except (_DamagedError, TypeError, ValueError, InvalidOperation, TyoError):
        return None
