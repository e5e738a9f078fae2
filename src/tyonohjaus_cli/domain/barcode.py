"""The Finnish bank barcode (pankkiviivakoodi) as its 54 digits (virtuaaliviivakoodi).

Layout (Finanssiala, Pankkiviivakoodi-opas), all digits:

=========  ===============================================  ======
version 4  ``4`` · account · euros · cents · ``000`` · reference (20) · due (YYMMDD)
version 5  ``5`` · account · euros · cents · RF check (2) · reference (21) · due (YYMMDD)
=========  ===============================================  ======

The account is the Finnish IBAN's 16 digits after ``FI``, the amount 6 + 2 digits (all
zeros when it does not fit), the reference right-aligned with leading zeros, the due
date ``000000`` when there is none. Version 4 carries a Finnish reference, version 5 an
RF reference whose body is digits.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tyonohjaus_cli.domain.references import is_finnish_reference, is_rf_reference

BARCODE_DIGITS = 54
MAX_AMOUNT = Decimal("999999.99")


def _account(iban: str) -> str:
    from stdnum import iban as iban_number

    compact = str(iban_number.validate(iban))
    if not compact.startswith("FI"):
        raise ValueError(f"the bank barcode takes a Finnish IBAN (FI...), not {iban!r}")
    return compact[2:]


def _amount(amount: Decimal) -> str:
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"the bank barcode takes euros and cents, not {amount}")
    # An amount too large for the field is left for the payer to type (spec: all zeros).
    cents = int(amount * 100) if amount <= MAX_AMOUNT else 0
    return f"{cents:08d}"


def _due(due: date | None) -> str:
    return due.strftime("%y%m%d") if due else "000000"


def virtual_barcode(iban: str, amount: Decimal, reference: str, due: date | None) -> str:
    """The 54 digits: version 4 for a Finnish reference, version 5 for an RF reference."""
    account = _account(iban)
    ref = reference.replace(" ", "").upper()
    if ref.startswith("RF"):
        if not is_rf_reference(ref) or not ref[4:].isdigit() or len(ref) > 25:
            raise ValueError(f"the bank barcode takes an RF reference of digits, not {reference!r}")
        body = f"{ref[2:4]}{int(ref[4:]):021d}"
        version = "5"
    else:
        if not is_finnish_reference(ref):
            raise ValueError(f"not a Finnish reference: {reference!r}")
        body = f"000{int(ref):020d}"
        version = "4"
    code = f"{version}{account}{_amount(amount)}{body}{_due(due)}"
    assert len(code) == BARCODE_DIGITS, code  # the layout above adds up to 54
    return code
