"""The invoice index (``.cache/invoices.json``): derived, checked against every invoice file's
stamp, safe to delete or damage; lists and month bills read it instead of every invoice."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.caches import read_cache, write_cache
from tests.conftest import Tyo
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.invoices import Invoice
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.storage.documents import Fields
from tyonohjaus_cli.storage.index import _VERSION as INDEX_VERSION
from tyonohjaus_cli.storage.invoices import invoice_heads


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
    for damage in ("{[", "", json.dumps(read_cache(index))):  # the last without its CRC line
        index.write_text(damage)
        assert _views(tyo) == first
    write_cache(index, {"version": INDEX_VERSION, "entries": {"invoices/1000.json": [[1, 2], [1]]}})
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


# --- the year's turnover, from the heads and the items not yet invoiced -------------------


def _year(tyo: Tyo, year: str = "2026") -> dict[str, object]:
    """The year's turnover as drawn, not as its view was kept (``tests/test_kept_year.py``):
    what these tests watch is what drawing it reads."""
    from tyonohjaus_cli.cli.context import store_dir

    shutil.rmtree(store_dir(None) / ".cache" / "views", ignore_errors=True)
    result = tyo("billing", "year", year, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _rewrite(path: Path, change: Callable[[Invoice], Invoice]) -> None:
    """An invoice file edited by hand (its sums kept consistent), with a new stamp."""
    from tyonohjaus_cli.storage.documents import dump_json
    from tyonohjaus_cli.storage.invoices import invoice_from_doc, invoice_to_doc

    text = path.read_text()
    invoice = invoice_from_doc(Fields(json.loads(text), path.name, text))
    stamp = path.stat().st_mtime_ns
    path.write_text(dump_json(invoice_to_doc(change(invoice))))
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))


def _invoice_of(root: Path, month: str) -> Path:
    return next(
        path
        for path in sorted((root / "invoices").glob("1*.json"))
        if json.loads(path.read_text())["month"] == month
    )


def test_the_year_reads_no_invoice_and_only_the_processes_with_items_not_yet_invoiced(
    invoiced: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.storage import invoices
    from tyonohjaus_cli.storage.store import Store

    expected = _year(tyo)  # builds the indexes
    read: list[str] = []
    processes: list[str] = []
    original_read, original_process = invoices._read, Store.process

    def reading(store: object, rel: str) -> object:
        read.append(rel)
        return original_read(store, rel)  # type: ignore[arg-type]

    def process(store: Store, process_id: str) -> object:
        processes.append(process_id)
        return original_process(store, process_id)

    monkeypatch.setattr(invoices, "_read", reading)
    monkeypatch.setattr(Store, "process", process)
    assert _year(tyo) == expected
    assert (read, processes) == ([], [])
    # Without the charges kept, only the processes with an item not yet invoiced are read.
    (invoiced / ".cache" / "charges-2026.json").unlink()
    assert _year(tyo) == expected
    store = Store(invoiced)
    zone = store.zone()
    span = store.agenda(datetime(2026, 1, 1, tzinfo=zone), datetime(2027, 1, 1, tzinfo=zone))
    on_invoice = invoices.invoiced_keys(store)
    open_ones = {
        item.process
        for item in span
        if item.status is not MeetingStatus.PLANNED and f"{item.process}#{item.n}" not in on_invoice
    }
    assert read == []
    assert processes
    assert set(processes) == open_ones < {item.process for item in span}
    # A process with a new stamp but the same part that bills is not priced again; one
    # edited by hand is read again, and only it.
    processes.clear()
    edited = invoiced / "processes" / f"{min(open_ones)}.toml"
    stamp = edited.stat().st_mtime_ns
    os.utime(edited, ns=(stamp + 10**9, stamp + 10**9))
    assert _year(tyo) == expected
    assert processes == []
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace('\ntitle = "', '\ntitle = "Uusi '), encoding="utf-8")
    assert _year(tyo) == expected
    assert processes == [min(open_ones)]


def test_a_hand_edited_invoice_counts_at_once_in_the_year(invoiced: Path, tyo: Tyo) -> None:
    before = _year(tyo)
    path = _invoice_of(invoiced, "2026-09")
    client = json.loads(path.read_text())["buyer"]["id"]

    def dearer(invoice: Invoice) -> Invoice:
        first = invoice.lines[0]
        return replace(
            invoice, lines=(replace(first, amount=first.amount + 10), *invoice.lines[1:])
        )

    _rewrite(path, dearer)
    after = _year(tyo)
    assert Decimal(after["net"]) - Decimal(before["net"]) == 10  # type: ignore[arg-type]
    nets = {row["client"]: Decimal(row["net"]) for row in after["clients"]}  # type: ignore[attr-defined]
    was = {row["client"]: Decimal(row["net"]) for row in before["clients"]}  # type: ignore[attr-defined]
    assert nets[client] - was[client] == 10


def test_a_removed_invoice_leaves_its_items_open_in_the_year(invoiced: Path, tyo: Tyo) -> None:
    from tyonohjaus_cli.domain.turnover import year_turnover
    from tyonohjaus_cli.storage.store import Store
    from tyonohjaus_cli.usecases.bills import bills_by_month

    _year(tyo)
    _invoice_of(invoiced, "2026-10").unlink()
    store = Store(invoiced)
    now = datetime(2026, 11, 16, 9, tzinfo=store.zone())
    months = [Month(2026, n) for n in range(1, 13)]
    whole = year_turnover(2026, bills_by_month(store, months, now=now), store.settings().vat)
    assert _year(tyo)["net"] == f"{whole.net:.2f}"


@pytest.fixture
def eventful(invoiced: Path, tyo: Tyo) -> Path:
    """The invoiced practice after what a year brings: a credit note, an invoice through
    a month with the credited items, expenses (one invoiced), a price changed after
    invoicing, a client forgotten with its invoices kept."""
    from tyonohjaus_cli.storage.store import Store

    store = Store(invoiced)
    october = json.loads(_invoice_of(invoiced, "2026-10").read_text())
    credited, client = october["number"], october["buyer"]["id"]
    done = [
        tyo("settings", "set", "business_id", "1234567-1"),
        tyo("settings", "set", "iban", "FI21 1234 5600 0007 85"),
        tyo("invoice", "credit", str(credited), "--date", "2026-11-10"),
        tyo("client", "edit", client, "--rate", "150"),
    ]
    zone = store.zone()
    span = store.agenda(datetime(2026, 9, 1, tzinfo=zone), datetime(2026, 11, 16, tzinfo=zone))
    held = [item for item in span if item.status is MeetingStatus.HELD]
    for item, day in ((held[0], "2026-09-03"), (held[-1], "2026-11-05")):
        done.append(
            tyo(
                "expense", "add", item.process, "--date", day, "--amount", "23.40",
                "--description", "Matkakulut",
            )
        )  # fmt: skip
    done.append(
        tyo("invoice", "create", "--through", "2026-11", "--client", client, "--date", "2026-11-16")
    )
    others = sorted({head.client for head in invoice_heads(store)} - {client})
    done.append(tyo("forget", others[0], "--yes"))
    for result in done:
        assert result.exit_code == 0, result.output
    return invoiced


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_the_year_from_the_index_is_the_year_of_the_whole_bills(
    eventful: Path, tyo: Tyo, year: int
) -> None:
    from tyonohjaus_cli.domain.turnover import year_turnover
    from tyonohjaus_cli.storage.store import Store
    from tyonohjaus_cli.usecases.bills import bills_by_month

    store = Store(eventful)
    now = datetime(2026, 11, 16, 9, tzinfo=store.zone())
    months = [Month(year, n) for n in range(1, 13)]
    whole = year_turnover(year, bills_by_month(store, months, now=now), store.settings().vat)
    shown = _year(tyo, str(year))
    assert shown["months"] == [
        {"month": str(month), "net": f"{net:.2f}"} for month, net in whole.months
    ]
    assert shown["clients"] == [
        {"client": cid or None, "net": f"{net:.2f}"} for cid, net in whole.clients
    ]
    assert shown["net"] == f"{whole.net:.2f}"
    if year == 2026:
        assert any(row["client"] is None for row in shown["clients"])
    shutil.rmtree(eventful / ".cache")
    assert _year(tyo, str(year)) == shown


def _whole_year(root: Path, year: int = 2026) -> dict[str, object]:
    """The year as the twelve months' whole bills make it, in the JSON of the year view."""
    from tyonohjaus_cli.domain.turnover import year_turnover
    from tyonohjaus_cli.storage.store import Store
    from tyonohjaus_cli.usecases.bills import bills_by_month

    store = Store(root)
    now = datetime(2026, 11, 16, 9, tzinfo=store.zone())
    months = [Month(year, n) for n in range(1, 13)]
    whole = year_turnover(year, bills_by_month(store, months, now=now), store.settings().vat)
    return {
        "months": [{"month": str(month), "net": f"{net:.2f}"} for month, net in whole.months],
        "clients": [{"client": cid or None, "net": f"{net:.2f}"} for cid, net in whole.clients],
        "net": f"{whole.net:.2f}",
    }


