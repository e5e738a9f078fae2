"""``tyo ics`` as a user runs it: files, invitations after moves and cancellations, errors."""

from __future__ import annotations

import email
import email.policy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import Tyo

SECRET = "SALAISUUS-c41d"

PROCESS = (
    "new-process",
    "hoitajat-2027",
    "--client",
    "pohde",
    "--kind",
    "group",
    "--title",
    "Hoitajien ryhmätyönohjaus",
    "--start",
    "2027-09-28 14:00",
    "--every",
    "1w",
    "--count",
    "10",
    "--duration",
    "90",
    "--participant",
    "Aino Virtanen <aino@example.fi>",
    "--participant",
    "Meikäläinen, Matti <matti@example.fi>",
    "--place",
    "Kauppurienkatu 10, Oulu",
    "--goal",
    f"Työnjaon selkiyttäminen {SECRET}",
)


@pytest.fixture
def tyo_process(initialised: Tyo) -> Tyo:
    result = initialised(*PROCESS)
    assert result.exit_code == 0, result.output
    return initialised


def one_event(text: str) -> Any:
    (event,) = Calendar.from_ical(text).walk("VEVENT")
    return event


def test_import_file_to_stdout_has_every_meeting(tyo_process: Tyo) -> None:
    result = tyo_process("ics", "hoitajat-2027")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    assert len(events) == 10
    assert {e["SEQUENCE"] for e in events} == {0}
    assert result.stdout.startswith("BEGIN:VCALENDAR\r\n")


def test_import_file_to_a_file(tyo_process: Tyo, tmp_path: Path) -> None:
    target = tmp_path / "hoitajat.ics"
    result = tyo_process("ics", "hoitajat-2027", "-o", str(target), "--alarm", "1h")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote 10 meetings to {target}.\n"
    data = target.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 10
    assert data.count(b"TRIGGER:-PT1H\r\n") == 10
    assert tyo_process("ics", "hoitajat-2027", "--alarm", "1h").stdout.encode() == data


def test_moving_meeting_3_then_cancelling_it_raises_the_sequence(tyo_process: Tyo) -> None:
    first = one_event(tyo_process("ics", "hoitajat-2027", "--meeting", "3").stdout)
    assert first["SEQUENCE"] == 0

    moved = tyo_process("meeting", "move", "hoitajat-2027", "3", "--to", "2027-10-13 15:00")
    assert moved.exit_code == 0, moved.output
    request = tyo_process("ics", "hoitajat-2027", "--meeting", "3", "--method", "request")
    assert request.exit_code == 0, request.output
    assert request.stdout.split("\r\n")[:2] == ["BEGIN:VCALENDAR", "METHOD:REQUEST"]
    event = one_event(request.stdout)
    assert str(event["UID"]) == str(first["UID"])
    assert event["SEQUENCE"] == 1
    assert "DTSTART;TZID=Europe/Helsinki:20271013T150000\r\n" in request.stdout

    cancelled = tyo_process(
        "meeting", "cancel", "hoitajat-2027", "3", "--by", "client", "--reason", SECRET
    )
    assert cancelled.exit_code == 0, cancelled.output
    cancel = tyo_process("ics", "hoitajat-2027", "--meeting", "3", "--method", "cancel")
    assert cancel.exit_code == 0, cancel.output
    assert cancel.stdout.split("\r\n")[:2] == ["BEGIN:VCALENDAR", "METHOD:CANCEL"]
    event = one_event(cancel.stdout)
    assert (str(event["UID"]), event["SEQUENCE"], event["STATUS"]) == (
        str(first["UID"]),
        2,
        "CANCELLED",
    )
    # Without --method, the message follows how the meeting stands.
    assert tyo_process("ics", "hoitajat-2027", "--meeting", "3").stdout == cancel.stdout


