"""A process planned as a proposal (an offer sent) is on no agenda, calendar or bill until
the client accepts it; accepting keeps its plan, meetings and calendar UIDs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Tyo

PROPOSAL = (
    "new-process",
    "tarjous-2027",
    "--client",
    "pohde",
    "--kind",
    "group",
    "--start",
    "2027-01-12 14:00",
    "--every",
    "4w",
    "--count",
    "3",
    "--duration",
    "90",
    "--proposal",
)


def _uids(tyo: Tyo) -> list[str]:
    shown = json.loads(tyo("process", "show", "tarjous-2027", "--json").stdout)
    return [meeting["uid"] for meeting in shown["meetings"]]


def test_a_proposal_is_nowhere_until_accepted(initialised: Tyo, tmp_path: Path) -> None:
    tyo = initialised
    made = tyo(*PROPOSAL)
    assert made.exit_code == 0, made.output
    assert "tyo offer tarjous-2027" in made.stdout
    before = _uids(tyo)
    listed = json.loads(tyo("process", "list", "--json").stdout)
    assert [(row["id"], row["status"]) for row in listed] == [("tarjous-2027", "proposal")]
    assert json.loads(tyo("process", "list", "--active", "--json").stdout) == []

    agenda = tyo("agenda", "--from", "2027-01-01", "--to", "2027-12-31", "--json")
    assert agenda.exit_code == 0, agenda.output
    assert json.loads(agenda.stdout) == []
    ics = tyo("ics", "tarjous-2027", "-o", str(tmp_path / "t.ics"))
    assert ics.exit_code == 2
    assert "tyo process accept tarjous-2027" in ics.stderr
    assert not (tmp_path / "t.ics").exists()
    logged = tyo("log", "tarjous-2027", "1", "--note", "x", "--force")
    assert logged.exit_code == 2
    assert "is a proposal" in logged.stderr
    billing = json.loads(tyo("billing", "2027-01", "--json").stdout)
    assert billing["clients"] == []

    accepted = tyo("process", "accept", "tarjous-2027")
    assert accepted.exit_code == 0, accepted.output
    assert _uids(tyo) == before
    agenda = tyo("agenda", "--from", "2027-01-01", "--to", "2027-12-31", "--json")
    assert [item["n"] for item in json.loads(agenda.stdout)] == [1, 2, 3]
    assert tyo("ics", "tarjous-2027", "-o", str(tmp_path / "t.ics")).exit_code == 0
    for uid in before:
        assert f"UID:{uid}" in (tmp_path / "t.ics").read_text(encoding="utf-8")
    again = tyo("process", "accept", "tarjous-2027")
    assert again.exit_code == 2
    assert "is not a proposal" in again.stderr


def test_a_declined_proposal_stays_off_the_agenda(initialised: Tyo) -> None:
    tyo = initialised
    assert tyo(*PROPOSAL).exit_code == 0
    declined = tyo("process", "decline", "tarjous-2027")
    assert declined.exit_code == 0, declined.output
    shown = json.loads(tyo("process", "show", "tarjous-2027", "--json").stdout)
    assert shown["status"] == "declined"
    agenda = tyo("agenda", "--from", "2027-01-01", "--to", "2027-12-31", "--json")
    assert json.loads(agenda.stdout) == []
    assert tyo("process", "accept", "tarjous-2027").exit_code == 2
    moved = tyo("meeting", "move", "tarjous-2027", "1", "--to", "2027-01-13 14:00")
    assert moved.exit_code == 2
    assert "was declined" in moved.stderr


def test_a_proposal_can_not_be_closed_but_declined(initialised: Tyo) -> None:
    tyo = initialised
    assert tyo(*PROPOSAL).exit_code == 0
    closed = tyo("process", "close", "tarjous-2027", "--cancel-remaining")
    assert closed.exit_code == 2
    assert "tyo process decline tarjous-2027" in closed.stderr


def test_a_proposal_in_finnish(initialised: Tyo) -> None:
    tyo = initialised
    assert tyo(*PROPOSAL).exit_code == 0
    listed = tyo("--lang", "fi", "process", "list")
    assert "tarjous" in listed.stdout
    assert "proposal" not in listed.stdout


def test_a_proposal_is_not_pending(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither its meetings tomorrow nor its past ones unlogged show in `tyo today` / `tyo`."""
    tyo = initialised
    assert tyo(*PROPOSAL).exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-01-11 09:00")  # the day before meeting 1
    assert tyo("today").stdout == "Nothing pending on Mon 2027-01-11.\n"
    monkeypatch.setenv("TYO_NOW", "2027-03-01 09:00")  # meetings 1 and 2 past, never logged
    assert tyo("today").stdout == "Nothing pending on Mon 2027-03-01.\n"
    assert tyo().stdout == "Nothing pending on Mon 2027-03-01.\n"
    assert tyo("process", "accept", "tarjous-2027").exit_code == 0
    accepted = tyo("today").stdout
    assert "tarjous-2027" in accepted
    assert "tyo log tarjous-2027" in accepted
