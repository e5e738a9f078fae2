"""A year's turnover gathered from the store, for ``tyo billing year``.

What is invoiced counts as its invoices bill it, and an issued invoice never changes: its
items' sums come from the invoice index (:func:`storage.invoices.billed_in`), so no invoice
is read. Only the processes with an item not yet invoiced (a meeting held, missed or
cancelled, or an expense, on no invoice in force) are read and priced, as ``tyo billing``
prices them. The figures are those of the twelve months' bills (:func:`usecases.bills.
bills_by_month`), which the tests hold this to.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.billing import FORGOTTEN, bill_month
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.turnover import YearTurnover, turnover_of
from tyonohjaus_cli.storage import client_index
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store


def year_turnover(store: Store, year: int, *, now: datetime) -> YearTurnover:
    """The turnover of ``year``: every client's bills of its twelve months, netted."""
    settings = store.settings()
    zone = store.zone()
    months = [Month(year, number) for number in range(1, 13)]
    first, last = months[0].first, months[-1].following.first
    clients = {client.id: client for client in client_index.clients(store)}
    span = store.agenda(datetime.combine(first, time(), zone), datetime.combine(last, time(), zone))
    expenses = [e for e in expense_store.all_expenses(store) if first <= e.day < last]
    billed = invoice_store.billed_in(store, [str(month) for month in months])

    # Each process a month bills names a client that exists (else its file is at fault).
    client_of = {item.process: item.client for item in span}
    with_expenses = {e.process for e in expenses if store.has_process(e.process)}
    if with_expenses - client_of.keys():
        statuses = store.process_statuses()
        client_of |= {pid: statuses[pid][0] for pid in with_expenses - client_of.keys()}
    for process_id, client_id in sorted(client_of.items()):
        if not store.has_client(client_id):
            store.client_of(store.process(process_id))  # says which file, and where

    nets: dict[tuple[str, Month], Decimal] = {}
    for billed_item in billed.values():
        month = Month.of(billed_item.day)
        if first <= billed_item.day < last:
            # A forgotten client's invoices are kept by law and still count, under one label.
            cid = billed_item.client if billed_item.client in clients else FORGOTTEN.id
            nets[cid, month] = nets.get((cid, month), Decimal(0)) + billed_item.net
    for item in span:
        if item.status is MeetingStatus.PLANNED and item.start < now:  # not logged yet
            nets.setdefault((item.client, Month.of(item.start.date())), Decimal(0))

    unbilled = {
        item.process
        for item in span
        if item.status is not MeetingStatus.PLANNED and f"{item.process}#{item.n}" not in billed
    }
    unbilled |= {e.process for e in expenses if e.key not in billed and e.process in with_expenses}
    for process_id in sorted(unbilled):
        process = store.process(process_id)
        client = clients[process.client]
        for month in months:
            bill = bill_month(
                settings, client, [process], expenses, month, on_invoice=billed, now=now
            )
            if bill.items or bill.unlogged:
                key = (client.id, month)
                nets[key] = nets.get(key, Decimal(0)) + bill.totals.net
    return turnover_of(year, nets, settings.vat)
