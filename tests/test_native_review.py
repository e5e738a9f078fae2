"""The Finnish of a native review, each phrase as a Finnish supervisor reads it (and its
Swedish and English where the same words are shown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Tyo


def test_an_eve_is_an_eve_and_names_are_lower_case(initialised: Tyo) -> None:
    result = initialised(
        "--lang", "fi", "new-process", "kesa", "--client", "pohde", "--kind", "individual",
        "--start", "2027-05-14 14:00", "--every", "3w", "--count", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "pe 25.6.2027  aattopäivä: juhannusaatto, viikonloppu" in result.stdout
    assert "pyhäpäivä" not in result.stdout
    moved = initialised("--lang", "fi", "meeting", "move", "kesa", "2", "--to", "2027-12-06 10:00")
    assert moved.exit_code == 0, moved.output
    assert "(pyhäpäivä: itsenäisyyspäivä)" in moved.stderr
    added = initialised("--lang", "fi", "meeting", "add", "kesa", "--at", "2027-12-24 10:00")
    assert "(aattopäivä: jouluaatto)" in added.stderr


def test_a_name_stands_where_it_needs_no_case_ending(
    initialised: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tyo = initialised
    made = tyo(
        "new-process", "ryhma", "--client", "pohde", "--kind", "group",
        "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3",
        "--participant", "Aino Virtanen <aino@example.fi>",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 09:00")
    late = ("meeting", "cancel", "ryhma", "1", "--by", "client")
    english = tyo(*late)
    assert english.stdout.splitlines()[1] == (
        "Notified within 24 h of the start: billed at 100 % as agreed with "
        "Pohjoisen hyvinvointialue."
    )
    tyo("undo")
    finnish = tyo("--lang", "fi", *late)
    assert finnish.stdout.splitlines()[1] == (
        "Ilmoitettu alle 24 h ennen alkua: laskutetaan 100 %, kuten tilaajan kanssa on sovittu. "
        "Tilaaja: Pohjoisen hyvinvointialue."
    )
    out = tmp_path / "aino"
    exported = tyo("--lang", "fi", "export", "--participant", "Aino Virtanen", "-o", str(out))
    assert exported.stdout.startswith("Ohjattava Aino Virtanen: tiedot viety 1 prosessista: ")
    markdown = (out / "aino-virtanen.md").read_text()
    assert markdown.startswith("# Ohjattavasta tallennetut tiedot: Aino Virtanen\n")
