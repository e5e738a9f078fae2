"""The sentences a month's bills add after the figures: meetings not logged yet, and items
of earlier months not yet invoiced."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from tyonohjaus_cli.i18n import format_money, tn
from tyonohjaus_cli.i18n.months import month_words, months_words

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.parsing import Month
    from tyonohjaus_cli.usecases.loose_ends import Earlier


def unlogged_warning(client_id: str, month: Month, unlogged: Sequence[str]) -> str:
    return tn(
        "{count} meeting of {client} in {month} is not logged yet and bills nothing: {meetings} "
        "(log it with `tyo log`)",
        "{count} meetings of {client} in {month} are not logged yet and bill nothing: {meetings} "
        "(log them with `tyo log`)",
        len(unlogged),
        client=client_id,
        month=month_words(month),
        meetings=", ".join(unlogged),
    )


def earlier_warning(found: list[Earlier], month: Month) -> str:
    """A client's items not yet invoiced from months before ``month``, and what to do."""
    client = found[0].client
    count = sum(len(item.items) for item in found)
    return tn(
        "Not yet invoiced: {client} has {count} item from before {month} ({months}, {gross}); "
        "`tyo invoice create --through {month} --client {client}` invoices it with {month}.",
        "Not yet invoiced: {client} has {count} items from before {month} ({months}, {gross}); "
        "`tyo invoice create --through {month} --client {client}` invoices them with {month}.",
        count,
        client=client,
        month=month_words(month),
        months=months_words(item.month for item in found),
        gross=format_money(sum((item.gross for item in found), Decimal(0))),
    )
