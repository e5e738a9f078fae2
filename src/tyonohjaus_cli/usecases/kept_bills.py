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

from tyonohjaus_cli.domain.billing import FORGOTTEN, Bill, BillItem
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.invoices import InvoiceLine, LineKind
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.errors import TyoError
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.index import Memo
from tyonohjaus_cli.usecases import made_of
from tyonohjaus_cli.usecases.bills import file_order, month_bills

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.overview import AgendaItem
    from tyonohjaus_cli.storage.store import Store

_MEMO = "bills"


def shown_bills(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[Bill]:
    """:func:`usecases.bills.month_bills`, from the cache client by client while nothing a
    client's bill is made of has changed: a change to one process bills its client again."""
    zone = store.zone()
    span = store.agenda(
        datetime.combine(month.first, time(), zone),
        datetime.combine(month.following.first, time(), zone),
    )
    shared, expense_owners = _shared_inputs(store, month)
    groups = _groups(store, month, span, expense_owners, client_id)
    inputs = {cid: _client_inputs(store, cid, items, now) for cid, items in groups.items()}
    memo = Memo(store.root, _MEMO)
    name = f"{month} {client_id or ''}"
    kept = memo.get(name, shared)
    kept = kept if isinstance(kept, dict) else {}
    answer: dict[str, list[Any]] = {}
    bills: dict[str, list[Bill]] = {}
    for cid in groups:
        entry = kept.get(cid)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == inputs[cid]:
            found = _from_rows(store, month, entry[1])
            if found is not None:
                answer[cid], bills[cid] = entry, found
    stale = [cid for cid in groups if cid not in answer]
    if stale or set(kept) != set(answer):
        if client_id is not None:
            made = month_bills(store, month, client_id, now=now) if stale else []
        else:
            made = month_bills(store, month, now=now, only=stale) if stale else []
        for cid in stale:
            bills[cid] = [bill for bill in made if bill.client.id == cid]
            answer[cid] = [inputs[cid], [_bill_row(bill) for bill in bills[cid]]]
        memo.put(name, shared, answer)
    order = sorted((cid for cid in groups if cid), key=file_order) + ([""] if "" in groups else [])
    return [bill for cid in order for bill in bills[cid]]


def _shared_inputs(store: Store, month: Month) -> tuple[list[Any], dict[str, str]]:
    """What every client's bill of ``month`` is made of (settings, expenses, invoices, tyo),
    and the client of each process with an expense in the month."""
    owners = {
        expense.process: store.process(expense.process).client
        for expense in expense_store.all_expenses(store)
        if expense.day in month and store.has_process(expense.process)
    }
    return [*made_of.every_answer(store), str(month), made_of.processes(store, owners)], owners


def _groups(
    store: Store,
    month: Month,
    span: list[AgendaItem],
    expense_owners: dict[str, str],
    client_id: str | None,
) -> dict[str, list[AgendaItem]]:
    """The clients a month's bills can name, each with its meetings of the month; ``""``
    stands for the forgotten clients whose invoices of the month are kept."""
    groups: dict[str, list[AgendaItem]] = {}
    if client_id is not None:
        groups[client_id] = [item for item in span if item.client == client_id]
        return groups
    for item in span:
        groups.setdefault(item.client, []).append(item)
    for owner in expense_owners.values():
        groups.setdefault(owner, [])
    for head in invoice_store.invoice_heads(store):
        if str(month) in head.months():
            groups.setdefault(head.client if store.has_client(head.client) else "", [])
    return groups


def _client_inputs(
    store: Store, client_id: str, items: list[AgendaItem], now: datetime
) -> list[Any]:
    """What one client's bill is made of besides: its file, its processes' files, and its
    meetings of the month already past (they bill nothing until logged)."""
    past = [
        f"{item.process}#{item.n}"
        for item in items
        if item.status is MeetingStatus.PLANNED and item.start < now
    ]
    return [
        made_of.client(store, client_id),
        made_of.processes(store, {item.process for item in items}),
        past,
    ]


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
