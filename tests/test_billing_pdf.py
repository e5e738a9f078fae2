"""The invoice PDF: its text (read back with pypdf), its barcode, and what must not be on it."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.billing_month import (
    ESIHENKILOT,
    EXPENSES,
    FEBRUARY,
    MEHILAINEN,
    POHDE,
    PROCESSES,
    SECRET,
    SETTINGS,
)
from tests.conftest import Tyo
from tests.external import apt_tool
from tyonohjaus_cli import i18n
from tyonohjaus_cli.domain.billing import bill_month, issue_invoice
from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.invoices import Invoice, LineKind, credit_note
from tyonohjaus_cli.render import invoice_pdf as pdf_module
from tyonohjaus_cli.render import invoice_text
from tyonohjaus_cli.render.code128 import bars, code128_modules
from tyonohjaus_cli.render.invoice_pdf import invoice_pdf

ISSUED = date(2027, 3, 2)
# pohde's February: net 513.40, VAT 25.5 % 130.92, gross 644.32 (see test_billing_month);
# invoice 1234 has reference 12344; pohde is a public body, so due 30 days on: 1.4.2027.
POHDE_BARCODE = "4" + "2112345600000785" + "00064432" + "000" + "12344".rjust(20, "0") + "270401"


def pohde_invoice(lang: str = "fi") -> Invoice:
    bill = bill_month(SETTINGS, POHDE._replace(language=lang), PROCESSES, EXPENSES, FEBRUARY)
    return issue_invoice(bill, SETTINGS, 1234, ISSUED)


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.replace("\u00a0", " ")


def test_finnish_invoice_carries_the_figures_and_the_law() -> None:
    text = text_of(invoice_pdf(pohde_invoice("fi")))
    for expected in [
        "LASKU",
        # seller and buyer, names, addresses, business IDs
        "Tiina Työnohjaaja",
        "Kauppurienkatu 10",
        "Y-tunnus 1234567-1",
        "Pohjois-Pohjanmaan hyvinvointialue",
        "90029 OYS",
        "Y-tunnus 3221308-6",
        # number, dates, terms
        "Laskun numero 1234",
        "Laskun päivämäärä 2.3.2027",
        "Eräpäivä 1.4.2027",
        "30 päivää netto",
        "Palvelun ajankohta 2.2.2027–16.2.2027",
        "Viivästyskorko korkolain mukaan",
        # lines: service, date, quantity, unit price without VAT, discounts
        "2.2.2027 Työnohjaus: Hoitajien ryhmätyönohjaus 90 min 95,00 € / 45 min 25,5 % 190,00 €",
        "10.2.2027 Ensimmäinen ohjaustunti maksutta 45 min 110,00 € / 45 min 25,5 % -110,00 €",
        "Myöhäinen peruutus (veloitus 100 %)",
        "Matkakulut Oulu–Kempele 1 23,40 € 25,5 % 23,40 €",
        # VAT base, rate and amount per rate; totals
        "Veron peruste 25,5 % 513,40 €",
        "ALV 25,5 % 130,92 €",
        "Veroton yhteensä 513,40 €",
        "Maksettava yhteensä 644,32 €",
        # payment
        "IBAN FI21 1234 5600 0007 85",
        "BIC NDEAFIHH",
        "Viitenumero 12344",
        "RF-viite RF08 1234 4",
        "Summa 644,32 €",
        POHDE_BARCODE,
    ]:
        assert expected in text, expected


def test_english_and_swedish_invoices() -> None:
    english = text_of(invoice_pdf(pohde_invoice("en")))
    assert "INVOICE" in english
    assert "Total to pay €644.32" in english
    assert "VAT 25.5% €130.92" in english
    assert POHDE_BARCODE in english
    bill = bill_month(SETTINGS, MEHILAINEN, PROCESSES, EXPENSES, FEBRUARY)
    swedish = text_of(invoice_pdf(issue_invoice(bill, SETTINGS, 1235, ISSUED)))
    assert "FAKTURA" in swedish
    assert "Rabatt 10 % 10 % 113,33 € 25,5 % -11,33 €" in swedish
    assert "Att betala 128,01 €" in swedish
    assert "Förfallodag 16.3.2027" in swedish
    assert "Dröjsmålsränta enligt räntelagen" in swedish


def test_exempt_invoice_prints_the_ground_and_no_vat() -> None:
    exempt = SETTINGS._replace(vat=VatMode.EXEMPT, vat_exempt_ground="")
    bill = bill_month(exempt, POHDE, PROCESSES, EXPENSES, FEBRUARY)
    text = text_of(invoice_pdf(issue_invoice(bill, exempt, 1234, ISSUED)))
    assert "Ei arvonlisäveroa: vähäinen liiketoiminta (arvonlisäverolaki 3 §)" in text
    assert "Maksettava yhteensä 513,40 €" in text
    assert "ALV yhteensä" not in text
    own_ground = exempt._replace(vat_exempt_ground="AVL 34 §, terveyden- ja sairaanhoitopalvelu")
    text = text_of(invoice_pdf(issue_invoice(bill, own_ground, 1234, ISSUED)))
    assert "Ei arvonlisäveroa: AVL 34 §, terveyden- ja sairaanhoitopalvelu" in text


@pytest.mark.parametrize(
    ("lang", "small", "health"),
    [
        (
            "sv",
            "Ingen mervärdesskatt: liten rörelse (mervärdesskattelagen 3 §)",
            "Ingen mervärdesskatt: hälso- och sjukvårdstjänst (mervärdesskattelagen 34 §)",
        ),
        (
            "fi",
            "Ei arvonlisäveroa: vähäinen liiketoiminta (arvonlisäverolaki 3 §)",
            "Ei arvonlisäveroa: terveyden- ja sairaanhoitopalvelu (arvonlisäverolaki 34 §)",
        ),
        (
            "en",
            "No VAT charged: small business exempt from VAT (Finnish VAT Act, section 3)",
            "No VAT charged: health care service exempt from VAT (Finnish VAT Act, section 34)",
        ),
    ],
)
def test_the_exemption_ground_is_printed_in_the_client_s_language(
    lang: str, small: str, health: str
) -> None:
    exempt = SETTINGS._replace(vat=VatMode.EXEMPT, vat_exempt_ground="small-business")
    client = POHDE._replace(language=lang)
    bill = bill_month(exempt, client, PROCESSES, EXPENSES, FEBRUARY)
    assert small in text_of(invoice_pdf(issue_invoice(bill, exempt, 1234, ISSUED)))
    health_care = exempt._replace(vat_exempt_ground="health-care")
    text = text_of(invoice_pdf(issue_invoice(bill, health_care, 1234, ISSUED)))
    assert health in " ".join(text.split())
    assert "terveyden" not in text or lang == "fi"


def test_credit_note_refers_to_the_original_and_asks_no_payment() -> None:
    credit = credit_note(pohde_invoice("fi"), 1235, date(2027, 3, 9))
    text = text_of(invoice_pdf(credit))
    assert "HYVITYSLASKU" in text
    assert "Hyvitettävä lasku 1234" in text
    assert "Yhteensä -644,32 €" in text
    assert "Ei maksettavaa: hyvitys vähennetään laskusta 1234." in text
    for unasked in ("Virtuaaliviivakoodi", "Eräpäivä", "Maksuehto", "Viivästyskorko"):
        assert unasked not in text, unasked


@pytest.mark.parametrize(
    ("lang", "title", "number", "deducted", "refunded"),
    [
        (
            "fi", "HYVITYSLASKU", "Hyvityslaskun numero 1235",
            "Ei maksettavaa: hyvitys vähennetään laskusta 1234.",
            ("Ei maksettavaa: lasku 1234 on jo maksettu, joten hyvitys 638,35 € palautetaan "
            "tilillenne."),
        ),
        (
            "sv", "KREDITNOTA", "Kreditnotans nummer 1235",
            "Inget att betala: krediteringen dras av från faktura 1234.",
            ("Inget att betala: faktura 1234 är redan betald, så krediteringen 638,35 € "
            "återbetalas till ert konto."),
        ),
        (
            "en", "CREDIT NOTE", "Credit note number 1235",
            "Nothing to pay: this credit note is settled against invoice 1234.",
            ("Nothing to pay: invoice 1234 was paid, so the credit of €638.35 is refunded to "
            "your account."),
        ),
    ],
)  # fmt: skip
def test_credit_note_is_titled_and_numbered_as_one_and_refunds_a_paid_invoice(
    lang: str, title: str, number: str, deducted: str, refunded: str
) -> None:
    original = pohde_invoice(lang)
    # An expense at 0 % VAT beside the service: its VAT, negated on the credit note, is zero.
    # By hand: 25.5 % on 513.40 - 23.40 = 490.00 is 124.95; 513.40 + 124.95 = 638.35.
    lines = tuple(
        replace(line, vat_percent=Decimal(0)) if line.kind is LineKind.EXPENSE else line
        for line in original.lines
    )
    original = replace(original, lines=lines)
    credit = credit_note(original, 1235, date(2027, 3, 9))
    text = text_of(invoice_pdf(credit))
    assert title in text
    assert number in text
    assert "Invoice number" not in text
    assert "Laskun numero" not in text
    assert "-0,00" not in text
    assert "-€0.00" not in text
    assert "0 % 0,00 €" in text or "0% €0.00" in text
    assert deducted in text
    paid_back = text_of(invoice_pdf(credit, refunded=True))
    assert refunded in paid_back
    assert deducted not in paid_back


@pytest.mark.parametrize(
    ("lang", "unit_free", "meeting_free"),
    [
        ("fi", "Ensimmäinen ohjaustunti maksutta", "Ensimmäinen tapaaminen maksutta"),
        ("sv", "Första handledningstimmen avgiftsfri", "Första mötet avgiftsfritt"),
        ("en", "First unit free", "First meeting free"),
    ],
)
def test_first_free_says_what_is_free(lang: str, unit_free: str, meeting_free: str) -> None:
    # --first-free takes off the first unit; at a price per meeting, that is the meeting.
    client = POHDE._replace(language=lang)
    by_time = issue_invoice(
        bill_month(SETTINGS, client, [ESIHENKILOT], [], FEBRUARY), SETTINGS, 1234, ISSUED
    )
    fixed = ESIHENKILOT._replace(meeting_price=Decimal("200.00"))
    by_meeting = issue_invoice(
        bill_month(SETTINGS, client, [fixed], [], FEBRUARY), SETTINGS, 1234, ISSUED
    )
    text = text_of(invoice_pdf(by_time))
    assert unit_free in text
    assert meeting_free not in text
    assert meeting_free in text_of(invoice_pdf(by_meeting))


def test_a_one_day_service_period_names_the_day_once() -> None:
    bill = bill_month(SETTINGS, POHDE, [ESIHENKILOT], [], FEBRUARY)
    text = text_of(invoice_pdf(issue_invoice(bill, SETTINGS, 1234, ISSUED)))
    assert "Palvelun ajankohta 10.2.2027\n" in text
    assert "10.2.2027–" not in text


def test_no_bic_no_bic_label() -> None:
    invoice = pohde_invoice("fi")
    text = text_of(invoice_pdf(replace(invoice, seller=invoice.seller._replace(bic=""))))
    assert "BIC" not in text
    assert "IBAN FI21 1234 5600 0007 85" in text


def test_an_invoice_made_at_the_command_line_names_both_parties(
    initialised: Tyo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Seller and buyer as `tyo init` and `tyo client add` took them: names, addresses, IDs."""
    planned = initialised(
        "new-process", "ryhma", "--client", "pohde", "--kind", "group",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3", "--first-free",
    )  # fmt: skip
    assert planned.exit_code == 0, planned.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    assert initialised("log", "ryhma", "--attendance", "4", "--note", "x").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert initialised("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    pdf = tmp_path / "lasku.pdf"
    assert initialised("invoice", "pdf", "1000", "-o", str(pdf)).exit_code == 0
    lines = text_of(pdf.read_bytes()).splitlines()
    seller = ["Maija Mallikas", "Esimerkkitie 1", "90100 Oulu", "Y-tunnus 1234567-1"]
    buyer = ["Pohjoisen hyvinvointialue", "PL 10", "90029 Oulu", "Y-tunnus 7654321-2"]
    for party in (seller, buyer):
        start = lines.index(party[0])
        assert lines[start : start + 4] == party
    assert (
        "12.1.2027 Ensimmäinen ohjaustunti maksutta 45 min 95,00 € / 45 min 25,5 % -95,00 €"
        in lines
    )


def test_no_secret_and_no_participant_unless_asked() -> None:
    invoice = pohde_invoice("fi")
    text = text_of(invoice_pdf(invoice))
    assert SECRET not in text
    assert "Aino" not in text
    asked = text_of(
        invoice_pdf(invoice, participants={"Hoitajien ryhmätyönohjaus": ["Aino Virtanen"]})
    )
    assert "Osallistujat (Hoitajien ryhmätyönohjaus): Aino Virtanen" in asked
    assert SECRET not in asked


def test_pdf_is_reproducible() -> None:
    invoice = pohde_invoice("fi")
    assert text_of(invoice_pdf(invoice)) == text_of(invoice_pdf(invoice))
    reader = PdfReader(io.BytesIO(invoice_pdf(invoice)))
    assert reader.metadata is not None
    assert reader.metadata.title == "Lasku 1234"
    assert len(reader.pages) == 1
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]  # A4 in points


