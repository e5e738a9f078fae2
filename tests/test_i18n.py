"""Finnish and English are both complete: every message and every help text has Finnish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import tyonohjaus_cli
from tests import i18n_check
from tests.conftest import Tyo
from tyonohjaus_cli.i18n import format_date, format_datetime, format_money, has_translation

SOURCE = Path(tyonohjaus_cli.__file__).parent


def _sources() -> dict[str, str]:
    """tyo's own modules, by path under the package; the catalogues are not message calls."""
    return {
        path.relative_to(SOURCE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(SOURCE.rglob("*.py"))
        if "i18n" not in path.relative_to(SOURCE).parts
    }


NOT_LITERAL_ON_PURPOSE = {
    ("cli/help.py", "doc"): "a command's docstring: test_every_help_text_has_finnish reads them",
    ("cli/billing.py", "inspect.cleandoc(billing.__doc__ or '')"): "the same, for a callback",
}
"""Messages that are not literals, each with what checks it instead."""


def _scan() -> i18n_check.Scan:
    return i18n_check.scan(_sources())


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
    """Every message of a t(), both forms of every tn(), and what wrappers are given."""
    missing = sorted(
        {f"{m.where}: {m.text!r}" for m in _scan().messages if not has_translation(m.text, "fi")}
    )
    assert missing == []


def test_every_message_of_a_document_has_swedish() -> None:
    """A call that names its language (``lang=``) writes a document for a client, which may
    be Swedish; the interface itself is Finnish or English, so Swedish needs no more."""
    documents = [m for m in _scan().messages if m.document]
    assert len(documents) > 300
    assert {m.form for m in documents} == {"t", "one", "many"}
    missing = sorted(
        {f"{m.where}: {m.text!r}" for m in documents if not has_translation(m.text, "sv")}
    )
    assert missing == []


def test_the_source_keeps_the_rules_of_its_words() -> None:
    """Literal messages, counts through tn(), every field given, no sentence of fragments
    (the rules: tests/i18n_check.py)."""
    findings = _scan().findings
    exempt = {
        finding
        for finding in findings
        if finding.rule == "literal"
        and any(
            finding.where.startswith(f"{path}:") and finding.detail.endswith(f": {expression}")
            for path, expression in NOT_LITERAL_ON_PURPOSE
        )
    }
    assert sorted(map(str, set(findings) - exempt)) == []
    assert len(exempt) == len(NOT_LITERAL_ON_PURPOSE)  # no exemption outlives its call


def test_every_help_text_has_finnish() -> None:
    missing = sorted(
        {f"{where}: {text!r}" for text, where in _help_texts() if not has_translation(text, "fi")}
    )
    assert missing == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_translations_keep_their_fields(lang: str) -> None:
    """A translation uses exactly the ``{fields}`` of its English message (each form of a
    tn() is a message of its own)."""
    import importlib

    messages = importlib.import_module(f"tyonohjaus_cli.i18n.{lang}").MESSAGES
    fields = i18n_check.fields_of
    wrong = [msgid for msgid, text in messages.items() if fields(msgid) != fields(text)]
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
    assert text.startswith("Käyttö: tyo client add [VALITSIMET] {TUNNUS}\n")
    for line in ("Argumentit:", "Valitsimet:", "[pakollinen]", "Näytä tämä ohje ja lopeta."):
        assert line in text
    for english in ("Usage:", "Arguments:", "Options:", "[required]", "Show this message"):
        assert english not in text
