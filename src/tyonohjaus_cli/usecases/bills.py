"""A month's bills gathered from the store, for ``tyo billing`` and ``tyo invoice create``.

Also which months a price change touches: the months whose items, not yet invoiced, bill
differently after it (an invoiced item is frozen on its invoice, whatever changes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.billing import FORGOTTEN, Bill, bill_month, combine
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.invoices import billed_items
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.i18n import format_money, t, tn
from tyonohjaus_cli.i18n.months import month_words, months_words
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Client, Process
    from tyonohjaus_cli.domain.settings import Settings
    from tyonohjaus_cli.storage.store import Store

_EVER = (datetime(2000, 1, 1), datetime(2101, 1, 1))  # noqa: DTZ001 (given the store's zone below)
"""The years tyo bills (``tyo billing year`` takes 2000-2100)."""
CLAIM_MONTHS = 36
"""How far back open items are sought: a claim is time-barred three years on (Limitation
Act 728/2003, 4 §), so older ones are not invoiced, and a month's bills cost the same
whatever the length of the history before them."""


def bills_by_month(
    store: Store, months: list[Month], client_id: str | None = None, *, now: datetime
) -> list[list[Bill]]:
    """Each client's bill for each of ``months`` (only ``client_id``'s when given), marked
    with what is already invoiced; clients with nothing to show are left out unless named.

    Only the processes with a meeting (or an expense) in the months are read: the index
    tells which, so a long practice's old processes are not parsed.
    """
    settings = store.settings()
    zone = store.zone()
    clients = [store.client(client_id)] if client_id else store.clients()
    wanted = {client.id for client in clients}
    first, last = min(months).first, max(months).following.first
    span = store.agenda(datetime.combine(first, time(), zone), datetime.combine(last, time(), zone))
    expenses = [e for e in expense_store.all_expenses(store) if first <= e.day < last]
    # Every client's processes unless one is named: a process whose client does not exist
    # is a mistake to report, not a month with nothing to bill.
    ids = {item.process for item in span if client_id is None or item.client in wanted}
    ids |= {expense.process for expense in expenses if store.has_process(expense.process)}
    processes = [store.process(process_id) for process_id in sorted(ids)]
    for process in processes:
        store.client_of(process)
    invoiced = billed_items(invoice_store.invoices(store, [str(month) for month in months]))
    if client_id is None:
        # A forgotten client's invoices are kept by law and still count, under one label.
        gone = {billed.client for billed in invoiced.values()} - wanted
        invoiced |= {
            key: replace(billed, client=FORGOTTEN.id, buyer=FORGOTTEN.name)
            for key, billed in invoiced.items()
            if billed.client in gone
        }
        clients = [*clients, FORGOTTEN] if gone else clients
    result = []
    for month in months:
        bills = [
            bill_month(settings, client, processes, expenses, month, invoiced=invoiced, now=now)
            for client in clients
        ]
        result.append([bill for bill in bills if bill.items or bill.unlogged or client_id])
    return result


def month_bills(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[Bill]:
    """The bills of one month (see :func:`bills_by_month`)."""
    return bills_by_month(store, [month], client_id, now=now)[0]


def unlogged_warning(bill: Bill) -> str:
    return tn(
        "{count} meeting of {client} in {month} is not logged yet and bills nothing: {meetings} "
        "(log it with `tyo log`)",
        "{count} meetings of {client} in {month} are not logged yet and bill nothing: {meetings} "
        "(log them with `tyo log`)",
        len(bill.unlogged),
        client=bill.client.id,
        month=month_words(bill.month),
        meetings=", ".join(bill.unlogged),
    )


# --- what a price change touches ---------------------------------------------------------


def repriced_months(
    store: Store,
    *,
    settings: Settings | None = None,
    clients: Mapping[str, Client] | None = None,
    processes: Iterable[Process] = (),
    since: date | None = None,
) -> list[Month]:
    """The months whose items not yet invoiced bill differently with the changed
    ``settings``, ``clients`` and ``processes`` than with the store's (read before saving).

    Only the processes the change can reach are read: every one for the settings, the
    client's for a client, the process itself for a process; and only the months with a
    meeting that bills (held, missed, cancelled) on or after ``since``.
    """
    changed_clients = dict(clients or {})
    changed_processes = {process.id: process for process in processes}
    zone = store.zone()
    months: dict[str, set[Month]] = {}
    for item in store.agenda(*(moment.replace(tzinfo=zone) for moment in _EVER)):
        reached = (
            settings is not None
            or item.client in changed_clients
            or item.process in changed_processes
        )
        day = item.start.date()
        if reached and item.status is not MeetingStatus.PLANNED and (since is None or day >= since):
            months.setdefault(item.process, set()).add(Month.of(day))
    if not months:
        return []
    before_settings = store.settings()
    after_settings = settings or before_settings
    invoiced = billed_items(invoice_store.invoices(store))
    touched: set[Month] = set()
    for process_id, process_months in sorted(months.items()):
        before = store.process(process_id)
        after = changed_processes.get(process_id, before)
        client_before = store.client_of(before)
        client_after = changed_clients.get(client_before.id, client_before)
        for month in process_months - touched:
            old = bill_month(before_settings, client_before, [before], [], month, invoiced=invoiced)
            new = bill_month(after_settings, client_after, [after], [], month, invoiced=invoiced)
            if [item.lines for item in old.open_items] != [item.lines for item in new.open_items]:
                touched.add(month)
    return sorted(touched)


def repriced_message(months: list[Month]) -> str:
    """What a price change touches, in a sentence."""
    if not months:
        return t("No item billed but not yet invoiced changes; invoiced ones never do.")
    return t(
        "Items not yet invoiced in {months} now bill the new price; invoiced ones stay as invoiced.",
        months=months_words(months),
    )


# --- a month's loose ends: items of earlier months not yet invoiced ----------------------


def open_earlier(
    store: Store, month: Month, client_id: str | None = None, *, now: datetime
) -> list[Bill]:
    """The bills of the :data:`CLAIM_MONTHS` months before ``month`` with items not yet
    invoiced, by client and month (only ``client_id``'s when given).

    Only the months and processes with a meeting that bills (held, missed, cancelled) and is
    on no invoice, or an expense on none, are read: an invoiced history costs an index scan.
    """
    zone = store.zone()
    on_invoice = invoice_store.invoiced_keys(store)  # the index: no invoice read whole
    since = month.shifted(-CLAIM_MONTHS).first
    before = datetime.combine(month.first, time(), zone)
    wanted: dict[tuple[str, Month], set[str]] = {}
    for item in store.agenda(datetime.combine(since, time(), zone), before):
        if item.status is MeetingStatus.PLANNED or f"{item.process}#{item.n}" in on_invoice:
            continue
        if client_id is None or item.client == client_id:
            wanted.setdefault((item.client, Month.of(item.start.date())), set()).add(item.process)
    processes: dict[str, Process] = {}
    expenses = [
        expense
        for expense in expense_store.all_expenses(store)
        if since <= expense.day < month.first
        and expense.key not in on_invoice
        and store.has_process(expense.process)
    ]
    for expense in expenses:
        process = processes.setdefault(expense.process, store.process(expense.process))
        if client_id is None or process.client == client_id:
            key = (process.client, Month.of(expense.day))
            wanted.setdefault(key, set()).add(process.id)
    settings = store.settings()
    # What these months' bills show as invoiced already: only their invoices are read.
    months = {str(earlier) for _, earlier in wanted}
    invoiced = billed_items(invoice_store.invoices(store, months)) if months else {}
    result = []
    for (cid, earlier), ids in sorted(wanted.items()):
        if not store.has_client(cid):
            continue  # a process naming no client: `tyo doctor` reports it
        own = [processes.setdefault(pid, store.process(pid)) for pid in sorted(ids)]
        bill = bill_month(
            settings, store.client(cid), own, expenses, earlier, invoiced=invoiced, now=now
        )
        if bill.open_items:
            result.append(bill)
    return result


def bills_through(store: Store, through: Month, client_id: str, *, now: datetime) -> Bill:
    """``client_id``'s items not yet invoiced up to ``through``, as one bill (with the
    month's own invoiced items), for one invoice whose service period spans the months."""
    bills = [*open_earlier(store, through, client_id, now=now)]
    bills += month_bills(store, through, client_id, now=now)
    return combine(bills)


def earlier_warning(bills: list[Bill], month: Month) -> str:
    """A client's items not yet invoiced from months before ``month``, and what to do."""
    client = bills[0].client.id
    count = sum(len(bill.open_items) for bill in bills)
    return tn(
        "Not yet invoiced: {client} has {count} item from before {month} ({months}, {gross}); "
        "`tyo invoice create --through {month} --client {client}` invoices it with {month}.",
        "Not yet invoiced: {client} has {count} items from before {month} ({months}, {gross}); "
        "`tyo invoice create --through {month} --client {client}` invoices them with {month}.",
        count,
        client=client,
        month=month_words(month),
        months=months_words(bill.month for bill in bills),
        gross=format_money(sum((bill.open_totals.gross for bill in bills), Decimal(0))),
    )
