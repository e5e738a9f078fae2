"""Several months billed at once (``domain.billing.bill_months``, a month's loose ends) are
each what ``bill_month`` makes of that month alone, and what is open of them is the same
whether the invoices are read whole or only their heads."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.billing_month import (
    EXPENSES,
    FEBRUARY,
    HOITAJAT,
    MEHILAINEN,
    POHDE,
    PROCESSES,
    SETTINGS,
    at,
)
from tyonohjaus_cli.domain.billing import bill_month, bill_months
from tyonohjaus_cli.domain.invoices import billed_items
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.documents import Fields, dump_json
from tyonohjaus_cli.storage.invoices import invoice_from_doc, invoice_to_doc
from tyonohjaus_cli.storage.store import Store
from tyonohjaus_cli.usecases import loose_ends
from tyonohjaus_cli.usecases.bills import Grouped

MARCH = FEBRUARY.following


def test_each_month_is_its_bill_alone() -> None:
    now = at("2027-03-03 12:00")  # 2.3. still planned and past: unlogged in March
    for client in (POHDE, MEHILAINEN):
        bills = bill_months(
            SETTINGS, client, {FEBRUARY: PROCESSES, MARCH: PROCESSES}, EXPENSES, now=now
        )
        assert list(bills) == [FEBRUARY, MARCH]
        for month, bill in bills.items():
            assert bill == bill_month(SETTINGS, client, PROCESSES, EXPENSES, month, now=now)
    march = bill_months(SETTINGS, POHDE, {MARCH: PROCESSES}, EXPENSES, now=now)[MARCH]
    assert march.unlogged == ("hoitajat#3",)


def test_each_month_has_only_the_processes_named_for_it() -> None:
    others = [process for process in PROCESSES if process is not HOITAJAT]
    bills = bill_months(SETTINGS, POHDE, {FEBRUARY: others, MARCH: [HOITAJAT]}, EXPENSES)
    assert bills[FEBRUARY] == bill_month(SETTINGS, POHDE, others, EXPENSES, FEBRUARY)
    assert bills[MARCH] == bill_month(SETTINGS, POHDE, [HOITAJAT], EXPENSES, MARCH)
    # hoitajat's meeting and travel of 2.2. are not February's here
    assert {line.process for line in bills[FEBRUARY].lines} == {"esihenkilot"}


@pytest.fixture
def practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """Five years of a small practice, a year and a half invoiced, one invoice credited
    and another edited by hand to bill one item fewer (left open beside invoiced ones)."""
    root = tmp_path / "store"
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(root, seed=11, clients=6, processes=30, meetings=400, years=5, invoice_months=18)
    first = min(int(path.stem) for path in (root / "invoices").glob("1*.json"))
    subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", "invoice", "credit", str(first + 3)],
        env={"TYO_HOME": str(root), "TYO_NOW": NOW_TEXT, "TYO_LANG": "en", "PATH": ""},
        check=True,
        capture_output=True,
    )
    for path in sorted((root / "invoices").glob("1*.json")):
        text = path.read_text()
        invoice = invoice_from_doc(Fields(json.loads(text), path.name, text))
        if len(invoice.items) > 1:
            dropped = invoice.lines[0].item
            lines = tuple(line for line in invoice.lines if line.item != dropped)
            path.write_text(dump_json(invoice_to_doc(replace(invoice, lines=lines))))
            break
    return Store(root)


def test_a_practices_months_at_once_are_its_months_one_by_one(practice: Store) -> None:
    now = datetime.fromisoformat(NOW_TEXT).replace(tzinfo=practice.zone())
    processes = [practice.process(pid) for pid in practice.process_ids()]
    invoiced = billed_items(invoice_store.invoices(practice))
    grouped = Grouped(processes, [], invoiced)
    settings = practice.settings()
    months = sorted({Month.of(m.start.date()) for process in processes for m in process.meetings})
    assert len(months) > 24
    compared = 0
    for client in practice.clients():
        bills = grouped.bills(settings, client, dict.fromkeys(months), now=now)
        assert list(bills) == months
        for month in months:
            assert bills[month] == grouped.bill(settings, client, month, now=now)
            compared += len(bills[month].items)
    assert compared > 300


def test_what_is_open_is_the_same_from_the_heads(practice: Store) -> None:
    now = datetime.fromisoformat(NOW_TEXT).replace(tzinfo=practice.zone())
    month = Month.of(now.date())
    sought = loose_ends._seek(practice, month, None)
    pairs = {(cid, str(earlier)) for cid, earlier in sought.wanted}
    assert set(billed_items(invoice_store.invoices(practice, of=pairs))) == (
        invoice_store.keys_in_force(practice, pairs)
    )
    whole = loose_ends._bills(practice, sought, now=now)
    lean = loose_ends._bills(practice, sought, now=now, whole=False)
    assert any(item.invoice is not None for bill in whole for item in bill.items)
    assert [(bill.client, bill.month, bill.open_items) for bill in lean] == [
        (bill.client, bill.month, bill.open_items) for bill in whole
    ]
    assert sum(len(bill.open_items) for bill in lean) > 20
