"""The real ``tyo`` entry point in subprocesses: installation, and twenty writers at once."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

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
