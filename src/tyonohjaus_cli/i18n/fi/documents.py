"""Finnish: proposals and the documents of a process's life (offer, agreement, reminder)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- proposals ------------------------------------------------------------------------
    "proposal": "tarjous",
    "declined": "hylätty",
    "Plan it as an offer: on no agenda, calendar or bill until `tyo process accept`.": (
        "Suunnittele tarjouksena: ei kalenterissa, asialistalla eikä laskulla ennen kuin "
        "`tyo process accept`."
    ),
    "A proposal: `tyo offer {process}` writes the offer, and `tyo process accept {process}` makes it agreed.": (
        "Tarjous: `tyo offer {process}` kirjoittaa tarjouksen, ja `tyo process accept {process}` "
        "tekee siitä sovitun."
    ),
    "process {process} was declined": "prosessi {process} on hylätty",
    "process {process} is a proposal: `tyo process accept {process}` or `tyo process decline {process}`": (
        "prosessi {process} on tarjous: `tyo process accept {process}` tai "
        "`tyo process decline {process}`"
    ),
    "process {process} is a proposal, not agreed yet: `tyo process accept {process}` once the client accepts the offer": (
        "prosessi {process} on tarjous eikä vielä sovittu: `tyo process accept {process}`, "
        "kun tilaaja hyväksyy tarjouksen"
    ),
    "process {process} is not a proposal: it is agreed and running": (
        "prosessi {process} ei ole tarjous: se on sovittu ja käynnissä"
    ),
    "process {process} is not a proposal: it is closed": (
        "prosessi {process} ei ole tarjous: se on päättynyt"
    ),
    "process {process} is not a proposal: it was declined": (
        "prosessi {process} ei ole tarjous: se hylättiin"
    ),
    "The client accepted the offer: the proposal becomes an agreed process, its plan and\nmeetings (and their calendar UIDs) as they are.\n\nExample: tyo process accept hoitajat-2027": (
        "Tilaaja hyväksyi tarjouksen: tarjouksesta tulee sovittu prosessi, suunnitelma ja\n"
        "tapaamiset (ja niiden kalenteritunnisteet) ennallaan.\n\n"
        "Esimerkki: tyo process accept hoitajat-2027"
    ),
    "Process {id} is agreed: its meetings are now on the agenda, calendars and bills.": (
        "Prosessi {id} on sovittu: sen tapaamiset ovat nyt asialistalla, kalentereissa ja "
        "laskutuksessa."
    ),
    "The client declined the offer: the proposal is kept, on no agenda, calendar or bill.\n\nExample: tyo process decline hoitajat-2027": (
        "Tilaaja hylkäsi tarjouksen: tarjous säilyy, mutta ei asialistalla, kalenterissa eikä "
        "laskulla.\n\nEsimerkki: tyo process decline hoitajat-2027"
    ),
    "Process {id} was declined.": "Prosessi {id} merkitty hylätyksi.",
    # --- offer and agreement (domain/offer.py, domain/agreement.py, domain/terms.py) -----
    "Offer": "Tarjous",
    "{day}, valid until {until}": "{day}, voimassa {until} asti",
    "Thank you for your request. I offer the supervision described below on these terms.": "Kiitos tarjouspyynnöstänne. Tarjoan alla kuvattua työnohjausta seuraavin ehdoin.",
    "Group size": "Ryhmän koko",
    "Supervision": "Työnohjaus",
    "Supervision process": "Työnohjausprosessi",
    "Planned meetings": "Suunnitellut tapaamiset",
    "Price": "Hinta",
    "Cancellation and payment": "Peruutus ja maksu",
    "Validity": "Voimassaolo",
    "This offer is valid until {until}. Once it is accepted, we make a written supervision agreement and the meeting dates are confirmed.": "Tarjous on voimassa {until} asti. Kun tarjous on hyväksytty, teemme kirjallisen työnohjaussopimuksen ja tapaamisajat vahvistetaan.",
    "Goals proposed": "Ehdotetut tavoitteet",
    "Kind regards,": "Ystävällisin terveisin",
    "Work supervisor": "Työnohjaaja",
    "To": "Vastaanottaja",
    "Attn.": "Yhteyshenkilö",
    "Business ID": "Y-tunnus",
    "The goals are reviewed with the participants at {points}, each scored from 1 (not at all) to 5 (fully achieved). With the client they are reviewed separately, in a meeting of the supervisor and the client after the same points; the client sees only the evaluations the participants agree to share.": "Tavoitteet arvioidaan ohjattavien kanssa: {points}, asteikolla 1 (ei lainkaan) – 5 (saavutettu täysin). Tilaajan kanssa ne arvioidaan erikseen, työnohjaajan ja tilaajan tapaamisessa samojen vaiheiden jälkeen; tilaaja näkee vain ne arvioinnit, jotka ohjattavat suostuvat jakamaan.",
    "meeting {n} ({day})": "tapaaminen {n} ({day})",
    "Work supervision agreement": "Työnohjaussopimus",
    "{title}, {day}": "{title}, {day}",
    "Parties": "Osapuolet",
    "Form and goals": "Muoto ja tavoitteet",
    "Schedule and place": "Aikataulu ja paikka",
    "Price and invoicing": "Hinta ja laskutus",
    "Cancellation": "Peruutukset",
    "What is discussed in supervision is confidential, and the supervisor is bound by professional secrecy. The supervisor's notes are for the supervision only and are never given to the client. The client receives the dates, attendance counts and units of the meetings, and the evaluation of the goals agreed to be shared.": "Työnohjauksessa käsitellyt asiat ovat luottamuksellisia, ja työnohjaajaa sitoo vaitiolovelvollisuus. Työnohjaajan muistiinpanot ovat vain työnohjausta varten, eikä niitä anneta tilaajalle. Tilaaja saa tapaamisten päivät, osallistujamäärät ja ohjaustunnit sekä jaettaviksi sovittujen tavoitteiden arvioinnit.",
    "Reviewing the goals": "Tavoitteiden arviointi",
    "Signatures": "Allekirjoitukset",
    "This agreement is made in two copies, one for each party.": "Tätä sopimusta on tehty kaksi kappaletta, yksi kummallekin osapuolelle.",
    "Place and date": "Paikka ja päivämäärä",
    "the last meeting ({day})": "viimeinen tapaaminen ({day})",
    "The goals are agreed at the first meeting.": "Tavoitteet sovitaan ensimmäisessä tapaamisessa.",
    "The goals are reviewed with the participants at the end, each scored from 1 (not at all) to 5 (fully achieved). With the client they are reviewed separately, in a meeting of the supervisor and the client after it; the client sees only the evaluations the participants agree to share.": "Tavoitteet arvioidaan ohjattavien kanssa prosessin lopussa, asteikolla 1 (ei lainkaan) – 5 (saavutettu täysin). Tilaajan kanssa ne arvioidaan erikseen, työnohjaajan ja tilaajan tapaamisessa sen jälkeen; tilaaja näkee vain ne arvioinnit, jotka ohjattavat suostuvat jakamaan.",
    "Payer": "Maksaja",
    "Payment terms": "Maksuehto",
    "For the supervisor": "Työnohjaajan puolesta",
    "For the client": "Tilaajan puolesta",
    " and ": " ja ",
    "every day": "päivittäin",
    "every {count} days": "{count} päivän välein",
    "{price} per unit of {minutes} min": "{price} / ohjaustunti ({minutes} min)",
    "{percent}, added to the price": "{percent}, lisätään hintaan",
    "A cancellation by the client later than {count} hour before the start is billed at {percent}, and so is a meeting missed without notice. A cancellation by the supervisor is never billed; the meeting is moved to a time agreed together.": "Tilaajan peruutuksesta {count} tunnin sisällä ennen tapaamisen alkua veloitetaan {percent} tapaamisen hinnasta, samoin ilman ilmoitusta väliin jääneestä tapaamisesta. Työnohjaajan peruutusta ei koskaan laskuteta; tapaaminen siirretään yhdessä sovittuun aikaan.",
    "A cancellation by the client later than {count} hours before the start is billed at {percent}, and so is a meeting missed without notice. A cancellation by the supervisor is never billed; the meeting is moved to a time agreed together.": "Tilaajan peruutuksesta {count} tunnin sisällä ennen tapaamisen alkua veloitetaan {percent} tapaamisen hinnasta, samoin ilman ilmoitusta väliin jääneestä tapaamisesta. Työnohjaajan peruutusta ei koskaan laskuteta; tapaaminen siirretään yhdessä sovittuun aikaan.",
    "Invoiced monthly for the month's meetings; payment within {count} day net. Late payment interest under the Interest Act.": "Laskutus kuukausittain kuukauden tapaamisista; maksuehto {count} päivä netto. Viivästyskorko korkolain mukaan.",
    "Invoiced monthly for the month's meetings; payment within {count} days net. Late payment interest under the Interest Act.": "Laskutus kuukausittain kuukauden tapaamisista; maksuehto {count} päivää netto. Viivästyskorko korkolain mukaan.",
    "every week": "viikon välein",
    "every {count} weeks": "{count} viikon välein",
    "remote, online: {link}": "etänä verkossa: {link}",
    "to be agreed": "sovitaan erikseen",
    "{count} participant": "{count} ohjattava",
    "{count} participants": "{count} ohjattavaa",
    "participants to be named": "ohjattavat nimetään myöhemmin",
    "{minutes} min each": "{minutes} min kukin",
    "{low}–{high} min": "{low}–{high} min",
    "no VAT: {ground}": "ei arvonlisäveroa: {ground}",
    "The estimate bills every planned meeting as held, by the same rules as the invoices; a meeting cancelled in time bills nothing.": "Arvio laskuttaa jokaisen suunnitellun tapaamisen pidettynä samoin säännöin kuin laskut; ajoissa peruttua tapaamista ei laskuteta.",
    "A cancelled or missed meeting is not billed. A cancellation by the supervisor is never billed; the meeting is moved to a time agreed together.": "Peruttua tai väliin jäänyttä tapaamista ei laskuteta. Työnohjaajan peruutusta ei koskaan laskuteta; tapaaminen siirretään yhdessä sovittuun aikaan.",
    ", then ": ", sitten ",
    "{count} meeting every week": "{count} tapaaminen viikon välein",
    "{count} meetings every week": "{count} tapaamista viikon välein",
    "{count} meeting every {every} weeks": "{count} tapaaminen {every} viikon välein",
    "{count} meetings every {every} weeks": "{count} tapaamista {every} viikon välein",
    "{count} meeting every day": "{count} tapaaminen päivittäin",
    "{count} meetings every day": "{count} tapaamista päivittäin",
    "{count} meeting every {every} days": "{count} tapaaminen {every} päivän välein",
    "{count} meetings every {every} days": "{count} tapaamista {every} päivän välein",
    "co-supervision with {name}": "parityönohjaus, toisena ohjaajana {name}",
    "Estimated total without VAT": "Arvioitu kokonaishinta ilman ALV:tä",
    "{count} meeting": "{count} tapaaminen",
    "{count} meetings": "{count} tapaamista",
    "Length": "Kesto",
    "Interval": "Väli",
    "Place": "Paikka",
    "Time": "Aika",
    "Price without VAT": "Hinta ilman ALV:tä",
    "First meeting": "Ensimmäinen tapaaminen",
    "Discount": "Alennus",
    "Estimated total with VAT": "Arvioitu kokonaishinta ALV:n kanssa",
    "VAT-exempt": "arvonlisäverosta vapaa",
    "the whole first meeting free": "koko ensimmäinen tapaaminen maksuton",
    "the first unit free": "ensimmäinen ohjaustunti maksuton",
    "Framework agreement": "Puitesopimus",
    "Order number": "Tilausnumero",
    "Buyer reference": "Ostajan viite",
    "--valid-until {day} is in the past: give a day from today on": "--valid-until {day} on mennyt: anna päivä tästä päivästä eteenpäin",
    "The process's id (see `tyo process list`).": "Prosessin tunnus (katso `tyo process list`).",
    "PDF or Markdown.": "PDF tai Markdown.",
    "Where to write it (a PDF defaults to a file here, Markdown to the screen).": "Mihin se kirjoitetaan (PDF oletuksena tiedostoon tähän kansioon, Markdown näytölle).",
    "The last day the offer stands (default: 30 days from today).": "Tarjouksen viimeinen voimassaolopäivä (oletus: 30 päivää tästä päivästä).",
    "Write the offer of a process: the meetings, price, estimated total and terms.": "Kirjoita prosessin tarjous: tapaamiset, hinta, arvioitu kokonaishinta ja ehdot.",
    "Write the supervision agreement of a process, ready to sign.": "Kirjoita prosessin työnohjaussopimus allekirjoitettavaksi.",
    "Write the offer of a process: the meetings, price, estimated total and terms.\n\nThe estimated total is what billing gives once every planned meeting is held. Plan\nthe process with `tyo new-process ... --proposal` first, so it stays off calendars\nand bills until `tyo process accept`.\n\nExample: tyo offer hoitajat-2027 --valid-until 2027-01-31 -o tarjous.pdf": "Kirjoita prosessin tarjous: tapaamiset, hinta, arvioitu kokonaishinta ja ehdot.\n\nArvioitu kokonaishinta on se, minkä laskutus antaa, kun jokainen suunniteltu tapaaminen\non pidetty. Suunnittele prosessi ensin komennolla `tyo new-process ... --proposal`, jolloin\nse pysyy poissa kalentereista ja laskutuksesta, kunnes `tyo process accept`.\n\nEsimerkki: tyo offer hoitajat-2027 --valid-until 2027-01-31 -o tarjous.pdf",
    "Write the supervision agreement of a process, ready to sign.\n\nThe parties and participants, form and goals, schedule and place, price and invoicing,\nthe cancellation rule, confidentiality and how the goals are reviewed.\n\nExample: tyo agreement hoitajat-2027 -o sopimus.pdf": "Kirjoita prosessin työnohjaussopimus allekirjoitettavaksi.\n\nOsapuolet ja ohjattavat, muoto ja tavoitteet, aikataulu ja paikka, hinta ja laskutus,\nperuutusehto, luottamuksellisuus ja tavoitteiden arviointi.\n\nEsimerkki: tyo agreement hoitajat-2027 -o sopimus.pdf",
    # --- payment reminder (domain/reminder.py, domain/interest.py, tyo invoice remind) --
    "{rate} a year (the reference rate {reference} + {margin} points)": "{rate} vuodessa (viitekorko {reference} + {margin} prosenttiyksikköä)",
    "Payment reminder": "Maksumuistutus",
    "According to our records the invoice below is still unpaid. Please pay it by the due date of this reminder; if you have paid it already, please ignore this reminder.": "Kirjanpitomme mukaan alla oleva lasku on vielä maksamatta. Pyydämme maksamaan sen tämän muistutuksen eräpäivään mennessä; jos olette jo maksaneet sen, tämä muistutus on aiheeton.",
    "The invoice": "Lasku",
    "Payment": "Maksu",
    "{n} is a credit note: it asks no payment": "{n} on hyvityslasku: se ei pyydä maksua",
    "invoice {n} is credited: nothing is owed on it": "lasku {n} on hyvitetty: siitä ei ole mitään maksettavaa",
    "invoice {n} was paid on {day}": "lasku {n} maksettiin {day}",
    "invoice {n} is not overdue: it is due on {due}": "lasku {n} ei ole erääntynyt: sen eräpäivä on {due}",
    "the €40 recovery compensation is for business buyers only, and {client} has no business ID": "40 euron perimiskulukorvaus koskee vain elinkeinonharjoittajia, eikä tilaajalla {client} ole y-tunnusta",
    "The late payment interest is included in the amount to pay below.": "Viivästyskorko sisältyy alla olevaan maksettavaan summaan.",
    "The late payment interest is shown for your information; it is not included in the amount to pay below.": "Viivästyskorko on esitetty tiedoksi; se ei sisälly alla olevaan maksettavaan summaan.",
    "Overdue": "Myöhässä",
    "{count} day": "{count} päivä",
    "{count} days": "{count} päivää",
    "Reminders before": "Aiemmat muistutukset",
    "Rate under the Interest Act": "Korkolain mukainen korko",
    "Interest for {count} day": "Korko {count} päivältä",
    "Interest for {count} days": "Korko {count} päivältä",
    "Amount to pay": "Maksettava",
    "Recovery compensation": "Perimiskulukorvaus",
    "{amount} (Act on Payment Terms in Commercial Contracts, 10 a §)": "{amount} (laki kaupallisten sopimusten maksuehdoista, 10 a §)",
    "no reference rate is known for {day}: add it with `tyo settings set reference_rates {half}=RATE`": "päivälle {day} ei tunneta viitekorkoa: lisää se komennolla `tyo settings set reference_rates {half}=KORKO`",
    "expected half-years and rates such as 2027-01-01=2.5,2027-07-01=3, not {text!r}": "odotettiin puolivuotiskausia ja korkoja, kuten 2027-01-01=2.5,2027-07-01=3, ei {text!r}",
    "a reference rate starts on 1 January or 1 July, not {day}": "viitekorko alkaa 1. tammikuuta tai 1. heinäkuuta, ei {day}",
    "Reminder sent {day}: {count} day overdue, late interest {interest} added to the amount.": "Muistutus lähetetty {day}: {count} päivä myöhässä, viivästyskorko {interest} lisätty summaan.",
    "Reminder sent {day}: {count} days overdue, late interest {interest} added to the amount.": "Muistutus lähetetty {day}: {count} päivää myöhässä, viivästyskorko {interest} lisätty summaan.",
    "Reminder sent {day}: {count} day overdue, late interest {interest} shown, not added.": "Muistutus lähetetty {day}: {count} päivä myöhässä, viivästyskorko {interest} esitetty, ei lisätty.",
    "Reminder sent {day}: {count} days overdue, late interest {interest} shown, not added.": "Muistutus lähetetty {day}: {count} päivää myöhässä, viivästyskorko {interest} esitetty, ei lisätty.",
    "tyo does not know the reference rate from {day}: the latest known one was used; `tyo settings set reference_rates {half}=RATE` sets it": "tyo ei tunne viitekorkoa {day} alkaen: käytettiin viimeisintä tunnettua; `tyo settings set reference_rates {half}=KORKO` asettaa sen",
    "Recovery compensation {amount}.": "Perimiskulukorvaus {amount}.",
    "Where to write it (default: reminder-N.pdf here; - for standard output).": "Mihin se kirjoitetaan (oletus: reminder-N.pdf tähän kansioon; - vakiotulosteeseen).",
    "Add the late payment interest to the amount to pay.": "Lisää viivästyskorko maksettavaan summaan.",
    "Claim the €40 recovery compensation (business buyers only).": "Vaadi 40 euron perimiskulukorvaus (vain elinkeinonharjoittajilta).",
    "expected pdf or md": "odotettiin pdf tai md",
    "1 January or 1 July of a year": "vuoden 1. tammikuuta tai 1. heinäkuuta",
    'a percent as text, such as "2.5"': 'prosentti tekstinä, kuten "2.5"',
    "Write a payment reminder for an overdue invoice, and record it on the invoice.": "Kirjoita maksumuistutus erääntyneestä laskusta ja kirjaa se laskulle.",
    "Write a payment reminder for an overdue invoice, and record it on the invoice.\n\nIt repeats the invoice (number, dates, amount, reference), says how many days it is\noverdue, and shows the late interest under the Interest Act (the reference rate + 8\npoints for a business, + 7 otherwise) without adding it unless --add-interest. The\nreference rates are in tyo, dated; `tyo settings set reference_rates` adds newer ones.\n`tyo invoice show N` lists the reminders sent.\n\nExample: tyo invoice remind 1000 --compensation -o muistutus-1000.pdf": "Kirjoita maksumuistutus erääntyneestä laskusta ja kirjaa se laskulle.\n\nMuistutus toistaa laskun tiedot (numero, päivät, summa, viite), kertoo montako päivää\nse on myöhässä ja näyttää korkolain mukaisen viivästyskoron (viitekorko + 8\nprosenttiyksikköä elinkeinonharjoittajalle, muuten + 7) lisäämättä sitä ilman valitsinta\n--add-interest. Viitekorot ovat tyossa päivättyinä; `tyo settings set reference_rates`\nlisää uudemmat. `tyo invoice show N` luettelee lähetetyt muistutukset.\n\nEsimerkki: tyo invoice remind 1000 --compensation -o muistutus-1000.pdf",
    "from {day} {price}": "{day} alkaen {price}",
}
