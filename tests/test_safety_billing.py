"""Your data with real invoices and expenses: doctor, export, forget and backup cover them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.billing_month import (
    EXPENSE_ADD,
    SECRET,
    seed_store,
)
from tests.conftest import Tyo
from tests.safety_helpers import plant_session_log, snapshot


@pytest.fixture
def invoiced(tyo: Tyo, store_path: Path) -> Tyo:
    """The hand-computed month of the billing tests, an expense, and pohde's invoice."""
    seed_store(store_path)
    added = tyo(*EXPENSE_ADD)
    assert added.exit_code == 0, added.output
    created = tyo("invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02")
    assert created.exit_code == 0, created.output
    plant_session_log(store_path, "hoitajat", f"muistiinpano {SECRET}", ("Aino",))
    return tyo


def _invoice_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "invoices").iterdir())


def test_doctor_reads_invoices_and_expenses(invoiced: Tyo, store_path: Path) -> None:
    result = invoiced("doctor")
    assert result.exit_code == 0, result.stdout
    invoice = next(p for p in _invoice_files(store_path) if p != "invoices/payments.json")
    other = store_path / "invoices/9999.json"
    other.write_bytes((store_path / invoice).read_bytes())
    other.chmod(0o600)
    result = invoiced("doctor")
    assert result.exit_code == 1
    assert "invoices/9999.json: invoice number " in result.stdout


def test_a_damaged_payments_file_is_named_once_not_once_per_invoice(
    invoiced: Tyo, store_path: Path
) -> None:
    """Doctor reads each invoice as the commands do, and the payments once: it named a
    damaged payments.json again for every invoice (585 times in a year's invoices)."""
    invoice = next(p for p in _invoice_files(store_path) if p != "invoices/payments.json")
    copy = store_path / "invoices/9999.json"
    copy.write_text((store_path / invoice).read_text().replace('"number": 1000', '"number": 9999'))
    copy.chmod(0o600)
    payments = store_path / "invoices/payments.json"
    payments.write_text('{"schema": 1, "paid": {"1000": "soon"}}\n')
    payments.chmod(0o600)
    result = invoiced("--lang", "en", "doctor", "--json")
    assert result.exit_code == 1
    problems = [(p["path"], p["problem"]) for p in json.loads(result.stdout)["problems"]]
    assert problems == [
        ("invoices/payments.json", "'1000' must be a date such as 2027-01-12, not 'soon'")
    ]


def test_export_has_the_invoice_and_expenses_but_no_secret(
    invoiced: Tyo, store_path: Path, tmp_path: Path
) -> None:
    result = invoiced("export", "pohde", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out/pohde.json").read_text())
    folders = {name.split("/")[0] for name in data["documents"]}
    assert folders == {"clients", "processes", "invoices", "expenses"}
    assert data["not_included"] == ["sessions/hoitajat.json"]
    process = data["documents"]["processes/hoitajat.toml"]
    assert sorted(process["meetings"][0]) == ["minutes", "n", "start", "status"]
    for path in (tmp_path / "out").iterdir():
        text = path.read_text()
        # The note, the participant's name and a cancellation's reason ("sairaus": illness).
        for secret in (f"muistiinpano {SECRET}", f"Aino {SECRET}", f"sairaus {SECRET}"):
            assert secret not in text


def test_forget_keeps_the_issued_invoice(invoiced: Tyo, store_path: Path) -> None:
    invoices = [p for p in _invoice_files(store_path) if p != "invoices/payments.json"]
    kept = {p: (store_path / p).read_bytes() for p in invoices}
    result = invoiced("forget", "pohde", "--yes")
    assert result.exit_code == 0, result.output
    for invoice in invoices:
        assert f"  keep {invoice} (until 2033-12-31): Accounting Act" in result.stdout
        assert (store_path / invoice).read_bytes() == kept[invoice]
    assert "  erase expenses/hoitajat.toml" in result.stdout
    assert "  erase sessions/hoitajat.json" in result.stdout
    assert not (store_path / "clients/pohde.toml").exists()
    everything = "\n".join(
        path.read_text("utf-8", "replace")
        for path in store_path.rglob("*")
        if path.is_file() and not path.is_relative_to(store_path / "invoices")
    )
    assert "muistiinpano" not in everything
    assert "Matkakulut Oulu–Kempele" not in everything
    assert invoiced("doctor").exit_code == 0
    shown = invoiced("invoice", "list", "--json")
    assert shown.exit_code == 0, shown.output


def test_backup_with_invoices_restores_byte_identical(
    invoiced: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "b.tar.gz"
    assert invoiced("export", "--all", "-o", str(backup)).exit_code == 0
    monkeypatch.setenv("TYO_HOME", str(tmp_path / "restored"))
    assert invoiced("import", str(backup)).exit_code == 0
    assert snapshot(tmp_path / "restored") == snapshot(store_path)


def test_doctor_checks_invoice_sums_and_payments(invoiced: Tyo, store_path: Path) -> None:
    invoice = next(p for p in _invoice_files(store_path) if p != "invoices/payments.json")
    path = store_path / invoice
    doc = json.loads(path.read_text())
    doc["totals"]["gross"] = "1.00"
    path.write_text(json.dumps(doc, indent=2))
    payments = store_path / "invoices/payments.json"
    payments.write_text('{"schema": 1, "paid": {"4711": "2027-03-20"}}\n')
    payments.chmod(0o600)
    result = invoiced("--lang", "en", "doctor", "--json")
    assert result.exit_code == 1
    problems = {(p["path"], p["problem"]) for p in json.loads(result.stdout)["problems"]}
    assert ("invoices/payments.json", "refers to invoice 4711, which does not exist") in problems
    assert any(
        where == invoice and problem.startswith("'gross' must be the sum of the lines with VAT")
        for where, problem in problems
    ), problems


def test_forget_warns_of_meetings_not_invoiced(invoiced: Tyo) -> None:
    result = invoiced("forget", "mehilainen", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: 1 meeting held or missed is on no invoice yet (aino#1): after this it "
        "can't be billed; `tyo billing` shows it\n"
    )
    assert invoiced("forget", "pohde", "--dry-run").stderr == ""


def test_a_hand_edited_payments_file_is_one_line(invoiced: Tyo, store_path: Path) -> None:
    (store_path / "invoices/payments.json").write_text(
        '{"schema": 1, "paid": {"²": "2027-03-20"}}\n'
    )
    result = invoiced("invoice", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: invoices/payments.json")
    assert result.stderr.count("\n") == 1
