"""A client read the short way (``codec._plain_client``) is exactly the client the long way
reads (``codec._client_read_whole``), and anything else is left to the long way, which
words it: every client file and invoice buyer of a generated store, hostile values, drawn
ones (Hypothesis); and an amount, read once for each text, is what reading it says."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import codec
from tyonohjaus_cli.storage.documents import MAX_AMOUNT, MAX_INTEGER, Fields

REL = "clients/acme.toml"


def _outcome(decode: Any, doc: dict[str, Any], text: str = "") -> Any:
    try:
        client = decode(Fields(doc, REL, text))
    except StoreFileError as error:
        return ("error", str(error), error.line)
    return (client, repr(client))


def _same(doc: dict[str, Any], text: str = "") -> Any:
    try:
        short = codec._plain_client(Fields(doc, REL, ""))
    except StoreFileError:
        short = None
    long = _outcome(codec._client_read_whole, doc, text)
    assert short is None or (short, repr(short)) == long
    assert _outcome(codec.client_from_doc, doc, text) == long
    return short


def test_every_client_and_buyer_of_a_generated_store_reads_the_same(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    generate(tmp_path, seed=3, clients=12, processes=40, meetings=600, invoice_months=6)
    clients = sorted((tmp_path / "clients").glob("*.toml"))
    buyers = [
        json.loads(path.read_text())["buyer"]
        for path in (tmp_path / "invoices").glob("*.json")
        if path.stem.isdecimal()  # not payments.json
    ]
    assert len(clients) >= 10
    assert len(buyers) >= 5
    for path in clients:
        text = path.read_text()
        assert _same(tomllib.loads(text), text) is not None
    for buyer in buyers:
        assert _same(buyer) is not None


CLIENT: dict[str, Any] = {
    "schema": 1,
    "id": "acme",
    "name": "Acme Oy",
    "business_id": "1234567-8",
    "address": "Katu 1\n00100 Helsinki",
    "email": "laskut@acme.fi",
    "contact": "Aino",
    "einvoice_address": "003712345678",
    "operator": "BAWCFI22",
    "buyer_reference": "Viite\n2",
    "rate": "110.00",
    "discount": "5",
    "cancel_hours": 48,
    "cancel_charge": "50",
    "payment_days": 21,
    "public_body": True,
    "language": "sv",
}

CHANGES: list[tuple[str, Any]] = [
    ("id", "a\nb"), ("id", 1), ("id", None), ("name", "x\u2028y"), ("name", None),
    ("name", "no\u00a0break"), ("business_id", "a\tb"), ("email", ["x"]), ("contact", "\x1b"),
    ("einvoice_address", 3), ("operator", "a\rb"), ("address", "bell\u0007"), ("address", 1),
    ("address", "a\tb"), ("buyer_reference", "esc\x1b"), ("buyer_reference", True),
    ("rate", "-1"), ("rate", "lots"), ("rate", 110), ("rate", 110.5), ("rate", True),
    ("rate", "1e9"), ("rate", "NaN"), ("rate", "sNaN"), ("rate", None),
    ("discount", "101"), ("discount", "100"), ("discount", None), ("discount", "x"),
    ("cancel_charge", "100.01"), ("cancel_charge", None), ("cancel_hours", -1),
    ("cancel_hours", True), ("cancel_hours", MAX_INTEGER), ("cancel_hours", "24"),
    ("cancel_hours", None), ("payment_days", 0), ("payment_days", 1.0), ("payment_days", None),
    ("public_body", 1), ("public_body", "true"), ("public_body", None), ("language", "de"),
    ("language", "FI"), ("language", ["fi"]), ("language", None),
    ("rate_changes", [{"from": "2027-01-01", "rate": "120.00"}]),
    ("rate_changes", [{"from": "2027-01-01"}]), ("rate_changes", "x"),
    ("discount_changes", [{"from": "2027-01-01", "discount": "10"}]),
    ("discount_changes", [{"from": "2027-01-01", "discount": "x"}]), ("unknown", 1),
]  # fmt: skip


@pytest.mark.parametrize(("key", "value"), CHANGES, ids=[f"{k}={v!r}" for k, v in CHANGES])
def test_a_changed_client_reads_as_the_long_way_reads_it(key: str, value: Any) -> None:
    doc = dict(CLIENT)
    if value is None:
        del doc[key]
    else:
        doc[key] = value
    _same(doc)
    _same({**CLIENT, key: None})  # JSON's null


def test_a_client_as_tyo_writes_it_takes_the_short_way() -> None:
    short = _same(CLIENT)
    assert short is not None
    assert short.discount == Decimal(5)
    assert _same({"schema": 1, "id": "a", "name": "A"}) is not None  # every default


_ANY = st.one_of(
    st.text(max_size=5),
    st.sampled_from(["", "a\nb", "\x1b", "a\u2028b", "fi", "sv", "100", "100.5", "0.001"]),
    st.integers(-2, 3),
    st.sampled_from([MAX_INTEGER - 1, MAX_INTEGER, True, False, 1.5, 100.0, [], {}]),
    st.none(),
)


@settings(max_examples=2000, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(CLIENT)), _ANY, max_size=4), st.booleans())
def test_a_drawn_client_reads_as_the_long_way_reads_it(changes: dict[str, Any], drop: bool) -> None:
    doc = {**CLIENT, **changes}
    if drop:
        doc = {key: value for key, value in doc.items() if value is not None}
    _same(doc)


def _amount_by_definition(value: Any) -> Decimal | None:
    written = str(value)
    try:
        number = Decimal(written)
    except InvalidOperation:
        return None
    if (
        len(written) > 40
        or not number.is_finite()
        or number < 0
        or number >= MAX_AMOUNT
        or number.as_tuple().exponent < -12  # type: ignore[operator]
    ):
        return None
    return number


_AMOUNTS = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["95.00", "1e3", "-0", "1E-12", "1E-13", "999999999.99", "1_0", " 5 ", "x"]),
    st.integers(-5, 10**10),
    st.floats(allow_nan=True),
)


@given(_AMOUNTS)
def test_an_amount_is_what_reading_its_text_says_every_time(value: Any) -> None:
    expected = _amount_by_definition(value)
    for _ in range(2):  # the second time, as kept
        fields = Fields({"rate": value}, REL, "")
        if expected is None:
            with pytest.raises(StoreFileError):
                fields.amount("rate")
        else:
            found = fields.amount("rate")
            assert (found, str(found)) == (expected, str(expected))
