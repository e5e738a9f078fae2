"""DESIGN.md §2: what is said in supervision stays in the private session log.

Secrets planted in a note, a theme, a working method and an unshared review may appear in
``tyo notes`` (all of them) and in the participants' summary (the theme and the review
done with the participants), and nowhere a client could see.

:data:`CLIENT_FACING` lists every command whose output may reach a client or a third
party. A command built later joins the checks by adding a line there (or to
:data:`WHEN_REGISTERED`, keyed by the command's name, while it lives on another branch).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.sessions_sample import (
    NAMES,
    PROCESS,
    SECRET_METHOD,
    SECRET_NOTE,
    SECRET_REVIEW,
    SECRET_THEME,
    SECRETS,
    SHARED_COMMENT,
)
from tyonohjaus_cli.storage.store import Store


@pytest.fixture
def midway(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    """The sample process on 2027-05-10, with April invoiced (invoice 1000)."""
    tyo = sessions_sample.at_midway(initialised, monkeypatch)
    result = tyo("invoice", "create", "2027-04", "--client", "pohde")
    assert result.exit_code == 0, result.output
    return tyo


CLIENT_FACING: list[tuple[str, ...]] = [
    ("summary", PROCESS, "--for", "client"),
    ("summary", PROCESS, "--for", "client", "--format", "md"),
    ("summary", PROCESS, "--for", "client", "--lang", "en"),
    ("summary", PROCESS, "--for", "client", "--lang", "sv", "--format", "md"),
    ("agenda", "--from", "2027-01-01", "--to", "2027-12-31", "--json"),
    ("agenda", "--from", "2027-01-01", "--to", "2027-12-31", "--csv"),
    ("process", "list", "--json"),
    ("client", "show", "pohde", "--json"),
    ("billing", "2027-04", "--json"),
    ("billing", "2027-04"),
    ("invoice", "show", "1000", "--json"),
    ("invoice", "show", "1000"),
    ("invoice", "list", "--json"),
    ("ics", PROCESS),
    ("ics", PROCESS, "--meeting", "6", "--method", "request"),
    ("ics", PROCESS, "--meeting", "6", "--method", "request", "--eml"),
    ("ics", "--every-process", "--participants", "--alarm", "30"),
]
"""Commands whose output may be handed to a client or a third party."""

WHEN_REGISTERED: dict[str, list[tuple[str, ...]]] = {}
"""Client-facing commands of other areas, checked as soon as ``tyo`` has them (by name)."""

SUPERVISOR_JSON: list[tuple[str, ...]] = [("process", "show", PROCESS, "--json")]
"""The supervisor's own machine output, which scripts may pass on: no secrets either."""


def client_facing() -> list[tuple[str, ...]]:
    """Every client-facing command line this build of tyo has."""
    extra = [
        line
        for name, lines in WHEN_REGISTERED.items()
        if sessions_sample.registered(name)
        for line in lines
    ]
    return [*CLIENT_FACING, *extra]


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


@pytest.mark.parametrize("argv", client_facing() + SUPERVISOR_JSON, ids=" ".join)
def test_no_secret_in_client_facing_output(midway: Tyo, argv: tuple[str, ...]) -> None:
    result = midway(*argv)
    assert result.exit_code == 0, result.output
    assert _leaks(result.output) == []


@pytest.mark.parametrize("argv", client_facing(), ids=" ".join)
def test_client_facing_commands_never_read_the_session_log(
    midway: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    """Structural: with the session log unreadable, every client-facing command still works."""
    for log in (store_path / "sessions").glob("*.json"):
        log.write_text("{ this is not the session log", encoding="utf-8")

    def refuse(self: Store, process_id: str) -> None:
        raise AssertionError(f"{' '.join(argv)} read the session log of {process_id}")

    monkeypatch.setattr(Store, "session_log", refuse)
    result = midway(*argv)
    assert result.exit_code == 0, result.output


def test_client_summary_has_totals_not_names_and_only_shared_reviews(midway: Tyo) -> None:
    result = midway("summary", PROCESS, "--for", "client", "--lang", "en")
    assert result.exit_code == 0
    assert _leaks(result.stdout) == []
    assert [name for name in NAMES if name.split()[0] in result.stdout] == []
    assert "Attendance:    14 of 16 possible (88%)" in result.stdout
    assert SHARED_COMMENT in result.stdout
    assert "Roolit ovat epäselviä" not in result.stdout  # the unshared baseline review


def test_client_summary_names_people_only_when_asked(midway: Tyo) -> None:
    result = midway("summary", PROCESS, "--for", "client", "--attendance-by-name", "--lang", "en")
    assert result.exit_code == 0
    assert "Eero Esimerkki  3 of 4" in result.stdout
    assert _leaks(result.stdout) == []


def test_participants_summary_has_themes_and_their_reviews_but_no_notes(midway: Tyo) -> None:
    result = midway("summary", PROCESS, "--for", "participants", "--lang", "en")
    assert result.exit_code == 0
    assert SECRET_THEME in result.stdout
    assert SECRET_REVIEW in result.stdout
    assert SECRET_NOTE not in result.stdout
    assert SECRET_METHOD not in result.stdout


def test_notes_show_everything_to_the_supervisor(midway: Tyo) -> None:
    result = midway("notes", PROCESS)
    assert result.exit_code == 0
    assert set(_leaks(result.stdout)) == set(SECRETS)


def test_secrets_are_stored_only_in_the_session_log_and_its_history(
    midway: Tyo, store_path: Path
) -> None:
    """The index, the process files and everything else the store keeps are free of them."""
    midway("process", "list")  # builds the index
    for argv in [("ics", PROCESS), ("ics", "--every-process", "--participants")]:
        assert midway(*argv).exit_code == 0  # keeps events and VTIMEZONEs in .cache/
    assert list((store_path / ".cache" / "calendars").iterdir())
    holders = sorted(
        str(path.relative_to(store_path).parent)
        for path in store_path.rglob("*")
        if path.is_file() and _leaks(path.read_text(encoding="utf-8"))
    )
    assert set(holders) == {"history", "sessions"}


def test_process_file_keeps_what_billing_needs(midway: Tyo, store_path: Path) -> None:
    text = (store_path / "processes" / f"{PROCESS}.toml").read_text(encoding="utf-8")
    assert "held_minutes = 75" in text
    assert "attended = 3" in text
    assert SHARED_COMMENT in text
    shown = json.loads(midway("process", "show", PROCESS, "--json").stdout)
    assert [m["status"] for m in shown["meetings"]][:5] == [
        "held", "held", "cancelled", "held", "held",
    ]  # fmt: skip


@pytest.mark.parametrize("named", [False, True], ids=["plain", "--participants"])
def test_no_secret_in_the_invoice_pdf(midway: Tyo, tmp_path: Path, named: bool) -> None:
    import io

    from pypdf import PdfReader

    target = tmp_path / "lasku.pdf"
    extra = ("--participants",) if named else ()
    result = midway("invoice", "pdf", "1000", "-o", str(target), *extra)
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Hoitajien ryhmätyönohjaus" in text  # the PDF's text is readable here
    assert _leaks(text) == []


def test_no_secret_in_a_clients_export(midway: Tyo, tmp_path: Path) -> None:
    """A data access request gets the client's data, never the session log."""
    target = tmp_path / "export"
    result = midway("export", "pohde", "-o", str(target))
    assert result.exit_code == 0, result.output
    written = [path for path in target.rglob("*") if path.is_file()]
    assert written
    for path in written:
        assert _leaks(path.read_bytes().decode("utf-8", "replace")) == [], path
