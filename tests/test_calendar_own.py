"""The supervisor's own calendar (``--every-process``), hand edits, exact ends, warnings."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.conftest import Tyo
from tests.test_calendar_cli import PROCESS

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def tyo_process(initialised: Tyo) -> Tyo:
    result = initialised(*PROCESS)
    assert result.exit_code == 0, result.output
    return initialised


def events(text: str) -> list[Any]:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_every_process_has_every_meeting_with_client_and_title_and_no_names(
    tyo_process: Tyo,
) -> None:
    result = tyo_process("ics", "--every-process")
    assert result.exit_code == 0, result.output
    found = events(result.stdout)
    assert len(found) == 10
    assert {str(e["SUMMARY"]) for e in found} == {
        "Pohjoisen hyvinvointialue: Hoitajien ryhmätyönohjaus"
    }
    assert "Aino" not in result.stdout
    named = tyo_process("ics", "--every-process", "--participants").stdout
    assert "Participants: Aino Virtanen; Meikäläinen, Matti" in events(named)[0]["DESCRIPTION"]
    single = events(tyo_process("ics", "hoitajat-2027").stdout)
    assert [e["UID"] for e in found] == [e["UID"] for e in single]
    later = events(tyo_process("ics", "--every-process", "--from", "2027-11-01").stdout)
    assert len(later) == 5
    assert tyo_process("ics", "--every-process", "--client", "muu").exit_code == 2


def test_a_hand_edit_of_the_place_raises_sequence_and_dtstamp(
    tyo_process: Tyo, store_path: Path
) -> None:
    before = events(tyo_process("ics", "hoitajat-2027").stdout)
    assert {e["SEQUENCE"] for e in before} == {0}
    path = store_path / "processes" / "hoitajat-2027.toml"
    text = path.read_text(encoding="utf-8")
    assert 'calendar = "0:' in text
    path.write_text(text.replace("Kauppurienkatu 10, Oulu", "Isokatu 1, Oulu"), encoding="utf-8")
    edited = datetime(2027, 1, 5, 8, 30, tzinfo=HELSINKI).timestamp()
    os.utime(path, (edited, edited))

    result = tyo_process("ics", "hoitajat-2027", "--meeting", "2")
    assert result.exit_code == 0, result.output
    (event,) = events(result.stdout)
    assert (event["SEQUENCE"], event["LOCATION"]) == (1, "Isokatu 1, Oulu")
    assert event.decoded("DTSTAMP") == datetime(2027, 1, 5, 6, 30, tzinfo=ZoneInfo("UTC"))
    # Written down, so that it stays raised, and raised again by the next hand edit.
    assert 'calendar = "1:' in path.read_text(encoding="utf-8")
    assert {e["SEQUENCE"] for e in events(tyo_process("ics", "hoitajat-2027").stdout)} == {1}
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Isokatu 1, Oulu", "Isokatu 3, Oulu"), encoding="utf-8")
    assert {e["SEQUENCE"] for e in events(tyo_process("ics", "--every-process").stdout)} == {2}
    # A hand edit that changes nothing a recipient sees raises nothing.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Työnjaon selkiyttäminen", "Työnjako"), encoding="utf-8")
    assert {e["SEQUENCE"] for e in events(tyo_process("ics", "hoitajat-2027").stdout)} == {2}


def test_a_90_minute_meeting_moved_to_0230_on_the_night_clocks_go_forward_ends_at_0500(
    tyo_process: Tyo,
) -> None:
    moved = tyo_process("meeting", "move", "hoitajat-2027", "2", "--to", "2027-03-28 02:30")
    assert moved.exit_code == 0, moved.output
    (event,) = events(tyo_process("ics", "hoitajat-2027", "--meeting", "2").stdout)
    assert event.decoded("DTSTART") == datetime(2027, 3, 28, 2, 30, tzinfo=HELSINKI)
    assert event.decoded("DTEND") == datetime(2027, 3, 28, 5, 0, tzinfo=HELSINKI)
    assert b"DTEND;TZID=Europe/Helsinki:20270328T050000" in tyo_process(
        "ics", "hoitajat-2027"
    ).stdout.encode().replace(b"\r\n ", b"")


def test_a_participant_without_an_address_is_named_in_a_warning(
    initialised: Tyo, tmp_path: Path
) -> None:
    args = list(PROCESS)
    args[args.index("Aino Virtanen <aino@example.fi>")] = "Aino Virtanen"
    assert initialised(*args).exit_code == 0
    result = initialised("ics", "hoitajat-2027", "--meeting", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: Aino Virtanen has no e-mail address: the invitation does not reach them "
        "(add it in processes/hoitajat-2027.toml)\n"
    )
    assert "Aino" not in result.stdout
    eml = initialised("ics", "hoitajat-2027", "--all", "--eml", "-o", str(tmp_path / "out"))
    assert eml.stderr.count("Aino Virtanen has no e-mail address") == 1


def test_eml_date_is_when_it_was_written(tyo_process: Tyo, tmp_path: Path) -> None:
    target = tmp_path / "kutsu.eml"
    result = tyo_process("ics", "hoitajat-2027", "--meeting", "1", "--eml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert re.search(rb"\r\nDate: Mon, 04 Jan 2027 07:00:00 \+0000\r\n", target.read_bytes())


def test_place_typed_with_backslash_n_is_a_line_break(initialised: Tyo) -> None:
    args = list(PROCESS)
    args[args.index("Kauppurienkatu 10, Oulu")] = "Kauppurienkatu 10\\n90100 Oulu"
    assert initialised(*args).exit_code == 0
    (event, *_) = events(initialised("ics", "hoitajat-2027").stdout)
    assert event["LOCATION"] == "Kauppurienkatu 10\n90100 Oulu"
    agenda = json.loads(initialised("agenda", "--from", "2027-09-28", "--json").stdout)
    assert agenda[0]["venue"] == "Kauppurienkatu 10, 90100 Oulu"  # one line in tables


def test_pseudonymise_help_says_invitations_carry_the_addresses(tyo: Tyo) -> None:
    text = " ".join(tyo("ics", "--help").stdout.split())
    assert "still carries the e-mail addresses" in text


def test_process_edit_of_the_place_raises_sequence_of_the_meetings_ahead(tyo_process: Tyo) -> None:
    edited = tyo_process("process", "edit", "hoitajat-2027", "--place", "Isokatu 1, Oulu")
    assert edited.exit_code == 0, edited.output
    found = events(tyo_process("ics", "hoitajat-2027").stdout)
    assert {e["SEQUENCE"] for e in found} == {1}
    assert {str(e["LOCATION"]) for e in found} == {"Isokatu 1, Oulu"}
    assert {e.decoded("DTSTAMP") for e in found} == {
        datetime(2027, 1, 4, 7, 0, tzinfo=ZoneInfo("UTC"))
    }


def test_process_edit_place_with_backslash_n_is_a_line_break(tyo_process: Tyo) -> None:
    edited = tyo_process("process", "edit", "hoitajat-2027", "--place", "Isokatu 1\\nOulu")
    assert edited.exit_code == 0, edited.output
    (event, *_) = events(tyo_process("ics", "hoitajat-2027").stdout)
    assert event["LOCATION"] == "Isokatu 1\nOulu"
