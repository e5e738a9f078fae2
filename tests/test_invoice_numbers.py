"""The invoice-number rule in the domain: one unbroken series that follows dates."""

from __future__ import annotations

from datetime import date

import pytest

from tyonohjaus_cli.domain.invoice_numbers import invoice_number
from tyonohjaus_cli.domain.invoices import Invoice
from tyonohjaus_cli.domain.models import Client
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.settings import Supervisor
from tyonohjaus_cli.errors import UsageError


def _issued(number: int, day: date) -> Invoice:
    return Invoice(
        number=number, issued=day, due=day, month=Month(2027, 2),
        seller=Supervisor("Maija Mallikas", "maija@example.fi"), buyer=Client("pohde", "Pohde"),
        lines=(),
    )  # fmt: skip


SERIES = [_issued(1000, date(2027, 3, 2)), _issued(1001, date(2027, 3, 5))]


def test_the_first_number_is_1000_and_each_next_one_follows() -> None:
    assert invoice_number([], date(2027, 3, 1)) == 1000
    assert invoice_number(SERIES, date(2027, 3, 5)) == 1002
    assert invoice_number(SERIES, date(2027, 3, 6), 1002) == 1002


def test_the_first_invoice_may_continue_a_series_kept_elsewhere() -> None:
    assert invoice_number([], date(2027, 3, 1), 2027001) == 2027001
    with pytest.raises(UsageError, match="too short for a reference number: use 100 or more"):
        invoice_number([], date(2027, 3, 1), 99)


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        (1003, "--number 1003 would leave a gap after invoice 1001: "),
        (2000, "--number 2000 would leave a gap after invoice 1001: "),
        (1001, "--number 1001 would go back: the latest invoice is 1001, "),
        (999, "--number 999 would go back: the latest invoice is 1001, "),
    ],
)
def test_a_number_that_leaves_a_gap_or_goes_back_is_refused(wanted: int, message: str) -> None:
    with pytest.raises(UsageError) as refused:
        invoice_number(SERIES, date(2027, 3, 6), wanted)
    assert str(refused.value).startswith(message)
    assert str(refused.value).endswith("leave out --number to get 1002")


def test_numbers_follow_dates() -> None:
    with pytest.raises(UsageError, match=r"2027-03-04 is before invoice 1001's \(2027-03-05\)"):
        invoice_number(SERIES, date(2027, 3, 4))
