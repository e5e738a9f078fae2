"""Fuzzing: every parser of typed input, and hand-edited files with random damage.

A parser either returns a value or raises :class:`UsageError` (one line, exit 2); a
damaged store file makes a command fail with one line naming the file, exit 1 or 2, and
change nothing. Anything else — another exception, a traceback — is a bug.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Tyo
from tests.safety_helpers import add_process, plant_session_log, snapshot
from tyonohjaus_cli.cli import calendar, clients, params, setup
from tyonohjaus_cli.domain import cadence, parsing
from tyonohjaus_cli.errors import UsageError

HELSINKI = ZoneInfo("Europe/Helsinki")

PARSERS: dict[str, Callable[[str], Any]] = {
    "date": parsing.parse_date,
    "time": parsing.parse_time,
    "local_datetime": parsing.parse_local_datetime,
    "datetime": lambda text: parsing.parse_datetime(text, HELSINKI),
    "month": parsing.parse_month,
    "interval": parsing.parse_interval,
    "duration": parsing.parse_duration,
    "cadence": cadence.parse_cadence,
    "money": parsing.parse_money,
    "percent": parsing.parse_percent,
    "break": parsing.parse_break,
    "participant": parsing.parse_participant,
    "id": lambda text: parsing.parse_id(text, "client"),
    "email": parsing.parse_email,
    "name": parsing.parse_name,
}

# Text near the accepted forms finds more edges than random Unicode alone.
_PIECES = st.sampled_from(
    [
        "2027", "-", "01", "1", "12", "31", "29", "02", ".", ":", " ", "T", "klo", "kl.",
        "14", "00", "60", "24", "x", "w", "d", "h", "min", ",", "..", "€", "%", "e9", "nan",
        "inf", "-0", "0", "999999999", "<", ">", "@", "a", "Ä", "\u00a0", "\n", "١", "²",
    ]
)  # fmt: skip
NEAR_MISS = st.lists(_PIECES, max_size=8).map("".join)
ANY_TEXT = st.text(max_size=40)


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=150, deadline=None)
@given(text=st.one_of(ANY_TEXT, NEAR_MISS))
def test_a_parser_accepts_or_says_what_it_expected(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except UsageError as error:
        problem = error
    else:
        return
    assert problem.exit_code == 2
    assert "\n" not in problem.message.replace(repr(text), "")
    assert any(word in problem.message for word in ("expected", " id ", "meetings", "break"))


def test_every_parser_is_fuzzed() -> None:
    """A parser added to domain/parsing.py must join the fuzzing above."""
    parsers = {name.removeprefix("parse_") for name in dir(parsing) if name.startswith("parse_")}
    assert parsers <= set(PARSERS)


@pytest.mark.parametrize("suffix", [".toml", ".json"])
@settings(max_examples=150, deadline=None)
@given(
    text=st.one_of(
        ANY_TEXT, NEAR_MISS, st.sampled_from(["schema = 2", '{"schema": 0}', "[a]\nb = 1"])
    )
)
def test_store_documents_parse_or_name_the_file(suffix: str, text: str) -> None:
    from tyonohjaus_cli.errors import StoreFileError
    from tyonohjaus_cli.storage.inventory import parse_document

    rel = f"clients/x{suffix}"
    try:
        parse_document(rel, text)
    except StoreFileError as error:
        problem = error
    else:
        return
    assert problem.exit_code == 1
    assert problem.message.startswith(rel)


@pytest.mark.parametrize(
    "edge",
    [
        params.business_id,
        params.iban,
        params.count,
        params.money,
        params.local_datetime,
        clients._hours,
        clients._days,
        setup._minutes,
        setup._vat,
        setup._timezone,
        calendar.reminder,
    ],
    ids=[
        "business_id",
        "iban",
        "count",
        "money",
        "local_datetime",
        "hours",
        "days",
        "minutes",
        "vat",
        "timezone",
        "reminder",
    ],
)
@settings(max_examples=100, deadline=None)
@given(text=st.one_of(ANY_TEXT, NEAR_MISS))
def test_command_line_parsers_raise_only_bad_parameter(
    edge: Callable[[str], Any], text: str
) -> None:
    with contextlib.suppress(typer.BadParameter):
        edge(text)


# --- hand-edited files with random damage -------------------------------------------------------

READS = [
    ("client", "list"),
    ("client", "show", "pohde"),
    ("process", "list"),
    ("process", "show", "ryhma"),
    ("agenda", "--from", "2027-01-01", "--to", "2027-04-01"),
    ("history",),
    ("settings", "show"),
    ("notes", "ryhma"),
    ("summary", "ryhma", "--for", "participants"),
]
WRITES = [
    ("client", "edit", "pohde", "--discount", "10"),
    ("meeting", "add", "ryhma", "--at", "2027-06-01 10:00"),
    ("meeting", "cancel", "ryhma", "2", "--by", "supervisor"),
    ("undo",),
    ("forget", "--participant", "Aino Virtanen", "--yes"),
]
FILES = ["settings.toml", "clients/pohde.toml", "processes/ryhma.toml", "sessions/ryhma.json"]


def _damaged(original: bytes, draw: st.DataObject) -> bytes:
    kind = draw.draw(st.sampled_from(["truncate", "delete", "insert", "flip", "replace-value"]))
    size = len(original)
    at = draw.draw(st.integers(0, size))
    if kind == "truncate":
        return original[:at]
    if kind == "delete":
        return original[:at] + original[at + draw.draw(st.integers(1, 20)) :]
    if kind == "insert":
        junk = draw.draw(
            st.one_of(
                st.binary(min_size=1, max_size=8),
                st.sampled_from(
                    [b"[", b"]", b'"', b"=", b"\n", b"'''", b"schema = 2\n", b"\xff\xfe"]
                ),
            )
        )
        return original[:at] + junk + original[at:]
    if kind == "flip":
        if not size:
            return b"\x00"
        index = min(at, size - 1)
        return (
            original[:index]
            + bytes([original[index] ^ draw.draw(st.integers(1, 255))])
            + original[index + 1 :]
        )
    lines = original.split(b"\n")
    row = draw.draw(st.integers(0, max(0, len(lines) - 1)))
    key = lines[row].split(b"=")[0]
    value = draw.draw(
        st.sampled_from(
            [
                b'"text"',
                b"-1",
                b"true",
                b"[]",
                b"{}",
                b"2027-13-45",
                b'"2027-99-01T25:00:00"',
                b"1e400",
            ]
        )
    )
    lines[row] = key + b"= " + value if b"=" in lines[row] else lines[row] + b" = 1"
    return b"\n".join(lines)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with a client, a process and a session log, made once for all examples."""
    import os

    from tests.conftest import FROZEN_NOW, SUPERVISOR
    from tyonohjaus_cli.cli import _choose_language, run
    from tyonohjaus_cli.cli.context import session

    root = tmp_path_factory.mktemp("template") / "store"
    saved = {key: os.environ.get(key) for key in ("TYO_HOME", "TYO_NOW", "TZ")}
    os.environ |= {"TYO_HOME": str(root), "TYO_NOW": FROZEN_NOW, "TZ": "America/Los_Angeles"}
    try:

        def tyo(*args: str) -> Any:
            session.store_option = None
            session._store = None
            _choose_language(list(args))
            return type("R", (), {"exit_code": run(list(args)), "output": ""})()

        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            assert tyo(*SUPERVISOR).exit_code == 0
            assert tyo("client", "add", "pohde", "--name", "Pohde").exit_code == 0
            add_process(tyo, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>", "Bertta Berg")
            assert tyo("client", "edit", "pohde", "--contact", "Kalle").exit_code == 0
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        session.store_option = None
        session._store = None
    plant_session_log(root, "ryhma", "salainen", ("Aino Virtanen",))
    return root


@pytest.mark.parametrize("command", READS + WRITES, ids=" ".join)
def test_every_fuzzed_command_works_on_the_undamaged_store(
    tyo: Tyo, template: Path, store_path: Path, command: tuple[str, ...]
) -> None:
    shutil.copytree(template, store_path)
    result = tyo(*command)
    assert result.exit_code == 0, result.output


FAILED: list[int] = []


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_damaged_file_gives_one_clear_line_and_changes_nothing(
    tyo: Tyo, template: Path, store_path: Path, data: st.DataObject
) -> None:
    shutil.rmtree(store_path, ignore_errors=True)
    shutil.copytree(template, store_path)
    name = data.draw(st.sampled_from(FILES))
    path = store_path / name
    damaged = _damaged(path.read_bytes(), data)
    path.write_bytes(damaged)
    command = data.draw(st.sampled_from(READS + WRITES))
    before = snapshot(store_path)
    result = tyo(*command)
    assert "Traceback" not in result.output
    FAILED.append(result.exit_code)
    if result.exit_code == 0:
        return  # the damage left a valid file (e.g. another name): the command may work
    assert result.exit_code in (1, 2), result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(("tyo: ", "tyo ")), result.stderr
    assert snapshot(store_path) == before
    checked = tyo("doctor")  # a report, not one line: it names every problem
    assert "Traceback" not in checked.output
    if result.exit_code == 1 and command != ("undo",):
        # A store error from a damaged file: doctor finds it too. (Undo refuses because
        # the file changed since, which is no damage; exit 2 may be a valid file that
        # lost, say, meeting 2.)
        assert checked.exit_code == 1, (result.stderr, checked.output)


def test_the_damage_made_commands_fail() -> None:
    """The fuzzing above proves something only if much of the damage was noticed."""
    assert FAILED, "runs after the fuzzing test above, which records what it ran"
    failed = sum(code != 0 for code in FAILED)
    print(f"\ndamaged-store runs: {len(FAILED)}, failed cleanly: {failed}")
    assert failed >= len(FAILED) // 5, (failed, len(FAILED))
