"""Time every tyo command on a twenty-year practice against a bare Typer hello-world.

Usage (from the repository root, with tyo installed in the running Python)::

    python benchmarks/run.py [--store DIR] [--runs 15] [--cold-runs 3] [--no-long] [--no-watson]

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
after an upgrade or on a new machine; doctor's "first look" deletes only what it found in
order before (``.cache/doctor.json``), so it parses and decodes every document again; "drawn"
deletes only the views kept whole (``.cache/views/``), so ``billing`` draws the month's view
from its kept bills through the command line proper and keeps it, as the first view after a
change to the month does; "after a hand edit" gives the file of an active
process a new mtime before each run, as an editor writing in place would (a change made by
tyo files its own summary in the index, so the next command reads it from there); "after an
old process is saved by renaming" renames a copy of a settled process's file over it, as
vim or ``sed -i`` save, which makes tyo check every process file again. ``tyo ics`` runs
after each round's ``log`` and ``meeting move`` have changed its process (the calendar is
written again, with icalendar), then "again" with nothing changed (the kept calendar).

Two stores are measured side by side: the twenty-year practice with a year of invoices
(``generate.py`` defaults) and, unless ``--no-long``, the same density over 100 years, whose
month's commands are compared with the twenty years'. Write commands change the store they
time (``meeting move`` goes to the next day and back, ``client add`` adds ``penkki-NNN``,
``log --force`` logs the same meeting again), so ``--store`` should be a scratch folder.
Unless ``--no-watson``, td-watson is installed into a venv of its own beside the stores and
its monthly report is timed on the same held meetings as frames.

Targets (issues 2 and 14): every command within 1.5x the hello-world, ``tyo doctor`` and the
first run within 5x; on the 100-year store a month's commands within 1.1x of the twenty
years'; ``tyo billing MONTH`` at least 5x faster than Watson's report; peak memory at most 2x
the hello-world's.
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
COLD_TARGET = 5.0
"""``tyo doctor`` and the first run after an upgrade (the index built from every file)."""
LONG = "100 years:"
LONG_TARGET = 1.1
"""A month's commands on five times the history, against the twenty-year store."""


@dataclass
class Case:
    """One command line to time; ``target`` is the goal (× hello-world) it is held to."""

    label: str
    argv: list[str] | Callable[[int], list[str]]
    target: float | None = None
    prepare: Callable[[], None] | None = None
    """Run before each timed run, untimed: e.g. delete the index."""
    env: dict[str, str] = field(default_factory=dict)
    """Variables added to the environment of this command alone."""
    runs: int = 0
    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    lines: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def next_argv(self) -> list[str]:
        """The command line of the next run (a write command may change it each time)."""
        self.runs += 1
        return self.argv(self.runs) if callable(self.argv) else self.argv


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
        if case.prepare is not None:
            case.prepare()
        env = [os.fsencode(f"{key}={value}") for key, value in case.env.items()]
        argv = [os.fsencode(arg) for arg in case.next_argv()]
        self.child.stdin.write(b"\x1f".join(env) + b"\x1e" + b"\x1f".join(argv) + b"\n")
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


