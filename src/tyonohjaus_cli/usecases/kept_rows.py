"""A kept answer's rows read back (usecases/kept_bills.py, usecases/loose_ends.py): each
value of the type it was kept as, or :class:`DamagedError`, so that a damaged cache is made
again rather than shown."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


class DamagedError(ValueError):
    """A kept value not of the type it was kept as."""


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise DamagedError
    return value


def whole(value: Any) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise DamagedError
    return value


def optional(value: Any) -> str | None:
    return None if value is None else text(value)


def number(value: Any) -> Decimal:
    """A figure kept as its text (``"126.67"``)."""
    found = Decimal(text(value))
    if not found.is_finite():
        raise DamagedError
    return found


def numeral(value: Any) -> str:
    """A figure shown as kept (``"25.5"``), checked to be one."""
    number(value)
    return text(value)
