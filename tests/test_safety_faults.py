"""The store under faults: killed writes, many writers at once, a full disk.

The kill test runs the real command line in subprocesses and kills them with SIGKILL at
random moments; after each kill it does what the next command would (roll back an
interrupted change) and checks that every file parses, every reference holds, and the
newest change in the history is exactly what is on disk: nothing half applied.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FROZEN_NOW, Tyo
from tests.safety_helpers import add_process, plant_session_log, snapshot
from tyonohjaus_cli.storage import doctor, files, journal
from tyonohjaus_cli.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHANGES = 200
SEED = int(os.environ.get("TYO_FAULT_SEED", "20270104"))


def _environment(store: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TYO_", "LC_")) and key not in ("LANG", "EDITOR", "VISUAL")
    }
    env |= {
        "TYO_HOME": str(store),
        "TYO_NOW": FROZEN_NOW,
        "TYO_LANG": "en",
        "TYO_LOCK_TIMEOUT": "60",
        "TZ": "America/Los_Angeles",
        "PYTHONPATH": str(ROOT),
        "SLOW_FSYNC": "0.015",
    }
    return env


def _change(k: int, step: int) -> list[str]:
    """The ``step``-th change of round ``k``: one- and many-file changes, undo, forget."""
    client, process = f"c{k}", f"p{k}"
    return [
        ["client", "add", client, "--name", f"Asiakas {k}", "--contact", f"Yhteys {k}"],
        ["new-process", process, "--client", client, "--kind", "individual",
         "--start", "2027-02-02 10:00", "--every", "2w", "--count", "2",
         "--participant", f"Osallistuja {k}"],
        ["meeting", "add", process, "--at", "2027-06-01 10:00"],
        ["client", "edit", client, "--discount", "5"],
        ["undo"],
        ["forget", client, "--yes"],
    ][step]  # fmt: skip


def _check(root: Path) -> bool:
    """Recover as the next command would; assert the store is whole. Was a change cut?"""
    interrupted = journal.has_pending(root)
    Store(root).recover_if_needed()
    problems = [p for p in doctor.examine(root).problems if p.kind not in ("temp", "lock")]
    assert not problems, problems
    newest = journal.entries(root, 1)
    for change in newest[-1].changes if newest else ():
        assert journal.current_text(root, change.path) == change.after, change.path
    return interrupted


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_writes_never_leave_a_broken_store(initialised: Tyo, store_path: Path) -> None:
    rng = random.Random(SEED)  # noqa: S311 - reproducible timing, not secrecy
    env = _environment(store_path)
    # A cushion of history, so that the undos of rounds whose other changes were killed
    # never reach back to `tyo init` (undoing it would rightly remove the settings).
    for n in range(CHANGES // 6 + 1):
        assert initialised("client", "edit", "pohde", "--contact", f"Yhteys {n}").exit_code == 0
    runner = [sys.executable, str(ROOT / "tests" / "slow_disk.py")]
    killed = interrupted = completed = 0
    # How many fsyncs each kind of change makes, learnt from the runs that finish. Each run
    # is killed as its n-th fsync starts (n drawn from 1 to one past the most seen, so some
    # runs finish), a little into that slowed fsync: the kill is placed by what the command
    # has written, not by the clock, so a loaded machine still has kills mid-write.
    fsyncs = [4] * 6
    started = time.monotonic()
    for n in range(CHANGES):
        step = n % 6
        args = _change(n // 6, step)
        signals, signal_end = os.pipe()
        child = subprocess.Popen(
            runner + args,
            env=env | {"SLOW_DISK_FD": str(signal_end)},
            pass_fds=(signal_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        os.close(signal_end)
        target = rng.randint(1, fsyncs[step] + 1)
        seen = 0
        with os.fdopen(signals, "rb", buffering=0) as started_fsyncs:
            while seen < target and started_fsyncs.read(1):
                seen += 1
        try:
            if seen < target:  # the pipe closed: the run ended before its target fsync
                child.wait()
                completed += 1
                fsyncs[step] = max(fsyncs[step], seen)
                assert b"Traceback" not in (child.stderr.read() if child.stderr else b"")
            else:
                time.sleep(rng.uniform(0, 0.015))
                child.send_signal(signal.SIGKILL)
                child.wait()
                killed += 1
        finally:
            if child.stderr:
                child.stderr.close()
        interrupted += _check(store_path)
    elapsed = time.monotonic() - started
    print(
        f"\n{CHANGES} changes in {elapsed:.1f} s: {completed} completed, {killed} killed, "
        f"{interrupted} killed in the middle of writing (seed {SEED})"
    )
    # The test proves something only if kills really land in the middle of changes.
    assert interrupted >= 10
    assert killed >= 40
    fixed = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", "doctor", "--fix"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert fixed.returncode == 0, fixed.stdout


def _run_all(
    commands: list[list[str]], env: dict[str, str]
) -> list[subprocess.CompletedProcess[bytes]]:
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tyonohjaus_cli", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for args in commands
    ]
    results = []
    for args, child in zip(commands, children, strict=True):
        out, err = child.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(args, child.returncode, out, err))
    return results


def test_twenty_writers_at_once_lose_nothing(initialised: Tyo, store_path: Path) -> None:
    """Twenty `tyo meeting add` to one process at once: each reads, changes and writes the
    same file, so a writer that did not wait for the others would lose their meetings.
    (Twenty `tyo client add` at once are in test_entry_point.py.)"""
    add_process(initialised, "ryhma", "pohde")
    env = _environment(store_path)
    meetings = _run_all(
        [["meeting", "add", "ryhma", "--at", f"2027-06-{day:02d} 10:00"] for day in range(1, 21)],
        env,
    )
    assert [r.returncode for r in meetings] == [0] * 20, [r.stderr for r in meetings]
    process = json.loads(initialised("process", "show", "ryhma", "--json").stdout)
    assert sorted(m["n"] for m in process["meetings"]) == list(range(1, 24))
    days = sorted(m["start"][:10] for m in process["meetings"])[3:]
    assert days == [f"2027-06-{day:02d}" for day in range(1, 21)]
    assert len(journal.entries(store_path)) == 3 + 20
    assert initialised("doctor").exit_code == 0


# --- a full disk ------------------------------------------------------------------------------


def _disk_full_from(monkeypatch: pytest.MonkeyPatch, nth: int, *, stays_full: bool) -> None:
    """The ``nth`` durable write (and, if ``stays_full``, every later one) fails with ENOSPC."""
    real = files.atomic_write
    calls = {"n": 0}

    def write(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == nth or (stays_full and calls["n"] > nth):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data)

    monkeypatch.setattr(journal, "atomic_write", write)


@pytest.fixture
def busy_store(initialised: Tyo, store_path: Path) -> Tyo:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen", "Bertta Berg")
    add_process(initialised, "toinen", "pohde", "Aino Virtanen")
    plant_session_log(store_path, "ryhma", "muistiinpano Aino Virtanen", ("Aino Virtanen",))
    return initialised


# forget --participant writes the pending entry, then three files (two processes and the log)
# and deletes four history entries: every point of failure is tried.
@pytest.mark.parametrize("nth", [1, 2, 3, 4])
@pytest.mark.parametrize("stays_full", [False, True])
def test_a_full_disk_leaves_the_previous_state(
    busy_store: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int, stays_full: bool
) -> None:
    before = snapshot(store_path)
    with monkeypatch.context() as patch:
        _disk_full_from(patch, nth, stays_full=stays_full)
        result = busy_store("forget", "--participant", "Aino Virtanen", "--yes")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "No space left on device" in result.stderr
    if stays_full and nth > 1:
        # The rollback could not write either: the next command finishes it.
        assert "the next tyo command will put the store back as it was" in result.stderr
        assert busy_store("client", "list").exit_code == 0
    else:
        assert result.stderr.endswith("the store is as it was\n")
    after = snapshot(store_path)
    assert after == before


def test_a_full_disk_on_a_simple_change(
    busy_store: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(store_path)
    with monkeypatch.context() as patch:
        _disk_full_from(patch, 2, stays_full=False)
        result = busy_store("client", "edit", "pohde", "--discount", "10")
    assert (result.exit_code, result.stderr) == (
        1,
        "tyo: the change was not saved: No space left on device; the store is as it was\n",
    )
    assert snapshot(store_path) == before


@pytest.mark.parametrize("nth", [1, 2])
def test_a_full_disk_during_undo(
    busy_store: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    assert busy_store("client", "edit", "pohde", "--discount", "10").exit_code == 0
    before = snapshot(store_path)
    with monkeypatch.context() as patch:
        _disk_full_from(patch, nth, stays_full=False)
        result = busy_store("undo")
    assert result.exit_code == 1
    assert result.stderr.endswith("the store is as it was\n")
    assert snapshot(store_path) == before
