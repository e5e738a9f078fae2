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


def person_key(text: str) -> str:
    """A name or e-mail as compared: any case, any spacing."""
    return " ".join(text.split()).casefold()


def same_person(name: str, email: str, query: str) -> bool:
    """Whether ``query`` names this participant: the name (any case and spacing) or e-mail."""
    wanted = person_key(query)
    return bool(wanted) and (
        person_key(name) == wanted or (bool(email) and person_key(email) == wanted)
    )
