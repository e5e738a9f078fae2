"""``tyo new-process``: plan a supervision process and its meeting dates."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

import typer

from tyonohjaus_cli.cli import complete, machine, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.cadence import Cadence, CadenceStep, check_cadence
from tyonohjaus_cli.domain.enums import FINNISH_KINDS, KIND_NAMES, ProcessKind, ProcessStatus
from tyonohjaus_cli.domain.models import (
    GROUP_SIZE_FOR_CO_SUPERVISION,
    Goal,
    Meeting,
    Participant,
    Process,
    Venue,
)
from tyonohjaus_cli.domain.parsing import localize, parse_id
from tyonohjaus_cli.domain.planning import PlannedDate, Shift, ShiftCause, gaps, plan
from tyonohjaus_cli.domain.process_edit import check_unique
from tyonohjaus_cli.domain.settings import Break
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_datetime, language, t, tn

_SHORT_KINDS = (ProcessKind.INDIVIDUAL, ProcessKind.ENTREPRENEUR, ProcessKind.CRISIS)


def new_uid() -> str:
    """A meeting's calendar UID: random once, then kept in the store for good."""
    return f"{uuid.uuid4()}@tyo"


def _cadence(every: timedelta | None, count: int | None, cadence: Cadence | None) -> Cadence:
    if cadence is not None:
        if every is not None or count is not None:
            raise UsageError(t("give either --cadence or --every with --count, not both"))
        return cadence
    if every is None or count is None:
        raise UsageError(
            t("say how often and how many: --every 4w --count 10, or --cadence 3x1w,6x3w")
        )
    return check_cadence(Cadence((CadenceStep(count, every),)))


def _holidays_for(start: date, cadence: Cadence, breaks: tuple[Break, ...]) -> dict[date, str]:
    from tyonohjaus_cli.domain.holidays_fi import finnish_holidays

    span = sum(gaps(cadence), timedelta()) + sum((b.last - b.first for b in breaks), timedelta())
    last_year = (start + span + timedelta(days=120)).year
    return finnish_holidays(range(start.year, last_year + 1), language())


def _plan_rows(planned: list[PlannedDate]) -> list[dict[str, Any]]:
    return [
        {
            "n": item.n,
            "start": item.start,
            "moved_from": item.nominal if item.moved else None,
            "reasons": [shift_text(shift) for shift in item.shifts],
        }
        for item in planned
    ]