def _open_process(root: Path) -> tuple[str, str]:
    """A process with a meeting of 2026 held and not yet invoiced, and its client."""
    from tyonohjaus_cli.storage.invoices import invoiced_keys
    from tyonohjaus_cli.storage.store import Store

    store = Store(root)
    zone = store.zone()
    on_invoice = invoiced_keys(store)
    span = store.agenda(datetime(2026, 1, 1, tzinfo=zone), datetime(2026, 11, 16, tzinfo=zone))
    item = next(
        item
        for item in reversed(span)
        if item.status is MeetingStatus.HELD and f"{item.process}#{item.n}" not in on_invoice
    )
    return item.process, item.client


@pytest.mark.parametrize(
    "change",
    [
        lambda process, client: ("client", "edit", client, "--rate", "150"),
        lambda process, client: ("client", "edit", client, "--discount", "10"),
        lambda process, client: ("client", "edit", client, "--cancel-hours", "240"),
        lambda process, client: ("settings", "set", "rate", "120"),
        lambda process, client: ("settings", "set", "unit_minutes", "60"),
        lambda process, client: ("settings", "set", "vat", "exempt"),
        lambda process, client: ("process", "edit", process, "--rate", "210"),
        lambda process, client: ("process", "edit", process, "--meeting-price", "150"),
    ],
)
def test_a_changed_price_shows_at_once_in_the_year(
    invoiced: Path, tyo: Tyo, change: Callable[[str, str], tuple[str, ...]]
) -> None:
    before = _year(tyo)  # the charges of the open items are kept
    args = change(*_open_process(invoiced))
    result = tyo(*args)
    assert result.exit_code == 0, result.output
    after = _year(tyo)
    assert after != before, args
    assert {key: after[key] for key in ("months", "clients", "net")} == _whole_year(invoiced)


