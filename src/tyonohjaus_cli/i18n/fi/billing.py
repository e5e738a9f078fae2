"""Finnish: billing, expenses and invoices (the invoice's own words included)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # domain
    "no VAT rate is known for {day} (the table starts on {first})": (
        "päivälle {day} ei tunneta arvonlisäverokantaa (taulukko alkaa {first})"
    ),
    "nothing to invoice for {client} in {month}: every billable item is already "
    "invoiced, or there is none (`tyo billing {month} --client {client}` shows them)": (
        "tilaajalle {client} ei ole laskutettavaa kuulta {month}: kaikki on jo laskutettu tai "
        "laskutettavaa ei ole (`tyo billing {month} --client {client}` näyttää erät)"
    ),
    # invoice document
    "Invoice": "Lasku",
    "Credit note": "Hyvityslasku",
    "Bill to": "Ostaja",
    "Business ID {id}": "Y-tunnus {id}",
    "Attn. {name}": "Yhteyshenkilö {name}",
    "E-invoice address {address} {operator}": "Verkkolaskuosoite {address} {operator}",
    "Invoice number": "Laskun numero",
    "Invoice date": "Laskun päivämäärä",
    "Due date": "Eräpäivä",
    "Terms of payment": "Maksuehto",
    "{days} days net": "{days} päivää netto",
    "Reference": "Viitenumero",
    "RF reference": "RF-viite",
    "Service period": "Palvelun ajankohta",
    "Late payment interest": "Viivästyskorko",
    "under the Interest Act": "korkolain mukaan",
    "Credits invoice": "Hyvitettävä lasku",
    "Date": "Pvm",
    "Description": "Selite",
    "Quantity": "Määrä",
    "Unit price": "Yksikköhinta",
    "VAT": "ALV",
    "Amount": "Summa",
    "Work supervision: {title}": "Työnohjaus: {title}",
    "Late cancellation ({percent} charged): {title}": (
        "Myöhäinen peruutus (veloitus {percent}): {title}"
    ),
    "Missed meeting ({percent} charged): {title}": (
        "Käyttämättä jäänyt tapaaminen (veloitus {percent}): {title}"
    ),
    "First meeting free": "Ensimmäinen tapaaminen maksutta",
    "Discount {percent}": "Alennus {percent}",
    "Participants ({process}): {names}": "Osallistujat ({process}): {names}",
    "VAT base {percent}": "Veron peruste {percent}",
    "VAT {percent}": "ALV {percent}",
    "Total without VAT": "Veroton yhteensä",
    "VAT total": "ALV yhteensä",
    "Total to pay": "Maksettava yhteensä",
    "Total": "Yhteensä",
    "No VAT charged: {ground}": "Ei arvonlisäveroa: {ground}",
    "small business exempt from VAT (Finnish VAT Act, section 3)": (
        "vähäinen liiketoiminta (arvonlisäverolaki 3 §)"
    ),
    "Payee": "Saaja",
    "IBAN": "IBAN",
    "BIC": "BIC",
    "Virtual barcode": "Virtuaaliviivakoodi",
    "Nothing to pay.": "Ei maksettavaa.",
    "Nothing to pay: this credit note is settled against invoice {n}.": (
        "Ei maksettavaa: hyvitys vähennetään laskusta {n}."
    ),
}
