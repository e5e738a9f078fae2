"""The test bench: a private store per test, a frozen clock, a foreign timezone.

``tyo(...)`` runs the real command line in-process (exit code, stdout and stderr as a user
sees them). The machine's ``TZ`` is set far from Helsinki so that a naive time anywhere
would show up as a wrong hour.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tyonohjaus_cli.cli import _choose_language, run
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.i18n import set_language
from tyonohjaus_cli.storage import documents

FROZEN_NOW = "2027-01-04 09:00"
FOREIGN_TZ = "America/Los_Angeles"


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


Tyo = Callable[..., Result]


@pytest.fixture(autouse=True)
def _foreign_timezone() -> Iterator[None]:
    """The process's own local time is Los Angeles, not only its subprocesses'.

    Setting ``TZ`` changes nothing for this process until ``time.tzset()`` reads it again, so
    a naive ``datetime.now()`` or ``astimezone()`` in tyo would otherwise go unnoticed here.
    """
    saved = os.environ.get("TZ")
    os.environ["TZ"] = FOREIGN_TZ
    time.tzset()
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TYO_HOME", str(tmp_path / "store"))
    monkeypatch.setenv("TYO_NOW", FROZEN_NOW)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TYO_LOCK_TIMEOUT", "30")
    for name in ("TYO_LANG", "LC_ALL", "LC_MESSAGES", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    set_language("en")  # a test that ran tyo with --lang fi leaves no Finnish behind


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def tyo() -> Iterator[Tyo]:
    def invoke(*args: str, stdin: str = "") -> Result:
        session.store_option = None
        session.reset()
        documents._parsed = 0  # a new command counts the TOML files it parses afresh
        out, err = io.StringIO(), io.StringIO()
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            _stdin(stdin),
        ):
            _choose_language(list(args))
            code = run(list(args))
        return Result(code, out.getvalue(), err.getvalue())

    yield invoke
    session.store_option = None
    session.reset()


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


SUPERVISOR = (
    "init",
    "--name",
    "Maija Mallikas",
    "--email",
    "maija@example.fi",
    "--business-id",
    "1234567-1",
    "--iban",
    "FI21 1234 5600 0007 85",
    "--bic",
    "NDEAFIHH",
    "--address",
    "Esimerkkitie 1\\n90100 Oulu",
    "--rate",
    "95",
)


@pytest.fixture
def initialised(tyo: Tyo) -> Tyo:
    """A store with a supervisor and one client, ``pohde``."""
    assert tyo(*SUPERVISOR).exit_code == 0
    result = tyo(
        "client",
        "add",
        "pohde",
        "--name",
        "Pohjoisen hyvinvointialue",
        "--business-id",
        "7654321-2",
        "--address",
        "PL 10\\n90029 Oulu",
        "--public",
        "--payment-days",
        "21",
    )
    assert result.exit_code == 0, result.output
    return tyo


@pytest.fixture(scope="session", autouse=True)
def commands_in_english() -> None:
    """Every command module imported in English before any test runs.

    A command's help is translated when its module is first imported. Were a test's
    ``--lang fi`` run in this process the first to import one, every later test would read
    its help in Finnish (tests/test_i18n.py, tests/test_command_reference.py), so the
    result would depend on which tests ran first. Finnish help is checked in subprocesses
    (tests/test_help_text.py), where Finnish comes first."""
    from typer.main import get_command

    from tyonohjaus_cli.cli.app import app
    from tyonohjaus_cli.cli.lazy import LazyGroup

    set_language("en")  # a session fixture comes before the per-test one that says so
    root = get_command(app)
    assert isinstance(root, LazyGroup)
    for name in LazyGroup.entries:
        command = root.load(name)
        if isinstance(command, LazyGroup):
            for sub in command.entries:
                command.load(sub)


def run_alone(argv: list[str], env: dict[str, str], *modules: str) -> CompletedProcess[bytes]:
    """``cli.run(argv)`` in a Python of its own. After what it printed, its stderr ends in a
    line of its exit code, which of Typer and Rich it imported (``[]``: neither) and whether
    it imported each of ``modules``: ``0 [] False``."""
    code = (
        "import sys\n"
        "from tyonohjaus_cli.cli import run\n"
        f"code = run({argv!r})\n"
        "sys.stdout.flush()\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich'}),"
        f" *[m in sys.modules for m in {list(modules)!r}], file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
