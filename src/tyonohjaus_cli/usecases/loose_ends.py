"""A month's loose ends: the items of earlier months not yet invoiced.

``tyo billing MONTH`` names them after the month, and ``tyo invoice create --through MONTH``
invoices them with it. They are sought over the :data:`CLAIM_MONTHS` before the month, and
what a month's view shows of them is kept in ``.cache/earlier.json`` under the stamps of
every file it is made of (:func:`earlier_open`): settings, the processes, clients and
expenses it reads, and every invoice.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.sums import Totals, VatTotal
from tyonohjaus_cli.i18n import language
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.index import Memo
from tyonohjaus_cli.usecases import kept_rows, made_of
from tyonohjaus_cli.usecases.billing_notes import earlier_warning

# The billing domain is imported only where loose ends are made: kept ones need none of it.
if TYPE_CHECKING:
    from tyonohjaus_cli.domain.billing import Bill
    from tyonohjaus_cli.domain.expenses import Expense
    from tyonohjaus_cli.storage.store import Store

CLAIM_MONTHS = 36
"""How far back open items are sought: a claim is time-barred three years on (Limitation
Act 728/2003, 4 §), so older ones are not invoiced, and a month's bills cost the same
whatever the length of the history before them."""
_MEMO = "earlier"
_SHAPE = 4
"""What a client's kept loose ends are checked against (:func:`earlier_open`)."""


class Earlier(NamedTuple):
    """A client's items of one earlier month not yet invoiced, as a month's view names them."""

    client: str
    month: Month
    items: tuple[str, ...]
    sums: tuple[tuple[tuple[Decimal, Decimal, Decimal], ...], Decimal, Decimal]
    """What the items bill: each VAT rate's (percent, base, VAT), the net and the VAT (see
    :attr:`open`; a month's view of a thousand of them makes no :class:`Totals` unless
    asked for)."""

    @property
    def open(self) -> Totals:
        by_rate, net, vat = self.sums
        return Totals(tuple(VatTotal(*rate) for rate in by_rate), net, vat)

    @property
    def gross(self) -> Decimal:
        return self.sums[1] + self.sums[2]


class _Sought(NamedTuple):
    """What the index tells of a month's loose ends before any process is read."""

    wanted: dict[tuple[str, Month], set[str]]
    """(client, earlier month) → the processes with an item of it on no invoice."""
    expenses: list[Expense]


def _window(store: Store, month: Month) -> tuple[datetime, datetime]:
    """The :data:`CLAIM_MONTHS` before ``month``, in the store's timezone."""
    zone = store.zone()
    return (
        datetime.combine(month.shifted(-CLAIM_MONTHS).first, time(), zone),
        datetime.combine(month.first, time(), zone),
    )


def decode_ahead(store: Store, month: Month) -> None:
    """Say that ``month``'s bills and loose ends are to be made: an index built from the
    files decodes their processes in its copies (see :meth:`Store.decode_ahead`)."""
    since, _ = _window(store, month)
    store.decode_ahead(since, datetime.combine(month.following.first, time(), store.zone()))
    invoice_store.read_heads_along(store)


def _seek(store: Store, month: Month, clients: Collection[str] | None) -> _Sought:
    on_invoice = invoice_store.invoiced_keys(store)  # the index: no invoice read whole
    since, before = _window(store, month)
    wanted: dict[tuple[str, Month], set[str]] = {}
    for summary, n, start, _, status in store.meeting_slots(since, before, clients=clients):
        if status == MeetingStatus.PLANNED or f"{summary.id}#{n}" in on_invoice:
            continue
        month_of = Month(int(start[:4]), int(start[5:7]))
        wanted.setdefault((summary.client, month_of), set()).add(summary.id)
    expenses = [
        expense for expense, _ in _window_expenses(store, month) if expense.key not in on_invoice
    ]
    for expense in expenses:
        owner = store.process(expense.process).client  # decoded once in a command
        if clients is None or owner in clients:
            wanted.setdefault((owner, Month.of(expense.day)), set()).add(expense.process)
    return _Sought(wanted, expenses)


