"""Fuzzing the TOML and JSON of each kind of store file: only tyo's own errors come out.

Each example takes a real document of the kind (from the tamper matrix's store), puts a
random value — huge and negative numbers, infinities, text with control characters,
dates at datetime's limits, deep lists, tables where text belongs — at a random place in
it, writes it back as valid TOML or JSON, and reads it the way the commands and doctor do.
Anything but a :class:`TyoError` (a traceback for a supervisor) fails the test.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Tyo
from tests.test_hostile_matrix import DERIVED, KINDS, NOW, TEMPLATE
from tyonohjaus_cli.errors import TyoError
from tyonohjaus_cli.storage import doctor, expenses, invoices, journal
from tyonohjaus_cli.storage.store import Store

_SCALARS = st.one_of(
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**63 - 1, -(2**63), 10**9, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["1E+999999", "-0", "NaN", "Infinity", "\x1b[2J", "a\r\nb", "\x00", ""]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.just(timezone(timedelta(hours=14))),
    ),
    st.sampled_from([datetime(9999, 12, 31, 23, 59), datetime(1, 1, 1), time(12, 0)]),
)
VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def _places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``doc`` a value can be put: each key and item, and a new key."""
    found = [path]
    if isinstance(doc, dict):
        found.append((*path, "fuzzed"))
        for key, item in doc.items():
            found += _places(item, (*path, key))
    elif isinstance(doc, list):
        for index, item in enumerate(doc):
            found += _places(item, (*path, index))
    return found


def _put(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(doc) if isinstance(doc, dict) else list(doc)
    copy[head] = _put(doc[head] if rest else None, rest, value) if rest else value
    return copy


def _store(store_path: Path) -> Store:
    return Store(store_path, lock_timeout=5)


READERS: dict[str, Callable[[Store], object]] = {
    "settings": lambda store: (store.settings(), store.zone()),
    "client": lambda store: store.client("pohde"),
    "process": lambda store: (store.process("hoitajat"), store.process_briefs(store_now())),
    "session-log": lambda store: store.session_log("hoitajat"),
    "expenses": lambda store: expenses.expenses_of(store, "hoitajat"),
    "invoice": invoices.invoices,
    "payments": invoices.payments,
    "history": lambda store: (journal.entries(store.root), store.history(5)),
    "pending": Store.recover_if_needed,
}


def store_now() -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(NOW).replace(tzinfo=ZoneInfo("Europe/Helsinki"))


def test_every_kind_of_document_is_fuzzed() -> None:
    documents = {kind for kind, rel in KINDS.items() if rel.endswith((".toml", ".json"))}
    assert documents - DERIVED == set(READERS)  # the caches are fuzzed in the matrix


@pytest.mark.parametrize("kind", sorted(READERS))
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_fuzzed_document_raises_only_tyos_errors(
    tyo: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, data: st.DataObject
) -> None:
    monkeypatch.setenv("TYO_NOW", NOW)
    if not store_path.exists():
        shutil.copytree(TEMPLATE, store_path, symlinks=True)
    rel = KINDS[kind]
    original = (TEMPLATE / rel).read_text(encoding="utf-8")
    is_json = rel.endswith(".json")
    doc = json.loads(original) if is_json else tomllib.loads(original)
    place = data.draw(st.sampled_from(_places(doc)[1:]))
    value = data.draw(VALUES)
    fuzzed = _put(doc, place, value)
    try:
        if is_json:
            text = json.dumps(_jsonable(fuzzed), ensure_ascii=data.draw(st.booleans()))
        else:
            text = tomli_w.dumps(fuzzed)
    except (TypeError, ValueError):
        return  # not expressible in the format (None in TOML, a time in a date's place...)
    for other, path in KINDS.items():  # the rest of the store as it was
        if other not in (kind, "pending", *DERIVED) and path.endswith((".toml", ".json")):
            shutil.copy2(TEMPLATE / path, store_path / path)
    (store_path / KINDS["pending"]).unlink(missing_ok=True)
    shutil.rmtree(store_path / ".cache", ignore_errors=True)
    (store_path / rel).write_text(text, encoding="utf-8")
    try:
        READERS[kind](_store(store_path))
    except TyoError as error:
        message = error.message
    else:
        message = ""
    assert "\n" not in message.strip()
    doctor.examine(store_path)  # reports, never raises
    result = tyo("billing", "2027-02")
    assert result.exit_code in (0, 1, 2), result.output
