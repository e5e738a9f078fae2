"""A month of a supervisor's work through the command line only, no file edited by hand:
a participant joins mid-process, the place changes, meetings are logged and one is
cancelled late, what is pending shows, and the month is invoiced (issue 12)."""

from __future__ import annotations

import pytest

from tests.conftest import Tyo


def test_a_month_through_the_command_line(tyo: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    def at(now: str, *args: str) -> str:
        monkeypatch.setenv("TYO_NOW", now)
        result = tyo(*args)
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    at("2027-02-01 09:00", "init", "--name", "Maija Mallikas", "--email", "maija@example.fi",
       "--business-id", "1234567-1", "--iban", "FI21 1234 5600 0007 85",
       "--address", "Esimerkkitie 1\\n90100 Oulu", "--rate", "95")  # fmt: skip
    at("2027-02-01 09:05", "client", "add", "pohde", "--name", "Pohjoisen hyvinvointialue",
       "--address", "PL 10\\n90029 Oulu", "--payment-days", "14")  # fmt: skip
    at("2027-02-01 09:10", "new-process", "hoitajat", "--client", "pohde", "--kind", "ryhmä",
       "--start", "2.2.2027 klo 14.00", "--every", "1vk", "--count", "4", "--duration", "1,5h",
       "--participant", "Aino Virtanen <aino@example.fi>",
       "--participant", "Eero Esimerkki <eero@example.fi>",
       "--place", "Kauppurienkatu 10, Oulu", "--title", "Hoitajat")  # fmt: skip
    at("2027-02-02 16:00", "log", "hoitajat", "--present", "Aino", "--present", "Eero",
       "--note", "ensimmäinen")  # fmt: skip

    joined = at("2027-02-05 10:00", "process", "edit", "hoitajat",
                "--add-participant", "Iida Ikonen <iida@example.fi>")  # fmt: skip
    assert "send the invitations of meetings 2, 3, 4 again" in joined
    moved = at("2027-02-05 10:05", "process", "edit", "hoitajat", "--place", "Kirkkokatu 2, Oulu")
    assert moved.startswith("Changed process hoitajat: venue.\n")

    at("2027-02-09 16:00", "log", "hoitajat", "--absent", "Eero", "--note", "toinen")
    at("2027-02-15 20:00", "meeting", "cancel", "hoitajat", "3", "--by", "client")
    invitation = at("2027-02-20 09:00", "ics", "hoitajat", "--meeting", "4").replace("\r\n ", "")
    assert "LOCATION:Kirkkokatu 2\\, Oulu" in invitation
    assert "iida@example.fi" in invitation
    assert "SEQUENCE:2" in invitation

    pending = at("2027-03-01 09:00", "today")
    assert "Not logged\n  Tue 2027-02-23 14:00  hoitajat #4, Kirkkokatu 2, Oulu" in pending
    assert "tyo log hoitajat 4" in pending
    assert "pohde 2027-02: €715.35 not yet invoiced" in pending  # meetings 1, 2 and 3 (late)
    at("2027-03-01 09:05", "log", "hoitajat", "4", "--present", "Aino", "--present", "Iida",
       "--note", "neljäs")  # fmt: skip
    assert "pohde 2027-02: €953.80 not yet invoiced" in at("2027-03-01 09:06", "today")

    issued = at("2027-03-01 09:10", "invoice", "create", "2027-02", "--client", "pohde")
    # Four items of 90 min at €95 per 45 min: 4 × €190.00 = €760.00; VAT 25.5 % = €193.80.
    assert issued.startswith(
        "Invoice 1000 to pohde: €953.80 (net €760.00, VAT €193.80), due 2027-03-15"
    )
    shown = at("2027-03-01 09:11", "invoice", "show", "1000")
    assert "2027-02-16  Late cancellation (100% charged): Hoitajat" in shown
    summary = at("2027-03-01 09:12", "process", "show", "hoitajat", "--json")
    assert '"name": "Iida Ikonen"' in summary
    assert '"place": "Kirkkokatu 2, Oulu"' in summary
    assert "Not invoiced" not in at("2027-03-01 09:13", "today")