def test_many_lines_flow_onto_more_pages() -> None:
    invoice = pohde_invoice("fi")
    many = replace(invoice, lines=invoice.lines * 12)
    reader = PdfReader(io.BytesIO(invoice_pdf(many)))
    assert len(reader.pages) >= 2
    text = text_of(invoice_pdf(many))
    assert (
        "Maksettava yhteensä 7 731,80 €" in text
    )  # 12 × 513.40 = 6160.80; VAT 1571.004 -> 1571.00


def test_every_document_string_is_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    used: set[str] = set()

    def recording_t(msgid: str, /, *, lang: str | None = None, **fields: object) -> str:
        used.add(msgid)
        return i18n.t(msgid, lang=lang, **fields)

    monkeypatch.setattr(pdf_module, "t", recording_t)
    monkeypatch.setattr(invoice_text, "t", recording_t)
    invoice = pohde_invoice("fi")
    exempt = replace(invoice, vat_mode=VatMode.EXEMPT)
    missed = replace(
        invoice, lines=tuple(replace(line, kind=LineKind.NO_SHOW) for line in invoice.lines[:1])
    )
    discounted = issue_invoice(
        bill_month(SETTINGS, MEHILAINEN, PROCESSES, EXPENSES, FEBRUARY), SETTINGS, 1235, ISSUED
    )
    for document in (invoice, exempt, missed, discounted, credit_note(invoice, 1235, ISSUED)):
        invoice_pdf(document, participants={"x": ["y"]})
    zero = replace(invoice, lines=tuple(replace(line, amount=Decimal(0)) for line in invoice.lines))
    contact = replace(
        zero, buyer=zero.buyer._replace(contact="Liisa", einvoice_address="003712345678")
    )
    invoice_pdf(contact)
    assert len(used) > 40
    for lang in ("fi", "sv"):
        missing = sorted(msgid for msgid in used if not i18n.has_translation(msgid, lang))
        assert missing == [], lang


