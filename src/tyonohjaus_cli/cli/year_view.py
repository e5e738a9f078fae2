"""``tyo billing year YEAR``'s view: the months with bars, the clients and the total, or
JSON; drawn without Typer, so that :mod:`cli.kept_answers` draws it before the command line
is parsed when it is not kept (Typer and the command tree are ~35 ms of it), and the command
line proper draws it the same way.

What it printed is kept whole (:mod:`usecases.kept_views`) and given as kept next time
while nothing it is drawn from has changed.
"""

from __future__ import annotations

import sys
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli.cli import machine, output
from tyonohjaus_cli.i18n import format_money, t

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.turnover import YearTurnover
    from tyonohjaus_cli.storage.store import Store
    from tyonohjaus_cli.usecases.kept_views import Form

FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years tyo bills."""


def is_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def draw(store: Store, year: int, form: Form, *, now: datetime) -> None:
    """Draw the year's view in ``form`` (``table`` or ``json``) and keep what it printed."""
    from tyonohjaus_cli.cli.kept_answers import printed
    from tyonohjaus_cli.usecases.kept_views import keep_year_view, year_inputs
    from tyonohjaus_cli.usecases.turnover import year_turnover

    inputs = year_inputs(store)  # before anything is read: a change meanwhile draws it again
    turnover = year_turnover(store, year, now=now)
    with printed() as chunks:
        _show(year_summary(turnover.year), form)
    if chunks is not None:  # given as printed next time
        keep_year_view(store, year, form, inputs, chunks, drawn=now, until=turnover.until)


BAR_WIDTH = 40


def _bar(amount: Decimal, most: Decimal) -> str:
    if most <= 0 or amount <= 0:
        return ""
    block = "█" if sys.stdout.isatty() else "#"
    return block * max(1, round(amount / most * BAR_WIDTH))


def year_summary(turnover: YearTurnover) -> dict[str, Any]:
    return {
        "year": turnover.year,
        "months": [{"month": str(month), "net": net} for month, net in turnover.months],
        "clients": [{"client": cid or None, "net": net} for cid, net in turnover.clients],
        "net": turnover.net,
        "vat_exempt": turnover.threshold is not None,
        "threshold": turnover.threshold,
        "over_threshold": turnover.over_threshold,
    }


def _show(summary: dict[str, Any], form: Form) -> None:
    """The year's view: the months with bars, the clients and the total, or JSON."""
    if form == "json":
        machine.print_json(summary)
        return
    year = summary["year"]
    most = max((row["net"] for row in summary["months"]), default=Decimal(0))
    rows = [{**row, "bar": _bar(row["net"], most)} for row in summary["months"]]
    output.print_table(
        [
            output.Column("month", t("month")),
            output.Column("net", t("net"), format_money, right=True),
            output.Column("bar", ""),
        ],
        rows,
        title=t("Turnover {year} without VAT", year=year),
    )
    if summary["clients"]:
        output.say("")
        output.print_table(
            [
                output.Column("client", t("client")),
                output.Column("net", t("net"), format_money, right=True),
            ],
            [
                {**row, "client": row["client"] or t("(forgotten clients)")}
                for row in summary["clients"]
            ],
        )
    output.say(t("Total {net}", net=format_money(summary["net"])))
    threshold = summary["threshold"]
    if threshold is not None:
        if summary["over_threshold"]:
            output.warn(
                t(
                    "the year's turnover {net} is over the VAT small-business threshold {limit}: "
                    "register for VAT and bill VAT (`tyo settings set vat 25.5`)",
                    net=format_money(summary["net"]),
                    limit=format_money(threshold),
                )
            )
        else:
            output.say(
                t(
                    "Below the VAT small-business threshold {limit} by {left}.",
                    limit=format_money(threshold),
                    left=format_money(threshold - summary["net"]),
                )
            )
