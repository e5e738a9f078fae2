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
}
