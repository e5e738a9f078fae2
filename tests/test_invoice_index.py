"""The invoice index (``.cache/invoices.json``): derived, checked against every invoice file's
stamp, safe to delete or damage; lists and month bills read it instead of every invoice."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.conftest import Tyo


@pytest.fixture
def invoiced(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=5, clients=4, processes=12, meetings=120, years=2, invoice_months=6)
    return store_path


def _views(tyo: Tyo) -> list[str]:
    outputs = []
    for args in (
        ("invoice", "list", "--json"),
        ("invoice", "list"),
        ("billing", "2026-10", "--json"),
        ("billing", "year", "2026", "--json"),
    ):
        result = tyo(*args)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    return outputs


def test_same_output_with_and_without_the_index(invoiced: Path, tyo: Tyo) -> None:
    first = _views(tyo)  # builds the index
    assert (invoiced / ".cache" / "invoices.json").is_file()
    assert _views(tyo) == first  # read from it
    shutil.rmtree(invoiced / ".cache")
    assert _views(tyo) == first  # built again


def test_a_damaged_index_is_built_again(invoiced: Path, tyo: Tyo) -> None:
    first = _views(tyo)
    index = invoiced / ".cache" / "invoices.json"
    for damage in ('{"version": 3, "entries": {"invoices/1000.json": [[1, 2], [1]]}}', "{[", ""):
        index.write_text(damage)
        assert _views(tyo) == first


def test_a_hand_edit_to_an_invoice_shows_at_once(invoiced: Path, tyo: Tyo) -> None:
    _views(tyo)
    path = min((invoiced / "invoices").glob("1*.json"))
    doc = json.loads(path.read_text())
    number = doc["number"]
    doc["due"] = "2031-01-31"
    stamp = path.stat().st_mtime_ns
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2))
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))  # even within the same clock tick
    rows = json.loads(tyo("invoice", "list", "--json").stdout)
    assert next(row for row in rows if row["number"] == number)["due"] == "2031-01-31"


def test_a_removed_invoice_leaves_the_lists(invoiced: Path, tyo: Tyo) -> None:
    _views(tyo)
    newest = max(int(p.stem) for p in (invoiced / "invoices").glob("1*.json"))
    (invoiced / "invoices" / f"{newest}.json").unlink()
    rows = json.loads(tyo("invoice", "list", "--json").stdout)
    assert newest not in {row["number"] for row in rows}
    assert rows


def test_a_month_bill_reads_only_that_months_invoices(
    invoiced: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.storage import invoices

    expected = json.loads(tyo("billing", "2026-10", "--json").stdout)
    read: list[str] = []
    original = invoices._read

    def reading(store: object, rel: str) -> object:
        read.append(rel)
        return original(store, rel)  # type: ignore[arg-type]

    monkeypatch.setattr(invoices, "_read", reading)
    assert json.loads(tyo("billing", "2026-10", "--json").stdout) == expected
    assert read == []  # the month's bills as kept in .cache/bills.json: no invoice read
    for kept in ("bills.json", "earlier.json"):
        (invoiced / ".cache" / kept).unlink()
    assert json.loads(tyo("billing", "2026-10", "--json").stdout) == expected
    october = {
        f"invoices/{p.name}"
        for p in (invoiced / "invoices").glob("1*.json")
        if json.loads(p.read_text())["month"] == "2026-10"
    }
    every = {f"invoices/{p.name}" for p in (invoiced / "invoices").glob("1*.json")}
    assert october
    # October's, and those of any earlier month the bill lists open items of; never all.
    assert october <= set(read) < every
    items = [i for bill in expected["clients"] for i in bill["items"]]
    assert items
    assert all(item["invoice"] is not None for item in items)
