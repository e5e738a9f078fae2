"""E-invoices (verkkolaskut): the rules both formats share, Peppol BIS 3.0 and Finvoice 3.0.

An e-invoice is the same issued :class:`~tyonohjaus_cli.domain.invoices.Invoice` as the PDF,
written for a machine. What is decided here, once for both formats:

- **E-invoice addresses.** A Finnish organisation's address is its OVT code: ``0037``, the
  business ID's eight digits and an optional suffix of up to five characters for a unit
  (``003712345671``, ``00371234567100101``); in Peppol it is the scheme ``0216``. A Peppol
  participant elsewhere is written ``SCHEME:ID`` (``0088:7300010000001``). Anything else
  (an IBAN, a typo) is refused on input, as an operator would refuse the invoice.
- **The VAT category** of EN 16931 (UNCL 5305). A VAT-registered supervisor bills ``S``
  (standard rate) at the rate of the service date. A small business exempt under the VAT Act
  section 3 is *not subject to VAT* (``O``): it has no VAT number, and EN 16931's ``E``
  (exempt) demands the seller's VAT identifier (BR-E-02), while ``O`` forbids one (BR-O-02)
  and asks for the reason (BR-O-10, code ``VATEX-EU-O``). A 0 % line on a VAT-registered
  supervisor's invoice (a cost passed on outside the VAT base) is ``E`` with its reason.
- **Party identifiers.** The business ID (ICD 0212, ``1234567-1``), the VAT number
  ``FI`` + its digits (``FI12345671``) only when VAT-registered, and the seller's own
  e-invoice address, by default its OVT from the business ID.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.invoices import Invoice, InvoiceLine, LineKind
from tyonohjaus_cli.domain.models import Client
from tyonohjaus_cli.domain.settings import Supervisor
from tyonohjaus_cli.domain.vat import exemption_ground, round_cents
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t

OVT_SCHEME = "0216"
"""Peppol's electronic address scheme (EAS) for a Finnish OVT code."""
BUSINESS_ID_SCHEME = "0212"
"""ISO 6523 ICD of the Finnish business ID (Y-tunnus) written as 1234567-1."""

_OVT = re.compile(r"0037(\d{8})([0-9A-Z]{0,5})")
_POSTCODE_TOWN = re.compile(r"(\d{5})\s+(.+)")
_PEPPOL_ID = re.compile(r"(\d{4}):([0-9A-Za-z][0-9A-Za-z.:_-]{0,49})")


@dataclass(frozen=True)
class EinvoiceAddress:
    """An electronic address: its Peppol scheme (EAS code) and the identifier in it."""

    scheme: str
    value: str

    def __str__(self) -> str:
        """How it is kept and typed: an OVT alone, any other address as ``SCHEME:ID``."""
        return self.value if self.scheme == OVT_SCHEME else f"{self.scheme}:{self.value}"


def _business_id_ok(digits: str) -> bool:
    from stdnum.fi import ytunnus

    return bool(ytunnus.is_valid(f"{digits[:7]}-{digits[7]}"))


def _ovt(value: str) -> EinvoiceAddress | None:
    match = _OVT.fullmatch(value.upper())
    if match is None or not _business_id_ok(match[1]):
        return None
    return EinvoiceAddress(OVT_SCHEME, value.upper())


def parse_einvoice_address(text: str) -> EinvoiceAddress:
    """An OVT code (``003712345671``) or a Peppol id (``0216:003712345671``, ``0088:…``)."""
    compact = "".join(text.split())
    if compact.upper().startswith(("0216:", "OVT:")):
        compact = compact.split(":", 1)[1]
    if (ovt := _ovt(compact)) is not None:
        return ovt
    match = _PEPPOL_ID.fullmatch(compact)
    if match is not None:
        scheme, value = match[1], match[2]
        if scheme != "0037" or (len(value) == 8 and value.isdigit() and _business_id_ok(value)):
            return EinvoiceAddress(scheme, value)
    raise UsageError(
        t(
            "{text!r} is not an e-invoice address: expected an OVT code such as "
            "003712345671 (0037 and the business ID's digits) or a Peppol id such as "
            "0216:003712345671",
            text=text,
        )
    )


def ovt_of(business_id: str) -> EinvoiceAddress:
    """The OVT code a business ID gives (``1234567-1`` → ``003712345671``)."""
    return EinvoiceAddress(OVT_SCHEME, "0037" + business_id.replace("-", ""))


def vat_number(business_id: str) -> str:
    """The Finnish VAT number of a business ID: ``FI`` and its eight digits."""
    return "FI" + business_id.replace("-", "")


def seller_address(invoice: Invoice) -> EinvoiceAddress:
    """The seller's own e-invoice address: as set, or the OVT of its business ID."""
    given = invoice.seller.einvoice_address
    return parse_einvoice_address(given) if given else ovt_of(invoice.seller.business_id)


