"""The terms of a process in a document's words: schedule, place, price, estimate,
cancellation and payment. Shared by the offer and the agreement, so both say the same. Pure.

Every figure comes from the store's own values (the client's cancellation window and
payment days, the process's price) or from billing itself (:mod:`estimate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tyonohjaus_cli.domain.billing import unit_price
from tyonohjaus_cli.domain.cadence import parse_cadence
from tyonohjaus_cli.domain.enums import KIND_NAMES, MeetingStatus, VatMode
from tyonohjaus_cli.domain.estimate import Estimate
from tyonohjaus_cli.domain.invoices import PUBLIC_BODY_MAX_PAYMENT_DAYS
from tyonohjaus_cli.domain.models import Client, Meeting, Process
from tyonohjaus_cli.domain.settings import Settings
from tyonohjaus_cli.domain.vat import exemption_ground, vat_rate
from tyonohjaus_cli.domain.writers import Writer
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_money, format_percent, format_time, t, tn


@dataclass(frozen=True)
class Terms:
    """What a process's documents are made of; ``references`` are (label, value) pairs
    such as the framework agreement and the order number."""

    settings: Settings
    client: Client
    process: Process
    estimate: Estimate
    prepared: date
    references: tuple[tuple[str, str], ...] = ()


def planned_meetings(process: Process) -> list[Meeting]:
    """The meetings a document promises: every one not cancelled, by time."""
    return [m for m in process.in_order() if m.status is not MeetingStatus.CANCELLED]


def payment_days(client: Client) -> int:
    """The client's payment days, at most 30 for a public body (as invoices have them)."""
    if client.public_body:
        return min(client.payment_days, PUBLIC_BODY_MAX_PAYMENT_DAYS)
    return client.payment_days


def _interval(delta: timedelta, lang: str) -> str:
    if delta.days % 7 == 0:
        weeks = delta.days // 7
        return tn("every week", "every {count} weeks", weeks, lang=lang)
    return tn("every day", "every {count} days", delta.days, lang=lang)


