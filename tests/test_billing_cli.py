"""Billing and invoices through the command line, on the hand-computed month."""

from __future__ import annotations

import io
import json
import tomllib
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import tomli_w
from pypdf import PdfReader

from tests.billing_month import (
    EXPENSE_ADD,
    HEL,
    MEHILAINEN,
    SECRET,
    SETTINGS,
    seed_store,
)
from tests.conftest import Result, Tyo
from tests.safety_helpers import snapshot
from tyonohjaus_cli.errors import StoreError
from tyonohjaus_cli.storage.store import Store


@pytest.fixture
def month(tyo: Tyo, store_path: Path) -> Tyo:
    """February 2027 of tests/billing_month.py in a store; the travel expense added by command."""
    seed_store(store_path)
    added = tyo(*EXPENSE_ADD)
    assert added.exit_code == 0, added.output
    assert (
        added.stdout
        == "Added expense hoitajat:1: €23.40 + VAT 25.5%, 2027-02-02, billed with 2027-02.\n"
    )
    return tyo


def files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and "history" not in path.parts
        and ".cache" not in path.parts
        and path.name != ".lock"
    }


def test_billing_json_is_the_month_computed_by_hand(month: Tyo) -> None:
    result = month("billing", "2/2027", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["month"] == "2027-02"
    mehilainen, pohde = data["clients"]  # by client id
    assert [(i["date"], i["kind"], i["minutes"], i["units"], i["unit_price"], i["discount"], i["net"])
            for i in pohde["items"]] == [
        ("2027-02-02", "meeting", 90, "2.00", "95.00", "0.00", "190.00"),
        ("2027-02-02", "expense", None, None, "23.40", "0.00", "23.40"),
        ("2027-02-10", "meeting", 90, "2.00", "110.00", "-110.00", "110.00"),
        ("2027-02-16", "late-cancellation", 90, "2.00", "95.00", "0.00", "190.00"),
    ]  # fmt: skip
    assert pohde["items"][2]["discounts"] == [
        {"kind": "first-free", "percent": None, "amount": "-110.00"}
    ]
    assert pohde["totals"] == {
        "by_rate": [{"vat_percent": "25.5", "base": "513.40", "vat": "130.92"}],
        "net": "513.40",
        "vat": "130.92",
        "gross": "644.32",
    }
    assert mehilainen["items"] == [
        {
            "date": "2027-02-11",
            "process": "aino",
            "kind": "meeting",
            "description": "Work supervision: Yksilötyönohjaus",
            "minutes": 60,
            "units": "1.33",
            "unit_price": "85.00",
            "amount": "113.33",
            "discounts": [{"kind": "discount", "percent": "10", "amount": "-11.33"}],
            "discount": "-11.33",
            "net": "102.00",
            "vat_percent": "25.5",
            "invoice": None,
            "charge_reason": None,
        }
    ]
    assert mehilainen["totals"]["gross"] == "128.01"
    # both clients: 513.40 + 102.00 = 615.40; VAT 615.40 × 25.5 % = 156.927 -> 156.93
    assert data["totals"] == {
        "by_rate": [{"vat_percent": "25.5", "base": "615.40", "vat": "156.93"}],
        "net": "615.40",
        "vat": "156.93",
        "gross": "772.33",
    }
    assert SECRET not in result.stdout


def test_billing_table_and_csv(month: Tyo) -> None:
    table = month("billing", "2027-02", "--client", "mehilainen")
    assert table.exit_code == 0, table.output
    assert "Mehiläinen Oy (mehilainen), 2027-02" in table.stdout
    assert "  net €102.00, VAT €26.01, total €128.01\n" in table.stdout
    assert "pohde" not in table.stdout
    csv = month("billing", "2027-02", "--csv")
    lines = csv.stdout.splitlines()
    assert (
        lines[0]
        == "client,kind,date,process,description,minutes,units,unit_price,discount,net,vat_percent,invoice,charge_reason"
    )
    assert (
        "mehilainen,meeting,2027-02-11,aino,Work supervision: Yksilötyönohjaus,60,1.33,85.00,-11.33,102.00,25.5,,"
        in lines
    )
    assert len(lines) == 6


def test_invoice_create_pdf_and_refusals(month: Tyo, store_path: Path, tmp_path: Path) -> None:
    created = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    assert created.exit_code == 0, created.output
    assert created.stdout.splitlines()[0] == (
        "Invoice 1000 to pohde: €644.32 (net €513.40, VAT €130.92), due 2027-04-01, reference 10003."
    )
    before = files(store_path)
    again = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-03")
    assert again.exit_code == 2
    assert again.stderr == (
        "tyo: pohde's 2027-02 is invoiced already (invoice 1000); to correct it, "
        "`tyo invoice credit N` and then create the invoice again\n"
    )
    assert files(store_path) == before

    billed = json.loads(month("billing", "2027-02", "--client", "pohde", "--json").stdout)
    assert {item["invoice"] for item in billed["clients"][0]["items"]} == {1000}
    assert billed["clients"][0]["invoiced"]["gross"] == "644.32"
    assert billed["clients"][0]["open"]["gross"] == "0.00"

    pdf = tmp_path / "lasku.pdf"
    written = month("invoice", "pdf", "1000", "-o", str(pdf))
    assert written.exit_code == 0, written.output
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")
    for expected in (
        "Maksettava yhteensä 644,32 €",
        "ALV 25,5 % 130,92 €",
        "Veroton yhteensä 513,40 €",
        "Viitenumero 10003",
        "RF-viite RF68 1000 3",
        "421123456000007850006443200000000000000000010003270401",
    ):
        assert expected in text, expected  # fmt: skip
    assert SECRET not in text
    assert "Aino" not in text
    named = month("invoice", "pdf", "1000", "-o", str(pdf), "--participants")
    assert named.exit_code == 0
    text = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert f"Hoitajien ryhmätyönohjaus): Aino {SECRET}" in text  # a name, only when asked


@pytest.mark.parametrize(
    ("change", "needed"),
    [
        (("settings", "set", "business_id", ""), "your business ID: `tyo settings set business_id"),
        (("settings", "set", "address", ""), "your address: `tyo settings set address"),
        (("settings", "set", "iban", ""), "your bank account: `tyo settings set iban"),
        ((), "pohde's billing address: `tyo client edit"),
    ],
)
def test_an_invoice_names_both_parties_in_full_or_is_not_issued(
    month: Tyo, store_path: Path, change: tuple[str, ...], needed: str
) -> None:
    """The VAT Act asks for both names and addresses and the seller's business ID; an issued
    invoice never changes, so what is missing is asked for before, not warned about after."""
    if change:
        assert month(*change).exit_code == 0
    else:  # by hand: the seeded client's 45 payment days are more than `client edit` allows
        client = store_path / "clients" / "pohde.toml"
        doc = tomllib.loads(client.read_text())
        del doc["address"]
        client.write_text(tomli_w.dumps(doc))
    before = files(store_path)
    result = month("--lang", "en", "invoice", "create", "2027-02", "--client", "pohde")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tyo: an invoice needs {needed}")
    assert result.stderr.endswith("; nothing was issued\n")
    assert result.stderr.count("\n") == 1
    assert files(store_path) == before


def test_an_invoiced_meeting_cant_change(month: Tyo, store_path: Path) -> None:
    assert (
        month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02").exit_code
        == 0
    )
    store = Store(store_path)
    process = store.process("hoitajat")
    held = process.meeting(1)
    assert held is not None

    edited = process._replace(meetings=(held._replace(held_minutes=60), *process.meetings[1:]))
    before = files(store_path)
    with (
        pytest.raises(
            StoreError, match="meeting 1 of hoitajat is on invoice 1000 and can't change"
        ),
        store.transaction("edit", datetime(2027, 3, 3, 9, tzinfo=HEL)) as change,
    ):
        change.save_process(edited)
    assert files(store_path) == before
    # A meeting not invoiced (next month's) still moves freely.
    moved = month(
        "meeting",
        "move",
        "hoitajat",
        "3",
        "--to",
        "2027-03-03 14:00",
    )
    assert moved.exit_code == 0, moved.output
    # Once credited, the meeting may be corrected.
    assert month("invoice", "credit", "1000", "--date", "2027-03-04").exit_code == 0
    with Store(store_path).transaction("edit", datetime(2027, 3, 4, 9, tzinfo=HEL)) as change:
        change.save_process(
            edited._replace(
                meetings=(
                    held._replace(held_minutes=60),
                    *Store(store_path).process("hoitajat").meetings[1:],
                ),
            )
        )


def test_relogging_an_invoiced_meeting_is_refused_and_nothing_changes(
    month: Tyo, store_path: Path
) -> None:
    created = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    assert created.exit_code == 0, created.output
    before = files(store_path)
    relog = month("log", "hoitajat", "1", "--force", "--minutes", "60", "--note", "korjaus")
    assert relog.exit_code == 1
    assert relog.stderr == (
        "tyo: meeting 1 of hoitajat is on invoice 1000 and can't change; "
        "`tyo invoice credit 1000` credits it, then it can be corrected and invoiced again\n"
    )
    assert files(store_path) == before


def test_undo_never_takes_back_an_issued_invoice(month: Tyo, store_path: Path) -> None:
    created = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    assert created.exit_code == 0, created.output
    before = files(store_path)
    undone = month("undo")
    assert undone.exit_code == 1
    assert undone.stderr == (
        "tyo: can't undo 'invoice create 2027-02 pohde': it issued invoices/1000.json, and an "
        "issued invoice never changes; `tyo invoice credit` corrects one; nothing was changed\n"
    )
    assert files(store_path) == before
    # Marking it paid by mistake can be undone: payments are not the invoice.
    assert month("invoice", "paid", "1000", "--on", "2027-03-10").exit_code == 0
    assert month("undo").exit_code == 0
    assert files(store_path) == before


def test_a_payment_or_credit_dated_before_the_invoice_says_which_date_is_wrong(
    month: Tyo, store_path: Path
) -> None:
    created = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    assert created.exit_code == 0, created.output
    before = files(store_path)
    given = month("invoice", "paid", "1000", "--on", "2027-03-01")
    assert (given.exit_code, given.stderr) == (
        2,
        "tyo: --on 2027-03-01 is before the invoice's date (2027-03-02): give the day it was paid\n",
    )
    today = month("invoice", "paid", "1000")  # today is 2027-01-04
    assert (today.exit_code, today.stderr) == (
        2,
        "tyo: the payment day 2027-01-04 is before the invoice's date (2027-03-02); give --on\n",
    )
    credit = month("invoice", "credit", "1000", "--date", "2027-03-01")
    assert credit.exit_code == 2
    assert credit.stderr == (
        "tyo: --date 2027-03-01 is before the invoice's date (2027-03-02): a credit note is "
        "dated on or after the invoice it credits\n"
    )
    assert files(store_path) == before


def test_crediting_a_paid_invoice_says_the_money_goes_back(month: Tyo, tmp_path: Path) -> None:
    created = month(
        "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02"
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    assert month("invoice", "paid", "1000", "--on", "2027-03-10").exit_code == 0
    credit = month("invoice", "credit", "1000", "--date", "2027-03-12")
    assert credit.stdout.splitlines()[1] == (
        "Invoice 1000 was paid on 2027-03-10: pay €128.01 back to mehilainen; the credit note "
        "says it is refunded."
    )
    target = tmp_path / "credit.pdf"
    assert month("invoice", "pdf", "1001", "-o", str(target)).exit_code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "1000 är redan betald" in text.replace("\u00a0", " ")  # mehilainen reads Swedish


def test_credit_note_frees_the_items_and_paid(month: Tyo) -> None:
    assert (
        month(
            "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02"
        ).exit_code
        == 0
    )
    credit = month("invoice", "credit", "1000", "--date", "2027-03-05")
    assert credit.exit_code == 0, credit.output
    assert credit.stdout.splitlines()[0] == (
        "Credit note 1001 to mehilainen: -€128.01 (net -€102.00, VAT -€26.01), crediting invoice 1000."
    )
    twice = month("invoice", "credit", "1000")
    assert (twice.exit_code, twice.stderr) == (
        2,
        "tyo: invoice 1000 is credited already, by credit note 1001\n",
    )
    again = month("invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-06")
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("Invoice 1002 to mehilainen: €128.01")
    assert month("invoice", "paid", "1002", "--on", "2027-03-10").exit_code == 0
    listed = json.loads(month("invoice", "list", "--json").stdout)
    assert [(row["number"], row["status"], row["gross"], row["paid"]) for row in listed] == [
        (1000, "credited", "128.01", None),
        (1001, "credit-note", "-128.01", None),
        (1002, "paid", "128.01", "2027-03-10"),
    ]
    assert month("invoice", "list", "--unpaid").stdout == "No unpaid invoices.\n"
    unknown = month("invoice", "show", "999")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "tyo: there is no invoice 999: `tyo invoice list` shows them\n",
    )


def test_invoice_numbers_continue_a_series_and_follow_dates(month: Tyo) -> None:
    first = month(
        "invoice",
        "create",
        "2027-02",
        "--client",
        "pohde",
        "--date",
        "2027-03-02",
        "--number",
        "2027001",
    )
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("Invoice 2027001 to pohde: €644.32")
    back = month(
        "invoice",
        "create",
        "2027-02",
        "--client",
        "mehilainen",
        "--date",
        "2027-03-03",
        "--number",
        "2027001",
    )
    assert (back.exit_code, back.stderr) == (
        2,
        (
            "tyo: --number 2027001 would go back: the latest invoice is 2027001, and a number is "
            "never used twice nor out of order; leave out --number to get 2027002\n"
        ),
    )
    early = month("invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-01")
    assert (
        early.stderr
        == "tyo: the invoice date 2027-03-01 is before invoice 2027001's (2027-03-02): numbers follow dates\n"
    )
    next_one = month(
        "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02"
    )
    assert next_one.stdout.startswith("Invoice 2027002 to mehilainen")
    shown = json.loads(month("invoice", "show", "2027002", "--json").stdout)
    assert shown["reference"] == "20270027"  # 2·7+0·3+0·1+7·7+2·3+0·1+2·7 = 83 -> 7


def test_invoice_number_that_would_leave_a_gap_is_refused(month: Tyo, store_path: Path) -> None:
    first = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    assert first.stdout.startswith("Invoice 1000 to pohde")
    before = snapshot(store_path)
    gap = month(
        "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02",
        "--number", "1002",
    )  # fmt: skip
    assert (gap.exit_code, gap.stdout, gap.stderr) == (
        2,
        "",
        (
            "tyo: --number 1002 would leave a gap after invoice 1000: invoice numbers run unbroken, "
            "as the bookkeeping requires; leave out --number to get 1001\n"
        ),
    )
    assert snapshot(store_path) == before
    same = month(
        "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02",
        "--number", "1001",
    )  # fmt: skip
    assert same.stdout.startswith("Invoice 1001 to mehilainen"), same.output


def test_discounted_month_in_the_clients_language(month: Tyo, tmp_path: Path) -> None:
    assert (
        month(
            "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02"
        ).exit_code
        == 0
    )
    pdf = tmp_path / "faktura.pdf"
    assert month("invoice", "pdf", "1000", "--output", str(pdf)).exit_code == 0
    text = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().replace("\u00a0", " ")
    # 85 × 60 / 45 = 113.33; 10 % = 11.33; net 102.00; VAT 26.01; gross 128.01
    for expected in (
        "Arbetshandledning: Yksilötyönohjaus 60 min 85,00 € / 45 min 25,5 % 113,33 €",
        "Rabatt 10 % 10 % 113,33 € 25,5 % -11,33 €",
        "Beskattningsunderlag 25,5 % 102,00 €",
        "Moms 25,5 % 26,01 €",
        "Att betala 128,01 €",
        "Referensnummer 10003",
        "421123456000007850001280100000000000000000010003270316",
    ):
        assert expected in text, expected  # fmt: skip


def test_invoice_show_json_has_reference_and_barcode(month: Tyo) -> None:
    assert (
        month(
            "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-02"
        ).exit_code
        == 0
    )
    shown = json.loads(month("invoice", "show", "1000", "--json").stdout)
    assert shown["reference"] == "10003"
    assert shown["rf_reference"] == "RF6810003"
    assert shown["due"] == "2027-03-16"
    assert shown["barcode"] == "421123456000007850001280100000000000000000010003270316"
    assert [(line["kind"], line["amount"]) for line in shown["lines"]] == [
        ("meeting", "113.33"),
        ("discount", "-11.33"),
    ]


def test_an_expense_s_vat_is_the_service_s_rate_on_its_day(month: Tyo, store_path: Path) -> None:
    def add(day: str, vat: str, *lang: str) -> Result:
        return month(
            *lang, "expense", "add", "hoitajat", "--date", day, "--amount", "5",
            "--description", "x", "--vat", vat,
        )  # fmt: skip

    before = files(store_path)
    old_rate = add("2027-03-02", "24")
    assert old_rate.exit_code == 2
    assert old_rate.stderr == (
        "tyo: --vat 24 is not the VAT rate on 2027-03-02: an expense bills the service's rate "
        "in force that day, 25.5% (AVL 73 §)\n"
    )
    assert add("2.3.2027", "24,0", "--lang", "fi").stderr == (
        "tyo: --vat 24 ei ole päivän 2.3.2027 arvonlisäverokanta: kulu laskutetaan palvelun "
        "verokannalla, sinä päivänä 25,5\u00a0% (AVL 73 §)\n"
    )
    # 0 % only for a pass-through item (AVL 78 §), which the invoice must name.
    zero = add("2027-03-02", "0")
    assert (zero.exit_code, zero.stderr) == (
        2,
        (
            "tyo: --vat 0: an expense passed on with the service bills the service's VAT, 25.5% on "
            "2027-03-02 (AVL 73 §); a cost paid in the client's name and for its account is billed "
            "without VAT with --pass-through (AVL 78 §)\n"
        ),
    )
    assert add("2024-08-30", "25.5").stderr.startswith(
        "tyo: --vat 25.5 is not the VAT rate on 2024-08-30: "
    )
    assert add("2027-03-02", "10").exit_code == 2
    assert files(store_path) == before
    assert add("2027-03-02", "25.5").exit_code == 0
    assert add("2024-08-30", "24").exit_code == 0
    listed = json.loads(month("expense", "list", "--json").stdout)
    assert [row["vat_percent"] for row in listed] == ["24", "25.5", "25.5"]


def test_a_vat_exempt_supervisor_s_expense_bills_no_vat_and_says_so(
    month: Tyo, store_path: Path
) -> None:
    assert month("settings", "set", "vat", "exempt").exit_code == 0
    before = files(store_path)
    asked = month(
        "expense", "add", "hoitajat", "--date", "2027-03-02", "--amount", "5",
        "--description", "x", "--vat", "25.5",
    )  # fmt: skip
    assert (asked.exit_code, asked.stdout) == (2, "")
    assert asked.stderr == (
        "tyo: you are VAT-exempt, so an expense bills no VAT either, as the service; leave out "
        "--vat (or `tyo settings set vat 25.5` if you registered for VAT)\n"
    )
    assert files(store_path) == before
    added = month(
        "expense", "add", "hoitajat", "--date", "2027-03-02", "--amount", "5",
        "--description", "x",
    )  # fmt: skip
    assert added.stdout == (
        "Added expense hoitajat:2: €5.00, no VAT (you are VAT-exempt), 2027-03-02, billed with "
        "2027-03.\n"
    )
    assert "VAT 25.5" not in added.stdout


def test_a_pass_through_expense_bills_no_vat_and_the_invoice_names_the_ground(
    month: Tyo, tmp_path: Path
) -> None:
    added = month(
        "expense", "add", "hoitajat", "--date", "2027-02-16", "--amount", "12.00",
        "--description", "Junalippu tilaajalle", "--pass-through",
    )  # fmt: skip
    assert added.stdout == (
        "Added expense hoitajat:2: €12.00, no VAT (a pass-through item, AVL 78 §, as the invoice "
        "will say), 2027-02-16, billed with 2027-02.\n"
    )
    both = month(
        "expense", "add", "hoitajat", "--date", "2027-02-16", "--amount", "1",
        "--description", "x", "--pass-through", "--vat", "25.5",
    )  # fmt: skip
    assert both.exit_code == 2
    created = month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    # By hand: pohde's 644.32 of February and 12.00 without VAT: 656.32.
    assert created.stdout.startswith("Invoice 1000 to pohde: €656.32 (net €525.40, VAT €130.92)")
    target = tmp_path / "lasku.pdf"
    assert month("invoice", "pdf", "1000", "-o", str(target)).exit_code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    text = " ".join(text.replace("\u00a0", " ").split())
    assert "Junalippu tilaajalle (läpikulkuerä, ei arvonlisäveroa: AVL 78 §)" in text
    assert "ALV 0 % 0,00 €" in text


def test_expense_list(month: Tyo) -> None:
    assert (
        month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02").exit_code
        == 0
    )
    listed = month("expense", "list", "--month", "2027-02", "--json")
    assert json.loads(listed.stdout) == [
        {
            "id": "hoitajat:1",
            "process": "hoitajat",
            "date": "2027-02-02",
            "amount": "23.40",
            "vat_percent": "25.5",
            "description": "Matkakulut Oulu–Kempele",
            "invoice": 1000,
        }
    ]
    assert month("expense", "list", "--month", "2027-03").stdout == "No expenses.\n"
    kept = month("expense", "remove", "hoitajat:1")
    assert (kept.exit_code, kept.stderr) == (
        1,
        "tyo: expense hoitajat:1 is on invoice 1000 and stays; `tyo invoice credit 1000` first\n",
    )
    early = month("invoice", "credit", "1000")
    assert early.stderr == (
        "tyo: the credit note's date 2027-01-04 is before the invoice's (2027-03-02); give --date\n"
    )
    assert month("invoice", "credit", "1000", "--date", "2027-03-03").exit_code == 0
    removed = month("expense", "remove", "hoitajat:1")
    assert (removed.exit_code, removed.stdout) == (0, "Removed expense hoitajat:1.\n")
    assert month("expense", "list").stdout == "No expenses.\n"
    missing = month("expense", "remove", "hoitajat:1")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "tyo: there is no expense hoitajat:1: `tyo expense list` shows them\n",
    )


