"""``tyo ics PROCESS`` and ``tyo ics --every-process`` in their plain words, answered before
Typer (``cli/plain_ics.py``): the same bytes, files, messages and exit codes as the command
line proper gives, without Typer; anything else goes to the command line proper."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from tests.conftest import Result, Tyo, run_alone
from tests.test_calendar_cli import PROCESS
from tyonohjaus_cli.cli import _parsed, plain_ics
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.plain_ics import _Asked, _asked


@pytest.fixture
def practice(initialised: Tyo) -> Tyo:
    result = initialised(*PROCESS)
    assert result.exit_code == 0, result.output
    return initialised


def _proper(*args: str) -> Result:
    """What the command line proper (Typer's command tree) gives for ``args``."""
    session.store_option = None
    session.reset()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = _parsed(list(args))
    session.store_option = None
    session.reset()
    return Result(code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize(
    "words",
    [
        ("ics", "hoitajat-2027"),
        ("--lang", "fi", "ics", "hoitajat-2027"),
        ("ics", "--every-process"),
        ("--lang=en", "ics", "--every-process"),
    ],
)
def test_the_same_calendar_as_the_command_line_proper(
    practice: Tyo, words: tuple[str, ...]
) -> None:
    given = practice(*words)  # cli.run: answered before Typer
    assert given.exit_code == 0
    assert given.stdout.startswith("BEGIN:VCALENDAR")
    assert _proper(*words) == given
    assert practice(*words) == given  # again, as kept


@pytest.mark.parametrize("target", ["hoitajat-2027", "--every-process"])
@pytest.mark.parametrize("option", ["-o", "--output", "--output="])
def test_the_same_file_and_message(practice: Tyo, tmp_path: Path, target: str, option: str) -> None:
    given_file, proper_file = tmp_path / "given.ics", tmp_path / "proper.ics"

    def out(path: Path) -> tuple[str, ...]:
        return (f"{option}{path}",) if option.endswith("=") else (option, str(path))

    given = practice("ics", target, *out(given_file))
    proper = _proper("ics", target, *out(proper_file))
    assert given.exit_code == proper.exit_code == 0
    assert given.stdout == proper.stdout.replace("proper.ics", "given.ics")
    assert "Wrote 10 meetings to" in given.stdout
    assert given_file.read_bytes() == proper_file.read_bytes()
    assert oct(given_file.stat().st_mode & 0o777) == "0o600"


def test_answered_without_typer_in_a_process_of_its_own(practice: Tyo, tmp_path: Path) -> None:
    environment = {**os.environ, "TYO_LANG": "en"}
    for argv in (["ics", "hoitajat-2027"], ["ics", "--every-process", "-o", str(tmp_path / "a")]):
        done = run_alone(argv, environment)
        assert done.stderr == b"0 []\n"
        assert done.stdout.startswith(b"BEGIN:VCALENDAR" if len(argv) == 2 else b"Wrote 10")


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        (["ics", "p"], _Asked(None, "p", None)),
        (["--store", "s", "ics", "p"], _Asked("s", "p", None)),
        (["--store=s", "--lang", "en", "ics", "-o", "f", "p"], _Asked("s", "p", Path("f"))),
        (["ics", "--every-process", "--output=f"], _Asked(None, None, Path("f"))),
        (["ics", "-o", "f", "--every-process"], _Asked(None, None, Path("f"))),
    ],
)
def test_plain_words_read(words: list[str], asked: _Asked) -> None:
    assert _asked(words) == asked


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["ics"],
        ["ics", "--help"],
        ["--help", "ics", "p"],
        ["--version", "ics", "p"],
        ["ics", "p", "--alarm", "15"],
        ["ics", "p", "--meeting", "3"],
        ["ics", "p", "--pseudonymise"],
        ["ics", "--every-process", "--participants"],
        ["ics", "--every-process", "--vdir", "d"],
        ["ics", "--every-process", "p"],
        ["ics", "p", "--every-process"],
        ["ics", "p", "q"],
        ["ics", "p", "-o", "-"],
        ["ics", "p", "-o"],
        ["ics", "p", "-o", ""],
        ["ics", "p", "-o", " "],
        ["ics", "p", "-ofile"],
        ["ics", "p", "-o", "a", "--output", "b"],
        ["ics", "p", "--store", "s"],
        ["--store", "a", "--store", "b", "ics", "p"],
        ["--store", "ics", "p"],
        ["--store", "--lang", "ics", "p"],
        ["--lang", "de", "ics", "p"],
        ["process", "ics", "p"],
        ["ics", "p\x1b[2J"],
        ["ics", "p", "-o", "f\x07"],
    ],
)
def test_anything_else_goes_to_the_command_line_proper(words: list[str]) -> None:
    assert _asked(words) is None


def test_shell_completion_goes_to_the_command_line_proper(
    practice: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("_TYO_COMPLETE", "complete_bash")
    assert plain_ics.answer(["ics", "hoitajat-2027"]) is None


@pytest.mark.parametrize(
    "words",
    [
        ("ics", "nobody-2027"),
        ("ics", "Not An Id"),
        ("ics", "hoitajat-2027", "-o", "{store}/calendar.ics"),
        ("ics", "--every-process", "-o", "{store}/processes/all.ics"),
        ("ics", "hoitajat-2027", "-o", "{missing}/calendar.ics"),
    ],
)
def test_mistakes_said_by_the_command_line_proper(
    practice: Tyo, tmp_path: Path, words: tuple[str, ...]
) -> None:
    store = os.environ["TYO_HOME"]
    argv = [word.format(store=store, missing=tmp_path / "missing") for word in words]
    before = sorted(path.name for path in Path(store).rglob("*") if ".cache" not in path.parts)
    assert plain_ics.answer(argv) is None  # nothing said or written here
    given = practice(*argv)
    assert given.exit_code == 2
    assert given == _proper(*argv)
    assert given.stderr.count("\n") == 1
    after = sorted(path.name for path in Path(store).rglob("*") if ".cache" not in path.parts)
    assert after == before


def test_before_init_said_by_the_command_line_proper(tyo: Tyo) -> None:
    assert plain_ics.answer(["ics", "--every-process"]) is None
    given = tyo("ics", "--every-process")
    assert given.exit_code == 1
    assert given == _proper("ics", "--every-process")
    assert "tyo init" in given.stderr


def test_a_proposal_said_by_the_command_line_proper(initialised: Tyo) -> None:
    assert initialised(*PROCESS, "--proposal").exit_code == 0
    given = initialised("ics", "hoitajat-2027")
    assert given.exit_code == 2
    assert given == _proper("ics", "hoitajat-2027")


def test_a_short_option_with_an_equals_sign_is_the_command_line_propers(
    practice: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """To Click, ``-o=cal.ics`` names the file ``=cal.ics``: the early answer leaves it to
    the command line proper rather than write ``cal.ics``, a file not named."""
    monkeypatch.chdir(tmp_path)
    assert _asked(["ics", "hoitajat-2027", "-o=cal.ics"]) is None
    given = practice("ics", "hoitajat-2027", "-o=cal.ics")
    assert given.exit_code == 0
    assert "=cal.ics" in given.stdout
    assert (tmp_path / "=cal.ics").is_file()
    assert not (tmp_path / "cal.ics").exists()
