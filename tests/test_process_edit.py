"""``tyo process edit``: a running process changes through tyo, never by hand (issue 12)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Tyo

PLAN = (
    "new-process", "hoitajat-2027", "--client", "pohde", "--kind", "group",
    "--start", "2027-01-12 14:00", "--every", "4w", "--count", "4", "--duration", "90",
    "--participant", "Aino Virtanen <aino@example.fi>", "--participant", "Eero Esimerkki",
    "--place", "Kauppurienkatu 10, Oulu", "--title", "Hoitajat",
)  # fmt: skip


@pytest.fixture
def planned(initialised: Tyo) -> Tyo:
    result = initialised(*PLAN)
    assert result.exit_code == 0, result.output
    return initialised


def _shown(tyo: Tyo) -> dict[str, object]:
    data: dict[str, object] = json.loads(tyo("process", "show", "hoitajat-2027", "--json").stdout)
    return data


def _sequences(tyo: Tyo) -> list[int]:
    meetings = _shown(tyo)["meetings"]
    assert isinstance(meetings, list)
    return [m["sequence"] for m in meetings]


def test_a_new_place_names_the_invitations_to_send_again(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-01-20 09:00")  # meeting 1 is past
    result = planned("process", "edit", "hoitajat-2027", "--place", "Kirkkokatu 2, Oulu")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Changed process hoitajat-2027: venue.\n"
        "Calendars must hear of it: send the invitations of meetings 2, 3, 4 again "
        "(`tyo ics hoitajat-2027 --all -o DIR` writes them).\n"
    )
    assert _shown(planned)["place"] == "Kirkkokatu 2, Oulu"
    assert _sequences(planned) == [0, 1, 1, 1]
    invitation = planned("ics", "hoitajat-2027", "--meeting", "2").stdout
    assert "SEQUENCE:1" in invitation
    assert "Kirkkokatu 2" in invitation


def test_one_invitation_is_named_with_its_own_command(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-03-20 09:00")
    result = planned("process", "edit", "hoitajat-2027", "--online", "https://meet.example.fi/x")
    assert result.stdout.splitlines()[1] == (
        "Calendars must hear of it: send the invitation of meeting 4 again "
        "(`tyo ics hoitajat-2027 --meeting 4`)."
    )
    assert (_shown(planned)["place"], _shown(planned)["online"]) == (
        "",
        "https://meet.example.fi/x",
    )


def test_participants_join_leave_and_change_email(planned: Tyo) -> None:
    result = planned(
        "process", "edit", "hoitajat-2027",
        "--add-participant", "Iida Ikonen <iida@example.fi>",
        "--remove-participant", "eero", "--set-email", "Aino", "aino.v@example.fi",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Changed process hoitajat-2027: participants.\n")
    assert _shown(planned)["participants"] == [
        {"name": "Aino Virtanen", "email": "aino.v@example.fi"},
        {"name": "Iida Ikonen", "email": "iida@example.fi"},
    ]
    attendees = planned("ics", "hoitajat-2027", "--meeting", "1").stdout.replace("\r\n ", "")
    assert "iida@example.fi" in attendees
    assert "aino.v@example.fi" in attendees


@pytest.mark.parametrize("twin", ["aino virtanen", "AINO  VIRTANEN <toinen@example.fi>"])
def test_the_same_person_twice_is_refused(planned: Tyo, twin: str) -> None:
    before = _shown(planned)
    result = planned("process", "edit", "hoitajat-2027", "--add-participant", twin)
    assert (result.exit_code, result.stderr) == (
        2,
        f"tyo: {twin.split(' <', maxsplit=1)[0]!r} is a participant already: each person is named once\n",
    )
    assert _shown(planned) == before


def test_new_process_refuses_the_same_person_twice(initialised: Tyo) -> None:
    result = initialised(
        "new-process", "p", "--client", "pohde", "--kind", "group", "--start", "2027-01-12 14:00",
        "--every", "4w", "--count", "2", "--participant", "Aino Virtanen",
        "--participant", "aino virtanen",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "is a participant already" in result.stderr
    assert initialised("process", "list", "--json").stdout.strip() == "[]"


def test_a_named_group_is_logged_by_name_not_by_count(planned: Tyo) -> None:
    planned("process", "edit", "hoitajat-2027", "--add-participant", "Iida Ikonen")
    result = planned("log", "hoitajat-2027", "1", "--attendance", "2", "--note", "x", "--force")
    assert result.exit_code == 2
    assert "names its participants" in result.stderr


def test_a_new_length_reaches_only_the_meetings_ahead(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    assert planned("log", "hoitajat-2027", "--present", "Aino", "--note", "x").exit_code == 0
    result = planned("process", "edit", "hoitajat-2027", "--duration", "1 h 15 min")
    assert result.exit_code == 0, result.output
    meetings = _shown(planned)["meetings"]
    assert isinstance(meetings, list)
    assert [m["minutes"] for m in meetings] == [90, 75, 75, 75]
    assert "meetings 2, 3, 4 again" in result.stdout


def test_what_is_invoiced_stays_as_invoiced(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    assert planned("process", "edit", "hoitajat-2027", "--rate", "100").exit_code == 0
    assert _shown(planned)["rate"] == "100.00"
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    assert planned("log", "hoitajat-2027", "--present", "Aino", "--note", "x").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert planned("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    invoice = planned("invoice", "show", "1000").stdout
    refused = planned("process", "edit", "hoitajat-2027", "--first-free")
    assert (refused.exit_code, refused.stderr) == (
        2,
        (
            "tyo: meetings of hoitajat-2027 are invoiced already (invoice 1000): whether the "
            "first unit is free can't change, or what was invoiced would change with it\n"
        ),
    )
    repriced = planned("process", "edit", "hoitajat-2027", "--rate", "120", "--title", "Uusi")
    assert repriced.stdout.startswith(
        "Changed process hoitajat-2027: title, price.\n"
        "No item billed but not yet invoiced changes; invoiced ones never do.\n"
    )
    assert planned("invoice", "show", "1000").stdout == invoice
    assert "Work supervision: Hoitajat " in invoice


def test_from_goes_with_a_price(planned: Tyo) -> None:
    result = planned("process", "edit", "hoitajat-2027", "--from", "2027-03-01", "--title", "X")
    assert (result.exit_code, result.stderr) == (
        2,
        "tyo: --from goes with --rate or --meeting-price: the day the new price holds from\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "tyo: nothing to change: give an option such as --place or --title\n"),
        (("--title", "Hoitajat"), "tyo: nothing changed: hoitajat-2027 is like that already\n"),
        (("--place", "x", "--phone"), "tyo: choose one of --place, --online and --phone\n"),
        (
            ("--remove-participant", "Olli"),
            (
                "tyo: 'Olli' is not a participant of hoitajat-2027 (they are: Aino Virtanen, "
                "Eero Esimerkki)\n"
            ),
        ),
        (
            ("--rate", "90", "--meeting-price", "200"),
            "tyo: give --rate or --meeting-price, not both\n",
        ),
        (
            ("--remove-break", "2027-06-01..2027-06-30"),
            "tyo: hoitajat-2027 has no break 2027-06-01..2027-06-30 (its breaks: -)\n",
        ),
    ],
)
def test_bad_edits_are_one_line_and_change_nothing(
    planned: Tyo, args: tuple[str, ...], message: str
) -> None:
    before = _shown(planned)
    result = planned("process", "edit", "hoitajat-2027", *args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert _shown(planned) == before


def test_a_new_break_names_the_meetings_in_it(planned: Tyo) -> None:
    result = planned("process", "edit", "hoitajat-2027", "--break", "2027-02-01..2027-02-14")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: meeting 2 falls in the break: move it with "
        "`tyo meeting move hoitajat-2027 2 --to ...` or cancel it\n"
    )
    assert _shown(planned)["breaks"] == ["2027-02-01..2027-02-14"]


def test_without_a_title_the_invoice_names_the_kind_not_the_id(
    initialised: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = initialised(
        "new-process", "ryhma-x1", "--client", "pohde", "--kind", "group",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    assert initialised("log", "ryhma-x1", "--attendance", "4", "--note", "x").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert initialised("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    text = initialised("invoice", "show", "1000").stdout
    assert "Work supervision: ryhmätyönohjaus" in text
    assert "ryhma-x1" not in text
