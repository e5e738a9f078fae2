"""The README's "A short tour", run as written: every command, in order, in a fresh store.

Each ```console block holds ``$ tyo ...`` commands (continued on lines ending in ``\\``),
``$ export TYO_NOW="..."`` lines that move the clock, and the output a reader sees. Three
liberties, each visible in the README: the store's path is the test's own, a line of
``...`` ends an output that is shown only in part, and a calendar UID is random. The tour
prints nothing on standard error, and this test holds it to that.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Tyo

README = Path(__file__).parent.parent / "README.md"
README_STORE = "/home/maija/.local/share/tyo"
UID = re.compile(r"^UID:[0-9a-f-]{36}@tyo$")


@dataclass(frozen=True)
class Step:
    command: str
    expected: list[str]


def tour_steps() -> list[Step]:
    text = README.read_text(encoding="utf-8")
    tour = text.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    steps: list[Step] = []
    for block in re.findall(r"```console\n(.*?)```", tour, flags=re.DOTALL):
        lines = iter(block.splitlines())
        for line in lines:
            if line.startswith("$ "):
                command = line[2:]
                while command.endswith("\\"):
                    command = command[:-1] + next(lines).strip()
                steps.append(Step(command, []))
            else:
                steps[-1].expected.append(line)
    return steps


def run_step(step: Step, tyo: Tyo, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    words = shlex.split(step.command)
    if words[0] == "export":
        name, value = words[1].split("=", 1)
        monkeypatch.setenv(name, value)
        return []
    grep = None
    if "|" in words:  # only `| grep -E PATTERN` is used
        words, (_, _, pattern) = words[: words.index("|")], words[words.index("|") + 1 :]
        grep = re.compile(pattern)
    assert words[0] == "tyo", step.command
    result = tyo(*words[1:])
    assert (result.exit_code, result.stderr) == (0, ""), step.command
    lines = result.stdout.splitlines()
    return [line for line in lines if grep.search(line)] if grep else lines


def test_the_tour_gives_the_output_shown(
    tyo: Tyo, monkeypatch: pytest.MonkeyPatch, store_path: Path
) -> None:
    steps = tour_steps()
    assert len(steps) > 15, "the tour's console blocks were not found"
    for step in steps:
        shown = [loosen(line.replace(README_STORE, str(store_path))) for line in step.expected]
        printed = [loosen(line) for line in run_step(step, tyo, monkeypatch)]
        if shown[-1:] == ["..."]:
            shown.pop()
            printed = printed[: len(shown)]
        assert printed == shown, step.command


def loosen(line: str) -> str:
    return "UID:<random>" if UID.match(line) else line
