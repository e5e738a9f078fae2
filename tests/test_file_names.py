"""A document written without -o goes to a file named in the document's language:
lasku-1000.pdf, faktura-1000.pdf, invoice-1000.pdf (domain/file_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.billing_month import seed_store
from tests.conftest import Tyo


@pytest.fixture
def invoiced(tyo: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    """February invoiced: 1000 to pohde (Finnish), 1001 to mehilainen (Swedish); then the
    documents are written in an empty folder of their own, after both are due."""
    seed_store(store_path)
    routed = (
        "--einvoice-address",
        "003732213086",
        "--operator",
        "E204503",
        "--buyer-reference",
        "R1",
    )
    assert tyo("client", "edit", "mehilainen", *routed).exit_code == 0
    assert tyo("settings", "set", "operator", "003721291126").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-03-02 09:00")
    for client in ("pohde", "mehilainen"):
        result = tyo("invoice", "create", "2027-02", "--client", client)
        assert result.exit_code == 0, result.output
    monkeypatch.setenv("TYO_NOW", "2027-05-03 09:00")
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    return tyo


def _wrote(tyo: Tyo, *args: str) -> str:
    result = tyo(*args)
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in Path.cwd().iterdir())
    for path in Path.cwd().iterdir():
        path.unlink()
    assert len(written) == 1, written
    assert written[0] in result.stdout
    return written[0]


def test_the_default_names_are_the_documents_language(invoiced: Tyo) -> None:
    tyo = invoiced
    assert _wrote(tyo, "invoice", "pdf", "1000") == "lasku-1000.pdf"
    assert _wrote(tyo, "invoice", "pdf", "1001") == "faktura-1001.pdf"
    # The interface's language does not rename what goes to a Finnish client.
    assert _wrote(tyo, "--lang", "fi", "invoice", "pdf", "1000") == "lasku-1000.pdf"
    assert _wrote(tyo, "invoice", "einvoice", "1001") == "faktura-1001.xml"
    finvoice = ("invoice", "einvoice", "1001", "--format", "finvoice")
    assert _wrote(tyo, *finvoice) == "faktura-1001-finvoice.xml"
    assert _wrote(tyo, "invoice", "remind", "1000") == "maksumuistutus-1000.pdf"
    assert _wrote(tyo, "invoice", "remind", "1001", "--lang", "en") == "reminder-1001.pdf"
    assert _wrote(tyo, "offer", "hoitajat") == "tarjous-hoitajat.pdf"
    assert _wrote(tyo, "agreement", "aino") == "avtal-aino.pdf"
    assert _wrote(tyo, "agreement", "aino", "--lang", "en") == "agreement-aino.pdf"
    summary = ("summary", "hoitajat", "--format", "pdf")
    assert _wrote(tyo, *summary, "--for", "client") == "yhteenveto-hoitajat-tilaaja.pdf"
    assert _wrote(tyo, *summary, "--for", "participants") == "yhteenveto-hoitajat-ohjattavat.pdf"
    assert _wrote(tyo, *summary, "--for", "client", "--lang", "en") == "summary-hoitajat-client.pdf"
    assert _wrote(tyo, "summary", "aino", "--format", "pdf", "--for", "client") == (
        "sammanfattning-aino-beställare.pdf"
    )
    credit = tyo("invoice", "credit", "1000")
    assert credit.exit_code == 0, credit.output
    assert _wrote(tyo, "invoice", "pdf", "1002") == "hyvityslasku-1002.pdf"


def test_a_name_given_is_written_as_given(invoiced: Tyo) -> None:
    # The English names of before still work where a supervisor's scripts name them.
    assert _wrote(invoiced, "invoice", "pdf", "1000", "-o", "invoice-1000.pdf") == (
        "invoice-1000.pdf"
    )
    assert _wrote(invoiced, "invoice", "remind", "1000", "-o", "reminder-1000.pdf") == (
        "reminder-1000.pdf"
    )
