"""The Finnish of a native review, each phrase as a Finnish supervisor reads it (and its
Swedish and English where the same words are shown)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Tyo


def test_an_eve_is_an_eve_and_names_are_lower_case(initialised: Tyo) -> None:
    result = initialised(
        "--lang", "fi", "new-process", "kesa", "--client", "pohde", "--kind", "individual",
        "--start", "2027-05-14 14:00", "--every", "3w", "--count", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "pe 25.6.2027  aattopäivä: juhannusaatto, viikonloppu" in result.stdout
    assert "pyhäpäivä" not in result.stdout
    moved = initialised("--lang", "fi", "meeting", "move", "kesa", "2", "--to", "2027-12-06 10:00")
    assert moved.exit_code == 0, moved.output
    assert "(pyhäpäivä: itsenäisyyspäivä)" in moved.stderr
    added = initialised("--lang", "fi", "meeting", "add", "kesa", "--at", "2027-12-24 10:00")
    assert "(aattopäivä: jouluaatto)" in added.stderr


def test_a_name_stands_where_it_needs_no_case_ending(
    initialised: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tyo = initialised
    made = tyo(
        "new-process", "ryhma", "--client", "pohde", "--kind", "group",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3",
        "--participant", "Aino Virtanen <aino@example.fi>",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 09:00")
    late = ("meeting", "cancel", "ryhma", "1", "--by", "client")
    english = tyo(*late)
    assert english.stdout.splitlines()[1] == (
        "Notified within 24 h of the start: billed at 100% as agreed with "
        "Pohjoisen hyvinvointialue."
    )
    tyo("undo")
    finnish = tyo("--lang", "fi", *late)
    assert finnish.stdout.splitlines()[1] == (
        "Ilmoitettu alle 24 h ennen alkua: laskutetaan 100\u00a0%, kuten tilaajan kanssa on "
        "sovittu. Tilaaja: Pohjoisen hyvinvointialue."
    )
    out = tmp_path / "aino"
    exported = tyo("--lang", "fi", "export", "--participant", "Aino Virtanen", "-o", str(out))
    assert exported.stdout.startswith("Ohjattava Aino Virtanen: tiedot viety 1 prosessista: ")
    markdown = (out / "aino-virtanen.md").read_text()
    assert markdown.startswith("# Ohjattavasta tallennetut tiedot: Aino Virtanen\n")


# --- months in words ---------------------------------------------------------------------


def test_the_table_of_finnish_months_by_case() -> None:
    from tyonohjaus_cli.domain.parsing import Month
    from tyonohjaus_cli.i18n.months import FINNISH_MONTHS, month_words, months_words

    assert FINNISH_MONTHS["nominative"][0] == "tammikuu"
    assert FINNISH_MONTHS["ablative"][1] == "helmikuulta"
    assert FINNISH_MONTHS["genitive"][2] == "maaliskuun"
    assert FINNISH_MONTHS["inessive"][11] == "joulukuussa"
    assert FINNISH_MONTHS["partitive"][5] == "kesäkuuta"
    february = month_words(Month(2027, 2), "fi")
    assert f"{february} / {february:genitive} / {february:iso}" == (
        "helmikuu 2027 / helmikuun 2027 / 2027-02"
    )
    assert f"{month_words(Month(2027, 2), 'sv'):ablative}" == "februari 2027"
    assert f"{month_words(Month(2027, 2), 'en'):ablative}" == "2027-02"
    spring = months_words([Month(2027, 2), Month(2027, 3), Month(2027, 4)], "fi")
    assert f"{spring:ablative}" == "helmikuulta 2027, maaliskuulta 2027 ja huhtikuulta 2027"
    assert f"{months_words([Month(2027, 2), Month(2027, 3)], 'en'):ablative}" == (
        "2027-02, 2027-03"
    )


def test_every_case_a_catalogue_asks_of_a_month_is_in_the_table() -> None:
    import string

    from tyonohjaus_cli.i18n import fi, sv
    from tyonohjaus_cli.i18n.months import CASES, ISO

    asked = {
        (field, spec)
        for catalogue in (fi.MESSAGES, sv.MESSAGES)
        for text in catalogue.values()
        for _, field, spec, _ in string.Formatter().parse(text)
        if field in ("month", "months") and spec
    }
    assert asked  # the catalogues do ask
    assert {spec for _, spec in asked} <= {*CASES, ISO}


@pytest.fixture
def two_months(tyo: Tyo, store_path: Path) -> Tyo:
    """tests/billing_month.py's February, and one meeting of January held but not invoiced."""
    from tests.billing_month import seed_store

    seed_store(store_path)
    added = tyo("meeting", "add", "hoitajat", "--at", "2027-01-19 14:00", "--duration", "90")
    assert added.exit_code == 0, added.output
    assert tyo("log", "hoitajat", "4", "--note", "-", "--force").exit_code == 0
    return tyo


