"""The real ``tyo`` entry point in subprocesses: installation, and twenty writers at once."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from tests.conftest import SUPERVISOR

TYO = [sys.executable, "-m", "tyonohjaus_cli"]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*TYO, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_module_entry_point_runs(store_path: Path) -> None:
    env = dict(os.environ)
    version = _run("--version", env=env)
    assert version.returncode == 0
    assert version.stdout.startswith("tyo ")
    missing = _run("agenda", env=env)
    assert missing.returncode == 1
    assert missing.stderr.startswith("tyo: no tyo store at")


def test_twenty_concurrent_client_adds_leave_twenty_clients(store_path: Path) -> None:
    env = dict(os.environ)
    assert _run(*SUPERVISOR, env=env).returncode == 0
    writers = [
        subprocess.Popen(
            [*TYO, "client", "add", f"asiakas-{n:02d}", "--name", f"Asiakas {n}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    results = [
        (writer.wait(timeout=120), writer.stderr.read() if writer.stderr else "")
        for writer in writers
    ]
    for writer in writers:
        for stream in (writer.stdout, writer.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in results] == [0] * 20, results
    files = sorted((store_path / "clients").glob("*.toml"))
    assert [path.stem for path in files] == [f"asiakas-{n:02d}" for n in range(20)]
    for path in files:
        assert tomllib.loads(path.read_text())["schema"] == 1
    history = sorted((store_path / "history").glob("*.json"))
    assert len(history) == 21  # init and twenty adds, each its own change
    listed = _run("client", "list", "--csv", env=env)
    assert len(listed.stdout.splitlines()) == 21


def _as_main(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``tyo ARGS`` through :func:`main`, which leaves by ``sys.exit`` (the interpreter's
    own teardown)."""
    code = "from tyonohjaus_cli.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_leaves_without_the_teardown_as_main_would(tmp_path: Path) -> None:
    """``tyo`` (and ``python -m tyonohjaus_cli``) leave by ``os._exit`` once the output is
    flushed: the same output to a pipe, the same errors and exit codes as :func:`main`."""
    from benchmarks.generate import NOW_TEXT, generate

    store = tmp_path / "store"
    generate(store, seed=7, clients=6, processes=25, meetings=240)
    env = {**os.environ, "TYO_HOME": str(store), "TYO_NOW": NOW_TEXT, "TYO_LANG": "en"}
    target = tmp_path / "backup.tar.gz"
    for args in (
        ("process", "list"),
        ("billing", "2026-10", "--json"),
        ("process", "show", "nobody"),
        ("agenda", "--no-such-option"),
        ("--help",),
        ("export", "--all", "-o", str(target)),
    ):
        target.unlink(missing_ok=True)
        expected, got = _as_main(*args, env=env), _run(*args, env=env)
        assert (got.returncode, got.stdout, got.stderr) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        ), args
        assert expected.stdout or expected.stderr
    with tarfile.open(target) as archive:
        assert "settings.toml" in archive.getnames()


def test_the_installed_command_is_the_one_that_leaves_early() -> None:
    scripts = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert scripts["project"]["scripts"]["tyo"] == "tyonohjaus_cli.cli:console"
    main = (Path(__file__).parent.parent / "src/tyonohjaus_cli/__main__.py").read_text()
    assert "console()" in main


class _Stream:
    def __init__(self, fails: bool = False) -> None:
        self.flushed = 0
        self.closed = False
        self.fails = fails

    def flush(self) -> None:
        if self.fails:
            raise BrokenPipeError(32, "Broken pipe")
        self.flushed += 1


def _leaving(monkeypatch: pytest.MonkeyPatch, code: object) -> list[int]:
    from tyonohjaus_cli import cli

    def main() -> None:
        raise SystemExit(code)

    left: list[int] = []

    def leave(status: int) -> None:
        left.append(status)
        raise RuntimeError("left")

    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(os, "_exit", leave)
    return left


@pytest.mark.parametrize(("code", "status"), [(0, 0), (1, 1), (2, 2), (130, 130), (None, 0)])
def test_the_output_is_flushed_before_the_process_leaves(
    monkeypatch: pytest.MonkeyPatch, code: int | None, status: int
) -> None:
    from tyonohjaus_cli import cli

    out, err = _Stream(), _Stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    left = _leaving(monkeypatch, code)
    with pytest.raises(RuntimeError, match="left"):
        cli.console()
    assert left == [status]
    assert (out.flushed, err.flushed) == (1, 1)


def test_output_that_cannot_be_flushed_leaves_the_usual_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader gone (``tyo process list | head -1``): the interpreter's own exit says what
    it always said of that."""
    from tyonohjaus_cli import cli

    monkeypatch.setattr(sys, "stdout", _Stream(fails=True))
    left = _leaving(monkeypatch, 0)
    with pytest.raises(SystemExit) as leaving:
        cli.console()
    assert leaving.value.code == 0
    assert left == []


def test_an_exit_that_is_not_a_number_leaves_the_usual_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tyonohjaus_cli import cli

    left = _leaving(monkeypatch, "tyo: said on the way out")
    with pytest.raises(SystemExit) as leaving:
        cli.console()
    assert leaving.value.code == "tyo: said on the way out"
    assert left == []
