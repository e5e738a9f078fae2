"""Finnish for the calendar exports (``tyo ics``): event texts and messages."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # In the events themselves
    "Work supervision: {title}": "Työnohjaus: {title}",
    "Participant {n}": "Osallistuja {n}",
    "By phone": "Puhelimitse",
    "This meeting is cancelled.": "Tämä tapaaminen on peruttu.",
    "This meeting is cancelled: the supervision process has ended.": "Tämä tapaaminen on peruttu: työnohjausprosessi on päättynyt.",
    "Meeting {n} of {total}": "Tapaaminen {n}/{total}",
    "Moved from {time}.": "Siirretty, alkuperäinen aika {time}.",
    "Place: {place}": "Paikka: {place}",
    "Online: {link}": "Etäyhteys: {link}",
    "Participants: {names}": "Osallistujat: {names}",
    "Supervisor: {contact}": "Työnohjaaja: {contact}",
    "Co-supervisor: {name}": "Parityönohjaaja: {name}",
    "Please cancel at least {count} hour before the start.": (
        "Mahdolliset peruutukset viimeistään {count} tunti ennen alkua."
    ),
    "Please cancel at least {count} hours before the start.": (
        "Mahdolliset peruutukset viimeistään {count} tuntia ennen alkua."
    ),
    "Invitation: {summary}, {when}": "Kutsu: {summary}, {when}",
    "Cancellation: {summary}, {when}": "Peruutus: {summary}, {when}",
    "Change: {summary}, {when}": "Muutos: {summary}, {when}",
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
    "\n\nWith --every-process: your own calendar of all your work, as one file or (--vdir) a"
    "\nfolder that vdirsyncer syncs to a CalDAV calendar."
    "\n\nExample: tyo ics hoitajat-2027 --meeting 3 --method request --eml -o kutsu.eml": (
        "Vie prosessin tapaamiset kalentereihin; istuntolokista niihin ei päädy mitään."
        "\n\nIlman valintoja --meeting tai --all: yksi .ics-tiedosto kaikista tapaamisista "
        "kalenteriin tuotavaksi."
        "\n\nValinnalla --meeting N: kutsu, jonka kalenterit hyväksyvät, päivittävät ja peruvat "
        "(iTIP)."
        "\n\nValinnalla --every-process: oma kalenterisi kaikesta työstäsi, yhtenä tiedostona "
        "tai (--vdir) kansiona, jonka vdirsyncer synkronoi CalDAV-kalenteriin."
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
    "Wrote {count} file to {path}.": "Tallennettu {count} tiedosto kansioon {path}.",
    "Wrote {count} files to {path}.": "Tallennettu {count} tiedostoa kansioon {path}.",
    "Wrote {count} meeting to {path}.": "Tallennettu {count} tapaaminen tiedostoon {path}.",
    "Wrote {count} meetings to {path}.": "Tallennettu {count} tapaamista tiedostoon {path}.",
    # --- the supervisor's own calendar (--every-process, --vdir) ---------------------------
    "The process's id (none with --every-process).": "Prosessin tunnus (ei --every-processin kanssa).",
    "Name participants by initials (by codes when initials coincide); an invitation still carries the e-mail addresses it is delivered to.": (
        "Nimeä osallistujat nimikirjaimin (koodein, jos nimikirjaimet ovat samat); kutsussa ovat silti sähköpostiosoitteet, joihin se toimitetaan."
    ),
    "Your own calendar: every meeting of every open process, the client and process in the title.": (
        "Oma kalenterisi: jokaisen avoimen prosessin jokainen tapaaminen, otsikossa asiakas ja prosessi."
    ),
    "With --every-process: keep DIR as a vdir (one .ics per meeting) for khal and vdirsyncer.": (
        "--every-processin kanssa: pidä kansio DIR vdir-kansiona (yksi .ics tapaamista kohden) khalia ja vdirsynceriä varten."
    ),
    "With --every-process: meetings from DATE on.": "--every-processin kanssa: tapaamiset päivästä DATE alkaen.",
    "With --every-process: one client's processes only.": "--every-processin kanssa: vain yhden asiakkaan prosessit.",
    "With --every-process: name the participants in each event.": "--every-processin kanssa: nimeä osallistujat jokaisessa tapahtumassa.",
    "--every-process takes no PROCESS, --meeting, --all, --method or --eml": "--every-process ei ota PROCESS-tunnusta eikä valitsimia --meeting, --all, --method tai --eml",
    "--from, --client and --participants are for --every-process": "--from, --client ja --participants ovat --every-processia varten",
    "name a PROCESS, or give --every-process": "anna PROCESS-tunnus tai --every-process",
    "{name} has no e-mail address: the invitation does not reach them (add it in processes/{process}.toml)": (
        "henkilöllä {name} ei ole sähköpostiosoitetta: kutsu ei tavoita häntä (lisää se tiedostoon processes/{process}.toml)"
    ),
    "-o and --vdir exclude each other: choose one": "-o ja --vdir sulkevat toisensa pois: valitse toinen",
    "{path} is not tyo's: left as it is": "{path} ei ole tyon kirjoittama: jätetty ennalleen",
    "{path}: added {added}, updated {updated}, removed {removed}.": "{path}: lisätty {added}, päivitetty {updated}, poistettu {removed}.",
    "{path} is damaged: remove it and write the folder again": "{path} on vioittunut: poista se ja kirjoita kansio uudelleen",
}
