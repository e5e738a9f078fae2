"""``tyo billing year YEAR`` kept whole (``usecases/kept_views.py``, given before Typer by
``cli/kept_answers.py``): the same bytes as drawn afresh, in both forms and languages;
drawn again the moment a client's, process's or invoice file, the settings or the expenses
change, and once the clock passes the start of a meeting still planned in the year (it then
counts as not yet logged); damaged, drawn again."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from benchmarks.generate import NOW, NOW_TEXT, generate

from tests.conftest import Tyo, run_alone
from tests.safety_helpers import hand_edit
from tyonohjaus_cli.cli import _parsed
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.storage.store import Store
from tyonohjaus_cli.usecases import kept_views

YEAR = ("--lang", "en", "billing", "year", "2026")


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.delenv("TYO_LANG", raising=False)
    generate(store_path, seed=7, clients=5, processes=14, meetings=140, years=3, invoice_months=8)
    return store_path


@pytest.fixture
def given(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each year's view asked for was given as kept (True) or drawn (False)."""
    seen: list[bool] = []
    kept_year_view = kept_views.kept_year_view

    def spy(*args: object, **kwargs: object) -> object:
        found = kept_year_view(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(found is not None)
        return found

    monkeypatch.setattr(kept_views, "kept_year_view", spy)
    return seen


def _shown(tyo: Tyo, *args: str) -> tuple[int, str, str]:
    result = tyo(*args)
    return result.exit_code, result.stdout, result.stderr


def _fresh(tyo: Tyo, root: Path, *args: str) -> tuple[int, str, str]:
    """What the view shows drawn from the store alone, the cache deleted."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return _shown(tyo, *args)


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("form", [(), ("--json",)], ids=["table", "json"])
def test_given_as_drawn(
    practice: Path, tyo: Tyo, given: list[bool], lang: str, form: tuple[str, ...]
) -> None:
    args = ("--lang", lang, "billing", "year", "2026", *form)
    drawn = _fresh(tyo, practice, *args)
    assert drawn[0] == 0
    assert "2026" in drawn[1]
    given.clear()
    assert _shown(tyo, *args) == drawn
    assert _shown(tyo, *args) == drawn
    assert given == [True, True]


def test_given_without_typer_in_a_process_of_its_own(practice: Path) -> None:
    environment = {**os.environ, "TYO_NOW": NOW_TEXT, "TYO_LANG": "en"}
    argv = ["--store", str(practice), "billing", "year", "2026"]
    first = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", *argv],
        capture_output=True,
        env=environment,
        check=True,
    )
    second = run_alone(argv, environment, "tyonohjaus_cli.usecases.turnover")
    assert second.stdout == first.stdout
    assert second.stderr == first.stderr + b"0 [] False\n"


def test_drawn_without_typer_when_not_kept(practice: Path) -> None:
    """Not kept, the year's view is drawn before Typer too, by the command's own drawing."""
    environment = {**os.environ, "TYO_NOW": NOW_TEXT, "TYO_LANG": "en"}
    argv = ["--store", str(practice), "billing", "year", "2026", "--json"]
    first = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", *argv],
        capture_output=True,
        env=environment,
        check=True,
    )
    shutil.rmtree(practice / ".cache" / "views")
    second = run_alone(argv, environment, "tyonohjaus_cli.usecases.turnover")
    assert second.stdout == first.stdout
    assert second.stderr == first.stderr + b"0 [] True\n"


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("form", [(), ("--json",)], ids=["table", "json"])
def test_drawn_before_typer_as_the_command_line_proper_draws_it(
    practice: Path, tyo: Tyo, lang: str, form: tuple[str, ...]
) -> None:
    args = ["--lang", lang, "billing", "year", "2026", *form]
    plain = _fresh(tyo, practice, *args)
    shutil.rmtree(practice / ".cache")
    session.store_option, session._store = None, None
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = _parsed(args)  # Typer's command tree, as for any other command
    session.store_option, session._store = None, None
    assert (code, out.getvalue(), err.getvalue()) == plain


def _held_in_2026(root: Path) -> tuple[Path, str]:
    """A process file and the text of a meeting of it held in 2026."""
    for path in sorted((root / "processes").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        at = text.find("start = 2026-")
        while at != -1:
            block = text[at : text.find("\n\n", at)]
            if 'status = "held"' in block and "minutes = " in block:
                return path, block
            at = text.find("start = 2026-", at + 1)
    raise AssertionError("no meeting held in 2026")


def test_a_change_to_any_file_it_is_made_of_draws_it_again(
    practice: Path, tyo: Tyo, given: list[bool]
) -> None:
    def touch(path: Path) -> None:
        stamp = path.stat().st_mtime_ns + 1_000_000_000
        os.utime(path, ns=(stamp, stamp))

    process, block = _held_in_2026(practice)
    client = next((practice / "clients").glob("*.toml"))
    invoice = next((practice / "invoices").glob("1*.json"))
    changes: list[Callable[[], object]] = [
        lambda: hand_edit(process, block, block.replace("minutes = ", "minutes = 1", 1)),
        lambda: touch(client),
        lambda: touch(invoice),
        lambda: touch(practice / "settings.toml"),
        lambda: hand_edit(practice / "settings.toml", 'rate = "', 'rate = "1'),
        lambda: tyo("client", "add", "uusi-asiakas", "--name", "Uusi Asiakas Oy"),
    ]
    before = _shown(tyo, *YEAR)
    for change in changes:
        change()
        given.clear()
        now = _shown(tyo, *YEAR)
        assert given == [False]
        assert _shown(tyo, *YEAR) == now
        assert given == [False, True]
        assert now == _fresh(tyo, practice, *YEAR)
    assert now != before  # the figures moved with the edits


def test_an_expense_added_shows_at_once(practice: Path, tyo: Tyo, given: list[bool]) -> None:
    process, _ = _held_in_2026(practice)
    before = _shown(tyo, *YEAR)
    added = tyo(
        "expense", "add", process.stem, "--date", "2026-05-05", "--amount", "1000",
        "--description", "Juna",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    given.clear()
    after = _shown(tyo, *YEAR)
    assert given == [False]
    assert after != before
    assert after == _fresh(tyo, practice, *YEAR)


def test_drawn_again_once_a_planned_meeting_of_the_year_starts(
    practice: Path, tyo: Tyo, given: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(practice)
    end = datetime.combine(datetime(2027, 1, 1).date(), time(), store.zone())
    planned = [
        item.start
        for item in store.agenda(NOW, end)
        if item.status is MeetingStatus.PLANNED and item.start >= NOW
    ]
    first = min(planned)
    kept = _shown(tyo, *YEAR)
    for up_to in (first - timedelta(minutes=1), first):  # not logged only once it began
        monkeypatch.setenv("TYO_NOW", up_to.strftime("%Y-%m-%d %H:%M"))
        given.clear()
        assert _shown(tyo, *YEAR) == kept
        assert given == [True]
    monkeypatch.setenv("TYO_NOW", (first + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M"))
    given.clear()
    started = _shown(tyo, *YEAR)
    assert given == [False]
    assert started == _fresh(tyo, practice, *YEAR)
    given.clear()
    assert _shown(tyo, *YEAR) == started
    assert given == [True]


def test_drawn_again_when_the_clock_is_set_back(
    practice: Path, tyo: Tyo, given: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view drawn late in the year counts the meetings planned before then as not yet
    logged; with the clock set back before them (TYO_NOW, a machine's clock corrected) it
    is drawn again, as the store alone gives it, not given as kept."""
    monkeypatch.setenv("TYO_NOW", "2026-12-31 09:00")
    late = _shown(tyo, *YEAR)
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    given.clear()
    earlier = _shown(tyo, *YEAR)
    assert given == [False]  # drawn again: the meetings planned between are ahead again
    assert earlier == _fresh(tyo, practice, *YEAR)
    assert late[0] == earlier[0] == 0


def test_a_damaged_kept_view_is_drawn_again(practice: Path, tyo: Tyo, given: list[bool]) -> None:
    drawn = _fresh(tyo, practice, *YEAR)
    [path] = sorted((practice / ".cache" / "views").glob("*.view"))
    head, _, body = path.read_bytes().partition(b"\n")
    for damage in (b"", b"[\n", head.replace(b"]", b',"x"]', 1) + b"\n" + body, head + b"\nx"):
        path.write_bytes(damage)
        given.clear()
        assert _shown(tyo, *YEAR) == drawn
        assert given == [False]


def test_an_error_is_said_by_the_command_line_proper(practice: Path, tyo: Tyo) -> None:
    for _ in range(2):
        code, _, said = _shown(tyo, "--lang", "en", "billing", "year", "1999")
        assert code == 2
        assert "1999 is not a year tyo bills" in said
    assert not (practice / ".cache" / "views").exists() or not any(
        (practice / ".cache" / "views").iterdir()
    )
