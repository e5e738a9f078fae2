"""Finnish as a supervisor types it: kinds, intervals, durations and months (issue 12)."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from tests.conftest import Tyo
from tyonohjaus_cli.domain import parsing
from tyonohjaus_cli.errors import UsageError


@pytest.mark.parametrize(
    ("text", "days"), [("4vk", 28), ("4 vk", 28), ("10pv", 10), ("2 viikkoa", 14), ("3 päivää", 3)]
)
def test_finnish_intervals(text: str, days: int) -> None:
    assert parsing.parse_interval(text) == timedelta(days=days)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("1,5h", 90), ("1.5h", 90), ("1 h 30 min", 90), ("0,75 h", 45), ("1 t 15 min", 75)],
)
def test_finnish_durations(text: str, minutes: int) -> None:
    assert parsing.parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["1,01h", "1,5", "12,5h", "1,5h 90 min x"])
def test_duration_fractions_refused(text: str) -> None:
    with pytest.raises(UsageError, match="is not a duration"):
        parsing.parse_duration(text)


@pytest.mark.parametrize(
    "text", ["3.2027", "maaliskuu 2027", "maalis 2027", "Maaliskuussa 2027", "03.2027"]
)
def test_finnish_months(text: str) -> None:
    assert parsing.parse_month(text) == parsing.Month(2027, 3)


@pytest.mark.parametrize("text", ["13.2027", "maaliskuuuuuuuu 2027", "mars 2027", "maalis"])
def test_finnish_month_refusals(text: str) -> None:
    with pytest.raises(UsageError, match="is not a month"):
        parsing.parse_month(text)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("ryhmä", "group"),
        ("yksilö", "individual"),
        ("työyhteisö", "community"),
        ("johto", "leadership"),
        ("kriisi", "crisis"),
        ("Yrittäjä", "entrepreneur"),
        ("group", "group"),
    ],
)
def test_kinds_in_finnish(initialised: Tyo, word: str, kind: str) -> None:
    result = initialised(
        "new-process", "p", "--client", "pohde", "--kind", word,
        "--start", "2027-01-12 14:00", "--every", "4vk", "--count", "2", "--duration", "1,5h",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = initialised("process", "show", "p", "--json").stdout
    assert f'"kind": "{kind}"' in shown
    assert '"start": "2027-02-09T14:00:00+02:00"' in shown
    assert '"end": "2027-01-12T15:30:00+02:00"' in shown


def test_months_typed_in_finnish_reach_billing(initialised: Tyo) -> None:
    for month in ("1.2027", "tammikuu 2027", "tammi 2027"):
        result = initialised("billing", month)
        assert result.exit_code == 0, result.output


def test_finnish_messages_show_finnish_forms(initialised: Tyo) -> None:
    result = initialised(
        "--lang", "fi", "new-process", "p", "--client", "pohde", "--kind", "tiimi",
        "--start", "2027-01-12 14:00", "--every", "4vk", "--count", "2",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "ryhmä" in result.stderr
    assert "työyhteisö" in result.stderr
    bad_every = initialised(
        "--lang", "fi", "new-process", "p", "--client", "pohde", "--kind", "ryhmä",
        "--start", "2027-01-12 14:00", "--every", "4kk", "--count", "2",
    )  # fmt: skip
    assert "esim. 4vk tai 10pv" in bad_every.stderr
    bad_month = initialised("--lang", "fi", "billing", "maaliskuun")
    assert "maaliskuu 2027" in bad_month.stderr


def test_finnish_help_shows_finnish_forms() -> None:
    # A fresh process: help text is chosen when a command's module is first imported.
    help_text = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", "--lang", "fi", "new-process", "--help"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "yksilö|ryhmä|työyhteisö|johto|kriisi|yrittäjä" in help_text
    assert "4vk" in help_text
    assert "1,5h" in help_text
