"""A month's loose ends: open items of earlier months, invoicing through a month, and a
late cancellation's charge changed for one meeting.

The hand-computed month of tests/billing_month.py, and one more meeting of hoitajat on
19.1.2027, held 90 min at pohde's 95.00 per 45 min: 190.00, with VAT 25.5 % 238.45.
pohde's February: 190.00 + 110.00 + 190.00 = 490.00 net (no travel expense here).
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.billing_month import seed_store
from tests.conftest import Tyo
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.storage.invoices import invoices
from tyonohjaus_cli.storage.store import Store
from tyonohjaus_cli.usecases.loose_ends import earlier_open

NOTE = (
    "Not yet invoiced: pohde has 1 item from before 2027-02 (2027-01, €238.45); "
    "`tyo invoice create --through 2027-02 --client pohde` invoices it with 2027-02.\n"
)


@pytest.fixture
def two_months(tyo: Tyo, store_path: Path) -> Tyo:
    seed_store(store_path)
    added = tyo("meeting", "add", "hoitajat", "--at", "2027-01-19 14:00", "--duration", "90")
    assert added.exit_code == 0, added.output
    logged = tyo("log", "hoitajat", "4", "--note", "-", "--force")
    assert logged.exit_code == 0, logged.output
    return tyo


def _lines(tyo: Tyo, month: str) -> list[dict[str, object]]:
    data = json.loads(tyo("billing", month, "--client", "pohde", "--json").stdout)
    return [
        {
            "date": item["date"],
            "kind": item["kind"],
            "amount": item["amount"],
            "discounts": [d["amount"] for d in item["discounts"]],
        }
        for bill in data["clients"]
        for item in bill["items"]
    ]


def test_billing_a_month_names_the_open_items_of_earlier_months(two_months: Tyo) -> None:
    result = two_months("billing", "2027-02")
    assert result.exit_code == 0
    assert result.stdout.endswith(NOTE)
    data = json.loads(two_months("billing", "2027-02", "--json").stdout)
    assert data["open_earlier"] == [
        {
            "client": "pohde",
            "month": "2027-01",
            "items": ["hoitajat#4"],
            "open": {
                "by_rate": [{"vat_percent": "25.5", "base": "190.00", "vat": "48.45"}],
                "net": "190.00",
                "vat": "48.45",
                "gross": "238.45",
            },
        }
    ]
    # January itself has no earlier month to name.
    assert "before 2027-01" not in two_months("billing", "2027-01").stdout


def test_earlier_open_items_are_sought_within_the_three_years_a_claim_lasts(
    two_months: Tyo,
) -> None:
    """A claim is time-barred three years on (Limitation Act 728/2003, 4 §): a month's
    bills name open items of the 36 months before it, however long the history."""
    for day in ("2024-01-16", "2024-02-13"):  # 37 and 36 months before 2027-02
        added = two_months("meeting", "add", "hoitajat", "--at", f"{day} 14:00", "--duration", "90")
        assert added.exit_code == 0, added.output
    listed = json.loads(two_months("process", "show", "hoitajat", "--json").stdout)
    for meeting in listed["meetings"]:
        if meeting["start"].startswith("2024-"):
            logged = two_months("log", "hoitajat", str(meeting["n"]), "--note", "-", "--force")
            assert logged.exit_code == 0, logged.output
    data = json.loads(two_months("billing", "2027-02", "--json").stdout)
    assert [entry["month"] for entry in data["open_earlier"]] == ["2024-02", "2027-01"]


def test_invoice_through_a_month_bills_every_open_item_up_to_it_on_one_invoice(
    two_months: Tyo, store_path: Path
) -> None:
    expected = _lines(two_months, "2027-01") + _lines(two_months, "2027-02")
    made = two_months(
        "invoice", "create", "--through", "2027-02", "--client", "pohde", "--date", "2027-03-01"
    )
    assert made.exit_code == 0, made.output
    # 190.00 + 490.00 = 680.00; VAT 25.5 % of it 173.40; 853.40
    assert made.stdout.startswith(
        "Invoice 1000 to pohde: €853.40 (net €680.00, VAT €173.40), due 2027-03-31, "
    )
    (invoice,) = invoices(Store(store_path))
    assert invoice.service_period == (date(2027, 1, 19), date(2027, 2, 16))
    by_item: dict[str, list[str]] = {}
    for line in invoice.lines:
        by_item.setdefault(line.item, []).append(f"{line.amount:.2f}")
    assert [{"amount": amounts[0], "discounts": amounts[1:]} for amounts in by_item.values()] == [
        {"amount": line["amount"], "discounts": line["discounts"]} for line in expected
    ]
    # The months' billing now reads the invoice, and nothing is left open before March.
    assert _lines(two_months, "2027-01") + _lines(two_months, "2027-02") == expected
    assert "pohde has" not in two_months("billing", "2027-03").stdout


def test_an_invoice_through_a_month_carries_the_buyers_references(two_months: Tyo) -> None:
    edited = two_months(
        "process", "edit", "hoitajat", "--order-number", "PO-2027-7", "--contract", "PS-1/2027"
    )
    assert edited.exit_code == 0, edited.output
    made = two_months(
        "invoice", "create", "--through", "2027-02", "--client", "pohde", "--date", "2027-03-01"
    )
    assert made.exit_code == 0, made.output
    shown = json.loads(two_months("invoice", "show", "1000", "--json").stdout)
    assert (shown["order_number"], shown["contract"]) == ("PO-2027-7", "PS-1/2027")


def test_an_item_invoiced_with_a_later_month_stays_invoiced_in_its_own_month(
    two_months: Tyo,
) -> None:
    """An invoice made --through February bills January's open item: January's bill shows
    it on that invoice (it was read as open, and invoiced a second time), and the year
    counts it once, as invoiced."""
    made = two_months(
        "invoice", "create", "--through", "2027-02", "--client", "pohde", "--date", "2027-03-01"
    )
    assert made.exit_code == 0, made.output
    january = json.loads(two_months("billing", "2027-01", "--client", "pohde", "--json").stdout)
    (bill,) = january["clients"]
    assert [item["invoice"] for item in bill["items"]] == [1000]
    assert bill["open"]["gross"] == "0.00"
    again = two_months("invoice", "create", "2027-01", "--client", "pohde", "--date", "2027-03-02")
    assert again.exit_code == 2
    assert "invoiced already (invoice 1000)" in again.stderr
    turnover = json.loads(two_months("billing", "year", "2027", "--json").stdout)
    pohde = next(row for row in turnover["clients"] if row["client"] == "pohde")
    assert pohde["net"] == "680.00"  # 190.00 in January and 490.00 in February, once each


def test_through_or_month_not_both(two_months: Tyo) -> None:
    for args in (
        ("invoice", "create", "2027-02", "--through", "2027-02", "--client", "pohde"),
        ("invoice", "create", "--client", "pohde"),
    ):
        result = two_months(*args)
        assert (result.exit_code, result.stderr) == (
            2,
            "tyo: give the MONTH billed, or --through MONTH, not both\n",
        )


# --- a late cancellation's charge, for one meeting ---------------------------------------


def test_a_waived_late_cancellation_bills_nothing_with_its_reason_shown(
    two_months: Tyo, store_path: Path
) -> None:
    waived = two_months(
        "meeting", "charge", "hoitajat", "2", "--percent", "0", "--reason", "first time"
    )
    assert waived.exit_code == 0, waived.output
    assert waived.stdout == (
        "Meeting 2 of hoitajat (Tue 2027-02-16 14:00) now bills 0% of its price instead of "
        "100%: first time.\n"
    )
    data = json.loads(two_months("billing", "2027-02", "--client", "pohde", "--json").stdout)
    (bill,) = data["clients"]
    late = bill["items"][-1]
    assert (late["kind"], late["description"], late["net"], late["charge_reason"]) == (
        "late-cancellation",
        "Late cancellation (0% charged): Hoitajien ryhmätyönohjaus",
        "0.00",
        "first time",
    )
    assert bill["totals"]["net"] == "300.00"  # 190.00 + 110.00 + 0.00
    text = two_months("billing", "2027-02", "--client", "pohde").stdout
    assert "Late cancellation (0% charged): Hoitajien ryhmätyönohjaus (first time)" in text
    # Half of 95 × 90 / 45 = 95.00
    assert (
        two_months(
            "meeting", "charge", "hoitajat", "2", "--percent", "50", "--reason", "agreed"
        ).exit_code
        == 0
    )
    assert _lines(two_months, "2027-02")[-1]["amount"] == "95.00"
    assert (
        two_months(
            "invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-01"
        ).exit_code
        == 0
    )
    before = (store_path / "processes/hoitajat.toml").read_bytes()
    refused = two_months("meeting", "charge", "hoitajat", "2", "--percent", "0", "--reason", "x")
    assert (refused.exit_code, refused.stderr) == (
        1,
        (
            "tyo: meeting 2 of hoitajat is on invoice 1000 and can't change; `tyo invoice "
            "credit 1000` credits it, then it can be corrected and invoiced again\n"
        ),
    )
    assert (store_path / "processes/hoitajat.toml").read_bytes() == before
    # Invoiced, the reason still shows with the frozen item.
    assert _lines(two_months, "2027-02")[-1]["amount"] == "95.00"
    data = json.loads(two_months("billing", "2027-02", "--client", "pohde", "--json").stdout)
    assert data["clients"][0]["items"][-1]["charge_reason"] == "agreed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("hoitajat", "1", "--percent", "0", "--reason", "x"),
         "meeting 1 of hoitajat is not charged: only a late cancellation or a no-show is (it is held)"),
        (("esihenkilot", "2", "--percent", "0", "--reason", "x"),
         "meeting 2 of esihenkilot is not charged: only a late cancellation or a no-show is (it is cancelled)"),
        (("hoitajat", "2", "--percent", "50", "--reason", " "),
         'give the reason with --reason "..."; it is kept with the charge'),
    ],
)  # fmt: skip
def test_only_a_charged_meeting_changes_its_charge_and_with_a_reason(
    two_months: Tyo, store_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = {path: path.read_bytes() for path in store_path.rglob("*.toml")}
    result = two_months("meeting", "charge", *args)
    assert (result.exit_code, result.stderr) == (2, f"tyo: {message}\n")
    assert {path: path.read_bytes() for path in store_path.rglob("*.toml")} == before


def test_the_loose_ends_kept_in_the_cache_follow_every_change(
    two_months: Tyo, store_path: Path
) -> None:
    """A month's view keeps its earlier open items in .cache/earlier.json under the stamps
    of what they are made of: any change to one of those files shows at once."""
    assert two_months("billing", "2027-02").stdout.endswith(NOTE)
    kept = store_path / ".cache" / "earlier.json"
    stamp = kept.stat().st_mtime_ns
    assert two_months("billing", "2027-02").stdout.endswith(NOTE)
    assert kept.stat().st_mtime_ns == stamp  # read from the cache, not made again
    path = store_path / "processes" / "hoitajat.toml"
    text = path.read_text(encoding="utf-8")
    block = text.index("start = 2027-01-19 14:00:00")
    held = text.index("minutes = 90", block)
    path.write_text(text[:held] + "minutes = 45" + text[held + len("minutes = 90") :])
    # 45 min at 95.00 per 45 min: 95.00, VAT 25.5 % 24.225 → 24.23, 119.23 in all.
    assert "(2027-01, €119.23)" in two_months("billing", "2027-02").stdout
    made = two_months(
        "invoice", "create", "--through", "2027-02", "--client", "pohde", "--date", "2027-03-01"
    )
    assert made.exit_code == 0, made.output
    assert "Not yet invoiced" not in two_months("billing", "2027-02").stdout
    shutil.rmtree(store_path / ".cache")
    assert "Not yet invoiced" not in two_months("billing", "2027-02").stdout


def test_loose_ends_made_and_read_back_are_the_same(two_months: Tyo, store_path: Path) -> None:
    """What a month's view names of its loose ends when it makes them is what it reads back
    from .cache/earlier.json: the same items and figures, to the exponent of each Decimal."""
    now = datetime.fromisoformat("2027-03-01T09:00+02:00")
    assert not (store_path / ".cache" / "earlier.json").exists()
    made = earlier_open(Store(store_path), Month(2027, 2), now=now)
    kept = earlier_open(Store(store_path), Month(2027, 2), now=now)
    assert (store_path / ".cache" / "earlier.json").is_file()
    assert [repr(item) for item in made] == [repr(item) for item in kept]
    (earlier,) = made
    # 190.00 net at 25.5 %: VAT 48.45, 238.45 in all.
    assert earlier.client == "pohde"
    assert earlier.month == Month(2027, 1)
    assert earlier.gross == Decimal("238.45")
    assert [str(figure) for figure in earlier.sums[0][0]] == ["25.5", "190.00", "48.45"]
