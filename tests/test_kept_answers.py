"""``tyo billing MONTH`` given as kept before Typer is imported (cli/kept_answers.py,
``.cache/views/``): the same bytes on stdout and stderr as the command line proper draws,
in every form and language; given only while the kept bills and loose ends it was drawn
from still hold, so a hand edit shows at once; damaged, it is drawn again; anything but a
month's view goes to the command line proper."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests.conftest import Tyo, run_alone
from tests.safety_helpers import hand_edit
from tyonohjaus_cli.cli import _parsed, kept_answers, run
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.kept_answers import _asked
from tyonohjaus_cli.storage.kept_views import _VERSION as VERSION
from tyonohjaus_cli.usecases import kept_views

FORMS = ((), ("--json",), ("--csv",))


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.delenv("TYO_LANG", raising=False)
    generate(store_path, seed=7, clients=5, processes=14, meetings=140, years=3, invoice_months=8)
    return store_path


@pytest.fixture
def given(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each month's view asked for was given as kept (True) or drawn (False)."""
    seen: list[bool] = []
    kept_view = kept_views.kept_view

    def spy(*args: object, **kwargs: object) -> object:
        found = kept_view(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(found is not None)
        return found

    monkeypatch.setattr(kept_views, "kept_view", spy)
    return seen


def _views(root: Path) -> list[Path]:
    return sorted((root / ".cache" / "views").glob("*.view"))


def test_given_as_drawn_in_every_form_language_and_month(
    practice: Path, tyo: Tyo, given: list[bool]
) -> None:
    """2026-11 has meetings past and not logged: warnings on stderr, loose ends after."""
    for month, more in (
        ("2026-11", ()),
        ("2026-10", ()),
        ("10/2026", ("--client", "unila-koulu-001")),
    ):
        for lang in ("en", "fi"):
            for form in FORMS:
                args = ("--lang", lang, "billing", month, *more, *form)
                given.clear()
                drawn = tyo(*args)
                assert drawn.exit_code == 0, drawn.output
                again = tyo(*args)
                assert given == [False, True]
                assert (again.exit_code, again.stdout, again.stderr) == (
                    0,
                    drawn.stdout,
                    drawn.stderr,
                )
    assert "warning:" in tyo("--lang", "en", "billing", "2026-11").stderr


def test_given_without_typer_in_a_process_of_its_own(practice: Path) -> None:
    """What the saving is: a kept month's view imports neither Typer nor the billing domain."""
    environment = {**os.environ, "TYO_NOW": NOW_TEXT, "TYO_LANG": "en"}
    argv = ["--store", str(practice), "billing", "2026-11"]
    first = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", *argv],
        capture_output=True,
        env=environment,
        check=True,
    )
    second = run_alone(argv, environment, "tyonohjaus_cli.domain.billing")
    assert second.stdout == first.stdout
    assert second.stderr == first.stderr + b"0 [] False\n"


def test_drawn_without_typer_when_not_kept(practice: Path) -> None:
    """Not kept (a first run, or after a change), the month's view is drawn before Typer
    too, by the command's own drawing, and kept."""
    environment = {**os.environ, "TYO_NOW": NOW_TEXT, "TYO_LANG": "en"}
    argv = ["--store", str(practice), "billing", "2026-11", "--json"]
    first = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", *argv],
        capture_output=True,
        env=environment,
        check=True,
    )
    shutil.rmtree(practice / ".cache")
    second = run_alone(argv, environment, "tyonohjaus_cli.domain.billing")
    assert second.stdout == first.stdout
    assert second.stderr == first.stderr + b"0 [] True\n"
    assert _views(practice)


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("form", FORMS, ids=["table", "json", "csv"])
def test_drawn_before_typer_as_the_command_line_proper_draws_it(
    practice: Path, tyo: Tyo, lang: str, form: tuple[str, ...]
) -> None:
    """2026-11 has meetings past and not logged (warnings on stderr) and loose ends."""
    for month, more in (("2026-11", ()), ("10/2026", ("--client", "unila-koulu-001"))):
        args = ["--lang", lang, "billing", month, *more, *form]
        shutil.rmtree(practice / ".cache", ignore_errors=True)
        early = tyo(*args)  # drawn before Typer, the store's caches made afresh
        assert early.exit_code == 0, early.output
        shutil.rmtree(practice / ".cache")
        session.store_option, session._store = None, None
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _parsed(args)  # Typer's command tree, as for any other command
        session.store_option, session._store = None, None
        assert (code, out.getvalue(), err.getvalue()) == (0, early.stdout, early.stderr)


