"""A year's turnover gathered from the store, for ``tyo billing year``.

What is invoiced counts as its invoices bill it, and an issued invoice never changes: its
items' sums come from the invoice index (:func:`storage.invoices.billed_in`), so no invoice
is read. Only the processes with an item not yet invoiced (a meeting held, missed or
cancelled, or an expense, on no invoice in force) are read and priced, as ``tyo billing``
prices them. The figures are those of the twelve months' bills (:func:`usecases.bills.
bills_by_month`), which the tests hold this to.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.turnover import FORGOTTEN_CLIENTS, YearTurnover, turnover_of
from tyonohjaus_cli.storage import client_index
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.charges import Charges

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.overview import AgendaItem
    from tyonohjaus_cli.storage.store import Store


class Turnover(NamedTuple):
    """A year's turnover, and until when the clock alone leaves it as it is."""

    year: YearTurnover
    until: datetime | None
    """The start of the year's first meeting still planned from now on: the turnover holds
    up to that moment, and once it is past the meeting counts as not yet logged; ``None``
    when there is none."""


def year_turnover(store: Store, year: int, *, now: datetime) -> Turnover:
    """The turnover of ``year``: every client's bills of its twelve months, netted."""
    settings = store.settings()
    zone = store.zone()
    months = [Month(year, number) for number in range(1, 13)]
    first, last = months[0].first, months[-1].following.first
    clients = {client.id: client for client in client_index.client_rows(store)}
    span = store.agenda(datetime.combine(first, time(), zone), datetime.combine(last, time(), zone))
    expenses = [e for e in expense_store.all_expenses(store) if first <= e.day < last]
    billed = invoice_store.billed_in(store, [str(month) for month in months])
    with_expenses = {e.process for e in expenses if store.has_process(e.process)}
    _check_clients(store, span, with_expenses, clients.keys())

    nets = _Nets(first, last)
    for item in billed.values():
        # A forgotten client's invoices are kept by law and still count, under one label.
        nets.add(item.client if item.client in clients else FORGOTTEN_CLIENTS, item.day, item.net)
    for meeting in span:
        if meeting.status is MeetingStatus.PLANNED and meeting.start < now:  # not logged yet
            nets.add(meeting.client, meeting.start.date(), Decimal(0))
    # A process with an expense not yet invoiced is billed whole, as a month's bill has it.
    with_open_expenses = {e.process for e in expenses if e.key not in billed} & with_expenses
    if with_open_expenses:
        from tyonohjaus_cli.domain.billing import bill_month  # the whole domain of a bill
    for process_id in sorted(with_open_expenses):
        process = store.process(process_id)
        client = clients[process.client].client()
        for month in months:
            bill = bill_month(
                settings, client, [process], expenses, month, on_invoice=billed, now=now
            )
            if bill.items or bill.unlogged:
                nets.add(client.id, month.first, bill.totals.net)
    # Any other with a meeting on no invoice bills what its meetings do, as kept in charges.
    unbilled = {
        meeting.process: meeting.client
        for meeting in span
        if meeting.status is not MeetingStatus.PLANNED
        and f"{meeting.process}#{meeting.n}" not in billed
        and meeting.process not in with_open_expenses
    }
    charges = Charges(store, year, settings)
    for process_id, client_id in sorted(unbilled.items()):
        billed_to, priced = charges.of(process_id, client_id, clients)
        for key, day, net in priced:
            if key not in billed:
                nets.add(billed_to, day, net)
    charges.save()
    ahead = [item.start for item in span if item.status is MeetingStatus.PLANNED]
    for process_id in with_open_expenses:  # billed whole, a proposal's meetings too
        ahead += [
            meeting.start
            for meeting in store.process(process_id).meetings
            if meeting.status is MeetingStatus.PLANNED and first <= meeting.start.date() < last
        ]
    until = min((start for start in ahead if start >= now), default=None)
    return Turnover(turnover_of(year, nets.by_client_and_month, settings.vat), until)


def _check_clients(
    store: Store, span: list[AgendaItem], with_expenses: set[str], clients: Collection[str]
) -> None:
    """Each process a month bills names a client that exists (one of ``clients``); else its
    file is at fault, and the error says which file and where, as a month's bills do."""
    client_of = {item.process: item.client for item in span}
    if with_expenses - client_of.keys():
        statuses = store.process_statuses()
        client_of |= {pid: statuses[pid][0] for pid in with_expenses - client_of.keys()}
    for process_id, client_id in sorted(client_of.items()):
        if client_id not in clients:
            store.client_of(store.process(process_id))


class _Nets:
    """The net of each client's bill of each month from ``first`` up to ``last``; an entry
    of zero is a bill with nothing to pay (its meetings not logged yet, or waived)."""

    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last
        self.by_client_and_month: dict[tuple[str, Month], Decimal] = {}

    def add(self, client: str, day: date, net: Decimal) -> None:
        if self.first <= day < self.last:
            key = (client, Month.of(day))
            self.by_client_and_month[key] = self.by_client_and_month.get(key, Decimal(0)) + net
