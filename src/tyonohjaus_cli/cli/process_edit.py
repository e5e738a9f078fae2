"""``tyo process edit``: change a running process; nothing invoiced changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import typer

from tyonohjaus_cli.cli import complete, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.models import Participant, Venue
from tyonohjaus_cli.domain.parsing import parse_email
from tyonohjaus_cli.domain.settings import Break
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t, tn

_CHANGED = {
    "title": "title",
    "venue": "venue",
    "minutes": "length of the meetings ahead",
    "participants": "participants",
    "group_size": "group size",
    "rate": "price",
    "rate_changes": "price",
    "meeting_price": "price",
    "meeting_price_changes": "price",
    "first_free": "first meeting",
    "co_supervisor": "co-supervisor",
    "breaks": "breaks",
    "order_number": "order number",
    "contract": "framework agreement",
}


def edit(
    process_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The process's id."), autocompletion=complete.process_ids
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option(help=t("A title for invoices, calendars and summaries."), parser=params.title),
    ] = None,
    place: Annotated[
        str | None, typer.Option(help=t("Where meetings are held (use \\n between lines)."))
    ] = None,
    online: Annotated[str | None, typer.Option(help=t("Link of an online meeting."))] = None,
    phone: Annotated[bool, typer.Option("--phone", help=t("Meetings are held by phone."))] = False,
    duration: Annotated[
        int | None,
        typer.Option(
            help=t("Minutes per meeting from now on, e.g. 90, 1h30 or 1,5h."),
            parser=params.duration,
        ),
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
    since: params.FromOption = None,
    first_free: Annotated[
        bool | None,
        typer.Option(
            "--first-free/--no-first-free",
            help=t("The first unit of the first meeting is free (or not)."),
            show_default=False,
        ),
    ] = None,
    co_supervisor: Annotated[
        str | None,
        typer.Option(help=t("The co-supervisor's name (parityönohjaus)."), parser=params.name),
    ] = None,
    no_co_supervisor: Annotated[
        bool, typer.Option("--no-co-supervisor", help=t("No co-supervisor any more."))
    ] = False,
    size: Annotated[
        int | None,
        typer.Option(
            help=t("Group size, when not every participant is named."), parser=params.count
        ),
    ] = None,
    add_break: Annotated[
        list[Break] | None,
        typer.Option(
            "--break",
            metavar="FIRST..LAST",
            help=t("Days off for this process, e.g. 2027-06-21..2027-08-08; repeat for each."),
            parser=params.span,
        ),
    ] = None,
    remove_break: Annotated[
        list[Break] | None,
        typer.Option(
            "--remove-break",
            metavar="FIRST..LAST",
            help=t("Take a break of this process off; repeat for each."),
            parser=params.span,
        ),
    ] = None,
    add_participant: Annotated[
        list[Participant] | None,
        typer.Option(
            "--add-participant",
            help=t('A new participant, "Name <email>"; repeat for each.'),
            parser=params.participant,
        ),
    ] = None,
    remove_participant: Annotated[
        list[str] | None,
        typer.Option(
            "--remove-participant",
            metavar="NAME",
            help=t("A participant who left (name or first name); repeat for each."),
        ),
    ] = None,
    set_email: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--set-email",
            metavar="NAME EMAIL",
            help=t("Change a participant's e-mail: --set-email Aino aino@example.fi."),
        ),
    ] = None,
    order_number: Annotated[
        str | None,
        typer.Option(
            help=t("The buyer's order number (ostotilausnumero); an empty string clears it."),
            parser=params.buyer_reference,
        ),
    ] = None,
    contract: Annotated[
        str | None,
        typer.Option(
            help=t("The framework agreement's id (puitesopimus); an empty string clears it."),
            parser=params.buyer_reference,
        ),
    ] = None,
) -> None:
    """Change a running process; only the options given change.

    Nothing invoiced changes: a new price holds from --from on, or without --from for every
    meeting not yet invoiced; a new length reaches only the meetings ahead. A change that
    calendars show (title, venue, length, participants) names the invitations to send again.

    Example: tyo process edit hoitajat-2027 --place "Kirkkokatu 2, Oulu" --add-participant "Olli Oja <olli@example.fi>"
    """
    from tyonohjaus_cli.domain.invoices import invoiced_items
    from tyonohjaus_cli.domain.process_edit import ProcessChanges, edit_process
    from tyonohjaus_cli.storage import invoices as invoice_store

    venue = _venue(place, online, phone=phone)
    if co_supervisor is not None and no_co_supervisor:
        raise UsageError(t("choose either --co-supervisor or --no-co-supervisor"))
    changes = ProcessChanges(
        title=title,
        venue=venue,
        minutes=duration,
        rate=rate,
        meeting_price=meeting_price,
        since=since,
        first_free=first_free,
        co_supervisor="" if no_co_supervisor else co_supervisor,
        size=size,
        add_breaks=tuple(add_break or ()),
        remove_breaks=tuple(remove_break or ()),
        add_participants=tuple(add_participant or ()),
        remove_participants=tuple(remove_participant or ()),
        set_emails=((set_email[0], parse_email(set_email[1])),) if set_email else (),
        order_number=order_number,
        contract=contract,
    )
    store = session.store
    now = session.now()
    repriced = None
    with store.transaction(f"process edit {process_id}", now) as change:
        edited = edit_process(
            store.process(process_id),
            changes,
            invoiced=invoiced_items(invoice_store.invoices(store)),
            now=now,
        )
        if rate is not None or meeting_price is not None:
            from tyonohjaus_cli.usecases.bills import repriced_months

            repriced = repriced_months(store, processes=[edited.process], since=since)
        change.save_process(edited.process)
    what = ", ".join(dict.fromkeys(t(_CHANGED[name]) for name in edited.changed))
    output.say(t("Changed process {id}: {what}.", id=process_id, what=what))
    if repriced is not None:
        from tyonohjaus_cli.usecases.bills import repriced_message

        output.say(repriced_message(repriced))
    _tell_calendars(process_id, edited.resend, edited.in_breaks)


def _venue(place: str | None, online: str | None, *, phone: bool) -> Venue | None:
    from tyonohjaus_cli.domain.models import Venue

    given = [value for value in (place, online) if value is not None] + ([True] if phone else [])
    if len(given) > 1:
        raise UsageError(t("choose one of --place, --online and --phone"))
    if not given:
        return None
    return Venue((place or "").replace("\\n", "\n").strip(), (online or "").strip(), phone)


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


def _tell_calendars(process_id: str, resend: tuple[int, ...], in_breaks: tuple[int, ...]) -> None:
    if resend:
        output.say(
            tn(
                "Calendars must hear of it: send the invitation of meeting {numbers} again "
                "(`tyo ics {process} --meeting {first}`).",
                "Calendars must hear of it: send the invitations of meetings {numbers} again "
                "(`tyo ics {process} --all -o DIR` writes them).",
                len(resend),
                numbers=_numbers(resend),
                process=process_id,
                first=resend[0],
            )
        )
    if in_breaks:
        output.warn(
            tn(
                "meeting {numbers} falls in the break: move it with "
                "`tyo meeting move {process} {first} --to ...` or cancel it",
                "meetings {numbers} fall in the break: move each with "
                "`tyo meeting move {process} N --to ...` or cancel it",
                len(in_breaks),
                numbers=_numbers(in_breaks),
                process=process_id,
                first=in_breaks[0],
            )
        )