def test_a_hand_edit_to_a_month_shows_at_once(practice: Path, tyo: Tyo, given: list[bool]) -> None:
    args = ("--lang", "en", "billing", "2026-11")  # not yet invoiced: the meetings bill
    kept = tyo(*args).stdout
    assert tyo(*args).stdout == kept
    held = re.compile(r'start = 2026-11-\d\d \d\d:\d\d:\d\d\nminutes = \d+\nstatus = "held"')
    process, found = next(
        (path, found)
        for path in sorted((practice / "processes").glob("*.toml"))
        if (found := held.search(path.read_text(encoding="utf-8")))
    )
    hand_edit(process, found[0], found[0].replace("minutes = ", "minutes = 1"))
    given.clear()
    edited = tyo(*args).stdout
    assert tyo(*args).stdout == edited
    assert given == [False, True]  # drawn anew once, and kept anew
    assert edited != kept
    shutil.rmtree(practice / ".cache")
    assert tyo(*args).stdout == edited
    hand_edit(practice / "settings.toml", 'rate = "', 'rate = "1')
    assert tyo(*args).stdout != edited


def test_a_damaged_kept_view_is_drawn_again(practice: Path, tyo: Tyo, given: list[bool]) -> None:
    args = ("--lang", "en", "billing", "2026-11")
    drawn = tyo(*args)
    [path] = _views(practice)
    whole = path.read_bytes()
    head, _, body = whole.partition(b"\n")
    damages = [
        b"",
        b"{[\n",
        head + b"\n" + body[:-1],  # a piece shorter than its head says
        head + b"\n" + body + b"x",
        head.replace(b'"out"', b'"elsewhere"', 1) + b"\n" + body,
        head + b"\n" + body[:10] + b"\xff" + body[11:],
        head.replace(f"[{VERSION},".encode(), f"[{VERSION + 1},".encode(), 1) + b"\n" + body,
    ]
    for damage in damages:
        path.write_bytes(damage)
        given.clear()
        again = tyo(*args)
        assert given == [False]
        assert (again.exit_code, again.stdout, again.stderr) == (0, drawn.stdout, drawn.stderr)
    path.unlink()
    path.mkdir()  # not a file at all: drawn, and nothing can be kept there
    again = tyo(*args)
    assert (again.exit_code, again.stdout) == (0, drawn.stdout)


def test_an_error_is_said_by_the_command_line_proper(practice: Path, tyo: Tyo) -> None:
    for args, code, said in (
        (("billing", "--json", "year", "2026"), 2, "'year' is not a month"),
        (("billing", "2026-10\x1c"), 2, "control character"),
        (("billing", "2026-13"), 2, "'2026-13' is not a month"),
        (("billing", "2026-10", "--client", "nobody"), 2, "unknown client 'nobody'"),
    ):
        for _ in range(2):
            result = tyo("--lang", "en", *args)
            assert result.exit_code == code
            assert said in result.stderr
    assert _views(practice) == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_nothing_is_kept_or_given(practice: Path, tyo: Tyo) -> None:
    """Rich draws the tables for the terminal's width and colours: drawn every time."""
    args = ["--store", str(practice), "--lang", "en", "billing", "2026-10"]
    assert tyo(*args).exit_code == 0
    assert _views(practice)
    shutil.rmtree(practice / ".cache" / "views")
    terminal = _Terminal()
    with contextlib.redirect_stdout(terminal), contextlib.redirect_stderr(io.StringIO()):
        assert kept_answers.answer(args) is None
        assert run(args) == 0
    assert "(sepitela-koulu-005), 2026-10" in terminal.getvalue()
    assert _views(practice) == []  # nothing was kept to give
    piped = io.StringIO()
    with contextlib.redirect_stdout(piped), contextlib.redirect_stderr(io.StringIO()):
        assert kept_answers.answer(args) == 0  # to a pipe: drawn before Typer, and kept
    assert "(sepitela-koulu-005), 2026-10" in piped.getvalue()
    assert _views(practice)


