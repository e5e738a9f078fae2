"""An issued invoice as Peppol BIS Billing 3.0: a UBL 2.1 ``Invoice`` or ``CreditNote``.

Written from the domain :class:`Invoice` with the standard library's ElementTree, so the
figures are the PDF's own: the lines, the VAT per rate and the payable amount. A credit note
is a UBL ``CreditNote`` with the amounts of what it credits as positive sums (a UBL credit
note's sign says "credited", not "owed"), referring to the original invoice (BT-25).
Deterministic: the same invoice always gives the same bytes.

Nothing here reads the session log; participants are named only when asked (``names``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from xml.etree import ElementTree as ET

from tyonohjaus_cli.domain.einvoice import (
    BUSINESS_ID_SCHEME,
    parse_einvoice_address,
    postal_address,
    priced,
    seller_address,
    vat_category,
    vat_number,
)
from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.invoices import Invoice
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.i18n import t, tn
from tyonohjaus_cli.render.invoice_text import line_description
from tyonohjaus_cli.render.xml_tree import Tree

CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CURRENCY = "EUR"
SEPA_CREDIT_TRANSFER = "58"


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


class _Ubl(Tree):
    """ElementTree with ``cac:`` and ``cbc:`` names."""

    def __init__(self, root_ns: str, root: str) -> None:
        super().__init__(root, default=root_ns, prefixes={"cac": CAC, "cbc": CBC})

    def amount(self, parent: ET.Element, name: str, value: Decimal) -> ET.Element:
        return self.cbc(parent, name, _money(value), currencyID=CURRENCY)

    def cac(self, parent: ET.Element, name: str) -> ET.Element:
        return self.add(parent, f"{{{CAC}}}{name}")

    def cbc(self, parent: ET.Element, name: str, text: str, **attributes: str) -> ET.Element:
        return self.add(parent, f"{{{CBC}}}{name}", text, **attributes)


def _address(ubl: _Ubl, party: ET.Element, text: str) -> None:
    streets, postcode, town = postal_address(text)
    address = ubl.cac(party, "PostalAddress")
    if streets:
        ubl.cbc(address, "StreetName", streets[0])
    if len(streets) > 1:
        ubl.cbc(address, "AdditionalStreetName", ", ".join(streets[1:]))
    if town:
        ubl.cbc(address, "CityName", town)
        ubl.cbc(address, "PostalZone", postcode)
    ubl.cbc(ubl.cac(address, "Country"), "IdentificationCode", "FI")


def _tax_scheme(ubl: _Ubl, parent: ET.Element) -> None:
    ubl.cbc(ubl.cac(parent, "TaxScheme"), "ID", "VAT")


def _seller(ubl: _Ubl, root: ET.Element, invoice: Invoice) -> None:
    seller = invoice.seller
    party = ubl.cac(ubl.cac(root, "AccountingSupplierParty"), "Party")
    endpoint = seller_address(invoice)
    ubl.cbc(party, "EndpointID", endpoint.value, schemeID=endpoint.scheme)
    ubl.cbc(ubl.cac(party, "PartyName"), "Name", seller.name)
    _address(ubl, party, seller.address)
    if invoice.vat_mode is VatMode.STANDARD:
        tax = ubl.cac(party, "PartyTaxScheme")
        ubl.cbc(tax, "CompanyID", vat_number(seller.business_id))
        _tax_scheme(ubl, tax)
    legal = ubl.cac(party, "PartyLegalEntity")
    ubl.cbc(legal, "RegistrationName", seller.name)
    ubl.cbc(legal, "CompanyID", seller.business_id, schemeID=BUSINESS_ID_SCHEME)
    if seller.email or seller.phone:
        contact = ubl.cac(party, "Contact")
        if seller.phone:
            ubl.cbc(contact, "Telephone", seller.phone)
        if seller.email:
            ubl.cbc(contact, "ElectronicMail", seller.email)


def _buyer(ubl: _Ubl, root: ET.Element, invoice: Invoice) -> None:
    buyer = invoice.buyer
    party = ubl.cac(ubl.cac(root, "AccountingCustomerParty"), "Party")
    endpoint = parse_einvoice_address(buyer.einvoice_address)
    ubl.cbc(party, "EndpointID", endpoint.value, schemeID=endpoint.scheme)
    ubl.cbc(ubl.cac(party, "PartyName"), "Name", buyer.name)
    _address(ubl, party, buyer.address)
    legal = ubl.cac(party, "PartyLegalEntity")
    ubl.cbc(legal, "RegistrationName", buyer.name)
    if buyer.business_id:
        ubl.cbc(legal, "CompanyID", buyer.business_id, schemeID=BUSINESS_ID_SCHEME)
    if buyer.contact or buyer.email:
        contact = ubl.cac(party, "Contact")
        if buyer.contact:
            ubl.cbc(contact, "Name", buyer.contact)
        if buyer.email:
            ubl.cbc(contact, "ElectronicMail", buyer.email)


def _payment(ubl: _Ubl, root: ET.Element, invoice: Invoice) -> None:
    lang = invoice.language
    if not invoice.is_credit_note:
        means = ubl.cac(root, "PaymentMeans")
        ubl.cbc(means, "PaymentMeansCode", SEPA_CREDIT_TRANSFER)
        ubl.cbc(means, "PaymentID", invoice.reference)
        account = ubl.cac(means, "PayeeFinancialAccount")
        ubl.cbc(account, "ID", invoice.seller.iban.replace(" ", ""))
        ubl.cbc(account, "Name", invoice.seller.name)
        if invoice.seller.bic:
            ubl.cbc(ubl.cac(account, "FinancialInstitutionBranch"), "ID", invoice.seller.bic)
        days = (invoice.due - invoice.issued).days
        note = tn("{count} day net", "{count} days net", days, lang=lang)
    else:
        note = t("Credits invoice {n}; nothing to pay.", lang=lang, n=invoice.credit_for)
    ubl.cbc(ubl.cac(root, "PaymentTerms"), "Note", note)


def _category(ubl: _Ubl, parent: ET.Element, name: str, invoice: Invoice, percent: Decimal,
              *, reason: bool) -> None:  # fmt: skip
    category = vat_category(invoice, percent)
    element = ubl.cac(parent, name)
    ubl.cbc(element, "ID", category.code)
    if category.percent is not None:
        ubl.cbc(element, "Percent", plain(category.percent))
    if reason and category.reason_code:
        ubl.cbc(element, "TaxExemptionReasonCode", category.reason_code)
    if reason and category.reason:
        ubl.cbc(element, "TaxExemptionReason", category.reason)
    _tax_scheme(ubl, element)


def _totals(ubl: _Ubl, root: ET.Element, invoice: Invoice, sign: int) -> None:
    sums = invoice.totals
    tax_total = ubl.cac(root, "TaxTotal")
    ubl.amount(tax_total, "TaxAmount", sums.vat * sign)
    for rate in sums.by_rate:
        subtotal = ubl.cac(tax_total, "TaxSubtotal")
        ubl.amount(subtotal, "TaxableAmount", rate.base * sign)
        ubl.amount(subtotal, "TaxAmount", rate.vat * sign)
        _category(ubl, subtotal, "TaxCategory", invoice, rate.percent, reason=True)
    money = ubl.cac(root, "LegalMonetaryTotal")
    ubl.amount(money, "LineExtensionAmount", sums.net * sign)
    ubl.amount(money, "TaxExclusiveAmount", sums.net * sign)
    ubl.amount(money, "TaxInclusiveAmount", sums.gross * sign)
    ubl.amount(money, "PayableAmount", sums.gross * sign)


def _lines(ubl: _Ubl, root: ET.Element, invoice: Invoice, sign: int,
           names: Mapping[str, Sequence[str]]) -> None:  # fmt: skip
    kind = "CreditNote" if invoice.is_credit_note else "Invoice"
    lang = invoice.language
    for n, line in enumerate(invoice.lines, start=1):
        element = ubl.cac(root, f"{kind}Line")
        ubl.cbc(element, "ID", str(n))
        if people := names.get(line.process):
            ubl.cbc(element, "Note", t("Participants: {names}", lang=lang, names=", ".join(people)))
        stated = priced(line, sign)
        quantity = "CreditedQuantity" if invoice.is_credit_note else "InvoicedQuantity"
        ubl.cbc(element, quantity, plain(stated.quantity), unitCode=stated.unit)
        ubl.amount(element, "LineExtensionAmount", stated.amount)
        period = ubl.cac(element, "InvoicePeriod")
        ubl.cbc(period, "StartDate", line.day.isoformat())
        ubl.cbc(period, "EndDate", line.day.isoformat())
        item = ubl.cac(element, "Item")
        ubl.cbc(item, "Name", line_description(line, lang))
        _category(ubl, item, "ClassifiedTaxCategory", invoice, line.vat_percent, reason=False)
        price = ubl.cac(element, "Price")
        ubl.amount(price, "PriceAmount", stated.price)
        ubl.cbc(price, "BaseQuantity", plain(stated.base), unitCode=stated.unit)


def peppol_xml(invoice: Invoice, names: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """``invoice`` as a Peppol BIS Billing 3.0 document (UTF-8 bytes).

    ``names`` maps a process id to the participants to name on its lines, for a client who
    asked for them; by default no one is named.
    """
    credit = invoice.is_credit_note
    kind = "CreditNote" if credit else "Invoice"
    sign = -1 if credit else 1
    ubl = _Ubl(CREDIT_NOTE_NS if credit else INVOICE_NS, kind)
    root = ubl.root
    ubl.cbc(root, "CustomizationID", CUSTOMIZATION)
    ubl.cbc(root, "ProfileID", PROFILE)
    ubl.cbc(root, "ID", str(invoice.number))
    ubl.cbc(root, "IssueDate", invoice.issued.isoformat())
    if not credit:
        ubl.cbc(root, "DueDate", invoice.due.isoformat())
    ubl.cbc(root, f"{kind}TypeCode", "381" if credit else "380")
    if invoice.vat_mode is VatMode.EXEMPT:
        ubl.cbc(root, "Note", vat_category(invoice, Decimal(0)).reason)
    ubl.cbc(root, "DocumentCurrencyCode", CURRENCY)
    if invoice.buyer_reference:
        ubl.cbc(root, "BuyerReference", invoice.buyer_reference)
    first, last = invoice.service_period
    period = ubl.cac(root, "InvoicePeriod")
    ubl.cbc(period, "StartDate", first.isoformat())
    ubl.cbc(period, "EndDate", last.isoformat())
    if invoice.order_number:
        ubl.cbc(ubl.cac(root, "OrderReference"), "ID", invoice.order_number)
    if invoice.credit_for is not None:
        reference = ubl.cac(ubl.cac(root, "BillingReference"), "InvoiceDocumentReference")
        ubl.cbc(reference, "ID", str(invoice.credit_for))
    if invoice.contract:
        ubl.cbc(ubl.cac(root, "ContractDocumentReference"), "ID", invoice.contract)
    _seller(ubl, root, invoice)
    _buyer(ubl, root, invoice)
    _payment(ubl, root, invoice)
    _totals(ubl, root, invoice, sign)
    _lines(ubl, root, invoice, sign, names or {})
    return ubl.to_bytes()
