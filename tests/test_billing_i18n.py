"""Every message of billing and invoices has its Finnish translation (and documents Swedish)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from tyonohjaus_cli.cli import billing, invoices
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.i18n import has_translation, t
from tyonohjaus_cli.i18n.months import month_words, months_words

SOURCE = Path(__file__).resolve().parent.parent / "src" / "tyonohjaus_cli"
MODULES = [
    "cli/billing.py",
    "cli/invoices.py",
    "storage/invoices.py",
    "storage/expenses.py",
    "domain/billing.py",
    "domain/vat.py",
    "render/invoice_text.py",
    "render/invoice_pdf.py",
]


def message_ids(path: Path) -> list[str]:
    """The literal first arguments of ``t(...)`` and ``page.t(...)`` calls."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        first = node.args[0]
        if name == "t" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append(first.value)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_messages_have_finnish(module: str) -> None:
    ids = message_ids(SOURCE / module)
    assert ids, module
    assert [msgid for msgid in ids if not has_translation(msgid, "fi")] == []


def test_command_help_has_finnish() -> None:
    commands = [billing.billing, billing.year, billing.add_expense, billing.list_expenses, billing.remove_expense, invoices.create, invoices.list_invoices,
                invoices.show, invoices.pdf, invoices.paid, invoices.credit]  # fmt: skip
    for function in commands:
        doc = inspect.cleandoc(function.__doc__ or "")
        assert has_translation(doc, "fi"), function.__name__


def test_translations_keep_their_fields() -> None:
    from tyonohjaus_cli.i18n.fi import billing as fi_billing
    from tyonohjaus_cli.i18n.sv import MESSAGES as SWEDISH

    for catalogue in (fi_billing.MESSAGES, SWEDISH):
        for msgid, text in catalogue.items():
            fields: dict[str, object] = dict.fromkeys(_fields(msgid), "x")
            # A month is a field whose translation chooses its case: "{month:ablative}".
            fields |= {name: FEBRUARY for name in ("month",) if name in fields}
            fields |= {name: SPRING for name in ("months",) if name in fields}
            assert _fields(text) == _fields(msgid), msgid
            assert t(msgid, lang="fi" if catalogue is fi_billing.MESSAGES else "sv", **fields)


FEBRUARY = month_words(Month(2027, 2))
SPRING = months_words([Month(2027, 2), Month(2027, 3)])


def _fields(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
