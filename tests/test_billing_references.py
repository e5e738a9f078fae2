"""Finnish and RF references and the virtual barcode, against independent checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tyonohjaus_cli.domain.barcode import virtual_barcode
from tyonohjaus_cli.domain.references import (
    finnish_reference,
    format_finnish_reference,
    format_rf_reference,
    is_finnish_reference,
    rf_reference,
)

invoice_numbers = st.integers(min_value=100, max_value=10**19 - 1)


def independent_check_digit(base: str) -> int:
    """The 7-3-1 rule written the other way round: weights by position from the right."""
    weights = {0: 7, 1: 3, 2: 1}
    total = 0
    for position, digit in enumerate(base[::-1]):
        total += weights[position % 3] * int(digit)
    return (10 - total % 10) % 10


def independent_rf(digits: str) -> str:
    """ISO 11649 by hand: R=27, F=15, check = 98 - (digits + '2715' + '00') mod 97."""
    check = 98 - int(digits + "271500") % 97
    return f"RF{check:02d}{digits}"


def test_the_issue_example() -> None:
    assert finnish_reference(1234) == "12344"


@pytest.mark.parametrize(
    ("base", "reference"),
    [
        ("123", "1232"),
        ("1000", "10003"),
        ("86851625961989", "868516259619897"),
        ("55958224329467", "559582243294671"),
    ],
)
def test_known_references(base: str, reference: str) -> None:
    assert finnish_reference(base) == reference
    assert is_finnish_reference(reference)


@given(invoice_numbers)
def test_reference_matches_an_independent_check(number: int) -> None:
    reference = finnish_reference(number)
    assert reference[:-1] == str(number)
    assert int(reference[-1]) == independent_check_digit(str(number))
    assert is_finnish_reference(reference)


@given(invoice_numbers, st.integers(min_value=0, max_value=9))
def test_a_wrong_check_digit_is_refused(number: int, wrong: int) -> None:
    reference = finnish_reference(number)
    if int(reference[-1]) != wrong:
        assert not is_finnish_reference(reference[:-1] + str(wrong))


@given(invoice_numbers)
def test_rf_matches_an_independent_check(number: int) -> None:
    reference = finnish_reference(number)
    assert rf_reference(reference) == independent_rf(reference)


@pytest.mark.parametrize("base", ["12", "0123", "1" * 20, "12a4", "", "１２３"])
def test_bad_bases_are_refused(base: str) -> None:
    with pytest.raises(ValueError, match="reference base"):
        finnish_reference(base)


@pytest.mark.parametrize(
    ("reference", "printed"),
    [
        ("12344", "12344"),
        ("1234561", "12 34561"),
        ("868516259619897", "86851 62596 19897"),
        ("1232", "1232"),
    ],
)
def test_groups_of_five_from_the_right(reference: str, printed: str) -> None:
    assert format_finnish_reference(reference) == printed


def test_rf_known_examples() -> None:
    assert rf_reference("868516259619897") == "RF09868516259619897"
    assert rf_reference("11112") == "RF9811112"
    assert format_rf_reference("RF09868516259619897") == "RF09 8685 1625 9619 897"


# Examples of the Finnish banks' barcode guide (Finanssiala, Pankkiviivakoodi-opas).
GUIDE = [
    (
        "FI79 4405 2020 0360 82",
        "4883.15",
        "86851 62596 19897",
        date(2010, 6, 12),
        "479440520200360820048831500000000868516259619897100612",
    ),
    (
        "FI58 1017 1000 0001 22",
        "482.99",
        "55958 22432 94671",
        date(2012, 1, 31),
        "458101710000001220004829900000000559582243294671120131",
    ),
    (
        "FI02 5000 4640 0013 02",
        "693.80",
        "69 87567 20834 35364",
        date(2011, 7, 24),
        "402500046400013020006938000000069875672083435364110724",
    ),
    (
        "FI16 8000 1400 0502 67",
        "935.85",
        "78 77767 96566 28687",
        None,
        "416800014000502670009358500000078777679656628687000000",
    ),
    (
        "FI73 3131 3001 0000 58",
        "0.00",
        "8 68624",
        date(2013, 8, 9),
        "473313130010000580000000000000000000000000868624130809",
    ),
    (
        "FI79 4405 2020 0360 82",
        "4883.15",
        "RF09 8685 1625 9619 897",
        date(2010, 6, 12),
        "579440520200360820048831509000000868516259619897100612",
    ),
    (
        "FI39 3636 3002 0924 92",
        "1.03",
        "RF66 5907 3839 0",
        date(2023, 3, 11),
        "539363630020924920000010366000000000000590738390230311",
    ),
]


@pytest.mark.parametrize(("iban", "amount", "reference", "due", "expected"), GUIDE)
def test_barcode_guide_examples(
    iban: str, amount: str, reference: str, due: date | None, expected: str
) -> None:
    assert virtual_barcode(iban, Decimal(amount), reference, due) == expected


def independent_barcode(account: str, cents: int, reference: str, due: date) -> str:
    """Version 4 from the guide's field table, field by field."""
    fields = [
        "4",
        account,
        str(cents // 100).zfill(6),
        str(cents % 100).zfill(2),
        "000",
        reference.rjust(20, "0"),
        due.strftime("%y%m%d"),
    ]
    return "".join(fields)


@given(
    invoice_numbers,
    st.integers(min_value=0, max_value=99_999_999),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_barcode_matches_an_independent_layout(number: int, cents: int, due: date) -> None:
    reference = finnish_reference(number)
    amount = Decimal(cents) / 100
    code = virtual_barcode("FI2112345600000785", amount, reference, due)
    assert len(code) == 54
    assert code.isdigit()
    assert code == independent_barcode("2112345600000785", cents, reference, due)
    rf = rf_reference(reference)
    code5 = virtual_barcode("FI2112345600000785", amount, rf, due)
    assert code5[:25] == "5" + code[1:25]
    assert code5[25:27] == rf[2:4]
    assert int(code5[27:48]) == int(reference)
    assert code5[48:] == code[48:]


def test_barcode_leaves_out_an_amount_too_large() -> None:
    code = virtual_barcode("FI2112345600000785", Decimal("1000000.00"), "12344", date(2027, 2, 14))
    assert code[17:25] == "00000000"


@pytest.mark.parametrize(
    ("iban", "amount", "reference", "problem"),
    [
        ("DE89370400440532013000", "1.00", "12344", "Finnish IBAN"),
        ("FI2112345600000785", "-1.00", "12344", "euros and cents"),
        ("FI2112345600000785", "1.005", "12344", "euros and cents"),
        ("FI2112345600000785", "1.00", "12345", "not a Finnish reference"),
        ("FI2112345600000785", "1.00", "RF18539007547034X", "RF reference"),
    ],
)
def test_barcode_refuses_what_it_cannot_carry(
    iban: str, amount: str, reference: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        virtual_barcode(iban, Decimal(amount), reference, None)


def test_barcode_refuses_a_bad_iban() -> None:
    with pytest.raises(ValueError, match="checksum"):
        virtual_barcode("FI2112345600000786", Decimal("1.00"), "12344", None)
