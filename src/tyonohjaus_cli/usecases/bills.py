"""A month's bills gathered from the store, for ``tyo billing`` and ``tyo invoice create``.

Also which months a price change touches: the months whose items, not yet invoiced, bill
differently after it (an invoiced item is frozen on its invoice, whatever changes).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.billing import FORGOTTEN, Bill, bill_month, bill_months
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.invoices import billed_items
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.i18n.months import months_words
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.usecases.kept_bills import file_order

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.expenses import Expense
    from tyonohjaus_cli.domain.invoices import Billed
    from tyonohjaus_cli.domain.models import Client, Process
    from tyonohjaus_cli.domain.settings import Settings
    from tyonohjaus_cli.storage.store import Store

_EVER = (datetime(2000, 1, 1), datetime(2101, 1, 1))  # noqa: DTZ001 (given the store's zone below)
"""The years tyo bills (``tyo billing year`` takes 2000-2100)."""


def bills_by_month(
    store: Store,
    months: list[Month],
    client_id: str | None = None,
    *,
    now: datetime,
    only: Collection[str] | None = None,
) -> list[list[Bill]]:
    """Each client's bill for each of ``months`` (only ``client_id``'s when given, or the
    clients ``only`` names, ``""`` for the forgotten ones), marked with what is already
    invoiced; clients with nothing to show are left out unless named.

    Only the processes with a meeting (or an expense) in the months are read: the index
    tells which, so a long practice's old processes are not parsed; and only the clients
    of those processes and of the months' invoices.
    """
    settings = store.settings()
    zone = store.zone()
    first, last = min(months).first, max(months).following.first
    span = store.agenda(datetime.combine(first, time(), zone), datetime.combine(last, time(), zone))
    expenses = [e for e in expense_store.all_expenses(store) if first <= e.day < last]
    # Every client's processes unless one is named: a process whose client does not exist
    # is a mistake to report, not a month with nothing to bill.
    ids = {
        item.process
        for item in span
        if (client_id is None or item.client == client_id) and (only is None or item.client in only)
    }
    ids |= {expense.process for expense in expenses if store.has_process(expense.process)}
    processes = [store.process(process_id) for process_id in sorted(ids)]
    if only is not None:
        processes = [process for process in processes if process.client in only]
    for process in processes:
        store.client_of(process)
    # Of the months' invoices, only what those clients' bills need when ``only`` names them.
    near = None if only is None else (only, {process.id for process in processes})
    invoiced = billed_items(
        invoice_store.invoices(store, [str(month) for month in months], touching=near)
    )
    if client_id is not None:
        clients = [store.client(client_id)]
    else:
        named = {process.client for process in processes}
        named |= {billed.client for billed in invoiced.values()}
        if only is not None:
            named &= set(only)
        # In the order of the client files, as `tyo client list` shows them.
        clients = [store.client(c) for c in sorted(named, key=file_order) if store.has_client(c)]
        # A forgotten client's invoices are kept by law and still count, under one label.
        gone = {
            c for c in {billed.client for billed in invoiced.values()} if not store.has_client(c)
        }
        invoiced |= {
            key: replace(billed, client=FORGOTTEN.id, buyer=FORGOTTEN.name)
            for key, billed in invoiced.items()
            if billed.client in gone
        }
        if only is not None and "" not in only:
            gone = set()
        clients = [*clients, FORGOTTEN] if gone else clients
    grouped = Grouped(processes, expenses, invoiced)
    result = []
    for month in months:
        bills = [grouped.bill(settings, client, month, now=now) for client in clients]
        result.append([bill for bill in bills if bill.items or bill.unlogged or client_id])
    return result


class Grouped:
    """Processes, expenses and invoiced items grouped by client, so that each client's bill
    looks at its own alone (a month of 300 clients is otherwise 300 times all of them)."""

    def __init__(
        self, processes: Iterable[Process], expenses: Iterable[Expense], invoiced: dict[str, Billed]
    ) -> None:
        self.processes: dict[str, list[Process]] = defaultdict(list)
        for process in processes:
            self.processes[process.client].append(process)
        owner = {p.id: p.client for group in self.processes.values() for p in group}
        self.expenses: dict[str, list[Expense]] = defaultdict(list)
        for expense in expenses:
            if expense.process in owner:
                self.expenses[owner[expense.process]].append(expense)
        self.invoiced: dict[str, dict[str, Billed]] = defaultdict(dict)
        for key, billed in invoiced.items():
            self.invoiced[billed.client][key] = billed
            process_id, meeting, _ = key.partition("#")
            if meeting and process_id in owner:  # invoiced to whom the process was for then
                self.invoiced[owner[process_id]][key] = billed
        for client, own in self.expenses.items():
            self.invoiced[client] |= {e.key: invoiced[e.key] for e in own if e.key in invoiced}

    def bill(
        self,
        settings: Settings,
        client: Client,
        month: Month,
        *,
        now: datetime,
        only: Collection[str] | None = None,
    ) -> Bill:
        """``client``'s bill of ``month`` (of the processes ``only`` names, when given)."""
        return self.bills(settings, client, {month: only}, now=now)[month]

    def bills(
        self,
        settings: Settings,
        client: Client,
        months: Mapping[Month, Collection[str] | None],
        *,
        now: datetime,
        on_invoice: Collection[str] = (),
    ) -> dict[Month, Bill]:
        """``client``'s bill of each of ``months``, of the processes named for it (all of
        them for ``None``); the items in ``on_invoice`` left out, as on an invoice."""
        own = self.processes.get(client.id, [])
        return bill_months(
            settings,
            client,
            {
                month: own if only is None else [process for process in own if process.id in only]
                for month, only in months.items()
            },
            self.expenses.get(client.id, []),
            invoiced=self.invoiced.get(client.id, {}),
            on_invoice=on_invoice,
            now=now,
        )


def month_bills(
    store: Store,
    month: Month,
    client_id: str | None = None,
    *,
    now: datetime,
    only: Collection[str] | None = None,
) -> list[Bill]:
    """The bills of one month (see :func:`bills_by_month`)."""
    return bills_by_month(store, [month], client_id, now=now, only=only)[0]


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
