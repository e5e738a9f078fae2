"""What a process will bill if every meeting still planned is held as planned: the offer's
and the agreement's estimated total. Pure.

Not a second price list: the process is billed by :func:`domain.billing.bill_month`, month
by month as its invoices would be, with each planned meeting taken as held. So the estimate
equals, to the cent, what ``tyo billing`` shows once those meetings are logged as held
(VAT is computed per invoice, a month at a time, as billing does).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from tyonohjaus_cli.domain.billing import Bill, bill_month
from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessStatus
from tyonohjaus_cli.domain.models import Client, Process
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.settings import Settings
from tyonohjaus_cli.domain.sums import VatTotal


@dataclass(frozen=True)
class Estimate:
    """The bills of every month of a process, as if each planned meeting were held."""

    bills: tuple[Bill, ...]

    @property
    def by_rate(self) -> tuple[VatTotal, ...]:
        bases: dict[Decimal, Decimal] = defaultdict(Decimal)
        vats: dict[Decimal, Decimal] = defaultdict(Decimal)
        for bill in self.bills:
            for rate in bill.totals.by_rate:
                bases[rate.percent] += rate.base
                vats[rate.percent] += rate.vat
        return tuple(
            VatTotal(percent, bases[percent], vats[percent])
            for percent in sorted(bases, reverse=True)
        )

    @property
    def net(self) -> Decimal:
        return sum((bill.totals.net for bill in self.bills), Decimal(0))

    @property
    def vat(self) -> Decimal:
        return sum((bill.totals.vat for bill in self.bills), Decimal(0))

    @property
    def gross(self) -> Decimal:
        return self.net + self.vat


def as_held(process: Process) -> Process:
    """The process agreed and every meeting still planned held, for as long as planned."""
    return process._replace(
        status=ProcessStatus.ACTIVE,
        meetings=tuple(
            meeting._replace(status=MeetingStatus.HELD)
            if meeting.status is MeetingStatus.PLANNED
            else meeting
            for meeting in process.meetings
        ),
    )


def estimate(settings: Settings, client: Client, process: Process) -> Estimate:
    """What ``process`` bills ``client`` once every planned meeting is held."""
    held = as_held(process)
    months = sorted({Month.of(meeting.start.date()) for meeting in held.meetings})
    return Estimate(tuple(bill_month(settings, client, [held], [], month) for month in months))
