"""Time tyo's read commands on a twenty-year practice against a bare Typer hello-world.

Usage (from the repository root, with tyo installed in the running Python)::

    python benchmarks/run.py [--store DIR] [--runs 15] [--cold-runs 3]

Without ``--store`` the practice is generated into a temporary folder (``generate.py``,
seeded) and removed afterwards; with ``--store DIR`` it is generated there if the folder is
empty or absent, else reused. Every command runs as a subprocess of this Python with stdout
to a pipe, as in a script; the commands take turns, so a slow spell of the machine hits
them all alike. Each is run once to warm the disk cache, the ``.pyc`` files and tyo's
index, then ``--runs`` times. The table shows the median and the best wall-clock time,
their ratios to the hello-world's (the best is the steadier figure on a busy machine), and
the peak resident memory: ``ru_maxrss`` of the command alone, by ``os.wait4`` in the small
launcher ``spawn.py``, so that this script's own memory does not count. "First run"
deletes ``.cache/`` before each run, so tyo builds its index from every process file, as
after an upgrade or on a new machine; "after a hand edit" gives one process file a new
mtime before each run, as an editor would (a change made by tyo files its own summary in
the index, so the next command reads it from there).

Target (issue 2): ``tyo --help``, ``tyo agenda`` and ``tyo process list`` each within 1.5x
the hello-world.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOW = "2026-11-16 09:00"
"""``TYO_NOW`` for every run: generate.NOW_TEXT, the generated practice's present."""
TARGET = 1.5


@dataclass
class Case:
    """One command line to time; ``target`` says whether the 1.5x goal applies."""

    label: str
    argv: list[str]
    target: bool = False
    prepare: Callable[[], None] | None = None
    """Run before each timed run, untimed: e.g. delete the index."""
    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    lines: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def tyo_command() -> list[str]:
    """The ``tyo`` installed next to this Python, or ``python -m tyonohjaus_cli``."""
    script = Path(sys.executable).with_name("tyo")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "tyonohjaus_cli"]


