"""What a month bills: every billable item of a client's processes, with its discounts.

Pure: given the settings, the client, its processes, the month's expenses and what is
already invoiced, :func:`bill_month` returns the month's items as invoice lines. The rules
(DESIGN.md §5):

- A held meeting bills ``price × minutes / unit_minutes`` rounded to the cent, half up;
  the price per unit is the process's, else the client's, else the settings' rate, each as
  in force on the meeting's date (:mod:`domain.prices`). A process with a meeting price on
  that date bills that per meeting instead.
- A cancellation by the client notified later than ``client.cancel_hours`` before the
  start (the rule of :func:`domain.meetings.is_late_cancellation`, so billing agrees with
  what ``tyo meeting cancel`` said), and a no-show, bill ``client.cancel_charge`` % of the
  planned meeting. A cancellation by the supervisor (or one notified in time) bills nothing.
- "First unit free" (``--first-free``) takes off the first unit of the process's first
  billed meeting at its unit price (the whole meeting price for a per-meeting price; never
  more than the item). The first billed meeting is the first, by time, that bills anything:
  held, or charged as a no-show or a late cancellation. A benefit promised for the start
  of the process stays with its start: meeting 1 charged as a late cancellation takes the
  free unit, and meeting 2 held is billed in full.
- The client's discount % (in force on the meeting's date) applies to what remains of each
  meeting item; expenses are costs passed on and are not discounted.
- Each line's VAT rate follows its service date; a VAT-exempt supervisor bills 0 %.

Session notes are not an input here, so they cannot reach a bill.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from tyonohjaus_cli.domain.enums import MeetingStatus, VatMode
from tyonohjaus_cli.domain.expenses import Expense
from tyonohjaus_cli.domain.invoices import (
    Billed,
    Invoice,
    InvoiceLine,
    LineKind,
    due_date,
    totals,
)
from tyonohjaus_cli.domain.meetings import is_late_cancellation
from tyonohjaus_cli.domain.models import Client, Meeting, Process
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.settings import Settings
from tyonohjaus_cli.domain.sums import Totals
from tyonohjaus_cli.domain.vat import round_cents, vat_rate
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.i18n.months import month_words

FORGOTTEN = Client(id="", name="")
"""Stands for every forgotten client (``tyo forget CLIENT``) in the views of a month or a
year: its invoices are kept by law and still count, under a neutral label."""


def meeting_key(process: Process, meeting: Meeting) -> str:
    """A meeting's identity as a billable item: ``process#n`` (``n`` never changes)."""
    return f"{process.id}#{meeting.n}"


def unit_price(settings: Settings, client: Client, process: Process, day: date) -> Decimal:
    """Price per unit excluding VAT on ``day``: the process's, else the client's, else the
    default, each as in force on that day (see :mod:`domain.prices`)."""
    for rate in (process.rate_on(day), client.rate_on(day)):
        if rate is not None:
            return rate
    return settings.rate_on(day)


