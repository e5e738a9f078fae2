"""A plain invoice line read the short way (``invoices._plain_line``) is exactly the line
the long way reads (``invoices._line_from_doc``, through :class:`Fields`), and anything the
short way does not read plainly is left to the long way, which words what is wrong: over
a generated store's invoices, a drawn value for every key (Hypothesis) and every kind of
wrong value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tyonohjaus_cli.domain.invoices import LineKind
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import invoices
from tyonohjaus_cli.storage.documents import MAX_INTEGER, Fields

REL = "invoices/1000.json"
PLAIN: dict[str, Any] = {
    "item": "hoitajat-2027#3",
    "kind": "meeting",
    "date": "2027-01-12",
    "process": "hoitajat-2027",
    "title": "Hoitajien työnohjaus",
    "unit_price": "95.00",
    "amount": "190.00",
    "vat_percent": "25.5",
    "minutes": 90,
    "unit_minutes": 45,
}


def _long_way(doc: dict[str, Any]) -> Any:
    try:
        return invoices._line_from_doc(Fields(doc, REL, ""))
    except StoreFileError as error:
        return ("error", str(error), error.line)


def _either_way(doc: dict[str, Any]) -> Any:
    try:
        (line,) = invoices._lines_from(Fields({"lines": [doc]}, REL, ""))
    except StoreFileError as error:
        return ("error", str(error), error.line)
    return line


def test_the_kinds_are_the_domains() -> None:
    assert {kind.value for kind in LineKind} == invoices._LINE_KINDS


def test_every_line_of_a_generated_stores_invoices_reads_the_same(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    generate(tmp_path, seed=5, clients=12, processes=40, meetings=600, years=2, invoice_months=12)
    plain = every = 0
    for path in sorted((tmp_path / "invoices").glob("1*.json")):
        for line in json.loads(path.read_text(encoding="utf-8"))["lines"]:
            short = invoices._plain_line(line)
            assert short is not None, line  # every line tyo writes takes the short way
            assert short == _long_way(line)
            plain += 1
        every += 1
    assert every >= 20
    assert plain >= every


def test_a_line_as_tyo_writes_it_takes_the_short_way() -> None:
    short = invoices._plain_line(PLAIN)
    assert short is not None
    assert short == _long_way(PLAIN)
    assert type(short.kind) is LineKind


CHANGES: list[tuple[str, Any]] = [
    ("item", ""), ("item", "a\nb"), ("item", "esc\x1b"), ("item", 3), ("item", None),
    ("kind", "no-show"), ("kind", "first-free"), ("kind", "MEETING"), ("kind", ""),
    ("kind", 1), ("kind", None),
    ("date", "2027-1-12"), ("date", "20270112"), ("date", "1899-12-31"), ("date", "2201-01-01"),
    ("date", "1900-01-01"), ("date", "2027-02-30"), ("date", "2027-01-12T10:00"),
    ("date", 20270112), ("date", None),
    ("process", "a\nb"), ("process", "a\u2028b"), ("process", "no\u00a0break"),
    ("process", ""), ("process", 5), ("process", None),
    ("title", "a\tb"), ("title", "bell\x07"), ("title", ""), ("title", ["x"]), ("title", None),
    ("unit_price", "-95.00"), ("unit_price", "NaN"), ("unit_price", "Infinity"),
    ("unit_price", "1e3"), ("unit_price", " 95 "), ("unit_price", "9_5"), ("unit_price", "x"),
    ("unit_price", 95), ("unit_price", 95.0), ("unit_price", None),
    ("amount", "-190.00"), ("amount", "sNaN"), ("amount", ""), ("amount", None),
    ("vat_percent", "0"), ("vat_percent", "-Infinity"), ("vat_percent", None),
    ("minutes", 0), ("minutes", 1), ("minutes", MAX_INTEGER - 1), ("minutes", MAX_INTEGER),
    ("minutes", True), ("minutes", "90"), ("minutes", 90.0), ("minutes", None),
    ("unit_minutes", 0), ("unit_minutes", -45), ("unit_minutes", False), ("unit_minutes", None),
    ("percent", "50"), ("percent", "-10"), ("percent", "NaN"), ("percent", 50),
    ("pass_through", True), ("pass_through", False), ("pass_through", 1),
    ("pass_through", "true"), ("other", "ignored"),
]  # fmt: skip


@pytest.mark.parametrize(("key", "value"), CHANGES, ids=[f"{k}={v!r}" for k, v in CHANGES])
def test_a_changed_line_reads_as_the_long_way_reads_it(key: str, value: Any) -> None:
    doc = dict(PLAIN)
    if value is None:
        doc.pop(key, None)  # missing
    else:
        doc[key] = value
    assert _either_way(doc) == _long_way(doc)
    for null in ("minutes", "unit_minutes", "percent", "pass_through", key):
        assert _either_way(doc | {null: None}) == _long_way(doc | {null: None})


_TEXTS = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["", "a\nb", "a\tb", "\x1b[31m", "a\u2028b", "\x85", "meeting"]),
    st.sampled_from([1, None, True, ["x"], {"a": 1}]),
)
_AMOUNTS = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["95.00", "-0", "1E+2", " 1", "1_0", "", "x", 95, 1.5, None, True]),
)
_NUMBERS = st.one_of(
    st.integers(-2, 3),
    st.sampled_from([45, 90, MAX_INTEGER - 1, MAX_INTEGER, True, False, 1.0, "1", None]),
)
_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "item": _TEXTS,
    "kind": st.one_of(st.sampled_from(sorted(invoices._LINE_KINDS)), _TEXTS),
    "date": st.one_of(
        st.dates().map(lambda day: day.isoformat()),
        st.sampled_from(["2027-01-12", "2027-13-01", "27-01-12", 20270112, None]),
    ),
    "process": _TEXTS,
    "title": _TEXTS,
    "unit_price": _AMOUNTS,
    "amount": _AMOUNTS,
    "vat_percent": _AMOUNTS,
    "minutes": _NUMBERS,
    "unit_minutes": _NUMBERS,
    "percent": _AMOUNTS,
    "pass_through": st.sampled_from([True, False, None, 0, 1, "false"]),
}


@st.composite
def _lines(draw: st.DrawFn) -> dict[str, Any]:
    doc = {
        key: draw(values) if draw(st.booleans()) else PLAIN.get(key)
        for key, values in _VALUES.items()
    }
    for key in draw(st.lists(st.sampled_from(sorted(doc)), max_size=2)):
        doc.pop(key, None)
    return {key: value for key, value in doc.items() if value is not None or draw(st.booleans())}


@settings(max_examples=2000, deadline=None)
@given(_lines())
def test_a_plain_line_is_the_one_the_full_decoding_makes(doc: dict[str, Any]) -> None:
    short = invoices._plain_line(doc)
    if short is not None:
        assert short == _long_way(doc)
    assert _either_way(doc) == _long_way(doc)