def test_damaged_charges_are_priced_again(invoiced: Path, tyo: Tyo) -> None:
    expected = _year(tyo)
    path = invoiced / ".cache" / "charges-2026.json"
    entries = read_cache(path)["entries"]
    rel, (key, value) = next(iter(entries.items()))
    for damage in (
        [value[0], [["x#1", "2026-13-01", "1.00"]]],
        [value[0], [["x#1", "2026-01-01", "many"]]],
        [value[0], [[1, 2, 3]]],
        ["0.0.0", value[1]],
        [value[0]],
    ):
        write_cache(path, {"version": INDEX_VERSION, "entries": {rel: [key, damage]}})
        assert _year(tyo) == expected


def test_a_head_damaged_in_place_is_made_again(invoiced: Path, tyo: Tyo) -> None:
    first = _views(tyo)
    path = invoiced / ".cache" / "invoices.json"
    doc = read_cache(path)
    rel, (stamp, head) = next(iter(doc["entries"].items()))
    for index, damage in (
        (5, "2026-02-31"),  # due
        (6, "a lot"),  # net
        (9, [["x#1", "2026-13-01", "1.00"]]),  # an item's day
        (9, [["x#1", "2026-01-01", "1,00"]]),  # an item's net
        (9, [["x#1", "2026-01-01"]]),
        (1, "1000"),  # credit_for
    ):
        damaged = [*head[:index], damage, *head[index + 1 :]]
        write_cache(path, {"version": INDEX_VERSION, "entries": {rel: [stamp, damaged]}})
        assert _views(tyo) == first, damage


