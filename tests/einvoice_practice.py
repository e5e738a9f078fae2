"""The e-invoice test practice: seven invoices, each figure computed by hand below.

Seller: Tiina Työnohjaaja (VAT-registered, 1234567-1 → VAT FI12345671, OVT 003712345671,
operator 003721291126), IBAN FI21 1234 5600 0007 85. Buyers (fictional, valid check digits):
pohde, a public body (OVT 003732213086, operator E204503, buyer reference "KP-4410", 45
payment days capped at 30); mehilainen (a company, OVT 003719275565, 10 % discount, 14 days).
Prices excluding VAT; VAT per rate on the rate's total, rounded half up.

| n    | what                                   | lines (net)                                 | net    | VAT                  | gross  | due        |
|------|----------------------------------------|---------------------------------------------|--------|----------------------|--------|------------|
| 1000 | 24 % month, 2024-08 (pohde)            | 20.8. 60 min × 95/45 = 126.67               | 126.67 | 24 %: 30.40          | 157.07 | 2024-10-02 |
| 1001 | 25.5 % month, 2027-02 (pohde)          | 2.2. 90 min × 95/45 = 190.00                | 190.00 | 25.5 %: 48.45        | 238.45 | 2027-04-01 |
| 1002 | first unit free + 10 % (mehilainen)    | 3.3. 90 min × 85/45 = 170.00, −85.00, −8.50 | 76.50  | 25.5 %: 19.51        | 96.01  | 2027-04-15 |
| 1003 | late cancellation + no-show (pohde)    | 6.4. 90 min 190.00; 20.4. 60 min 126.67     | 316.67 | 25.5 %: 80.75        | 397.42 | 2027-06-01 |
| 1004 | expense (pohde)                        | 4.5. 60 min 126.67; travel 23.40; 0 % 6.00  | 156.07 | 25.5 %: 38.27, 0 %: 0 | 194.34 | 2027-07-01 |
| 1005 | credit note of 1001                    | −190.00                                     | −190.00 | 25.5 %: −48.45      | −238.45 | 2027-04-05 |
| 1006 | VAT-exempt supervisor (AVL 3 §), pohde | 1.6. 90 min × 95/45 = 190.00                | 190.00 | none                 | 190.00 | 2027-08-01 |

24 %: 126.67 × 0.24 = 30.4008 → 30.40. 25.5 %: 190 × 0.255 = 48.45; 76.50 × 0.255 =
19.5075 → 19.51; 316.67 × 0.255 = 80.75085 → 80.75; (126.67 + 23.40) × 0.255 = 38.26785 →
38.27. 60 min at 95.00 per 45 min = 126.666… → 126.67. The 0 % line of 1004 is a parking fee
passed on outside the VAT base.

Each process carries the planted secret in its participants, goals and plan, and a
cancellation's reason; none of them may reach an e-invoice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tests.billing_month import HEL, SECRET, at, meeting
from tyonohjaus_cli.domain.billing import bill_month, issue_invoice
from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, ProcessKind, VatMode
from tyonohjaus_cli.domain.expenses import Expense
from tyonohjaus_cli.domain.invoices import Invoice, credit_note
from tyonohjaus_cli.domain.models import Client, Goal, Participant, Process
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.settings import Settings, Supervisor

__all__ = ["HEL", "SECRET", "Expected", "practice"]

SUPERVISOR = Supervisor(
    name="Tiina Työnohjaaja",
    email="tiina@example.fi",
    business_id="1234567-1",
    iban="FI21 1234 5600 0007 85",
    bic="NDEAFIHH",
    address="Kauppurienkatu 10\n90100 Oulu",
    phone="040 123 4567",
    operator="003721291126",
)
SETTINGS = Settings(supervisor=SUPERVISOR, rate=Decimal("85.00"))
EXEMPT = SETTINGS._replace(vat=VatMode.EXEMPT, vat_exempt_ground="vähäinen toiminta (AVL 3 §)")

POHDE = Client(
    id="pohde",
    name="Pohjois-Pohjanmaan hyvinvointialue",
    business_id="3221308-6",
    address="PL 10\n90029 OYS",
    einvoice_address="003732213086",
    operator="E204503",
    buyer_reference="KP-4410",
    rate=Decimal("95.00"),
    payment_days=45,
    public_body=True,
)
MEHILAINEN = Client(
    id="mehilainen",
    name="Mehiläinen Oy",
    business_id="1927556-5",
    address="Pohjoisesplanadi 33\n00100 Helsinki",
    einvoice_address="0216:003719275565",
    operator="003721291126",
    discount=Decimal(10),
    language="sv",
)

_PRIVATE = {
    "participants": (Participant(f"Aino {SECRET}", "aino@example.fi"),),
    "goals": (Goal(1, f"Työnjako {SECRET}"),),
    "plan": f"plan {SECRET}",
}

HOITAJAT = Process(
    id="hoitajat",
    client="pohde",
    kind=ProcessKind.GROUP,
    title="Hoitajien ryhmätyönohjaus",
    created=at("2024-08-01T09:00"),
    order_number="PO-2027-114",
    contract="PS-2024-07",
    meetings=(
        meeting(1, "2024-08-20T14:00", 60, status=MeetingStatus.HELD),
        meeting(2, "2027-02-02T14:00", 90, status=MeetingStatus.HELD),
        meeting(
            3,
            "2027-04-06T14:00",
            90,
            status=MeetingStatus.CANCELLED,
            cancelled_by=CancelledBy.CLIENT,
            notified_at=at("2027-04-05T18:00"),
            reason=f"sairaus {SECRET}",
        ),
        meeting(4, "2027-04-20T14:00", 60, status=MeetingStatus.NO_SHOW),
        meeting(5, "2027-05-04T14:00", 60, status=MeetingStatus.HELD),
        meeting(6, "2027-06-01T14:00", 90, status=MeetingStatus.HELD),
    ),
    **_PRIVATE,  # type: ignore[arg-type]
)
AINO = Process(
    id="aino",
    client="mehilainen",
    kind=ProcessKind.INDIVIDUAL,
    title="Yksilötyönohjaus",
    created=at("2027-01-05T09:00"),
    first_free=True,
    order_number="TIL-55",
    meetings=(meeting(1, "2027-03-03T08:00", 90, status=MeetingStatus.HELD),),
    **_PRIVATE,  # type: ignore[arg-type]
)
PROCESSES = (HOITAJAT, AINO)
EXPENSES = (
    Expense(
        id="1",
        process="hoitajat",
        day=date(2027, 5, 4),
        amount=Decimal("23.40"),
        description="Matkakulut Oulu–Kempele",
        vat_percent=Decimal("25.5"),
    ),
    Expense(
        id="2",
        process="hoitajat",
        day=date(2027, 5, 4),
        amount=Decimal("6.00"),
        description="Pysäköinti",
        vat_percent=Decimal(0),
    ),
)


@dataclass(frozen=True)
class Expected:
    """One invoice of the practice and its figures as computed by hand (module docstring)."""

    invoice: Invoice
    net: str
    vat: dict[str, str]
    """VAT percent → VAT at that rate."""
    gross: str
    due: date
    name: str


def _issue(settings: Settings, client: Client, month: Month, number: int, day: date) -> Invoice:
    bill = bill_month(settings, client, PROCESSES, EXPENSES, month)
    return issue_invoice(bill, settings, number, day)


def practice() -> list[Expected]:
    """The seven invoices, in number order."""
    feb = _issue(SETTINGS, POHDE, Month(2027, 2), 1001, date(2027, 3, 2))
    return [
        Expected(
            _issue(SETTINGS, POHDE, Month(2024, 8), 1000, date(2024, 9, 2)),
            "126.67", {"24": "30.40"}, "157.07", date(2024, 10, 2), "vat-24",
        ),
        Expected(feb, "190.00", {"25.5": "48.45"}, "238.45", date(2027, 4, 1), "vat-25-5"),
        Expected(
            _issue(SETTINGS, MEHILAINEN, Month(2027, 3), 1002, date(2027, 4, 1)),
            "76.50", {"25.5": "19.51"}, "96.01", date(2027, 4, 15), "first-free-discount",
        ),
        Expected(
            _issue(SETTINGS, POHDE, Month(2027, 4), 1003, date(2027, 5, 2)),
            "316.67", {"25.5": "80.75"}, "397.42", date(2027, 6, 1), "cancellation-no-show",
        ),
        Expected(
            _issue(SETTINGS, POHDE, Month(2027, 5), 1004, date(2027, 6, 1)),
            "156.07", {"25.5": "38.27", "0": "0.00"}, "194.34", date(2027, 7, 1), "expense",
        ),
        Expected(
            credit_note(feb, 1005, date(2027, 4, 5)),
            "-190.00", {"25.5": "-48.45"}, "-238.45", date(2027, 4, 5), "credit-note",
        ),
        Expected(
            _issue(EXEMPT, POHDE, Month(2027, 6), 1006, date(2027, 7, 2)),
            "190.00", {"0": "0.00"}, "190.00", date(2027, 8, 1), "vat-exempt",
        ),
    ]  # fmt: skip
