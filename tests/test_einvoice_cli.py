"""``tyo invoice einvoice`` and the buyer references, through the command line."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from tests.billing_month import HEL
from tests.conftest import Tyo
from tests.external import einvoice_artefact

SECRET = "SALAISUUS-eLasku-41"
NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}


@pytest.fixture
def issued(initialised: Tyo) -> Tyo:
    """pohde takes e-invoices; one meeting held (with a secret note) and invoiced as 1000."""
    tyo = initialised
    for args in (
        ("settings", "set", "operator", "003721291126"),
        ("client", "edit", "pohde", "--einvoice-address", "0037 7654 3212",
         "--operator", "e204503", "--buyer-reference", "KP-4410"),
        ("new-process", "hoitajat", "--client", "pohde", "--kind", "group",
         "--start", "2026-12-01 14:00", "--every", "4w", "--count", "2", "--duration", "90",
         "--participant", f"Aino {SECRET}-nimi <aino@example.fi>",
         "--goal", f"Työnjako {SECRET}-tavoite", "--order-number", "PO-2026-9"),
        ("log", "hoitajat", "1", "--note", f"Luottamuksellista: {SECRET}"),
        ("invoice", "create", "2026-12", "--client", "pohde", "--date", "2027-01-02"),
    ):  # fmt: skip
        result = tyo(*args)
        assert result.exit_code == 0, (args, result.output)
    return tyo


def test_a_secret_session_note_reaches_no_e_invoice(
    issued: Tyo, tmp_path: Path, store_path: Path
) -> None:
    notes = b"".join(path.read_bytes() for path in store_path.rglob("*") if path.is_file())
    assert SECRET.encode() in notes  # planted where tyo keeps the session log
    for kind in ("peppol", "finvoice"):
        out = tmp_path / f"{kind}.xml"
        result = issued("invoice", "einvoice", "1000", "--format", kind, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert result.stdout == f"Wrote {out}.\n"
        text = out.read_text(encoding="utf-8")
        assert SECRET not in text  # not the note, nor the participant's name, nor the goal
        assert "Aino" not in text


def test_participants_are_named_only_when_asked(issued: Tyo, tmp_path: Path) -> None:
    out = tmp_path / "named.xml"
    result = issued("invoice", "einvoice", "1000", "--participants", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert f"Aino {SECRET}-nimi" in text  # the name, as the client asked
    assert f"Luottamuksellista: {SECRET}" not in text  # never the note
    assert f"{SECRET}-tavoite" not in text


def test_written_from_the_store_the_files_pass_their_schemas(issued: Tyo, tmp_path: Path) -> None:
    peppol, finvoice = tmp_path / "p.xml", tmp_path / "f.xml"
    assert issued("invoice", "einvoice", "1000", "-o", str(peppol)).exit_code == 0
    assert (
        issued("invoice", "einvoice", "1000", "--format", "FINVOICE", "-o", str(finvoice)).exit_code
        == 0
    )
    ubl = etree.XMLSchema(
        etree.parse(str(einvoice_artefact("ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd")))
    )
    ubl.assertValid(etree.parse(str(peppol)))
    fin = etree.XMLSchema(etree.parse(str(einvoice_artefact("finvoice-3.0/Finvoice3.0.xsd"))))
    fin.assertValid(etree.parse(str(finvoice)))
    # Figures as `invoice show --json` has them, the references as frozen at issue.
    shown = json.loads(issued("invoice", "show", "1000", "--json").stdout)
    root = etree.parse(str(peppol)).getroot()
    assert root.findtext(".//cbc:PayableAmount", None, NS) == shown["gross"] == "238.45"
    assert root.findtext("cbc:DueDate", None, NS) == shown["due"] == "2027-01-23"
    assert root.findtext("cbc:BuyerReference", None, NS) == shown["buyer_reference"] == "KP-4410"
    assert shown["order_number"] == "PO-2026-9"
    assert root.findtext(".//cbc:EndpointID[@schemeID='0216']", None, NS) == "003712345671"
    assert root.findall(".//cbc:EndpointID", NS)[1].text == "003776543212"


def test_buyer_references_are_frozen_and_printed_on_the_pdf(issued: Tyo, tmp_path: Path) -> None:
    assert issued("client", "edit", "pohde", "--buyer-reference", "KP-9999").exit_code == 0
    assert issued("process", "edit", "hoitajat", "--contract", "PS-2026-07").exit_code == 0
    shown = json.loads(issued("invoice", "show", "1000", "--json").stdout)
    assert (shown["buyer_reference"], shown["contract"]) == ("KP-4410", "")  # as issued
    process = json.loads(issued("process", "show", "hoitajat", "--json").stdout)
    assert (process["order_number"], process["contract"]) == ("PO-2026-9", "PS-2026-07")
    pdf = tmp_path / "lasku.pdf"
    assert issued("invoice", "pdf", "1000", "-o", str(pdf)).exit_code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    for expected in ("Viitteenne", "KP-4410", "Tilausnumero", "PO-2026-9"):
        assert expected in text


def _one_line_exit_2(result: object) -> str:
    from tests.conftest import Result

    assert isinstance(result, Result)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    return result.stderr


def test_an_unknown_invoice_is_one_line_and_writes_nothing(issued: Tyo, tmp_path: Path) -> None:
    out = tmp_path / "x.xml"
    message = _one_line_exit_2(issued("invoice", "einvoice", "1009", "-o", str(out)))
    assert message == "tyo: there is no invoice 1009: `tyo invoice list` shows them\n"
    assert not out.exists()


@pytest.mark.parametrize(
    "address",
    ["FI21 1234 5600 0007 85", "003776543213", "0037765432", "0216:12345", "pohde@example.fi"],
)
def test_an_address_that_is_not_an_ovt_or_peppol_id_is_refused(
    initialised: Tyo, store_path: Path, address: str
) -> None:
    before = (store_path / "clients" / "pohde.toml").read_bytes()
    message = _one_line_exit_2(
        initialised("client", "edit", "pohde", "--einvoice-address", address)
    )
    assert "is not an e-invoice address: expected an OVT code such as 003712345671" in message
    assert (store_path / "clients" / "pohde.toml").read_bytes() == before
    _one_line_exit_2(initialised("settings", "set", "einvoice_address", address))


@pytest.mark.parametrize(
    ("given", "kept"),
    [("003776543212", "003776543212"), ("0216:0037 7654 3212", "003776543212"),
     ("003776543212001", "003776543212001"), ("0088:7300010000001", "0088:7300010000001")],
)  # fmt: skip
def test_ovt_codes_and_peppol_ids_are_kept_in_one_form(
    initialised: Tyo, given: str, kept: str
) -> None:
    assert initialised("client", "edit", "pohde", "--einvoice-address", given).exit_code == 0
    shown = json.loads(initialised("client", "show", "pohde", "--json").stdout)
    assert shown["einvoice_address"] == kept


def test_missing_business_id_and_iban_are_named_together(
    issued: Tyo, store_path: Path, tmp_path: Path
) -> None:
    # An invoice frozen without them (an older one, or a hand-edited file).
    path = store_path / "invoices" / "1000.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["seller"]["business_id"] = ""
    doc["seller"]["iban"] = ""
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "x.xml"
    message = _one_line_exit_2(issued("invoice", "einvoice", "1000", "-o", str(out)))
    assert "your business ID: `tyo settings set business_id 1234567-1`" in message
    assert 'your bank account: `tyo settings set iban "FI21 1234 5600 0007 85"`' in message
    assert not out.exists()


def test_peppol_en16931_r003_create_warns_and_peppol_is_refused_without_a_reference(
    initialised: Tyo, tmp_path: Path
) -> None:
    tyo = initialised
    for args in (
        ("client", "edit", "pohde", "--einvoice-address", "003776543212"),
        ("new-process", "p", "--client", "pohde", "--kind", "individual",
         "--start", "2026-12-01 14:00", "--every", "4w", "--count", "1"),
        ("log", "p", "1"),
    ):  # fmt: skip
        assert tyo(*args).exit_code == 0, args
    created = tyo("invoice", "create", "2026-12", "--client", "pohde", "--date", "2027-01-02")
    assert created.exit_code == 0, created.output
    assert "Peppol requires one" in created.stderr
    out = tmp_path / "x.xml"
    message = _one_line_exit_2(tyo("invoice", "einvoice", "1000", "-o", str(out)))
    assert "PEPPOL-EN16931-R003" in message
    assert not out.exists()


def test_finvoice_needs_both_operators(tyo: Tyo, store_path: Path, tmp_path: Path) -> None:
    from tests.einvoice_practice import POHDE, SETTINGS, SUPERVISOR, practice
    from tyonohjaus_cli.storage import invoices as invoice_store
    from tyonohjaus_cli.storage.store import Store

    # An invoice issued before the operators were known (as every older invoice was).
    store = Store(store_path)
    without = practice()[1].invoice
    without = replace(without, seller=SUPERVISOR._replace(operator=""),
                      buyer=POHDE._replace(operator=""))  # fmt: skip
    with store.transaction("seed", datetime(2027, 3, 2, tzinfo=HEL)) as change:
        change.save_settings(SETTINGS._replace(supervisor=without.seller))
        change.save_client(without.buyer._replace(payment_days=30))
        invoice_store.save_invoice(store, change, without)
    out = tmp_path / "x.xml"
    message = _one_line_exit_2(
        tyo("invoice", "einvoice", "1001", "--format", "finvoice", "-o", str(out))
    )
    assert "your e-invoice operator's code: `tyo settings set operator CODE`" in message
    assert "pohde's e-invoice operator: `tyo client edit pohde --operator CODE`" in message
    assert not out.exists()
    # Routing is how it travels now: the operators given later are the ones it names.
    assert tyo("settings", "set", "operator", "003721291126").exit_code == 0
    assert tyo("client", "edit", "pohde", "--operator", "E204503").exit_code == 0
    assert tyo("invoice", "einvoice", "1001", "--format", "finvoice", "-o", str(out)).exit_code == 0
    routing = etree.parse(str(out)).getroot().find("MessageTransmissionDetails")
    assert routing is not None
    assert routing.findtext("MessageReceiverDetails/ToIntermediator") == "E204503"