def _every(delta: timedelta) -> tuple[str, int]:
    """``("week", 4)`` for four weeks, ``("day", 10)`` for ten days."""
    return ("week", delta.days // 7) if delta.days % 7 == 0 else ("day", delta.days)


# One step of a changing cadence, "3 meetings every week": whole phrases for each unit and
# for one or several of it, chosen by tn() on the number of meetings.
_STEP_ONE = {
    ("week", True): "{count} meeting every week",
    ("week", False): "{count} meeting every {every} weeks",
    ("day", True): "{count} meeting every day",
    ("day", False): "{count} meeting every {every} days",
}
_STEP_MANY = {
    ("week", True): "{count} meetings every week",
    ("week", False): "{count} meetings every {every} weeks",
    ("day", True): "{count} meetings every day",
    ("day", False): "{count} meetings every {every} days",
}


def interval_text(process: Process, lang: str) -> str:
    """``every 4 weeks``; a changing cadence step by step."""
    return plan_text(process.plan, lang)


def plan_text(plan: str, lang: str) -> str:
    """A process's ``plan`` (``10x4w``, ``3x1w,6x3w``) in words: ``every 4 weeks``."""
    try:
        cadence = parse_cadence(plan)
    except UsageError:
        return ""  # an unusual plan written by hand: the dates below say it all
    steps = cadence.steps
    if len(steps) == 1:
        return _interval(steps[0].interval, lang)
    phrases = []
    for step in steps:
        unit, every = _every(step.interval)
        key = (unit, every == 1)
        phrases.append(tn(_STEP_ONE[key], _STEP_MANY[key], step.count, lang=lang, every=every))
    return t(", then ", lang=lang).join(phrases)


def place_text(process: Process, lang: str) -> str:
    venue = process.venue
    if venue.phone:
        return t("by phone", lang=lang)
    if venue.online:
        return t("remote, online: {link}", lang=lang, link=venue.online)
    return venue.place_line or t("to be agreed", lang=lang)


def kind_text(process: Process, lang: str) -> str:
    return t(KIND_NAMES[process.kind], lang=lang)


def form_text(process: Process, lang: str) -> str:
    """Individual, or a group of how many, and co-supervision when there is one."""
    size = process.size
    text = (
        tn("{count} participant", "{count} participants", size, lang=lang)
        if size
        else t("participants to be named", lang=lang)
    )
    if process.co_supervisor:
        text += "; " + t("co-supervision with {name}", lang=lang, name=process.co_supervisor)
    return text


def schedule(out: Writer, terms: Terms, lang: str) -> None:
    """Count, length, interval, period and place, then every planned date."""
    meetings = planned_meetings(terms.process)
    minutes = sorted({m.minutes for m in meetings})
    length = ""
    if len(minutes) == 1:
        length = t("{minutes} min each", lang=lang, minutes=minutes[0])
    elif minutes:
        length = t("{low}–{high} min", lang=lang, low=minutes[0], high=minutes[-1])
    period = (
        f"{_day(meetings[0].start.date(), lang)} – {_day(meetings[-1].start.date(), lang)}"
        if meetings
        else ""
    )
    out.facts(
        [
            (
                t("Meetings", lang=lang),
                tn("{count} meeting", "{count} meetings", len(meetings), lang=lang),
            ),
            (t("Length", lang=lang), length),
            (t("Interval", lang=lang), interval_text(terms.process, lang)),
            (t("Period", lang=lang), period),
            (t("Place", lang=lang), place_text(terms.process, lang)),
        ]
    )
    if meetings:
        out.table(
            ["#", t("Date", lang=lang), t("Time", lang=lang), t("Minutes", lang=lang)],
            [
                [
                    str(number),
                    format_date(m.start.date(), lang=lang),
                    f"{format_time(m.start, lang=lang)}–{format_time(m.end, lang=lang)}",
                    str(m.minutes),
                ]
                for number, m in enumerate(meetings, start=1)
            ],
            right={0, 3},
        )


def _day(day: date, lang: str) -> str:
    return format_date(day, lang=lang, weekday=False)


def _price_on(terms: Terms, day: date, lang: str) -> str:
    """The price in force on ``day``, per meeting or per unit, in words."""
    process, settings = terms.process, terms.settings
    per_meeting = process.meeting_price_on(day)
    if per_meeting is not None:
        return t("{price} per meeting", lang=lang, price=format_money(per_meeting, lang=lang))
    return t(
        "{price} per unit of {minutes} min",
        lang=lang,
        price=format_money(unit_price(settings, terms.client, process, day), lang=lang),
        minutes=settings.unit_minutes,
    )


def _first_day(terms: Terms) -> date:
    meetings = planned_meetings(terms.process)
    return meetings[0].start.date() if meetings else terms.prepared


def price_text(terms: Terms, lang: str) -> str:
    """The price of the planned meetings; a dated change during them from its day."""
    pieces: dict[str, date] = {}
    for meeting in planned_meetings(terms.process) or ():
        pieces.setdefault(_price_on(terms, meeting.start.date(), lang), meeting.start.date())
    if not pieces:
        return _price_on(terms, terms.prepared, lang)
    shown = list(pieces.items())
    return "; ".join(
        [
            shown[0][0],
            *(
                t("from {day} {price}", lang=lang, day=_day(day, lang), price=price)
                for price, day in shown[1:]
            ),
        ]
    )


def vat_text(terms: Terms, lang: str) -> str:
    settings = terms.settings
    if settings.vat is VatMode.EXEMPT:
        return t(
            "no VAT: {ground}",
            lang=lang,
            ground=exemption_ground(settings.vat_exempt_ground, lang),
        )
    rates = [rate.percent for rate in terms.estimate.by_rate] or [vat_rate(terms.prepared)]
    return t(
        "{percent}, added to the price",
        lang=lang,
        percent=" / ".join(format_percent(rate, lang=lang) for rate in rates),
    )


def price(out: Writer, terms: Terms, lang: str) -> None:
    """What the price is, then the estimated total by billing's own rules."""
    process, client = terms.process, terms.client
    discount = client.discount_on(_first_day(terms))
    out.facts(
        [
            (t("Price without VAT", lang=lang), price_text(terms, lang)),
            (
                t("First meeting", lang=lang),
                (
                    t("the whole first meeting free", lang=lang)
                    if process.meeting_price is not None
                    else t("the first unit free", lang=lang)
                )
                if process.first_free
                else "",
            ),
            (
                t("Discount", lang=lang),
                format_percent(discount, lang=lang) if discount else "",
            ),
            (t("VAT", lang=lang), vat_text(terms, lang)),
        ]
    )
    estimate = terms.estimate
    rows: list[tuple[str, str]] = [
        (t("Estimated total without VAT", lang=lang), format_money(estimate.net, lang=lang))
    ]
    if terms.settings.vat is not VatMode.EXEMPT:
        rows += [
            (
                t("VAT {percent}", lang=lang, percent=format_percent(rate.percent, lang=lang)),
                format_money(rate.vat, lang=lang),
            )
            for rate in estimate.by_rate
        ]
        rows.append(
            (t("Estimated total with VAT", lang=lang), format_money(estimate.gross, lang=lang))
        )
    out.facts(rows)
    out.paragraph(
        t(
            "The estimate bills every planned meeting as held, by the same rules as the "
            "invoices; a meeting cancelled in time bills nothing.",
            lang=lang,
        )
    )


def cancellation_text(client: Client, lang: str) -> str:
    """The cancellation rule in words, e.g. a cancellation later than 48 h before the start
    is billed at 100 %."""
    if not client.cancel_charge:
        return t(
            "A cancelled or missed meeting is not billed. A cancellation by the supervisor is "
            "never billed; the meeting is moved to a time agreed together.",
            lang=lang,
        )
    return tn(
        "A cancellation by the client later than {count} hour before the start is billed at "
        "{percent}, and so is a meeting missed without notice. A cancellation by the "
        "supervisor is never billed; the meeting is moved to a time agreed together.",
        "A cancellation by the client later than {count} hours before the start is billed at "
        "{percent}, and so is a meeting missed without notice. A cancellation by the "
        "supervisor is never billed; the meeting is moved to a time agreed together.",
        client.cancel_hours,
        lang=lang,
        percent=format_percent(client.cancel_charge, lang=lang),
    )


def payment_text(client: Client, lang: str) -> str:
    return tn(
        "Invoiced monthly for the month's meetings; payment within {count} day net. Late "
        "payment interest under the Interest Act.",
        "Invoiced monthly for the month's meetings; payment within {count} days net. Late "
        "payment interest under the Interest Act.",
        payment_days(client),
        lang=lang,
    )