def test_billing_year(month: Tyo) -> None:
    result = month("billing", "year", "2027", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["months"][1] == {"month": "2027-02", "net": "615.40"}
    assert data["clients"] == [
        {"client": "mehilainen", "net": "102.00"},
        {"client": "pohde", "net": "513.40"},
    ]
    assert (data["vat_exempt"], data["threshold"], data["over_threshold"]) == (False, None, None)
    table = month("billing", "year", "2027")
    assert "2027-02  €615.40  " + "#" * 40 in table.stdout
    assert month("settings", "set", "vat", "exempt").exit_code == 0
    exempt = json.loads(month("billing", "year", "2027", "--json").stdout)
    assert (exempt["threshold"], exempt["over_threshold"]) == ("20000.00", False)
    assert (
        "Below the VAT small-business threshold €20,000.00 by €19,384.60."
        in month("billing", "year", "2027").stdout
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("billing", "13/2027"), 2, "'13/2027' is not a month"),
        (("billing", "2027-02", "--client", "nobody"), 2, "unknown client 'nobody'"),
        (("billing", "year", "1800"), 2, "1800 is not a year tyo bills"),
        (
            (
                "expense",
                "add",
                "nope",
                "--date",
                "2027-02-02",
                "--amount",
                "1",
                "--description",
                "x",
            ),
            2,
            "unknown process 'nope'",
        ),
        (
            (
                "expense",
                "add",
                "aino",
                "--date",
                "2027-02-02",
                "--amount",
                "-1",
                "--description",
                "x",
            ),
            2,
            "is not an amount of euros",
        ),
        (
            (
                "expense",
                "add",
                "aino",
                "--date",
                "2027-02-02",
                "--amount",
                "1",
                "--description",
                " ",
            ),
            2,
            "--description can't be empty",
        ),
        (
            ("invoice", "create", "2027-04", "--client", "pohde"),
            2,
            "nothing to invoice for pohde in 2027-04",
        ),
        (("invoice", "paid", "1000"), 2, "there is no invoice 1000"),
    ],
)
def test_user_errors_are_one_line(
    month: Tyo, args: tuple[str, ...], code: int, message: str
) -> None:
    result = month(*args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stderr.count("\n") == 1


def test_unlogged_meetings_are_pointed_out(month: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    # February, not yet invoiced, is named after March (tests/test_loose_ends.py).
    february = (
        "Not yet invoiced: mehilainen has 1 item from before 2027-03 (2027-02, €128.01); "
        "`tyo invoice create --through 2027-03 --client mehilainen` invoices it with 2027-03.\n"
        "Not yet invoiced: pohde has 4 items from before 2027-03 (2027-02, €644.32); "
        "`tyo invoice create --through 2027-03 --client pohde` invoices them with 2027-03.\n"
    )
    before = month("billing", "2027-03")  # the meeting is still ahead: nothing to point out
    assert (before.exit_code, before.stderr) == (0, "")
    assert before.stdout.endswith(february)
    monkeypatch.setenv("TYO_NOW", "2027-04-01 09:00")
    march = month("billing", "2027-03")
    assert march.exit_code == 0, march.output
    assert "Hoitajien" not in march.stdout
    assert march.stderr == (
        "warning: 1 meeting of pohde in 2027-03 is not logged yet and bills nothing: hoitajat#3 "
        "(log it with `tyo log`)\n"
    )
    data = json.loads(month("billing", "2027-03", "--json").stdout)
    assert [(bill["client"], bill["items"], bill["unlogged"]) for bill in data["clients"]] == [
        ("pohde", [], ["hoitajat#3"])
    ]


def test_stored_invoice_is_plain_and_keeps_no_secret(month: Tyo, store_path: Path) -> None:
    assert (
        month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02").exit_code
        == 0
    )
    stored = (store_path / "invoices" / "1000.json").read_text(encoding="utf-8")
    assert SECRET not in stored
    doc = json.loads(stored)
    assert (doc["schema"], doc["number"], doc["reference"], doc["rf_reference"]) == (
        1,
        1000,
        "10003",
        "RF6810003",
    )
    assert doc["totals"] == {"net": "513.40", "vat": "130.92", "gross": "644.32"}
    assert oct((store_path / "invoices" / "1000.json").stat().st_mode & 0o777) == "0o600"
    shown = month("invoice", "show", "1000", "--json")
    assert SECRET not in shown.stdout


def test_a_hand_edited_invoice_that_no_longer_adds_up_is_reported(
    month: Tyo, store_path: Path
) -> None:
    assert (
        month("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02").exit_code
        == 0
    )
    path = store_path / "invoices" / "1000.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"190.00"', '"180.00"', 1), encoding="utf-8"
    )
    shown = month("invoice", "show", "1000")
    assert shown.exit_code == 1
    assert shown.stderr.startswith("tyo: invoices/1000.json")
    assert "'gross' must be the sum of the lines with VAT (631.77)" in shown.stderr


def test_vat_follows_the_service_date_through_the_command_line(tyo: Tyo, store_path: Path) -> None:

    from tests.billing_month import AINO, meeting
    from tyonohjaus_cli.domain.enums import MeetingStatus

    held = MeetingStatus.HELD
    process = AINO._replace(
        meetings=(
            meeting(1, "2024-08-30T10:00", 45, status=held),
            meeting(2, "2024-09-02T10:00", 45, status=held),
        ),
    )
    with Store(store_path).transaction("seed", datetime(2024, 8, 1, 9, tzinfo=HEL)) as change:
        change.save_settings(SETTINGS)
        change.save_client(MEHILAINEN._replace(discount=Decimal(0)))
        change.save_process(process)
    august = json.loads(tyo("billing", "2024-08", "--json").stdout)["totals"]
    september = json.loads(tyo("billing", "2024-09", "--json").stdout)["totals"]
    # 85.00 at 24 % = 20.40; at 25.5 % = 21.675 -> 21.68
    assert august["by_rate"] == [{"vat_percent": "24", "base": "85.00", "vat": "20.40"}]
    assert september["by_rate"] == [{"vat_percent": "25.5", "base": "85.00", "vat": "21.68"}]
