"""The Finnish of a native review, each phrase as a Finnish supervisor reads it (and its
Swedish and English where the same words are shown)."""

from __future__ import annotations

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
