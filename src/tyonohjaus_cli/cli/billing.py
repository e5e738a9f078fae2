"""``tyo billing`` and ``tyo expense``: what a month bills, the year's turnover, expenses.

The figures come from :mod:`tyonohjaus_cli.domain.billing`; this module gathers them from
the store and prints them. Nothing here reads a session note.

A month's view is drawn by :mod:`cli.month_view` (its ``--json`` contract is there), which
:mod:`cli.kept_answers` also calls before Typer is imported.
"""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tyonohjaus_cli.cli import complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import Group, command, group
from tyonohjaus_cli.cli.month_view import decimal_text, draw
from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.errors import StoreError, UsageError
from tyonohjaus_cli.i18n import (
    format_date,
    format_money,
    format_percent,
    t,
)
from tyonohjaus_cli.i18n.months import month_words
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store

# A month's bills and their domain are imported by the commands that make them: the
# year's turnover (`tyo billing year`) is made from the indexes and needs none of it.
if TYPE_CHECKING:
    from tyonohjaus_cli.usecases.kept_views import Form


class _MonthOrCommand(Group):
    """``tyo billing [MONTH]`` and ``tyo billing year YEAR``: a sub-command's name is not a month."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Options may follow MONTH (`tyo billing 2027-02 --json`); a sub-command's own
        # options are its own.
        ctx.allow_interspersed_args = not (args and args[0] in self.commands)
        if args and args[0] in self.commands:
            kept = self.params
            self.params = [param for param in kept if param.param_type_name != "argument"]
            try:
                return super().parse_args(ctx, args)
            finally:
                self.params = kept
        return super().parse_args(ctx, args)

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        if ctx.command is not self:  # a sub-command's path: `tyo billing year`, no [MONTH]
            return [param for param in params if param.param_type_name != "argument"]
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[OPTIONS] [MONTH] | year YEAR"]


app = group(
    t("What a month bills, per client; `tyo billing year` shows the year's turnover."),
    cls=_MonthOrCommand,
    invoke_without_command=True,
    no_args_is_help=False,
)
expense_app = group(t("Travel and other costs billed with a process's month."))

ClientOption = Annotated[
    str | None,
    typer.Option(
        "--client",
        metavar="CID",
        help=t("Only this client (its id)."),
        show_default=False,
        autocompletion=complete.client_ids,
    ),
]


# --- tyo billing [MONTH] -----------------------------------------------------------------


def billing(
    ctx: typer.Context,
    month: Annotated[
        Month | None,
        typer.Argument(
            metavar="[MONTH]",
            help=t("The month, e.g. 2027-01 or 1/2027 (default: last month)."),
            parser=params.month,
            show_default=False,
        ),
    ] = None,
    client: ClientOption = None,
    as_json: params.JsonOption = False,
    as_csv: params.CsvOption = False,
) -> None:
    """Show what a month bills, per client: every billable item and the totals.

    Held meetings, late cancellations and no-shows, expenses, the discounts; totals per
    VAT rate, net, VAT and gross; and what of it is already invoiced.

    Example: tyo billing 2027-02 --client pohde
    """
    if ctx.invoked_subcommand is not None:
        return
    now = session.now()
    chosen = month or Month.of(now.date()).preceding
    form: Form = "csv" if as_csv else "json" if as_json else "table"
    draw(session.store, chosen, client, form, now=now)


app.callback(help=t(inspect.cleandoc(billing.__doc__ or "")))(billing)


# --- tyo billing year YEAR ---------------------------------------------------------------


@command(app, "year")
def year(
    year: Annotated[int, typer.Argument(metavar="YEAR", help=t("The calendar year, e.g. 2027."))],
    as_json: params.JsonOption = False,
) -> None:
    """Show a year's turnover (without VAT) per month and per client, with a bar chart.

    When you are VAT-exempt, the year is checked against the small-business threshold.

    Example: tyo billing year 2027
    """
    from tyonohjaus_cli.cli.year_view import draw, is_year

    if not is_year(year):
        raise UsageError(t("{year} is not a year tyo bills (expected e.g. 2027)", year=year))
    draw(session.store, year, "json" if as_json else "table", now=session.now())


# --- tyo expense add ---------------------------------------------------------------------


@command(expense_app, "add")
def add_expense(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="PROCESS", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
    day: Annotated[
        date,
        typer.Option("--date", help=t("The day of the cost, e.g. 2027-02-02."), parser=params.day),
    ],
    amount: Annotated[
        Decimal, typer.Option(help=t("Euros without VAT, e.g. 23.40."), parser=params.money)
    ],
    description: Annotated[str, typer.Option(help=t("What it was, as on the invoice."))],
    vat: Annotated[
        Decimal | None,
        typer.Option(
            help=t(
                "VAT percent: the service's, the general rate in force on that day (the "
                "default; none when VAT-exempt)."
            ),
            parser=params.percent,
            show_default=False,
        ),
    ] = None,
    pass_through: Annotated[
        bool,
        typer.Option(
            "--pass-through",
            help=t(
                "Paid in the client's name and for its account: billed without VAT "
                "(AVL 78 §), as the invoice says."
            ),
        ),
    ] = False,
) -> None:
    """Add an expense (travel, rent of a room...) billed with the process's month.

    A cost passed on with the service takes the service's VAT (AVL 73 §). One you paid in
    the client's name and for its account (a ticket bought for the client, say) is billed
    without VAT with --pass-through, and the invoice names the ground (AVL 78 §).

    Example: tyo expense add hoitajat-2027 --date 2027-02-02 --amount 23.40 --description "Matkakulut"
    """
    text = " ".join(description.split())  # one line: it is a line of the invoice
    if not text:
        raise UsageError(t("--description can't be empty: it is printed on the invoice"))
    if amount <= 0:
        raise UsageError(t("--amount must be more than zero"))
    store = session.store
    settings = store.settings()
    exempt = settings.vat is VatMode.EXEMPT
    from tyonohjaus_cli.domain.vat import expense_vat

    percent = expense_vat(day, vat, exempt=exempt, pass_through=pass_through)
    from tyonohjaus_cli.domain.expenses import Expense

    with store.transaction(f"expense add {process_id}", session.now()) as change:
        process = store.process(process_id)
        existing = expense_store.expenses_of(store, process.id)
        expense = Expense(
            id=expense_store.next_expense_id(existing, process.id),
            process=process.id,
            day=day,
            amount=amount,
            description=text,
            vat_percent=percent,
            pass_through=pass_through and not exempt,
        )
        expense_store.save_expenses(change, process.id, [*existing, expense])
    month = month_words(Month.of(day))
    fields = {
        "id": expense.id,
        "amount": format_money(amount),
        "day": format_date(day, weekday=False),
    }
    if exempt:
        message = t(
            "Added expense {id}: {amount}, no VAT (you are VAT-exempt), {day}, billed with "
            "{month}.",
            month=month,
            **fields,
        )
    elif expense.pass_through:
        message = t(
            "Added expense {id}: {amount}, no VAT (a pass-through item, AVL 78 §, as the "
            "invoice will say), {day}, billed with {month}.",
            month=month,
            **fields,
        )
    else:
        message = t(
            "Added expense {id}: {amount} + VAT {percent}, {day}, billed with {month}.",
            percent=format_percent(percent),
            month=month,
            **fields,
        )
    output.say(message)


@command(expense_app, "list")
def list_expenses(
    month: Annotated[
        Month | None,
        typer.Option(
            help=t("Only this month, e.g. 2027-02."), parser=params.month, show_default=False
        ),
    ] = None,
    as_json: params.JsonOption = False,
    as_csv: params.CsvOption = False,
) -> None:
    """List expenses, with the invoice each is on.

    Example: tyo expense list --month 2027-02
    """
    from tyonohjaus_cli.domain.invoices import invoiced_items

    store = session.store
    store.settings()
    invoiced = invoiced_items(invoice_store.invoices(store))
    rows = [
        {
            "id": expense.id,
            "process": expense.process,
            "date": expense.day,
            "amount": expense.amount,
            "vat_percent": plain(expense.vat_percent),
            "description": expense.description,
            "invoice": invoiced.get(expense.key),
        }
        for expense in sorted(
            expense_store.all_expenses(store), key=lambda expense: (expense.day, expense.id)
        )
        if month is None or expense.day in month
    ]
    columns = [
        output.Column("id", t("id")),
        output.Column("date", t("date"), lambda day: format_date(day, weekday=False)),
        output.Column("amount", t("net"), format_money, right=True),
        output.Column("vat_percent", t("VAT %"), decimal_text, right=True),
        output.Column("description", t("what")),
        output.Column("invoice", t("invoice"), right=True),
    ]
    output.emit(columns, rows, as_json=as_json, as_csv=as_csv, empty=t("No expenses."))


@command(expense_app, "remove")
def remove_expense(
    expense_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The expense's id, e.g. hoitajat-2027:1 (see `tyo expense list`).")
        ),
    ],
) -> None:
    """Remove an expense entered by mistake; one on an invoice stays until it is credited.

    Example: tyo expense remove hoitajat-2027:1
    """
    process_id, _, _ = expense_id.partition(":")
    store = session.store
    with store.transaction(f"expense remove {expense_id}", session.now()) as change:
        existing = expense_store.expenses_of(store, process_id) if process_id else []
        found = next((expense for expense in existing if expense.id == expense_id), None)
        if found is None:
            raise UsageError(
                t("there is no expense {id}: `tyo expense list` shows them", id=expense_id)
            )
        from tyonohjaus_cli.domain.invoices import invoiced_items

        number = invoiced_items(invoice_store.invoices(store)).get(found.key)
        if number is not None:
            raise StoreError(
                t(
                    "expense {id} is on invoice {number} and stays; `tyo invoice credit {number}` first",
                    id=expense_id,
                    number=number,
                )
            )
        expense_store.save_expenses(change, process_id, [e for e in existing if e.id != expense_id])
    output.say(t("Removed expense {id}.", id=expense_id))