def _window_expenses(store: Store, month: Month) -> list[tuple[Expense, str]]:
    """The expenses of the :data:`CLAIM_MONTHS` before ``month`` whose process is there,
    each with its process's client."""
    since = month.shifted(-CLAIM_MONTHS).first
    return [
        (expense, store.process(expense.process).client)  # decoded once in a command
        for expense in expense_store.all_expenses(store)
        if since <= expense.day < month.first and store.has_process(expense.process)
    ]


def open_earlier(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[Bill]:
    """The bills of the :data:`CLAIM_MONTHS` months before ``month`` with items not yet
    invoiced, by client and month (only ``client_id``'s when given).

    Only the months and processes with a meeting that bills (held, missed, cancelled) and is
    on no invoice, or an expense on none, are read: an invoiced history costs an index scan.
    """
    return _bills(store, _seek(store, month, None if client_id is None else {client_id}), now=now)


def _bills(store: Store, sought: _Sought, *, now: datetime, whole: bool = True) -> list[Bill]:
    """The bills of what ``sought`` wants, with at least one item open; their invoiced items
    left out unless ``whole`` (what is open then needs no invoice read whole)."""
    if not sought.wanted:
        return []  # and no billing domain imported
    from tyonohjaus_cli.domain.invoices import billed_items
    from tyonohjaus_cli.usecases.bills import Grouped

    settings = store.settings()
    # What these months' bills show as invoiced already: only those clients' invoices of
    # those months are read.
    pairs = {(cid, str(earlier)) for cid, earlier in sought.wanted}
    invoiced = billed_items(invoice_store.invoices(store, of=pairs)) if whole else {}
    on_invoice = () if whole else invoice_store.keys_in_force(store, pairs)
    involved = sorted({pid for ids in sought.wanted.values() for pid in ids})
    grouped = Grouped([store.process(pid) for pid in involved], sought.expenses, invoiced)
    by_client: dict[str, dict[Month, Collection[str] | None]] = {}
    for (cid, earlier), ids in sorted(sought.wanted.items()):
        by_client.setdefault(cid, {})[earlier] = ids
    result = []
    for cid, months in by_client.items():
        if not store.has_client(cid):
            continue  # a process naming no client: `tyo doctor` reports it
        bills = grouped.bills(settings, store.client(cid), months, now=now, on_invoice=on_invoice)
        result += [bill for bill in bills.values() if bill.open_items]
    return result


def earlier_open(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[Earlier]:
    """What :func:`open_earlier` finds, as a month's view shows it: from the cache, client
    by client, while nothing a client's loose ends can be made of has changed (its file, the
    part before the month of its processes with a meeting in the :data:`CLAIM_MONTHS`, and
    what every client's are made of), so that a month's view neither seeks nor bills three
    years of processes again, and a change to one process seeks and bills only its
    client's again. (An open item does not depend on ``now``.)"""
    return kept_open(store, month, client_id, now=now)[0]


def kept_open(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> tuple[list[Earlier], str]:
    """:func:`earlier_open`, and the digest of them as kept (see :func:`kept_digest`)."""
    kept = _kept(store, month, client_id, now=now, lang=None)
    found = [item for earlier, _ in kept.found.values() for item in earlier or []]
    return sorted(found, key=lambda item: (item.client, item.month)), kept.digest


def earlier_notes(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[str]:
    """What a month's view says of each client's loose ends (:func:`earlier_warning`, in
    the view's language), by client: kept with them, so that a month kept reads no row."""
    return kept_notes(store, month, client_id, now=now)[0]


def kept_notes(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> tuple[list[str], str]:
    """:func:`earlier_notes`, and the digest of them as kept (see :func:`kept_digest`)."""
    kept = _kept(store, month, client_id, now=now, lang=language())
    return [note for _, note in kept.found.values() if note], kept.digest


class _Inputs(NamedTuple):
    """What a month's loose ends are made of: every client's (``shared``), each client's,
    and the parts of the processes they read (see :func:`made_of.parts`); and what is kept
    of them (under ``shared``)."""

    shared: list[Any]
    clients: dict[str, list[Any]]
    parts: dict[str, list[Any]]
    kept: dict[str, Any]


def _inputs(store: Store, month: Month, client_id: str | None, memo: Memo, name: str) -> _Inputs:
    since, before = _window(store, month)
    spans: dict[str, set[str]] = {}
    for summary in store.overlapping(since, before):
        if client_id is None or summary.client == client_id:
            spans.setdefault(summary.client, set()).add(summary.id)
    owners = {expense.process: owner for expense, owner in _window_expenses(store, month)}
    for process_id, owner in owners.items():
        if client_id is None or owner == client_id:
            spans.setdefault(owner, set()).add(process_id)
    shared = [_SHAPE, *made_of.every_answer(store), made_of.processes(store, owners)]
    kept = memo.get(name, shared)
    kept = kept if isinstance(kept, dict) else {}
    stamps = made_of.clients(store, spans)
    ids = {pid for own in spans.values() for pid in own}
    parts = made_of.parts(store, ids, month.first, kept.get("parts"))
    clients = {
        cid: [stamps[cid], [[pid, parts[pid][1]] for pid in sorted(spans[cid])]]
        for cid in sorted(spans)
    }
    return _Inputs(shared, clients, parts, kept)


def _note(entry: list[Any], lang: str | None) -> str | None:
    """The note in ``lang`` kept with a client's loose ends, if there is one."""
    note = entry[2]
    if lang is not None and isinstance(note, list) and len(note) == 2 and note[0] == lang:
        return note[1] if isinstance(note[1], str) else None
    return None


def _entries(kept: dict[str, Any], inputs: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Each client's kept entry that was made of exactly its inputs now."""
    by_client = kept.get("clients")
    by_client = by_client if isinstance(by_client, dict) else {}
    return {
        cid: entry
        for cid, made_of_now in inputs.items()
        if isinstance(entry := by_client.get(cid), list)
        and len(entry) == 3
        and entry[0] == made_of_now
    }


def _matching(
    inputs: dict[str, list[Any]], kept: dict[str, Any], lang: str | None
) -> dict[str, tuple[list[Any], list[Earlier] | None, str | None]]:
    """Each client's kept entry that was made of exactly its inputs, with what it found
    and, with ``lang``, what it says (the finding left unread when that is kept)."""
    matching = {}
    for cid, entry in _entries(kept, inputs).items():
        note = _note(entry, lang)
        earlier = _from_rows(entry[1]) if note is None else None
        if note is not None or earlier is not None:
            matching[cid] = (entry, earlier, note)
    return matching


def kept_digest(
    store: Store, month: Month, client_id: str | None, *, lang: str | None
) -> str | None:
    """A digest of the month's loose ends as kept, and with ``lang`` of what the view says
    of them, while none is to be sought again (else ``None``): what a view drawn from them
    is kept under (see :mod:`usecases.kept_views`). Nothing is written, no row decoded."""
    name = f"{month} {client_id or ''}"
    _, inputs, _, kept = _inputs(store, month, client_id, Memo(store.root, _MEMO), name)
    entries = _entries(kept, inputs)
    if len(entries) != len(inputs):
        return None
    if lang is not None and any(_note(entry, lang) is None for entry in entries.values()):
        return None
    return _digest(entries, lang)


def _digest(entries: dict[str, list[Any]], lang: str | None) -> str:
    """The digest of each client's kept entry: what it found, and what it says in ``lang``."""
    return made_of.rows_digest(
        [[cid, entries[cid][1], _note(entries[cid], lang)] for cid in sorted(entries)]
    )


class _Kept(NamedTuple):
    found: dict[str, tuple[list[Earlier] | None, str | None]]
    """Each client's loose ends: what was found, and with ``lang`` what is said of it, the
    finding left unread (``None``) when its note in ``lang`` is kept."""
    digest: str
    """Of the entries as kept now (:func:`kept_digest`)."""


def _kept(
    store: Store, month: Month, client_id: str | None, *, now: datetime, lang: str | None
) -> _Kept:
    """Each client's loose ends (see :func:`earlier_open`), from the cache or sought and
    kept anew."""
    memo = Memo(store.root, _MEMO)
    name = f"{month} {client_id or ''}"
    shared, inputs, parts, kept = _inputs(store, month, client_id, memo, name)
    by_client = kept.get("clients")
    by_client = by_client if isinstance(by_client, dict) else {}
    answer: dict[str, list[Any]] = {}
    found: dict[str, tuple[list[Earlier] | None, str | None]] = {}
    for cid, (entry, earlier, note) in _matching(inputs, kept, lang).items():
        answer[cid], found[cid] = entry, (earlier, note)
    stale = {cid for cid in inputs if cid not in answer}
    made: dict[str, list[Bill]] = {}
    if stale:
        for bill in _bills(store, _seek(store, month, stale), now=now, whole=False):
            made.setdefault(bill.client.id, []).append(bill)
    for cid in sorted(stale):
        earlier = [_earlier_of(bill) for bill in made.get(cid, [])]
        answer[cid] = [inputs[cid], _to_rows(earlier), None]
        found[cid] = (earlier, None)
    del made  # three years of bills (~2 MiB on a first run): not held while the memo is saved
    unsaid = [cid for cid, (_, note) in found.items() if lang is not None and note is None]
    for cid in unsaid:
        earlier = found[cid][0]
        said = earlier_warning(earlier, month) if earlier else ""
        answer[cid] = [*answer[cid][:2], [lang, said]]
        found[cid] = (earlier, said)
    if stale or unsaid or set(by_client) != set(answer) or kept.get("parts") != parts:
        memo.put(name, shared, {"clients": answer, "parts": parts})
    return _Kept({cid: found[cid] for cid in inputs}, _digest(answer, lang))


def _earlier_of(bill: Bill) -> Earlier:
    """What a month's view names of ``bill``'s open items."""
    totals = bill.open_totals
    return Earlier(
        bill.client.id,
        bill.month,
        tuple(item.key for item in bill.open_items),
        (
            tuple((rate.percent, rate.base, rate.vat) for rate in totals.by_rate),
            totals.net,
            totals.vat,
        ),
    )


def _to_rows(found: list[Earlier]) -> list[Any]:
    """``found`` as it is kept (read back by :func:`_from_rows`)."""
    return [
        [
            earlier.client,
            str(earlier.month),
            list(earlier.items),
            [[str(percent), str(base), str(tax)] for percent, base, tax in by_rate],
            str(net),
            str(vat),
        ]
        for earlier in found
        for by_rate, net, vat in [earlier.sums]
    ]


def _from_rows(rows: Any) -> list[Earlier] | None:
    """The cached answer, or ``None`` if it is not in the shape :func:`_to_rows` gives."""
    from decimal import InvalidOperation

    number = kept_rows.number
    try:
        return [
            Earlier(
                kept_rows.text(client),
                Month(*map(int, kept_rows.text(month).split("-"))),
                tuple(kept_rows.text(item) for item in items),
                (
                    tuple((number(a), number(b), number(c)) for a, b, c in by_rate),
                    number(net),
                    number(vat),
                ),
            )
            for client, month, items, by_rate, net, vat in rows
        ]
    except (TypeError, ValueError, InvalidOperation):
        return None


def bills_through(store: Store, through: Month, client_id: str, *, now: datetime) -> Bill:
    """``client_id``'s items not yet invoiced up to ``through``, as one bill (with the
    month's own invoiced items), for one invoice whose service period spans the months."""
    from tyonohjaus_cli.domain.billing import combine
    from tyonohjaus_cli.usecases.bills import month_bills

    bills = [*open_earlier(store, through, client_id, now=now)]
    bills += month_bills(store, through, client_id, now=now)
    return combine(bills)
