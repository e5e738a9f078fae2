"""The first run after an upgrade (no ``.cache/``): every process file is summarised for
the index, shared with copies of tyo on the other cores, with the same index and the same
one-line error as when each file is read in turn."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.caches import read_cache
from tests.conftest import Tyo
from tests.safety_helpers import add_process, write_private
from tyonohjaus_cli.storage import workers

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture
def many(initialised: Tyo, store_path: Path) -> Path:
    """Three processes and 2 × MIN_SHARE copies, each with UIDs of its own."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    text = (store_path / "processes/ryhma.toml").read_text()
    for n in range(2 * workers.MIN_SHARE):
        copy = text.replace('id = "ryhma"', f'id = "kopio-{n:03d}"')
        copy = re.sub(r'uid = "([^"@]+)@', rf'uid = "\1-{n:03d}@', copy)
        write_private(store_path / f"processes/kopio-{n:03d}.toml", copy)
    return store_path


def _first_run(tyo: Tyo, root: Path, *args: str) -> tuple[int, str, str, dict[str, object]]:
    shutil.rmtree(root / ".cache", ignore_errors=True)
    result = tyo(*args)
    entries: dict[str, object] = {}
    for part in ("index", "settled"):  # the live processes and the settled ones
        index = root / f".cache/{part}.json"
        if index.exists():
            entries |= read_cache(index)["entries"]
    return result.exit_code, result.stdout, result.stderr, entries


