"""The foundation's commands as a user meets them: output, exit codes and exact messages."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.caches import read_cache, write_cache
from tests.conftest import Tyo
from tyonohjaus_cli.storage.index import _VERSION as INDEX_VERSION

EXAMPLE = (
    "new-process", "hoitajat-2027", "--client", "pohde", "--kind", "group",
    "--start", "2027-01-12 14:00", "--every", "4w", "--count", "10", "--duration", "90",
    "--participant", "Aino Virtanen <aino@example.fi>", "--place", "Kauppurienkatu 10, Oulu",
    "--goal", "Työnjaon selkiyttäminen",
)  # fmt: skip


@pytest.fixture
def planned(initialised: Tyo) -> Tyo:
    result = initialised(*EXAMPLE)
    assert result.exit_code == 0, result.output
    return initialised


def test_design_example_plan_output(initialised: Tyo) -> None:
    result = initialised(*EXAMPLE)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "Planned 10 meetings of 90 min for hoitajat-2027 (Pohjoisen hyvinvointialue):"
    )
    assert lines[2].split() == ["1", "Tue", "2027-01-12", "14:00"]
    assert lines[11].split() == ["10", "Tue", "2027-09-21", "14:00"]


def test_plan_reports_every_moved_date_with_its_reason(initialised: Tyo) -> None:
    result = initialised(
        "new-process", "kesa", "--client", "pohde", "--kind", "individual",
        "--start", "2027-05-14 14:00", "--every", "3w", "--count", "6",
        "--break", "2027-07-05..2027-08-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "Mon 2027-06-28 14:00  from Fri 2027-06-25  holiday eve: Midsummer Eve, weekend"
        in result.stdout
    )
    assert (
        "Fri 2027-08-06 14:00  from Fri 2027-07-16  break 2027-07-05..2027-08-01" in result.stdout
    )


def test_plan_in_finnish(initialised: Tyo) -> None:
    result = initialised(
        "--lang", "fi", "new-process", "kesa", "--client", "pohde", "--kind", "individual",
        "--start", "25.5.2027 klo 9.00", "--every", "1w", "--count", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "ti 25.5.2027 klo 9.00" in result.stdout
    assert "ti 1.6.2027 klo 9.00" in result.stdout


def test_agenda_json_is_a_stable_contract(planned: Tyo) -> None:
    result = planned("agenda", "--from", "2027-03-01", "--to", "2027-04-30", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "start": "2027-03-09T14:00:00+02:00",
            "end": "2027-03-09T15:30:00+02:00",
            "minutes": 90,
            "process": "hoitajat-2027",
            "client": "pohde",
            "title": "ryhmätyönohjaus",
            "n": 3,
            "of": 10,
            "venue": "Kauppurienkatu 10, Oulu",
            "status": "planned",
        },
        {
            "start": "2027-04-06T14:00:00+03:00",
            "end": "2027-04-06T15:30:00+03:00",
            "minutes": 90,
            "process": "hoitajat-2027",
            "client": "pohde",
            "title": "ryhmätyönohjaus",
            "n": 4,
            "of": 10,
            "venue": "Kauppurienkatu 10, Oulu",
            "status": "planned",
        },
    ]


def test_agenda_csv_and_default_window(planned: Tyo) -> None:
    result = planned("agenda", "--csv")
    # Frozen "now" is 2027-01-04: the next four weeks hold meeting 1 only.
    assert result.stdout.splitlines() == [
        "start,end,process,client,n,venue,status",
        (
            "2027-01-12T14:00:00+02:00,2027-01-12T15:30:00+02:00,hoitajat-2027,pohde,1,"
            '"Kauppurienkatu 10, Oulu",planned'
        ),
    ]


def test_move_and_cancel_keep_numbers_and_raise_sequence(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The notice below has been given: it is the evening before meeting 4.
    monkeypatch.setenv("TYO_NOW", "2027-04-05 17:00")
    moved = planned("meeting", "move", "hoitajat-2027", "3", "--to", "2027-03-10 14:00")
    assert (
        moved.stdout
        == "Moved meeting 3 of hoitajat-2027 from Tue 2027-03-09 14:00 to Wed 2027-03-10 14:00.\n"
    )
    cancel = planned(
        "meeting",
        "cancel",
        "hoitajat-2027",
        "4",
        "--by",
        "client",
        "--notified",
        "2027-04-05 16:00",
    )
    assert cancel.exit_code == 0
    assert "billed at 100%" in cancel.stdout
    shown = json.loads(planned("process", "show", "hoitajat-2027", "--json").stdout)
    meetings = {m["n"]: m for m in shown["meetings"]}
    assert meetings[3]["start"] == "2027-03-10T14:00:00+02:00"
    assert meetings[3]["moved_from"] == ["2027-03-09T14:00:00+02:00"]
    assert meetings[3]["sequence"] == 1
    assert meetings[4]["status"] == "cancelled"
    assert meetings[4]["cancelled_by"] == "client"
    assert meetings[4]["sequence"] == 1
    again = planned("meeting", "move", "hoitajat-2027", "4", "--to", "2027-04-07 14:00")
    assert again.exit_code == 2
    assert again.stderr == "tyo: can't move meeting 4 of hoitajat-2027: it is cancelled\n"


def test_a_cancellation_notified_after_the_start_is_refused_and_nothing_written(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch, store_path: Path
) -> None:
    # Meeting 3 of hoitajat-2027 started on 9.3.2027 at 14.00; it is now 1.4.2027.
    monkeypatch.setenv("TYO_NOW", "2027-04-01 09:00")
    before = _snapshot(store_path)
    late = planned(
        "meeting", "cancel", "hoitajat-2027", "3", "--by", "client",
        "--notified", "2027-03-10 08:30",
    )  # fmt: skip
    assert late.exit_code == 2
    assert late.stderr == (
        "tyo: --notified Wed 2027-03-10 08:30 is after the start of meeting 3 of hoitajat-2027 "
        "(Tue 2027-03-09 14:00): a cancellation is notified before the start "
        "(a missed meeting is logged with `tyo log hoitajat-2027 3 --no-show`)\n"
    )
    unnoted = planned("meeting", "cancel", "hoitajat-2027", "3", "--by", "supervisor")
    assert unnoted.exit_code == 2
    assert unnoted.stderr == (
        "tyo: meeting 3 of hoitajat-2027 started on Tue 2027-03-09 14:00: give --notified with "
        "when the cancellation was notified (a missed meeting is logged with "
        "`tyo log hoitajat-2027 3 --no-show`)\n"
    )
    assert _snapshot(store_path) == before
    # Notified before the start, recorded later: fine, and late, so billed.
    recorded_later = planned(
        "meeting", "cancel", "hoitajat-2027", "3", "--by", "client",
        "--notified", "2027-03-09 08:30",
    )  # fmt: skip
    assert recorded_later.exit_code == 0, recorded_later.output
    assert "billed at 100%" in recorded_later.stdout


def test_a_cancellation_notified_in_the_future_is_refused(planned: Tyo, store_path: Path) -> None:
    before = _snapshot(store_path)
    ahead = planned(
        "meeting", "cancel", "hoitajat-2027", "4", "--by", "client",
        "--notified", "2027-04-05 16:00",
    )  # fmt: skip
    assert ahead.exit_code == 2
    assert ahead.stderr == (
        "tyo: --notified Mon 2027-04-05 16:00 is still ahead: give when the cancellation was "
        "notified (without --notified, it is now)\n"
    )
    assert _snapshot(store_path) == before


def test_closing_a_process_cancels_meetings_left_unlogged_in_the_past(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-04-01 09:00")
    closed = planned("process", "close", "hoitajat-2027", "--cancel-remaining")
    assert closed.exit_code == 0, closed.output
    shown = json.loads(planned("process", "show", "hoitajat-2027", "--json").stdout)
    assert {m["status"] for m in shown["meetings"]} == {"cancelled"}


def test_supervisor_cancellation_is_not_billed_and_meeting_add_numbers_on(planned: Tyo) -> None:
    cancel = planned("meeting", "cancel", "hoitajat-2027", "2", "--by", "supervisor")
    assert "billed" not in cancel.stdout
    added = planned("meeting", "add", "hoitajat-2027", "--at", "12.10.2027 klo 14.00")
    assert added.stdout == "Added meeting 11 of hoitajat-2027: Tue 2027-10-12 14:00.\n"


def test_process_list_and_close(planned: Tyo) -> None:
    listed = planned("process", "list", "--json")
    [row] = json.loads(listed.stdout)
    assert list(row) == [
        "id", "client", "kind", "title", "status", "meetings", "held", "planned", "cancelled",
        "first", "last", "next",
    ]  # fmt: skip
    assert (row["id"], row["meetings"], row["held"], row["planned"]) == ("hoitajat-2027", 10, 0, 10)
    assert row["first"] == row["next"] == "2027-01-12T14:00:00+02:00"
    assert row["last"] == "2027-09-21T14:00:00+03:00"  # four-weekly Tuesdays, summer time
    refused = planned("process", "close", "hoitajat-2027")
    assert refused.exit_code == 2
    assert "still has 10 planned meetings" in refused.stderr
    assert planned("process", "close", "hoitajat-2027", "--cancel-remaining").exit_code == 0
    assert json.loads(planned("process", "list", "--active", "--json").stdout) == []


def test_group_over_twelve_warns_about_co_supervision(initialised: Tyo) -> None:
    result = initialised(
        "new-process", "iso", "--client", "pohde", "--kind", "community",
        "--start", "2027-02-02 13:00", "--every", "4w", "--count", "3", "--size", "15",
    )  # fmt: skip
    assert result.exit_code == 0
    assert (
        result.stderr
        == "warning: a group of 15 is over 12 people: consider a co-supervisor (--co-supervisor)\n"
    )


def test_client_show_list_edit(initialised: Tyo) -> None:
    assert (
        initialised("client", "edit", "pohde", "--discount", "10", "--rate", "110").exit_code == 0
    )
    shown = json.loads(initialised("client", "show", "pohde", "--json").stdout)
    assert shown["discount"] == "10.00"
    assert shown["rate"] == "110.00"
    assert shown["business_id"] == "7654321-2"
    assert shown["address"] == "PL 10\n90029 Oulu"
    listed = initialised("client", "list")
    assert "pohde  Pohjoisen hyvinvointialue  7654321-2" in listed.stdout


def test_settings_breaks_are_avoided(initialised: Tyo) -> None:
    assert initialised("settings", "set", "breaks", "2027-06-21..2027-08-08").exit_code == 0
    result = initialised(
        "new-process", "kesa", "--client", "pohde", "--kind", "group",
        "--start", "2027-06-15 10:00", "--every", "1w", "--count", "2", "--json",
    )  # fmt: skip
    plan = json.loads(result.stdout)["meetings"]
    assert plan[1]["start"] == "2027-08-10T10:00:00+03:00"
    assert plan[1]["reasons"] == ["break 2027-06-21..2027-08-08"]


BAD_INPUT = [
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "31.2.2027 14:00", "--every", "4w", "--count", "3"),
     2, "'31.2.2027' is not a real date"),
    (("new-process", "x", "--client", "pohd", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "3"),
     2, "tyo: unknown client 'pohd': did you mean pohde? (`tyo client list` shows the ids)\n"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "-3"),
     2, "'-3' is not a positive whole number"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "0"),
     2, "'0' is not a positive whole number"),
    (("new-process", "x", "--client", "pohde", "--kind", "team", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "3"),
     2, "Invalid value for '--kind'"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--count", "3"),
     2, "say how often and how many"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--cadence", "3x1w", "--every", "1w"),
     2, "give either --cadence or --every with --count, not both"),
    (("new-process", "X!", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "3"),
     2, "'X!' is not a valid process id"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-03-28 03:30", "--every", "4w", "--count", "3"),
     2, "2027-03-28 03:30 does not exist in Europe/Helsinki"),
    (("client", "add", "pohde", "--name", "Toinen"), 2, "client 'pohde' exists already"),
    (("client", "add", "uusi", "--name", "Uusi", "--business-id", "1234567-2"), 2, "not a valid Finnish business ID"),
    (("client", "add", "uusi"), 2, "a client needs a name"),
    (("client", "edit", "pohde", "--payment-days", "45", "--public"), 2, "a public body pays within 30 days"),
    (("client", "show", "nobody"), 2, "unknown client 'nobody'"),
    (("process", "show", "nothing"), 2, "unknown process 'nothing'"),
    (("agenda", "--from", "2027-02-01", "--to", "2027-01-01"), 2, "--to 2027-01-01 is before --from 2027-02-01"),
    (("agenda", "--from", "1.13.2027"), 2, "'1.13.2027' is not a real date"),
    (("settings", "set", "colour", "blue"), 2, "unknown setting 'colour'"),
    (("settings", "set", "breaks", "2027-08-08..2027-06-21"), 2, "ends before it starts"),
    (("client", "add", "uusi", "--name", "   "), 2,
     "tyo client add: Invalid value for '--name': '   ' is not a name (expected some text, not only spaces) (see `tyo client add --help`)\n"),
    (("client", "add", "uusi", "--name", "Uusi\nOy"), 2,
     "tyo client add: Invalid value for '--name': 'Uusi\\nOy' is not a name (expected one line, without line breaks or control characters) (see `tyo client add --help`)\n"),
    (("client", "add", "uusi", "--name", "x" * 201), 2,
     "tyo client add: Invalid value for '--name': a name of 201 characters is too long (expected at most 200) (see `tyo client add --help`)\n"),
    (("client", "edit", "pohde", "--name", "\t"), 2, "'\\t' is not a name (expected some text, not only spaces)"),
    (("settings", "set", "name", "Maija\nMallikas"), 2,
     "tyo: 'Maija\\nMallikas' is not a name (expected one line, without line breaks or control characters)\n"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "3", "--participant", "Aino\nVirtanen <aino@example.fi>"),
     2, "Invalid value for '--participant': 'Aino\\nVirtanen' is not a name (expected one line"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "3", "--title", " "),
     2, "Invalid value for '--title': ' ' is not a name (expected some text, not only spaces)"),
    (("new-process", "x", "--client", "pohde", "--kind", "group", "--start", "2027-02-02 14:00", "--every", "4w", "--count", "3", "--co-supervisor", "y" * 300),
     2, "Invalid value for '--co-supervisor': a name of 300 characters is too long (expected at most 200)"),
    (("settings", "set", "rate", "-1"), 2, "tyo: '-1' is not an amount of euros (expected e.g. 95 or 95.50)\n"),
    (("settings", "set", "unit_minutes", "-5"), 2, "tyo: '-5': a unit is 15 to 120 minutes (usually 45)\n"),
    (("init", "--name", "X", "--email", "x@example.fi", "--rate", "90"), 2, "a store exists already"),
    (("no-such-command",), 2, "No such command 'no-such-command'"),
    (("meeting", "move", "x", "1"), 2, "Missing option '--to'"),
    (("--store", "", "agenda"), 2, "tyo: Invalid value for '--store': expected a folder (see `tyo --help`)\n"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "code", "message"),
    BAD_INPUT,
    ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _, _) in enumerate(BAD_INPUT)],
)
def test_bad_input_gets_one_line_and_exit_code(
    initialised: Tyo, store_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = _snapshot(store_path)
    result = initialised(*args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    assert _snapshot(store_path) == before


def test_duplicate_process_id_is_refused(planned: Tyo) -> None:
    result = planned(*EXAMPLE)
    assert result.exit_code == 2
    assert result.stderr == (
        "tyo: process 'hoitajat-2027' exists already: choose another id, "
        "or see `tyo process show hoitajat-2027`\n"
    )


def test_missing_store_says_run_init(tyo: Tyo, store_path: Path) -> None:
    result = tyo("agenda")
    assert result.exit_code == 1
    assert result.stderr == (
        f"tyo: no tyo store at {store_path}: run `tyo init` first (or point --store or TYO_HOME at your store)\n"
    )
    assert tyo("client", "list").exit_code == 1


def test_broken_toml_names_file_line_and_problem(planned: Tyo, store_path: Path) -> None:
    path = store_path / "processes" / "hoitajat-2027.toml"
    lines = path.read_text().splitlines()
    lines[4] = 'title = "unterminated'
    path.write_text("\n".join(lines) + "\n")
    result = planned("process", "show", "hoitajat-2027")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: processes/hoitajat-2027.toml, line 5: not valid TOML: ")
    assert planned("agenda").exit_code == 1


def test_wrong_value_in_hand_edited_file_names_its_line(planned: Tyo, store_path: Path) -> None:
    path = store_path / "processes" / "hoitajat-2027.toml"
    text = path.read_text()
    # The third meeting's length, typed as text by hand.
    position = text.index("n = 3")
    text = text[:position] + text[position:].replace("minutes = 90", 'minutes = "ninety"', 1)
    path.write_text(text)
    result = planned("process", "show", "hoitajat-2027")
    assert result.exit_code == 1
    line = text[: text.index('"ninety"')].count("\n") + 1
    assert result.stderr == (
        f"tyo: processes/hoitajat-2027.toml, line {line}: 'minutes' must be a whole number from 1 to 720, not 'ninety'\n"
    )


def test_newer_schema_is_refused(planned: Tyo, store_path: Path) -> None:
    path = store_path / "clients" / "pohde.toml"
    path.write_text(path.read_text().replace("schema = 1", "schema = 9"))
    result = planned("client", "show", "pohde")
    assert result.exit_code == 1
    assert result.stderr == (
        "tyo: clients/pohde.toml, line 1: written by a newer tyo (schema 9, this one reads up to 2); upgrade tyo\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_store_is_private(planned: Tyo, store_path: Path) -> None:
    for path in [store_path, *store_path.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_a_stale_lock_file_does_not_block(planned: Tyo, store_path: Path) -> None:
    (store_path / ".lock").write_text("pid 999999 since 2026-01-01T00:00:00+0200\n")
    assert planned("client", "add", "uusi", "--name", "Uusi asiakas").exit_code == 0


def test_a_held_lock_times_out_with_a_clear_message(
    planned: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    monkeypatch.setenv("TYO_LOCK_TIMEOUT", "0.2")
    with (store_path / ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        result = planned("client", "add", "uusi", "--name", "Uusi asiakas")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: the store is busy: another tyo holds its lock")
    assert not (store_path / "clients" / "uusi.toml").exists()


def test_a_held_lock_says_once_that_it_waits_and_never_shows_a_question_mark(
    planned: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from tyonohjaus_cli.storage import lock

    monkeypatch.setattr(lock, "WAIT_NOTICE", 0.05)
    monkeypatch.setenv("TYO_LOCK_TIMEOUT", "0.3")
    with (store_path / ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        # A holder that has not written its line (or one that is not tyo): nobody to name.
        result = planned("--lang", "en", "client", "add", "uusi", "--name", "Uusi asiakas")
        assert (result.exit_code, result.stderr) == (
            1,
            (
                "tyo: another tyo is using the store; waiting up to 1 s for it to finish\n"
                "tyo: the store is busy: another tyo holds its lock; wait for it to finish and "
                "try again\n"
            ),
        )
        doctor = planned("--lang", "en", "doctor").stdout
        assert ".lock: another tyo is running and holds the lock\n" in doctor
        handle.write("pid 4242 since 2027-01-04T09:00:00+0200\n")
        handle.flush()
        result = planned("--lang", "fi", "client", "add", "uusi", "--name", "Uusi asiakas")
        assert (result.exit_code, result.stderr) == (
            1,
            (
                "tyo: toinen tyo käyttää tallennuskansiota (prosessi 4242, lukko otettu "
                "ma 4.1.2027 klo 9.00); odotetaan sen valmistumista enintään 1 s\n"
                "tyo: tallennuskansio on varattu: toinen tyo pitää sen lukkoa (prosessi 4242, "
                "lukko otettu ma 4.1.2027 klo 9.00); odota, että se valmistuu, ja yritä "
                "uudelleen\n"
            ),
        )
        result = planned("--lang", "en", "doctor")
        assert ".lock: another tyo is running and holds the lock (pid 4242 since " in result.stdout
    assert not (store_path / "clients" / "uusi.toml").exists()


def test_waiting_for_the_lock_is_told_once_and_only_after_a_while(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl
    import threading

    from tyonohjaus_cli.storage import lock

    store_path.mkdir()
    told: list[str] = []
    with lock.store_lock(store_path, 5, told.append):
        pass  # free: no wait, nothing said
    assert told == []
    monkeypatch.setattr(lock, "WAIT_NOTICE", 0.05)
    handle = (store_path / ".lock").open("a")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    threading.Timer(0.4, handle.close).start()  # the other tyo finishes
    with lock.store_lock(store_path, 5, told.append):
        pass
    assert told == ["another tyo is using the store; waiting up to 5 s for it to finish"]


def test_index_sees_hand_edits(planned: Tyo, store_path: Path) -> None:
    assert "hoitajat-2027" in planned("process", "list").stdout
    path = store_path / "processes" / "hoitajat-2027.toml"
    path.write_text(path.read_text().replace('title = "ryhmätyönohjaus"', 'title = "Hoitajat"'))
    rows = json.loads(planned("process", "list", "--json").stdout)
    assert rows[0]["title"] == "Hoitajat"


def test_changes_by_tyo_keep_the_index_current(planned: Tyo, store_path: Path) -> None:
    index = store_path / ".cache" / "index.json"

    def entries() -> dict[str, object]:
        found = read_cache(index)["entries"]
        return {rel: entry for rel, entry in found.items() if rel.startswith("processes/")}

    for args in (
        ("meeting", "move", "hoitajat-2027", "2", "--to", "2027-02-10 15:00"),
        ("meeting", "cancel", "hoitajat-2027", "3", "--by", "client"),
        ("meeting", "add", "hoitajat-2027", "--at", "2027-12-14 14:00"),
        ("process", "close", "hoitajat-2027", "--cancel-remaining"),
    ):
        assert planned(*args).exit_code == 0, args
        # Filed by the change itself, under the file's new stamp...
        filed = entries()
        path = store_path / "processes" / "hoitajat-2027.toml"
        assert filed["processes/hoitajat-2027.toml"][0] == [  # type: ignore[index]
            path.stat().st_mtime_ns,
            path.stat().st_size,
        ]
        # ...and the same as what reading the file gives.
        index.unlink()
        assert planned("process", "list").exit_code == 0
        assert entries() == filed


def test_settings_are_read_through_their_index_and_edits_are_seen(
    planned: Tyo, store_path: Path
) -> None:
    assert planned("agenda").exit_code == 0
    assert (store_path / ".cache" / "settings.json").is_file()
    path = store_path / "settings.toml"
    text = path.read_text().replace('timezone = "Europe/Helsinki"', 'timezone = "Mars/Olympus"')
    path.write_text(text)
    result = planned("agenda")
    line = text[: text.index("Mars/Olympus")].count("\n") + 1
    assert result.exit_code == 1
    assert result.stderr == (
        f"tyo: settings.toml, line {line}: unknown timezone 'Mars/Olympus' "
        "(expected e.g. Europe/Helsinki)\n"
    )
    # A mistake anywhere in the settings stops every command, list views too.
    path.write_text(text.replace("Mars/Olympus", "Europe/Helsinki").replace('"95.00"', '"lots"'))
    result = planned("agenda")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: settings.toml, line ")
    assert "'rate' must be an amount such as \"95.00\"" in result.stderr


@pytest.mark.parametrize(
    "damage",
    ["{not json", "[1]", f'{{"version": {INDEX_VERSION}, "entries": []}}', "stamp", "word"],
)
def test_a_damaged_cache_is_rebuilt(planned: Tyo, store_path: Path, damage: str) -> None:
    expected = [planned(*args).stdout for args in (("process", "list", "--json"), ("agenda",))]
    for name in ("index", "settings"):
        path = store_path / ".cache" / f"{name}.json"
        if damage == "word":  # a word of a summary changed: it was a KeyError of the status
            path.write_bytes(path.read_bytes().replace(b'"active"', b'"bogus"'))
            continue
        if damage == "stamp":  # right stamps, values of the wrong shape
            entries: dict[str, list[object]] = {
                f"{folder}/{path.name}": [[path.stat().st_mtime_ns, path.stat().st_size], "x"]
                for folder in ("processes", "clients")
                for path in (store_path / folder).glob("*.toml")
            }
            settings = store_path / "settings.toml"
            entries["settings.toml"] = [[settings.stat().st_mtime_ns, settings.stat().st_size], 7]
            write_cache(path, {"version": INDEX_VERSION, "entries": entries})
        else:
            path.write_text(damage)
    assert [planned(*args).stdout for args in (("process", "list", "--json"), ("agenda",))] == (
        expected
    )
    assert planned("client", "show", "pohde").exit_code == 0


def test_version_and_help(tyo: Tyo) -> None:
    assert tyo("--version").stdout.startswith("tyo 0.")
    for args in (("--help",), ("-h",), ("client", "-h"), ("new-process", "--help")):
        result = tyo(*args)
        assert result.exit_code == 0
        assert "Usage" in result.stdout


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".cache" not in path.parts and path.name != ".lock"
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("agenda", "--form", "2027-01-01"),
         ("tyo agenda: tuntematon valitsin: --form (mahdolliset valitsimet: --from, --to) "
          "(katso `tyo agenda --help`)\n")),
        (("meeting", "move", "x", "1"),
         "tyo meeting move: valitsin '--to' puuttuu. (katso `tyo meeting move --help`)\n"),
        (("client", "show"),
         "tyo client show: argumentti 'TUNNUS' puuttuu. (katso `tyo client show --help`)\n"),
        (("process", "lst"),
         "tyo process: komentoa 'lst' ei ole. Tarkoititko 'list'? (katso `tyo process --help`)\n"),
        (("--store", "", "agenda"),
         "tyo: virheellinen arvo kohdassa '--store': odotettiin kansiota (katso `tyo --help`)\n"),
        (("agenda", "--from", "31.2.2027"),
         ("tyo agenda: virheellinen arvo kohdassa '--from': '31.2.2027' ei ole todellinen "
          "päivämäärä (odotettiin esim. 2027-01-12, 12.1.2027) (katso `tyo agenda --help`)\n")),
    ],
)  # fmt: skip
def test_the_parsers_complaints_speak_finnish(
    initialised: Tyo, args: tuple[str, ...], message: str
) -> None:
    result = initialised("--lang", "fi", *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_init_without_a_terminal_names_what_is_missing(tyo: Tyo, store_path: Path) -> None:
    result = tyo("init", "--name", "Maija Mallikas")
    assert result.exit_code == 2
    assert result.stderr == (
        "tyo: missing --email, --rate: give them as options, or run `tyo init` in a terminal to be asked\n"
    )
    assert not store_path.exists() or not any(store_path.iterdir())


def test_language_precedence(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    def heading() -> str:
        return planned("agenda").stdout.split()[0]

    assert heading() == "when"  # the locale (C) says nothing: English
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert heading() == "aika"  # the locale
    assert planned("settings", "set", "language", "en").exit_code == 0
    assert heading() == "when"  # the settings beat the locale
    monkeypatch.setenv("TYO_LANG", "fi")
    assert heading() == "aika"  # TYO_LANG beats the settings
    assert planned("--lang", "en", "agenda").stdout.split()[0] == "when"  # --lang beats all


def test_a_lock_that_cant_be_taken_is_one_line(planned: Tyo, store_path: Path) -> None:
    (store_path / ".lock").unlink(missing_ok=True)
    (store_path / ".lock").mkdir()
    result = planned("client", "add", "uusi", "--name", "Uusi asiakas")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tyo: can't take the store's lock at {store_path}: ")
    assert result.stderr.count("\n") == 1
    assert not (store_path / "clients" / "uusi.toml").exists()


def test_a_store_path_that_is_a_file_is_one_line(tyo: Tyo, tmp_path: Path) -> None:
    path = tmp_path / "not-a-folder"
    path.write_text("")
    for args in (("agenda",), ("process", "list"), ("client", "add", "uusi", "--name", "Uusi")):
        result = tyo("--store", str(path), *args)
        assert (result.exit_code, result.stderr) == (
            1,
            f"tyo: {path} is a file, not a store folder: point --store or TYO_HOME at a folder\n",
        ), args
    assert path.read_text() == ""


def test_a_process_whose_client_does_not_exist_is_a_store_mistake(
    planned: Tyo, store_path: Path
) -> None:
    path = store_path / "processes" / "hoitajat-2027.toml"
    text = path.read_text().replace('client = "pohde"', 'client = "haamu"')
    path.write_text(text)
    line = text[: text.index('client = "haamu"')].count("\n") + 1
    expected = (
        f"tyo: processes/hoitajat-2027.toml, line {line}: its client 'haamu' does not exist: "
        "`tyo client list` shows the ids\n"
    )
    for args in (
        ("process", "show", "hoitajat-2027"),
        ("billing", "2027-01"),  # not a month with nothing to bill
        ("ics", "hoitajat-2027"),
    ):
        result = planned(*args)
        assert (result.exit_code, result.stderr) == (1, expected), args


def test_a_process_file_whose_id_is_not_its_name_is_a_store_mistake(
    planned: Tyo, store_path: Path
) -> None:
    path = store_path / "processes" / "hoitajat-2027.toml"
    text = path.read_text().replace('id = "hoitajat-2027"', 'id = "toinen"')
    path.write_text(text)
    line = text[: text.index('id = "toinen"')].count("\n") + 1
    expected = (
        f"tyo: processes/hoitajat-2027.toml, line {line}: 'id' is 'toinen' but the file "
        "name says 'hoitajat-2027'\n"
    )
    for args in (("process", "list"), ("agenda", "--from", "2027-01-01"), ("billing", "2027-01")):
        result = planned(*args)
        assert (result.exit_code, result.stderr) == (1, expected), args


def test_a_meeting_put_by_hand_on_a_day_planning_avoids_stands_with_a_warning(
    planned: Tyo,
) -> None:
    moved = planned("meeting", "move", "hoitajat-2027", "2", "--to", "2027-02-13 10:00")
    assert moved.exit_code == 0
    assert moved.stdout.startswith("Moved meeting 2 of hoitajat-2027")
    assert moved.stderr == (
        "warning: Sat 2027-02-13 is a day that planning avoids (weekend): "
        "check that it is what was agreed\n"
    )
    added = planned("meeting", "add", "hoitajat-2027", "--at", "2027-12-24 10:00")
    assert added.exit_code == 0
    assert added.stderr == (
        "warning: Fri 2027-12-24 is a day that planning avoids (holiday eve: Christmas Eve): "
        "check that it is what was agreed\n"
    )
    on_a_weekday = planned("meeting", "move", "hoitajat-2027", "2", "--to", "2027-02-10 14:00")
    assert (on_a_weekday.exit_code, on_a_weekday.stderr) == (0, "")


def test_a_move_agreed_in_the_future_is_refused(planned: Tyo, store_path: Path) -> None:
    path = store_path / "processes" / "hoitajat-2027.toml"
    before = path.read_text()
    result = planned(
        "meeting", "move", "hoitajat-2027", "2", "--to", "2027-02-10 14:00",
        "--agreed", "2027-01-05 09:00",
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        2,
        "tyo: --agreed Tue 2027-01-05 09:00 is still ahead: record a move once it has been agreed\n",
    )
    assert path.read_text() == before


def test_the_foreign_timezone_reaches_this_process_too() -> None:
    # conftest sets TZ and calls time.tzset(): local time here is Los Angeles, 8 or 9 hours
    # behind UTC, so a naive time anywhere in tyo shows up as a wrong hour in the tests.
    import time

    assert time.localtime(0).tm_hour == 16
    assert time.tzname[0] == "PST"


def _interrupted(*_: object, **__: object) -> None:
    """Ctrl-C, where a test puts it."""
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    "args", [("agenda",), ("process", "list"), ("billing", "--json", "2027-01")]
)
def test_ctrl_c_in_a_command_is_one_line_and_exit_130(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """Ctrl-C while a command runs (Typer would end it with exit 130 and not a word)."""
    from tyonohjaus_cli.storage.store import Store

    monkeypatch.setattr(Store, "_summaries", _interrupted)  # what each of them reads first
    result = planned(*args)
    assert (result.exit_code, result.stderr) == (130, "tyo: aborted; nothing was changed\n")


def test_ctrl_c_before_the_command_runs_is_one_line_too(
    planned: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while tyo starts (its modules imported, the words read): no traceback."""
    from tyonohjaus_cli import cli

    monkeypatch.setattr(cli, "_pending_when_alone", _interrupted)
    result = planned("agenda")
    assert (result.exit_code, result.stderr) == (130, "tyo: aborted; nothing was changed\n")


