"""The invoice number: one unbroken series for invoices and credit notes, following dates.

The Accounting Act asks for entries that can be followed in order without gaps
(kirjanpitolaki 2:5 §), and the VAT Act for a number that identifies each invoice once
(AVL 209 e §). So the first invoice may continue a series kept elsewhere (``--number``),
and after it each number is the one after the latest: a number that would leave a gap or
go back is refused, as is a date before the latest invoice's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tyonohjaus_cli.domain.invoices import Invoice, next_invoice_number
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

MIN_REFERENCE_BASE = 100
"""The smallest invoice number a Finnish reference can be made from (three digits)."""


def invoice_number(issued: Sequence[Invoice], day: date, wanted: int | None = None) -> int:
    """The number of a new invoice or credit note dated ``day``, after ``issued``.

    ``wanted`` is the number asked for: any of three digits or more for the first invoice
    of the store, else only the next one.
    """
    latest = max(issued, key=lambda invoice: invoice.number, default=None)
    if latest is not None and day < latest.issued:
        raise UsageError(
            t(
                "the invoice date {day} is before invoice {n}'s ({issued}): numbers follow dates",
                day=format_date(day, weekday=False),
                n=latest.number,
                issued=format_date(latest.issued, weekday=False),
            )
        )
    following = next_invoice_number(tuple(issued))
    if wanted is None or wanted == following:
        return following
    if latest is None:
        if wanted < MIN_REFERENCE_BASE:
            raise UsageError(
                t(
                    "--number {n} is too short for a reference number: use {first} or more",
                    n=wanted,
                    first=MIN_REFERENCE_BASE,
                )
            )
        return wanted
    if wanted < following:
        raise UsageError(
            t(
                "--number {n} would go back: the latest invoice is {latest}, and a number is "
                "never used twice nor out of order; leave out --number to get {following}",
                n=wanted,
                latest=latest.number,
                following=following,
            )
        )
    raise UsageError(
        t(
            "--number {n} would leave a gap after invoice {latest}: invoice numbers run "
            "unbroken, as the bookkeeping requires; leave out --number to get {following}",
            n=wanted,
            latest=latest.number,
            following=following,
        )
    )