@dataclass(frozen=True)
class BillItem:
    """One billable item (meeting, charged cancellation, no-show, expense) and its discounts.

    An invoiced item (``invoice`` its number) has the invoice's own lines, and ``buyer`` is
    the name it was billed to."""

    key: str
    lines: tuple[InvoiceLine, ...]
    invoice: int | None = None
    buyer: str = ""
    note: str = ""
    """Why a late cancellation or no-show bills what it does, when changed for it alone."""

    @property
    def line(self) -> InvoiceLine:
        """The line that bills the item (the others take off)."""
        return self.lines[0]

    @property
    def net(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class Bill:
    """A client's billable items of a month; ``invoice`` on an item says it is invoiced."""

    client: Client
    month: Month
    items: tuple[BillItem, ...]
    unlogged: tuple[str, ...] = ()
    """Meetings of the month still only planned: they bill nothing until logged."""
    references: tuple[tuple[str, str, str], ...] = ()
    """Each process's (id, order number, framework agreement id), frozen on its invoice."""

    @property
    def name(self) -> str:
        """The client's name; the name on the invoice when every item is invoiced (the
        latest invoice's), so that an invoiced month reads as it was billed."""
        if self.items and not self.open_items:
            return max(self.items, key=lambda item: item.invoice or 0).buyer
        return self.client.name

    @property
    def lines(self) -> tuple[InvoiceLine, ...]:
        return tuple(line for item in self.items for line in item.lines)

    @property
    def totals(self) -> Totals:
        return totals(self.lines)

    @property
    def open_items(self) -> tuple[BillItem, ...]:
        """The items not yet on an invoice."""
        return tuple(item for item in self.items if item.invoice is None)

    @property
    def invoiced_totals(self) -> Totals:
        return totals(
            [line for item in self.items if item.invoice is not None for line in item.lines]
        )

    @property
    def open_totals(self) -> Totals:
        return totals([line for item in self.open_items for line in item.lines])


class _Pricing:
    """The prices and VAT of one process for one client."""

    def __init__(self, settings: Settings, client: Client, process: Process) -> None:
        self.settings = settings
        self.client = client
        self.process = process
        self.first_billed = (
            # A waived charge (0 %) bills nothing to take the first unit off.
            next(
                (m.n for m in process.in_order() if m.charge != 0 and self.charged(m) is not None),
                None,
            )
            if process.first_free
            else None
        )

    def vat(self, meeting: Meeting) -> Decimal:
        if self.settings.vat is VatMode.EXEMPT:
            return Decimal(0)
        return vat_rate(meeting.start.date())

    def line(
        self, meeting: Meeting, kind: LineKind, minutes: int, percent: Decimal | None
    ) -> InvoiceLine:
        share = (percent if percent is not None else Decimal(100)) / 100
        day = meeting.start.date()
        per_meeting = self.process.meeting_price_on(day)
        if per_meeting is not None:
            amount = round_cents(per_meeting * share)
            unit, price = None, per_meeting
        else:
            unit = self.settings.unit_minutes
            price = unit_price(self.settings, self.client, self.process, day)
            amount = round_cents(price * minutes / unit * share)
        return InvoiceLine(
            item=meeting_key(self.process, meeting),
            kind=kind,
            day=meeting.start.date(),
            process=self.process.id,
            title=self.process.title,
            unit_price=price,
            amount=amount,
            vat_percent=self.vat(meeting),
            minutes=minutes,
            unit_minutes=unit,
            percent=percent,
        )

    def first_free(self, meeting: Meeting, billed: InvoiceLine) -> InvoiceLine | None:
        if meeting.n != self.first_billed:
            return None
        unit = billed.unit_minutes
        free = min(billed.unit_price, billed.amount)
        return InvoiceLine(
            item=billed.item,
            kind=LineKind.FIRST_FREE,
            day=billed.day,
            process=billed.process,
            title=billed.title,
            unit_price=billed.unit_price,
            amount=-free,
            vat_percent=billed.vat_percent,
            minutes=unit
            if unit is not None and billed.minutes is not None and billed.minutes >= unit
            else None,
            unit_minutes=unit,
        )

    def discount(self, billed: InvoiceLine, remaining: Decimal) -> InvoiceLine | None:
        percent = self.client.discount_on(billed.day)
        off = round_cents(remaining * percent / 100)
        if off <= 0:
            return None  # no discount, or one too small to take off a cent
        return InvoiceLine(
            item=billed.item,
            kind=LineKind.DISCOUNT,
            day=billed.day,
            process=billed.process,
            title=billed.title,
            unit_price=remaining,
            amount=-off,
            vat_percent=billed.vat_percent,
            percent=percent,
        )

    def charged(self, meeting: Meeting) -> InvoiceLine | None:
        """What a meeting bills before its discounts: held, a no-show, a late cancellation."""
        own = meeting.charge
        charge = self.client.cancel_charge if own is None else own
        # A charge changed for this meeting alone shows even when waived (0 %).
        shown = bool(charge) or own is not None
        if meeting.status is MeetingStatus.HELD:
            return self.line(meeting, LineKind.MEETING, meeting.actual_minutes, None)
        if meeting.status is MeetingStatus.NO_SHOW and shown:
            return self.line(meeting, LineKind.NO_SHOW, meeting.minutes, charge)
        if is_late_cancellation(meeting, self.client.cancel_hours) and shown:
            return self.line(meeting, LineKind.LATE_CANCELLATION, meeting.minutes, charge)
        return None

    def item(self, meeting: Meeting) -> tuple[InvoiceLine, ...]:
        """The lines a meeting bills: none, or the item and its discounts."""
        billed = self.charged(meeting)
        if billed is None:
            return ()
        lines = [billed]
        if free := self.first_free(meeting, billed):
            lines.append(free)
        remaining = sum((line.amount for line in lines), Decimal(0))
        if discount := self.discount(billed, remaining):
            lines.append(discount)
        return tuple(lines)


def expense_line(expense: Expense, settings: Settings) -> InvoiceLine:
    return InvoiceLine(
        item=expense.key,
        kind=LineKind.EXPENSE,
        day=expense.day,
        process=expense.process,
        title=expense.description,
        unit_price=expense.amount,
        amount=expense.amount,
        vat_percent=Decimal(0) if settings.vat is VatMode.EXEMPT else expense.vat_percent,
        pass_through=expense.pass_through,
    )


def bill_month(
    settings: Settings,
    client: Client,
    processes: Iterable[Process],
    expenses: Iterable[Expense],
    month: Month,
    *,
    invoiced: Mapping[str, Billed] | None = None,
    on_invoice: Collection[str] = (),
    now: datetime | None = None,
) -> Bill:
    """Every billable item of ``client`` in ``month``, by date. ``invoiced`` (from
    :func:`domain.invoices.billed_items`) holds the items on an invoice: each of the client's
    is shown with its invoice's lines, as billed, whatever changed since, even when its
    process is gone (a forgotten client's). The items in ``on_invoice`` are on an invoice
    too, but left out: the caller has their sums from elsewhere (the year's turnover, from
    the invoice index). The bill's ``unlogged`` are the month's meetings still planned that
    started before ``now`` (all of them without ``now``)."""
    bills = bill_months(
        settings,
        client,
        {month: processes},
        expenses,
        invoiced=invoiced,
        on_invoice=on_invoice,
        now=now,
    )
    return bills[month]


def bill_months(
    settings: Settings,
    client: Client,
    processes: Mapping[Month, Iterable[Process]],
    expenses: Iterable[Expense],
    *,
    invoiced: Mapping[str, Billed] | None = None,
    on_invoice: Collection[str] = (),
    now: datetime | None = None,
) -> dict[Month, Bill]:
    """:func:`bill_month` of each month ``processes`` names, with the processes it names
    for it: each process is priced and its meetings put in order once, however many
    months it is billed in (three years of a client's loose ends)."""
    invoiced = invoiced or {}
    expenses = list(expenses)
    billed_in: dict[Month, list[BillItem]] = defaultdict(list)
    for key, billed in invoiced.items():
        if billed.client == client.id:
            billed_in[Month.of(billed.day)].append(
                BillItem(key, billed.lines, billed.number, billed.buyer)
            )
    priced: dict[int, tuple[_Pricing, dict[Month, list[Meeting]]]] = {}
    bills = {}
    for month, chosen in processes.items():
        # A proposal bills nothing until it is accepted (the offer's estimate bills it as if).
        own = {
            process.id: process
            for process in chosen
            if process.client == client.id and process.is_agreed
        }
        items = list(billed_in.get(month, ()))
        unlogged: list[str] = []
        notes: dict[str, str] = {}
        for process in own.values():
            if id(process) not in priced:
                priced[id(process)] = (_Pricing(settings, client, process), _by_month(process))
            pricing, meetings = priced[id(process)]
            for meeting in meetings.get(month, ()):
                key = meeting_key(process, meeting)
                if meeting.status is MeetingStatus.PLANNED and (now is None or meeting.start < now):
                    unlogged.append(key)
                note = meeting.charge_reason if meeting.charge is not None else ""
                if (
                    key not in invoiced
                    and key not in on_invoice
                    and (lines := pricing.item(meeting))
                ):
                    items.append(BillItem(key, lines, note=note))
                elif note:
                    notes[key] = note  # an invoiced meeting no longer changes, nor its reason
        for expense in expenses:
            process_of = own.get(expense.process)
            if (
                process_of is not None
                and expense.day in month
                and expense.key not in invoiced
                and expense.key not in on_invoice
            ):
                items.append(BillItem(expense.key, (expense_line(expense, settings),)))
        items = [
            replace(item, note=notes[item.key]) if item.key in notes else item for item in items
        ]
        items.sort(key=lambda item: (item.line.day, item.line.kind is LineKind.EXPENSE, item.key))
        references = tuple(
            (process.id, process.order_number, process.contract) for process in own.values()
        )
        bills[month] = Bill(client, month, tuple(items), tuple(unlogged), references)
    return bills


def _by_month(process: Process) -> dict[Month, list[Meeting]]:
    """A process's meetings by time, by the month they start in."""
    months: dict[Month, list[Meeting]] = defaultdict(list)
    for meeting in process.in_order():
        months[Month.of(meeting.start.date())].append(meeting)
    return months


def meeting_items(settings: Settings, client: Client, process: Process) -> list[BillItem]:
    """Every meeting of ``process`` that bills anything (held, missed, cancelled late; a
    charge waived bills zero), with its discounts, as :func:`bill_month` lists it while it
    is on no invoice. Nothing here depends on what is invoiced or on the time."""
    pricing = _Pricing(settings, client, process)
    return [
        BillItem(meeting_key(process, meeting), lines)
        for meeting in process.in_order()
        if (lines := pricing.item(meeting))
    ]


def _joined(values: Iterable[str]) -> str:
    """The distinct values given, in order: one order or agreement, or each of several."""
    return ", ".join(dict.fromkeys(value for value in values if value))


def buyer_references(bill: Bill, lines: Iterable[InvoiceLine]) -> tuple[str, str]:
    """The order number and framework agreement id of the processes ``lines`` bill."""
    billed = {line.process for line in lines}
    chosen = [ref for ref in bill.references if ref[0] in billed]
    return _joined(ref[1] for ref in chosen), _joined(ref[2] for ref in chosen)


def combine(bills: Iterable[Bill]) -> Bill:
    """One client's bills of several months as one, dated by the last month: an invoice of
    it bills every open item up to that month, its service period spanning them, with the
    buyer's references of every process it bills."""
    ordered = sorted(bills, key=lambda bill: bill.month)
    last = ordered[-1]
    return Bill(
        last.client,
        last.month,
        tuple(item for bill in ordered for item in bill.items),
        tuple(key for bill in ordered for key in bill.unlogged),
        tuple(dict.fromkeys(ref for bill in ordered for ref in bill.references)),
    )


def issue_invoice(bill: Bill, settings: Settings, number: int, issued: date) -> Invoice:
    """Freeze the bill's items not yet invoiced into invoice ``number``, dated ``issued``."""
    lines = tuple(line for item in bill.open_items for line in item.lines)
    if not lines:
        raise UsageError(
            t(
                "nothing to invoice for {client} in {month}: every billable item is already "
                "invoiced, or there is none (`tyo billing {month} --client {client}` shows them)",
                client=bill.client.id,
                month=month_words(bill.month),
            )
        )
    order_number, contract = buyer_references(bill, lines)
    return Invoice(
        number=number,
        issued=issued,
        due=due_date(issued, bill.client),
        month=bill.month,
        seller=settings.supervisor,
        buyer=bill.client,
        lines=lines,
        vat_mode=settings.vat,
        vat_exempt_ground=settings.vat_exempt_ground,
        buyer_reference=bill.client.buyer_reference,
        order_number=order_number,
        contract=contract,
    )