def test_all_writes_one_message_per_future_meeting(tyo_process: Tyo, tmp_path: Path) -> None:
    tyo_process("meeting", "cancel", "hoitajat-2027", "4", "--by", "supervisor")
    folder = tmp_path / "kutsut"
    result = tyo_process("ics", "hoitajat-2027", "--all", "-o", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote 10 files to {folder}.\n"
    names = sorted(path.name for path in folder.iterdir())
    assert names[:4] == [
        "hoitajat-2027-01-request.ics",
        "hoitajat-2027-02-request.ics",
        "hoitajat-2027-03-request.ics",
        "hoitajat-2027-04-cancel.ics",
    ]
    for path in folder.iterdir():
        assert path.read_bytes().count(b"BEGIN:VEVENT") == 1  # Outlook reads only the first

    only = tmp_path / "vain-peruutukset"
    result = tyo_process("ics", "hoitajat-2027", "--all", "--method", "cancel", "-o", str(only))
    assert result.exit_code == 0, result.output
    assert [path.name for path in only.iterdir()] == ["hoitajat-2027-04-cancel.ics"]


def test_all_leaves_out_meetings_already_past(
    tyo_process: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-11-10 09:00")
    result = tyo_process("ics", "hoitajat-2027", "--all", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(path.name[14:16] for path in (tmp_path / "out").iterdir()) == ["08", "09", "10"]


def test_eml_is_a_ready_e_mail(tyo_process: Tyo, tmp_path: Path) -> None:
    target = tmp_path / "kutsu.eml"
    result = tyo_process("ics", "hoitajat-2027", "--meeting", "2", "--eml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {target}.\n"
    data = target.read_bytes()
    assert b"Content-Type: text/calendar; method=REQUEST; charset=utf-8\r\n" in data
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["From"] == "Maija Mallikas <maija@example.fi>"
    assert len(message["To"].addresses) == 2
    calendar = list(message.iter_parts())[1].get_payload(decode=True)
    assert isinstance(calendar, bytes)
    assert one_event(calendar.decode())["SUMMARY"] == "Työnohjaus: Hoitajien ryhmätyönohjaus"


def test_pseudonymise(tyo_process: Tyo) -> None:
    result = tyo_process("ics", "hoitajat-2027", "--pseudonymise")
    assert result.exit_code == 0, result.output
    assert "A.V.\\; M.M." in result.stdout.replace("\r\n ", "")
    for name in ("Aino", "Virtanen", "Matti", "Meikäläinen"):
        assert name not in result.stdout


def test_no_session_secret_reaches_any_calendar_output(tyo_process: Tyo, tmp_path: Path) -> None:
    tyo_process("meeting", "cancel", "hoitajat-2027", "5", "--by", "client", "--reason", SECRET)
    outputs = [
        tyo_process("ics", "hoitajat-2027").stdout,
        tyo_process("ics", "hoitajat-2027", "--meeting", "5").stdout,
        tyo_process("ics", "hoitajat-2027", "--meeting", "2", "--eml").stdout,
    ]
    tyo_process("ics", "hoitajat-2027", "--all", "--eml", "-o", str(tmp_path / "eml"))
    for path in (tmp_path / "eml").iterdir():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        outputs += [str(part.get_payload(decode=True)) for part in message.walk()]
    assert len(outputs) > 10
    for text in outputs:
        assert SECRET not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--method", "cancel"),
            "--method and --eml are for invitations: add --meeting N or --all",
        ),
        (("--eml",), "--method and --eml are for invitations: add --meeting N or --all"),
        (("--all",), "--all writes one file per meeting: name a folder with -o DIR"),
        (
            ("--all", "--meeting", "2", "-o", "x"),
            "--all and --meeting exclude each other: choose one",
        ),
        (
            ("--meeting", "3", "--method", "cancel"),
            "meeting 3 of hoitajat-2027 is not cancelled: `tyo meeting cancel` comes first",
        ),
        (
            ("--meeting", "11"),
            (
                "process hoitajat-2027 has no meeting 11 (it has 1 to 10): "
                "`tyo process show hoitajat-2027` lists them"
            ),
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    tyo_process: Tyo, args: tuple[str, ...], message: str
) -> None:
    result = tyo_process("ics", "hoitajat-2027", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"tyo: {message}\n")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (
            ("--method", "publish", "--meeting", "1"),
            "'publish' is not a method (expected request or cancel)",
        ),
        (("--alarm", "soon"), "'soon' is not a reminder time"),
        (("--alarm", "20000"), "'20000' is not a reminder time"),
        (("--meeting", "0"), "'0' is not a positive whole number"),
    ],
)
def test_bad_option_values_name_the_option_and_exit_2(
    tyo_process: Tyo, args: tuple[str, ...], problem: str
) -> None:
    result = tyo_process("ics", "hoitajat-2027", *args)
    assert result.exit_code == 2
    assert problem in result.stderr
    assert "Traceback" not in result.output


def test_unknown_process_and_unwritable_file(tyo_process: Tyo, tmp_path: Path) -> None:
    result = tyo_process("ics", "nope")
    assert (result.exit_code, result.stderr) == (
        2,
        "tyo: unknown process 'nope': `tyo process list` shows the ids\n",
    )
    missing = tmp_path / "no" / "such" / "folder" / "x.ics"
    result = tyo_process("ics", "hoitajat-2027", "-o", str(missing))
    assert result.exit_code == 2  # as `tyo invoice pdf -o`: the path named is the problem
    assert result.stderr.startswith(f"tyo: can't write {missing}: ")
    assert "Traceback" not in result.output


def test_finnish_messages(tyo_process: Tyo) -> None:
    result = tyo_process("--lang", "fi", "ics", "hoitajat-2027", "--eml")
    assert result.exit_code == 2
    assert result.stderr == "tyo: --method ja --eml koskevat kutsuja: lisää --meeting N tai --all\n"


def test_help_starts_fast_without_icalendar() -> None:
    """``tyo --help`` and the command tree do not import icalendar (start-up time)."""
    code = (
        "import sys; import tyonohjaus_cli.cli.app; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('icalendar', 'dateutil', 'vobject')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_real_entry_point_writes_exact_bytes_to_stdout(
    tyo_process: Tyo, store_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli", "ics", "hoitajat-2027", "--meeting", "1"],
        capture_output=True,
        check=True,
    )
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n")
    assert b"\n" not in result.stdout.replace(b"\r\n", b"")
    assert result.stdout.decode() == tyo_process("ics", "hoitajat-2027", "--meeting", "1").stdout
