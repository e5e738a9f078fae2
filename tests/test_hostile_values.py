"""Bounded values: what is typed and what is hand-edited both have a range.

Reproductions of an attack run: a date at datetime's limits typed (accepted, then
``process show`` and ``ics`` crashed), ``TYO_NOW=0001-01-01``, ``--note-file /dev/zero``
(13 GB of memory), ESC typed into a name, a 200 % discount hand-edited (an invoice of
−€276.10), CR/LF hand-edited into a name (a ValueError in ``ics --eml``), a bad IBAN in an
invoice file, CSV cells that a spreadsheet runs, a goal that became a heading and a link
in the client's summary, and a process file of 4,000 meetings that took 11.9 s to list
(100,000 never finished).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.safety_helpers import add_process, hand_edit, snapshot
from tyonohjaus_cli.cli.machine import cell
from tyonohjaus_cli.cli.output import printable
from tyonohjaus_cli.domain.markdown import escape, escape_line

planned = sessions_sample.planned


@pytest.fixture
def practice(initialised: Tyo) -> Tyo:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>")
    return initialised


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("meeting", "move", "ryhma", "2", "--to", "9999-12-31T23:00"), "outside the years"),
        (("meeting", "add", "ryhma", "--at", "0001-01-01 10:00"), "outside the years"),
        (("agenda", "--to", "9999-12-31"), "outside the years"),
        (("billing", "9999-12"), "outside the years"),
        (("client", "edit", "pohde", "--rate", "1E+999999"), "not an amount of euros"),
        (("client", "edit", "pohde", "--discount", "1E+999999"), "not a percentage"),
        (("client", "edit", "pohde", "--discount", "200"), "not a percentage"),
        (("client", "edit", "pohde", "--contact", "Kalle\x1b[2JKettu"), "control character"),
        (("client", "edit", "pohde", "--contact", "Kalle\x07"), "control character"),
        (("log", "ryhma", "1", "--force", "--note-file", "/dev/zero"), "not a regular file"),
        (("log", "ryhma", "1", "--force", "--note", "a\x1b]0;title\x07"), "control character"),
    ],
)
def test_typed_values_out_of_range_are_refused(
    practice: Tyo, store_path: Path, args: tuple[str, ...], says: str
) -> None:
    before = snapshot(store_path)
    started = time.monotonic()
    result = practice(*args)
    assert time.monotonic() - started < 10  # /dev/zero is not read to its end
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1
    assert says in result.stderr
    assert "\x1b" not in result.output
    assert "\x07" not in result.output
    assert snapshot(store_path) == before


def test_a_clock_at_datetimes_limit_is_refused(
    practice: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    for now in ("0001-01-01 00:00", "9999-12-31 23:59"):
        monkeypatch.setenv("TYO_NOW", now)
        result = practice("agenda")
        assert result.exit_code == 2, result.output
        assert "outside the years tyo plans for (expected 1900 to 2200)" in result.stderr


def test_doctor_reports_a_discount_the_command_line_forbids(
    practice: Tyo, store_path: Path
) -> None:
    hand_edit(store_path / "clients/pohde.toml", 'discount = "0"', 'discount = "200"')
    result = practice("doctor")
    assert result.exit_code == 1
    assert (
        "clients/pohde.toml, line 8: 'discount' must be a percentage from 0 to 100, not '200'"
        in result.stdout
    )
    billed = practice("billing", "2027-01")
    assert billed.exit_code == 1
    assert billed.stderr.startswith("tyo: clients/pohde.toml, line 8: 'discount' must be")


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('name = "Pohjoisen', 'name = "Bcc: x@example.com\\r\\nPohjoisen', "one line of text"),
        ('name = "Pohjoisen', 'name = "\\u001b[2JPohjoisen', "one line of text"),
        ('contact = "', 'contact = "\\u001b]0;x\\u0007', "one line of text"),
        ('address = """', 'address = """\\u001b[2J', "text without control characters"),
    ],
)
def test_a_line_break_or_escape_hand_edited_into_a_name_is_named_not_printed(
    practice: Tyo, store_path: Path, old: str, new: str, says: str
) -> None:
    path = store_path / "clients/pohde.toml"
    if 'contact = "' not in path.read_text(encoding="utf-8"):
        hand_edit(path, "\ndiscount", '\ncontact = "Kalle"\ndiscount')
    hand_edit(path, old, new)
    for args in (("ics", "ryhma", "--meeting", "1", "--eml"), ("client", "list"), ("doctor",)):
        result = practice(*args)
        assert result.exit_code == 1, (args, result.output)
        assert says in result.output
        assert "\x1b" not in result.output
        assert "\r" not in result.output


def test_printing_never_sends_a_control_character_raw() -> None:
    assert printable("Kalle\x1b[2J\x07 Kettu\r") == "Kalle\\x1b[2J\\x07 Kettu\\r"
    assert printable("rivi\nrivi\tsarake") == "rivi\nrivi\tsarake"


def test_a_plain_table_shows_every_cell_safe_and_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tyonohjaus_cli.cli.output import Column, print_table
    from tyonohjaus_cli.i18n import language, set_language

    rows = [{"name": "Kalle\x1b[2J"}, {"name": "[erased] ja työnjako"}, {"name": "Bertta"}]
    was = language()
    set_language("fi")
    try:
        print_table([Column("name", "nimi")], rows)
    finally:
        set_language(was)
    printed = capsys.readouterr().out
    assert printed.splitlines() == [
        "nimi",
        "Kalle\\x1b[2J",
        "[poistettu] ja työnjako",
        "Bertta",
    ]


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(practice: Tyo) -> None:
    assert [cell(v) for v in ("=1+2", "+358", "-x", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+2", "'+358", "'-x", "'@SUM(A1)", "'\tx", "'\rx",
    ]  # fmt: skip
    assert [cell(v) for v in ("-276.10", "-5", "Pohde", 3)] == ["-276.10", "-5", "Pohde", 3]
    result = practice("client", "add", "kaava", "--name", '=HYPERLINK("https://example.com")')
    assert result.exit_code == 0, result.output
    listed = practice("client", "list", "--csv")
    assert '"\'=HYPERLINK(""https://example.com"")"' in listed.stdout
    assert not re.search(r"(^|,)[=+@]", listed.stdout, re.MULTILINE)


def test_an_expense_description_is_one_line(practice: Tyo, store_path: Path) -> None:
    result = practice(
        "expense", "add", "ryhma", "--date", "2027-01-12", "--amount", "10",
        "--description", "Matka\n=1+2 Oulu",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Matka =1+2 Oulu" in (store_path / "expenses/ryhma.toml").read_text(encoding="utf-8")


def test_markdown_quotes_what_it_quotes() -> None:
    assert escape("# Otsikko [tästä](https://example.com) *lihava*") == (
        "# Otsikko \\[tästä\\](https://example.com) \\*lihava\\*"
    )
    assert escape_line("# Otsikko") == "\\# Otsikko"
    assert escape_line("1. kohta") == "1\\. kohta"
    assert escape("rivi\n## toinen") == "rivi / ## toinen"


def test_a_goal_does_not_become_a_heading_or_a_link_in_the_clients_summary(
    planned: Tyo, tmp_path: Path
) -> None:
    goal = "# Otsikko\n[klikkaa](https://example.com)"
    result = planned("goal", "add", sessions_sample.PROCESS, goal, "--by", "client")
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:  # a goal is one line: typed that way it is refused
        assert len(result.stderr.splitlines()) == 1
        result = planned(
            "goal", "add", sessions_sample.PROCESS, "# Otsikko [klikkaa](https://example.com)",
            "--by", "client",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    out = tmp_path / "summary.md"
    made = planned(
        "summary", sessions_sample.PROCESS, "--for", "client", "--format", "md", "-o", str(out)
    )
    assert made.exit_code == 0, made.output
    text = out.read_text(encoding="utf-8")
    assert "](https://example.com)" not in text.replace("\\](https://example.com)", "")
    assert "\\[klikkaa\\]" in text
    assert not [line for line in text.splitlines() if line.startswith("# Otsikko")]


def _process_file(meetings: int) -> str:
    head = (
        'schema = 1\nid = "iso"\nclient = "pohde"\nkind = "group"\ntitle = "Iso"\n'
        'status = "active"\ncreated = 2027-01-04T09:00:00+02:00\n'
    )
    body = "".join(
        f"\n[[meetings]]\nn = {n}\nstart = {2027 + n // 4000}-{(n // 300) % 12 + 1:02d}-"
        f'{n % 28 + 1:02d}T{8 + n % 10:02d}:00:00\nminutes = 60\nstatus = "planned"\n'
        f'uid = "iso-{n}@tyo"\nsequence = 0\n'
        for n in range(1, meetings + 1)
    )
    return head + body


def test_a_process_file_over_the_planning_limit_is_reported_at_once(
    initialised: Tyo, store_path: Path
) -> None:
    (store_path / "processes").mkdir(mode=0o700, exist_ok=True)
    (store_path / "processes/iso.toml").write_text(_process_file(4000), encoding="utf-8")
    started = time.monotonic()
    result = initialised("process", "list")
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: processes/iso.toml, line ")
    assert result.stderr.endswith(
        ": 4000 meetings, more than the 1000 a process file may hold; split the process in "
        "two (`tyo new-process`)\n"
    )
    line = int(result.stderr.split("line ")[1].split(":")[0])
    text = (store_path / "processes/iso.toml").read_text(encoding="utf-8").splitlines()
    assert text[line - 1] == "[[meetings]]"
    assert text[line] == "n = 1001"


def test_a_process_file_is_parsed_in_linear_time(initialised: Tyo, store_path: Path) -> None:
    """1,000 meetings, the most a file may hold: once taking seconds (quadratic search
    for each table's line), now a fraction of one; 250 take about a quarter of that."""
    timings = {}
    (store_path / "processes").mkdir(mode=0o700, exist_ok=True)
    for count in (250, 1000):
        (store_path / "processes/iso.toml").write_text(_process_file(count), encoding="utf-8")
        started = time.monotonic()
        result = initialised("process", "show", "iso", "--json")
        timings[count] = time.monotonic() - started
        assert result.exit_code == 0, result.output
    assert timings[1000] < 3
    assert timings[1000] < 8 * timings[250] + 0.2, timings
