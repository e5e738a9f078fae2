"""What a wrong value in a store file is called, word for word, and that the words cost
nothing when the value is right.

:class:`~tyonohjaus_cli.storage.documents.Fields` reads every value of every file; a
twenty-year store has 1,500 process files and 15,000 meetings, so the "expected …" wording
of a message is built only when a value is wrong. These cases pin each message in English
and Finnish, with its line, so that making the wording lazy changes none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.i18n import set_language
from tyonohjaus_cli.storage import codec, documents
from tyonohjaus_cli.storage.documents import Fields, parse_toml

TEXT = """schema = 1
id = "a\\nb"
name = 12
note = "bell\\u0007"
kind = "blob"
count = true
big = 2000
rate = [1]
price = "lots"
minus = "-5"
fine = "1.0000000000001"
flag = "yes"
day = "soon"
stamp = 2027-01-12T14:00:00
old = 1850-01-01
at = "later"
on = 2027-01-12
ancient = 1800-01-01T10:00:00
table = 3
tables = [1, 2]
strings = [1]
"""
ZONE = ZoneInfo("Europe/Helsinki")

CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], int | None, str, str]] = [
    ("text", ("id",), {}, 2,
     "'id' must be one line of text, without control characters, not 'a\\nb'",
     "'id' pitää olla yksi rivi tekstiä ilman ohjausmerkkejä, ei 'a\\nb'"),
    ("text", ("name",), {}, 3, "'name' must be text, not 12", "'name' pitää olla tekstiä, ei 12"),
    ("text", ("note",), {}, 4,
     "'note' must be text without control characters, not 'bell\\x07'",
     "'note' pitää olla tekstiä ilman ohjausmerkkejä, ei 'bell\\x07'"),
    ("text", ("nothing",), {}, None,
     "'nothing' is missing (expected text)", "'nothing' puuttuu (odotettiin tekstiä)"),
    ("choice", ("kind", ("a", "b")), {}, 5,
     "'kind' must be one of a, b, not 'blob'", "'kind' pitää olla yksi näistä: a, b, ei 'blob'"),
    ("choice", ("nothing", ("a", "b")), {}, None,
     "'nothing' is missing (expected one of a, b)",
     "'nothing' puuttuu (odotettiin yksi näistä: a, b)"),
    ("integer", ("count",), {}, 6,
     "'count' must be a whole number from 0, not true",
     "'count' pitää olla kokonaisluku vähintään 0, ei true"),
    ("integer", ("big", None), {"minimum": 1, "maximum": 720}, 7,
     "'big' must be a whole number from 1 to 720, not 2000",
     "'big' pitää olla kokonaisluku 1–720, ei 2000"),
    ("integer", ("nothing",), {}, None,
     "'nothing' is missing (expected a whole number from 0)",
     "'nothing' puuttuu (odotettiin kokonaisluku vähintään 0)"),
    ("integer", ("nothing",), {"minimum": 1, "maximum": 5}, None,
     "'nothing' is missing (expected a whole number from 1 to 5)",
     "'nothing' puuttuu (odotettiin kokonaisluku 1–5)"),
    ("integer", ("price", None), {"minimum": 1}, 9,
     "'price' must be a whole number from 1, not 'lots'",
     "'price' pitää olla kokonaisluku vähintään 1, ei 'lots'"),
    ("flag", ("flag",), {}, 12, "'flag' must be true/false, not 'yes'",
     "'flag' pitää olla true/false, ei 'yes'"),
    ("amount", ("rate",), {}, 8, "'rate' must be an amount such as \"95.00\", not [1]",
     "'rate' pitää olla summa, esim. \"95.00\", ei [1]"),
    ("amount", ("price",), {}, 9, "'price' must be an amount such as \"95.00\", not 'lots'",
     "'price' pitää olla summa, esim. \"95.00\", ei 'lots'"),
    ("amount", ("minus",), {}, 10, "'minus' must be an amount such as \"95.00\", not '-5'",
     "'minus' pitää olla summa, esim. \"95.00\", ei '-5'"),
    ("amount", ("fine",), {}, 11,
     "'fine' must be an amount such as \"95.00\", not '1.0000000000001'",
     "'fine' pitää olla summa, esim. \"95.00\", ei '1.0000000000001'"),
    ("amount", ("nothing",), {}, None,
     "'nothing' is missing (expected an amount such as \"95.00\")",
     "'nothing' puuttuu (odotettiin summa, esim. \"95.00\")"),
    ("day", ("day",), {}, 13, "'day' must be a date such as 2027-01-12, not 'soon'",
     "'day' pitää olla päivämäärä, esim. 2027-01-12, ei 'soon'"),
    ("day", ("stamp",), {}, 14,
     "'stamp' must be a date such as 2027-01-12, not 2027-01-12T14:00:00",
     "'stamp' pitää olla päivämäärä, esim. 2027-01-12, ei 2027-01-12T14:00:00"),
    ("day", ("old",), {}, 15, "'old' must be a date in the years 1900 to 2200, not 1850-01-01",
     "'old' pitää olla päivämäärä vuosilta 1900–2200, ei 1850-01-01"),
    ("day", ("nothing",), {}, None,
     "'nothing' is missing (expected a date such as 2027-01-12)",
     "'nothing' puuttuu (odotettiin päivämäärä, esim. 2027-01-12)"),
    ("moment", ("at", ZONE), {}, 16,
     "'at' must be a date and time such as 2027-01-12T14:00:00, not 'later'",
     "'at' pitää olla päivämäärä ja kellonaika, esim. 2027-01-12T14:00:00, ei 'later'"),
    ("moment", ("on", ZONE), {}, 17,
     "'on' must be a date and time such as 2027-01-12T14:00:00, not 2027-01-12",
     "'on' pitää olla päivämäärä ja kellonaika, esim. 2027-01-12T14:00:00, ei 2027-01-12"),
    ("moment", ("ancient", ZONE), {}, 18,
     "'ancient' must be a date in the years 1900 to 2200, not 1800-01-01T10:00:00",
     "'ancient' pitää olla päivämäärä vuosilta 1900–2200, ei 1800-01-01T10:00:00"),
    ("moment", ("nothing", ZONE), {}, None,
     "'nothing' is missing (expected a date and time such as 2027-01-12T14:00:00)",
     "'nothing' puuttuu (odotettiin päivämäärä ja kellonaika, esim. 2027-01-12T14:00:00)"),
    ("table", ("table",), {}, 19, "'table' must be a table, not 3", "'table' pitää olla taulu, ei 3"),
    ("tables", ("tables",), {}, 20, "'tables' must be a list of tables, not [1, 2]",
     "'tables' pitää olla luettelo tauluja, ei [1, 2]"),
    ("strings", ("strings",), {}, 21, "'strings' must be a list of texts, not [1]",
     "'strings' pitää olla luettelo tekstejä, ei [1]"),
]  # fmt: skip


@pytest.fixture
def finnish() -> Iterator[None]:
    set_language("fi")
    yield
    set_language("en")


def _read(method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> StoreFileError:
    fields = Fields(parse_toml(TEXT, "processes/x.toml"), "processes/x.toml", TEXT)

    def read() -> object:
        result = getattr(fields, method)(*args, **kwargs)
        return list(result) if method == "tables" else result

    with pytest.raises(StoreFileError) as caught:
        read()
    return caught.value


@pytest.mark.parametrize(("method", "args", "kwargs", "line", "english", "finnish_text"), CASES)
def test_a_wrong_value_is_worded_as_before(
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    line: int | None,
    english: str,
    finnish_text: str,
) -> None:
    error = _read(method, args, kwargs)
    assert (error.problem, error.line) == (english, line)


@pytest.mark.parametrize(("method", "args", "kwargs", "line", "english", "finnish_text"), CASES)
@pytest.mark.usefixtures("finnish")
def test_a_wrong_value_is_worded_as_before_in_finnish(
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    line: int | None,
    english: str,
    finnish_text: str,
) -> None:
    error = _read(method, args, kwargs)
    assert (error.problem, error.line) == (finnish_text, line)


def test_a_null_in_json_is_taken_for_the_default_as_before() -> None:
    fields = Fields({"a": None}, "invoices/1.json", "")
    assert fields.text("a", None) is None
    assert fields.integer("a", None) is None
    assert fields.amount("a", None) is None
    assert fields.day("a", None) is None
    assert fields.moment("a", ZONE, None) is None
    assert fields.choice("a", ("x",), None) is None


PROCESS = """schema = 1
id = "ryhma"
client = "pohde"
kind = "group"
title = "Ryhmä"
status = "active"
created = 2027-01-04T09:00:00+02:00
place = "Kauppurienkatu 10"
participants = [{ name = "Aino Virtanen", email = "aino@example.fi" }]
goals = [{ n = 1, text = "Työnjako", by = "both" }]

