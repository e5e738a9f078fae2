"""The compiled TOML reader (toml-rs) gives exactly tomllib's documents, and tomllib judges.

A command that parses many files reads them with toml-rs (storage/documents.py
``read_many``). These tests hold it to tomllib: the same document, value for value and type
for type (an offset's tzinfo, a float's bits, a local time), for tyo's own files (the
example store, the benchmark's practice) and for any document hypothesis writes; and for
any text, valid or not, :func:`parse_toml` says exactly what it says with tomllib alone: the
same document, or the same one-line error with the same line.
"""

from __future__ import annotations

import math
import platform
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Tyo
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.storage import documents
from tyonohjaus_cli.storage.documents import parse_toml

if platform.python_implementation() != "CPython":  # no wheel: tomllib reads every file
    pytest.skip("toml-rs is installed on CPython only", allow_module_level=True)
import toml_rs  # a dependency on CPython: missing there, these tests fail

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "store"


def _strict(value: Any) -> Any:
    """``value`` with every type spelled out: ``==`` alone takes 1 for 1.0 and True, and two
    datetimes at one instant in different offsets for equal."""
    if isinstance(value, dict):
        return ("table", [(key, _strict(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("array", [_strict(item) for item in value])
    if isinstance(value, float):
        return ("float", math.copysign(1, value), "nan" if math.isnan(value) else value.hex())
    if isinstance(value, datetime | time):
        zone = value.tzinfo
        return (type(value).__name__, value.isoformat(), type(zone).__name__, value.utcoffset())
    return (type(value).__name__, value)


def _fast(text: str) -> dict[str, Any]:
    return toml_rs.loads(text, toml_version="1.0.0")


@pytest.fixture
def reading_many(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_toml as a command reading many files runs it (the compiled reader in use)."""
    monkeypatch.setattr(documents, "_parsed", 0)
    documents.read_many()


def _outcome(text: str) -> Any:
    """What parse_toml says of ``text``: the document, or the error's message and line."""
    try:
        return ("document", _strict(parse_toml(text, "processes/p.toml")))
    except StoreFileError as error:
        return ("error", str(error), error.line)


def _tomllib_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(documents, "_parsed", -(10**9))  # never reaching FAST_FROM
        return _outcome(text)


def _store_texts(root: Path) -> list[str]:
    return [path.read_text("utf-8") for path in sorted(root.rglob("*.toml"))]


def test_the_example_store_reads_the_same() -> None:
    texts = _store_texts(EXAMPLES)
    assert texts
    for text in texts:
        assert _strict(_fast(text)) == _strict(tomllib.loads(text))


def test_the_benchmark_practice_reads_the_same() -> None:
    from benchmarks.generate import build

    from tyonohjaus_cli.storage.documents import dump_toml

    practice = build(seed=11, clients=8, processes=40, meetings=400, years=6)
    texts = [dump_toml(doc) for doc in practice.documents().values()]
    assert len(texts) == 49
    for text in texts:
        assert _strict(_fast(text)) == _strict(tomllib.loads(text))


_ZONES = st.sampled_from(
    [
        None,
        UTC,
        timezone(timedelta(hours=2)),
        timezone(timedelta(hours=-9, minutes=-30)),
        timezone(timedelta(hours=14)),
    ]
)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63 - 1, -(2**63), 2**63, 2**200]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),  # any Unicode, control characters too (tomli-w escapes them)
    st.text(alphabet=st.sampled_from("ab äö€\n\t\\\"'\r𝄞"), max_size=30),  # multiline
    st.dates(),
    st.datetimes(timezones=_ZONES),
    st.times(),
)
_KEYS = st.text(min_size=0, max_size=10)
DOCUMENTS = st.dictionaries(
    _KEYS,
    st.recursive(
        _SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(_KEYS, inner, max_size=4),
            st.lists(st.dictionaries(_KEYS, inner, min_size=1, max_size=3), min_size=1),
        ),
        max_leaves=12,
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS, st.booleans())
def test_any_document_reads_the_same(doc: dict[str, Any], multiline: bool) -> None:
    text = tomli_w.dumps(doc, multiline_strings=multiline)
    assert _strict(_fast(text)) == _strict(tomllib.loads(text))


_PIECES = st.sampled_from(
    [
        "a = 1\n", "b = 2024-01-02T03:04:05+02:00\n", "c = 2024-01-02 03:04\n", "d = 12:30\n",
        "[t]\n", "[[m]]\n", "x = { y = 1, }\n", "x = {\n y = 1 }\n", 's = "\\e"\n',
        's = "\\x41"\n', "k = '''\nq\n'''\n", 'k = """\\\n  w"""\n', "f = 1e400\n",
        "f = nan\n", "i = 99999999999999999999\n", "i = 0x_1\n", "n = +inf\n", "\ufeff",
        "\r\n", "\r", "\x00", "\x7f", "# ä\n", "=", "[", "]", '"', "'", ",", ".", " ", "\n",
        "a.b = 1\n", "a = 1\na = 2\n", "[a]\n[a]\n", "l = [1,\n2,]\n", "t = 1979-05-27T07:32:00Z\n",
        "t = 1979-05-27T00:32:00.999999-07:00\n", "t = 1979-05-27 07:32:00.5\n",
        "h = 0x" + "f" * 40 + "\n", "o = 0o" + "7" * 30 + "\n", "b = 0b" + "1" * 70 + "\n",
        "i = 1" + "0" * 5000 + "\n", "i = -9223372036854775809\n", "f = -nan\n", "f = -0.0\n",
        "t = 1979-05-27T07:32:00.9999999\n", "t = 1979-05-27T07:32:60\n", "t = 0000-01-01\n",
        "t = 1979-05-27T07:32:00+24:00\n", "t = 9999-12-31T23:59:59-23:59\n", "t = 1979-02-29\n",
        "t = 2000-02-29T00:00:00z\n", "t = 1979-05-27t07:32:00\n", "t = 23:59:59.9999999\n",
    ]
)  # fmt: skip


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12))
def test_any_text_is_judged_as_tomllib_judges_it(
    pieces: list[str], reading_many: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "".join(pieces)
    assert _outcome(text) == _tomllib_outcome(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffschema = 1\n",  # a byte-order mark: toml-rs reads past it, tomllib does not
        "x = { a = 1,\n b = 2 }\n",  # TOML 1.1: line breaks in an inline table
        "x = { a = 1, }\n",  # TOML 1.1: a trailing comma in one
        "start = 2027-01-12T14:00\n",  # TOML 1.1: a time without seconds
        'name = "\\e[2J"\n',  # TOML 1.1: \e
        'name = "\\x1b"\n',  # TOML 1.1: \x
        "n = 99999999999999999999999\n",  # beyond 64 bits: tomllib reads it
        "n = 0x" + "f" * 40 + "\n",  # toml-rs reads this one wrong
        "n = 1" + "0" * 5000 + "\n",  # tomllib refuses this one, toml-rs does not
        "a = " + "[" * 40 + "]" * 40 + "\n",  # nested too deeply: tyo's own error
        "a = 1\na = 2\n",
    ],
)
def test_what_tomllib_refuses_is_refused_the_same(
    text: str, reading_many: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _outcome(text) == _tomllib_outcome(text, monkeypatch)


def test_a_command_reading_few_files_does_not_load_the_reader() -> None:
    """Its import costs ~1.5 ms and 4 MiB: a command that reads one process file stays
    with tomllib; the eighth file in one command loads it."""
    code = (
        "import sys\n"
        "from tyonohjaus_cli.storage.documents import FAST_FROM, parse_toml\n"
        "for n in range(FAST_FROM - 1):\n"
        "    parse_toml('schema = 1\\n', 'settings.toml')\n"
        "print('toml_rs' in sys.modules)\n"
        "parse_toml('schema = 1\\n', 'settings.toml')\n"
        "print('toml_rs' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert found == ["False", "True"]


def test_the_example_values_of_each_type() -> None:
    text = (
        "local = 2027-01-12T14:00:00\n"
        "offset = 2027-01-12T14:00:00+02:00\n"
        "utc = 2027-01-12T12:00:00Z\n"
        "micro = 2027-01-12T14:00:00.123456-03:30\n"
        "day = 2027-01-12\n"
        "clock = 14:00:00\n"
        "ratio = 0.1\n"
        "big = 9223372036854775807\n"
        'text = """\nrivi\n  äö€ 𝄞\n"""\n'
        "[[meetings]]\nn = 1\n[[meetings]]\nn = 2\n"
    )
    fast = _fast(text)
    assert _strict(fast) == _strict(tomllib.loads(text))
    assert fast["utc"].tzinfo is UTC
    assert fast["day"] == date(2027, 1, 12)
    assert fast["clock"] == time(14, 0)


def test_doctor_loads_the_reader_for_its_first_look_only(tmp_path: Path) -> None:
    from benchmarks.generate import NOW_TEXT, generate

    store = tmp_path / "store"
    generate(store, seed=7, clients=6, processes=25, meetings=240)
    code = (
        "import sys\n"
        "from tyonohjaus_cli.cli import main\n"
        "sys.argv = ['tyo', 'doctor']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('toml_rs' in sys.modules, file=sys.stderr)\n"
    )
    env = {"TYO_HOME": str(store), "TYO_NOW": NOW_TEXT, "TYO_LANG": "en", "PATH": "/usr/bin"}
    loaded = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stderr.split()[-1]
        for _ in range(2)
    ]
    assert loaded == ["True", "False"]  # nothing to parse again: no 4 MiB for the reader


def test_a_command_reading_many_files_keeps_their_json_copies(
    tmp_path: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy read back is what keeps the next month's view from parsing TOML at all, and
    so from loading toml-rs and its 4 MiB: copies are written whichever reader read."""
    from benchmarks.generate import NOW_TEXT, generate

    store = tmp_path / "store"
    monkeypatch.setenv("TYO_HOME", str(store))
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store, seed=5, clients=6, processes=30, meetings=300, years=8, invoice_months=6)
    first = tyo("billing", "2026-10", "--json")
    assert first.exit_code == 0, first.output
    copies = list((store / ".cache" / "processes").glob("*.json"))
    assert len(copies) > documents.FAST_FROM  # read by toml-rs, and kept as JSON

    def parse_toml(text: str, rel: str) -> dict[str, Any]:
        raise AssertionError(rel)  # a month's view again: nothing to parse

    monkeypatch.setattr("tyonohjaus_cli.storage.store.parse_toml", parse_toml)
    (store / ".cache" / "bills.json").unlink()  # the bills made again, of the copies
    (store / ".cache" / "earlier.json").unlink()
    assert tyo("billing", "2026-10", "--json").stdout == first.stdout


def _reader_options(environment: dict[str, str]) -> tuple[list[str], str]:
    """What toml-rs's allocator (mimalloc) says of its options when the reader is loaded
    for many files, and whether the setting is left in the environment after."""
    code = (
        "import os\n"
        "from tyonohjaus_cli.storage import documents\n"
        "documents.read_many()\n"
        "print(os.environ.get('MIMALLOC_ARENA_EAGER_COMMIT'))\n"
    )
    env = {"PATH": "/usr/bin", "MIMALLOC_VERBOSE": "1", **environment}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    said = [line.strip() for line in done.stderr.splitlines() if "'arena_eager_commit'" in line]
    return said, done.stdout.strip()


def test_the_reader_commits_memory_as_it_uses_it() -> None:
    """mimalloc, toml-rs's allocator, would commit its arenas up front (RSS ~4 MiB on
    loading and ~6 MiB more over 1,500 files, held to the end); told not to, while it
    loads, it takes what it uses (~1 MiB). The environment is left as it was."""
    assert _reader_options({}) == (["option 'arena_eager_commit': 0"], "None")


def test_a_setting_of_the_users_own_for_the_allocator_is_kept() -> None:
    found = _reader_options({"MIMALLOC_ARENA_EAGER_COMMIT": "1"})
    assert found == (["option 'arena_eager_commit': 1"], "1")
