"""The benchmark's generator makes a store tyo loads, with the counts it was asked for."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from benchmarks.generate import NOW, NOW_TEXT, build, generate

from tests.conftest import Tyo
from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus


@pytest.fixture
def small(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    # The practice's settings say Finnish; command modules imported in Finnish would keep
    # Finnish help texts for the rest of the test session.
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=7, clients=6, processes=25, meetings=240)
    return store_path


def test_store_has_the_asked_counts(small: Path, tyo: Tyo) -> None:
    clients = tyo("client", "list", "--json")
    processes = tyo("process", "list", "--json")
    assert clients.exit_code == 0, clients.output
    assert processes.exit_code == 0, processes.output
    assert len(json.loads(clients.stdout)) == 6
    rows = json.loads(processes.stdout)
    assert len(rows) == 25
    assert sum(row["meetings"] + row["cancelled"] for row in rows) == 240


def test_every_process_file_loads_whole(small: Path, tyo: Tyo) -> None:
    for path in sorted((small / "processes").glob("*.toml")):
        result = tyo("process", "show", path.stem, "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == path.stem


def test_the_practice_has_a_past_and_a_future(small: Path, tyo: Tyo) -> None:
    rows = json.loads(tyo("process", "list", "--json").stdout)
    assert {row["status"] for row in rows} == {"active", "closed"}
    assert sum(row["held"] for row in rows) > 0
    assert sum(row["planned"] for row in rows) > 0


def test_same_seed_same_store(tmp_path: Path) -> None:
    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*.toml")}

    generate(tmp_path / "a", seed=3, clients=4, processes=10, meetings=100)
    generate(tmp_path / "b", seed=3, clients=4, processes=10, meetings=100)
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        generate(tmp_path, clients=2, processes=3, meetings=30)


def test_runner_uses_the_generators_present() -> None:
    from benchmarks import run

    assert run.NOW == NOW_TEXT


def test_the_practice_is_mixed() -> None:
    practice = build(seed=11, clients=10, processes=60, meetings=600)
    meetings = [m for p in practice.processes for m in p.meetings]
    assert {m.status for m in meetings} == set(MeetingStatus)
    assert any(m.moves for m in meetings)
    assert {m.cancelled_by for m in meetings} >= set(CancelledBy)
    assert len({p.kind for p in practice.processes}) >= 5
    past = [m for m in meetings if m.start < NOW]
    assert all(
        m.status is not MeetingStatus.PLANNED for m in past if m.start < NOW - timedelta(days=10)
    )
    assert all(
        m.status in {MeetingStatus.PLANNED, MeetingStatus.CANCELLED}
        for m in meetings
        if m.start > NOW
    )


def test_sizes_follow_years_and_density() -> None:
    from benchmarks.generate import first_day, sizes

    assert sizes(20, 1.0) == (300, 1500, 15_000)
    assert sizes(100, 1.0) == (1500, 7500, 75_000)
    assert sizes(20, 2.0) == (600, 3000, 30_000)
    assert first_day(20).year == 2007
    assert first_day(100).year == 1927


def test_invoiced_months_are_invoices_tyo_lists(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, tyo: Tyo
) -> None:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    practice = generate(
        store_path, seed=5, clients=4, processes=12, meetings=120, years=2, invoice_months=12
    )
    assert practice.invoices
    assert all(p.meetings[0].start.year >= 2025 for p in practice.processes)
    rows = json.loads(tyo("invoice", "list", "--json").stdout)
    assert [row["number"] for row in rows] == [i.number for i in practice.invoices]
    assert {row["month"] for row in rows} <= {f"2026-{m:02d}" for m in range(1, 11)} | {
        "2025-11",
        "2025-12",
    }
    assert tyo("doctor").exit_code == 0
    # Invoiced, so `tyo billing` shows nothing left to invoice in the last month invoiced.
    october = json.loads(tyo("billing", "2026-10", "--json").stdout)["clients"]
    items = [item for bill in october for item in bill["items"]]
    assert items
    assert all(item["invoice"] is not None for item in items)


def test_a_reused_store_gets_clients_no_earlier_run_added(tmp_path: Path) -> None:
    from benchmarks.run import first_free_client

    (tmp_path / "clients").mkdir()
    assert first_free_client(tmp_path) == 1
    for name in ("penkki-001", "penkki-012", "penkki-x", "pohde"):
        (tmp_path / "clients" / f"{name}.toml").touch()
    assert first_free_client(tmp_path) == 13
