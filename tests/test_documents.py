"""The documents of a process's life: offer, agreement, summary PDF, payment reminder.

Each is read back as a reader would: the PDF's text with pypdf, its first page rendered by
pdftoppm (a blank page fails), in Finnish, Swedish and English.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.document_helpers import first_page_ink, pdf_text, plain
from tests.sessions_sample import PROCESS, SECRETS
from tyonohjaus_cli.i18n import format_money

midway = sessions_sample.midway

OFFERED = (
    "new-process", "tarjous", "--client", "pohde", "--kind", "group",
    "--start", "2027-02-02 14:00", "--every", "3w", "--count", "6", "--duration", "90",
    "--participant", "Aino Virtanen", "--participant", "Eero Esimerkki",
    "--place", "Kauppurienkatu 10, Oulu", "--goal", "Työnjaon selkiyttäminen",
    "--first-free", "--proposal",
)  # fmt: skip
LANGUAGES = ("fi", "sv", "en")


@pytest.fixture
def offered(initialised: Tyo) -> Tyo:
    """pohde (public, 21 days) with a 48-hour window and a 10 % discount, and a proposal."""
    edited = initialised("client", "edit", "pohde", "--cancel-hours", "48", "--discount", "10")
    assert edited.exit_code == 0, edited.output
    made = initialised(*OFFERED)
    assert made.exit_code == 0, made.output
    return initialised


def _document(tyo: Tyo, tmp_path: Path, *args: str) -> str:
    """Write a PDF with ``args`` to a file, check its first page has ink, return its text."""
    path = tmp_path / f"{'-'.join(a.strip('-') for a in args)}.pdf"
    result = tyo(*args, "-o", str(path))
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert first_page_ink(path, tmp_path) > 0.01, f"{path.name}: the first page looks blank"
    return pdf_text(data)


def _billed(tyo: Tyo, months: list[str]) -> dict[str, Decimal]:
    """What ``tyo billing`` gives for the months, summed (each month's VAT as invoiced)."""
    sums = dict.fromkeys(("net", "vat", "gross"), Decimal(0))
    for month in months:
        bill = json.loads(tyo("billing", month, "--json").stdout)
        for key in sums:
            sums[key] += Decimal(bill["totals"][key])
    return sums


def test_the_offers_estimate_is_what_billing_gives_once_held(
    offered: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tyo = offered
    texts = {
        lang: _document(tyo, tmp_path, "offer", "tarjous", "--lang", lang) for lang in LANGUAGES
    }
    # By hand: 6 meetings of 90 min = 2 units at 95 €, the first unit free, then 10 % off:
    # 85.50 + 5 × 171.00 = 940.50 net. VAT 25.5 % per month as invoiced: Feb 256.50 → 65.41,
    # Mar 171 → 43.61, Apr 342 → 87.21, May 171 → 43.61 = 239.84 (on the whole, 239.83).
    hand = {"net": Decimal("940.50"), "vat": Decimal("239.84"), "gross": Decimal("1180.34")}

    assert tyo("process", "accept", "tarjous").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-06-01 09:00")
    for n in range(1, 7):
        logged = tyo("log", "tarjous", str(n), "--note", "Pidetty.")
        assert logged.exit_code == 0, logged.output
    billed = _billed(tyo, ["2027-02", "2027-03", "2027-04", "2027-05"])
    assert billed == hand
    for lang, text in texts.items():
        for key in ("net", "gross"):
            assert plain(format_money(billed[key], lang=lang)) in text, (lang, key)
        assert plain(format_money(billed["vat"], lang=lang)) in text, lang
    assert "Arvioitu kokonaishinta ALV:n kanssa 1 180,34 €" in texts["fi"]
    assert "Estimated total with VAT €1,180.34" in texts["en"]
    assert "Uppskattat totalpris med moms 1 180,34 €" in texts["sv"]


def test_the_offer_says_validity_price_and_cancellation(offered: Tyo, tmp_path: Path) -> None:
    text = _document(offered, tmp_path, "offer", "tarjous", "--valid-until", "2027-01-31")
    # pohde's document language is Finnish; dates the Finnish way.
    assert "Tarjous on voimassa 31.1.2027 asti." in text
    assert "48 tunnin sisällä" in text
    assert "veloitetaan 100 % tapaamisen hinnasta" in text
    assert "95,00 € / ohjaustunti (45 min)" in text
    assert "ensimmäinen ohjaustunti maksuton" in text
    assert "Alennus 10 %" in text
    assert "3 viikon välein" in text
    assert "ti 2.2.2027" in text


def test_an_offer_valid_until_the_past_is_refused(offered: Tyo, tmp_path: Path) -> None:
    result = offered(
        "offer", "tarjous", "--valid-until", "2027-01-01", "-o", str(tmp_path / "o.pdf")
    )
    assert result.exit_code == 2
    assert "--valid-until 2027-01-01 is in the past" in result.stderr
    assert not (tmp_path / "o.pdf").exists()


_WORDS = {
    "fi": ("{hours} tunnin", "{days} päivää netto", "{count} tapaamista"),
    "sv": ("{hours} timmar", "{days} dagar netto", "{count} träffar"),
    "en": ("{hours} hours", "{days} days net", "{count} meetings"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_agreement_states_the_stores_terms(offered: Tyo, tmp_path: Path, lang: str) -> None:
    tyo = offered
    client = json.loads(tyo("client", "show", "pohde", "--json").stdout)
    process = json.loads(tyo("process", "show", "tarjous", "--json").stdout)
    settings = json.loads(tyo("settings", "show", "--json").stdout)
    text = _document(tyo, tmp_path, "agreement", "tarjous", "--lang", lang)
    hours, days, count = _WORDS[lang]
    assert hours.format(hours=client["cancel_hours"]) in text
    assert days.format(days=client["payment_days"]) in text
    assert count.format(count=len(process["meetings"])) in text
    assert plain(format_money(Decimal(settings["rate"]), lang=lang)) in text
    for name in ("Aino Virtanen", "Eero Esimerkki", "Pohjoisen hyvinvointialue", "Maija Mallikas"):
        assert name in text
    markdown = tyo("agreement", "tarjous", "--lang", lang, "--format", "md").stdout
    assert hours.format(hours=client["cancel_hours"]) in plain(markdown)
    assert days.format(days=client["payment_days"]) in plain(markdown)


def test_the_agreement_counts_a_large_work_community(initialised: Tyo, tmp_path: Path) -> None:
    made = initialised(
        "new-process", "yhteiso", "--client", "pohde", "--kind", "community",
        "--start", "2027-02-03 13:00", "--every", "4w", "--count", "4", "--size", "24",
        "--co-supervisor", "Kalle Kollega",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    text = _document(initialised, tmp_path, "agreement", "yhteiso", "--lang", "en")
    assert "24 participants" in text
    assert "co-supervision with Kalle Kollega" in text


def test_an_agreement_for_a_process_with_nothing_planned_says_so(
    initialised: Tyo, tmp_path: Path
) -> None:
    made = initialised(
        "new-process", "yhteiso", "--client", "pohde", "--kind", "community",
        "--start", "2027-02-03 13:00", "--every", "4w", "--count", "1",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    cancelled = initialised("meeting", "cancel", "yhteiso", "1", "--by", "supervisor")
    assert cancelled.exit_code == 0, cancelled.output
    text = _document(initialised, tmp_path, "agreement", "yhteiso", "--lang", "en")
    assert "0 meetings" in text


def test_secrets_reach_no_client_document(
    midway: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample's session log holds a note, a theme, a method and an unshared review."""
    tyo = midway
    texts = [
        _document(tyo, tmp_path, "offer", PROCESS),
        _document(tyo, tmp_path, "agreement", PROCESS),
        _document(tyo, tmp_path, "summary", PROCESS, "--for", "client", "--format", "pdf"),
    ]
    texts += [
        plain(tyo("offer", PROCESS, "--format", "md").stdout),
        plain(tyo("agreement", PROCESS, "--format", "md").stdout),
    ]
    issued = tyo("invoice", "create", "2027-04", "--client", "pohde")
    assert issued.exit_code == 0, issued.output
    monkeypatch.setenv("TYO_NOW", "2027-07-15 09:00")
    texts.append(_document(tyo, tmp_path, "invoice", "remind", "1000"))
    texts.append(plain(tyo("invoice", "remind", "1000", "--format", "md").stdout))
    assert "Maksumuistutus" in texts[-1]
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


def test_the_summary_pdf_says_what_its_text_says(
    midway: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _document(midway, tmp_path, "summary", PROCESS, "--for", "client", "--format", "pdf")
    words = midway("summary", PROCESS, "--for", "client", "--format", "txt").stdout
    assert "TYÖNOHJAUKSEN YHTEENVETO" in text
    for line in ("Tilaajalle, 10.5.2027", "Hoitajien ryhmätyönohjaus (hoitajat-2027)", "4/7"):
        assert line in words
        assert line in text
    monkeypatch.chdir(tmp_path)
    result = midway("summary", PROCESS, "--for", "participants", "--format", "pdf")
    assert result.exit_code == 0, result.output
    # Named in the document's language: the client's is Finnish.
    assert (tmp_path / f"yhteenveto-{PROCESS}-ohjattavat.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("fi", ("Puitesopimus", "Tilausnumero", "Ostajan viite")),
        ("sv", ("Ramavtal", "Beställningsnummer", "Köparens referens")),
        ("en", ("Framework agreement", "Order number", "Buyer reference")),
    ],
)
def test_the_agreement_prints_the_buyers_references(
    offered: Tyo, tmp_path: Path, lang: str, labels: tuple[str, str, str]
) -> None:
    tyo = offered
    edited = tyo(
        "process", "edit", "tarjous", "--order-number", "PO-2027-118", "--contract", "PS-44/2026"
    )
    assert edited.exit_code == 0, edited.output
    assert tyo("client", "edit", "pohde", "--buyer-reference", "1234-OHJ").exit_code == 0
    for command in ("agreement", "offer"):
        text = _document(tyo, tmp_path, command, "tarjous", "--lang", lang)
        for label, value in zip(labels, ("PS-44/2026", "PO-2027-118", "1234-OHJ"), strict=True):
            assert f"{label} {value}" in text, (command, label)


def test_without_references_the_agreement_has_no_lines_for_them(
    offered: Tyo, tmp_path: Path
) -> None:
    text = _document(offered, tmp_path, "agreement", "tarjous", "--lang", "en")
    for label in ("Framework agreement", "Order number", "Buyer reference"):
        assert label not in text
