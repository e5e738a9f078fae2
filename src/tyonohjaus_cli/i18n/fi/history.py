"""Finnish: dated prices, what was billed staying as billed, and a month's loose ends."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # dated prices: --from on settings set, client edit, process edit
    "The new price holds for meetings on and after this day, e.g. 2027-03-01; those before "
    "keep the old (default: every meeting not yet invoiced; invoiced ones never change).": (
        "Uusi hinta koskee tapaamisia tästä päivästä alkaen, esim. 2027-03-01; aiemmat "
        "pitävät vanhan (oletus: kaikki vielä laskuttamattomat tapaamiset; laskutetut eivät "
        "muutu koskaan)."
    ),
    "--from goes with --rate or --discount: the day the new price holds from": (
        "--from kuuluu valitsimen --rate tai --discount pariksi: päivä, josta uusi hinta alkaa"
    ),
    "--from goes with rate only: the day the new price holds from": (
        "--from sopii vain asetukselle rate: päivä, josta uusi hinta alkaa"
    ),
    "{value} from {day}": "{value} {day} alkaen",
    "a day no other change of {key} has": "päivä, jona ei ole muuta kentän {key} muutosta",
    "No item billed but not yet invoiced changes; invoiced ones never do.": (
        "Yksikään laskutettava mutta vielä laskuttamaton erä ei muutu; laskutetut eivät muutu "
        "koskaan."
    ),
    "Items not yet invoiced in {months} now bill the new price; invoiced ones stay as invoiced.": (
        "Laskuttamattomat erät {months:ablative} laskutetaan nyt uudella hinnalla; "
        "laskutetut pysyvät sellaisina kuin ne laskutettiin."
    ),
    "Changed process {id}.": "Prosessin {id} tiedot muutettu.",
    "nothing to change: give --rate or --meeting-price": (
        "ei muutettavaa: anna --rate tai --meeting-price"
    ),
    "give --rate or --meeting-price, not both": "anna --rate tai --meeting-price, ei molempia",
    "{id} bills {price} per meeting: change that with --meeting-price": (
        "{id} laskutetaan {price} / tapaaminen: muuta sitä valitsimella --meeting-price"
    ),
    "The process's own price of a unit without VAT, in euros.": (
        "Prosessin oma ohjaustunnin hinta ilman arvonlisäveroa euroina."
    ),
    "A fixed price per meeting without VAT, in euros.": (
        "Kiinteä hinta tapaamiselta ilman arvonlisäveroa euroina."
    ),
    "Change a process's price; only the options given change.\n\n"
    "A new price holds from --from on (meetings before it keep the old one), or without\n"
    "--from for every meeting not yet invoiced; invoiced ones never change.\n\n"
    "Example: tyo process edit hoitajat-2027 --rate 130 --from 2027-03-01": (
        "Muuta prosessin hintaa; vain annetut valitsimet muuttuvat.\n\n"
        "Uusi hinta on voimassa päivästä --from alkaen (sitä aiemmat tapaamiset pitävät "
        "vanhan), tai ilman valitsinta --from kaikille vielä laskuttamattomille tapaamisille; "
        "laskutetut eivät muutu koskaan.\n\n"
        "Esimerkki: tyo process edit hoitajat-2027 --rate 130 --from 2027-03-01"
    ),
    # frozen history: a forgotten client's kept invoices
    "Invoices of forgotten clients, {month}": "Poistettujen tilaajien laskut, {month}",
    "(forgotten clients)": "(poistetut tilaajat)",
    # a month's loose ends
    "give the MONTH billed, or --through MONTH, not both": (
        "anna laskutettava KUUKAUSI tai --through KUUKAUSI, ei molempia"
    ),
    "Instead of MONTH: every item not yet invoiced up to this month, of any earlier month "
    "too, on one invoice.": (
        "KUUKAUDEN sijaan: kaikki laskuttamattomat erät tähän kuukauteen asti, myös "
        "aiemmilta kuukausilta, yhdelle laskulle."
    ),
    "Meeting {n} of {process} ({when}) now bills {percent} of its price instead of {usual}: "
    "{reason}.": (
        "Prosessin {process} tapaamisesta {n} ({when}) laskutetaan nyt {percent} hinnasta "
        "{usual}:n sijaan: {reason}."
    ),
    "What this meeting bills, in percent: 0 waives it, e.g. 50 or 100.": (
        "Mitä tästä tapaamisesta laskutetaan prosentteina: 0 jättää laskuttamatta, esim. 50 "
        "tai 100."
    ),
    "Why, in a few words (kept, and shown on `tyo billing`).": (
        "Miksi, muutamalla sanalla (tallennetaan ja näytetään `tyo billing` -näkymässä)."
    ),
    "meeting {n} of {process} is not charged: only a late cancellation or a no-show is "
    "(it is planned)": (
        "prosessin {process} tapaamisesta {n} ei laskuteta peruutusmaksua: vain myöhäisestä "
        "peruutuksesta tai käyttämättä jääneestä ajasta laskutetaan (se on suunniteltu)"
    ),
    "meeting {n} of {process} is not charged: only a late cancellation or a no-show is "
    "(it is held)": (
        "prosessin {process} tapaamisesta {n} ei laskuteta peruutusmaksua: vain myöhäisestä "
        "peruutuksesta tai käyttämättä jääneestä ajasta laskutetaan (se on pidetty)"
    ),
    "meeting {n} of {process} is not charged: only a late cancellation or a no-show is "
    "(it is cancelled)": (
        "prosessin {process} tapaamisesta {n} ei laskuteta peruutusmaksua: vain myöhäisestä "
        "peruutuksesta tai käyttämättä jääneestä ajasta laskutetaan (se on peruttu ajoissa)"
    ),
    'give the reason with --reason "..."; it is kept with the charge': (
        'anna syy: --reason "..."; se tallennetaan maksun kanssa'
    ),
    "Not yet invoiced: {client} has {count} item from before {month} ({months}, {gross}); "
    "`tyo invoice create --through {month} --client {client}` invoices it with {month}.": (
        "Laskuttamatta: tilaajalla {client} on {count} erä ajalta ennen {month:partitive} "
        "({months}, {gross}); `tyo invoice create --through {month:iso} --client {client}` "
        "laskuttaa sen {month:genitive} laskulla."
    ),
    "Not yet invoiced: {client} has {count} items from before {month} ({months}, {gross}); "
    "`tyo invoice create --through {month} --client {client}` invoices them with {month}.": (
        "Laskuttamatta: tilaajalla {client} on {count} erää ajalta ennen {month:partitive} "
        "({months}, {gross}); `tyo invoice create --through {month:iso} --client {client}` "
        "laskuttaa ne {month:genitive} laskulla."
    ),
    "Change what a late cancellation or no-show bills, for this meeting alone.\n\n"
    "Before it is invoiced: an invoiced meeting changes only after `tyo invoice credit N`.\n\n"
    'Example: tyo meeting charge hoitajat-2027 4 --percent 0 --reason "first cancellation"': (
        "Muuta, mitä myöhäisestä peruutuksesta tai käyttämättä jääneestä ajasta laskutetaan, "
        "vain tämän tapaamisen osalta.\n\n"
        "Ennen laskutusta: laskutettu tapaaminen muuttuu vasta `tyo invoice credit N` "
        "-hyvityksen jälkeen.\n\n"
        'Esimerkki: tyo meeting charge hoitajat-2027 4 --percent 0 --reason "ensimmäinen peruutus"'
    ),
}
