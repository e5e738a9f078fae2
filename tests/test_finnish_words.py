"""Finnish as a native reviewer corrected it (issue 12): each phrase as it now reads."""

from __future__ import annotations

import pytest

from tyonohjaus_cli.i18n import t, tn


def test_planned_meetings_each_of_their_length() -> None:
    one, many = (
        "Planned {count} meeting of {minutes} min for {process} ({client}):",
        "Planned {count} meetings of {minutes} min for {process} ({client}):",
    )
    fields = {"minutes": 90, "process": "hoitajat-2027", "client": "pohde"}
    assert tn(one, many, 8, lang="fi", **fields) == (
        "Suunniteltu 8 tapaamista, kukin 90 min, prosessille hoitajat-2027 (pohde):"
    )
    assert tn(one, many, 1, lang="fi", **fields) == (
        "Suunniteltu 1 tapaaminen, 90 min, prosessille hoitajat-2027 (pohde):"
    )


@pytest.mark.parametrize(
    ("msgid", "fields", "finnish"),
    [
        (
            "a group of {size} is over {count} people: consider a co-supervisor (--co-supervisor)",
            {"size": 14, "count": 12},
            "Ryhmässä on 14 henkeä (yli 12): harkitse parityönohjausta (--co-supervisor)",
        ),
        ("Wrote {path}.", {"path": "lasku-1000.pdf"}, "Tallennettu: lasku-1000.pdf."),
        ("what", {}, "selite"),
        ("Invoice {n} paid on {day}.", {"n": 1000, "day": "10.3.2027"},
         "Lasku 1000 merkitty maksetuksi 10.3.2027."),
        ("{used} of {total} (a unit is {minutes} min)", {"used": "4,22", "total": "16,22",
         "minutes": 45}, "4,22 / 16,22 (ohjaustunti 45 min)"),
    ],
)  # fmt: skip
def test_corrected_phrases(msgid: str, fields: dict[str, object], finnish: str) -> None:
    assert t(msgid, lang="fi", **fields) == finnish


def test_no_store_is_not_found_rather_than_not_there() -> None:
    text = t(
        "no tyo store at {root}: run `tyo init` first (or point --store or TYO_HOME at your store)",
        lang="fi",
        root="/tmp/x",
    )
    assert text.startswith("tyo-tallennuskansiota ei löydy: /tmp/x;")