def test_a_process_naming_no_client_is_reported_as_a_months_bill_reports_it(
    invoiced: Path, tyo: Tyo
) -> None:
    _year(tyo)
    process, client = _open_process(invoiced)
    path = invoiced / "processes" / f"{process}.toml"
    stamp = path.stat().st_mtime_ns
    path.write_text(path.read_text().replace(f'client = "{client}"', 'client = "ei-ole"'))
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))
    year = tyo("billing", "year", "2026")
    month = tyo("billing", "2026-10")
    assert year.exit_code == month.exit_code == 1
    assert year.stderr == month.stderr
    assert year.stderr.startswith(f"tyo: processes/{process}.toml, line ")


@pytest.fixture
def many_invoices(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from tyonohjaus_cli.storage import workers

    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=6, clients=20, processes=60, meetings=900, years=2, invoice_months=12)
    assert len(list((store_path / "invoices").glob("*.json"))) > 2 * workers.MIN_SHARE
    return store_path


def _built_by(
    tyo: Tyo, root: Path, cores: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str, object]:
    from tyonohjaus_cli.storage import workers

    monkeypatch.setattr(workers, "cores", lambda: cores)
    (root / ".cache" / "invoices.json").unlink(missing_ok=True)
    result = tyo("invoice", "list", "--json")
    index = root / ".cache" / "invoices.json"
    entries = read_cache(index)["entries"] if index.exists() else None
    return result.exit_code, result.stdout, result.stderr, entries


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_the_heads_built_on_two_cores_are_those_built_on_one(
    many_invoices: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _built_by(tyo, many_invoices, 1, monkeypatch)
    assert alone[0] == 0, alone[2]
    assert _built_by(tyo, many_invoices, 2, monkeypatch) == alone

    last = sorted((many_invoices / "invoices").glob("[0-9]*.json"))[-1]
    last.write_text(last.read_text().replace('"number"', '"numero"', 1))
    alone = _built_by(tyo, many_invoices, 1, monkeypatch)
    assert alone[0] == 1
    assert alone[2].count("\n") == 1  # one line, no traceback
    assert last.name in alone[2]
    assert _built_by(tyo, many_invoices, 2, monkeypatch) == alone


def test_a_buyer_checked_once_still_tells_its_mistake_in_each_invoice(
    invoiced: Path, tyo: Tyo
) -> None:
    """Invoices naming the same buyer decode it once (by its table); a buyer with a
    mistake is never kept so, and each invoice naming it says so, with its own file."""
    assert tyo("invoice", "list").exit_code == 0  # every buyer decoded, and kept
    paths = sorted((invoiced / "invoices").glob("1*.json"))
    buyer = json.loads(paths[0].read_text())["buyer"]["id"]
    same = [path for path in paths if json.loads(path.read_text())["buyer"]["id"] == buyer]
    assert len(same) > 2
    for path in same[1:3]:
        doc = json.loads(path.read_text())
        doc["buyer"]["cancel_hours"] = "24"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2))
    shutil.rmtree(invoiced / ".cache")
    first = tyo("invoice", "list")
    assert first.exit_code == 1
    assert first.stderr.startswith(f"tyo: invoices/{same[1].name}")
    assert "cancel_hours" in first.stderr
    same[1].write_text(json.dumps(json.loads(same[0].read_text()) | {"number": int(same[1].stem)}))
    second = tyo("invoice", "list")
    assert second.exit_code == 1
    assert second.stderr.startswith(f"tyo: invoices/{same[2].name}")
    assert "cancel_hours" in second.stderr