def test_code128_bars_encode_the_digits_in_code_set_c() -> None:
    modules = code128_modules(POHDE_BARCODE)
    # start C + 27 digit pairs + check symbol, 11 modules each, and the 13-module stop
    assert len(modules) == 29 * 11 + 13
    assert modules.startswith("11010011100")  # START C (value 105)
    assert modules.endswith("1100011101011")  # STOP
    for index in range(29):
        symbol = modules[index * 11 : (index + 1) * 11]
        # every Code 128 symbol is three bars and three spaces, starting with a bar
        runs = [len(run) for run in symbol.replace("10", "1 0").replace("01", "0 1").split()]
        assert len(runs) == 6, symbol
        assert symbol[0] == "1"
        assert symbol[-1] == "0"
    assert sum(width for _, width in bars(modules)) == modules.count("1")
    with pytest.raises(ValueError, match="even number of digits"):
        code128_modules("123")


def test_a_scanner_reads_the_barcode(tmp_path: Path) -> None:
    pdftoppm = apt_tool("pdftoppm", "poppler-utils")
    zbarimg = apt_tool("zbarimg", "zbar-tools")
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(invoice_pdf(pohde_invoice("fi")))
    subprocess.run([pdftoppm, "-png", "-r", "300", str(pdf), str(tmp_path / "page")], check=True)
    scan = subprocess.run(
        [zbarimg, "-q", "--raw", str(tmp_path / "page-1.png")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert scan.stdout.strip() == POHDE_BARCODE


def test_a_foreign_iban_gets_the_payment_details_but_no_barcode() -> None:
    invoice = pohde_invoice("en")
    foreign = replace(invoice, seller=invoice.seller._replace(iban="DE89 3704 0044 0532 0130 00"))
    text = text_of(invoice_pdf(foreign))
    assert "IBAN DE89 3704 0044 0532 0130 00" in text
    assert "Total to pay €644.32" in text
    assert "Virtual barcode" not in text