def environment(store: Path) -> dict[str, str]:
    """The user's environment with the store and the clock fixed.

    ``TYO_LANG`` is left out on purpose: like most users, the benchmark lets the store's
    settings choose the language, which is part of what every command pays at start-up.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("TYO_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env | {"TYO_HOME": str(store), "TYO_NOW": NOW}


class Spawner:
    """The small launcher (``spawn.py``) that runs, times and measures each command."""

    def __init__(self, env: dict[str, str]) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-I", "-S", str(HERE / "spawn.py")],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def run(self, case: Case) -> None:
        """Run ``case`` once; record its wall-clock time and its own peak memory."""
        assert self.child.stdin is not None
        assert self.child.stdout is not None
        self.child.stdin.write(b"\x1f".join(os.fsencode(arg) for arg in case.argv) + b"\n")
        self.child.stdin.flush()
        answer = self.child.stdout.readline().split()
        if len(answer) != 5:
            raise RuntimeError(f"the launcher stopped while running {case.label}")
        seconds, rss, code, lines, error_bytes = float(answer[0]), *map(int, answer[1:])
        errors = self.child.stdout.read(error_bytes).decode(errors="replace")
        if code != 0:
            raise RuntimeError(f"{case.label} exited {code}: {errors}")
        case.seconds.append(seconds)
        case.rss_kib.append(rss)
        case.lines = lines

    def close(self) -> None:
        if self.child.stdin is not None:
            self.child.stdin.close()
        self.child.wait()


@contextmanager
def practice(store: Path | None) -> Iterator[Path]:
    """The store to measure: ``store`` (generated there if empty or absent) or a temporary one."""
    if store is not None and (store / "settings.toml").is_file():
        yield store
        return
    with tempfile.TemporaryDirectory(prefix="tyo-bench-") as temp:
        root = store or Path(temp) / "store"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(root)], stdout=sys.stderr, check=True
        )
        print(f"generated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        yield root


def measure(root: Path, runs: int, cold_runs: int) -> list[Case]:
    tyo = tyo_command()
    changed = min((root / "processes").glob("*.toml"))

    def forget_index() -> None:
        shutil.rmtree(root / ".cache", ignore_errors=True)

    def change_one_process() -> None:
        # A new mtime is what tyo sees of an edit: that entry is rebuilt, the index rewritten.
        stamp = changed.stat().st_mtime_ns + 1_000_000_000
        os.utime(changed, ns=(stamp, stamp))

    cases = [
        Case("bare Python (`python -c pass`)", [sys.executable, "-c", "pass"]),
        Case("Typer hello-world", [sys.executable, str(HERE / "hello.py")]),
        Case("Typer hello-world `--help`", [sys.executable, str(HERE / "hello.py"), "--help"]),
        Case("`tyo --help`", [*tyo, "--help"], target=True),
        Case("`tyo agenda`", [*tyo, "agenda"], target=True),
        Case("`tyo process list`", [*tyo, "process", "list"], target=True),
        Case(
            "`tyo agenda` after a hand edit to one process",
            [*tyo, "agenda"],
            prepare=change_one_process,
        ),
    ]
    cold = [
        Case("`tyo agenda`, first run (index build)", [*tyo, "agenda"], prepare=forget_index),
        Case(
            "`tyo process list`, first run (index build)",
            [*tyo, "process", "list"],
            prepare=forget_index,
        ),
    ]
    spawner = Spawner(environment(root))
    try:
        for case in cases:  # warm-up: disk cache, .pyc files, tyo's index
            spawner.run(case)
            case.seconds.clear()
            case.rss_kib.clear()
        for _ in range(runs):
            for case in cases:
                if case.prepare is not None:
                    case.prepare()
                spawner.run(case)
        for _ in range(cold_runs):
            for case in cold:
                if case.prepare is not None:
                    case.prepare()
                spawner.run(case)
    finally:
        spawner.close()
    return cases + cold


def table(cases: Sequence[Case]) -> str:
    base = next(case for case in cases if case.label == "Typer hello-world")
    lines = [
        "| command | median | best | median × hello | best × hello | within 1.5× | peak RSS |",
        "|---|---:|---:|---:|---:|:---:|---:|",
    ]
    for case in cases:
        ratio = case.median / base.median
        verdict = ("yes" if ratio <= TARGET else "**no**") if case.target else "—"
        lines.append(
            f"| {case.label} | {case.median:.3f} s | {min(case.seconds):.3f} s | "
            f"{ratio:.2f}× | {min(case.seconds) / min(base.seconds):.2f}× | {verdict} | "
            f"{max(case.rss_kib) / 1024:.1f} MiB |"
        )
    return "\n".join(lines)


def describe(root: Path, runs: int, cold_runs: int) -> str:
    processes = list((root / "processes").glob("*.toml"))
    clients = list((root / "clients").glob("*.toml"))
    index = root / ".cache" / "index.json"
    size = sum(path.stat().st_size for path in processes)
    return (
        f"{len(clients)} clients, {len(processes)} process files ({size / 1e6:.1f} MB of TOML), "
        f"index {index.stat().st_size / 1e6:.1f} MB; TYO_NOW={NOW}. "
        f"Python {platform.python_version()}, typer {version('typer')}, rich {version('rich')}, "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, load average "
        f"{os.getloadavg()[0]:.1f} at the end; median and best of {runs} runs "
        f"(first run: {cold_runs}), stdout to a pipe. The verdict compares medians."
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--store",
        type=Path,
        help="generate the practice here, or reuse one generated before (not a real store: "
        "the benchmark deletes its .cache and touches a process file)",
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs with the index deleted")
    args = parser.parse_args(argv)
    with practice(args.store) as root:
        cases = measure(root, max(1, args.runs), max(1, args.cold_runs))
        agenda = next(case for case in cases if case.label == "`tyo agenda`")
        if agenda.lines < 2:
            raise RuntimeError("`tyo agenda` printed no meetings: is TYO_NOW inside the practice?")
        print(describe(root, args.runs, args.cold_runs))
        print()
        print(table(cases))


if __name__ == "__main__":
    main()
