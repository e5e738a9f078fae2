"""``tyo today`` (and ``tyo`` alone): what is pending, each line with the command for it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from tyonohjaus_cli.cli import output
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain import pending
from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessStatus
from tyonohjaus_cli.i18n import format_date, format_datetime, format_money, t
from tyonohjaus_cli.i18n.months import month_words

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.invoices import Invoice
    from tyonohjaus_cli.domain.overview import AgendaItem
    from tyonohjaus_cli.storage.store import Store


def _line(text: str, command: str) -> tuple[str, str]:
    return text, command


def _meeting_text(item: AgendaItem) -> str:
    where = f", {item.venue}" if item.venue else ""
    return f"{format_datetime(item.start)}  {item.process} #{item.n}{where}"


def _uninvoiced(store: Store, today: date) -> list[tuple[str, str]]:
    """``client month: amount`` lines for past months with items not yet invoiced, over the
    three years a claim lasts (as ``tyo billing`` names them: usecases/loose_ends.py)."""
    from tyonohjaus_cli.domain.parsing import Month
    from tyonohjaus_cli.usecases.loose_ends import earlier_open

    found = earlier_open(store, Month.of(today), now=session.now())
    return [
        _line(
            t(
                "{client} {month}: {amount} not yet invoiced",
                client=item.client,
                month=month_words(item.month),
                amount=format_money(item.gross),
            ),
            f"tyo invoice create {item.month} --client {item.client}",
        )
        for item in sorted(found, key=lambda item: (item.month, item.client))
        if item.gross
    ]


def _maybe_overdue(store: Store, today: date) -> list[Invoice]:
    """The invoices that may be overdue, read whole: the invoice index tells which."""
    from tyonohjaus_cli.storage import invoices as invoice_store

    heads = invoice_store.invoice_heads(store)
    paid = invoice_store.payments(store)
    credited = {head.credit_for for head in heads if head.credit_for is not None}
    return [
        invoice_store.invoice(store, head.number)
        for head in heads
        if head.credit_for is None
        and head.number not in credited | paid.keys()
        and date.fromisoformat(head.due) < today
    ]


def _reviews_due(store: Store, today: date) -> list[tuple[str, str]]:
    from tyonohjaus_cli.domain.goals import all_reviews

    lines = []
    for brief in store.process_briefs(session.now()):
        if brief.status is not ProcessStatus.ACTIVE or not brief.held:
            continue
        process = store.process(brief.id)
        if not process.goals:
            continue
        held = [m for m in process.in_order() if m.status is MeetingStatus.HELD]
        days = [review.day for review in all_reviews(process, store.session_log(process.id))]
        last = pending.review_overdue(held[0].start.date() if held else None, days, today)
        if last is not None:
            text = (
                t("{process}: goals last reviewed {day}", process=process.id, day=format_date(last))
                if days
                else t(
                    "{process}: goals not reviewed since the start, {day}",
                    process=process.id,
                    day=format_date(last),
                )
            )
            lines.append(_line(text, f"tyo goal review {process.id} --goal G --score 1..5"))
    return lines


def today() -> None:
    """Show what is pending: today's and tomorrow's meetings, meetings not yet logged,
    months not yet invoiced, unpaid invoices past due and goals due for a review.

    Each line ends with the command that deals with it. `tyo` alone shows the same.

    Example: tyo today
    """
    from tyonohjaus_cli.domain.parsing import Month
    from tyonohjaus_cli.usecases.loose_ends import CLAIM_MONTHS

    store = session.store
    now = session.now()
    zone = store.zone()
    day = now.date()
    upto = datetime.combine(day + timedelta(days=2), time(), zone)
    # Meetings not logged are sought as far back as open items are, not over all the years.
    since = Month.of(day).shifted(-CLAIM_MONTHS).first
    items = store.agenda(datetime.combine(since, time(), zone), upto)
    sections = [
        (
            t("Today and tomorrow"),
            [
                _line(_meeting_text(item), f"tyo ics {item.process} --meeting {item.n}")
                for item in pending.soon((i for i in items if i.start < upto), now)
            ],
        ),
        (
            t("Not logged"),
            [
                _line(_meeting_text(item), f"tyo log {item.process} {item.n}")
                for item in pending.unlogged(items, now)
            ],
        ),
        (t("Not invoiced"), _uninvoiced(store, day)),
        (
            t("Unpaid past the due date"),
            [
                _line(
                    t(
                        "invoice {number} to {client}: {amount}, due {due}",
                        number=invoice.number,
                        client=invoice.buyer.id,
                        amount=format_money(invoice.totals.gross),
                        due=format_date(invoice.due),
                    ),
                    f"tyo invoice paid {invoice.number}",
                )
                for invoice in pending.overdue(_maybe_overdue(store, day), day)
            ],
        ),
        (t("Goals without a review in six months"), _reviews_due(store, day)),
    ]
    shown = [(heading, lines) for heading, lines in sections if lines]
    if not shown:
        output.say(t("Nothing pending on {day}.", day=format_date(day)))
        return
    width = max(len(text) for _, lines in shown for text, _ in lines)
    for number, (heading, lines) in enumerate(shown):
        if number:
            output.say("")
        output.say(heading)
        for text, command in lines:
            output.say(f"  {text.ljust(width)}  {command}")
