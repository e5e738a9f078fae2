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
        "Laskuttamattomat erät kuukausilta {months} laskutetaan nyt uudella hinnalla; "
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
}
