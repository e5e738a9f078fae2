"""A month's bills as ``tyo billing MONTH`` shows them, kept in ``.cache/bills.json``.

A month's bills are made of the settings, the month's processes, their clients, the
expenses, the invoices and, for the meetings not yet logged, the clock: they are kept under
the stamp of each of those files and the keys of the month's meetings already past, and made
again from the store the moment one differs (:func:`shown_bills`). They are kept as the
view shows them (:class:`BillView`, the rows of ``--json`` in the language of the view), so
that a month kept costs no billing domain at all. A new invoice is always made from the
store itself (``tyo invoice create`` does not read this cache).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.sums import Totals, VatTotal
from tyonohjaus_cli.i18n import language
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.index import Memo
from tyonohjaus_cli.usecases import kept_rows, made_of

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.billing import Bill, BillItem
    from tyonohjaus_cli.domain.overview import AgendaItem
    from tyonohjaus_cli.storage.store import Store

_MEMO = "bills"
_SHAPE = 3
"""The shape of a kept bill (:func:`_row`): a kept answer of another shape is made again."""
KEYS = ("named", "parts")


class BillView(NamedTuple):
    """A client's bill of a month as the view shows it: ``items`` are the rows of
    ``--json`` (with the client's id), their figures as :class:`~decimal.Decimal`."""

    client: str
    """The client's id, ``""`` for the forgotten clients' kept invoices."""
    name: str
    """The name billed to (see :attr:`domain.billing.Bill.name`)."""
    month: Month
    items: list[dict[str, Any]]
    totals: Totals
    invoiced: Totals
    open: Totals
    unlogged: tuple[str, ...]


class _Check(NamedTuple):
    """What a month's kept bills are checked against, and what of them still holds."""

    memo: Memo
    name: str
    shared: list[Any]
    named: list[str]
    groups: dict[str, list[AgendaItem]]
    parts: dict[str, list[Any]]
    inputs: dict[str, list[Any]]
    kept: dict[str, Any]
    by_client: dict[str, Any]
    """Each client's entry as kept, whatever it was made of."""
    entries: dict[str, list[Any]]
    """Each client's kept entry (``[inputs, rows]``) that was made of exactly its inputs."""


def _check(store: Store, month: Month, client_id: str | None, *, now: datetime) -> _Check:
    """Read what the month's bills are made of and compare it with what is kept; nothing
    is written."""
    zone = store.zone()
    span = store.agenda(
        datetime.combine(month.first, time(), zone),
        datetime.combine(month.following.first, time(), zone),
    )
    shared, expense_owners = _shared_inputs(store, month)
    memo = Memo(store.root, _MEMO)
    name = f"{month} {client_id or ''}"
    kept = memo.get(name, shared)
    kept = kept if isinstance(kept, dict) else {}
    named = kept.get("named")
    if not (isinstance(named, list) and all(isinstance(cid, str) for cid in named)):
        named = _invoiced_clients(store, month)
    groups = _groups(store, span, expense_owners, named, client_id)
    stamps = made_of.clients(store, groups)
    ids = {item.process for items in groups.values() for item in items}
    parts = made_of.parts(store, ids, month.following.first, kept.get("parts"))
    inputs = {cid: _client_inputs(stamps[cid], items, parts, now) for cid, items in groups.items()}
    if "" in inputs:  # the forgotten clients' bill is made of which clients are gone
        inputs[""][0] = [cid for cid in named if not store.has_client(cid)]
    by_client = kept.get("clients")
    by_client = by_client if isinstance(by_client, dict) else {}
    entries = {
        cid: entry
        for cid in groups
        if isinstance(entry := by_client.get(cid), list)
        and len(entry) == 2
        and entry[0] == inputs[cid]
    }
    return _Check(memo, name, shared, named, groups, parts, inputs, kept, by_client, entries)


def kept_digest(store: Store, month: Month, client_id: str | None, *, now: datetime) -> str | None:
    """A digest of the month's bills as kept, while none of them is to be made again (else
    ``None``): what a view drawn from them is kept under (see :mod:`usecases.kept_views`).
    Nothing is written."""
    check = _check(store, month, client_id, now=now)
    return _digest(check.entries) if len(check.entries) == len(check.groups) else None


def _digest(entries: dict[str, list[Any]]) -> str:
    """The digest of each client's kept bills, as kept."""
    return made_of.rows_digest([[cid, entries[cid][1]] for cid in sorted(entries)])


class Shown(NamedTuple):
    """A month's bills as the view shows them, and the digest of them as kept (see
    :func:`kept_digest`)."""

    bills: list[BillView]
    digest: str


def shown_bills(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> Shown:
    """:func:`usecases.bills.month_bills` as the view shows them, from the cache client by
    client while nothing a client's bill is made of has changed: a change to one process
    bills its client again."""
    memo, name, shared, named, groups, parts, inputs, kept, by_client, entries = _check(
        store, month, client_id, now=now
    )
    answer: dict[str, list[Any]] = {}
    bills: dict[str, list[BillView]] = {}
    for cid, entry in entries.items():
        found = _views(entry[1], month)
        if found is not None:
            answer[cid], bills[cid] = entry, found
    stale = [cid for cid in groups if cid not in answer]
    if stale or set(by_client) != set(answer) or [kept.get(k) for k in KEYS] != [named, parts]:
        made = _made(store, month, client_id, stale, now) if stale else []
        for cid in stale:
            rows = [_row(bill) for bill in made if bill.client.id == cid]
            answer[cid] = [inputs[cid], rows]
            bills[cid] = _views(rows, month) or []
        memo.put(name, shared, {"named": named, "clients": answer, "parts": parts})
    order = sorted((cid for cid in groups if cid), key=file_order) + ([""] if "" in groups else [])
    return Shown([bill for cid in order for bill in bills[cid]], _digest(answer))


def _made(
    store: Store, month: Month, client_id: str | None, stale: list[str], now: datetime
) -> list[Bill]:
    """The bills of the clients ``stale`` names, made from the store."""
    from tyonohjaus_cli.usecases.bills import month_bills

    if client_id is not None:
        return month_bills(store, month, client_id, now=now)
    return month_bills(store, month, now=now, only=stale)


def file_order(client_id: str) -> str:
    """Clients in the order of their files, as `tyo client list` shows them."""
    return f"{client_id}.toml"


def _shared_inputs(store: Store, month: Month) -> tuple[list[Any], dict[str, str]]:
    """What every client's bill of ``month`` is made of (settings, expenses, invoices, tyo,
    the language of the view), and the client of each process with an expense in the month."""
    owners = {
        expense.process: store.process(expense.process).client
        for expense in expense_store.all_expenses(store)
        if expense.day in month and store.has_process(expense.process)
    }
    return [
        _SHAPE,
        language(),
        *made_of.every_answer(store),
        str(month),
        made_of.processes(store, owners),
    ], owners


def _invoiced_clients(store: Store, month: Month) -> list[str]:
    """The clients of the invoices billing anything of ``month`` (from the invoice index:
    kept with the month's bills, under the invoice files' stamps)."""
    return sorted(
        {head.client for head in invoice_store.invoice_heads(store) if str(month) in head.months()}
    )


def _groups(
    store: Store,
    span: list[AgendaItem],
    expense_owners: dict[str, str],
    invoiced: list[str],
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
    for cid in invoiced:
        groups.setdefault(cid if store.has_client(cid) else "", [])
    return groups


def _client_inputs(
    client: Any, items: list[AgendaItem], parts: dict[str, list[Any]], now: datetime
) -> list[Any]:
    """What one client's bill is made of besides: its file (``client``, its stamp), the
    part of its processes' files up to the month's end (``parts``), and its meetings of the
    month already past (they bill nothing until logged)."""
    past = [
        f"{item.process}#{item.n}"
        for item in items
        if item.status is MeetingStatus.PLANNED and item.start < now
    ]
    return [client, [[pid, parts[pid][1]] for pid in sorted({i.process for i in items})], past]


# --- a bill as kept: the rows of the view, in JSON ---------------------------------------


def _sums_row(totals: Totals) -> list[Any]:
    return [
        [[str(rate.percent), str(rate.base), str(rate.vat)] for rate in totals.by_rate],
        str(totals.net),
        str(totals.vat),
    ]


def _item_row(bill: Bill, item: BillItem, lang: str) -> dict[str, Any]:
    from tyonohjaus_cli.render.invoice_text import line_description

    line = item.line
    return {
        "client": bill.client.id,
        "date": line.day.isoformat(),
        "process": line.process,
        "kind": line.kind.value,
        "description": line_description(line, lang),
        "minutes": line.minutes,
        "units": str(line.units) if line.unit_minutes else None,
        "unit_price": str(line.unit_price),
        "amount": str(line.amount),
        "discounts": [
            {
                "kind": discount.kind.value,
                "percent": plain(discount.percent) if discount.percent is not None else None,
                "amount": str(discount.amount),
            }
            for discount in item.lines[1:]
        ],
        "discount": str(sum((line.amount for line in item.lines[1:]), Decimal(0))),
        "net": str(item.net),
        "vat_percent": plain(line.vat_percent),
        "invoice": item.invoice,
        "charge_reason": item.note or None,
    }


def _row(bill: Bill) -> dict[str, Any]:
    lang = language()
    return {
        "client": bill.client.id,
        "name": bill.name,
        "items": [_item_row(bill, item, lang) for item in bill.items],
        "totals": _sums_row(bill.totals),
        "invoiced": _sums_row(bill.invoiced_totals),
        "open": _sums_row(bill.open_totals),
        "unlogged": list(bill.unlogged),
    }


def _sums(row: Any) -> Totals:
    by_rate, net, vat = row
    return Totals(
        tuple(VatTotal(*(kept_rows.number(part) for part in rate)) for rate in by_rate),
        kept_rows.number(net),
        kept_rows.number(vat),
    )


def _item(row: Any) -> dict[str, Any]:
    units = row["units"]
    return {
        "client": kept_rows.text(row["client"]),
        "date": date.fromisoformat(kept_rows.text(row["date"])),
        "process": kept_rows.text(row["process"]),
        "kind": kept_rows.text(row["kind"]),
        "description": kept_rows.text(row["description"]),
        "minutes": kept_rows.whole(row["minutes"]),
        "units": None if units is None else kept_rows.number(units),
        "unit_price": kept_rows.number(row["unit_price"]),
        "amount": kept_rows.number(row["amount"]),
        "discounts": [
            {
                "kind": kept_rows.text(discount["kind"]),
                "percent": None
                if discount["percent"] is None
                else kept_rows.numeral(discount["percent"]),
                "amount": kept_rows.number(discount["amount"]),
            }
            for discount in row["discounts"]
        ],
        "discount": kept_rows.number(row["discount"]),
        "net": kept_rows.number(row["net"]),
        "vat_percent": kept_rows.numeral(row["vat_percent"]),
        "invoice": kept_rows.whole(row["invoice"]),
        "charge_reason": kept_rows.optional(row["charge_reason"]),
    }


def _views(rows: Any, month: Month) -> list[BillView] | None:
    """The kept bills, or ``None`` when they are damaged."""
    try:
        return [
            BillView(
                kept_rows.text(row["client"]),
                kept_rows.text(row["name"]),
                month,
                [_item(item) for item in row["items"]],
                _sums(row["totals"]),
                _sums(row["invoiced"]),
                _sums(row["open"]),
                tuple(kept_rows.text(key) for key in row["unlogged"]),
            )
            for row in rows
        ]
    except (kept_rows.DamagedError, TypeError, ValueError, KeyError, InvalidOperation):
        return None
