"""``tyo init`` in a terminal: asks for what an invoice needs, and again on a bad answer.

Run in a real pseudo-terminal, as a new user would meet it (issue 12).
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import Tyo


class Terminal:
    """``tyo`` on the far side of a pseudo-terminal: read what it says, type answers."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        self.child = subprocess.Popen(
            [sys.executable, "-m", "tyonohjaus_cli", *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
        )  # fmt: skip
        os.close(slave)
        self.seen = ""
        self.matched = 0
        """Where the last expected text ended: a prompt seen before does not count again."""

    def expect(self, text: str, timeout: float = 20.0) -> None:
        """Wait for ``text`` in what the terminal shows after the last one expected (the
        same prompt twice is two prompts: an answer typed before the second has printed
        would be read by the first's read of the line)."""
        deadline = time.monotonic() + timeout
        while (found := self.seen.find(text, self.matched)) < 0:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never came; the terminal shows:\n{self.seen}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk:
                    assert text in self.seen[self.matched :], f"{text!r} never came:\n{self.seen}"
                self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        self.matched = found + len(text)

    def answer(self, text: str) -> None:
        os.write(self.master, text.encode() + b"\r")

    def close(self) -> int:
        code = self.child.wait(timeout=20)
        os.close(self.master)
        return code


def _env(store: Path, lang: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TYO_")}
    return env | {"TYO_HOME": str(store), "TYO_LANG": lang, "TYO_NOW": "2027-01-04 09:00"}


def test_init_asks_again_and_for_everything_an_invoice_needs(tmp_path: Path) -> None:
    store = tmp_path / "store"
    term = Terminal(["init"], _env(store, "en"))
    term.expect("Your name: ")
    term.answer("")
    term.expect("an answer is needed here")
    term.expect("Your name: ")  # asked again: answered once it is on the screen
    term.answer("Maija Mallikas")
    term.expect("Your e-mail: ")
    term.answer("maija-at-example")
    term.expect("'maija-at-example' is not an e-mail address")
    term.expect("Your e-mail: ")
    term.answer("maija@example.fi")
    term.expect("Your business ID (Y-tunnus), e.g. 1234567-1 (Enter to skip): ")
    term.answer("1234567-2")
    term.expect("'1234567-2' is not a valid Finnish business ID")
    term.expect("Your business ID (Y-tunnus), e.g. 1234567-1 (Enter to skip): ")
    term.answer("1234567-1")
    term.expect("Your postal address, lines separated by \\n (Enter to skip): ")
    term.answer("Esimerkkitie 1\\n90100 Oulu")
    term.expect("Your bank account (IBAN) for invoices (Enter to skip): ")
    term.answer("FI21 1234 5600 0007 86")
    term.expect("is not a valid IBAN")
    term.expect("Your bank account (IBAN) for invoices (Enter to skip): ")
    term.answer("FI21 1234 5600 0007 85")
    term.expect("Default price of a unit (€, without VAT): ")
    term.answer("95,5 euroa")
    term.expect("is not an amount of euros")
    term.expect("Default price of a unit (€, without VAT): ")
    term.answer("95,50")
    term.expect("Created the store at")
    assert term.close() == 0
    settings = tomllib.loads((store / "settings.toml").read_text())
    assert settings["supervisor"] == settings["supervisor"] | {
        "name": "Maija Mallikas",
        "email": "maija@example.fi",
        "business_id": "1234567-1",
        "address": "Esimerkkitie 1\n90100 Oulu",
        "iban": "FI21 1234 5600 0007 85",
    }
    assert term.seen.count("Your name: ") == 2


def test_what_an_invoice_needs_may_be_skipped_in_finnish(tmp_path: Path) -> None:
    store = tmp_path / "store"
    term = Terminal(["init", "--name", "Maija Mallikas", "--rate", "95"], _env(store, "fi"))
    term.expect("Sähköpostiosoitteesi: ")
    term.answer("maija@example.fi")
    for _ in range(3):  # business ID, address, bank account
        term.expect("(Enter ohittaa): ")
        term.answer("")
    term.expect("Tallennuskansio luotu")
    assert term.close() == 0
    supervisor = tomllib.loads((store / "settings.toml").read_text())["supervisor"]
    assert (supervisor.get("business_id", ""), supervisor.get("iban", "")) == ("", "")


def test_invoice_create_names_everything_missing_at_once(
    tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        tyo("init", "--name", "Maija Mallikas", "--email", "m@example.fi", "--rate", "95").exit_code
        == 0
    )
    assert tyo("client", "add", "pohde", "--name", "Pohjoisen hyvinvointialue").exit_code == 0
    planned = tyo("new-process", "p", "--client", "pohde", "--kind", "individual",
                  "--start", "2027-01-05 10:00", "--every", "1w", "--count", "1")  # fmt: skip
    assert planned.exit_code == 0, planned.output
    monkeypatch.setenv("TYO_NOW", "2027-01-05 12:00")
    assert tyo("log", "p", "--attendance", "1", "--note", "x").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    result = tyo("invoice", "create", "2027-01", "--client", "pohde")
    assert (result.exit_code, result.stderr) == (
        2,
        (
            "tyo: an invoice needs your business ID: `tyo settings set business_id 1234567-1`; "
            'your address: `tyo settings set address "Esimerkkitie 1\\n90100 Oulu"`; '
            'your bank account: `tyo settings set iban "FI21 1234 5600 0007 85"`; '
            "pohde's billing address: `tyo client edit pohde --address ...`; nothing was issued\n"
        ),
    )


def test_new_process_asks_for_a_title_in_a_terminal(tmp_path: Path) -> None:
    store = tmp_path / "store"
    env = _env(store, "en")
    for args in (
        ["init", "--name", "Maija Mallikas", "--email", "m@example.fi", "--rate", "95"],
        ["client", "add", "pohde", "--name", "Pohjoisen hyvinvointialue"],
    ):
        subprocess.run(
            [sys.executable, "-m", "tyonohjaus_cli", *args], env=env, check=True,
            stdin=subprocess.DEVNULL, capture_output=True,
        )  # fmt: skip
    plan = ["--client", "pohde", "--kind", "group", "--start", "2027-01-12 14:00",
            "--every", "4w", "--count", "2"]  # fmt: skip
    for process, typed, title in (("a", "Hoitajat", "Hoitajat"), ("b", "", "ryhmätyönohjaus")):
        term = Terminal(["new-process", process, *plan], env)
        term.expect("A title for invoices and calendars [ryhmätyönohjaus]: ")
        term.answer(typed)
        term.expect("Planned 2 meetings")
        assert term.close() == 0
        saved = tomllib.loads((store / "processes" / f"{process}.toml").read_text())
        assert saved["title"] == title
