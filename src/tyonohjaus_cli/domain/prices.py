"""Dated prices: a price (or a discount %) and the changes to it, each from a date on.

A supervisor's price changes from a date (``--rate 130 --from 2027-03-01``): meetings before
it bill the old price, meetings on and after it the new. The price a meeting bills is the
one :func:`in_force` on its date. ``first`` is the value before any change (``None`` where
the price falls back to another: a client without a rate of its own bills the default).

Changes without a date (``--rate 130``) replace the whole schedule: what is invoiced is
frozen on its invoice, so such a change reaches only what is not yet invoiced.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple, TypeVar

First = TypeVar("First", Decimal, Decimal | None)


class Dated(NamedTuple):
    """A value in force from ``since`` on (until the next change)."""

    since: date
    value: Decimal


Changes = tuple[Dated, ...]
"""A price's dated changes, by date, no two on the same day."""


def in_force(first: First, changes: Sequence[Dated], day: date) -> First | Decimal:
    """The value on ``day``: the latest change on or before it, else ``first``."""
    value: First | Decimal = first
    for change in changes:
        if change.since > day:
            break
        value = change.value
    return value


def changed(
    first: First, changes: Sequence[Dated], value: Decimal, since: date | None
) -> tuple[First | Decimal, Changes]:
    """``(first, changes)`` after setting ``value`` from ``since`` on.

    Without ``since`` the value holds for every day (earlier changes are dropped); with it,
    the days before keep what they had and changes on or after ``since`` give way to it.
    """
    if since is None:
        return value, ()
    kept: Changes = tuple(change for change in changes if change.since < since)
    if in_force(first, kept, since) == value:
        return first, kept  # no change from that day: nothing to record
    return first, (*kept, Dated(since, value))


def latest(first: First, changes: Sequence[Dated]) -> First | Decimal:
    """The value from the last change on (``first`` when there is none)."""
    return changes[-1].value if changes else first


Priced = TypeVar("Priced")


def set_from(priced: Priced, field: str, value: Decimal, since: date | None) -> Priced:
    """``priced`` (settings, a client, a process) with ``field`` set to ``value`` from
    ``since`` on (every day without it), its ``<field>_changes`` kept in step."""
    key = f"{field}_changes"
    first, changes = changed(getattr(priced, field), getattr(priced, key), value, since)
    updated: Priced = priced._replace(**{field: first, key: changes})  # type: ignore[attr-defined]
    return updated


def change_rows(
    first: Decimal | None, changes: Sequence[Dated]
) -> list[tuple[date | None, Decimal | None]]:
    """``(from, value)`` pairs to show a schedule: ``first`` from the beginning (``None``),
    then each change."""
    return [(None, first), *((change.since, change.value) for change in changes)]
