"""``tyo summary``: documents a supervisor hands over, compared with reviewed snapshots.

The snapshots in ``tests/snapshots/`` were read by eye as the documents they are. After an
intended change, regenerate them with ``TYO_UPDATE_SNAPSHOTS=1 pytest tests/test_sessions_summary.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.sessions_sample import PROCESS, WITHOUT_GOALS
from tyonohjaus_cli.domain.enums import KIND_NAMES
from tyonohjaus_cli.domain.goals import (
    AGREED_WITH,
    REVIEWED_WITH,
    agreed_with_text,
    reviewed_with_text,
)
from tyonohjaus_cli.i18n import has_translation

midway = sessions_sample.midway

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _matches_snapshot(text: str, name: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("TYO_UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {name}: run with TYO_UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("audience", "lang", "form"),
    [
        ("client", "fi", "txt"),
        ("participants", "fi", "txt"),
        ("client", "en", "txt"),
        ("participants", "en", "txt"),
        ("client", "en", "md"),
        ("participants", "fi", "md"),
        ("client", "sv", "txt"),
    ],
)
def test_summary_snapshot(midway: Tyo, audience: str, lang: str, form: str) -> None:
    result = midway("summary", PROCESS, "--for", audience, "--lang", lang, "--format", form)
    assert result.exit_code == 0, result.output
    _matches_snapshot(result.stdout, f"summary-{audience}-{lang}.{form}")


def test_summary_is_in_the_clients_document_language(midway: Tyo) -> None:
    """The client ``pohde`` writes Finnish; the interface language does not change that."""
    result = midway("--lang", "en", "summary", PROCESS, "--for", "client")
    assert result.stdout.startswith("TYÖNOHJAUKSEN YHTEENVETO\nTilaajalle, 10.5.2027\n")
    assert midway("client", "edit", "pohde", "--lang", "sv").exit_code == 0
    swedish = midway("summary", PROCESS, "--for", "client")
    assert swedish.stdout.startswith("SAMMANFATTNING AV ARBETSHANDLEDNINGEN\n")


def test_summary_to_a_private_file(midway: Tyo, tmp_path: Path) -> None:
    target = tmp_path / "yhteenveto.md"
    target.write_text("an older draft", encoding="utf-8")
    target.chmod(0o644)
    result = midway("summary", PROCESS, "--for", "client", "--format", "md", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == f"Wrote the summary to {target}.\n"
    assert target.read_text(encoding="utf-8").startswith("# Työnohjauksen yhteenveto\n")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--for", "boss"), "Invalid value for '--for'"),
        (("--for", "client", "--format", "docx"), "Invalid value for '--format'"),
        (("--for", "client", "--lang", "de"), "expected fi, sv or en"),
    ],
)
def test_summary_bad_options(midway: Tyo, args: tuple[str, ...], message: str) -> None:
    result = midway("summary", PROCESS, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_summary_of_a_process_without_goals_or_meetings_held(initialised: Tyo) -> None:
    created = initialised(*WITHOUT_GOALS)
    assert created.exit_code == 0
    result = initialised("summary", "yksin", "--for", "participants", "--lang", "en")
    assert result.exit_code == 0
    assert "No goals were recorded for this process." in result.stdout
    assert "Attendance" not in result.stdout
    assert "Themes" not in result.stdout


def test_every_document_word_has_swedish_and_finnish() -> None:
    """Words kept in tables (kinds, who agreed) are translated like the literal ones."""
    words = [
        *KIND_NAMES.values(),
        *(agreed_with_text(by, size, "en") for by in AGREED_WITH for size in (1, 2)),
        *(reviewed_with_text(with_, size, "en") for with_ in REVIEWED_WITH for size in (1, 2)),
        "held",
        "no-show",
        "planned",
        "cancelled",
    ]
    assert [w for w in words if not has_translation(w, "sv") or not has_translation(w, "fi")] == []


def test_summary_warns_of_past_meetings_not_logged(
    midway: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-06-02 09:00")
    result = midway("summary", PROCESS, "--for", "client")
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: meetings 6 of hoitajat-2027 are past but not logged, so the summary counts "
        "them as planned: `tyo log hoitajat-2027 N` records them\n"
    )


def test_words_kept_in_tables_of_the_commands_have_finnish() -> None:
    from tyonohjaus_cli.cli import progress
    from tyonohjaus_cli.domain.goals import agreed_with_party

    agreed = [agreed_with_party(by, size, "en") for by in AGREED_WITH for size in (1, 2)]
    words = [
        *progress._DUE.values(),
        *progress.REVIEW_POINT_REACHED.values(),
        *agreed,
    ]
    assert [w for w in words if not has_translation(w, "fi")] == []
