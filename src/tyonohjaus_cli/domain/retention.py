"""What the Accounting Act keeps: issued invoices, six years after the year of issue.

Kirjanpitolaki (1336/1997) 2:10 §: vouchers — an issued invoice and its lines among
them — are kept for at least six years from the end of the year in which the financial
period ended. A sole trader's financial period is the calendar year, so an invoice issued
in 2027 is kept until 31.12.2033. ``tyo forget`` keeps such invoices and says until when.
"""

from __future__ import annotations

from datetime import date

RETENTION_YEARS = 6


def keep_until(issued: date) -> date:
    """The last day an invoice issued on ``issued`` must still be kept."""
    return date(issued.year + RETENTION_YEARS, 12, 31)


def must_keep(issued: date, today: date) -> bool:
    """Whether the Accounting Act still requires keeping an invoice issued on ``issued``."""
    return today <= keep_until(issued)


def same_person(name: str, email: str, query: str) -> bool:
    """Whether ``query`` names this participant: the name (any case and spacing) or e-mail."""

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    wanted = norm(query)
    return bool(wanted) and (norm(name) == wanted or (bool(email) and norm(email) == wanted))
