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
    "process {process} is not a proposal (it is {status})": (
        "prosessi {process} ei ole tarjous (se on {status})"
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
    "the end": "lopussa",
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
    "{count} meeting {interval}": "{count} tapaaminen {interval}",
    "{count} meetings {interval}": "{count} tapaamista {interval}",
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
}
