"""Finnish: billing, expenses and invoices (the invoice's own words included)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # tyo billing, tyo expense
    "What a month bills, per client; `tyo billing year` shows the year's turnover.": (
        "Kuukauden laskutettavat tilaajittain; `tyo billing year` näyttää vuoden liikevaihdon."
    ),
    "Show what a month bills, per client: every billable item and the totals.\n\n"
    "Held meetings, late cancellations and no-shows, expenses, the discounts; totals per\n"
    "VAT rate, net, VAT and gross; and what of it is already invoiced.\n\n"
    "Example: tyo billing 2027-02 --client pohde": (
        "Näytä kuukauden laskutettavat tilaajittain: jokainen laskutettava erä ja summat.\n\n"
        "Pidetyt tapaamiset, myöhäiset peruutukset ja käyttämättä jääneet ajat, kulut ja "
        "alennukset; summat verokannoittain, veroton, ALV ja verollinen; ja mitä niistä on "
        "jo laskutettu.\n\n"
        "Esimerkki: tyo billing 2027-02 --client pohde"
    ),
    "Travel and other costs billed with a process's month.": (
        "Matka- ja muut kulut, jotka laskutetaan prosessin kuukauden mukana."
    ),
    "Only this client (its id).": "Vain tämä tilaaja (tunnus).",
    "The month, e.g. 2027-01 or 1/2027 (default: last month).": (
        "Kuukausi, esim. 1.2027, tammikuu 2027 tai 2027-01 (oletus: edellinen kuukausi)."
    ),
    "date": "pvm",
    "process": "prosessi",
    "what": "selite",
    "min": "min",
    "units": "yks.",
    "unit price": "yksikköhinta",
    "discount": "alennus",
    "net": "veroton",
    "VAT %": "ALV %",
    "invoice": "lasku",
    "  VAT {percent}: base {base}, VAT {vat}": "  ALV {percent}: peruste {base}, vero {vat}",
    "  net {net}, VAT {vat}, total {gross}": "  veroton {net}, ALV {vat}, yhteensä {gross}",
    "  invoiced {invoiced}, not yet invoiced {open}": (
        "  laskutettu {invoiced}, laskuttamatta {open}"
    ),
    "{name} ({id}), {month}": "{name} ({id}), {month}",
    "Nothing billable in {month}.": "Ei laskutettavaa {month:ablative}.",
    "  nothing billable": "  ei laskutettavaa",
    "{count} meeting of {client} in {month} is not logged yet and bills nothing: {meetings} "
    "(log it with `tyo log`)": (
        "tilaajan {client} tapaamisia {month:inessive} on kirjaamatta {count}, eikä sitä "
        "laskuteta: {meetings} (kirjaa se: `tyo log`)"
    ),
    "{count} meetings of {client} in {month} are not logged yet and bill nothing: {meetings} "
    "(log them with `tyo log`)": (
        "tilaajan {client} tapaamisia {month:inessive} on kirjaamatta {count}, eikä niitä "
        "laskuteta: {meetings} (kirjaa ne: `tyo log`)"
    ),
    "Show a year's turnover (without VAT) per month and per client, with a bar chart.\n\n"
    "When you are VAT-exempt, the year is checked against the small-business threshold.\n\n"
    "Example: tyo billing year 2027": (
        "Näytä vuoden liikevaihto (veroton) kuukausittain ja tilaajittain pylväskuvana.\n\n"
        "Jos et ole arvonlisäverovelvollinen, vuotta verrataan vähäisen toiminnan rajaan.\n\n"
        "Esimerkki: tyo billing year 2027"
    ),
    "The calendar year, e.g. 2027.": "Kalenterivuosi, esim. 2027.",
    "{year} is not a year tyo bills (expected e.g. 2027)": (
        "{year} ei ole vuosi, jota tyo laskuttaa (odotettiin esim. 2027)"
    ),
    "month": "kuukausi",
    "client": "tilaaja",
    "Turnover {year} without VAT": "Liikevaihto {year} ilman arvonlisäveroa",
    "Total {net}": "Yhteensä {net}",
    "the year's turnover {net} is over the VAT small-business threshold {limit}: "
    "register for VAT and bill VAT (`tyo settings set vat 25.5`)": (
        "vuoden liikevaihto {net} ylittää vähäisen toiminnan rajan {limit}: hakeudu "
        "arvonlisäverovelvolliseksi ja laskuta arvonlisävero (`tyo settings set vat 25.5`)"
    ),
    "Below the VAT small-business threshold {limit} by {left}.": (
        "Vähäisen toiminnan rajaan {limit} on matkaa {left}."
    ),
    "Add an expense (travel, rent of a room...) billed with the process's month.\n\n"
    "A cost passed on with the service takes the service's VAT (AVL 73 §). One you paid in\n"
    "the client's name and for its account (a ticket bought for the client, say) is billed\n"
    "without VAT with --pass-through, and the invoice names the ground (AVL 78 §).\n\n"
    'Example: tyo expense add hoitajat-2027 --date 2027-02-02 --amount 23.40 --description "Matkakulut"': (
        "Lisää kulu (matka, tilavuokra...), joka laskutetaan prosessin kuukauden mukana.\n\n"
        "Palvelun yhteydessä edelleen laskutettava kulu kuuluu palvelun hintaan ja siihen\n"
        "sovelletaan palvelun verokantaa (AVL 73 §). Tilaajan nimissä ja lukuun maksettu kulu\n"
        "(esimerkiksi tilaajalle ostettu lippu) laskutetaan ilman arvonlisäveroa valitsimella\n"
        "--pass-through, ja lasku kertoo perusteen (läpikulkuerä, AVL 78 §).\n\n"
        'Esimerkki: tyo expense add hoitajat-2027 --date 2027-02-02 --amount 23.40 --description "Matkakulut"'
    ),
    "The process's id.": "Prosessin tunnus.",
    "The day of the cost, e.g. 2027-02-02.": "Kulun päivä, esim. 2027-02-02.",
    "Euros without VAT, e.g. 23.40.": "Euroja ilman arvonlisäveroa, esim. 23.40.",
    "What it was, as on the invoice.": "Mikä kulu oli, laskulla näkyvänä tekstinä.",
    "VAT percent: the service's, the general rate in force on that day (the default; none when VAT-exempt).": (
        "ALV-prosentti: palvelun verokanta eli päivänä voimassa ollut yleinen verokanta "
        "(oletus; ei veroa, jos et ole arvonlisäverovelvollinen)."
    ),
    "Paid in the client's name and for its account: billed without VAT (AVL 78 §), as the invoice says.": (
        "Maksettu tilaajan nimissä ja lukuun: laskutetaan ilman arvonlisäveroa läpikulkueränä "
        "(AVL 78 §), kuten laskulla lukee."
    ),
    "Added expense {id}: {amount}, no VAT (you are VAT-exempt), {day}, billed with {month}.": (
        "Kulu {id} lisätty: {amount}, ei arvonlisäveroa (et ole arvonlisäverovelvollinen), "
        "{day}, laskutetaan {month:genitive} laskulla."
    ),
    "Added expense {id}: {amount}, no VAT (a pass-through item, AVL 78 §, as the invoice will say), {day}, billed with {month}.": (
        "Kulu {id} lisätty: {amount}, ei arvonlisäveroa (läpikulkuerä, AVL 78 §, kuten laskulla "
        "lukee), {day}, laskutetaan {month:genitive} laskulla."
    ),
    "--description can't be empty: it is printed on the invoice": (
        "--description ei voi olla tyhjä: se tulostuu laskulle"
    ),
    "--amount must be more than zero": "--amount on oltava enemmän kuin nolla",
    "Added expense {id}: {amount} + VAT {percent}, {day}, billed with {month}.": (
        "Kulu {id} lisätty: {amount} + ALV {percent}, {day}, laskutetaan {month:genitive} laskulla."
    ),
    "List expenses, with the invoice each is on.\n\nExample: tyo expense list --month 2027-02": (
        "Luettele kulut ja laskut, joilla ne ovat.\n\nEsimerkki: tyo expense list --month 2027-02"
    ),
    "Only this month, e.g. 2027-02.": "Vain tämä kuukausi, esim. 2.2027 tai helmikuu 2027.",
    "id": "tunnus",
    "No expenses.": "Ei kuluja.",
    "The expense's id, e.g. hoitajat-2027:1 (see `tyo expense list`).": (
        "Kulun tunnus, esim. hoitajat-2027:1 (ks. `tyo expense list`)."
    ),
    "Remove an expense entered by mistake; one on an invoice stays until it is credited.\n\n"
    "Example: tyo expense remove hoitajat-2027:1": (
        "Poista vahingossa kirjattu kulu; laskulla oleva kulu säilyy, kunnes lasku hyvitetään.\n\n"
        "Esimerkki: tyo expense remove hoitajat-2027:1"
    ),
    "there is no expense {id}: `tyo expense list` shows them": (
        "kulua {id} ei ole: `tyo expense list` näyttää kulut"
    ),
    "expense {id} is on invoice {number} and stays; `tyo invoice credit {number}` first": (
        "kulu {id} on laskulla {number} ja säilyy; hyvitä ensin: `tyo invoice credit {number}`"
    ),
    "Removed expense {id}.": "Kulu {id} poistettu.",
    # tyo invoice
    "Issue invoices and credit notes, print them, and mark them paid.": (
        "Laadi laskut ja hyvityslaskut, tulosta ne ja merkitse maksetuiksi."
    ),
    "The invoice's number (see `tyo invoice list`).": "Laskun numero (ks. `tyo invoice list`).",
    "The month billed, e.g. 2027-02.": "Laskutettava kuukausi, esim. 2.2027 tai helmikuu 2027.",
    "The client invoiced (its id).": "Laskutettava tilaaja (tunnus).",
    "Invoice date (default: today).": "Laskun päivämäärä (oletus: tänään).",
    "Its number, to continue an earlier series (default: the next one, from 1000).": (
        "Laskun numero, jos jatkat aiempaa numerosarjaa (oletus: seuraava, alkaen 1000)."
    ),
    "the invoice date {day} is before invoice {n}'s ({issued}): numbers follow dates": (
        "laskun päivämäärä {day} on ennen laskun {n} päivämäärää ({issued}): numerot "
        "kulkevat päivämäärien mukaan"
    ),
    "--number {n} is too short for a reference number: use {first} or more": (
        "--number {n} on liian lyhyt viitenumeroa varten: käytä numeroa {first} tai suurempaa"
    ),
    "--number {n} would go back: the latest invoice is {latest}, and a number is never used "
    "twice nor out of order; leave out --number to get {following}": (
        "--number {n} menisi taaksepäin: viimeisin lasku on {latest}, eikä numeroa käytetä "
        "kahdesti eikä epäjärjestyksessä; jätä --number pois, niin numero on {following}"
    ),
    "--number {n} would leave a gap after invoice {latest}: invoice numbers run unbroken, as "
    "the bookkeeping requires; leave out --number to get {following}": (
        "--number {n} jättäisi aukon laskun {latest} jälkeen: laskujen numerot juoksevat "
        "katkeamatta, kuten kirjanpito vaatii; jätä --number pois, niin numero on {following}"
    ),
    "Invoice a client for a month: freezes the month's billable items not yet invoiced.\n\n"
    "The invoice gets the next number, a due date by the client's payment days (at most 30\n"
    "for a public body), a reference number and the bank barcode.\n\n"
    "Example: tyo invoice create 2027-02 --client pohde": (
        "Laskuta tilaajaa kuukaudesta: lasku kiinnittää kuukauden laskuttamattomat erät.\n\n"
        "Lasku saa seuraavan numeron, eräpäivän tilaajan maksuajan mukaan (julkiselle "
        "toimijalle enintään 30 päivää), viitenumeron ja pankkiviivakoodin.\n\n"
        "Esimerkki: tyo invoice create 2027-02 --client pohde"
    ),
    "an invoice needs {what}; nothing was issued": "laskuun tarvitaan {what}; laskua ei laadittu",
    "your business ID: `tyo settings set business_id 1234567-1`": (
        "Y-tunnuksesi: `tyo settings set business_id 1234567-1`"
    ),
    'your address: `tyo settings set address "Esimerkkitie 1\\n90100 Oulu"`': (
        'osoitteesi: `tyo settings set address "Esimerkkitie 1\\n90100 Oulu"`'
    ),
    'your bank account: `tyo settings set iban "FI21 1234 5600 0007 85"`': (
        'tilinumerosi: `tyo settings set iban "FI21 1234 5600 0007 85"`'
    ),
    "{client}'s billing address: `tyo client edit {client} --address ...`": (
        "tilaajan {client} laskutusosoite: `tyo client edit {client} --address ...`"
    ),
    "{client}'s {month} is invoiced already (invoice {numbers}); to correct it, "
    "`tyo invoice credit N` and then create the invoice again": (
        "tilaajan {client} erät {month:ablative} on jo laskutettu (lasku {numbers}); korjaa "
        "hyvittämällä (`tyo invoice credit N`) ja laadi lasku uudelleen"
    ),
    "Invoice {n} to {client}: {gross} (net {net}, VAT {vat}), due {due}, reference {reference}.": (
        "Lasku {n} tilaajalle {client}: {gross} (veroton {net}, ALV {vat}), eräpäivä {due}, "
        "viitenumero {reference}."
    ),
    "Credit note {n} to {client}: {gross} (net {net}, VAT {vat}), crediting invoice {original}.": (
        "Hyvityslasku {n} tilaajalle {client}: {gross} (veroton {net}, ALV {vat}), hyvittää "
        "laskun {original}."
    ),
    "Items already on invoice {numbers} were left out.": (
        "Laskulla {numbers} jo olleet erät jätettiin pois."
    ),
    "Print it with `tyo invoice pdf {n}`.": "Tulosta se: `tyo invoice pdf {n}`.",
    "List invoices and credit notes, newest last.\n\nExample: tyo invoice list --unpaid": (
        "Luettele laskut ja hyvityslaskut, uusin viimeisenä.\n\nEsimerkki: tyo invoice list --unpaid"
    ),
    "Only invoices not yet paid.": "Vain maksamattomat laskut.",
    "number": "numero",
    "issued": "päivätty",
    "due": "eräpäivä",
    "total": "yhteensä",
    "status": "tila",
    "paid": "maksettu",
    "open": "avoin",
    "overdue": "erääntynyt",
    "credited": "hyvitetty",
    "credit-note": "hyvityslasku",
    "No unpaid invoices.": "Ei maksamattomia laskuja.",
    "No invoices yet: `tyo invoice create MONTH --client CID`.": (
        "Ei vielä laskuja: `tyo invoice create KUUKAUSI --client TILAAJA`."
    ),
    "Show an invoice: its lines, totals, reference and barcode.\n\nExample: tyo invoice show 1000": (
        "Näytä lasku: rivit, summat, viitenumero ja viivakoodi.\n\nEsimerkki: tyo invoice show 1000"
    ),
    "credits invoice": "hyvittää laskun",
    "reference": "viitenumero",
    "quantity": "määrä",
    "amount": "summa",
    "VAT {percent}: base {base}, VAT {vat}": "ALV {percent}: peruste {base}, vero {vat}",
    "Net {net}, VAT {vat}, total {gross}": "Veroton {net}, ALV {vat}, yhteensä {gross}",
    "Virtual barcode: {code}": "Virtuaaliviivakoodi: {code}",
    "Write an invoice as an A4 PDF in the client's language.\n\n"
    "Example: tyo invoice pdf 1000 -o lasku-1000.pdf": (
        "Tallenna lasku A4-PDF:ksi tilaajan kielellä.\n\n"
        "Esimerkki: tyo invoice pdf 1000 -o lasku-1000.pdf"
    ),
    "Where to write it (default: a file here named in the invoice's language, "
    "lasku-N.pdf, faktura-N.pdf or invoice-N.pdf; - for standard output).": (
        "Mihin tiedostoon (oletus: tähän kansioon tiedosto, jonka nimi on laskun kielellä, "
        "lasku-N.pdf, faktura-N.pdf tai invoice-N.pdf; - vakiotulosteeseen)."
    ),
    "invoice-{number}.pdf": "lasku-{number}.pdf",
    "credit-note-{number}.pdf": "hyvityslasku-{number}.pdf",
    "Name the participants (only when the client asks for it).": (
        "Nimeä osallistujat (vain jos tilaaja sitä pyytää)."
    ),
    "can't write {path}: {error}": "tiedostoon {path} ei voi kirjoittaa: {error}",
    "Wrote {path}.": "Tallennettu: {path}.",
    "Mark an invoice paid.\n\nExample: tyo invoice paid 1000 --on 2027-03-20": (
        "Merkitse lasku maksetuksi.\n\nEsimerkki: tyo invoice paid 1000 --on 2027-03-20"
    ),
    "The day it was paid (default: today).": "Maksupäivä (oletus: tänään).",
    "{n} is a credit note: there is nothing to pay": "{n} on hyvityslasku: maksettavaa ei ole",
    "invoice {n} is marked paid already, on {day}": "lasku {n} on jo merkitty maksetuksi {day}",
    "the payment day {day} is before the invoice's date ({issued}); give --on": (
        "maksupäivä {day} on ennen laskun päivämäärää ({issued}); anna --on"
    ),
    "--on {day} is before the invoice's date ({issued}): give the day it was paid": (
        "--on {day} on ennen laskun päivämäärää ({issued}): anna päivä, jona lasku maksettiin"
    ),
    "Invoice {n} paid on {day}.": "Lasku {n} merkitty maksetuksi {day}.",
    "Credit an invoice in full with a credit note that refers to it.\n\n"
    "Its items can then be invoiced again, corrected.\n\n"
    "Example: tyo invoice credit 1000": (
        "Hyvitä lasku kokonaan hyvityslaskulla, joka viittaa siihen.\n\n"
        "Sen erät voi sitten laskuttaa uudelleen korjattuina.\n\n"
        "Esimerkki: tyo invoice credit 1000"
    ),
    "Date of the credit note (default: today).": "Hyvityslaskun päivämäärä (oletus: tänään).",
    "{n} is a credit note itself; credit notes are not credited": (
        "{n} on itse hyvityslasku; hyvityslaskuja ei hyvitetä"
    ),
    "invoice {n} is credited already, by credit note {credit}": (
        "lasku {n} on jo hyvitetty hyvityslaskulla {credit}"
    ),
    "the credit note's date {day} is before the invoice's ({issued}); give --date": (
        "hyvityslaskun päivämäärä {day} on ennen laskun päivämäärää ({issued}); anna --date"
    ),
    "--date {day} is before the invoice's date ({issued}): a credit note is dated on or after "
    "the invoice it credits": (
        "--date {day} on ennen laskun päivämäärää ({issued}): hyvityslasku päivätään samana "
        "päivänä kuin hyvitettävä lasku tai myöhemmin"
    ),
    "The items of invoice {n} can be invoiced again: "
    "`tyo invoice create {month} --client {client}`.": (
        "Laskun {n} erät voi laskuttaa uudelleen: `tyo invoice create {month} --client {client}`."
    ),
    # storage
    'an amount as text, such as "-95.00"': 'summa tekstinä, esim. "-95.00"',
    "at least one line": "vähintään yksi rivi",
    "the sum of the lines with VAT ({sum})": "rivien verollinen summa ({sum})",
    "'number' is {n} but the file name says otherwise": "'number' on {n}, mutta tiedostonimi on muu",
    "a month such as 2027-01": "kuukausi, esim. 2027-01",
    "an invoice number": "laskun numero",
    "there is no invoice {n}: `tyo invoice list` shows them": (
        "laskua {n} ei ole: `tyo invoice list` näyttää laskut"
    ),
    "invoice {n} exists already; an issued invoice never changes": (
        "lasku {n} on jo olemassa; laadittu lasku ei muutu"
    ),
    "meeting {n} of {process} is on invoice {number} and can't change; "
    "`tyo invoice credit {number}` credits it, then it can be corrected and invoiced again": (
        "prosessin {process} tapaaminen {n} on laskulla {number} eikä voi muuttua; hyvitä lasku "
        "(`tyo invoice credit {number}`), sitten tapaamisen voi korjata ja laskuttaa uudelleen"
    ),
    "a number no other expense has": "numero, jota millään muulla kululla ei ole",
    # domain
    "no VAT rate is known for {day} (the table starts on {first})": (
        "päivälle {day} ei tunneta arvonlisäverokantaa (taulukko alkaa {first})"
    ),
    "--vat {given} is not the VAT rate on {day}: an expense bills the service's rate in "
    "force that day, {rate} (AVL 73 §)": (
        "--vat {given} ei ole päivän {day} arvonlisäverokanta: kulu laskutetaan palvelun "
        "verokannalla, sinä päivänä {rate} (AVL 73 §)"
    ),
    "--vat 0: an expense passed on with the service bills the service's VAT, {rate} on {day} "
    "(AVL 73 §); a cost paid in the client's name and for its account is billed without VAT "
    "with --pass-through (AVL 78 §)": (
        "--vat 0: palvelun yhteydessä laskutettava kulu laskutetaan palvelun verokannalla, "
        "päivänä {day} {rate} (AVL 73 §); tilaajan nimissä ja lukuun maksettu kulu laskutetaan "
        "ilman arvonlisäveroa valitsimella --pass-through (AVL 78 §)"
    ),
    "you are VAT-exempt, so an expense bills no VAT either, as the service; leave out --vat (or `tyo settings set vat 25.5` if you registered for VAT)": (
        "et ole arvonlisäverovelvollinen, joten kulustakaan ei laskuteta arvonlisäveroa, kuten "
        "ei palvelustakaan; jätä --vat pois (tai `tyo settings set vat 25.5`, jos olet "
        "rekisteröitynyt arvonlisäverovelvolliseksi)"
    ),
    "--pass-through bills no VAT (AVL 78 §): leave out --vat, or --pass-through": (
        "--pass-through laskutetaan ilman arvonlisäveroa (AVL 78 §): jätä pois joko --vat tai "
        "--pass-through"
    ),
    "nothing to invoice for {client} in {month}: every billable item is already "
    "invoiced, or there is none (`tyo billing {month} --client {client}` shows them)": (
        "tilaajalle {client} ei ole laskutettavaa {month:ablative}: kaikki on jo laskutettu tai "
        "laskutettavaa ei ole (`tyo billing {month:iso} --client {client}` näyttää erät)"
    ),
    # invoice document
    "Invoice": "Lasku",
    "Credit note": "Hyvityslasku",
    "Bill to": "Ostaja",
    "Business ID {id}": "Y-tunnus {id}",
    "Attn. {name}": "Yhteyshenkilö {name}",
    "E-invoice address {address} {operator}": "Verkkolaskuosoite {address} {operator}",
    "Invoice number": "Laskun numero",
    "Credit note number": "Hyvityslaskun numero",
    "{title} (pass-through item, no VAT: VAT Act 78 §)": (
        "{title} (läpikulkuerä, ei arvonlisäveroa: AVL 78 §)"
    ),
    "Credit note date": "Hyvityslaskun päivämäärä",
    "Invoice date": "Laskun päivämäärä",
    "Due date": "Eräpäivä",
    "Terms of payment": "Maksuehto",
    "{count} day net": "{count} päivä netto",
    "{count} days net": "{count} päivää netto",
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
    "First unit free": "Ensimmäinen ohjaustunti maksutta",
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
    "health care service exempt from VAT (Finnish VAT Act, section 34)": (
        "terveyden- ja sairaanhoitopalvelu (arvonlisäverolaki 34 §)"
    ),
    "social welfare service exempt from VAT (Finnish VAT Act, section 37)": (
        "sosiaalihuoltopalvelu (arvonlisäverolaki 37 §)"
    ),
    "education service exempt from VAT (Finnish VAT Act, section 39)": (
        "koulutuspalvelu (arvonlisäverolaki 39 §)"
    ),
    "small business exempt from VAT (Finnish VAT Act, section 3)": (
        "vähäinen liiketoiminta (arvonlisäverolaki 3 §)"
    ),
    "Payee": "Saaja",
    "IBAN": "IBAN",
    "BIC": "BIC",
    "Virtual barcode": "Virtuaaliviivakoodi",
    "Nothing to pay.": "Ei maksettavaa.",
    "Invoice {n} was paid on {day}: pay {amount} back to {client}; the credit note says it is refunded.": (
        "Lasku {n} on maksettu {day}: palauta {amount} tilaajalle {client}; hyvityslaskussa "
        "sanotaan, että summa palautetaan."
    ),
    "Nothing to pay: invoice {n} was paid, so the credit of {amount} is refunded to your account.": (
        "Ei maksettavaa: lasku {n} on jo maksettu, joten hyvitys {amount} palautetaan tilillenne."
    ),
    "Nothing to pay: this credit note is settled against invoice {n}.": (
        "Ei maksettavaa: hyvitys vähennetään laskusta {n}."
    ),
}
