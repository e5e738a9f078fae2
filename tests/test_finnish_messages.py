"""Finnish messages say Finnish all through: "rivi 5", not "line 5"; "ti 1.12.2026 klo 10.00",
not "2026-12-01T10:00:00+02:00"; a count with the right form. Found by running error paths
in Finnish; each is checked here in Finnish and, where it changed, in English.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import Tyo
from tyonohjaus_cli.domain.parsing import localize
from tyonohjaus_cli.domain.vat import vat_rate
from tyonohjaus_cli.errors import StoreFileError, UsageError
from tyonohjaus_cli.i18n import set_language, tn
from tyonohjaus_cli.storage.documents import parse_json, parse_toml
from tyonohjaus_cli.storage.lock import holder

ISO = re.compile(r"\d{4}-\d\d-\d\d")


def test_a_damaged_store_file_names_its_line_in_finnish(initialised: Tyo, store_path: Path) -> None:
    path = store_path / "clients" / "pohde.toml"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "x = \n", encoding="utf-8")
    finnish = initialised("--lang", "fi", "client", "list")
    assert (finnish.exit_code, finnish.stderr) == (
        1,
        f"tyo: clients/pohde.toml, rivi {lines + 1}: virheellistä TOMLia: virheellinen arvo\n",
    )
    english = initialised("--lang", "en", "client", "list")
    assert english.stderr == (
        f"tyo: clients/pohde.toml, line {lines + 1}: not valid TOML: Invalid value\n"
    )
    doctor = initialised("--lang", "fi", "doctor").stdout
    assert f"clients/pohde.toml, rivi {lines + 1}: virheellistä TOMLia" in doctor


@pytest.mark.parametrize(
    ("text", "finnish"),
    [
        ('a = "x', "x.toml: virheellistä TOMLia: merkkijono jäi sulkematta"),
        ("a = [1,\n", "x.toml: virheellistä TOMLia: virheellinen arvo"),
        ("a = 1\nb = [1 2]\n", "x.toml, rivi 2: virheellistä TOMLia: lista jäi sulkematta"),
        ("a 1", "x.toml, rivi 1: virheellistä TOMLia: avaimen jälkeen puuttuu '='"),
    ],
)
def test_the_toml_readers_words_in_finnish(text: str, finnish: str) -> None:
    set_language("fi")
    with pytest.raises(StoreFileError) as raised:
        parse_toml(text, "x.toml")
    assert raised.value.message == finnish


def test_the_json_readers_words_in_finnish() -> None:
    set_language("fi")
    with pytest.raises(StoreFileError) as raised:
        parse_json('{"a" 1}', "x.json")
    assert raised.value.message == "x.json, rivi 1: virheellistä JSONia: kaksoispiste puuttuu"


def test_a_lock_holders_time_as_a_person_reads_it(tmp_path: Path) -> None:
    (tmp_path / ".lock").write_text("pid 4242 since 2026-12-01T10:00:00+0200\n")
    set_language("fi")
    assert holder(tmp_path) == "prosessi 4242, lukko otettu ti 1.12.2026 klo 10.00"
    set_language("en")
    assert holder(tmp_path) == "pid 4242 since Tue 2026-12-01 10:00"
    (tmp_path / ".lock").write_text("pid 4242 since yesterday\n")
    assert holder(tmp_path) == "pid 4242 since yesterday"  # not a time: as written


def test_dates_in_finnish_messages_are_finnish_dates() -> None:
    set_language("fi")
    with pytest.raises(UsageError) as no_rate:
        vat_rate(date(1990, 1, 1))
    assert "1.1.1990" in no_rate.value.message
    assert not ISO.search(no_rate.value.message)
    with pytest.raises(UsageError) as skipped:
        localize(datetime(2027, 3, 28, 3, 30), ZoneInfo("Europe/Helsinki"))
    assert skipped.value.message.startswith("aikaa 28.3.2027 klo 3.30 ei ole vyöhykkeellä")


def test_an_empty_agenda_says_its_days_in_finnish(initialised: Tyo) -> None:
    result = initialised("--lang", "fi", "agenda", "--from", "2027-05-01", "--to", "2027-05-02")
    assert result.stdout == "Ei tapaamisia välillä 1.5.2027–2.5.2027.\n"
    english = initialised("agenda", "--from", "2027-05-01", "--to", "2027-05-02")
    assert english.stdout == "No meetings from 2027-05-01 to 2027-05-02.\n"


@pytest.mark.parametrize(
    ("one", "many", "forms"),
    [
        ("Wrote {count} file to {path}.", "Wrote {count} files to {path}.",
         ("Tallennettu 1 tiedosto kansioon k.", "Tallennettu 2 tiedostoa kansioon k.")),
        ("Wrote {count} meeting to {path}.", "Wrote {count} meetings to {path}.",
         ("Tallennettu 1 tapaaminen tiedostoon k.", "Tallennettu 3 tapaamista tiedostoon k.")),
        ("Backed up {count} file to {path}.", "Backed up {count} files to {path}.",
         ("Varmuuskopioitu 1 tiedosto: k.", "Varmuuskopioitu 2 tiedostoa: k.")),
    ],
)  # fmt: skip
def test_counted_messages_in_finnish(one: str, many: str, forms: tuple[str, str]) -> None:
    many_count = int(re.findall(r"\d+", forms[1])[0])
    assert tn(one, many, 1, lang="fi", path="k") == forms[0]
    assert tn(one, many, many_count, lang="fi", path="k") == forms[1]


def test_a_process_closed_with_one_meeting_left_says_one(
    initialised: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = initialised(
        "new-process", "yksi", "--client", "pohde", "--kind", "individual",
        "--start", "2027-01-12 09:00", "--every", "4w", "--count", "1",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert made.stdout.startswith("Planned 1 meeting of 60 min for yksi")
    closed = initialised("process", "close", "yksi")
    assert closed.stderr.startswith(
        "tyo: process yksi still has 1 planned meeting: log or cancel it"
    )
    finnish = initialised("--lang", "fi", "process", "close", "yksi")
    assert finnish.stderr.startswith(
        "tyo: prosessissa yksi on vielä 1 suunniteltu tapaaminen: kirjaa tai peru se"
    )


def test_a_break_in_a_finnish_sentence_is_written_in_finnish_dates() -> None:
    from tyonohjaus_cli.cli.planning import shift_text
    from tyonohjaus_cli.domain.planning import Shift, ShiftCause
    from tyonohjaus_cli.i18n import set_language

    shift = Shift(ShiftCause.BREAK, "2027-06-21..2027-08-08")
    assert shift_text(shift) == "break 2027-06-21..2027-08-08"  # as --break takes it
    set_language("fi")
    try:
        assert shift_text(shift) == "tauko 21.6.2027–8.8.2027"
    finally:
        set_language("en")