def test_ctrl_c_after_a_change_was_saved_says_it_was_saved(
    planned: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after the change is in (while its confirmation prints) must not say that
    nothing was changed: the move is saved, and the line says so."""
    from tyonohjaus_cli.cli import output

    monkeypatch.setattr(output, "say", _interrupted)
    result = planned("meeting", "move", "hoitajat-2027", "3", "--to", "2027-03-10 14:00")
    assert (result.exit_code, result.stderr) == (
        130,
        "tyo: aborted; the change 'meeting move hoitajat-2027 3' was already saved\n",
    )
    saved = (store_path / "processes" / "hoitajat-2027.toml").read_text(encoding="utf-8")
    assert "start = 2027-03-10 14:00:00" in saved


def test_ctrl_c_after_an_undo_or_an_import_says_it_was_done(
    planned: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An undo and an import change the store outside a transaction: Ctrl-C while they
    print what they did says so too."""
    from tyonohjaus_cli.cli import output

    assert (
        planned("meeting", "move", "hoitajat-2027", "3", "--to", "2027-03-10 14:00").exit_code == 0
    )
    backup = tmp_path / "backup.tar.gz"
    assert planned("export", "--all", "-o", str(backup)).exit_code == 0

    monkeypatch.setattr(output, "say", _interrupted)
    undone = planned("undo")
    assert (undone.exit_code, undone.stderr) == (
        130,
        "tyo: aborted; the change 'undo' was already saved\n",
    )
    monkeypatch.setenv("TYO_HOME", str(tmp_path / "restored"))
    imported = planned("import", str(backup))
    assert (imported.exit_code, imported.stderr) == (
        130,
        "tyo: aborted; the change 'import' was already saved\n",
    )
    assert (tmp_path / "restored" / "processes" / "hoitajat-2027.toml").is_file()
