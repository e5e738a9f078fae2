"""What was billed stays as it was billed: every view of an invoiced item reads its invoice.

The hand-computed month of tests/billing_month.py, invoiced (VAT 25.5 %):
- pohde: 190.00 + 23.40 + (220.00 − 110.00) + 190.00 = 513.40 net, VAT 130.92, 644.32.
- mehilainen: 85 × 60 / 45 = 113.33, 10 % off 11.33: 102.00 net, VAT 26.01, 128.01.
The year 2027: February 615.40, nothing else.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.billing_month import EXPENSE_ADD, seed_store
from tests.conftest import Tyo
from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.invoice_status import InvoiceStatus
from tyonohjaus_cli.domain.invoices import (
    Invoice,
    check_credit,
    check_payment,
    invoice_status,
)
from tyonohjaus_cli.errors import UsageError

VIEWS = (
    ("billing", "2027-02", "--json"),
    ("billing", "2027-02", "--csv"),
    ("billing", "2027-02"),
    ("billing", "year", "2027"),
    ("billing", "year", "2027", "--json"),
)


@pytest.fixture
def invoiced(tyo: Tyo, store_path: Path) -> Tyo:
    """February invoiced for both clients on 1.3.2027."""
    seed_store(store_path)
    assert tyo(*EXPENSE_ADD).exit_code == 0
    for client in ("pohde", "mehilainen"):
        made = tyo("invoice", "create", "2027-02", "--client", client, "--date", "2027-03-01")
        assert made.exit_code == 0, made.output
    return tyo


def _views(tyo: Tyo) -> dict[tuple[str, ...], str]:
    shown: dict[tuple[str, ...], str] = {}
    for args in VIEWS:
        result = tyo(*args)
        assert result.exit_code == 0, result.output
        shown[args] = result.stdout
    return shown


def test_invoiced_items_read_the_same_whatever_changes_since(invoiced: Tyo) -> None:
    before = _views(invoiced)
    data = json.loads(before["billing", "2027-02", "--json"])
    assert [(c["client"], c["name"], c["invoiced"]["gross"], c["open"]["gross"]) for c in data["clients"]] == [
        ("mehilainen", "Mehiläinen Oy", "128.01", "0.00"),
        ("pohde", "Pohjois-Pohjanmaan hyvinvointialue", "644.32", "0.00"),
    ]  # fmt: skip
    assert json.loads(before["billing", "year", "2027", "--json"])["net"] == "615.40"
    changes = [
        ("client", "edit", "pohde", "--payment-days", "30"),  # edits refuse its 45 days
        ("client", "edit", "pohde", "--rate", "130", "--discount", "50"),
        ("client", "edit", "pohde", "--name", "Pohde Oy", "--cancel-charge", "0"),
        ("client", "edit", "mehilainen", "--name", "Mehiläinen Abp", "--discount", "0"),
        ("process", "edit", "esihenkilot", "--rate", "200"),
        ("settings", "set", "rate", "300"),
        ("settings", "set", "unit_minutes", "60"),
    ]
    for args in changes:
        result = invoiced(*args)
        assert result.exit_code == 0, (args, result.output)
    assert _views(invoiced) == before
    # VAT-exempt now: the issued 25.5 % invoices still read 25.5 %; the year adds only
    # the threshold check that an exempt supervisor needs.
    assert invoiced("settings", "set", "vat", "exempt").exit_code == 0
    after = _views(invoiced)
    for args in VIEWS[:3]:
        assert after[args] == before[args]
    text = after["billing", "year", "2027"]
    assert text == before["billing", "year", "2027"] + (
        "Below the VAT small-business threshold €20,000.00 by €19,384.60.\n"
    )
    year = json.loads(after["billing", "year", "2027", "--json"])
    assert year == json.loads(before["billing", "year", "2027", "--json"]) | {
        "vat_exempt": True,
        "threshold": "20000.00",
        "over_threshold": False,
    }


def test_a_new_item_is_billed_at_todays_price_beside_the_frozen_ones(
    invoiced: Tyo, store_path: Path
) -> None:
    assert invoiced("client", "edit", "mehilainen", "--rate", "90").exit_code == 0
    added = invoiced("meeting", "add", "aino", "--at", "2027-02-25 08:00", "--duration", "45")
    assert added.exit_code == 0, added.output
    logged = invoiced("log", "aino", "2", "--note", "-", "--force")
    assert logged.exit_code == 0, logged.output
    data = json.loads(invoiced("billing", "2027-02", "--client", "mehilainen", "--json").stdout)
    (bill,) = data["clients"]
    assert [(i["date"], i["unit_price"], i["net"], i["invoice"]) for i in bill["items"]] == [
        ("2027-02-11", "85.00", "102.00", 1001),  # as invoiced
        ("2027-02-25", "90.00", "81.00", None),  # 90 × 45 / 45, 10 % off
    ]
    # Not every item invoiced: the client's own name heads the bill.
    assert bill["name"] == "Mehiläinen Oy"


def test_a_forgotten_clients_kept_invoices_still_count_in_the_year(invoiced: Tyo) -> None:
    year = json.loads(invoiced("billing", "year", "2027", "--json").stdout)
    forgot = invoiced("forget", "pohde", "--yes")
    assert forgot.exit_code == 0, forgot.output
    after = json.loads(invoiced("billing", "year", "2027", "--json").stdout)
    assert after["months"] == year["months"]
    assert (after["net"], year["net"]) == ("615.40", "615.40")
    assert after["clients"] == [
        {"client": "mehilainen", "net": "102.00"},
        {"client": None, "net": "513.40"},
    ]
    text = invoiced("billing", "year", "2027").stdout
    assert "(forgotten clients)  €513.40\n" in text
    assert "pohde" not in text
    assert "Pohjois-Pohjanmaan" not in text
    month = invoiced("billing", "2027-02").stdout
    assert "Invoices of forgotten clients, 2027-02\n" in month
    assert "Pohjois-Pohjanmaan" not in month


# --- an invoice's status and its guards, in the domain -----------------------------------


def _invoice(**changes: Any) -> Invoice:
    from dataclasses import replace

    from tests.billing_month import FEBRUARY, POHDE, PROCESSES, SETTINGS
    from tyonohjaus_cli.domain.billing import bill_month, issue_invoice

    bill = bill_month(SETTINGS, POHDE, PROCESSES, [], FEBRUARY)
    return replace(issue_invoice(bill, SETTINGS, 1000, date(2027, 3, 1)), **changes)


def test_status_of_an_invoice() -> None:
    invoice = _invoice()
    assert invoice.due == date(2027, 3, 31)  # a public body: 30 days at most
    assert invoice_status(invoice, date(2027, 3, 31), set()) is InvoiceStatus.OPEN
    assert invoice_status(invoice, date(2027, 4, 1), set()) is InvoiceStatus.OVERDUE
    paid = _invoice(paid=date(2027, 3, 20))
    assert invoice_status(paid, date(2027, 4, 1), set()) is InvoiceStatus.PAID
    assert invoice_status(paid, date(2027, 4, 1), {1000}) is InvoiceStatus.CREDITED
    note = _invoice(number=1001, credit_for=1000)
    assert invoice_status(note, date(2027, 4, 1), {1000}) is InvoiceStatus.CREDIT_NOTE


def test_payment_and_credit_guards() -> None:
    invoice, note = _invoice(), _invoice(number=1001, credit_for=1000)
    check_payment(invoice, date(2027, 3, 1), day_given=True)
    with pytest.raises(UsageError, match="1001 is a credit note: there is nothing to pay"):
        check_payment(note, date(2027, 3, 2), day_given=True)
    with pytest.raises(UsageError, match=r"--on 2027-02-28 is before the invoice's date"):
        check_payment(invoice, date(2027, 2, 28), day_given=True)
    with pytest.raises(UsageError, match=r"invoice 1000 is marked paid already"):
        check_payment(_invoice(paid=date(2027, 3, 5)), date(2027, 3, 6), day_given=False)
    check_credit(invoice, [invoice], date(2027, 3, 1), day_given=True)
    with pytest.raises(UsageError, match="credited already, by credit note 1001"):
        check_credit(invoice, [invoice, note], date(2027, 3, 2), day_given=True)
    with pytest.raises(UsageError, match="credit notes are not credited"):
        check_credit(note, [invoice, note], date(2027, 3, 2), day_given=True)
    with pytest.raises(UsageError, match=r"the credit note's date 2027-02-27 is before"):
        check_credit(invoice, [invoice], date(2027, 2, 27), day_given=False)


def test_the_year_turnover_and_the_threshold() -> None:
    from tests.billing_month import FEBRUARY, MEHILAINEN, POHDE, PROCESSES, SETTINGS
    from tyonohjaus_cli.domain.billing import bill_month
    from tyonohjaus_cli.domain.turnover import year_turnover

    february = [
        bill_month(SETTINGS, client, PROCESSES, [], FEBRUARY) for client in (POHDE, MEHILAINEN)
    ]
    bills = [[] if month != 2 else february for month in range(1, 13)]
    standard = year_turnover(2027, bills, VatMode.STANDARD)
    # pohde without the travel: 513.40 − 23.40 = 490.00; mehilainen 102.00
    assert standard.net == Decimal("592.00")
    assert standard.clients == (("mehilainen", Decimal("102.00")), ("pohde", Decimal("490.00")))
    assert (standard.threshold, standard.over_threshold) == (None, None)
    exempt = year_turnover(2027, bills, VatMode.EXEMPT)
    assert exempt.threshold == Decimal(20000)
    assert (exempt.over_threshold, exempt.below_by) == (False, Decimal("19408.00"))
