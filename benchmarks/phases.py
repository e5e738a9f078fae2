"""Where a tyo command's time goes, phase by phase, from a fresh process each run.

Usage (from the repository root)::

    TYO_HOME=/path/to/store TYO_NOW="2026-11-16 09:00" python benchmarks/phases.py agenda
    python benchmarks/phases.py --runs 11 process list

Each run is a new Python that imports and runs tyo step by step as ``tyo`` itself does,
timing each step; the table gives the best and the median of the runs in milliseconds.
Interpreter start-up (before the first line of this file runs) is not included: compare
``python -c pass`` in ``run.py``'s table. The command's stdout is thrown away.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

# The clock starts before anything is imported; what only the parent needs is imported in
# main(), so that a run imports nothing tyo would not (os and sys are loaded at start-up).
import os  # noqa: E402
import sys  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


class _Steps:
    """Time since the previous step, by name."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []
        self.last = STARTED

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.steps.append((name, now - self.last))
        self.last = now


def _run(command: Any, args: list[str], step: _Steps) -> None:
    """Run the built command, its output thrown away; split out index load and file scan."""
    spent = {"index": 0.0, "scan": 0.0}
    storage = "tyonohjaus_cli.storage.store" in sys.modules or "--help" not in args
    if storage:
        from tyonohjaus_cli.storage import index, store

        step("import the store (storage, index, list views)")

        def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(*a: Any, **k: Any) -> Any:
                began = time.perf_counter()
                try:
                    return function(*a, **k)
                finally:
                    spent[name] += time.perf_counter() - began

            return wrapper

        index.Index.__init__ = timed("index", index.Index.__init__)  # type: ignore[method-assign]
        store.toml_files = timed("scan", index.toml_files)  # type: ignore[attr-defined]
    from pathlib import Path  # tyo has imported it by now

    with Path(os.devnull).open("w", encoding="utf-8") as sink:
        saved, sys.stdout = sys.stdout, sink
        try:
            command.main(args=args, prog_name="tyo", standalone_mode=False)
        except SystemExit:
            pass
        finally:
            sys.stdout = saved
    step("run the command")
    if storage:
        total = step.steps[-1][1]
        step.steps.append(("… of which: load the indexes in .cache/", spent["index"]))
        step.steps.append(("… of which: list and stat the process files", spent["scan"]))
        rest = total - sum(spent.values())
        step.steps.append(("… of which: the rest (decode, compute, print)", rest))


def _child(args: list[str]) -> None:
    """One run: time each step of ``tyo ARGS`` and print the steps as JSON."""
    import gc

    gc.disable()  # as tyo's main() does
    step = _Steps()
    import typer.main

    step("import typer (as the hello-world does)")
    from tyonohjaus_cli import cli

    step("import tyo's cli package (errors, i18n)")
    from tyonohjaus_cli.cli.app import app
    from tyonohjaus_cli.cli.lazy import LazyGroup

    step("import the root command (app, lazy, context)")
    cli._choose_language(args)
    step("choose the language (reads the settings index)")
    command = typer.main.get_command(app)
    step("Typer builds the root group")
    name = next((arg for arg in args if arg in LazyGroup.entries), None)
    if isinstance(command, LazyGroup) and name is not None:
        command.load(name)
        step(f"import and build `{name}` alone")
    _run(command, args, step)
    step.steps.append(("total after interpreter start-up", time.perf_counter() - STARTED))
    import json

    print(json.dumps(step.steps))


def main(argv: Sequence[str] | None = None) -> None:
    import argparse
    import json
    import statistics
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("args", nargs=argparse.REMAINDER, help="tyo's arguments, e.g. agenda")
    options = parser.parse_args(argv)
    args = [arg for arg in options.args if arg != "--"] or ["agenda"]
    # As run.py: .pyc files written and used, as on a user's machine.
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    runs: list[list[tuple[str, float]]] = []
    for _ in range(max(1, options.runs)):
        result = subprocess.run(
            [sys.executable, __file__, "--child", *args],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        )
        runs.append([(name, seconds) for name, seconds in json.loads(result.stdout)])
    print(f"`tyo {' '.join(args)}`: best and median of {len(runs)} runs, in ms\n")
    print("| step | best | median |")
    print("|---|---:|---:|")
    for i, (name, _) in enumerate(runs[0]):
        times = [run[i][1] * 1000 for run in runs if len(run) == len(runs[0])]
        print(f"| {name} | {min(times):.1f} | {statistics.median(times):.1f} |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2:])
    else:
        main()
