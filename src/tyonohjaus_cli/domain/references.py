"""Payment references: the Finnish creditor reference (viitenumero) and its RF form.

The Finnish reference is a base number of 3 to 19 digits followed by a check digit:
the base's digits, from the right, are weighted 7, 3, 1, 7, 3, 1, ..., summed, and the
check digit is what brings the sum up to the next multiple of ten (base 1234 gives 12344).
It is printed in groups of five digits from the right, without leading zeros.

The RF form (ISO 11649) puts ``RF`` and two ISO 7064 mod 97-10 check digits in front of
the same digits; python-stdnum computes and validates those.
"""

from __future__ import annotations

from itertools import cycle

_WEIGHTS = (7, 3, 1)
MIN_BASE_DIGITS = 3
MAX_BASE_DIGITS = 19


def check_digit(base: str) -> int:
    """The 7-3-1 check digit of a base of digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(reversed(base), cycle(_WEIGHTS), strict=False)
    )
    return -total % 10


def finnish_reference(base: int | str) -> str:
    """The Finnish reference for ``base`` (e.g. an invoice number): its digits and a check digit.

    >>> finnish_reference(1234)
    '12344'
    """
    digits = str(base).strip()
    if not digits.isdigit() or not digits.isascii() or digits.startswith("0"):
        raise ValueError(f"a reference base is digits without leading zeros, not {base!r}")
    if not MIN_BASE_DIGITS <= len(digits) <= MAX_BASE_DIGITS:
        raise ValueError(
            f"a reference base has {MIN_BASE_DIGITS} to {MAX_BASE_DIGITS} digits, not {len(digits)}"
        )
    return f"{digits}{check_digit(digits)}"


def is_finnish_reference(reference: str) -> bool:
    """Whether ``reference`` (spaces allowed) is a well-formed Finnish reference."""
    digits = reference.replace(" ", "")
    return (
        digits.isascii()
        and digits.isdigit()
        and MIN_BASE_DIGITS + 1 <= len(digits) <= MAX_BASE_DIGITS + 1
        and not digits.startswith("0")
        and check_digit(digits[:-1]) == int(digits[-1])
    )


def format_finnish_reference(reference: str) -> str:
    """Groups of five digits from the right: ``1234561`` → ``12 34561``."""
    digits = reference.replace(" ", "")
    head = len(digits) % 5
    groups = [digits[:head]] if head else []
    groups += [digits[i : i + 5] for i in range(head, len(digits), 5)]
    return " ".join(groups)


def rf_reference(reference: str) -> str:
    """The ISO 11649 form of a Finnish reference, compact: ``12344`` → ``RF0812344``."""
    from stdnum import iso11649
    from stdnum.iso7064 import mod_97_10

    digits = reference.replace(" ", "")
    if not is_finnish_reference(digits):
        raise ValueError(f"not a Finnish reference: {reference!r}")
    # ISO 11649 checks "<reference>RF<check>" with mod 97-10, as IBAN does.
    rf = f"RF{mod_97_10.calc_check_digits(digits + 'RF')}{digits}"
    return str(iso11649.validate(rf))


def format_rf_reference(reference: str) -> str:
    """Groups of four, as ISO 11649 prints it: ``RF08 1234 4``."""
    from stdnum import iso11649

    return str(iso11649.format(reference))


def is_rf_reference(reference: str) -> bool:
    from stdnum import iso11649

    return bool(iso11649.is_valid(reference))
