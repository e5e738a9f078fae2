"""The client index (``.cache/clients.json``): a row per client, checked against every client
file's stamp, safe to delete or damage; list views read it instead of every client file."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.caches import read_cache, write_cache
from tests.conftest import Tyo
from tyonohjaus_cli.domain.models import Client
from tyonohjaus_cli.domain.prices import Dated
from tyonohjaus_cli.storage.client_index import ClientRow, row_from, row_of
from tyonohjaus_cli.storage.index import _VERSION as INDEX_VERSION


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=7, clients=6, processes=12, meetings=100, years=2, invoice_months=2)
    return store_path


def _views(tyo: Tyo) -> list[str]:
    outputs = []
    for args in (
        ("client", "list"),
        ("client", "list", "--json"),
        ("client", "list", "--csv"),
        ("--lang", "fi", "client", "list"),
        ("billing", "year", "2026", "--json"),
    ):
        result = tyo(*args)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    return outputs


def _touch(path: Path, text: str) -> None:
    """A hand edit, seen even within the same clock tick."""
    stamp = path.stat().st_mtime_ns
    path.write_text(text)
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))


def test_same_output_with_and_without_the_index(practice: Path, tyo: Tyo) -> None:
    first = _views(tyo)  # builds the index
    assert (practice / ".cache" / "clients.json").is_file()
    assert _views(tyo) == first  # read from it
    shutil.rmtree(practice / ".cache")
    assert _views(tyo) == first  # built again


def test_a_damaged_index_is_built_again(practice: Path, tyo: Tyo) -> None:
    first = _views(tyo)
    index = practice / ".cache" / "clients.json"
    rel = min(read_cache(index)["entries"])
    stamp = read_cache(index)["entries"][rel][0]
    for shaped in (  # whole files, their entries of the wrong shape
        {"version": INDEX_VERSION, "entries": {rel: [stamp, [1, 2]]}},
        {"version": INDEX_VERSION, "entries": {rel: [stamp, ["x"] * len(Client._fields)]}},
        {"version": INDEX_VERSION, "entries": {rel: [stamp, [None] * len(Client._fields)]}},
    ):
        write_cache(index, shaped)
        assert _views(tyo) == first
    for damage in ("{[", "", json.dumps(read_cache(index))):  # the last without its CRC line
        index.write_text(damage)
        assert _views(tyo) == first


def test_a_hand_edit_shows_at_once(practice: Path, tyo: Tyo) -> None:
    _views(tyo)
    path = min((practice / "clients").glob("*.toml"))
    text = path.read_text()
    name = next(line for line in text.splitlines() if line.startswith("name = "))
    _touch(path, text.replace(name, 'name = "Kuvitteellinen Oy"'))
    rows = json.loads(tyo("client", "list", "--json").stdout)
    assert next(row for row in rows if row["id"] == path.stem)["name"] == "Kuvitteellinen Oy"


def test_a_mistake_in_a_client_file_is_still_reported(practice: Path, tyo: Tyo) -> None:
    _views(tyo)
    path = min((practice / "clients").glob("*.toml"))
    _touch(path, path.read_text().replace('language = "', 'language = "xx'))
    result = tyo("client", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tyo: clients/{path.name}, line ")
    assert tyo("billing", "year", "2026").exit_code == 1


def test_removed_and_added_clients_show_at_once(practice: Path, tyo: Tyo) -> None:
    _views(tyo)
    gone = min((practice / "clients").glob("*.toml"))
    gone.unlink()
    added = tyo("client", "add", "uusi-asiakas", "--name", "Uusi Asiakas")
    assert added.exit_code == 0, added.output
    ids = [row["id"] for row in json.loads(tyo("client", "list", "--json").stdout)]
    assert gone.stem not in ids
    assert "uusi-asiakas" in ids
    assert ids == sorted(ids)


def test_damaged_settings_are_reported_though_every_client_is_indexed(
    practice: Path, tyo: Tyo
) -> None:
    _views(tyo)
    settings = practice / "settings.toml"
    _touch(settings, settings.read_text().replace("schema = ", "schema = 99 #"))
    result = tyo("client", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: settings.toml")


def _every_field_set() -> Client:
    """A client whose every field differs from its default: a field added to Client and
    not to the index's row fails here."""
    values: dict[str, Any] = {}
    for name in Client._fields:
        default = Client._field_defaults.get(name)
        if name.endswith("_changes"):
            values[name] = (Dated(date(2027, 3, 1), Decimal("130.50")),)
        elif isinstance(default, bool):
            values[name] = not default
        elif isinstance(default, int):
            values[name] = default + 7
        elif isinstance(default, Decimal) or name == "rate":
            values[name] = Decimal("12.345")
        else:
            values[name] = f"{name} ä"
    return Client(**values)


def test_a_row_holds_every_field_of_a_client_exactly() -> None:
    assert ClientRow._fields == Client._fields
    client = _every_field_set()
    row = row_from(json.loads(json.dumps(row_of(client))))
    assert row is not None
    assert row.client() == client
    assert tuple(row) == tuple(getattr(client, name) for name in ClientRow._fields)
    assert [str(value) for value in row] == [
        str(getattr(client, name)) for name in Client._fields
    ]  # "12.345", not 12.35: the amounts' exact text
    plain = Client(id="pohde", name="Pohde")
    again = row_from(row_of(plain))
    assert again is not None
    assert again.client() == plain
    assert row_from(row_of(plain)[:-1]) is None
