"""Finnish for the calendar exports (``tyo ics``): event texts and messages."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # In the events themselves
    "Work supervision: {title}": "Työnohjaus: {title}",
    "Participant {n}": "Osallistuja {n}",
    "By phone": "Puhelimitse",
    "This meeting is cancelled.": "Tämä tapaaminen on peruttu.",
    "Meeting {n} of {count}": "Tapaaminen {n}/{count}",
    "Moved from {time}.": "Siirretty ajalta {time}.",
    "Place: {place}": "Paikka: {place}",
    "Online: {link}": "Etäyhteys: {link}",
    "Participants: {names}": "Osallistujat: {names}",
    "Supervisor: {contact}": "Työnohjaaja: {contact}",
    "Please cancel at least {hours} hours before the start.": (
        "Mahdolliset peruutukset viimeistään {hours} tuntia ennen alkua."
    ),
    "Invitation: {summary}, {when}": "Kutsu: {summary}, {when}",
    "Cancelled: {summary}, {when}": "Peruttu: {summary}, {when}",
    # Messages
    "process {process} belongs to client {owner}, not {client}": (
        "prosessi {process} kuuluu tilaajalle {owner}, ei tilaajalle {client}"
    ),
    "{minutes} is not a reminder time (expected minutes from 0 to {most})": (
        "{minutes} ei käy muistutusajaksi (odotettiin minuutteja väliltä 0–{most})"
    ),
    "settings.toml: unknown time zone {zone!r} (expected e.g. Europe/Helsinki)": (
        "settings.toml: tuntematon aikavyöhyke {zone!r} (odotettiin esim. Europe/Helsinki)"
    ),
    "process {process} has no meetings to export": (
        "prosessissa {process} ei ole tapaamisia vietäväksi"
    ),
    "meeting {n} of {process} is cancelled: send --method cancel instead": (
        "prosessin {process} tapaaminen {n} on peruttu: lähetä sen sijaan --method cancel"
    ),
    "meeting {n} of {process} is not cancelled: `tyo meeting cancel` comes first": (
        "prosessin {process} tapaamista {n} ei ole peruttu: ensin `tyo meeting cancel`"
    ),
    "an invitation needs your e-mail address as its organizer: set it in the settings": (
        "kutsu tarvitsee järjestäjäksi sähköpostiosoitteesi: aseta se asetuksiin"
    ),
    "no participant of {process} has an e-mail address, so there is no one to invite": (
        "prosessin {process} osallistujilla ei ole sähköpostiosoitteita: ei ketään kutsuttavaa"
    ),
}
