"""Finnish for the daily loop: editing a process, what is pending, completion and setup."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- tyo process edit -------------------------------------------------------------------
    "List, show, edit and close supervision processes; accept or decline a proposal.": "Listaa, näytä, muokkaa ja päätä työnohjausprosesseja; hyväksy tai hylkää tarjous.",
    "Change a running process; only the options given change.": "Muuta käynnissä olevaa prosessia; vain annetut valitsimet muuttuvat.",
    'Change a running process; only the options given change.\n\nNothing invoiced changes: a new price holds from --from on, or without --from for every\nmeeting not yet invoiced; a new length reaches only the meetings ahead. A change that\ncalendars show (title, venue, length, participants) names the invitations to send again.\n\nExample: tyo process edit hoitajat-2027 --place "Kirkkokatu 2, Oulu" --add-participant "Olli Oja <olli@example.fi>"': (
        "Muuta käynnissä olevaa prosessia; vain annetut valitsimet muuttuvat.\n\n"
        "Laskutettu ei muutu: uusi hinta on voimassa --from-päivästä alkaen, tai ilman\n"
        "--from-valitsinta kaikissa vielä laskuttamattomissa tapaamisissa; uusi kesto koskee vain tulevia.\n"
        "Kun kalentereissa näkyvä tieto muuttuu (otsikko, paikka, kesto, osallistujat), tyo kertoo,\n"
        "mitkä kutsut lähetetään uudelleen.\n\n"
        'Esimerkki: tyo process edit hoitajat-2027 --place "Kirkkokatu 2, Oulu" --add-participant "Olli Oja <olli@example.fi>"'
    ),
    "A title for invoices, calendars and summaries.": "Otsikko laskuille, kalentereihin ja yhteenvetoihin.",
    "A title for invoices, calendars and summaries (default: asked in a terminal, else the kind's name).": "Otsikko laskuille, kalentereihin ja yhteenvetoihin (oletus: kysytään päätteessä, muuten työnohjauksen laji).",
    "A title for invoices and calendars": "Otsikko laskuille ja kalentereihin",
    "Minutes per meeting from now on, e.g. 90, 1h30 or 1,5h.": "Tapaamisen pituus tästä eteenpäin, esim. 90, 1 h 30 min tai 1,5h.",
    "The first unit of the first meeting is free (or not).": "Ensimmäisen tapaamisen ensimmäinen ohjaustunti on maksuton (tai ei ole).",
    "No co-supervisor any more.": "Ei enää parityönohjaajaa.",
    "Take a break of this process off; repeat for each.": "Poista prosessin tauko; toista jokaiselle.",
    'A new participant, "Name <email>"; repeat for each.': 'Uusi osallistuja, "Nimi <sähköposti>"; toista jokaiselle.',
    "A participant who left (name or first name); repeat for each.": "Pois jäänyt osallistuja (nimi tai etunimi); toista jokaiselle.",
    "Change a participant's e-mail: --set-email Aino aino@example.fi.": "Vaihda osallistujan sähköposti: --set-email Aino aino@example.fi.",
    "choose either --co-supervisor or --no-co-supervisor": "valitse joko --co-supervisor tai --no-co-supervisor",
    "Changed process {id}: {what}.": "Prosessia {id} muutettu: {what}.",
    "title": "otsikko",
    "length of the meetings ahead": "tulevien tapaamisten kesto",
    "Calendars must hear of it: send the invitation of meeting {numbers} again (`tyo ics {process} --meeting {first}`).": "Kalentereille on kerrottava: lähetä tapaamisen {numbers} kutsu uudelleen (`tyo ics {process} --meeting {first}`).",
    "Calendars must hear of it: send the invitations of meetings {numbers} again (`tyo ics {process} --all -o DIR` writes them).": "Kalentereille on kerrottava: lähetä tapaamisten {numbers} kutsut uudelleen (`tyo ics {process} --all -o KANSIO` kirjoittaa ne).",
    "meeting {numbers} falls in the break: move it with `tyo meeting move {process} {first} --to ...` or cancel it": "tapaaminen {numbers} osuu tauolle: siirrä se komennolla `tyo meeting move {process} {first} --to ...` tai peru se",
    "meetings {numbers} fall in the break: move each with `tyo meeting move {process} N --to ...` or cancel it": "tapaamiset {numbers} osuvat tauolle: siirrä kukin komennolla `tyo meeting move {process} N --to ...` tai peru se",
    "{email} is the e-mail of two participants: each person has their own": "{email} on kahden osallistujan sähköposti: jokaisella on omansa",
    "meetings of {process} are invoiced already (invoice {numbers}): whether the first unit is free can't change, or what was invoiced would change with it": "prosessin {process} tapaamisia on jo laskutettu (lasku {numbers}): ensimmäisen ohjaustunnin maksuttomuutta ei voi muuttaa, muuten laskutettukin muuttuisi",
    "--from goes with --rate or --meeting-price: the day the new price holds from": "--from kuuluu valitsimen --rate tai --meeting-price pariksi: päivä, josta uusi hinta on voimassa",
    "nothing to change: give an option such as --place or --title": "ei mitään muutettavaa: anna valitsin, esim. --place tai --title",
    "nothing changed: {process} is like that already": "mikään ei muuttunut: {process} on jo sellainen",
    "{name!r} is a participant already: each person is named once": "{name!r} on jo osallistuja: jokainen nimetään kerran",
    "{process} has no break {span} (its breaks: {breaks})": "prosessilla {process} ei ole taukoa {span} (sen tauot: {breaks})",
    "process {process} names its participants: say who was there with --present NAME or --absent NAME, not --attendance": "prosessin {process} osallistujat on nimetty: kerro paikalla olleet valitsimella --present NIMI tai --absent NIMI, ei --attendance",
    # --- tyo today, tyo agenda ----------------------------------------------------------------
    "Show what is pending, each with the command that deals with it (also `tyo` alone).": "Näytä, mitä on hoitamatta, kukin sen hoitavan komennon kanssa (myös pelkkä `tyo`).",
    "Show what is pending: today's and tomorrow's meetings, meetings not yet logged,\nmonths not yet invoiced, unpaid invoices past due and goals due for a review.\n\nEach line ends with the command that deals with it. `tyo` alone shows the same.\n\nExample: tyo today": (
        "Näytä, mitä on hoitamatta: tämän päivän ja huomisen tapaamiset, kirjaamattomat\n"
        "tapaamiset, laskuttamattomat kuukaudet, erääntyneet maksamattomat laskut ja tavoitteet,\n"
        "joiden arviointi on ajankohtainen.\n\n"
        "Kunkin rivin lopussa on komento, joka sen hoitaa. Pelkkä `tyo` näyttää saman.\n\n"
        "Esimerkki: tyo today"
    ),
    "Today and tomorrow": "Tänään ja huomenna",
    "Not logged": "Kirjaamatta",
    "Not invoiced": "Laskuttamatta",
    "Unpaid past the due date": "Maksamatta eräpäivän jälkeen",
    "Goals without a review in six months": "Tavoitteet ilman arviointia kuuteen kuukauteen",
    "{client} {month}: {amount} not yet invoiced": "{client}: {amount} laskuttamatta {month:ablative}",
    "invoice {number} to {client}: {amount}, due {due}": "lasku {number} tilaajalle {client}: {amount}, eräpäivä {due}",
    "{process}: goals last reviewed {day}": "{process}: tavoitteet arvioitu viimeksi {day}",
    "{process}: goals not reviewed since the start, {day}": "{process}: tavoitteita ei ole arvioitu alun ({day}) jälkeen",
    "Nothing pending on {day}.": "Ei mitään hoitamatta {day}.",
    "not logged": "kirjaamatta",
}
MESSAGES |= {
    # --- did you mean ---------------------------------------------------------------------
    "unknown client {id!r}: did you mean {names}? (`tyo client list` shows the ids)": "tuntematon tilaaja {id!r}: tarkoititko {names}? (`tyo client list` näyttää tunnukset)",
    "unknown process {id!r}: did you mean {names}? (`tyo process list` shows the ids)": "tuntematon prosessi {id!r}: tarkoititko {names}? (`tyo process list` näyttää tunnukset)",
}
MESSAGES |= {
    # --- tyo init in a terminal -------------------------------------------------------------
    "an answer is needed here": "tähän tarvitaan vastaus",
    "Your business ID (Y-tunnus), e.g. 1234567-1 (Enter to skip)": "Y-tunnuksesi, esim. 1234567-1 (Enter ohittaa)",
    "Your postal address, lines separated by \\n (Enter to skip)": "Postiosoitteesi, rivit erotettuina merkinnällä \\n (Enter ohittaa)",
    "Your bank account (IBAN) for invoices (Enter to skip)": "Pankkitilisi (IBAN) laskuille (Enter ohittaa)",
}
MESSAGES |= {
    'Create the store with your supervisor profile.\n\nIn a terminal, asks for what is not given: your name, e-mail, business ID, address,\nbank account and price (the business ID, address and bank account may be skipped, and\nadded later with `tyo settings set`); a bad answer is asked again. With every option\ngiven, asks nothing.\n\nExample: tyo init --name "Maija Mallikas" --email maija@example.fi --business-id 1234567-1 --iban "FI21 1234 5600 0007 85" --rate 95': 'Luo tallennuskansio työnohjaajan tiedoilla.\n\nPäätteessä kysyy, mitä ei annettu: nimesi, sähköpostiosoitteesi, Y-tunnuksesi, osoitteesi,\npankkitilisi ja hinnan (Y-tunnuksen, osoitteen ja pankkitilin voi ohittaa ja lisätä myöhemmin\nkomennolla `tyo settings set`); virheellinen vastaus kysytään uudelleen. Kun kaikki valitsimet\non annettu, ei kysy mitään.\n\nEsimerkki: tyo init --name "Maija Mallikas" --email maija@example.fi --business-id 1234567-1 --iban "FI21 1234 5600 0007 85" --rate 95',
}