[[meetings]]
n = 1
start = 2027-01-12T14:00:00
minutes = 90
status = "held"
uid = "a@tyo"
sequence = 0
held_minutes = 90
attended = 3

[[meetings]]
n = 2
start = 2027-02-09T14:00:00
minutes = 90
status = "planned"
uid = "b@tyo"
sequence = 1
moves = [{ previous = 2027-02-02T14:00:00, agreed_at = 2027-01-20T10:00:00+02:00 }]
"""


def test_a_right_value_builds_no_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a process that is in order translates nothing: the words of a message that
    is not shown were ~40 % of decoding a process file."""
    calls: list[str] = []

    def counting(msgid: str, /, **fields: object) -> str:
        calls.append(msgid)
        return msgid.format(**fields) if fields else msgid

    monkeypatch.setattr(documents, "t", counting)
    monkeypatch.setattr(codec, "t", counting)
    rel = "processes/ryhma.toml"
    process = codec.process_from_doc(Fields(parse_toml(PROCESS, rel), rel, PROCESS), ZONE)
    assert len(process.meetings) == 2
    assert calls == []


def test_a_key_with_a_line_break_is_named_on_one_line() -> None:
    """A hand-edited key (``"a\\nb" = …`` in payments.json, found by the fuzz tests) is named
    with its escapes, so that the message stays one line."""
    fields = Fields({"paid": {"12\n": False}}, "invoices/payments.json", "{}")
    message = fields.table("paid").fail("12\n", "an invoice number").problem
    assert message == "'12\\n' must be an invoice number, not false"
    assert Fields({"rate": [1]}, "p.toml", "").fail("rate", "x").problem.startswith("'rate' ")
