"""The supervisor's own calendar kept in step with a real CalDAV server, as a user sets it up.

A Radicale server on 127.0.0.1 (a free port, a folder in tmp_path), tyo's ``--vdir``
synced to it by vdirsyncer with its own configuration, and the calendar read back over
CalDAV with a plain REPORT: every meeting there once; after a move, a cancellation and a
closed process, a second write and sync leaves the moved time with a higher SEQUENCE, the
cancelled one CANCELLED and the closed process's future meetings gone. Radicale and
vdirsyncer are in the ``test`` extra; a missing one fails the test.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.conftest import Tyo

HELSINKI = ZoneInfo("Europe/Helsinki")
CALENDAR = "/maija/tyo/"
NS = {"d": "DAV:", "c": "urn:ietf:params:xml:ns:caldav"}
REPORT = b"""<?xml version="1.0" encoding="utf-8"?>
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/></c:comp-filter></c:filter>
</c:calendar-query>"""


def _tool(name: str) -> str:
    """A console script of the test venv (the ``test`` extra installs it)."""
    path = Path(sys.executable).with_name(name)
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is needed: pip install -e '.[test]'")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _request(port: int, method: str, path: str, body: bytes = b"", **headers: str) -> Any:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body, {"Authorization": "Basic bWFpamE6eA==", **headers})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[int]:
    """A Radicale server with one empty calendar, stopped when the test ends."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "radicale",
            "--server-hosts", f"127.0.0.1:{port}",
            "--storage-filesystem-folder", str(tmp_path / "radicale"),
            "--auth-type", "none",
            "--logging-level", "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                status, _ = _request(port, "MKCALENDAR", CALENDAR)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"radicale did not start: {server.stderr.read()!r}")  # type: ignore[union-attr]
                time.sleep(0.05)
        assert status == 201, status
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def _sync(tmp_path: Path, vdir: Path, port: int) -> None:
    """vdirsyncer with its own configuration in tmp_path, as the README shows it."""
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f"""[general]
status_path = "{tmp_path / "vdirsyncer-status"}"

[pair tyo]
a = "tyo_vdir"
b = "tyo_caldav"
collections = null
conflict_resolution = "a wins"

[storage tyo_vdir]
type = "filesystem"
path = "{vdir}"
fileext = ".ics"

[storage tyo_caldav]
type = "caldav"
url = "http://127.0.0.1:{port}{CALENDAR}"
username = "maija"
password = "x"
""",
        encoding="utf-8",
    )
    vdirsyncer = _tool("vdirsyncer")
    for verb in ("discover", "sync"):
        done = subprocess.run(
            [vdirsyncer, "-c", str(config), verb],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def _server_events(port: int) -> dict[str, Any]:
    """Every VEVENT on the server, by UID, read with a CalDAV REPORT (RFC 4791 §7.8)."""
    status, body = _request(
        port, "REPORT", CALENDAR, REPORT, Depth="1", **{"Content-Type": "application/xml"}
    )
    assert status == 207, body
    events: dict[str, Any] = {}
    # The test's own server on 127.0.0.1 answers: not untrusted XML.
    for data in ET.fromstring(body).iterfind(".//c:calendar-data", NS):  # noqa: S314
        for event in Calendar.from_ical(data.text or "").walk("VEVENT"):
            uid = str(event["UID"])
            assert uid not in events, f"{uid} twice on the server"
            events[uid] = event
    return events


def _process(tyo: Tyo, pid: str, start: str, count: str) -> None:
    result = tyo(
        "new-process", pid, "--client", "pohde", "--kind", "group",
        "--title", f"Ryhmä {pid}", "--start", start, "--every", "2w", "--count", count,
        "--duration", "90", "--participant", "Aino Virtanen <aino@example.fi>",
        "--place", "Kauppurienkatu 10\\nOulu",
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def _uids(tyo: Tyo, pid: str) -> list[str]:
    result = tyo("process", "show", pid, "--json")
    assert result.exit_code == 0, result.output
    import json

    return [m["uid"] for m in json.loads(result.stdout)["meetings"]]


def test_vdir_synced_by_vdirsyncer_to_radicale_follows_moves_cancellations_and_closing(
    initialised: Tyo, radicale: int, tmp_path: Path
) -> None:
    tyo = initialised
    _process(tyo, "hoitajat-2027", "2027-01-12 14:00", "4")
    _process(tyo, "esihenkilot-2027", "2027-01-14 10:00", "3")
    vdir = tmp_path / "calendars" / "tyo"
    foreign = vdir / "syntymapaiva.ics"
    vdir.mkdir(parents=True)
    foreign.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Esimerkki//FI\r\nBEGIN:VEVENT\r\n"
        b"UID:syntymapaiva@example.fi\r\nDTSTAMP:20260101T000000Z\r\n"
        b"DTSTART;VALUE=DATE:20270301\r\nSUMMARY:Syntymapaiva\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )

    first = tyo("ics", "--every-process", "--vdir", str(vdir))
    assert first.exit_code == 0, first.output
    assert first.stdout == f"{vdir}: added 7, updated 0, removed 0.\n"
    _sync(tmp_path, vdir, radicale)
    hoitajat, esihenkilot = _uids(tyo, "hoitajat-2027"), _uids(tyo, "esihenkilot-2027")
    on_server = _server_events(radicale)
    assert set(on_server) == {*hoitajat, *esihenkilot, "syntymapaiva@example.fi"}
    meeting_2 = on_server[hoitajat[1]]
    assert meeting_2["SUMMARY"] == "Pohjoisen hyvinvointialue: Ryhmä hoitajat-2027"
    assert meeting_2["LOCATION"] == "Kauppurienkatu 10\nOulu"
    assert "Aino" not in meeting_2.to_ical().decode()
    assert meeting_2["SEQUENCE"] == 0
    assert meeting_2.decoded("DTSTART") == datetime(2027, 1, 26, 14, 0, tzinfo=HELSINKI)

    assert tyo("meeting", "move", "hoitajat-2027", "2", "--to", "2027-01-27 15:30").exit_code == 0
    assert tyo("meeting", "cancel", "hoitajat-2027", "3", "--by", "client").exit_code == 0
    closed = tyo("process", "close", "esihenkilot-2027", "--cancel-remaining")
    assert closed.exit_code == 0, closed.output
    again = tyo("ics", "--every-process", "--vdir", str(vdir))
    assert again.exit_code == 0, again.output
    # All four rewritten: the others now say "Meeting 1 of 3" (one fewer goes ahead).
    assert again.stdout == f"{vdir}: added 0, updated 4, removed 3.\n"
    _sync(tmp_path, vdir, radicale)

    on_server = _server_events(radicale)
    assert set(on_server) == {*hoitajat, "syntymapaiva@example.fi"}
    moved = on_server[hoitajat[1]]
    assert moved.decoded("DTSTART") == datetime(2027, 1, 27, 15, 30, tzinfo=HELSINKI)
    assert moved.decoded("DTEND") == datetime(2027, 1, 27, 17, 0, tzinfo=HELSINKI)
    assert moved["SEQUENCE"] == 1
    cancelled = on_server[hoitajat[2]]
    assert (cancelled["STATUS"], cancelled["SEQUENCE"]) == ("CANCELLED", 1)
    assert on_server[hoitajat[0]]["STATUS"] == "CONFIRMED"
    assert foreign.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Esim")
    assert tyo("ics", "--every-process", "--vdir", str(vdir)).stdout == (
        f"{vdir}: added 0, updated 0, removed 0.\n"
    )
