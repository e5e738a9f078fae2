"""The billing rules on a month computed by hand (DESIGN.md §5), to the cent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.billing_month import (
    AINO,
    ESIHENKILOT,
    EXPENSES,
    FEBRUARY,
    HOITAJAT,
    MEHILAINEN,
    POHDE,
    PROCESSES,
    SETTINGS,
    at,
    meeting,
)
from tyonohjaus_cli.domain.billing import bill_month, issue_invoice, unit_price
from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, VatMode
from tyonohjaus_cli.domain.invoices import Billed, LineKind, credit_note, due_date, totals
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.errors import UsageError

D = Decimal


def test_pohde_month_by_hand() -> None:
    bill = bill_month(SETTINGS, POHDE, PROCESSES, EXPENSES, FEBRUARY)
    rows = [(line.day, line.kind, line.process, line.amount) for line in bill.lines]
    assert rows == [
        # 90 min group meeting at the client's 95.00 per 45 min: 95 × 90 / 45
        (date(2027, 2, 2), LineKind.MEETING, "hoitajat", D("190.00")),
        (date(2027, 2, 2), LineKind.EXPENSE, "hoitajat", D("23.40")),
        # first meeting free at the process's 110.00: 110 × 2 = 220, less one unit 110
        (date(2027, 2, 10), LineKind.MEETING, "esihenkilot", D("220.00")),
        (date(2027, 2, 10), LineKind.FIRST_FREE, "esihenkilot", D("-110.00")),
        # cancelled by the client 20 h before: 100 % of the planned 90 min
        (date(2027, 2, 16), LineKind.LATE_CANCELLATION, "hoitajat", D("190.00")),
        # 24.2. cancelled by the supervisor: nothing; 2.3. is next month's
    ]
    # 190 + 23.40 + 220 - 110 + 190 = 513.40; VAT 25.5 %: 130.917 -> 130.92
    assert bill.totals.net == D("513.40")
    assert [(r.percent, r.base, r.vat) for r in bill.totals.by_rate] == [
        (D("25.5"), D("513.40"), D("130.92"))
    ]
    assert bill.totals.vat == D("130.92")
    assert bill.totals.gross == D("644.32")


def test_discount_month_by_hand() -> None:
    bill = bill_month(SETTINGS, MEHILAINEN, PROCESSES, EXPENSES, FEBRUARY)
    # default 85.00: 85 × 60 / 45 = 113.333 -> 113.33; 10 % of it 11.333 -> 11.33
    assert [(line.kind, line.amount) for line in bill.lines] == [
        (LineKind.MEETING, D("113.33")),
        (LineKind.DISCOUNT, D("-11.33")),
    ]
    assert bill.lines[1].percent == D(10)
    assert bill.totals.net == D("102.00")
    assert bill.totals.vat == D("26.01")  # 102.00 × 25.5 % = 26.01
    assert bill.totals.gross == D("128.01")


def test_first_free_then_client_discount_on_what_remains() -> None:
    client = POHDE._replace(discount=D("12.5"))
    bill = bill_month(SETTINGS, client, [ESIHENKILOT], [], FEBRUARY)
    # 220.00 - 110.00 = 110.00; 12.5 % of 110.00 = 13.75
    assert [line.amount for line in bill.lines] == [D("220.00"), D("-110.00"), D("-13.75")]
    assert bill.items[0].net == D("96.25")


def test_first_free_applies_only_to_the_first_billed_meeting() -> None:
    later = ESIHENKILOT._replace(
        meetings=(
            *ESIHENKILOT.meetings,
            meeting(3, "2027-03-10T10:00", 90, status=MeetingStatus.HELD),
        ),
    )
    march = bill_month(SETTINGS, POHDE, [later], [], Month(2027, 3))
    assert [line.kind for line in march.lines] == [LineKind.MEETING]
    assert march.totals.net == D("220.00")


def test_first_free_goes_to_the_first_billed_meeting_a_late_cancellation_too() -> None:
    # The audit's case: meeting 1 cancelled by the client 20 h before (charged 100 %), then
    # meeting 2 held. The free unit stays with meeting 1; it does not move to meeting 2.
    cancelled = meeting(
        1, "2027-02-10T10:00", 90, status=MeetingStatus.CANCELLED,
        cancelled_by=CancelledBy.CLIENT, notified_at=at("2027-02-09T14:00"),
    )  # fmt: skip
    held = meeting(2, "2027-02-24T10:00", 90, status=MeetingStatus.HELD)
    process = ESIHENKILOT._replace(meetings=(cancelled, held))
    bill = bill_month(SETTINGS, POHDE, [process], [], FEBRUARY)
    # 110 × 90 / 45 = 220.00 each; one unit (110.00) off the cancellation's 220.00
    assert [(line.item, line.kind, line.amount) for line in bill.lines] == [
        ("esihenkilot#1", LineKind.LATE_CANCELLATION, D("220.00")),
        ("esihenkilot#1", LineKind.FIRST_FREE, D("-110.00")),
        ("esihenkilot#2", LineKind.MEETING, D("220.00")),
    ]
    assert bill.totals.net == D("330.00")
    # Cancelled in time, meeting 1 bills nothing: the held meeting 2 is the first billed.
    in_time = cancelled._replace(notified_at=at("2027-02-08T09:00"))
    bill = bill_month(SETTINGS, POHDE, [process._replace(meetings=(in_time, held))], [], FEBRUARY)
    assert [(line.item, line.amount) for line in bill.lines] == [
        ("esihenkilot#2", D("220.00")),
        ("esihenkilot#2", D("-110.00")),
    ]


def test_first_free_never_takes_more_than_the_meeting() -> None:
    short = ESIHENKILOT._replace(
        meetings=(meeting(1, "2027-02-10T10:00", 30, status=MeetingStatus.HELD),)
    )
    bill = bill_month(SETTINGS, POHDE, [short], [], FEBRUARY)
    # 110 × 30 / 45 = 73.333 -> 73.33, all of it free
    assert [line.amount for line in bill.lines] == [D("73.33"), D("-73.33")]
    assert bill.totals.gross == D("0.00")


def test_meeting_price_bills_per_meeting_whatever_the_length() -> None:
    fixed = HOITAJAT._replace(meeting_price=D("240.00"), rate=D("999"))
    bill = bill_month(SETTINGS, POHDE, [fixed], [], FEBRUARY)
    assert [(line.kind, line.amount, line.units) for line in bill.lines] == [
        (LineKind.MEETING, D("240.00"), D(1)),
        (LineKind.LATE_CANCELLATION, D("240.00"), D(1)),
    ]


def test_held_minutes_are_billed_not_the_planned() -> None:
    longer = AINO._replace(
        meetings=(meeting(1, "2027-02-11T08:00", 45, status=MeetingStatus.HELD, held_minutes=75),),
    )
    bill = bill_month(SETTINGS, MEHILAINEN._replace(discount=D(0)), [longer], [], FEBRUARY)
    assert bill.lines[0].minutes == 75
    assert bill.lines[0].amount == D("141.67")  # 85 × 75 / 45 = 141.666...


def test_price_precedence() -> None:
    assert unit_price(SETTINGS, MEHILAINEN, AINO, FEBRUARY.first) == D("85.00")
    assert unit_price(SETTINGS, POHDE, AINO, FEBRUARY.first) == D("95.00")
    assert unit_price(SETTINGS, POHDE, ESIHENKILOT, FEBRUARY.first) == D("110.00")


@pytest.mark.parametrize(
    ("notified", "charge", "billed"),
    [
        ("2027-02-15T14:00", D(100), None),  # exactly 24 h before: in time
        ("2027-02-15T14:01", D(100), D("190.00")),
        ("2027-02-16T13:00", D(50), D("95.00")),
        ("2027-02-10T09:00", D(100), None),
        ("2027-02-16T13:00", D(0), None),
    ],
)
def test_cancellation_window_and_charge(
    notified: str, charge: Decimal, billed: Decimal | None
) -> None:
    cancelled = meeting(
        1,
        "2027-02-16T14:00",
        90,
        status=MeetingStatus.CANCELLED,
        cancelled_by=CancelledBy.CLIENT,
        notified_at=at(notified),
    )
    process = HOITAJAT._replace(meetings=(cancelled,))
    bill = bill_month(SETTINGS, POHDE._replace(cancel_charge=charge), [process], [], FEBRUARY)
    assert [line.amount for line in bill.lines] == ([billed] if billed else [])


def test_no_show_bills_the_charge_and_the_discount() -> None:
    missed = meeting(1, "2027-02-11T08:00", 60, status=MeetingStatus.NO_SHOW)
    bill = bill_month(
        SETTINGS,
        MEHILAINEN._replace(cancel_charge=D(50)),
        [AINO._replace(meetings=(missed,))],
        [],
        FEBRUARY,
    )
    # 50 % of 113.333 = 56.666 -> 56.67; 10 % of 56.67 = 5.667 -> 5.67
    assert [(line.kind, line.amount) for line in bill.lines] == [
        (LineKind.NO_SHOW, D("56.67")),
        (LineKind.DISCOUNT, D("-5.67")),
    ]


def vat_month(day: str) -> tuple[Decimal, Decimal]:
    held = meeting(1, f"{day}T10:00", 45, status=MeetingStatus.HELD)
    process = AINO._replace(meetings=(held,))
    month = Month.of(date.fromisoformat(day))
    bill = bill_month(SETTINGS, MEHILAINEN._replace(discount=D(0)), [process], [], month)
    (rate,) = bill.totals.by_rate
    return rate.percent, rate.vat


def test_vat_follows_the_service_date() -> None:
    assert vat_month("2024-08-30") == (D(24), D("20.40"))  # 85.00 × 24 %
    assert vat_month("2024-09-02") == (D("25.5"), D("21.68"))  # 85.00 × 25.5 % = 21.675
    # From VAT's start on 1.6.1994 to 30.6.2010 the general rate was 22 %: a long history.
    assert vat_month("2010-06-30") == (D(22), D("18.70"))  # 85.00 × 22 %
    assert vat_month("2010-07-01") == (D(23), D("19.55"))  # 85.00 × 23 %


def test_vat_is_computed_per_rate_on_the_total() -> None:
    lines = bill_month(SETTINGS, MEHILAINEN, PROCESSES, EXPENSES, FEBRUARY).lines
    # Three lines of 0.02 at 25.5 %: per line 0.0051 -> 0.01 each (0.03), on the total 0.06 -> 0.02
    tiny = [replace(lines[0], amount=D("0.02"))] * 3 + [
        replace(lines[0], amount=D("10.00"), vat_percent=D(0))
    ]
    result = totals(tiny)
    assert [(r.percent, r.base, r.vat) for r in result.by_rate] == [
        (D("25.5"), D("0.06"), D("0.02")),
        (D(0), D("10.00"), D("0.00")),
    ]
    assert (result.net, result.vat, result.gross) == (D("10.06"), D("0.02"), D("10.08"))


def test_vat_exempt_bills_no_vat() -> None:
    exempt = SETTINGS._replace(vat=VatMode.EXEMPT, vat_exempt_ground="AVL 3 §")
    bill = bill_month(exempt, POHDE, PROCESSES, EXPENSES, FEBRUARY)
    assert {line.vat_percent for line in bill.lines} == {D(0)}
    assert (bill.totals.net, bill.totals.vat, bill.totals.gross) == (D("513.40"), D(0), D("513.40"))


def test_invoiced_items_are_marked_and_left_out_of_a_new_invoice() -> None:
    first = bill_month(SETTINGS, POHDE, PROCESSES, EXPENSES, FEBRUARY).items[0]
    assert first.key == "hoitajat#1"
    invoiced = {"hoitajat#1": Billed(1000, "pohde", POHDE.name, first.lines)}
    bill = bill_month(SETTINGS, POHDE, PROCESSES, EXPENSES, FEBRUARY, invoiced=invoiced)
    assert [item.invoice for item in bill.items] == [1000, None, None, None]
    assert bill.invoiced_totals.net == D("190.00")
    assert bill.open_totals.net == D("323.40")
    invoice = issue_invoice(bill, SETTINGS, 1001, date(2027, 3, 2))
    assert "hoitajat#1" not in invoice.items
    assert invoice.totals.net == D("323.40")


def test_nothing_left_to_invoice_is_refused() -> None:
    aino_lines = bill_month(SETTINGS, MEHILAINEN, PROCESSES, EXPENSES, FEBRUARY).lines
    bill = bill_month(
        SETTINGS,
        MEHILAINEN,
        PROCESSES,
        EXPENSES,
        FEBRUARY,
        invoiced={"aino#1": Billed(1000, "mehilainen", MEHILAINEN.name, aino_lines)},
    )
    with pytest.raises(UsageError, match="nothing to invoice for mehilainen in 2027-02"):
        issue_invoice(bill, SETTINGS, 1001, date(2027, 3, 2))


def test_invoice_number_reference_and_due_dates() -> None:
    bill = bill_month(SETTINGS, POHDE, PROCESSES, EXPENSES, FEBRUARY)
    invoice = issue_invoice(bill, SETTINGS, 1234, date(2027, 3, 2))
    assert invoice.reference == "12344"
    assert invoice.rf_reference == "RF0812344"
    # pohde asks for 45 days but is a public body: 30 at most
    assert invoice.due == date(2027, 4, 1)
    assert invoice.totals.gross == D("644.32")
    assert invoice.service_period == (date(2027, 2, 2), date(2027, 2, 16))
    assert due_date(date(2027, 3, 2), MEHILAINEN) == date(2027, 3, 16)
    assert due_date(date(2027, 3, 2), POHDE._replace(payment_days=21)) == date(2027, 3, 23)


def test_credit_note_mirrors_the_original() -> None:
    bill = bill_month(SETTINGS, POHDE, PROCESSES, EXPENSES, FEBRUARY)
    original = issue_invoice(bill, SETTINGS, 1000, date(2027, 3, 2))
    credit = credit_note(original, 1001, date(2027, 3, 9))
    assert credit.credit_for == 1000
    assert credit.reference == "10016"
    assert credit.items == original.items
    assert (credit.totals.net, credit.totals.vat, credit.totals.gross) == (
        D("-513.40"),
        D("-130.92"),
        D("-644.32"),
    )


money = st.decimals(min_value=D("1.00"), max_value=D("500.00"), places=2)
percents = st.decimals(min_value=D(0), max_value=D(100), places=1)


@given(
    price=money,
    minutes=st.integers(min_value=15, max_value=240),
    discount=percents,
    first_free=st.booleans(),
    unit=st.sampled_from([45, 60]),
)
def test_money_rules_hold_for_any_meeting(
    price: Decimal, minutes: int, discount: Decimal, first_free: bool, unit: int
) -> None:
    settings = SETTINGS._replace(unit_minutes=unit)
    client = MEHILAINEN._replace(rate=price, discount=discount)
    held = meeting(1, "2027-02-11T08:00", minutes, status=MeetingStatus.HELD)
    process = AINO._replace(meetings=(held,), first_free=first_free)
    bill = bill_month(settings, client, [process], [], FEBRUARY)
    (item,) = bill.items
    billed = item.line.amount
    # price × minutes / unit, to the cent, half up, computed another way: in whole cents
    price_cents = int(price * 100)
    assert billed * 100 == (2 * price_cents * minutes + unit) // (2 * unit)
    assert all(line.amount == line.amount.quantize(D("0.01")) for line in item.lines)
    free = sum((line.amount for line in item.lines if line.kind is LineKind.FIRST_FREE), D(0))
    assert free == (-min(price, billed) if first_free else 0)
    assert 0 <= item.net <= billed
    totals = bill.totals
    assert totals.gross == totals.net + totals.vat
    (rate,) = totals.by_rate
    # 25.5 % half up, in whole cents: (cents × 255 + 500) // 1000
    base_cents = int(rate.base * 100)
    assert rate.vat * 100 == (base_cents * 255 + 500) // 1000
    invoice = issue_invoice(bill, settings, 1000, date(2027, 3, 1))
    mirrored = credit_note(invoice, 1001, date(2027, 3, 2)).totals
    assert (mirrored.net, mirrored.vat, mirrored.gross) == (-totals.net, -totals.vat, -totals.gross)


def test_no_minus_zero_on_discounts_or_credit_notes() -> None:
    client = MEHILAINEN._replace(rate=D("0.30"), discount=D("1"))
    held = meeting(1, "2027-02-11T08:00", 45, status=MeetingStatus.HELD)
    bill = bill_month(SETTINGS, client, [AINO._replace(meetings=(held,))], [], FEBRUARY)
    # 1 % of 0.30 is 0.003: nothing to take off, so no discount line at all
    assert [line.kind for line in bill.lines] == [LineKind.MEETING]
    zero = replace(bill.lines[0], amount=D("0.00"))
    invoice = replace(issue_invoice(bill, SETTINGS, 1000, date(2027, 3, 1)), lines=(zero,))
    credited = credit_note(invoice, 1001, date(2027, 3, 2))
    assert str(credited.lines[0].amount) == "0.00"
    assert str(credited.totals.gross) == "0.00"
