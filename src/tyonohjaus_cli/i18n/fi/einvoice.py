"""Finnish: e-invoices (verkkolaskut), buyer references and e-invoice addresses."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # tyo invoice einvoice
    "peppol (Peppol BIS Billing 3.0, UBL) or finvoice (Finvoice 3.0).": (
        "peppol (Peppol BIS Billing 3.0, UBL) tai finvoice (Finvoice 3.0)."
    ),
    "Where to write it (default: a file here named as the PDF, lasku-N.xml or "
    "lasku-N-finvoice.xml in Finnish; - for standard output).": (
        "Minne kirjoitetaan (oletus: tähän kansioon tiedosto, jonka nimi on kuin PDF:n, "
        "suomeksi lasku-N.xml tai lasku-N-finvoice.xml; - vakiotulosteeseen)."
    ),
    "Write an invoice or credit note as an e-invoice (verkkolasku), to upload to your\n"
    "operator's or bank's service.\n\n"
    "Peppol BIS Billing 3.0 (EN 16931, what public buyers require) by default; Finvoice 3.0\n"
    "with --format finvoice. Same figures as the PDF.\n\n"
    "Example: tyo invoice einvoice 1000 --format finvoice -o lasku-1000.xml": (
        "Kirjoita lasku tai hyvityslasku verkkolaskuksi, ladattavaksi operaattorin tai "
        "pankin palveluun.\n\n"
        "Oletuksena Peppol BIS Billing 3.0 (EN 16931, jota julkiset ostajat vaativat); "
        "Finvoice 3.0 valitsimella --format finvoice. Samat luvut kuin PDF:ssä.\n\n"
        "Esimerkki: tyo invoice einvoice 1000 --format finvoice -o lasku-1000.xml"
    ),
    "invoice {n} can't be written as an e-invoice without {what}; nothing was written": (
        "laskua {n} ei voi kirjoittaa verkkolaskuksi ilman näitä: {what}; mitään ei kirjoitettu"
    ),
    "your e-invoice operator's code: `tyo settings set operator CODE`": (
        "verkkolaskuoperaattorisi tunnus: `tyo settings set operator TUNNUS`"
    ),
    "{client}'s e-invoice address: `tyo client edit {client} --einvoice-address 0037…`": (
        "tilaajan {client} verkkolaskuosoite: `tyo client edit {client} --einvoice-address 0037…`"
    ),
    "{client}'s e-invoice operator: `tyo client edit {client} --operator CODE`": (
        "tilaajan {client} verkkolaskuoperaattori: `tyo client edit {client} --operator TUNNUS`"
    ),
    "{client} takes e-invoices but has no buyer reference and the process no order "
    "number: Peppol requires one (`tyo client edit {client} --buyer-reference ...` "
    "or `tyo process edit ID --order-number ...`, then credit and invoice again)": (
        "{client} ottaa vastaan verkkolaskuja, mutta sillä ei ole ostajan viitettä eikä "
        "prosessilla tilausnumeroa: Peppol vaatii toisen niistä (`tyo client edit {client} "
        "--buyer-reference ...` tai `tyo process edit ID --order-number ...`, sitten "
        "hyvitys ja uusi lasku)"
    ),
    "invoice {n} has neither a buyer reference nor an order number, and Peppol "
    "requires one (PEPPOL-EN16931-R003): add one (`tyo client edit {client} "
    "--buyer-reference ...`), credit the invoice and issue it again; "
    "nothing was written": (
        "laskulla {n} ei ole ostajan viitettä eikä tilausnumeroa, ja Peppol vaatii toisen "
        "(PEPPOL-EN16931-R003): lisää se (`tyo client edit {client} --buyer-reference ...`), "
        "hyvitä lasku ja laadi se uudelleen; mitään ei kirjoitettu"
    ),
    # addresses and references on input
    "E-invoice address: an OVT code (0037…) or a Peppol id (0216:0037…).": (
        "Verkkolaskuosoite: OVT-tunnus (0037…) tai Peppol-tunniste (0216:0037…)."
    ),
    "E-invoice operator (intermediator) code.": "Verkkolaskuoperaattorin (välittäjän) tunnus.",
    "The buyer's reference every invoice must carry (cost centre, reviewer code).": (
        "Ostajan viite, joka jokaisessa laskussa pitää olla (kustannuspaikka, tarkastajan koodi)."
    ),
    "buyer reference": "ostajan viite",
    "order number": "tilausnumero",
    "framework agreement": "puitesopimus",
    "{text!r} is not an e-invoice address: expected an OVT code such as "
    "003712345671 (0037 and the business ID's digits) or a Peppol id such as "
    "0216:003712345671": (
        "{text!r} ei ole verkkolaskuosoite: odotettiin OVT-tunnusta, kuten 003712345671 "
        "(0037 ja Y-tunnuksen numerot), tai Peppol-tunnistetta, kuten 0216:003712345671"
    ),
    "{text!r} is longer than 70 characters": "{text!r} on yli 70 merkkiä pitkä",
    "{text!r} is not an operator code (e.g. 003721291126 or E204503)": (
        "{text!r} ei ole operaattoritunnus (esim. 003721291126 tai E204503)"
    ),
    # processes
    "List, show, edit and close supervision processes; accept or decline a proposal.": (
        "Listaa, näytä, muokkaa ja päätä työnohjausprosesseja; hyväksy tai hylkää tarjous."
    ),
    "The buyer's order number (ostotilausnumero), carried on its invoices.": (
        "Ostajan tilausnumero (ostotilausnumero), joka merkitään prosessin laskuihin."
    ),
    "The framework agreement's id (puitesopimus), carried on its invoices.": (
        "Puitesopimuksen tunnus, joka merkitään prosessin laskuihin."
    ),
    "The buyer's order number (ostotilausnumero); an empty string clears it.": (
        "Ostajan tilausnumero (ostotilausnumero); tyhjä merkkijono poistaa sen."
    ),
    "The framework agreement's id (puitesopimus); an empty string clears it.": (
        "Puitesopimuksen tunnus; tyhjä merkkijono poistaa sen."
    ),
    # the documents' own words (also in Swedish, i18n/sv.py)
    "costs passed on outside the VAT base (Finnish VAT Act, section 78)": (
        "veron perusteeseen kuulumattomat läpikulkuerät (AVL 78 §)"
    ),
    "Credits invoice {n}; nothing to pay.": "Hyvittää laskun {n}; ei maksettavaa.",
    "Not VAT-registered": "Ei arvonlisäverovelvollinen",
    "Your reference": "Viitteenne",
}
