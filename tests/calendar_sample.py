"""A process to export: ten weekly meetings across the end of summer time (31.10.2027).

Meetings 1-5 fall in Finnish summer time (UTC+3), 6-10 in standard time (UTC+2); every
one is at 14:00 on the clock. Secrets are planted where a careless export could pick
them up (goals, plan, a cancellation's reason, the client's own data).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from tyonohjaus_cli.domain import meetings as meeting_ops
from tyonohjaus_cli.domain.enums import CancelledBy, ProcessKind
from tyonohjaus_cli.domain.models import Client, Goal, Meeting, Participant, Process, Venue
from tyonohjaus_cli.domain.settings import Settings, Supervisor

HELSINKI = ZoneInfo("Europe/Helsinki")
SECRET = "SALAISUUS-7f3a"
FIRST = datetime(2027, 9, 28, 14, 0, tzinfo=HELSINKI)
SUMMER_TIME_ENDS = datetime(2027, 10, 31, 4, 0, tzinfo=HELSINKI)


def uid(n: int) -> str:
    return f"{n:02d}-5d0c3b1e-7a40-4c1f-9a55-3f2b8f0d6a21@tyo"


def settings() -> Settings:
    return Settings(
        supervisor=Supervisor(
            name="Maija Mallikas",
            email="maija@example.fi",
            business_id="1234567-1",
            iban="FI2112345600000785",
            phone="040 123 4567",
            address=f"Esimerkkitie 1, Oulu {SECRET}",
        ),
        rate=Decimal("95.00"),
    )


def client(language: str = "fi") -> Client:
    return Client(
        id="pohde",
        name="Pohjoisen hyvinvointialue",
        business_id="7654321-2",
        address=f"PL 10, Oulu {SECRET}",
        contact=f"Hanna Hankkija {SECRET}",
        rate=Decimal("120.00"),
        language=language,
    )


def process() -> Process:
    """Ten planned meetings, none moved or cancelled yet."""
    return Process(
        id="hoitajat-2027",
        client="pohde",
        kind=ProcessKind.GROUP,
        title="Hoitajien ryhmätyönohjaus",
        created=datetime(2027, 9, 1, 10, 15, tzinfo=HELSINKI),
        meetings=tuple(
            Meeting(n=n, start=FIRST + timedelta(weeks=n - 1), minutes=90, uid=uid(n))
            for n in range(1, 11)
        ),
        participants=(
            Participant("Aino Virtanen", "aino@example.fi"),
            Participant("Meikäläinen, Matti", "matti@example.fi"),
            Participant("Åsa Öhman"),
        ),
        venue=Venue(place="Kauppurienkatu 10, Oulu"),
        goals=(Goal(1, f"Työnjaon selkiyttäminen {SECRET}"),),
        plan=f"10x1w {SECRET}",
        co_supervisor="",
    )


def changed_process() -> Process:
    """Meeting 3 moved (SEQUENCE 1), meeting 4 cancelled by the client (SEQUENCE 1)."""
    agreed = datetime(2027, 9, 20, 8, 30, tzinfo=HELSINKI)
    moved, _ = meeting_ops.move(
        process(), 3, datetime(2027, 10, 13, 15, 0, tzinfo=HELSINKI), agreed
    )
    notified = datetime(2027, 10, 18, 16, 45, tzinfo=HELSINKI)
    cancelled, _ = meeting_ops.cancel(
        moved, 4, CancelledBy.CLIENT, notified, f"sairaus {SECRET}", now=notified
    )
    return cancelled


def with_participants(base: Process, *people: Participant) -> Process:
    return base._replace(participants=people)
