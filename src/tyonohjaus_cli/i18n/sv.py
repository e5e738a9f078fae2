"""Swedish catalogue: only what appears in documents handed to a client."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # invoice
    "Invoice": "Faktura",
    "Credit note": "Kreditnota",
    "Bill to": "Köpare",
    "Business ID {id}": "FO-nummer {id}",
    "Attn. {name}": "Kontaktperson {name}",
    "E-invoice address {address} {operator}": "E-fakturaadress {address} {operator}",
    "Invoice number": "Fakturanummer",
    "Invoice date": "Fakturadatum",
    "Due date": "Förfallodag",
    "Terms of payment": "Betalningsvillkor",
    "{days} days net": "{days} dagar netto",
    "Reference": "Referensnummer",
    "RF reference": "RF-referens",
    "Service period": "Tidpunkt för tjänsten",
    "Late payment interest": "Dröjsmålsränta",
    "under the Interest Act": "enligt räntelagen",
    "Credits invoice": "Krediterad faktura",
    "Date": "Datum",
    "Description": "Beskrivning",
    "Quantity": "Antal",
    "Unit price": "À-pris",
    "VAT": "Moms",
    "Amount": "Belopp",
    "Work supervision: {title}": "Arbetshandledning: {title}",
    "Late cancellation ({percent} charged): {title}": (
        "Sen avbokning (debitering {percent}): {title}"
    ),
    "Missed meeting ({percent} charged): {title}": "Uteblivet möte (debitering {percent}): {title}",
    "First meeting free": "Första mötet avgiftsfritt",
    "Discount {percent}": "Rabatt {percent}",
    "Participants ({process}): {names}": "Deltagare ({process}): {names}",
    "VAT base {percent}": "Beskattningsunderlag {percent}",
    "VAT {percent}": "Moms {percent}",
    "Total without VAT": "Summa utan moms",
    "VAT total": "Moms totalt",
    "Total to pay": "Att betala",
    "Total": "Totalt",
    "No VAT charged: {ground}": "Ingen mervärdesskatt: {ground}",
    "small business exempt from VAT (Finnish VAT Act, section 3)": (
        "liten rörelse (mervärdesskattelagen 3 §)"
    ),
    "Payee": "Mottagare",
    "IBAN": "IBAN",
    "BIC": "BIC",
    "Virtual barcode": "Virtuell streckkod",
    "Nothing to pay.": "Inget att betala.",
    "Nothing to pay: this credit note is settled against invoice {n}.": (
        "Inget att betala: krediteringen dras av från faktura {n}."
    ),
    # Calendar exports (tyo ics)
    "Participant {n}": "Deltagare {n}",
    "By phone": "Per telefon",
    "This meeting is cancelled.": "Den här träffen är inställd.",
    "Meeting {n} of {count}": "Träff {n} av {count}",
    "Moved from {time}.": "Flyttad från {time}.",
    "Place: {place}": "Plats: {place}",
    "Online: {link}": "Distansmöte: {link}",
    "Participants: {names}": "Deltagare: {names}",
    "Supervisor: {contact}": "Arbetshandledare: {contact}",
    "Co-supervisor: {name}": "Medhandledare: {name}",
    "Please cancel at least {hours} hours before the start.": "Eventuella avbokningar senast {hours} timmar före start.",
    "Invitation: {summary}, {when}": "Inbjudan: {summary}, {when}",
    "Cancelled: {summary}, {when}": "Inställd: {summary}, {when}",
}
