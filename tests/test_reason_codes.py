"""A reason tyo gives is stored as a code and put into words when shown, in each view's
language; a reason the supervisor typed stays as typed; files holding the old words read."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tyonohjaus_cli.domain.reasons import CancelReason, shown, stored

PROCESS = (
    "new-process",
    "ryhma",
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
    "--participant",
    "Aino Virtanen <aino@example.fi>",
    "--participant",
    "Bertta Berg",
)


@pytest.fixture
def closed(initialised: Tyo) -> Tyo:
    """``ryhma``: meeting 1 cancelled by the client with words of the supervisor's own, then
    the process closed in Finnish with the other two still planned."""
    tyo = initialised
    assert tyo(*PROCESS).exit_code == 0
    cancel = ("meeting", "cancel", "ryhma", "1", "--by", "client", "--reason", "sairastuminen")
    assert tyo(*cancel).exit_code == 0
    result = tyo("--lang", "fi", "process", "close", "ryhma", "--cancel-remaining")
    assert result.exit_code == 0, result.output
    return tyo


def _reasons(path: Path) -> list[str]:
    return re.findall(r'^reason = "(.*)"$', path.read_text(encoding="utf-8"), flags=re.MULTILINE)


def test_closing_in_finnish_stores_the_code(closed: Tyo, store_path: Path) -> None:
    assert _reasons(store_path / "processes/ryhma.toml") == [
        "sairastuminen",
        "process-closed",
        "process-closed",
    ]
    assert "päättyi" not in (store_path / "processes/ryhma.toml").read_text(encoding="utf-8")


def test_process_show_puts_the_code_into_its_language(closed: Tyo) -> None:
    english = closed("process", "show", "ryhma").stdout
    assert "cancelled by the supervisor (notified Mon 2027-01-04 09:00): process closed" in english
    assert "cancelled by the client (notified Mon 2027-01-04 09:00): sairastuminen" in english
    finnish = closed("--lang", "fi", "process", "show", "ryhma").stdout
    assert "(ilmoitus ma 4.1.2027 klo 9.00): prosessi päättyi" in finnish
    assert "process-closed" not in english + finnish


def test_documents_say_it_in_the_document_language(closed: Tyo) -> None:
    summaries = {
        lang: closed("summary", "ryhma", "--for", "client", "--lang", lang).stdout
        for lang in ("fi", "sv", "en")
    }
    assert "peruttu prosessin päättyessä" in summaries["fi"]
    assert "inställd när processen avslutades" in summaries["sv"]
    assert "cancelled when the process was closed" in summaries["en"]
    # The supervisor's own words are private: no summary shows them.
    assert not any("sairastuminen" in text for text in summaries.values())
    finnish = closed("ics", "ryhma", "--meeting", "3").stdout.replace("\r\n ", "")
    assert "Tämä tapaaminen on peruttu: työnohjausprosessi on päättynyt." in finnish
    assert closed("client", "edit", "pohde", "--lang", "sv").exit_code == 0
    swedish = closed("ics", "ryhma", "--meeting", "2").stdout.replace("\r\n ", "")
    assert "Den här träffen är inställd: handledningsprocessen har avslutats." in swedish
    assert closed("client", "edit", "pohde", "--lang", "en").exit_code == 0
    client_cancelled = closed("ics", "ryhma", "--meeting", "1").stdout.replace("\r\n ", "")
    assert "This meeting is cancelled.\\n" in client_cancelled
    assert "sairastuminen" not in client_cancelled


@pytest.mark.parametrize("written", ["prosessi päättyi", "process closed"])
def test_a_file_with_the_old_words_reads_as_the_code(
    closed: Tyo, store_path: Path, written: str
) -> None:
    path = store_path / "processes/ryhma.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"process-closed"', f'"{written}"'),
        encoding="utf-8",
    )
    assert closed("doctor").exit_code == 0
    assert "): process closed" in closed("process", "show", "ryhma").stdout
    assert "): prosessi päättyi" in closed("--lang", "fi", "process", "show", "ryhma").stdout
    # The next save writes the code.
    assert closed("process", "edit", "ryhma", "--title", "Ryhmä").exit_code == 0
    assert _reasons(path) == ["sairastuminen", "process-closed", "process-closed"]


def test_the_codes_and_the_words() -> None:
    assert stored("prosessi päättyi") == stored(" Process closed ") == "process-closed"
    assert stored("sairastuminen") == "sairastuminen"
    assert shown("process-closed", lang="fi") == "prosessi päättyi"
    assert shown("process-closed", lang="en") == "process closed"
    assert shown("prosessi päättyi", lang="en") == "process closed"
    assert shown("tilaajan pyynnöstä", lang="en") == "tilaajan pyynnöstä"
    assert [reason.value for reason in CancelReason] == ["process-closed"]


# --- the VAT exemption's ground ------------------------------------------------------------


def _exempt(tyo: Tyo) -> None:
    from tests.conftest import SUPERVISOR

    assert tyo(*SUPERVISOR, "--vat", "exempt").exit_code == 0
    assert tyo("client", "add", "kettu", "--name", "Kettu Oy", "--lang", "en").exit_code == 0
    made = tyo(*PROCESS[:3], "kettu", *PROCESS[4:14])
    assert made.exit_code == 0, made.output


def test_init_stores_the_exemption_ground_as_a_code(tyo: Tyo, store_path: Path) -> None:
    _exempt(tyo)
    assert 'vat_exempt_ground = "small-business"' in (store_path / "settings.toml").read_text()
    offer = tyo("offer", "ryhma", "--format", "md").stdout
    assert "no VAT: small business exempt from VAT (Finnish VAT Act, section 3)" in offer
    finnish = tyo("offer", "ryhma", "--format", "md", "--lang", "fi").stdout
    assert "ei arvonlisäveroa: vähäinen liiketoiminta (arvonlisäverolaki 3 §)" in finnish


def test_settings_holding_the_old_finnish_ground_read_as_the_code(
    tyo: Tyo, store_path: Path
) -> None:
    _exempt(tyo)
    settings = store_path / "settings.toml"
    settings.write_text(
        settings.read_text().replace('"small-business"', '"AVL 3 § (vähäinen liiketoiminta)"')
    )
    assert tyo("doctor").exit_code == 0
    offer = tyo("offer", "ryhma", "--format", "md").stdout
    assert "no VAT: small business exempt from VAT (Finnish VAT Act, section 3)" in offer
    assert "vähäinen" not in offer


def test_a_ground_in_own_words_and_a_code_in_documents(tyo: Tyo) -> None:
    _exempt(tyo)
    assert tyo("settings", "set", "vat_exempt_ground", "health-care").exit_code == 0
    offer = tyo("offer", "ryhma", "--format", "md").stdout
    assert "no VAT: health care service exempt from VAT (Finnish VAT Act, section 34)" in offer
    assert "health-care" not in offer
    assert tyo("settings", "set", "vat_exempt_ground", "AVL 4 §, oma peruste").exit_code == 0
    assert "no VAT: AVL 4 §, oma peruste" in tyo("offer", "ryhma", "--format", "md").stdout


def test_an_e_invoice_names_a_coded_ground_in_words() -> None:
    from dataclasses import replace

    from tests.einvoice_practice import EXEMPT, practice
    from tyonohjaus_cli.domain.einvoice import vat_category
    from tyonohjaus_cli.domain.enums import VatMode

    exempt = next(case.invoice for case in practice() if case.invoice.vat_mode is VatMode.EXEMPT)
    for ground, lang, words in (
        ("health-care", "en", "health care service exempt from VAT (Finnish VAT Act, section 34)"),
        ("", "fi", "vähäinen liiketoiminta (arvonlisäverolaki 3 §)"),
        (EXEMPT.vat_exempt_ground, "fi", EXEMPT.vat_exempt_ground),
    ):
        invoice = replace(
            exempt, vat_exempt_ground=ground, buyer=exempt.buyer._replace(language=lang)
        )
        assert vat_category(invoice, Decimal(0)).reason == words
