"""Finnish and English are both complete: every message and every help text has Finnish."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import tyonohjaus_cli
from tests.conftest import Tyo
from tyonohjaus_cli.i18n import format_date, format_datetime, format_money, has_translation

SOURCE = Path(tyonohjaus_cli.__file__).parent


def _literal_messages() -> Iterator[tuple[str, str]]:
    """Every ``t("...")`` and both forms of every ``tn("...", "...", n)`` in the source."""
    for path in sorted(SOURCE.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                forms = {"t": 1, "tn": 2}.get(node.func.id, 0)
                for arg in node.args[:forms]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        yield arg.value, f"{path.relative_to(SOURCE)}:{node.lineno}"


def _help_texts() -> Iterator[tuple[str, str]]:
    """Every help text of the command tree, as the English run sees it."""
    from typer.main import get_command

    from tyonohjaus_cli.cli.app import app
    from tyonohjaus_cli.cli.lazy import LazyGroup

    root = get_command(app)
    assert isinstance(root, LazyGroup)
    for name in LazyGroup.entries:
        yield LazyGroup.entries[name].summary, f"tyo --help: {name}"
        root.load(name)

    def walk(command: object, path: str) -> Iterator[tuple[str, str]]:
        help_text = getattr(command, "help", None)
        if help_text:
            yield help_text, path
        for param in getattr(command, "params", []):
            if getattr(param, "help", None) and param.name not in (
                "install_completion",
                "show_completion",
                "help",
            ):
                yield param.help, f"{path} {param.name}"
        if isinstance(command, LazyGroup) and command is not root:
            for name in command.entries:  # a group's own lazily loaded commands
                command.load(name)
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    yield from walk(root, "tyo")


def test_every_message_has_finnish() -> None:
    missing = sorted(
        {
            f"{where}: {msgid!r}"
            for msgid, where in _literal_messages()
            if not has_translation(msgid, "fi")
        }
    )
    assert missing == []


def test_every_help_text_has_finnish() -> None:
    missing = sorted(
        {f"{where}: {text!r}" for text, where in _help_texts() if not has_translation(text, "fi")}
    )
    assert missing == []


def test_finnish_translations_keep_their_fields() -> None:
    """A translation uses exactly the ``{fields}`` of its English message."""
    import string

    from tyonohjaus_cli.i18n.fi import MESSAGES

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    wrong = [msgid for msgid, text in MESSAGES.items() if fields(msgid) != fields(text)]
    assert wrong == []


def test_finnish_dates_times_and_money() -> None:
    moment = datetime(2027, 1, 12, 14, 0)
    assert format_datetime(moment, lang="fi") == "ti 12.1.2027 klo 14.00"
    assert format_datetime(moment.replace(hour=9), lang="sv") == "tis 12.1.2027 kl. 9.00"
    assert format_datetime(moment, lang="en") == "Tue 2027-01-12 14:00"
    assert format_date(date(2027, 6, 25), lang="fi", weekday=False) == "25.6.2027"
    assert format_money(Decimal("1234.5"), lang="fi") == "1\u00a0234,50\u00a0€"
    assert format_money(Decimal("1234.5"), lang="en") == "€1,234.50"


def test_help_speaks_finnish_headings_and_notes_too(tyo: Tyo) -> None:
    text = tyo("--lang", "fi", "client", "add", "--help").stdout
    assert text.startswith("Käyttö: tyo client add [OPTIONS] {ID}\n")
    for line in ("Argumentit:", "Valitsimet:", "[pakollinen]", "Näytä tämä ohje ja lopeta."):
        assert line in text
    for english in ("Usage:", "Arguments:", "Options:", "[required]", "Show this message"):
        assert english not in text