def test_months_in_finnish_sentences_are_words_in_their_case(
    two_months: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.billing_month import EXPENSE_ADD

    tyo = two_months
    may = tyo("--lang", "fi", "billing", "2027-05").stdout
    assert may.startswith("Ei laskutettavaa toukokuulta 2027.\n")
    assert "(tammikuu 2027 ja helmikuu 2027, 853,40\u00a0€)" in may
    billing = tyo("--lang", "fi", "billing", "2027-02").stdout
    assert "Pohjois-Pohjanmaan hyvinvointialue (pohde), helmikuu 2027\n" in billing
    assert (
        "Laskuttamatta: tilaajalla pohde on 1 erä ajalta ennen helmikuuta 2027 "
        "(tammikuu 2027, 238,45\u00a0€); `tyo invoice create --through 2027-02 --client pohde` "
        "laskuttaa sen helmikuun 2027 laskulla.\n"
    ) in billing
    added = tyo("--lang", "fi", *EXPENSE_ADD)
    assert added.stdout.endswith("2.2.2027, laskutetaan helmikuun 2027 laskulla.\n")
    monkeypatch.setenv("TYO_NOW", "2027-03-01 09:00")
    pending = tyo("--lang", "fi", "today").stdout
    assert "  pohde: 238,45\u00a0€ laskuttamatta tammikuulta 2027  " in pending
    assert "tyo invoice create 2027-01 --client pohde" in pending
    assert "2027-0" not in pending.replace("tyo invoice create 2027-0", "")
    assert tyo("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    again = tyo("--lang", "fi", "invoice", "create", "2027-01", "--client", "pohde")
    assert again.stderr.startswith("tyo: tilaajan pohde erät tammikuulta 2027 on jo laskutettu")
    none = tyo("--lang", "fi", "invoice", "create", "2027-04", "--client", "pohde")
    assert none.stderr.startswith("tyo: tilaajalle pohde ei ole laskutettavaa huhtikuulta 2027: ")
    assert "(`tyo billing 2027-04 --client pohde` näyttää erät)" in none.stderr
    # English keeps its months as it writes its dates.
    assert tyo("billing", "2027-05").stdout.startswith("Nothing billable in 2027-05.\n")


def test_a_price_change_names_its_months_in_words(two_months: Tyo) -> None:
    result = two_months(
        "--lang", "fi", "process", "edit", "hoitajat", "--rate", "100", "--from", "2027-01-01"
    )
    assert result.exit_code == 0, result.output
    assert (
        "Laskuttamattomat erät tammikuulta 2027 ja helmikuulta 2027 laskutetaan nyt uudella "
        "hinnalla"
    ) in result.stdout


# --- one participant or several ------------------------------------------------------------


def test_one_participant_is_ohjattava_not_ohjattavat(initialised: Tyo) -> None:
    tyo = initialised
    for process, people in (("yksin", ["Aino Virtanen"]), ("ryhma", ["Aino A", "Bertta B"])):
        made = tyo(
            "new-process", process, "--client", "pohde", "--kind", "group",
            "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3",
            *(arg for name in people for arg in ("--participant", name)),
        )  # fmt: skip
        assert made.exit_code == 0, made.output
        goal = tyo("goal", "add", process, "Työnjako", "--by", "participants")
        assert goal.exit_code == 0, goal.output
        review = ("goal", "review", process, "--goal", "1", "--score", "3", "--date", "2027-01-04")
        reviewed = tyo("--lang", "fi", *review, "--with", "participants")
        assert reviewed.exit_code == 0, reviewed.output
        whom = "ohjattavan" if len(people) == 1 else "ohjattavien"
        assert reviewed.stdout.splitlines()[0].endswith(f"pisteet 3, {whom} kanssa.")
    one = tyo("--lang", "fi", "summary", "yksin", "--for", "participants").stdout
    assert "Ohjattavalle, 4.1.2027" in one
    assert "1. Työnjako (sovittu ohjattavan kanssa)" in one
    assert "4.1.2027  ohjattavan kanssa" in one
    assert "ilman ohjattavan suostumusta" in one
    assert "ohjattavien" not in one
    many = tyo("--lang", "fi", "summary", "ryhma", "--for", "participants").stdout
    assert "Ohjattaville, 4.1.2027" in many
    assert "1. Työnjako (sovittu ohjattavien kanssa)" in many
    swedish = tyo("summary", "yksin", "--for", "participants", "--lang", "sv").stdout
    assert "Till deltagaren, 4.1.2027" in swedish
    assert "överenskommet med deltagaren)" in swedish
    english = tyo("summary", "yksin", "--for", "participants", "--lang", "en").stdout
    assert "(agreed with the participant)" in english
    shown = tyo("--lang", "fi", "process", "show", "yksin").stdout
    assert re.search(r"^ohjattava: +Aino Virtanen$", shown, flags=re.MULTILINE)
    shown = tyo("--lang", "fi", "process", "show", "ryhma").stdout
    assert re.search(r"^ohjattavat: +Aino A$", shown, flags=re.MULTILINE)
    goals = tyo("--lang", "fi", "goal", "list", "yksin").stdout
    assert "ohjattava " in goals
    assert "ohjattavat" not in goals
    notes = tyo("--lang", "fi", "notes", "yksin").stdout
    assert "tavoite 1, pisteet 3, ohjattavan kanssa" in notes
    agreement = tyo("--lang", "fi", "agreement", "yksin", "--format", "md").stdout
    assert "Tavoitteet arvioidaan ohjattavan kanssa" in " ".join(agreement.split())
    assert "jotka ohjattava suostuu jakamaan" in " ".join(agreement.split())


def test_goals_reviewed_at_the_end_with_one_participant_or_several() -> None:
    """With no meeting to review at, the agreement's paragraph says "at the end", in the
    number of the participants."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tyonohjaus_cli.domain import agreement
    from tyonohjaus_cli.domain.enums import ProcessKind
    from tyonohjaus_cli.domain.models import Participant, Process

    def text(names: list[str], lang: str) -> str:
        process = Process(
            id="p",
            client="c",
            kind=ProcessKind.GROUP,
            title="p",
            created=datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki")),
            participants=tuple(Participant(name) for name in names),
        )
        return agreement._reviews(process, lang)

    one, several = ["Aino Virtanen"], ["Aino A", "Bertta B"]
    assert text(one, "fi").startswith("Tavoitteet arvioidaan ohjattavan kanssa prosessin lopussa")
    assert text(one, "fi").endswith("jotka ohjattava suostuu jakamaan.")
    assert text(several, "fi").startswith("Tavoitteet arvioidaan ohjattavien kanssa prosessin")
    assert text(one, "sv").startswith("Målen utvärderas med deltagaren i slutet")
    assert text(several, "sv").startswith("Målen utvärderas med deltagarna i slutet")
    assert text(one, "en").startswith("The goals are reviewed with the participant at the end")
    assert text(one, "en").endswith("the participant agrees to share.")
    assert text(several, "en").endswith("the participants agree to share.")


# --- the mark of an erased name ------------------------------------------------------------


def test_the_erased_mark_is_one_in_the_store_and_words_in_each_view(
    initialised: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    tyo = initialised
    made = tyo(
        "new-process", "ryhma", "--client", "pohde", "--kind", "group",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3",
        "--participant", "Aino Virtanen", "--participant", "Bertta Berg",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    logged = tyo(
        "log", "ryhma", "1", "--present", "Aino", "--present", "Bertta",
        "--theme", "Aino Virtanen ja työnjako", "--note", "Aino Virtanen kertoi.",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.output
    forgot = tyo("--lang", "fi", "forget", "--participant", "Aino Virtanen", "--yes")
    assert forgot.exit_code == 0, forgot.output
    assert "istuntoloki: nimen tilalla on [poistettu]; lue muistiinpanot" in forgot.stdout
    stored = (store_path / "sessions/ryhma.json").read_text(encoding="utf-8")
    assert stored.count("[erased]") == 3
    assert "poistettu" not in stored
    finnish = tyo("--lang", "fi", "notes", "ryhma").stdout
    assert "Läsnä: [poistettu], Bertta Berg" in finnish
    assert "[poistettu] kertoi." in finnish
    assert "[erased]" not in finnish
    assert "[poistettu] ja työnjako" in tyo("--lang", "fi", "notes", "ryhma", "--md").stdout
    assert "Present: [erased], Bertta Berg" in tyo("notes", "ryhma").stdout
    machine = json.loads(tyo("--lang", "fi", "notes", "ryhma", "--json").stdout)
    assert machine["meetings"][0]["present"] == ["[erased]", "Bertta Berg"]
    summary = ("summary", "ryhma", "--for", "participants")
    assert "[raderad] ja työnjako" in tyo(*summary, "--lang", "sv").stdout
    assert "\\[poistettu\\] ja työnjako" in tyo(*summary, "--lang", "fi", "--format", "md").stdout
    assert "[erased] ja työnjako" in tyo(*summary, "--lang", "en").stdout
    assert tyo("doctor").exit_code == 0


def test_every_mark_ever_written_is_shown_in_words() -> None:
    from tyonohjaus_cli.domain.erased import MARKS, shown
    from tyonohjaus_cli.storage import forget

    # What forget writes is what stores hold since it began: never translated, never changed.
    assert forget._redact("Aino Virtanen x", ("Aino Virtanen",)) == "[erased] x"
    assert all(shown(f"a {mark} b", "fi") == "a [poistettu] b" for mark in MARKS)
    assert shown("a \\[erased\\] b", "sv") == "a \\[raderad\\] b"
    assert shown("nothing erased here", "fi") == "nothing erased here"


def test_a_name_not_among_one_participant(
    initialised: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = initialised(
        "new-process", "yksin", "--client", "pohde", "--kind", "individual",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3",
        "--participant", "Aino Virtanen",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    result = initialised("--lang", "fi", "log", "yksin", "--present", "Bertta", "--note", "x")
    assert result.stderr == (
        "tyo: 'Bertta' ei ole prosessin yksin ohjattava (ainoa ohjattava: Aino Virtanen)\n"
    )


def test_a_month_field_with_a_case_is_given_as_words() -> None:
    """Where a translation asks a month in a case ({month:ablative}), every call passes
    month_words() (or a name bound to it), never a string, which can't take a case."""
    import ast
    import string

    import tyonohjaus_cli
    from tyonohjaus_cli.i18n import fi, sv

    def cased(text: str) -> set[str]:
        return {name for _, name, spec, _ in string.Formatter().parse(text) if name and spec}

    asks = {
        msgid: cased(text)
        for catalogue in (fi.MESSAGES, sv.MESSAGES)
        for msgid, text in catalogue.items()
        if cased(text)
    }
    wrong = []
    source = Path(tyonohjaus_cli.__file__).parent
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            forms = {"t": 1, "tn": 2}.get(node.func.id, 0)
            msgids = [a.value for a in node.args[:forms] if isinstance(a, ast.Constant)]
            needed = set().union(*(asks.get(str(msgid), set()) for msgid in msgids))
            for keyword in node.keywords:
                value = keyword.value
                plain = isinstance(value, ast.Constant | ast.JoinedStr) or (
                    isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Name)
                    and value.func.id in ("str", "format")
                )
                if keyword.arg in needed and plain:
                    wrong.append(f"{path.relative_to(source)}:{node.lineno} {keyword.arg}")
    assert asks
    assert wrong == []