def postal_address(text: str) -> tuple[tuple[str, ...], str, str]:
    """A Finnish address's street lines, postcode and town (``"PL 10\n90029 Oulu"``).

    The last line is ``postcode town`` when it starts with five digits; otherwise the
    postcode and town are empty and every line is a street line.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and (match := _POSTCODE_TOWN.fullmatch(lines[-1])):
        return tuple(lines[:-1]), match[1], match[2]
    return tuple(lines), "", ""


# --- VAT ---------------------------------------------------------------------------------

EXEMPT_CODE = "VATEX-EU-O"
"""The exemption reason code of "not subject to VAT" (CEF VATEX list)."""


@dataclass(frozen=True)
class VatCategory:
    """The EN 16931 VAT category of the lines at one rate, with the reason when untaxed."""

    code: str
    percent: Decimal | None
    reason_code: str = ""
    reason: str = ""


def vat_category(invoice: Invoice, percent: Decimal) -> VatCategory:
    """The category of the invoice's lines at ``percent`` (see the module's docstring)."""
    lang = invoice.language
    if invoice.vat_mode is VatMode.EXEMPT:
        return VatCategory(
            "O", None, EXEMPT_CODE, exemption_ground(invoice.vat_exempt_ground, lang)
        )
    if percent == 0:
        return VatCategory(
            "E",
            Decimal(0),
            "",
            t("costs passed on outside the VAT base (Finnish VAT Act, section 78)", lang=lang),
        )
    return VatCategory("S", percent)


# --- lines as quantity × price -----------------------------------------------------------


@dataclass(frozen=True)
class PricedLine:
    """A line as an e-invoice states it: ``quantity × price / base`` gives ``amount``.

    Time is billed in minutes at a price per unit of minutes (``90 MIN × 95.00 / 45 MIN``);
    a discount, a meeting price or an expense is one piece (``C62``) at its amount. A line
    that takes off (a discount, or any line of a credit note written with positive sums)
    has a negative quantity: EN 16931 allows no negative price (BR-27).
    """

    quantity: Decimal
    unit: str
    price: Decimal
    base: Decimal
    amount: Decimal


def priced(line: InvoiceLine, sign: int = 1) -> PricedLine:
    """``line`` with its amount multiplied by ``sign`` (-1 for a UBL credit note)."""
    amount = line.amount * sign
    direction = -1 if amount < 0 else 1
    timed = (
        line.kind is not LineKind.DISCOUNT
        and line.minutes is not None
        and line.unit_minutes is not None
        and round_cents(line.unit_price * line.minutes / line.unit_minutes) == abs(amount)
    )
    if timed and line.minutes is not None and line.unit_minutes is not None:
        return PricedLine(
            Decimal(line.minutes * direction),
            "MIN",
            line.unit_price,
            Decimal(line.unit_minutes),
            amount,
        )
    return PricedLine(Decimal(direction), "C62", abs(amount), Decimal(1), amount)


def routed(invoice: Invoice, seller: Supervisor, buyer: Client | None) -> Invoice:
    """``invoice`` with the e-invoice addresses and operators as they are now.

    Routing says how the message travels today, not what was invoiced: a client's address
    learnt or an operator changed after the invoice was issued is the one to send to. What
    is empty now falls back to what the invoice was issued with.
    """
    now_buyer = buyer or invoice.buyer
    return replace(
        invoice,
        seller=invoice.seller._replace(
            einvoice_address=seller.einvoice_address or invoice.seller.einvoice_address,
            operator=seller.operator or invoice.seller.operator,
        ),
        buyer=invoice.buyer._replace(
            einvoice_address=now_buyer.einvoice_address or invoice.buyer.einvoice_address,
            operator=now_buyer.operator or invoice.buyer.operator,
        ),
    )


# --- what an e-invoice can't be written without ------------------------------------------


def missing_for_einvoice(invoice: Invoice, *, routing: bool) -> list[str]:
    """What the seller's profile and the buyer lack for an e-invoice, each with how to add
    it; ``routing`` (Finvoice's MessageTransmissionDetails) also needs both operators."""
    seller, buyer = invoice.seller, invoice.buyer
    missing = []
    if not seller.business_id:
        missing.append(t("your business ID: `tyo settings set business_id 1234567-1`"))
    if not seller.iban and not invoice.is_credit_note:
        missing.append(t('your bank account: `tyo settings set iban "FI21 1234 5600 0007 85"`'))
    if routing and not seller.operator:
        missing.append(t("your e-invoice operator's code: `tyo settings set operator CODE`"))
    if not buyer.einvoice_address:
        missing.append(
            t(
                "{client}'s e-invoice address: `tyo client edit {client} --einvoice-address 0037…`",
                client=buyer.id,
            )
        )
    if routing and not buyer.operator:
        missing.append(
            t(
                "{client}'s e-invoice operator: `tyo client edit {client} --operator CODE`",
                client=buyer.id,
            )
        )
    return missing


def buyer_reference_missing(invoice_buyer_reference: str, order_number: str) -> bool:
    """Peppol's rule PEPPOL-EN16931-R003: a buyer reference or an order reference is needed."""
    return not invoice_buyer_reference.strip() and not order_number.strip()
