"""Swedish catalogue: only what appears in documents handed to a client."""

from __future__ import annotations

from tyonohjaus_cli.i18n import sv_documents

MESSAGES: dict[str, str] = {
    # --- the goal-review summary (domain/summary_text.py) --------------------------------
    "Work supervision summary": "Sammanfattning av arbetshandledningen",
    "For the client, {day}": "Till beställaren, {day}",
    "For the participants, {day}": "Till deltagarna, {day}",
    "Process": "Process",
    "Kind": "Form",
    "Client": "Beställare",
    "Supervisor": "Handledare",
    "Co-supervisor": "Medhandledare",
    "Participants": "Deltagare",
    "Period": "Period",
    "individual supervision": "individuell arbetshandledning",
    "group supervision": "grupphandledning",
    "work community supervision": "handledning för arbetsgemenskapen",
    "supervision of managers and supervisors": "handledning för ledning och chefer",
    "crisis supervision": "krishandledning",
    "supervision for an entrepreneur": "handledning för företagare",
    "Meetings": "Träffar",
    "Meetings held": "Hållna träffar",
    "{held} of {planned}": "{held} av {planned}",
    "Missed (no-show)": "Uteblivna",
    "Cancelled": "Inställda",
    "Still ahead": "Kommande",
    "Units used": "Använda handledningstimmar",
    "{used} of {total} (a unit is {minutes} min)": "{used} av {total} (en timme är {minutes} min)",
    "Units left": "Återstående handledningstimmar",
    "Attendance": "Närvaro",
    "{present} of {possible} possible ({percent})": "{present} av {possible} möjliga ({percent})",
    "Status": "Status",
    "Minutes": "Min",
    "Present": "Närvarande",
    "held": "hållen",
    "no-show": "uteblev",
    "cancelled": "inställd",
    "planned": "planerad",
    "cancelled by the client": "inställd av beställaren",
    "cancelled by the supervisor": "inställd av handledaren",
    "Attendance by name": "Närvaro per person",
    "Participant": "Deltagare",
    "Meetings attended": "Närvarande vid träffar",
    "{attended} of {held}": "{attended} av {held}",
    "Goals and their evaluation": "Målen och deras utvärdering",
    "No goals were recorded for this process.": "Inga mål har antecknats för processen.",
    "Each goal is scored from 1 (not at all) to 5 (fully achieved).": "Varje mål bedöms på skalan 1 (inte alls) till 5 (helt uppnått).",
    "agreed with the participants": "överenskommet med deltagarna",
    "agreed with the client": "överenskommet med beställaren",
    "agreed with the participants and the client": "överenskommet med deltagarna och beställaren",
    "Not evaluated yet.": "Inte utvärderat ännu.",
    "Evaluated": "Utvärderat",
    "with the participants": "med deltagarna",
    "with the client": "med beställaren",
    "Score": "Poäng",
    "Comment": "Kommentar",
    "Trend: {trend}": "Utveckling: {trend}",
    "Themes we worked on": "Teman vi arbetade med",
    "{theme} (meetings {numbers})": "{theme} (träffarna {numbers})",
    "{theme} (meeting {number})": "{theme} (träff {number})",
    "Confidentiality": "Sekretess",
    "What is discussed in supervision is confidential. This summary has no content of the meetings: only dates, attendance, units and the evaluation of the goals agreed to be shared.": "Det som behandlas i handledningen är konfidentiellt. Den här sammanfattningen innehåller inget av träffarnas innehåll: endast datum, närvaro, handledningstimmar och den utvärdering av målen som man kommit överens om att dela.",
    "This summary is for the participants of the supervision. It has no notes of the meetings; please do not pass it on without the participants' consent.": "Den här sammanfattningen är avsedd för deltagarna i handledningen. Den innehåller inga anteckningar från träffarna; vidarebefordra den inte utan deltagarnas samtycke.",
    # invoice
    "Invoice": "Faktura",
    "Credit note": "Kreditnota",
    "Bill to": "Köpare",
    "Business ID {id}": "FO-nummer {id}",
    "Attn. {name}": "Kontaktperson {name}",
    "E-invoice address {address} {operator}": "E-fakturaadress {address} {operator}",
    "Invoice number": "Fakturanummer",
    "Credit note number": "Kreditnotans nummer",
    "{title} (pass-through item, no VAT: VAT Act 78 §)": (
        "{title} (genomgångspost, ingen mervärdesskatt: mervärdesskattelagen 78 §)"
    ),
    "Credit note date": "Kreditnotans datum",
    "Invoice date": "Fakturadatum",
    "Due date": "Förfallodag",
    "Terms of payment": "Betalningsvillkor",
    "{count} day net": "{count} dag netto",
    "{count} days net": "{count} dagar netto",
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
    "First unit free": "Första handledningstimmen avgiftsfri",
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
    "health care service exempt from VAT (Finnish VAT Act, section 34)": (
        "hälso- och sjukvårdstjänst (mervärdesskattelagen 34 §)"
    ),
    "social welfare service exempt from VAT (Finnish VAT Act, section 37)": (
        "socialvårdstjänst (mervärdesskattelagen 37 §)"
    ),
    "education service exempt from VAT (Finnish VAT Act, section 39)": (
        "utbildningstjänst (mervärdesskattelagen 39 §)"
    ),
    "small business exempt from VAT (Finnish VAT Act, section 3)": (
        "liten rörelse (mervärdesskattelagen 3 §)"
    ),
    "Payee": "Mottagare",
    "IBAN": "IBAN",
    "BIC": "BIC",
    "Virtual barcode": "Virtuell streckkod",
    "Nothing to pay.": "Inget att betala.",
    "Nothing to pay: invoice {n} was paid, so the credit of {amount} is refunded to your account.": (
        "Inget att betala: faktura {n} är redan betald, så krediteringen {amount} återbetalas "
        "till ert konto."
    ),
    "Nothing to pay: this credit note is settled against invoice {n}.": (
        "Inget att betala: krediteringen dras av från faktura {n}."
    ),
    # Calendar exports (tyo ics)
    "Participant {n}": "Deltagare {n}",
    "By phone": "Per telefon",
    "This meeting is cancelled.": "Den här träffen är inställd.",
    "Meeting {n} of {total}": "Träff {n} av {total}",
    "Moved from {time}.": "Flyttad från {time}.",
    "Place: {place}": "Plats: {place}",
    "Online: {link}": "Distansmöte: {link}",
    "Participants: {names}": "Deltagare: {names}",
    "Supervisor: {contact}": "Arbetshandledare: {contact}",
    "Co-supervisor: {name}": "Medhandledare: {name}",
    "Please cancel at least {count} hour before the start.": "Eventuella avbokningar senast {count} timme före start.",
    "Please cancel at least {count} hours before the start.": "Eventuella avbokningar senast {count} timmar före start.",
    "Invitation: {summary}, {when}": "Inbjudan: {summary}, {when}",
    "Cancellation: {summary}, {when}": "Inställt: {summary}, {when}",
    "Change: {summary}, {when}": "Ändring: {summary}, {when}",
    # --- e-invoices (render/peppol.py, render/finvoice.py) and the PDF's buyer references
    "costs passed on outside the VAT base (Finnish VAT Act, section 78)": (
        "utlägg som inte ingår i skattegrunden (mervärdesskattelagen 78 §)"
    ),
    "Credits invoice {n}; nothing to pay.": "Krediterar faktura {n}; inget att betala.",
    "Not VAT-registered": "Inte momsregistrerad",
    "Your reference": "Er referens",
}
MESSAGES |= sv_documents.MESSAGES
