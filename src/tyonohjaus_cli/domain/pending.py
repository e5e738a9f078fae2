"""What is pending for a supervisor today: the rules of ``tyo today``. Pure: ``now`` is given.

Five kinds of thing wait for the supervisor: meetings today and tomorrow; past meetings not
yet logged; months with billable items not yet invoiced; invoices unpaid past their due date;
and processes whose goals have had no review in six months.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.enums import MeetingStatus

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.invoices import Invoice
    from tyonohjaus_cli.domain.overview import AgendaItem

REVIEW_MONTHS = 6
"""Goals unreviewed this long call for a review (a six-month review, väliarviointi)."""


def is_unlogged(status: MeetingStatus, start: datetime, minutes: int, now: datetime) -> bool:
    """A meeting over by ``now`` and still only planned: never logged (kirjaamatta)."""
    return status is MeetingStatus.PLANNED and start + timedelta(minutes=minutes) <= now


def soon(items: Iterable[AgendaItem], now: datetime) -> list[AgendaItem]:
    """Meetings still planned today and tomorrow that have not ended yet."""
    last = now.date() + timedelta(days=1)
    return [
        item
        for item in items
        if item.status is MeetingStatus.PLANNED
        and item.start.date() <= last
        and not is_unlogged(item.status, item.start, item.minutes, now)
    ]


def unlogged(items: Iterable[AgendaItem], now: datetime) -> list[AgendaItem]:
    """Past meetings never logged, oldest first."""
    return [item for item in items if is_unlogged(item.status, item.start, item.minutes, now)]


def overdue(invoices: Iterable[Invoice], today: date) -> list[Invoice]:
    """Invoices (not credit notes, not credited) unpaid after their due date."""
    from tyonohjaus_cli.domain.invoice_status import InvoiceStatus
    from tyonohjaus_cli.domain.invoices import credited_numbers, invoice_status

    invoices = list(invoices)
    credited = credited_numbers(invoices)
    return [
        invoice
        for invoice in invoices
        if invoice_status(invoice, today, credited) is InvoiceStatus.OVERDUE
    ]


def months_back(day: date, months: int) -> date:
    """``day`` ``months`` months earlier (the 31st becomes the month's last day)."""
    month0 = day.month - 1 - months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)  # pragma: no cover - every month has a 28th


def review_overdue(since: date | None, review_days: Iterable[date], today: date) -> date | None:
    """The day goals were last reviewed (or the process began, ``since``) when that is six
    months or more ago; ``None`` when a review is not due (or there is nothing to review)."""
    if since is None:
        return None
    last = max([since, *review_days])
    return last if last <= months_back(today, REVIEW_MONTHS) else None
