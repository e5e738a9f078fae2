"""`tyo import` and `tyo forget` killed at random moments on a slow disk; FIFOs as store files.

Reproductions: a killed import left 10–18 of 24 files and no ``settings.toml``, and a retry
refused ("not empty"); a killed forget left an orphan session log that doctor called
unfixable; a FIFO as a store file hung every command. The runs use the harness of
test_safety_faults.py (tests/slow_disk.py: every fsync 15 ms slower, so that a kill often
lands in the middle of the writes).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import SECRET, add_process, plant_session_log, snapshot
from tests.test_safety_faults import ROOT, SEED, _environment
from tyonohjaus_cli.storage import doctor, journal
from tyonohjaus_cli.storage.store import Store

RUNNER = [sys.executable, str(ROOT / "tests" / "slow_disk.py")]
ROUNDS = 12
MOST_ROUNDS = 40
"""On a busy machine kills land before the writes more often: the runs go on (up to
this many) until enough were cut in the middle."""


def _killed(args: list[str], env: dict[str, str], after: float) -> bool:
    """Run ``args`` on the slow disk; SIGKILL it after ``after`` seconds. Was it killed?"""
    child = subprocess.Popen(
        RUNNER + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _, err = child.communicate(timeout=after)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.communicate()
        return True
    assert b"Traceback" not in err, err
    return False


def _duration(args: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    done = subprocess.run(RUNNER + args, env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


@pytest.fixture
def practice(initialised: Tyo, store_path: Path) -> Tyo:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>", "Bertta Berg")
    add_process(initialised, "toinen", "pohde", "Veera Vainio")
    plant_session_log(store_path, "ryhma", SECRET, ("Aino Virtanen",))
    for n in range(3):
        assert initialised("client", "edit", "pohde", "--contact", f"Yhteys {n}").exit_code == 0
    return initialised


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_import_leaves_the_target_as_it_was_and_a_retry_works(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    rng = random.Random(SEED)  # noqa: S311 - reproducible timing, not secrecy
    backup = tmp_path / "backup.tar.gz"
    assert practice("export", "--all", "-o", str(backup)).exit_code == 0
    original = snapshot(store_path)
    place = tmp_path / "place"
    place.mkdir()
    target = place / "restored"
    env = _environment(target)
    duration = _duration(["import", str(backup)], env)
    shutil.rmtree(target)
    cut = rounds = 0
    while rounds < ROUNDS or (cut < 3 and rounds < MOST_ROUNDS):
        n, rounds = rounds, rounds + 1
        empty_store = n % 2 == 1  # an empty store folder, as `tyo` before `init` leaves
        if empty_store and not target.exists():
            target.mkdir(mode=0o700)
            (target / ".lock").touch()
        before = snapshot(target) if target.exists() else None
        started = time.monotonic()
        killed = _killed(["import", str(backup)], env, rng.uniform(0.2, 1.0) * duration)
        if not killed:  # learn how long an import takes now (the machine may be busy)
            duration = 0.5 * duration + 0.5 * (time.monotonic() - started)
        if target.exists() and snapshot(target) == original:
            shutil.rmtree(target)  # restored whole (before or after the kill): next round
            continue
        assert killed
        # Not restored: the target is exactly as it was, and the staging folder (if the kill
        # left one) is beside it, private, for the next import to clear.
        assert (snapshot(target) if target.exists() else None) == before
        leftovers = [p for p in place.iterdir() if p.name != "restored"]
        cut += bool(leftovers)
        for folder in leftovers:
            assert oct(folder.stat().st_mode & 0o777) == "0o700"
    print(f"\n{rounds} imports killed at random, {cut} in the middle of writing (seed {SEED})")
    assert cut >= 3
    done = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", "import", str(backup)],
        env=env,
        capture_output=True,
        check=False,
    )
    if target.exists() and snapshot(target) == original and done.returncode == 2:
        pass  # the last round had restored it
    else:
        assert done.returncode == 0, done.stderr
    assert snapshot(target) == original
    assert sorted(p.name for p in place.iterdir()) == ["restored"]  # no staging left


def _consistent(root: Path) -> str:
    """Recover as the next command would; the store is whole: before or after forget."""
    checkup = doctor.examine(root)
    for problem in checkup.problems:
        # Before recovery, what an interrupted forget left is fixable by rolling it back.
        assert problem.fixable, problem
    Store(root).recover_if_needed()
    problems = [p for p in doctor.examine(root).problems if p.kind not in ("temp", "lock")]
    assert not problems, problems
    there = [
        (root / rel).exists()
        for rel in ("clients/pohde.toml", "processes/ryhma.toml", "sessions/ryhma.json")
    ]
    assert there in ([True] * 3, [False] * 3), there
    if there[0]:
        return "before"
    for folder, _, names in os.walk(root):
        for name in names:
            data = (Path(folder) / name).read_bytes()
            assert SECRET.encode() not in data, Path(folder) / name
            assert b"Aino Virtanen" not in data, Path(folder) / name
    return "after"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_forget_is_rolled_back_or_done_never_half(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    rng = random.Random(SEED + 1)  # noqa: S311 - reproducible timing, not secrecy
    template = tmp_path / "template"
    practice("process", "list")  # the cache holds copies: forget must take them too
    shutil.copytree(store_path, template)
    env = _environment(store_path)
    args = ["forget", "pohde", "--yes"]
    duration = _duration(args, env)
    outcomes = {"before": 0, "after": 0}
    interrupted = rounds = 0
    while rounds < ROUNDS or ((interrupted < 2 or not outcomes["after"]) and rounds < MOST_ROUNDS):
        rounds += 1
        shutil.rmtree(store_path)
        shutil.copytree(template, store_path)
        started = time.monotonic()
        if not _killed(args, env, rng.uniform(0.3, 1.5) * duration):
            duration = 0.5 * duration + 0.5 * (time.monotonic() - started)
        interrupted += journal.has_pending(store_path)
        outcomes[_consistent(store_path)] += 1
    print(f"\n{rounds} forgets killed at random: {outcomes}, {interrupted} mid-change")
    assert interrupted >= 2
    assert outcomes["before"]
    assert outcomes["after"]


FIFO_KINDS = [
    "settings.toml",
    "clients/pohde.toml",
    "processes/ryhma.toml",
    "sessions/ryhma.json",
    "history/00000001.json",
    ".cache/index.json",
    ".lock",
]


@pytest.mark.parametrize("rel", FIFO_KINDS)
def test_a_fifo_as_a_store_file_never_hangs_a_command(
    practice: Tyo, store_path: Path, tmp_path: Path, rel: str
) -> None:
    practice("process", "list")  # makes the cache
    (store_path / rel).unlink()
    os.mkfifo(store_path / rel)
    env = _environment(store_path)
    for args in (
        ["process", "list"],
        ["notes", "ryhma"],
        ["doctor"],
        ["export", "--all", "-o", str(tmp_path / "b.tar.gz")],
    ):
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "tyonohjaus_cli", *args],
            env=env,
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert time.monotonic() - started < 30
        assert done.returncode in (0, 1), (args, done.stderr)
        assert b"Traceback" not in done.stderr
        assert len(done.stderr.splitlines()) <= 1, done.stderr
        if args == ["doctor"] and not rel.startswith(".cache/"):  # the index heals itself
            assert done.returncode == 1
            assert f"{rel}: not a regular file".encode() in done.stdout
