"""Decimals written as plain text, the same everywhere (files, JSON, tables)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal


def plain(value: Decimal) -> str:
    """No exponent, no trailing zeros: ``25.5``, ``10``, ``100``, ``0``."""
    return format(value.normalize(), "f")