def new_process(
    process_id: Annotated[
        str, typer.Argument(metavar="ID", help=t("A short id you type, e.g. hoitajat-2027."))
    ],
    client: Annotated[
        str,
        typer.Option(
            help=t("The client's id (see `tyo client list`)."), autocompletion=complete.client_ids
        ),
    ],
    kind: Annotated[
        ProcessKind,
        typer.Option(
            help=t("The kind of supervision."),
            parser=params.choice(ProcessKind, FINNISH_KINDS),
            autocompletion=complete.kinds,
        ),
    ],
    start: Annotated[
        datetime,
        typer.Option(
            help=t('The first meeting, e.g. "2027-01-12 14:00" or "12.1.2027 klo 14.00".'),
            parser=params.local_datetime,
        ),
    ],
    every: Annotated[
        timedelta | None,
        typer.Option(help=t("Interval between meetings, e.g. 4w or 10d."), parser=params.interval),
    ] = None,
    count: Annotated[
        int | None, typer.Option(help=t("How many meetings."), parser=params.count)
    ] = None,
    cadence: Annotated[
        Cadence | None,
        typer.Option(
            help=t(
                "Changing intervals, e.g. 3x1w,6x3w (three weekly, then six every three weeks)."
            ),
            parser=params.cadence,
        ),
    ] = None,
    duration: Annotated[
        int | None,
        typer.Option(
            help=t(
                "Minutes per meeting, e.g. 90, 90min or 1h30 (default 60 for individual, entrepreneur and crisis work, else 90)."
            ),
            parser=params.duration,
        ),
    ] = None,
    participant: Annotated[
        list[Participant] | None,
        typer.Option(
            help=t('A participant, "Name <email>"; repeat for each.'), parser=params.participant
        ),
    ] = None,
    size: Annotated[
        int | None,
        typer.Option(
            help=t("Group size, when not every participant is named."), parser=params.count
        ),
    ] = None,
    place: Annotated[
        str, typer.Option(help=t("Where meetings are held (use \\n between lines)."))
    ] = "",
    online: Annotated[str, typer.Option(help=t("Link of an online meeting."))] = "",
    phone: Annotated[bool, typer.Option("--phone", help=t("Meetings are held by phone."))] = False,
    goal: Annotated[
        list[str] | None, typer.Option(help=t("A goal agreed at the start; repeat for each."))
    ] = None,
    rate: Annotated[
        Decimal | None,
        typer.Option(help=t("Price of a unit without VAT for this process."), parser=params.money),
    ] = None,
    meeting_price: Annotated[
        Decimal | None,
        typer.Option(
            help=t("A fixed price per meeting without VAT, instead of units."), parser=params.money
        ),
    ] = None,
    first_free: Annotated[
        bool,
        typer.Option("--first-free", help=t("The first unit of the first billed meeting is free.")),
    ] = False,
    co_supervisor: Annotated[
        str | None,
        typer.Option(help=t("The co-supervisor's name (parityönohjaus)."), parser=params.name),
    ] = None,
    break_: Annotated[
        list[Break] | None,
        typer.Option(
            "--break",
            metavar="FIRST..LAST",
            help=t("Days off for this process, e.g. 2027-06-21..2027-08-08; repeat for each."),
            parser=params.span,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            help=t(
                "A title for invoices, calendars and summaries (default: asked in a terminal, "
                "else the kind's name)."
            ),
            parser=params.title,
        ),
    ] = None,
    order_number: Annotated[
        str,
        typer.Option(
            help=t("The buyer's order number (ostotilausnumero), carried on its invoices."),
            parser=params.buyer_reference,
        ),
    ] = "",
    contract: Annotated[
        str,
        typer.Option(
            help=t("The framework agreement's id (puitesopimus), carried on its invoices."),
            parser=params.buyer_reference,
        ),
    ] = "",
    proposal: Annotated[
        bool,
        typer.Option(
            "--proposal",
            help=t(
                "Plan it as an offer: on no agenda, calendar or bill until `tyo process accept`."
            ),
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=t("Show the plan without saving it."))
    ] = False,
    as_json: params.JsonOption = False,
) -> None:
    """Plan a new supervision process: its meetings at the agreed interval.

    Planned dates avoid weekends, Finnish public holidays (with Midsummer Eve and Christmas
    Eve) and breaks; every moved date is shown with its reason.

    Example: tyo new-process hoitajat-2027 --client pohde --kind group --start "2027-01-12 14:00" --every 4w --count 10 --duration 90 --participant "Aino Virtanen <aino@example.fi>" --place "Kauppurienkatu 10, Oulu" --goal "Työnjaon selkiyttäminen"
    """
    parse_id(process_id, t("process"))
    planned_cadence = _cadence(every, count, cadence)
    if sum(bool(value) for value in (place, online, phone)) > 1:
        raise UsageError(t("choose one of --place, --online and --phone"))
    if rate is not None and meeting_price is not None:
        raise UsageError(t("choose either --rate (per unit) or --meeting-price, not both"))
    check_unique(tuple(participant or ()))
    store = session.store
    settings = store.settings()
    the_client = store.client(client)
    if title is None:
        title = _title_for(kind, the_client.language)
    minutes = duration or (60 if kind in _SHORT_KINDS else 90)
    first = localize(start, store.zone())
    breaks = tuple(settings.breaks) + tuple(break_ or ())
    holidays = _holidays_for(first.date(), planned_cadence, breaks)
    planned = plan(first, planned_cadence, holidays=holidays, breaks=breaks)
    now = session.now()
    process = Process(
        id=process_id,
        client=the_client.id,
        kind=kind,
        title=title,
        created=now,
        meetings=tuple(
            Meeting(n=item.n, start=item.start, minutes=minutes, uid=new_uid()) for item in planned
        ),
        participants=tuple(participant or ()),
        group_size=size,
        venue=Venue(place.replace("\\n", "\n").strip(), online.strip(), phone),
        goals=tuple(
            Goal(n, text.strip()) for n, text in enumerate(goal or (), start=1) if text.strip()
        ),
        rate=rate,
        meeting_price=meeting_price,
        first_free=first_free,
        co_supervisor=co_supervisor or "",
        breaks=tuple(break_ or ()),
        plan=str(planned_cadence),
        order_number=order_number,
        contract=contract,
        status=ProcessStatus.PROPOSAL if proposal else ProcessStatus.ACTIVE,
    )
    exists = t(
        "process {id!r} exists already: choose another id, or see `tyo process show {id}`",
        id=process_id,
    )
    if store.has_process(process_id):
        raise UsageError(exists)
    if not dry_run:
        with store.transaction(f"new-process {process_id}", now) as change:
            if store.has_process(process_id):  # made meanwhile by another tyo
                raise UsageError(exists)
            change.save_process(process)
    if process.size > GROUP_SIZE_FOR_CO_SUPERVISION and not process.co_supervisor:
        output.warn(
            tn(
                "a group of {size} is over {count} person: consider a co-supervisor "
                "(--co-supervisor)",
                "a group of {size} is over {count} people: consider a co-supervisor "
                "(--co-supervisor)",
                GROUP_SIZE_FOR_CO_SUPERVISION,
                size=process.size,
            )
        )
    rows = _plan_rows(planned)
    if as_json:
        machine.print_json({"process": process_id, "meetings": rows})
        return
    output.say(
        tn(
            "Planned {count} meeting of {minutes} min for {process} ({client}):",
            "Planned {count} meetings of {minutes} min for {process} ({client}):",
            len(planned),
            minutes=minutes,
            process=process_id,
            client=the_client.name,
        )
    )
    columns = [
        output.Column("n", "#", right=True),
        output.Column("start", t("when"), format_datetime, wrap=False),
        output.Column(
            "moved_from",
            t("moved"),
            lambda day: t("from {day}", day=format_date(day)),
        ),
        output.Column("reasons", t("why"), ", ".join),
    ]
    output.print_table(columns, rows)
    if dry_run:
        output.say(t("Nothing was saved (--dry-run)."))
    elif proposal:
        output.say(
            t(
                "A proposal: `tyo offer {process}` writes the offer, and "
                "`tyo process accept {process}` makes it agreed.",
                process=process_id,
            )
        )
    elif planned[0].start < now:
        output.say(
            t("The process starts in the past: log the meetings already held with `tyo log`.")
        )