def generate(root: Path, *options: str) -> None:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(root), *options],
        stdout=sys.stderr,
        check=True,
    )
    print(f"generated {root.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


@contextmanager
def practice(store: Path | None, long: bool) -> Iterator[tuple[Path, Path | None]]:
    """The stores to measure: the twenty-year practice with a year of invoices, and (with
    ``long``) the same density over 100 years, both in ``store`` or a temporary folder;
    ones generated there before are reused."""
    with tempfile.TemporaryDirectory(prefix="tyo-bench-") as temp:
        folder = store or Path(temp)
        root, longer = folder / "store", folder / "store-100y"
        if not (root / "settings.toml").is_file():
            generate(root)
        if long and not (longer / "settings.toml").is_file():
            generate(longer, "--years", "100", "--no-check")
        yield root, longer if long else None


@dataclass(frozen=True)
class Targets:
    """What the write commands and per-process views of a store work on, found untimed."""

    process: str
    """An active process with a meeting held this month (not invoiced yet) and one ahead."""
    held: int
    planned: int
    there: str
    back: str
    """``meeting move`` takes the planned meeting to the next working day and back."""


def targets(root: Path) -> Targets:
    """An active process with a meeting held in NOW's month and a planned one ahead on a
    working day (Monday to Thursday, the next day no holiday) within six weeks."""
    from datetime import datetime, timedelta

    from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessStatus
    from tyonohjaus_cli.domain.holidays_fi import finnish_holidays
    from tyonohjaus_cli.storage.store import Store

    store = Store(root)
    zone = store.zone()
    now = datetime.fromisoformat(NOW).replace(tzinfo=zone)
    holidays = finnish_holidays(range(now.year, now.year + 2), "fi")
    for path in sorted((root / "processes").glob(f"*-{now.year}*.toml")):
        process = store.process(path.stem)
        if process.status is not ProcessStatus.ACTIVE:
            continue
        held = [
            m
            for m in process.meetings
            if m.status is MeetingStatus.HELD and m.start < now and m.start.month == now.month
        ]
        ahead = [
            m
            for m in process.meetings
            if m.status is MeetingStatus.PLANNED
            and now + timedelta(days=2) < m.start < now + timedelta(weeks=6)
            and m.start.weekday() < 4
            and (m.start + timedelta(days=1)).date() not in holidays
            and m.start.date() not in holidays
        ]
        if held and ahead:
            start = ahead[0].start
            there = (start + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
            back = start.strftime("%Y-%m-%d %H:%M")
            return Targets(process.id, held[0].n, ahead[0].n, there, back)
    raise RuntimeError(f"no active process with a meeting held this month in {root}")


def watson_report(folder: Path, root: Path) -> Case | None:
    """Watson's monthly report on the same held meetings as frames, or None (with a note)
    when td-watson can't be installed into its own venv under ``folder``."""
    import json
    import venv

    from tyonohjaus_cli.domain.enums import MeetingStatus
    from tyonohjaus_cli.storage.store import Store

    bin_dir = folder / "watson-venv" / "bin"
    if not (bin_dir / "watson").is_file():
        venv.create(folder / "watson-venv", with_pip=True)
        done = subprocess.run(
            [str(bin_dir / "python"), "-m", "pip", "install", "-q", "td-watson"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        if done.returncode != 0:
            print("td-watson could not be installed: its row is left out", file=sys.stderr)
            return None
    store = Store(root)
    frames = []
    for path in sorted((root / "processes").glob("*.toml")):
        process = store.process(path.stem)
        for meeting in process.meetings:
            if meeting.status is MeetingStatus.HELD:
                begin = int(meeting.start.timestamp())
                frames.append(
                    [
                        begin,
                        begin + 60 * meeting.actual_minutes,
                        process.client,
                        f"{process.id}-{meeting.n}".encode().hex()[:32].ljust(32, "0"),
                        [process.id],
                        begin,
                    ]
                )
    frames.sort()
    data = folder / "watson"
    data.mkdir(exist_ok=True)
    (data / "frames").write_text(json.dumps(frames))
    return Case(
        f"Watson `report` of 2026-10 ({len(frames)} frames)",
        [str(bin_dir / "watson"), "report", "--from", "2026-10-01", "--to", "2026-10-31"],
        env={"WATSON_DIR": str(data)},
    )


def completion_env(words: str) -> dict[str, str]:
    """What bash's completion function sets for ``tyo`` (``tyo --show-completion bash``)."""
    return {
        "_TYO_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }


def has_option(tyo: list[str], root: Path, command: list[str], option: str) -> bool:
    found = subprocess.run(
        [*tyo, "--store", str(root), *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
        env=environment(root) | {"TYO_LANG": "en"},
    )
    return option in found.stdout


def first_free_client(root: Path) -> int:
    """The first ``penkki-NNN`` no earlier run of ``client add`` left in a reused store."""
    taken = [
        int(number)
        for path in (root / "clients").glob("penkki-*.toml")
        if (number := path.stem.removeprefix("penkki-")).isdigit()
    ]
    return max(taken, default=0) + 1


def cases(root: Path, longer: Path | None, scratch: Path, runs: int) -> list[Case]:
    tyo_bin = tyo_command()
    tyo = [*tyo_bin, "--store", str(root)]
    aim = targets(root)
    changed = root / "processes" / f"{aim.process}.toml"
    renamed = min((root / "processes").glob("*.toml"))  # an old, settled process
    backup = scratch / "backup.tar.gz"

    def change_one_process() -> None:
        # A new mtime is what tyo sees of an edit: that entry is rebuilt, the index rewritten.
        stamp = changed.stat().st_mtime_ns + 1_000_000_000
        os.utime(changed, ns=(stamp, stamp))

    def rename_one_process() -> None:
        # Saved as vim or `sed -i` save: a new file renamed over the old one. The folder's
        # stamp changes, so every process file is checked again (settled ones too).
        copy = renamed.with_name(f".{renamed.name}.swp")
        shutil.copy2(renamed, copy)
        os.replace(copy, renamed)

    def no_backup() -> None:
        backup.unlink(missing_ok=True)

    def no_view() -> None:
        # As after a change to the month: its bills and loose ends as kept, the view drawn.
        shutil.rmtree(root / ".cache" / "views", ignore_errors=True)

    def move(store: list[str], target: Targets) -> Callable[[int], list[str]]:
        def argv(run: int) -> list[str]:
            to = target.there if run % 2 else target.back
            return [*store, "meeting", "move", target.process, str(target.planned), "--to", to]

        return argv

    first = first_free_client(root) - 1

    def client_add(run: int) -> list[str]:
        number = first + run
        return [
            *tyo,
            "client",
            "add",
            f"penkki-{number:03d}",
            "--name",
            f"Penkkilän testi {number}",
        ]

    log = [*tyo, "log", aim.process, str(aim.held), "--force", "--note", "Penkkitesti."]
    found: list[Case] = [
        Case("bare Python (`python -c pass`)", [sys.executable, "-c", "pass"]),
        Case("Typer hello-world", [sys.executable, str(HERE / "hello.py")]),
        Case("Typer hello-world `--help`", [sys.executable, str(HERE / "hello.py"), "--help"]),
        Case("`tyo --help`", [*tyo, "--help"], TARGET),
        Case("`tyo agenda`", [*tyo, "agenda"], TARGET),
        Case("`tyo process list`", [*tyo, "process", "list"], TARGET),
        Case("`tyo client list`", [*tyo, "client", "list"], TARGET),
        Case("`tyo billing 2026-10`", [*tyo, "billing", "2026-10"], TARGET),
        Case(
            "`tyo billing 2026-10`, drawn (no view kept)",
            [*tyo, "billing", "2026-10"],
            None,
            no_view,
        ),
        Case("`tyo billing year 2026`", [*tyo, "billing", "year", "2026"], TARGET),
        Case("`tyo invoice list`", [*tyo, "invoice", "list"], TARGET),
        Case("`tyo ics PROCESS`, the process changed since", [*tyo, "ics", aim.process], TARGET),
        Case("`tyo ics PROCESS` again, nothing changed", [*tyo, "ics", aim.process], TARGET),
        Case("`tyo log PROCESS N`", log, TARGET),
        Case("`tyo meeting move`", move(tyo, aim), TARGET),
        Case("`tyo client add`", client_add, TARGET),
        Case("`tyo export --all`", [*tyo, "export", "--all", "-o", str(backup)], TARGET, no_backup),
        Case(
            "completion of `tyo process show ` (bash)",
            tyo,
            TARGET,
            env=completion_env("tyo process show "),
        ),
        Case("`tyo doctor`", [*tyo, "doctor"], COLD_TARGET),
        Case(
            "`tyo agenda` after a hand edit to one process",
            [*tyo, "agenda"],
            TARGET,
            change_one_process,
        ),
        Case(
            "`tyo agenda` after an old process is saved by renaming",
            [*tyo, "agenda"],
            TARGET,
            rename_one_process,
        ),
    ]
    if has_option(tyo_bin, root, ["ics"], "--every-process"):
        own = [*tyo, "ics", "--every-process", "-o", str(scratch / "all.ics")]
        found += [
            Case("`tyo ics --every-process`, one process changed since", own, TARGET),
            Case("`tyo ics --every-process` again, nothing changed", own, TARGET),
        ]
    if longer is not None:
        far = [*tyo_bin, "--store", str(longer)]
        far_aim = targets(longer)
        far_log = [*far, "log", far_aim.process, str(far_aim.held), "--force", "--note", "Penkki."]
        found += [
            Case(f"{LONG} `tyo agenda`", [*far, "agenda"]),
            Case(f"{LONG} `tyo billing 2026-10`", [*far, "billing", "2026-10"]),
            Case(f"{LONG} `tyo log PROCESS N`", far_log),
            Case(f"{LONG} `tyo meeting move`", move(far, far_aim)),
        ]
    return found


def cold_cases(root: Path) -> list[Case]:
    tyo = [*tyo_command(), "--store", str(root)]

    def forget_index() -> None:
        shutil.rmtree(root / ".cache", ignore_errors=True)

    def forget_checked() -> None:
        # What doctor found in order before (.cache/doctor.json): without it every document
        # is parsed and decoded again, shared with the other cores.
        (root / ".cache" / "doctor.json").unlink(missing_ok=True)

    return [
        Case(
            "`tyo doctor`, first look (nothing checked before)",
            [*tyo, "doctor"],
            COLD_TARGET,
            forget_checked,
        ),
        Case("`tyo agenda`, first run (index build)", [*tyo, "agenda"], COLD_TARGET, forget_index),
        Case(
            "`tyo billing 2026-10`, first run (index build)",
            [*tyo, "billing", "2026-10"],
            COLD_TARGET,
            forget_index,
        ),
    ]


def measure(spawner: Spawner, hot: list[Case], cold: list[Case], runs: int, cold_runs: int) -> None:
    for case in hot:  # warm-up: disk cache, .pyc files, tyo's index
        spawner.run(case)
        case.seconds.clear()
        case.rss_kib.clear()
    for _ in range(runs):
        for case in hot:
            spawner.run(case)
    for _ in range(cold_runs):
        for case in [hot[1], *cold]:  # the hello-world again, beside them
            spawner.run(case)


def table(cases: Sequence[Case]) -> str:
    base = next(case for case in cases if case.label == "Typer hello-world")
    lines = [
        "| command | median | best | median × hello | best × hello | target | met | peak RSS |",
        "|---|---:|---:|---:|---:|---:|:---:|---:|",
    ]
    for case in cases:
        ratio = case.median / base.median
        met = "—" if case.target is None else "yes" if ratio <= case.target else "**no**"
        target = "—" if case.target is None else f"{case.target:g}×"
        lines.append(
            f"| {case.label} | {case.median:.3f} s | {min(case.seconds):.3f} s | "
            f"{ratio:.2f}× | {min(case.seconds) / min(base.seconds):.2f}× | {target} | {met} | "
            f"{max(case.rss_kib) / 1024:.1f} MiB |"
        )
    return "\n".join(lines)


def comparisons(cases: Sequence[Case]) -> str:
    """The long history against the twenty years, Watson against billing, memory."""
    by_label = {case.label: case for case in cases}
    base = by_label["Typer hello-world"]
    lines = ["| comparison | ratio of medians | target | met |", "|---|---:|---:|:---:|"]

    def row(text: str, ratio: float, target: float, higher: bool = False) -> None:
        met = ratio >= target if higher else ratio <= target
        sign = "≥" if higher else "≤"
        lines.append(
            f"| {text} | {ratio:.2f}× | {sign} {target:g}× | {'yes' if met else '**no**'} |"
        )

    for label, case in by_label.items():
        if label.startswith(LONG):
            short = by_label[label.removeprefix(LONG).strip()]
            row(f"{label} / twenty years", case.median / short.median, LONG_TARGET)
    watson = next((c for c in cases if c.label.startswith("Watson")), None)
    if watson is not None:
        billing = by_label["`tyo billing 2026-10`"]
        row(
            "Watson's monthly report / `tyo billing 2026-10`",
            watson.median / billing.median,
            5,
            True,
        )
    tyo_cases = [c for c in cases if c.label.startswith(("`tyo", LONG))]
    heaviest = max(tyo_cases, key=lambda c: max(c.rss_kib))
    row(
        f"peak RSS of the heaviest tyo command ({heaviest.label}) / hello-world",
        max(heaviest.rss_kib) / max(base.rss_kib),
        2,
    )
    return "\n".join(lines)


def describe(root: Path, longer: Path | None, runs: int, cold_runs: int) -> str:
    def sizes(store: Path) -> str:
        processes = list((store / "processes").glob("*.toml"))
        clients = list((store / "clients").glob("*.toml"))
        invoices = list((store / "invoices").glob("[0-9]*.json"))
        size = sum(path.stat().st_size for path in processes)
        return (
            f"{len(clients)} clients, {len(processes)} process files ({size / 1e6:.1f} MB of "
            f"TOML), {len(invoices)} invoices"
        )

    far = f"; {LONG} {sizes(longer)}" if longer is not None else ""
    return (
        f"Twenty years: {sizes(root)}{far}; TYO_NOW={NOW}. "
        f"Python {platform.python_version()}, typer {version('typer')}, "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, load average "
        f"{os.getloadavg()[0]:.1f} at the end; median and best of {runs} runs "
        f"(first run: {cold_runs}), interleaved, stdout to a pipe. The verdict compares medians."
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--store",
        type=Path,
        help="a folder to generate the practices in, or reuse ones generated there before "
        "(not real stores: the benchmark deletes their .cache, moves meetings, adds clients)",
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs with the index deleted")
    parser.add_argument("--no-long", action="store_true", help="leave out the 100-year store")
    parser.add_argument("--no-watson", action="store_true", help="leave out Watson's report")
    args = parser.parse_args(argv)
    runs, cold_runs = max(1, args.runs), max(1, args.cold_runs)
    with practice(args.store, not args.no_long) as (root, longer):
        scratch = root.parent / "scratch"
        scratch.mkdir(exist_ok=True)
        hot = cases(root, longer, scratch, runs)
        if not args.no_watson and (watson := watson_report(root.parent, root)) is not None:
            hot.append(watson)
        cold = cold_cases(root)
        spawner = Spawner(environment(root))
        try:
            measure(spawner, hot, cold, runs, cold_runs)
        finally:
            spawner.close()
        agenda = next(case for case in hot if case.label == "`tyo agenda`")
        if agenda.lines < 2:
            raise RuntimeError("`tyo agenda` printed no meetings: is TYO_NOW inside the practice?")
        print(describe(root, longer, runs, cold_runs))
        print()
        print(table(hot + cold))
        print()
        print(comparisons(hot + cold))


if __name__ == "__main__":
    main()
