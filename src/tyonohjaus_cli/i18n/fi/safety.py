"""Finnish for hostile and damaged input: links, special files, limits, control characters."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "{text} holds a control character: type text without them (only line breaks and tabs may be in a note)": (
        "{text} sisältää ohjausmerkin: kirjoita teksti ilman niitä (vain rivinvaihdot ja "
        "sarkaimet sopivat muistiinpanoon)"
    ),
    "{path} holds control characters (such as ESC): write the note as text": (
        "{path} sisältää ohjausmerkkejä (kuten ESC): kirjoita muistiinpano tekstinä"
    ),
    "a note longer than {count} character": "muistiinpano on pidempi kuin {count} merkki",
    "a note longer than {count} characters": "muistiinpano on pidempi kuin {count} merkkiä",
    "{text!r} is outside the years tyo plans for (expected {first} to {last})": (
        "{text!r} on vuosien ulkopuolella, joille tyo suunnittelee (odotettiin {first}–{last})"
    ),
    "{name} is in it twice": "{name} on siinä kahdesti",
    "{name} is larger than {size} MB": "{name} on suurempi kuin {size} Mt",
    "{name} has a time outside the years 1900 to 2200": (
        "tiedoston {name} aika on vuosien 1900–2200 ulkopuolella"
    ),
    "{root} is a broken link: name a folder": "{root} on rikkinäinen linkki: anna kansio",
    "the backup was not restored: {error}; the store is as it was": (
        "varmuuskopiota ei palautettu: {error}; tallennuskansio on ennallaan"
    ),
    "more than {count} file": "yli {count} tiedosto",
    "more than {count} files": "yli {count} tiedostoa",
    "it unpacks to more than tyo reads": "se purkautuu suuremmaksi kuin tyo lukee",
    "a percentage from 0 to 100": "prosentti väliltä 0–100",
    "{count} meeting, more than the {limit} a process file may hold; split the process in two (`tyo new-process`)": (
        "{count} tapaaminen, enemmän kuin prosessitiedostossa voi olla ({limit}); jaa "
        "prosessi kahtia (`tyo new-process`)"
    ),
    "{count} meetings, more than the {limit} a process file may hold; split the process in two (`tyo new-process`)": (
        "{count} tapaamista, enemmän kuin prosessitiedostossa voi olla ({limit}); jaa "
        "prosessi kahtia (`tyo new-process`)"
    ),
    "left by the interrupted change: run any tyo command (or `tyo doctor --fix`) to roll it back, then `tyo doctor` again": (
        "keskeytyneen muutoksen jälki: aja mikä tahansa tyo-komento (tai `tyo doctor --fix`), "
        "joka peruu muutoksen, ja sitten `tyo doctor` uudelleen"
    ),
    "replace it with the file or folder itself (or move it out of the store); until then export, forget and import refuse the store": (
        "korvaa se itse tiedostolla tai kansiolla (tai siirrä se pois tallennuskansiosta); "
        "siihen asti export, forget ja import eivät käsittele tallennuskansiota"
    ),
    "a date in the years {first} to {last}": "päivämäärä vuosilta {first}–{last}",
    "nested more than {count} level deep: not a tyo document": (
        "sisäkkäisiä tasoja on yli {count}: ei tyon asiakirja"
    ),
    "nested more than {count} levels deep: not a tyo document": (
        "sisäkkäisiä tasoja on yli {count}: ei tyon asiakirja"
    ),
    "a whole number from {minimum} to {maximum}": "kokonaisluku {minimum}–{maximum}",
    "one line of text, without control characters": ("yksi rivi tekstiä ilman ohjausmerkkejä"),
    "text without control characters": "tekstiä ilman ohjausmerkkejä",
    "a symbolic link: tyo does not follow links inside the store; put the folder or file itself there (`tyo doctor` lists every link)": (
        "symbolinen linkki: tyo ei seuraa linkkejä tallennuskansion sisällä; laita sen "
        "paikalle itse kansio tai tiedosto (`tyo doctor` luettelee kaikki linkit)"
    ),
    "larger than {size} MB, more than tyo reads": (
        "suurempi kuin {size} Mt, enemmän kuin tyo lukee"
    ),
    "larger than {size} kB": "suurempi kuin {size} kt",
    "can't write {path}: it is a device or a FIFO, not a file; name a file": (
        "tiedostoon {path} ei voi kirjoittaa: se on laite tai FIFO, ei tiedosto; anna tiedosto"
    ),
    "write {path} outside the store, not into {root}": (
        "kirjoita {path} tallennuskansion ulkopuolelle, ei kansioon {root}"
    ),
    "not a regular file": "ei tavallinen tiedosto",
    "not a regular file (a FIFO, a device or a socket): tyo reads only plain files in the store; move it out of the store": (
        "ei tavallinen tiedosto (FIFO, laite tai pistoke): tyo lukee tallennuskansiosta vain "
        "tavallisia tiedostoja; siirrä se pois tallennuskansiosta"
    ),
    "{path} is not a plain file (a link, a FIFO or a device): tyo does not use it as its lock; remove it and try again": (
        "{path} ei ole tavallinen tiedosto (linkki, FIFO tai laite): tyo ei käytä sitä "
        "lukkonaan; poista se ja yritä uudelleen"
    ),
    "a valid IBAN such as FI21 1234 5600 0007 85": (
        "kelvollinen IBAN, esimerkiksi FI21 1234 5600 0007 85"
    ),
}
