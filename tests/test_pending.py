"""``tyo today`` and ``tyo`` alone: what is pending, each line with its command (issue 12)."""

from __future__ import annotations

import pytest

from tests.conftest import Tyo

PLAN = (
    "new-process", "hoitajat-2027", "--client", "pohde", "--kind", "group",
    "--start", "2027-01-12 14:00", "--every", "2w", "--count", "8", "--duration", "90",
    "--participant", "Aino Virtanen", "--participant", "Eero Esimerkki",
    "--place", "Kauppurienkatu 10, Oulu", "--title", "Hoitajat", "--goal", "Työnjako",
)  # fmt: skip


@pytest.fixture
def planned(initialised: Tyo) -> Tyo:
    result = initialised(*PLAN)
    assert result.exit_code == 0, result.output
    return initialised


def test_nothing_pending(initialised: Tyo) -> None:
    assert initialised("today").stdout == "Nothing pending on Mon 2027-01-04.\n"


def test_tyo_alone_shows_what_is_pending_once_there_is_a_store(tyo: Tyo, initialised: Tyo) -> None:
    assert initialised().stdout == "Nothing pending on Mon 2027-01-04.\n"
    assert initialised("--lang", "fi").stdout == "Ei mitään hoitamatta ma 4.1.2027.\n"


def test_tyo_alone_without_a_store_is_the_help(tyo: Tyo) -> None:
    result = tyo()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: tyo")


def test_meetings_today_and_tomorrow(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-01-11 09:00")
    assert planned("today").stdout == (
        "Today and tomorrow\n"
        "  Tue 2027-01-12 14:00  hoitajat-2027 #1, Kauppurienkatu 10, Oulu  "
        "tyo ics hoitajat-2027 --meeting 1\n"
    )


def test_every_kind_of_line(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    # Meetings every two weeks from 12.1.: 1 is held and invoiced (invoice 1000, due 22.2.),
    # 2 (26.1.) and 4 (23.2.) are never logged, 3 (9.2.) is held and not invoiced, 5 to 8
    # are cancelled, and one more is added for 13.7.; no goal review ever.
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    assert planned("log", "hoitajat-2027", "--present", "Aino", "--note", "x").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert planned("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-03-01 09:00")
    assert planned("log", "hoitajat-2027", "3", "--present", "Aino", "--note", "x").exit_code == 0
    for n in ("5", "6", "7", "8"):
        assert planned("meeting", "cancel", "hoitajat-2027", n, "--by", "supervisor").exit_code == 0
    assert planned("meeting", "add", "hoitajat-2027", "--at", "2027-07-13 14:00").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-07-12 09:00")
    result = planned("today")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Today and tomorrow\n"
        "  Tue 2027-07-13 14:00  hoitajat-2027 #9, Kauppurienkatu 10, Oulu    tyo ics hoitajat-2027 --meeting 9\n"
        "\n"
        "Not logged\n"
        "  Tue 2027-01-26 14:00  hoitajat-2027 #2, Kauppurienkatu 10, Oulu    tyo log hoitajat-2027 2\n"
        "  Tue 2027-02-23 14:00  hoitajat-2027 #4, Kauppurienkatu 10, Oulu    tyo log hoitajat-2027 4\n"
        "\n"
        "Not invoiced\n"
        "  pohde 2027-02: €238.45 not yet invoiced                            tyo invoice create 2027-02 --client pohde\n"
        "\n"
        "Unpaid past the due date\n"
        "  invoice 1000 to pohde: €238.45, due Mon 2027-02-22                 tyo invoice paid 1000\n"
        "\n"
        "Goals without a review in six months\n"
        "  hoitajat-2027: goals not reviewed since the start, Tue 2027-01-12  tyo goal review hoitajat-2027 --goal G --score 1..5\n"
    )  # fmt: skip
    assert planned("invoice", "paid", "1000").exit_code == 0
    assert "Unpaid past the due date" not in planned("today").stdout
    # Open items and meetings never logged are sought over the 36 months a claim lasts.
    monkeypatch.setenv("TYO_NOW", "2030-02-01 09:00")
    later = planned("today").stdout
    assert "tyo invoice create 2027-02 --client pohde" in later
    assert "tyo log hoitajat-2027 4" in later
    assert "tyo log hoitajat-2027 2" not in later
    monkeypatch.setenv("TYO_NOW", "2030-03-01 09:00")
    later = planned("today").stdout
    assert "Not invoiced" not in later
    assert "tyo log hoitajat-2027 4" not in later
    assert "tyo log hoitajat-2027 9" in later  # 13.7.2027, within the 36 months


def test_a_recent_review_is_not_due(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    planned("log", "hoitajat-2027", "--present", "Aino", "--note", "x")
    monkeypatch.setenv("TYO_NOW", "2027-03-01 09:00")
    planned(
        "goal", "review", "hoitajat-2027", "--goal", "1", "--score", "3", "--with", "participants"
    )
    monkeypatch.setenv("TYO_NOW", "2027-08-31 09:00")
    assert "Goals without a review" not in planned("today").stdout
    monkeypatch.setenv("TYO_NOW", "2027-09-01 09:00")
    assert "hoitajat-2027: goals last reviewed Mon 2027-03-01" in planned("today").stdout


def test_agenda_marks_a_past_meeting_never_logged(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-01-26 15:00")  # meeting 2 is under way
    shown = planned("--lang", "fi", "agenda", "--from", "2027-01-01", "--to", "2027-01-31").stdout
    assert shown.splitlines()[1].endswith("kirjaamatta")
    assert shown.splitlines()[2].endswith("suunniteltu")
    monkeypatch.setenv("TYO_NOW", "2027-01-26 15:30")
    shown = planned("agenda", "--from", "2027-01-01", "--to", "2027-01-31").stdout
    assert [line.rsplit("  ", 1)[-1] for line in shown.splitlines()[1:]] == [
        "not logged",
        "not logged",
    ]
    as_json = planned("agenda", "--from", "2027-01-01", "--to", "2027-01-31", "--json").stdout
    assert '"status": "planned"' in as_json  # the contract keeps the stored status


def test_process_show_marks_a_past_meeting_never_logged(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-01-26 15:00")  # meeting 2 is under way
    shown = planned("--lang", "fi", "process", "show", "hoitajat-2027").stdout
    rows = [line.split() for line in shown.splitlines() if line[:2] in ("1 ", "2 ")]
    assert [row[-1] for row in rows] == ["kirjaamatta", "suunniteltu"]
    monkeypatch.setenv("TYO_NOW", "2027-01-26 15:30")
    shown = planned("process", "show", "hoitajat-2027").stdout
    assert shown.count("not logged") == 2
    as_json = planned("process", "show", "hoitajat-2027", "--json").stdout
    assert '"status": "planned"' in as_json
    assert "not logged" not in as_json
