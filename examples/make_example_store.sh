#!/usr/bin/env bash
# Rebuilds examples/store, the bundled example practice, with tyo itself.
# Every name in it is fictional. Run from the repository root: bash examples/make_example_store.sh
set -euo pipefail
store="$(dirname "$0")/store"
rm -rf "$store"
export TYO_HOME="$store" TYO_NOW="2026-12-01 09:00" TYO_LANG=en
tyo init --name "Maija Mallikas" --email maija@example.fi --business-id 1234567-1 \
    --iban "FI21 1234 5600 0007 85" --bic NDEAFIHH --address "Esimerkkitie 1\n90100 Oulu" \
    --rate 95 --language fi
tyo settings set breaks 2027-06-21..2027-08-08
tyo client add pohde --name "Pohjoisen esimerkkialueen hyvinvointialue" --business-id 7654321-2 \
    --address "PL 10\n90029 Oulu" --email laskutus@example.fi --public --payment-days 21 \
    --rate 110 --lang fi
tyo client add kettu --name "Kettulan Kotihoito Oy" --business-id 2345678-0 \
    --address "Kettulantie 3\n90500 Oulu" --discount 10 --lang fi
tyo new-process hoitajat-2027 --client pohde --kind group --start "2027-01-12 14:00" \
    --every 4w --count 10 --duration 90 --title "Hoitajien ryhmätyönohjaus" \
    --participant "Aino Esimerkki <aino@example.fi>" --participant "Eero Esimerkki <eero@example.fi>" \
    --participant "Iida Esimerkki" --place "Kauppurienkatu 10, Oulu" \
    --goal "Työnjaon selkiyttäminen" --goal "Jaksamisen tukeminen"
tyo new-process kettu-esihenkilo --client kettu --kind leadership --start "12.1.2027 klo 9.00" \
    --every 3w --count 8 --duration 60 --participant "Kaisa Kettunen <kaisa@example.fi>" \
    --online "https://meet.example.fi/kettu" --first-free --goal "Esihenkilön roolin vahvistaminen"
tyo new-process kriisi-2027 --client kettu --kind crisis --start "2027-02-01 12:00" \
    --cadence 3x1w,6x3w --duration 60 --place "Kettulantie 3, Oulu"
rm -rf "$store/.cache" "$store/.lock" "$store/history"