def test_shared_with_a_copy_the_index_is_the_same(
    initialised: Tyo, many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _first_run(initialised, many, "process", "list")
    forks: list[int] = []
    real = os.fork

    def counting() -> int:
        forks.append(1)
        return real()

    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(os, "fork", counting)
    assert _first_run(initialised, many, "process", "list") == alone
    assert forks == [1, 1]  # two copies do all of it: this process only collects
    assert alone[0] == 0
    assert len(alone[3]) == 2 * workers.MIN_SHARE + 1


def test_shared_with_copies_this_process_never_loads_the_compiled_reader(
    initialised: Tyo, many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its ~10 MiB end with the copies that parsed, not in the command's own peak."""
    from tyonohjaus_cli.storage import documents

    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(documents, "_fast", None)
    assert _first_run(initialised, many, "agenda", "--from", "2027-01-01")[0] == 0
    assert documents._fast is None


def test_a_failed_copy_is_done_again_here(
    initialised: Tyo, many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _first_run(initialised, many, "process", "list")
    monkeypatch.setattr(workers, "cores", lambda: 2)

    def failed(pid: int, reader: int, runs: list[range]) -> dict[int, list[object]]:
        os.close(reader)  # the copy's results are lost
        os.waitpid(pid, 0)
        return {}

    monkeypatch.setattr(workers, "_collect", failed)
    assert _first_run(initialised, many, "process", "list") == alone


@pytest.mark.parametrize("damaged", [("kopio-020",), ("kopio-120",), ("kopio-020", "kopio-120")])
def test_shared_with_a_copy_the_error_is_the_first_in_file_order(
    initialised: Tyo, many: Path, monkeypatch: pytest.MonkeyPatch, damaged: tuple[str, ...]
) -> None:
    for name in damaged:
        path = many / f"processes/{name}.toml"
        path.write_text(path.read_text().replace("minutes = 90", 'minutes = "x"', 1))
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _first_run(initialised, many, "agenda", "--from", "2027-01-01")
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert _first_run(initialised, many, "agenda", "--from", "2027-01-01") == alone
    assert alone[0] == 1
    assert alone[2].startswith(f"tyo: processes/{damaged[0]}.toml, line ")


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated practice of 160 processes over four years, with a year of invoices."""
    from benchmarks.generate import NOW_TEXT, generate

    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=11, clients=30, processes=2 * workers.MIN_SHARE + 32,
             meetings=1600, years=4, invoice_months=12)  # fmt: skip
    return store_path


def _parsed_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The store files this process parses from now on (a forked copy counts its own)."""
    from tyonohjaus_cli.storage.store import Store

    parsed: list[str] = []
    real = Store._load

    def counting(self: Store, rel: str, decode: object, text: str | None = None) -> object:
        parsed.append(rel)
        return real(self, rel, decode, text)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_load", counting)
    return parsed


@pytest.mark.parametrize("args", [("billing", "2026-10"), ("billing", "2026-10", "--json")])
def test_a_first_billing_decodes_its_processes_and_clients_in_the_copies(
    tyo: Tyo, practice: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """The copies that parse every process file for the index hand the month's and its
    loose ends' processes over decoded, with their clients: the command parses none of
    them, never loads the compiled reader, and bills exactly as one core alone does."""
    from tyonohjaus_cli.storage import documents

    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _first_run(tyo, practice, *args)
    assert alone[0] == 0, alone[2]
    kept = {path.name for path in (practice / ".cache").iterdir()}
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(documents, "_fast", None)
    parsed = _parsed_here(monkeypatch)
    shared = _first_run(tyo, practice, *args)
    assert shared == alone  # the index too, with the files left unread marked alike
    assert any(entry[1][0] == "unread" for entry in shared[3].values())  # type: ignore[index]
    assert "Not yet invoiced" in shared[1] or "open_earlier" in shared[1]
    assert [rel for rel in parsed if rel.startswith(("processes/", "clients/"))] == []
    assert documents._fast is None
    assert {path.name for path in (practice / ".cache").iterdir()} <= kept
    warm = tyo(*args)  # and what was kept shows as made
    assert (warm.exit_code, warm.stdout) == alone[:2]
    # The copies keep no JSON copy of what they parsed (as on any first run): bills made
    # again parse those files once, and keep them.
    assert not list((practice / ".cache" / "processes").glob("*.json"))
    (practice / ".cache" / "bills.json").unlink()
    (practice / ".cache" / "earlier.json").unlink()
    again = tyo(*args)
    assert (again.exit_code, again.stdout) == alone[:2]
    assert list((practice / ".cache" / "processes").glob("*.json"))


def _read_whole_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The invoice files this process reads whole from now on (a forked copy counts its own)."""
    from tyonohjaus_cli.storage import invoices

    read: list[str] = []
    real = invoices._read

    def counting(store: object, rel: str) -> object:
        read.append(rel)
        return real(store, rel)  # type: ignore[arg-type]

    monkeypatch.setattr(invoices, "_read", counting)
    return read


@pytest.mark.parametrize("args", [("billing", "2026-10"), ("billing", "2026-10", "--json")])
def test_a_first_billing_reads_the_invoice_heads_in_the_same_copies(
    tyo: Tyo, practice: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """The copies that parse every process file for the index read the invoices for their
    heads too, in the same round: no other copy is forked, this process reads whole only
    the invoices the month's own bills show, and the invoice index is the one a single
    core builds."""
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _first_run(tyo, practice, *args)
    assert alone[0] == 0, alone[2]
    heads = read_cache(practice / ".cache/invoices.json")["entries"]
    monkeypatch.setattr(workers, "cores", lambda: 2)
    forks: list[int] = []
    real = os.fork

    def counting() -> int:
        forks.append(1)
        return real()

    monkeypatch.setattr(os, "fork", counting)
    read = _read_whole_here(monkeypatch)
    assert _first_run(tyo, practice, *args) == alone
    assert read_cache(practice / ".cache/invoices.json")["entries"] == heads
    assert forks == [1, 1]
    shown = {
        f"invoices/{path.name}"
        for path in (practice / "invoices").glob("1*.json")
        if (doc := json.loads(path.read_text()))["month"] == "2026-10" or doc["credit_for"]
    }
    assert read
    assert set(read) <= shown
    assert len(heads) > 2 * len(shown)


def test_a_damaged_invoice_on_a_first_billing_is_told_as_on_one_core(
    tyo: Tyo, practice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = min((practice / "invoices").glob("1*.json"))
    first.write_text(first.read_text().replace('"gross": "', '"gross": "1', 1))
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _first_run(tyo, practice, "billing", "2026-10")
    assert alone[0] == 1
    assert alone[2].startswith(f"tyo: invoices/{first.name}")
    assert alone[2].count("\n") == 1
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert _first_run(tyo, practice, "billing", "2026-10")[:3] == alone[:3]
