"""``tyo billing [MONTH]``'s view: a table per client with the totals and what is not yet
invoiced, or JSON or CSV; drawn without Typer, so that :mod:`cli.kept_answers` draws a view
that is not kept before the command line is parsed (Typer and the command tree are ~30 ms
of it), and the command line proper draws it the same way. What it printed is kept whole
(:mod:`usecases.kept_views`) and given as kept next time while its rows hold.

``tyo billing MONTH --json`` is a stable contract (amounts are strings with two decimals,
percents as written, e.g. ``"25.5"``)::

    {"month": "2027-02",
     "clients": [{"client", "name",
                  "items": [{"date", "process", "kind", "description", "minutes", "units",
                             "unit_price", "amount", "discounts": [{"kind", "percent",
                             "amount"}], "discount", "net", "vat_percent", "invoice",
                             "charge_reason"}],
                  "totals" | "invoiced" | "open": {"by_rate": [{"vat_percent", "base",
                                                   "vat"}], "net", "vat", "gross"},
                  "unlogged": ["process#n", ...]}],
     "totals": {... all clients ...},
     "open_earlier": [{"client", "month", "items": ["process#n", ...], "open": {...}}]}

``kind`` is ``meeting``, ``late-cancellation``, ``no-show`` or ``expense``; a discount's
kind ``first-free`` or ``discount``; ``invoice`` the number of the invoice an item is on,
whose own lines the item then shows. ``name`` is the name billed to when every item is
invoiced; the forgotten clients' kept invoices come under ``"client": null, "name": null``.
``charge_reason`` says why a late cancellation or no-show bills what it does when changed for
that meeting (``tyo meeting charge``); ``open_earlier`` lists, per client and earlier month,
the items not yet invoiced.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli.cli import machine, output
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.i18n import format_date, format_money, format_number, format_percent, t
from tyonohjaus_cli.i18n.months import month_words

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.parsing import Month
    from tyonohjaus_cli.domain.sums import Totals
    from tyonohjaus_cli.storage.store import Store
    from tyonohjaus_cli.usecases.kept_bills import BillView
    from tyonohjaus_cli.usecases.kept_views import Form, MonthView


def decimal_text(value: Decimal | str) -> str:
    """A figure of a row (kept as text for ``--json``) as a person reads it: ``25,5``."""
    return format_number(Decimal(value))


def _totals_json(totals: Totals) -> dict[str, Any]:
    return {
        "by_rate": [
            {"vat_percent": plain(rate.percent), "base": rate.base, "vat": rate.vat}
            for rate in totals.by_rate
        ],
        "net": totals.net,
        "vat": totals.vat,
        "gross": totals.gross,
    }


def bill_json(bill: BillView) -> dict[str, Any]:
    return {
        "client": bill.client or None,
        "name": bill.name or None,
        "items": [
            {key: value for key, value in item.items() if key != "client"} for item in bill.items
        ],
        "totals": _totals_json(bill.totals),
        "invoiced": _totals_json(bill.invoiced),
        "open": _totals_json(bill.open),
        "unlogged": list(bill.unlogged),
    }


def _all_totals(bills: list[BillView]) -> Totals:
    """Every client's lines together: the bases of each rate added up, the VAT on each sum."""
    from tyonohjaus_cli.domain.sums import of_bases

    bases: dict[Decimal, Decimal] = {}
    for bill in bills:
        for rate in bill.totals.by_rate:
            bases[rate.percent] = bases.get(rate.percent, Decimal(0)) + rate.base
    return of_bases(bases)


_COLUMNS = [
    output.Column("date", t("date"), lambda day: format_date(day, weekday=False)),
    output.Column("process", t("process")),
    output.Column("description", t("what")),
    output.Column("minutes", t("min"), right=True),
    output.Column("units", t("units"), lambda units: format_number(units, places=2), right=True),
    output.Column("unit_price", t("unit price"), format_money, right=True),
    output.Column(
        "discount", t("discount"), lambda amount: format_money(amount) if amount else "", right=True
    ),
    output.Column("net", t("net"), format_money, right=True),
    output.Column("vat_percent", t("VAT %"), decimal_text, right=True),
    output.Column("invoice", t("invoice"), right=True),
]


def _with_reason(row: dict[str, Any]) -> dict[str, Any]:
    """A row for people: why a charge was changed for the meeting, after what it bills."""
    reason = row["charge_reason"]
    return row | {"description": f"{row['description']} ({reason})"} if reason else row


def _say_totals(bill: BillView) -> None:
    totals = bill.totals
    for rate in totals.by_rate:
        output.say(
            t(
                "  VAT {percent}: base {base}, VAT {vat}",
                percent=format_percent(rate.percent),
                base=format_money(rate.base),
                vat=format_money(rate.vat),
            )
        )
    output.say(
        t(
            "  net {net}, VAT {vat}, total {gross}",
            net=format_money(totals.net),
            vat=format_money(totals.vat),
            gross=format_money(totals.gross),
        )
    )
    output.say(
        t(
            "  invoiced {invoiced}, not yet invoiced {open}",
            invoiced=format_money(bill.invoiced.gross),
            open=format_money(bill.open.gross),
        )
    )


def draw(store: Store, chosen: Month, client: str | None, form: Form, *, now: datetime) -> None:
    """Draw the month's view in ``form`` and keep what it printed; a mistake in the store
    or the words is raised before anything is printed."""
    from tyonohjaus_cli.cli.kept_answers import printed
    from tyonohjaus_cli.usecases.kept_views import keep_view, month_view
    from tyonohjaus_cli.usecases.loose_ends import decode_ahead

    decode_ahead(store, chosen)  # a first run's copies decode what the month reads
    view = month_view(store, chosen, client, form, now=now)
    with printed() as chunks:
        _show_month(chosen, view)
    if chunks is not None:
        keep_view(store, chosen, client, view, chunks)  # given as printed next time


def _show_month(chosen: Month, view: MonthView) -> None:
    """The month's view: a table per client and what is not yet invoiced, or JSON or CSV."""
    from tyonohjaus_cli.usecases.billing_notes import unlogged_warning

    bills, form = view.bills, view.form
    if form == "csv":
        rows = [item for bill in bills for item in bill.items]
        keys = ["client", "kind", *(column.key for column in _COLUMNS), "charge_reason"]
        machine.print_csv(keys, rows)
        return
    if form == "json":
        machine.print_json(
            {
                "month": str(chosen),
                "clients": [bill_json(bill) for bill in bills],
                "totals": _totals_json(_all_totals(bills)),
                "open_earlier": [
                    {
                        "client": item.client,
                        "month": str(item.month),
                        "items": list(item.items),
                        "open": _totals_json(item.open),
                    }
                    for item in view.earlier
                ],
            }
        )
        return
    if not bills:
        output.say(t("Nothing billable in {month}.", month=month_words(chosen)))
    for index, bill in enumerate(bills):
        if index:
            output.say("")
        title = (
            t(
                "{name} ({id}), {month}",
                name=bill.name,
                id=bill.client,
                month=month_words(chosen),
            )
            if bill.client
            else t("Invoices of forgotten clients, {month}", month=month_words(chosen))
        )
        rows = [_with_reason(item) for item in bill.items]
        if rows:
            output.print_table(_COLUMNS, rows, title=title)
            _say_totals(bill)
        else:
            output.say(title)
            output.say(t("  nothing billable"))
        if bill.unlogged:
            output.warn(unlogged_warning(bill.client, bill.month, bill.unlogged))
    for note in view.notes:
        output.say(note)
