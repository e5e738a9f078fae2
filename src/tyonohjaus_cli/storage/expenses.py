"""Expenses in the store: ``expenses/<process>.toml``, a person can read and fix them.

::

    schema = 1
    process = "hoitajat-2027"

    [[expenses]]
    n = 1
    date = 2027-02-02
    amount = "23.40"          # without VAT
    vat = "25.5"
    description = "Matkakulut Oulu–Kempele"

An expense's number ``n`` never changes; its identity as a billable item is
``<process>:<n>``, so it is invoiced once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.documents import (
    SCHEMA,
    Doc,
    Fields,
    check_unique,
    dump_toml,
    migrate,
    parse_toml,
)

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.expenses import Expense
    from tyonohjaus_cli.storage.store import Store, Transaction

EXPENSES = "expenses"


def expenses_path(process_id: str) -> str:
    return f"{EXPENSES}/{process_id}.toml"


def _from_doc(fields: Fields) -> list[Expense]:
    from tyonohjaus_cli.domain.expenses import Expense  # a store with no expenses needs none

    process = fields.text("process")
    found = []
    items = list(fields.tables("expenses"))
    for item in items:
        n = item.integer("n", minimum=1)
        found.append(
            Expense(
                id=f"{process}:{n}",
                process=process,
                day=item.day("date"),
                amount=item.amount("amount"),
                description=item.text("description"),
                vat_percent=item.amount("vat", Decimal(0)),
                pass_through=item.flag("pass_through"),
            )
        )
    check_unique(items, "n", lambda: t("a number no other expense has"))
    return found


def _to_doc(process_id: str, expenses: list[Expense]) -> Doc:
    return {
        "schema": SCHEMA,
        "process": process_id,
        "expenses": [
            {
                "n": int(expense.id.rpartition(":")[2]),
                "date": expense.day,
                "amount": f"{expense.amount:.2f}",
                "vat": plain(expense.vat_percent),
                "description": expense.description,
            }
            | ({"pass_through": True} if expense.pass_through else {})
            for expense in sorted(expenses, key=lambda expense: int(expense.id.rpartition(":")[2]))
        ],
    }


def expenses_of(store: Store, process_id: str) -> list[Expense]:
    rel = expenses_path(process_id)
    text = store.read_text(rel)
    if text is None:
        return []
    return _from_doc(Fields(migrate(parse_toml(text, rel), rel, text), rel, text))


def all_expenses(store: Store) -> list[Expense]:
    folder = store.root / EXPENSES
    if not folder.is_dir():
        return []
    names = sorted(path.name for path in folder.iterdir() if path.suffix == ".toml")
    return [expense for name in names for expense in expenses_of(store, name.removesuffix(".toml"))]


def next_expense_id(expenses: list[Expense], process_id: str) -> str:
    last = max((int(expense.id.rpartition(":")[2]) for expense in expenses), default=0)
    return f"{process_id}:{last + 1}"


def save_expenses(change: Transaction, process_id: str, expenses: list[Expense]) -> None:
    change.write(expenses_path(process_id), dump_toml(_to_doc(process_id, expenses)))