def _title_for(kind: ProcessKind, lang: str) -> str:
    """The title a process goes by without ``--title``: asked for in a terminal, else the
    kind's name in the client's language (never the id, which is for typing, not invoices)."""
    import sys

    named = t(KIND_NAMES[kind], lang=lang)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return named
    answer: str = typer.prompt(t("A title for invoices and calendars"), default=named)
    return params.title(answer)


def _break_span(span: str) -> str:
    """A break ``2027-06-21..2027-08-08`` as the interface writes dates: English keeps the
    form ``--break`` takes; Finnish reads ``21.6.2027–8.8.2027``."""
    from datetime import date

    from tyonohjaus_cli.i18n import format_date, language

    first, _, last = span.partition("..")
    if language() == "en" or not last:
        return span
    days = [format_date(date.fromisoformat(day), weekday=False) for day in (first, last)]
    return "–".join(days)


def shift_text(shift: Shift) -> str:
    """Why a planned date moved, e.g. ``holiday: Easter Monday``, ``holiday eve: Midsummer Eve``."""
    if shift.cause is ShiftCause.HOLIDAY:
        return t("holiday: {name}", name=shift.detail)
    if shift.cause is ShiftCause.EVE:
        return t("holiday eve: {name}", name=shift.detail)
    if shift.cause is ShiftCause.BREAK:
        return t("break {span}", span=_break_span(shift.detail))
    if shift.cause is ShiftCause.TAKEN:
        return t("after the previous meeting")
    return t("weekend")
