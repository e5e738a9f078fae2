"""E-invoices checked with the official artefacts: the UBL 2.1 and Finvoice 3.0 schemas
(lxml) and the CEN EN 16931 rules (node-schematron), from ../shared/einvoice/.

The seven invoices of tests/einvoice_practice.py are written once per module in both
formats; the Schematron reads every Peppol file in one node call (a rule set takes seconds
to load on a busy machine). A missing validator fails the tests: it is never a skip.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from tests.einvoice_practice import SECRET, Expected, practice
from tests.external import einvoice_artefact, npm_module
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.render.finvoice import finvoice_xml
from tyonohjaus_cli.render.peppol import peppol_xml

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
CASES = practice()
NAMES = [case.name for case in CASES]


@dataclass(frozen=True)
class Written:
    case: Expected
    peppol: Path
    finvoice: Path


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Written]:
    folder = tmp_path_factory.mktemp("einvoices")
    files = {}
    for case in CASES:
        peppol = folder / f"{case.invoice.number}-{case.name}.peppol.xml"
        finvoice = folder / f"{case.invoice.number}-{case.name}.finvoice.xml"
        peppol.write_bytes(peppol_xml(case.invoice))
        finvoice.write_bytes(finvoice_xml(case.invoice))
        files[case.name] = Written(case, peppol, finvoice)
    return files


@pytest.fixture(scope="module")
def tampered(written: dict[str, Written]) -> Path:
    """A copy of the 25.5 % month with its payable amount a cent off: the rules must see it."""
    source = written["vat-25-5"].peppol
    path = source.with_name("tampered.peppol.xml")
    text = source.read_text(encoding="utf-8")
    assert ">238.45</cbc:PayableAmount>" in text
    path.write_text(text.replace(">238.45</cbc:PayableAmount>", ">238.46</cbc:PayableAmount>"))
    return path


@pytest.fixture(scope="module")
def schematron(written: dict[str, Written], tampered: Path) -> dict[Path, list[str]]:
    """Each Peppol file → the fatal rules it fails, from one run of the CEN Schematron."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "node (Node.js 20) is needed for the EN 16931 Schematron: apt-get install nodejs"
        )
    modules = npm_module("node-schematron", "2.1.0")
    runner = einvoice_artefact("schematron.cjs")
    rules = einvoice_artefact("en16931-ubl/EN16931-UBL-validation-preprocessed.sch")
    files = [item.peppol for item in written.values()] + [tampered]
    result = subprocess.run(
        [node, str(runner), str(rules), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        env={"NODE_PATH": str(modules), "PATH": str(Path(node).parent)},
    )
    if result.returncode not in (0, 1):
        pytest.fail(f"the Schematron runner could not read its input:\n{result.stderr}")
    fatal: dict[Path, list[str]] = {path: [] for path in files}
    reported = set()
    for line in result.stdout.splitlines():
        name, _, rest = line.partition(": ")
        path = Path(name)
        reported.add(path)
        if rest.startswith("fatal: "):
            fatal[path].append(rest.removeprefix("fatal: "))
    assert reported == set(files), result.stdout + result.stderr
    return fatal


def _schema(relative: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(einvoice_artefact(relative))))


@pytest.fixture(scope="module")
def ubl_schemas() -> dict[str, etree.XMLSchema]:
    return {
        "Invoice": _schema("ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd"),
        "CreditNote": _schema("ubl-2.1/xsd/maindoc/UBL-CreditNote-2.1.xsd"),
    }


@pytest.fixture(scope="module")
def finvoice_schema() -> etree.XMLSchema:
    return _schema("finvoice-3.0/Finvoice3.0.xsd")


def _ubl(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def _text(root: etree._Element, path: str) -> str:
    found = root.findtext(path, namespaces=NS)
    assert isinstance(found, str), path
    return found


# --- the official checks -----------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_peppol_file_passes_the_ubl_schema(
    name: str, written: dict[str, Written], ubl_schemas: dict[str, etree.XMLSchema]
) -> None:
    document = etree.parse(str(written[name].peppol))
    kind = etree.QName(document.getroot()).localname
    assert kind == ("CreditNote" if written[name].case.invoice.is_credit_note else "Invoice")
    ubl_schemas[kind].assertValid(document)


@pytest.mark.parametrize("name", NAMES)
def test_peppol_file_passes_the_en16931_rules(
    name: str, written: dict[str, Written], schematron: dict[Path, list[str]]
) -> None:
    assert schematron[written[name].peppol] == []


