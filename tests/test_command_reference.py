"""docs/commands.md is the help of every command, generated, so it never drifts.

After changing a command's help, regenerate it with
``TYO_UPDATE_DOCS=1 pytest tests/test_command_reference.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Tyo

ROOT = Path(__file__).parent.parent
REFERENCE = ROOT / "docs" / "commands.md"
README = ROOT / "README.md"


def _command_paths(tyo: Tyo) -> list[list[str]]:
    from typer.main import get_command

    from tyonohjaus_cli.cli.app import app
    from tyonohjaus_cli.cli.lazy import LazyGroup

    root = get_command(app)
    assert isinstance(root, LazyGroup)
    paths: list[list[str]] = [[]]
    for name in LazyGroup.entries:
        paths.append([name])
        command = root.load(name)
        subs = list(getattr(command, "commands", {}))
        subs += [sub for sub in getattr(command, "entries", {}) if sub not in subs]  # lazy ones
        paths.extend([name, sub] for sub in subs)
    return paths


def _reference(tyo: Tyo) -> str:
    parts = [
        (
            "# Command reference\n\n"
            "Generated from `tyo … --help` by `TYO_UPDATE_DOCS=1 pytest tests/test_command_reference.py`;"
            " a test keeps it current.\n"
        )
    ]
    for path in _command_paths(tyo):
        result = tyo(*path, "--help")
        assert result.exit_code == 0, result.output
        title = " ".join(["tyo", *path])
        parts.append(f"\n## `{title}`\n\n```text\n{result.stdout.rstrip()}\n```\n")
    return "".join(parts)


def test_command_reference_is_current(tyo: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    text = _reference(tyo)
    if os.environ.get("TYO_UPDATE_DOCS"):
        REFERENCE.write_text(text, encoding="utf-8")
    assert REFERENCE.read_text(encoding="utf-8") == text, (
        "run TYO_UPDATE_DOCS=1 pytest tests/test_command_reference.py"
    )


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = README.read_text(encoding="utf-8")
    command = (
        "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"
    )
    assert f"\n{command}\n" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == command
