"""A billing month built by hand for the billing tests: February 2027, two clients.

pohde (framework price 95.00 per 45 min, 24 h window, 100 % charge, public body):
- hoitajat (group): 2.2. held 90 min; 16.2. cancelled by the client 20 h before (late);
  2.3. still planned (next month). Travel 2.2.: 23.40 + VAT 25.5 %.
- esihenkilot (leadership, 110.00 per unit, first meeting free): 10.2. held 90 min;
  24.2. cancelled by the supervisor.
mehilainen (10 % discount, default price 85.00): aino (individual): 11.2. held 60 min.

A secret is planted everywhere a careless renderer could pick it up: participant names,
goals, the process plan, the cancellation reason.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, ProcessKind
from tyonohjaus_cli.domain.expenses import Expense
from tyonohjaus_cli.domain.models import Client, Goal, Meeting, Participant, Process
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.settings import Settings, Supervisor

HEL = ZoneInfo("Europe/Helsinki")
SECRET = "SALAISUUS-Kx7"
FEBRUARY = Month(2027, 2)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=HEL)


SUPERVISOR = Supervisor(
    name="Tiina Työnohjaaja",
    email="tiina@example.fi",
    business_id="1234567-1",
    iban="FI21 1234 5600 0007 85",
    bic="NDEAFIHH",
    address="Kauppurienkatu 10\n90100 Oulu",
    phone="040 123 4567",
)
SETTINGS = Settings(supervisor=SUPERVISOR, rate=Decimal("85.00"))

POHDE = Client(
    id="pohde",
    name="Pohjois-Pohjanmaan hyvinvointialue",
    business_id="3221308-6",
    address="PL 10\n90029 OYS",
    rate=Decimal("95.00"),
    payment_days=45,
    public_body=True,
)
MEHILAINEN = Client(
    id="mehilainen",
    name="Mehiläinen Oy",
    business_id="1927556-7",
    address="Pohjoisesplanadi 33\n00100 Helsinki",
    discount=Decimal(10),
    language="sv",
)


def meeting(n: int, start: str, minutes: int, **kwargs: object) -> Meeting:
    # A calendar UID is unique in the whole store (`tyo doctor` checks): no two starts here meet.
    return Meeting(n=n, start=at(start), minutes=minutes, uid=f"{start}@tyo", **kwargs)  # type: ignore[arg-type]


HOITAJAT = Process(
    id="hoitajat",
    client="pohde",
    kind=ProcessKind.GROUP,
    title="Hoitajien ryhmätyönohjaus",
    created=at("2027-01-05T09:00"),
    participants=(Participant(f"Aino {SECRET}", "aino@example.fi"),),
    goals=(Goal(1, f"Työnjako {SECRET}"),),
    plan=f"plan {SECRET}",
    meetings=(
        meeting(1, "2027-02-02T14:00", 90, status=MeetingStatus.HELD),
        meeting(
            2,
            "2027-02-16T14:00",
            90,
            status=MeetingStatus.CANCELLED,
            cancelled_by=CancelledBy.CLIENT,
            notified_at=at("2027-02-15T18:00"),
            reason=f"sairaus {SECRET}",
        ),
        meeting(3, "2027-03-02T14:00", 90),
    ),
)
ESIHENKILOT = Process(
    id="esihenkilot",
    client="pohde",
    kind=ProcessKind.LEADERSHIP,
    title="Esihenkilöiden työnohjaus",
    created=at("2027-01-05T09:00"),
    rate=Decimal("110.00"),
    first_free=True,
    meetings=(
        meeting(1, "2027-02-10T10:00", 90, status=MeetingStatus.HELD),
        meeting(
            2,
            "2027-02-24T10:00",
            90,
            status=MeetingStatus.CANCELLED,
            cancelled_by=CancelledBy.SUPERVISOR,
            notified_at=at("2027-02-24T08:00"),
            reason=SECRET,
        ),
    ),
)
AINO = Process(
    id="aino",
    client="mehilainen",
    kind=ProcessKind.INDIVIDUAL,
    title="Yksilötyönohjaus",
    created=at("2027-01-05T09:00"),
    participants=(Participant(f"Aino {SECRET}"),),
    meetings=(meeting(1, "2027-02-11T08:00", 60, status=MeetingStatus.HELD),),
)
PROCESSES = (HOITAJAT, ESIHENKILOT, AINO)
TRAVEL = Expense(
    id="1",
    process="hoitajat",
    day=date(2027, 2, 2),
    amount=Decimal("23.40"),
    description="Matkakulut Oulu–Kempele",
    vat_percent=Decimal("25.5"),
)
EXPENSES = (TRAVEL,)


def seed_store(root: Path) -> None:
    """Write this month's settings, clients and processes straight into a store at ``root``."""
    from tyonohjaus_cli.storage.store import Store

    store = Store(root)
    with store.transaction("seed", datetime(2027, 1, 4, 9, tzinfo=HEL)) as change:
        change.save_settings(SETTINGS)
        change.save_client(POHDE)
        change.save_client(MEHILAINEN)
        for process in PROCESSES:
            change.save_process(process)


EXPENSE_ADD = (
    "expense", "add", "hoitajat", "--date", "2.2.2027", "--amount", "23,40",
    "--description", "Matkakulut Oulu–Kempele",
)  # fmt: skip
"""The month's travel expense, added by command as a supervisor would."""
