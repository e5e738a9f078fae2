"""A group process half-way through, with its session log: the bench of the session tests.

Meetings 1, 2, 4 and 5 are held, 3 was cancelled late by the client; goals were reviewed
at the start (privately) and at the midpoint (partly shared). Secrets are planted in a note,
a theme, a working method and an unshared review: they may appear only where DESIGN.md §2
allows.
"""

from __future__ import annotations

import pytest

from tests.conftest import Tyo

PROCESS = "hoitajat-2027"
NOW = "2027-05-10 09:00"

# Unique, and what such things really look like: the snapshots read as real documents.
SECRET_NOTE = "harkitsee irtisanoutumista"
SECRET_THEME = "kokemus epäasiallisesta kohtelusta"
SECRET_METHOD = "tuolityöskentely Eeron tilanteesta"
SECRET_REVIEW = "Jaksaminen yhä koetuksella, kaksi sairauslomalla"
SECRETS = (SECRET_NOTE, SECRET_THEME, SECRET_METHOD, SECRET_REVIEW)
NAMES = ("Aino Virtanen", "Eero Esimerkki", "Iida Malli", "Outi Koe")
SHARED_COMMENT = "Vastuut on sovittu ja kirjattu"

WITHOUT_GOALS = (
    "new-process", "yksin", "--client", "pohde", "--kind", "individual",
    "--start", "2026-12-01 10:00", "--every", "3w", "--count", "2",
)  # fmt: skip
"""A short individual process without goals or participants named."""

NEW_PROCESS = (
    "new-process", PROCESS, "--client", "pohde", "--kind", "group",
    "--start", "2027-01-12 14:00", "--every", "4w", "--count", "8", "--duration", "90",
    "--title", "Hoitajien ryhmätyönohjaus",
    "--participant", "Aino Virtanen <aino@example.fi>", "--participant", "Eero Esimerkki",
    "--participant", "Iida Malli", "--participant", "Outi Koe",
    "--place", "Kauppurienkatu 10, Oulu",
    "--goal", "Työnjaon selkiyttäminen", "--goal", "Jaksamisen tukeminen",
)  # fmt: skip

STEPS: tuple[tuple[str, ...], ...] = (
    ("log", PROCESS, "1", "--theme", "työnjako", "--theme", "vuorovaikutus",
     "--method", "reflektiivinen tiimi", "--note", "Aloitus: sovittiin pelisäännöt."),
    ("goal", "review", PROCESS, "--goal", "1", "--score", "2", "--date", "2027-01-12",
     "--comment", "Roolit ovat epäselviä"),
    ("log", PROCESS, "2", "--absent", "Eero", "--minutes", "75", "--theme", "työnjako",
     "--theme", "palaute", "--note", "Lyhyempi kerta."),
    ("meeting", "cancel", PROCESS, "3", "--by", "client", "--notified", "2027-03-08 16:00"),
    ("log", PROCESS, "4", "--absent", "Outi", "--theme", "jaksaminen", "--theme", SECRET_THEME,
     "--method", SECRET_METHOD, "--note", f"Eero kertoi, että {SECRET_NOTE}."),
    ("log", PROCESS, "5", "--theme", "palaute", "--note", "Väliarviointi tehtiin."),
    ("goal", "review", PROCESS, "--goal", "1", "--score", "4", "--date", "2027-05-04",
     "--shared", "--comment", SHARED_COMMENT),
    ("goal", "review", PROCESS, "--goal", "2", "--score", "3", "--date", "2027-05-04",
     "--comment", SECRET_REVIEW),
    ("goal", "review", PROCESS, "--goal", "2", "--score", "3", "--date", "2027-05-06",
     "--with", "client", "--shared"),
)  # fmt: skip


def registered(command: str) -> bool:
    """Whether this build of tyo has ``command`` (some arrive from other branches)."""
    import tyonohjaus_cli.cli.app  # noqa: F401 - registers the commands by name
    from tyonohjaus_cli.cli.lazy import LazyGroup

    return command in LazyGroup.entries


def build(tyo: Tyo) -> Tyo:
    """Run the sample's commands; every one must succeed."""
    for step in (NEW_PROCESS, *STEPS):
        result = tyo(*step)
        assert result.exit_code == 0, (step, result.output)
    return tyo


def at_midway(tyo: Tyo, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    """Build the sample in ``tyo``'s store and set the clock to 2027-05-10."""
    monkeypatch.setenv("TYO_NOW", NOW)
    return build(tyo)


@pytest.fixture
def midway(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    """The sample process on 2027-05-10, after its midpoint review."""
    return at_midway(initialised, monkeypatch)


@pytest.fixture
def planned(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    """The sample process with nothing logged yet, on the day after meeting 2."""
    monkeypatch.setenv("TYO_NOW", "2027-02-10 09:00")
    result = initialised(*NEW_PROCESS)
    assert result.exit_code == 0, result.output
    return initialised
