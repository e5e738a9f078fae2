"""A month's bills and loose ends kept as the view shows them (``.cache/bills.json``,
``.cache/earlier.json``): the same output with and without them, in every form; any change
to what they are made of shows at once; damaged or deleted, they are made again; and no
session note ever enters them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.conftest import Tyo
from tyonohjaus_cli.storage.invoices import invoice_heads
from tyonohjaus_cli.storage.store import Store

FORMS = ((), ("--json",), ("--csv",))
KEPT = ("bills.json", "earlier.json")


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=7, clients=5, processes=14, meetings=140, years=3, invoice_months=8)
    return store_path


def _shown(tyo: Tyo, month: str = "2026-10", *more: str) -> dict[tuple[str, ...], str]:
    shown = {}
    for form in FORMS:
        result = tyo("billing", month, *more, *form)
        assert result.exit_code == 0, result.output
        shown[form] = result.stdout + result.stderr
    return shown


def _fresh(tyo: Tyo, root: Path, month: str = "2026-10", *more: str) -> dict[tuple[str, ...], str]:
    """What the view shows made from the store alone, the cache deleted."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return _shown(tyo, month, *more)


def test_the_same_in_every_form_with_and_without_the_kept_views(
    practice: Path, tyo: Tyo
) -> None:
    for month, more in (("2026-10", ()), ("2026-11", ()), ("2026-10", ("--client",))):
        if more:
            more = (*more, invoice_heads(Store(practice))[0].client)
        first = _fresh(tyo, practice, month, *more)
        assert all((practice / ".cache" / name).is_file() for name in KEPT)
        assert _shown(tyo, month, *more) == first  # kept
        assert _shown(tyo, month, *more) == first


def test_a_forgotten_clients_invoices_move_to_their_own_bill_at_once(
    practice: Path, tyo: Tyo
) -> None:
    store = Store(practice)
    october = sorted({head.client for head in invoice_heads(store) if head.month == "2026-10"})
    assert len(october) >= 2
    _shown(tyo)
    assert tyo("forget", october[0], "--yes").exit_code == 0
    shown = _shown(tyo)
    assert "Invoices of forgotten clients" in shown[()]
    assert shown == _fresh(tyo, practice)
    assert tyo("forget", october[1], "--yes").exit_code == 0
    assert _shown(tyo) == _fresh(tyo, practice)


def test_a_client_removed_by_hand_shows_under_the_forgotten_at_once(
    practice: Path, tyo: Tyo
) -> None:
    store = Store(practice)
    october = sorted({head.client for head in invoice_heads(store) if head.month == "2026-10"})
    _shown(tyo)
    for gone in october[:2]:
        for summary in store.process_summaries():
            if summary.client == gone:
                (practice / "processes" / f"{summary.id}.toml").unlink()
        (practice / "clients" / f"{gone}.toml").unlink()
        shown = _shown(tyo)
        assert "Invoices of forgotten clients" in shown[()]
        assert shown == _fresh(tyo, practice)