@pytest.mark.parametrize(
    "args",
    [
        ["agenda"],
        ["billing", "--help"],
        ["billing", "-h"],
        ["billing", "2026-10", "2026-11"],
        ["billing", "year"],
        ["billing", "year", "2026", "2027"],
        ["billing", "year", "1999"],
        ["billing", "year", "2101"],
        ["billing", "year", "02026"],
        ["billing", "year", "+2026"],
        ["billing", "year", "２０２６"],
        ["billing", "year", "2026", "--csv"],
        ["billing", "year", "2026", "--client", "pohde"],
        ["billing", "year", "--help"],
        ["billing", "2026", "year"],
        ["billing", "--json", "year", "2026"],  # `--json` of the month's view: `year` no month
        ["billing", "2026-10\x1c"],  # str.strip() would take it away: refused instead
        ["billing", "year", "2026\x85"],
        ["billing", "2026-10", "--client"],
        ["billing", "2026-10", "--client="],
        ["billing", "2026-10", "--client", "a", "--client", "b"],
        ["billing", "--json", "--json"],
        ["billing", "--", "2026-10"],
        ["billing", "--unknown"],
        ["--store", "billing"],
        ["--store=", "billing"],
        ["--lang", "sv", "billing"],
        ["--version", "billing"],
        ["client", "billing"],
        ["expense", "list", "billing"],
    ],
)
def test_what_the_command_line_proper_answers(args: list[str]) -> None:
    assert _asked(args) is None


@pytest.mark.parametrize(
    ("args", "asked"),
    [
        (["billing"], (None, None, None, "table", None)),
        (["billing", "2026-10"], (None, "2026-10", None, "table", None)),
        (["--store", "s", "billing", "10/2026", "--csv"], ("s", "10/2026", None, "csv", None)),
        (
            ["--lang=fi", "billing", "--client=pohde", "2026-10"],
            (None, "2026-10", "pohde", "table", None),
        ),
        (["--store=s", "--lang", "en", "billing", "--json"], ("s", None, None, "json", None)),
        (["billing", "2026-10", "--json", "--csv"], (None, "2026-10", None, "csv", None)),
        (["billing", "year", "2026"], (None, None, None, "table", 2026)),
        (["--store", "s", "billing", "year", "2100", "--json"], ("s", None, None, "json", 2100)),
        (["--lang", "en", "billing", "year", "--json", "2000"], (None, None, None, "json", 2000)),
    ],
)
def test_what_a_kept_answer_is_asked_for(args: list[str], asked: tuple[object, ...]) -> None:
    assert _asked(args) == asked


def test_only_the_newest_views_are_kept(
    practice: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.storage import kept_views as storage

    monkeypatch.setattr(storage, "KEPT_VIEWS", 4)
    months = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    for month in months:
        assert tyo("--lang", "en", "billing", month).exit_code == 0
    names = {path.read_bytes().partition(b",")[2].partition(b",")[0] for path in _views(practice)}
    assert names == {f'"billing {month}  table en"'.encode() for month in months[-4:]}


def test_interrupted_it_says_so_in_one_line(
    practice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a view is drawn before Typer: one line and exit 130, as the command
    line proper says it, never a traceback."""
    from tyonohjaus_cli.cli import month_view

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(month_view, "draw", interrupted)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = run(["--store", str(practice), "--lang", "en", "billing"])
    assert code == 130
    assert err.getvalue() == "tyo: aborted; nothing was changed\n"
