"""Every command's help, in English and Finnish, as a reader sees it: each paragraph apart,
each example on a line of its own and whole, and the placeholders in the language of the rest.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import Tyo

EXAMPLE = re.compile(r"^[^\s:]+:\s+tyo( |$)")


_RENDER = """
import contextlib, io, json, sys
from tyonohjaus_cli.cli import _choose_language, run
_choose_language(["--lang", sys.argv[1]])  # before any command module is imported
from typer.main import get_command
from tyonohjaus_cli.cli.app import app
from tyonohjaus_cli.cli.lazy import LazyGroup

root = get_command(app)
found = [([], root.help or "")]
for name in LazyGroup.entries:
    command = root.load(name)
    found.append(([name], command.help or ""))
    if isinstance(command, LazyGroup):
        for sub in command.entries:
            command.load(sub)
    for sub, inner in getattr(command, "commands", {}).items():
        found.append(([name, sub], inner.help or ""))
helps = []
for path, written in found:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run([*path, "--help"])
    helps.append([path, written, out.getvalue()])
print(json.dumps(helps))
"""


@pytest.fixture(scope="module", params=["en", "fi"])
def helps(request: pytest.FixtureRequest) -> tuple[str, list[tuple[list[str], str, str]]]:
    """``(lang, [(path, help text as written in lang, help as shown)])`` for every command."""
    return request.param, _pages(request.param)


@functools.cache
def _pages(lang: str) -> list[tuple[list[str], str, str]]:
    """Every command's help in ``lang``, from a fresh process: a command's help is
    translated when its module is imported."""
    env = {**os.environ, "COLUMNS": "80", "TYO_NOW": "2027-01-04 09:00"}
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, lang],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return [(path, written, shown) for path, written, shown in json.loads(done.stdout)]


def test_each_example_and_paragraph_stands_on_its_own(
    helps: tuple[str, list[tuple[list[str], str, str]]],
) -> None:
    lang, pages = helps
    assert len(pages) > 50
    assert sum(1 for _, written, _ in pages if EXAMPLE_WORD[lang] in written) > 45
    wrong = []
    for path, written, shown in pages:
        lines = _joined(shown.splitlines())
        where = " ".join(["tyo", *path])
        # Each example of the help text as written is one line of the help, whole (a long
        # one goes on over lines ending in " \\", as a shell reads it).
        examples = [line.strip() for line in written.splitlines() if EXAMPLE.match(line.strip())]
        wrong += [f"{where}: not a line: {e}" for e in examples if f"  {e}" not in lines]
        # No line runs two examples together, nor an example into prose.
        said = EXAMPLE_WORD[lang] + " tyo"
        wrong += [
            f"{where}: {line}"
            for line in lines
            if line.count(said) > 1 or (said in line and not EXAMPLE.match(line.strip()))
        ]
        # A line of prose is joined to the next with a space: one ending in "--from-" would
        # show as "--from- valitsinta".
        wrong += [
            f"{where}: ends in a hyphen: {line}"
            for line in written.splitlines()
            if re.search(r"\w-$", line)
        ]
        # Each paragraph as written is a paragraph of the help: blank lines stay.
        written_paragraphs = [p for p in re.split(r"\n\s*\n", written.strip()) if p.strip()]
        text = shown.split("\n\n", 1)[1] if "\n\n" in shown else ""
        shown_paragraphs = text.split("\n\n")[: len(written_paragraphs)]
        for mine, theirs in zip(written_paragraphs, shown_paragraphs, strict=False):
            if mine.split()[:3] != theirs.split()[:3]:
                wrong.append(f"{where}: paragraph {mine[:30]!r} shown as {theirs[:30]!r}")
    assert wrong == []


EXAMPLE_WORD = {"en": "Example:", "fi": "Esimerkki:"}


def _joined(lines: list[str]) -> list[str]:
    """Lines with their shell continuations (``... \\`` and an indented next line) joined."""
    out: list[str] = []
    going_on = False
    for line in lines:
        if going_on:
            out[-1] += " " + line.strip()
        else:
            out.append(line)
        going_on = out[-1].endswith(" \\")
        if going_on:
            out[-1] = out[-1].removesuffix(" \\")
    return out


ENGLISH_PLACEHOLDERS = re.compile(
    r"\[OPTIONS\]|\bCOMMAND\b|\[ARGS\]|(?<![-\w])(?:MONTH|CLIENT|PROCESS|YEAR|FILE|PATH|NAME|DIR|ID|CID|TEXT|DATE|EMAIL)(?![-\w])"
    r"|<(?:str|text|datetime|date|name|count|euros|interval|duration|month|title)>"
)


def test_finnish_help_has_finnish_placeholders() -> None:
    wrong = []
    for path, _, shown in _pages("fi"):
        usage, *rest = shown.splitlines()
        assert usage.startswith("Käyttö: tyo")
        terms = [line.split("  ")[1] for line in rest if re.match(r"^  [-\[{<A-Z]", line)]
        wrong += [
            f"{' '.join(path)}: {part}"
            for part in [usage, *terms]
            if ENGLISH_PLACEHOLDERS.search(part)
        ]
    assert wrong == []


def test_finnish_usage_lines(tyo: Tyo) -> None:
    def usage(*path: str) -> str:
        return tyo("--lang", "fi", *path, "--help").stdout.splitlines()[0]

    assert usage("client", "add") == "Käyttö: tyo client add [VALITSIMET] {TUNNUS}"
    assert usage("billing") == "Käyttö: tyo billing [VALITSIMET] [KUUKAUSI] | year VUOSI"
    assert usage("invoice") == "Käyttö: tyo invoice [VALITSIMET] KOMENTO [ARGUMENTIT]..."
    assert usage("settings", "set") == "Käyttö: tyo settings set [VALITSIMET] {avain} {arvo}"
    english = tyo("billing", "--help").stdout.splitlines()[0]
    assert english == "Usage: tyo billing [OPTIONS] [MONTH] | year YEAR"


def test_a_long_example_goes_on_as_a_shell_reads_it(tyo: Tyo) -> None:
    lines = tyo("new-process", "--help").stdout.splitlines()
    start = lines.index(
        "  Example: tyo new-process hoitajat-2027 --client pohde --kind group --start \\"
    )
    assert lines[start + 1 : start + 4] == [
        '      "2027-01-12 14:00" --every 4w --count 10 --duration 90 --participant \\',
        '      "Aino Virtanen <aino@example.fi>" --place "Kauppurienkatu 10, Oulu" \\',
        '      --goal "Työnjaon selkiyttäminen"',
    ]
    assert all(len(line) <= 80 for line in lines[start : start + 4])


def test_export_help_gives_three_examples_on_three_lines(tyo: Tyo) -> None:
    lines = tyo("export", "--help").stdout.splitlines()
    assert [line for line in lines if "Example:" in line] == [
        "  Example: tyo export pohde -o ~/pohde-data",
        '  Example: tyo export --participant "Aino Virtanen" -o ~/aino-data',
        "  Example: tyo export --all -o ~/tyo-backup-2027-01-04.tar.gz",
    ]


def test_parser_complaints_in_finnish(tyo: Tyo) -> None:
    missing = tyo("--lang", "fi", "client", "add")
    assert missing.stderr == (
        "tyo client add: argumentti 'TUNNUS' puuttuu. (katso `tyo client add --help`)\n"
    )
    no_value = tyo("--lang", "fi", "agenda", "--from")
    assert "valitsimelle '--from' puuttuu arvo" in no_value.stderr
    extra = tyo("--lang", "fi", "client", "show", "pohde", "ylimäärä")
    assert extra.stderr.startswith(
        "tyo client show: ylimääräinen argumentti ylimäärä: puuttuuko lainausmerkki tai valitsin?"
    )
    assert tyo("client", "show", "pohde", "a", "b").stderr.startswith(
        "tyo client show: unexpected arguments a b: is a quote or an option missing?"
    )
