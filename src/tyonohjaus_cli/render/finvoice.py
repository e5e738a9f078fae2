"""An issued invoice as Finvoice 3.0 in its EN 16931 form, with the operators' routing.

Finvoice is the Finnish banks' and operators' format: the same figures as the PDF and the
Peppol file, written the Finvoice way (amounts with a decimal comma, dates as CCYYMMDD, a
credit note's sums negative). ``MessageTransmissionDetails`` routes it: from the seller's
e-invoice address at the seller's operator to the buyer's at the buyer's.
``SpecificationIdentifier`` ``EN16931`` says the content follows the European standard
(``InvoiceTypeCodeUN``, ``VatSpecificationDetails`` with the category, ``RowVatCode``).
Deterministic: the message's time stamp is the invoice date's midnight in Helsinki.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from tyonohjaus_cli.domain.einvoice import (
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
from tyonohjaus_cli.render.invoice_text import document_title, line_description
from tyonohjaus_cli.render.xml_tree import Tree

CURRENCY = "EUR"
HELSINKI = ZoneInfo("Europe/Helsinki")


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


def _number(value: Decimal) -> str:
    return plain(value).replace(".", ",")


def _short(text: str, limit: int = 35) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pieces(text: str, limit: int = 70) -> list[str]:
    """A long name in the pieces of at most ``limit`` characters Finvoice repeats it in."""
    return [text[start : start + limit] for start in range(0, len(text), limit)] or [text]


class _Finvoice(Tree):
    def amount(self, parent: ET.Element, name: str, value: Decimal) -> ET.Element:
        return self.add(parent, name, _money(value), AmountCurrencyIdentifier=CURRENCY)

    def day(self, parent: ET.Element, name: str, value: date) -> ET.Element:
        return self.add(parent, name, value.strftime("%Y%m%d"), Format="CCYYMMDD")


def _address(fv: _Finvoice, parent: ET.Element, prefix: str, text: str) -> None:
    streets, postcode, town = postal_address(text)
    if not (streets and town):
        return  # Finvoice's address asks for a street, a town and a postcode, or none
    details = fv.add(parent, f"{prefix}PostalAddressDetails")
    for street in streets[:3]:
        fv.add(details, f"{prefix}StreetName", _short(street))
    fv.add(details, f"{prefix}TownName", _short(town))
    fv.add(details, f"{prefix}PostCodeIdentifier", postcode)
    fv.add(details, "CountryCode", "FI")


def _routing(fv: _Finvoice, invoice: Invoice) -> None:
    details = fv.add(fv.root, "MessageTransmissionDetails")
    sender = fv.add(details, "MessageSenderDetails")
    fv.add(sender, "FromIdentifier", str(seller_address(invoice)))
    fv.add(sender, "FromIntermediator", invoice.seller.operator)
    receiver = fv.add(details, "MessageReceiverDetails")
    fv.add(receiver, "ToIdentifier", str(parse_einvoice_address(invoice.buyer.einvoice_address)))
    fv.add(receiver, "ToIntermediator", invoice.buyer.operator)
    message = fv.add(details, "MessageDetails")
    fv.add(message, "MessageIdentifier", str(invoice.number))
    midnight = datetime(*invoice.issued.timetuple()[:3], tzinfo=HELSINKI)
    fv.add(message, "MessageTimeStamp", midnight.isoformat())
    fv.add(message, "SpecificationIdentifier", "EN16931")


def _seller(fv: _Finvoice, invoice: Invoice) -> None:
    seller = invoice.seller
    party = fv.add(fv.root, "SellerPartyDetails")
    fv.add(party, "SellerPartyIdentifier", seller.business_id)
    for piece in _pieces(seller.name):
        fv.add(party, "SellerOrganisationName", piece)
    if invoice.vat_mode is VatMode.STANDARD:
        fv.add(party, "SellerOrganisationTaxCode", vat_number(seller.business_id))
    _address(fv, party, "Seller", seller.address)
    fv.add(fv.root, "SellerOrganisationUnitNumber", str(seller_address(invoice)))
    if seller.phone or seller.email:
        contact = fv.add(fv.root, "SellerCommunicationDetails")
        if seller.phone:
            fv.add(contact, "SellerPhoneNumberIdentifier", _short(seller.phone))
        if seller.email:
            fv.add(contact, "SellerEmailaddressIdentifier", _short(seller.email, 70))
    information = fv.add(fv.root, "SellerInformationDetails")
    if invoice.vat_mode is VatMode.EXEMPT:
        fv.add(
            information,
            "SellerVatRegistrationText",
            _short(t("Not VAT-registered", lang=invoice.language)),
        )
    if seller.iban:
        account = fv.add(information, "SellerAccountDetails")
        fv.add(
            account,
            "SellerAccountID",
            seller.iban.replace(" ", ""),
            IdentificationSchemeName="IBAN",
        )
        if seller.bic:
            fv.add(account, "SellerBic", seller.bic, IdentificationSchemeName="BIC")


def _buyer(fv: _Finvoice, invoice: Invoice) -> None:
    buyer = invoice.buyer
    party = fv.add(fv.root, "BuyerPartyDetails")
    if buyer.business_id:
        fv.add(party, "BuyerPartyIdentifier", buyer.business_id)
    for piece in _pieces(buyer.name):
        fv.add(party, "BuyerOrganisationName", piece)
    _address(fv, party, "Buyer", buyer.address)
    fv.add(
        fv.root, "BuyerOrganisationUnitNumber", str(parse_einvoice_address(buyer.einvoice_address))
    )
    if buyer.contact:
        fv.add(fv.root, "BuyerContactPersonName", _short(buyer.contact, 70))
    if buyer.email:
        contact = fv.add(fv.root, "BuyerCommunicationDetails")
        fv.add(contact, "BuyerEmailaddressIdentifier", _short(buyer.email, 70))


def _details(fv: _Finvoice, invoice: Invoice) -> None:
    lang = invoice.language
    credit = invoice.is_credit_note
    details = fv.add(fv.root, "InvoiceDetails")
    fv.add(details, "InvoiceTypeCode", "INV02" if credit else "INV01")
    fv.add(details, "InvoiceTypeCodeUN", "381" if credit else "380")
    fv.add(details, "InvoiceTypeText", document_title(invoice, lang).upper())
    fv.add(details, "OriginCode", "Original")
    fv.add(details, "InvoiceNumber", str(invoice.number))
    fv.day(details, "InvoiceDate", invoice.issued)
    if invoice.credit_for is not None:
        fv.add(details, "OriginalInvoiceNumber", str(invoice.credit_for))
    first, last = invoice.service_period
    fv.day(details, "InvoicingPeriodStartDate", first)
    fv.day(details, "InvoicingPeriodEndDate", last)
    if invoice.order_number:
        fv.add(details, "OrderIdentifier", _short(invoice.order_number, 70))
    if invoice.contract:
        fv.add(details, "AgreementIdentifier", _short(invoice.contract, 70))
    if invoice.buyer_reference:
        fv.add(details, "BuyerReferenceIdentifier", invoice.buyer_reference)
    sums = invoice.totals
    fv.amount(details, "InvoiceTotalVatExcludedAmount", sums.net)
    fv.amount(details, "InvoiceTotalVatAmount", sums.vat)
    fv.amount(details, "InvoiceTotalVatIncludedAmount", sums.gross)
    for rate in sums.by_rate:
        category = vat_category(invoice, rate.percent)
        vat = fv.add(details, "VatSpecificationDetails")
        fv.amount(vat, "VatBaseAmount", rate.base)
        fv.add(vat, "VatRatePercent", _number(rate.percent))
        fv.add(vat, "VatCode", category.code)
        fv.amount(vat, "VatRateAmount", rate.vat)
        if category.reason:
            fv.add(vat, "VatFreeText", category.reason[:70])
        if category.reason_code:
            fv.add(vat, "VatExemptionReasonCode", category.reason_code)
    terms = fv.add(details, "PaymentTermsDetails")
    if credit:
        text = t("Credits invoice {n}; nothing to pay.", lang=lang, n=invoice.credit_for)
    else:
        text = tn(
            "{count} day net", "{count} days net", (invoice.due - invoice.issued).days, lang=lang
        )
    fv.add(terms, "PaymentTermsFreeText", text)
    fv.day(terms, "InvoiceDueDate", invoice.due)


def _rows(fv: _Finvoice, invoice: Invoice, names: Mapping[str, Sequence[str]]) -> None:
    lang = invoice.language
    for line in invoice.lines:
        row = fv.add(fv.root, "InvoiceRow")
        fv.add(row, "ArticleName", line_description(line, lang)[:100])
        stated = priced(line)
        fv.add(row, "InvoicedQuantity", _number(stated.quantity), QuantityUnitCodeUN=stated.unit)
        fv.day(row, "StartDate", line.day)
        fv.day(row, "EndDate", line.day)
        price = fv.amount(row, "UnitPriceAmount", stated.price)
        price.set("QuantityUnitCodeUN", stated.unit)
        fv.add(row, "UnitPriceBaseQuantity", _number(stated.base), QuantityUnitCodeUN=stated.unit)
        if people := names.get(line.process):
            fv.add(
                row, "RowFreeText", t("Participants: {names}", lang=lang, names=", ".join(people))
            )
        category = vat_category(invoice, line.vat_percent)
        fv.add(row, "RowVatRatePercent", _number(line.vat_percent))
        fv.add(row, "RowVatCode", category.code)
        fv.amount(row, "RowVatExcludedAmount", line.amount)


def _payment(fv: _Finvoice, invoice: Invoice) -> None:
    seller = invoice.seller
    epi = fv.add(fv.root, "EpiDetails")
    identification = fv.add(epi, "EpiIdentificationDetails")
    fv.day(identification, "EpiDate", invoice.issued)
    fv.add(identification, "EpiReference", "")
    party = fv.add(epi, "EpiPartyDetails")
    bank = fv.add(party, "EpiBfiPartyDetails")
    if seller.bic:
        fv.add(bank, "EpiBfiIdentifier", seller.bic, IdentificationSchemeName="BIC")
    beneficiary = fv.add(party, "EpiBeneficiaryPartyDetails")
    fv.add(beneficiary, "EpiNameAddressDetails", _short(seller.name))
    fv.add(beneficiary, "EpiBei", seller.business_id)
    fv.add(
        beneficiary, "EpiAccountID", seller.iban.replace(" ", ""), IdentificationSchemeName="IBAN"
    )
    instruction = fv.add(epi, "EpiPaymentInstructionDetails")
    fv.add(
        instruction,
        "EpiRemittanceInfoIdentifier",
        invoice.reference,
        IdentificationSchemeName="SPY",
    )
    fv.amount(instruction, "EpiInstructedAmount", invoice.totals.gross)
    fv.add(instruction, "EpiCharge", "SHA", ChargeOption="SHA")
    fv.day(instruction, "EpiDateOptionDate", invoice.due)


def finvoice_xml(invoice: Invoice, names: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """``invoice`` as a Finvoice 3.0 message (UTF-8 bytes); ``names`` as for Peppol."""
    fv = _Finvoice("Finvoice", Version="3.0")
    _routing(fv, invoice)
    _seller(fv, invoice)
    _buyer(fv, invoice)
    _details(fv, invoice)
    _rows(fv, invoice, names or {})
    _payment(fv, invoice)
    return fv.to_bytes()
