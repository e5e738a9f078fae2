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
    "Co-supervisor: {name}": "Parityönohjaaja: {name}",
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
    "an invitation needs your e-mail address as its organizer: `tyo settings set email ADDRESS`": (
        "kutsu tarvitsee järjestäjäksi sähköpostiosoitteesi: `tyo settings set email OSOITE`"
    ),
    "no participant of {process} has an e-mail address (add them in processes/{process}.toml)": (
        "prosessin {process} osallistujilla ei ole sähköpostiosoitteita (lisää ne tiedostoon processes/{process}.toml)"
    ),
    # The command line
    "Export a process's meetings for calendars; nothing from the session log goes into them."
    "\n\nWithout --meeting or --all: one .ics file with every meeting, to import into a calendar."
    "\n\nWith --meeting N: an invitation that calendars accept, update and cancel (iTIP)."
    "\n\nExample: tyo ics hoitajat-2027 --meeting 3 --method request --eml -o kutsu.eml": (
        "Vie prosessin tapaamiset kalentereihin; istuntolokista niihin ei päädy mitään."
        "\n\nIlman valintoja --meeting tai --all: yksi .ics-tiedosto kaikista tapaamisista "
        "kalenteriin tuotavaksi."
        "\n\nValinnalla --meeting N: kutsu, jonka kalenterit hyväksyvät, päivittävät ja peruvat "
        "(iTIP)."
        "\n\nEsimerkki: tyo ics hoitajat-2027 --meeting 3 --method request --eml -o kutsu.eml"
    ),
    "Meetings for calendars: an .ics file to import, or invitations.": (
        "Tapaamiset kalentereihin: tuotava .ics-tiedosto tai kutsut."
    ),
    "Write to FILE (a folder with --all); default: standard output.": (
        "Kirjoita tiedostoon FILE (--all: kansioon); oletus: vakiotuloste."
    ),
    "An invitation for meeting N only (see `tyo process show`).": (
        "Kutsu vain tapaamiseen N (ks. `tyo process show`)."
    ),
    "request (invite or update) or cancel; default: as the meeting stands.": (
        "request (kutsu tai päivitys) tai cancel (peruutus); oletus: tapaamisen tilan mukaan."
    ),
    "An invitation for every future meeting, one file each, into -o DIR.": (
        "Kutsu jokaiseen tulevaan tapaamiseen, kukin omaan tiedostoonsa kansioon -o DIR."
    ),
    "Write invitations as ready e-mail files (.eml).": (
        "Kirjoita kutsut valmiiksi sähköpostitiedostoiksi (.eml)."
    ),
    "Name participants by initials (by codes when initials coincide).": (
        "Nimeä osallistujat nimikirjaimin (koodein, jos nimikirjaimet osuvat yhteen)."
    ),
    "Add a reminder MINUTES before each meeting.": (
        "Lisää muistutus MINUTES minuuttia ennen kutakin tapaamista."
    ),
    "{text!r} is not a reminder time (expected minutes such as 15 or 1h30, at most a week)": (
        "{text!r} ei käy muistutusajaksi (odotettiin minuutteja, esim. 15 tai 1h30, "
        "enintään viikko)"
    ),
    "{text!r} is not a method (expected request or cancel)": (
        "{text!r} ei ole menetelmä (odotettiin request tai cancel)"
    ),
    "--method and --eml are for invitations: add --meeting N or --all": (
        "--method ja --eml koskevat kutsuja: lisää --meeting N tai --all"
    ),
    "--all and --meeting exclude each other: choose one": (
        "--all ja --meeting sulkevat toisensa pois: valitse toinen"
    ),
    "--all writes one file per meeting: name a folder with -o DIR": (
        "--all kirjoittaa tiedoston kustakin tapaamisesta: anna kansio valinnalla -o DIR"
    ),
    "process {process} has no meetings ahead to send": (
        "prosessissa {process} ei ole tulevia tapaamisia lähetettäväksi"
    ),
    "can't write {path}: {error}": "tiedostoon {path} ei voi kirjoittaa: {error}",
    "Wrote {path}.": "Tallennettu: {path}.",
    "Wrote {count} files to {path}.": "Kirjoitettu {count} tiedostoa kansioon {path}.",
    "Wrote {count} meetings to {path}.": "Kirjoitettu {count} tapaamista tiedostoon {path}.",
}
