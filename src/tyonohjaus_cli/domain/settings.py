"""The store's own settings: the supervisor profile, practice defaults and breaks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.prices import Changes, in_force


class Break(NamedTuple):
    """The supervisor's own break (e.g. summer), both ends inclusive."""

    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def __str__(self) -> str:
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


class Supervisor(NamedTuple):
    """The user (työnohjaaja): one per store."""

    name: str
    email: str
    business_id: str = ""
    iban: str = ""
    bic: str = ""
    address: str = ""
    phone: str = ""
    einvoice_address: str = ""
    """The supervisor's own e-invoice address; by default the OVT of the business ID."""
    operator: str = ""
    """The supervisor's e-invoice operator (intermediator) code, for Finvoice routing."""


class Settings(NamedTuple):
    """The store's own settings: the supervisor profile and practice defaults."""

    supervisor: Supervisor
    rate: Decimal
    vat: VatMode = VatMode.STANDARD
    vat_exempt_ground: str = ""
    unit_minutes: int = 45
    timezone: str = "Europe/Helsinki"
    language: str = ""
    breaks: tuple[Break, ...] = ()
    reference_rates: tuple[tuple[date, Decimal], ...] = ()
    """Half-years of the Interest Act's reference rate (percent) over the table in
    :mod:`domain.interest`: for a half-year newer than the table, or a correction."""
    rate_changes: Changes = ()
    """Dated changes of the default ``rate`` (which is the rate before the first of them)."""

    def rate_on(self, day: date) -> Decimal:
        """The default price per unit on ``day``."""
        return in_force(self.rate, self.rate_changes, day)