def test_the_rules_catch_a_payable_amount_a_cent_off(
    schematron: dict[Path, list[str]], tampered: Path
) -> None:
    assert any(message.startswith("[BR-CO-16]") for message in schematron[tampered])


@pytest.mark.parametrize("name", NAMES)
def test_finvoice_file_passes_the_finvoice_schema(
    name: str, written: dict[str, Written], finvoice_schema: etree.XMLSchema
) -> None:
    finvoice_schema.assertValid(etree.parse(str(written[name].finvoice)))


# --- the figures are the invoice's own -----------------------------------------------------


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


@pytest.mark.parametrize("name", NAMES)
def test_peppol_figures_equal_the_invoice(name: str, written: dict[str, Written]) -> None:
    case = written[name].case
    invoice = case.invoice
    root = _ubl(written[name].peppol)
    # A UBL credit note states what it credits as positive sums.
    sign = -1 if invoice.is_credit_note else 1
    payable = _decimal(_text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount"))
    assert payable * sign == Decimal(case.gross) == invoice.totals.gross
    net = _decimal(_text(root, "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount"))
    assert net * sign == Decimal(case.net) == invoice.totals.net
    by_rate = {}
    for subtotal in root.findall("cac:TaxTotal/cac:TaxSubtotal", NS):
        percent = subtotal.findtext("cac:TaxCategory/cbc:Percent", "0", NS)
        by_rate[plain(Decimal(percent))] = (
            f"{_decimal(_text(subtotal, 'cbc:TaxAmount')) * sign:.2f}"
        )
    assert by_rate == case.vat == {plain(r.percent): f"{r.vat:.2f}" for r in invoice.totals.by_rate}
    lines = root.findall("cac:InvoiceLine", NS) + root.findall("cac:CreditNoteLine", NS)
    assert [_decimal(_text(line, "cbc:LineExtensionAmount")) * sign for line in lines] == [
        line.amount for line in invoice.lines
    ]
    if invoice.is_credit_note:
        assert root.find("cac:PaymentMeans", NS) is None  # a credit note asks no payment
        assert _text(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == str(
            invoice.credit_for
        )
        assert _text(root, "cbc:CreditNoteTypeCode") == "381"
    else:
        assert _text(root, "cbc:DueDate") == case.due.isoformat() == invoice.due.isoformat()
        assert _text(root, "cac:PaymentMeans/cbc:PaymentID") == invoice.reference
        assert _text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID") == (
            "FI2112345600000785"
        )
        assert _text(root, "cbc:InvoiceTypeCode") == "380"


@pytest.mark.parametrize("name", NAMES)
def test_finvoice_figures_equal_the_invoice(name: str, written: dict[str, Written]) -> None:
    case = written[name].case
    invoice = case.invoice
    root = etree.parse(str(written[name].finvoice)).getroot()
    details = root.find("InvoiceDetails")
    assert details is not None
    # Finvoice keeps a credit note's sums negative.
    assert _decimal(details.findtext("InvoiceTotalVatIncludedAmount", "")) == Decimal(case.gross)
    assert _decimal(details.findtext("InvoiceTotalVatExcludedAmount", "")) == Decimal(case.net)
    by_rate = {
        plain(
            _decimal(vat.findtext("VatRatePercent", ""))
        ): f"{_decimal(vat.findtext('VatRateAmount', '')):.2f}"
        for vat in details.findall("VatSpecificationDetails")
    }
    assert by_rate == case.vat
    assert details.findtext("PaymentTermsDetails/InvoiceDueDate") == case.due.strftime("%Y%m%d")
    epi = root.find("EpiDetails/EpiPaymentInstructionDetails")
    assert epi is not None
    assert epi.findtext("EpiRemittanceInfoIdentifier") == invoice.reference
    assert _decimal(epi.findtext("EpiInstructedAmount", "")) == invoice.totals.gross
    assert root.findtext("MessageTransmissionDetails/MessageDetails/SpecificationIdentifier") == (
        "EN16931"
    )
    assert details.findtext("InvoiceTypeCodeUN") == ("381" if invoice.is_credit_note else "380")
    rows = root.findall("InvoiceRow")
    assert [_decimal(row.findtext("RowVatExcludedAmount", "")) for row in rows] == [
        line.amount for line in invoice.lines
    ]
    assert all(row.findtext("RowVatCode") for row in rows)


def test_finvoice_routes_from_the_seller_to_the_buyers_operator(
    written: dict[str, Written],
) -> None:
    root = etree.parse(str(written["vat-25-5"].finvoice)).getroot()
    routing = root.find("MessageTransmissionDetails")
    assert routing is not None
    assert routing.findtext("MessageSenderDetails/FromIdentifier") == "003712345671"
    assert routing.findtext("MessageSenderDetails/FromIntermediator") == "003721291126"
    assert routing.findtext("MessageReceiverDetails/ToIdentifier") == "003732213086"
    assert routing.findtext("MessageReceiverDetails/ToIntermediator") == "E204503"


def test_vat_categories_by_case(written: dict[str, Written]) -> None:
    def categories(name: str) -> list[tuple[str, str]]:
        root = _ubl(written[name].peppol)
        return [
            (
                _text(subtotal, "cac:TaxCategory/cbc:ID"),
                subtotal.findtext("cac:TaxCategory/cbc:TaxExemptionReasonCode", "", NS),
            )
            for subtotal in root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
        ]

    assert categories("vat-24") == [("S", "")]
    assert categories("expense") == [("S", ""), ("E", "")]
    # Not subject to VAT (AVL 3 §): category O, no seller VAT number, the ground stated.
    assert categories("vat-exempt") == [("O", "VATEX-EU-O")]
    exempt = _ubl(written["vat-exempt"].peppol)
    assert exempt.find("cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme", NS) is None
    assert "AVL 3 §" in _text(
        exempt, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason"
    )
    standard = _ubl(written["vat-25-5"].peppol)
    assert (
        _text(standard, "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID")
        == "FI12345671"
    )


def test_buyer_references_travel_as_bt10_bt12_bt13(written: dict[str, Written]) -> None:
    root = _ubl(written["vat-25-5"].peppol)
    assert _text(root, "cbc:BuyerReference") == "KP-4410"  # BT-10
    assert _text(root, "cac:ContractDocumentReference/cbc:ID") == "PS-2024-07"  # BT-12
    assert _text(root, "cac:OrderReference/cbc:ID") == "PO-2027-114"  # BT-13
    details = etree.parse(str(written["vat-25-5"].finvoice)).getroot().find("InvoiceDetails")
    assert details is not None
    assert details.findtext("BuyerReferenceIdentifier") == "KP-4410"
    assert details.findtext("AgreementIdentifier") == "PS-2024-07"
    assert details.findtext("OrderIdentifier") == "PO-2027-114"


def _peppol_r003(root: etree._Element) -> bool:
    """PEPPOL-EN16931-R003: a buyer reference or a purchase order reference MUST be provided."""
    return bool(
        (root.findtext("cbc:BuyerReference", "", NS)).strip()
        or (root.findtext("cac:OrderReference/cbc:ID", "", NS)).strip()
    )


def test_peppol_en16931_r003_buyer_reference_or_order_reference(
    written: dict[str, Written],
) -> None:
    assert all(_peppol_r003(_ubl(item.peppol)) for item in written.values())
    # The rule can fail: an invoice with neither reference breaks it.
    bare = replace(CASES[1].invoice, buyer_reference="", order_number="")
    assert not _peppol_r003(etree.fromstring(peppol_xml(bare)))


def test_same_invoice_same_bytes() -> None:
    for case in CASES:
        assert peppol_xml(case.invoice) == peppol_xml(practice()[CASES.index(case)].invoice)
        assert finvoice_xml(case.invoice) == finvoice_xml(case.invoice)


def test_no_participant_goal_plan_or_reason_reaches_an_e_invoice(
    written: dict[str, Written],
) -> None:
    for item in written.values():
        for path in (item.peppol, item.finvoice):
            text = path.read_text(encoding="utf-8")
            assert SECRET not in text, path.name
            assert "Aino" not in text, path.name


def test_long_names_and_several_orders_still_pass_the_finvoice_schema(
    finvoice_schema: etree.XMLSchema,
) -> None:
    invoice = CASES[1].invoice
    long_name = "Pohjois-Pohjanmaan hyvinvointialueen " * 4  # 148 characters
    wide = replace(
        invoice,
        seller=invoice.seller._replace(name=long_name.strip(), phone="040 123 4567 " * 4),
        buyer=invoice.buyer._replace(name=long_name.strip(), contact="Tarkastaja " * 9),
        order_number=", ".join(f"PO-2027-{n:03}-ABCDEFGH" for n in range(5)),
        contract=", ".join(f"PS-2024-{n:02}-ABCDEFGHIJ" for n in range(4)),
    )
    document = etree.fromstring(finvoice_xml(wide))
    finvoice_schema.assertValid(document)
    names = [e.text for e in document.findall("BuyerPartyDetails/BuyerOrganisationName")]
    assert "".join(names) == long_name.strip()  # in pieces, nothing lost
