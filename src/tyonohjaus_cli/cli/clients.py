"""``tyo client``: the organisations that order and pay (tilaajat)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tyonohjaus_cli.cli import complete, machine, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.cli.render import changes_json, dated_text
from tyonohjaus_cli.domain.parsing import parse_id
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_money, format_number, format_percent, t
from tyonohjaus_cli.storage.client_index import ClientRow

# The client record (its module is most of `tyo client list`'s start) is imported by
# the commands that make or change a client; the list shows the client index's rows.
if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Client

app = group(t("Add, list, show and edit clients (the organisations that order and pay)."))


@params.edge("fi|sv|en")
def _document_language(text: str) -> str:
    if text in ("fi", "sv", "en"):
        return text
    raise UsageError(t("expected fi, sv or en"))


@params.edge("hours")
def _hours(text: str) -> int:
    hours = params.whole_number(text)
    if hours is not None and hours <= 24 * 14:
        return hours
    raise UsageError(t("{text!r}: expected hours from 0 to 336", text=text))


@params.edge("days")
def _days(text: str) -> int:
    days = params.whole_number(text)
    if days is not None and days <= 365:
        return days
    raise UsageError(t("{text!r}: expected days from 0 to 365", text=text))


NameOption = Annotated[
    str | None, typer.Option(help=t("The client's name as on invoices."), parser=params.name)
]
BusinessIdOption = Annotated[
    str | None,
    typer.Option(help=t("Business ID (Y-tunnus), e.g. 1234567-1."), parser=params.business_id),
]
AddressOption = Annotated[
    str | None, typer.Option(help=t("Billing address (use \\n between lines)."))
]
EmailOption = Annotated[
    str | None, typer.Option(help=t("E-mail address for invoices."), parser=params.email)
]
ContactOption = Annotated[str | None, typer.Option(help=t("Contact person."))]
EinvoiceOption = Annotated[
    str | None,
    typer.Option(
        help=t("E-invoice address: an OVT code (0037…) or a Peppol id (0216:0037…)."),
        parser=params.einvoice_address,
    ),
]
OperatorOption = Annotated[
    str | None,
    typer.Option(help=t("E-invoice operator (intermediator) code."), parser=params.operator_code),
]
BuyerReferenceOption = Annotated[
    str | None,
    typer.Option(
        help=t("The buyer's reference every invoice must carry (cost centre, reviewer code)."),
        parser=params.buyer_reference,
    ),
]
RateOption = Annotated[
    Decimal | None,
    typer.Option(
        help=t("Price of a unit without VAT (framework agreement), in euros."), parser=params.money
    ),
]
DiscountOption = Annotated[
    Decimal | None, typer.Option(help=t("Discount in percent, e.g. 10."), parser=params.percent)
]
CancelHoursOption = Annotated[
    int | None,
    typer.Option(
        help=t("Cancellation window in hours: later cancellations are billed."), parser=_hours
    ),
]
CancelChargeOption = Annotated[
    Decimal | None,
    typer.Option(
        help=t("Percent billed for a late cancellation or no-show."), parser=params.percent
    ),
]
PaymentDaysOption = Annotated[
    int | None, typer.Option(help=t("Days to pay an invoice."), parser=_days)
]
PublicOption = Annotated[
    bool | None,
    typer.Option(
        "--public/--private", help=t("A public body (payment at most 30 days)."), show_default=False
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help=t("Document language: fi, sv or en."), parser=_document_language),
]


def _changes(**given: Any) -> dict[str, Any]:
    changes = {key: value for key, value in given.items() if value is not None}
    if "address" in changes:
        changes["address"] = changes["address"].replace("\\n", "\n").strip()
    if changes.get("public_body") and changes.get("payment_days", 0) > 30:
        raise UsageError(t("a public body pays within 30 days at most (the law caps it)"))
    return changes


@command(app, "add")
def add(
    client_id: Annotated[
        str, typer.Argument(metavar="ID", help=t("A short id you type, e.g. pohde."))
    ],
    name: NameOption = None,
    business_id: BusinessIdOption = None,
    address: AddressOption = None,
    email: EmailOption = None,
    contact: ContactOption = None,
    einvoice_address: EinvoiceOption = None,
    operator: OperatorOption = None,
    buyer_reference: BuyerReferenceOption = None,
    rate: RateOption = None,
    discount: DiscountOption = None,
    cancel_hours: CancelHoursOption = None,
    cancel_charge: CancelChargeOption = None,
    payment_days: PaymentDaysOption = None,
    public: PublicOption = None,
    lang: LangOption = None,
) -> None:
    """Add a client.

    Example: tyo client add pohde --name "Pohjoisen hyvinvointialue" --business-id 1234567-1 --public --payment-days 21
    """
    parse_id(client_id, t("client"))
    if not name:
        raise UsageError(t('a client needs a name: --name "..."'))
    changes = _changes(
        name=name,
        business_id=business_id,
        address=address,
        email=email,
        contact=contact,
        einvoice_address=einvoice_address,
        operator=operator,
        buyer_reference=buyer_reference,
        rate=rate,
        discount=discount,
        cancel_hours=cancel_hours,
        cancel_charge=cancel_charge,
        payment_days=payment_days,
        public_body=public,
        language=lang,
    )
    store = session.store
    store.settings()
    with store.transaction(f"client add {client_id}", session.now()) as change:
        if store.has_client(client_id):
            raise UsageError(
                t("client {id!r} exists already: `tyo client edit {id}` changes it", id=client_id)
            )
        from tyonohjaus_cli.domain.models import Client

        change.save_client(Client(id=client_id, **changes))
    output.say(t("Added client {id}.", id=client_id))


@command(app, "edit")
def edit(
    client_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The client's id."), autocompletion=complete.client_ids
        ),
    ],
    name: NameOption = None,
    business_id: BusinessIdOption = None,
    address: AddressOption = None,
    email: EmailOption = None,
    contact: ContactOption = None,
    einvoice_address: EinvoiceOption = None,
    operator: OperatorOption = None,
    buyer_reference: BuyerReferenceOption = None,
    rate: RateOption = None,
    discount: DiscountOption = None,
    cancel_hours: CancelHoursOption = None,
    cancel_charge: CancelChargeOption = None,
    payment_days: PaymentDaysOption = None,
    public: PublicOption = None,
    lang: LangOption = None,
    since: params.FromOption = None,
) -> None:
    """Change a client's details; only the options given change.

    Example: tyo client edit pohde --discount 10 --cancel-hours 48
    """
    if since is not None and rate is None and discount is None:
        raise UsageError(
            t("--from goes with --rate or --discount: the day the new price holds from")
        )
    changes = _changes(
        name=name,
        business_id=business_id,
        address=address,
        email=email,
        contact=contact,
        einvoice_address=einvoice_address,
        operator=operator,
        buyer_reference=buyer_reference,
        cancel_hours=cancel_hours,
        cancel_charge=cancel_charge,
        payment_days=payment_days,
        public_body=public,
        language=lang,
    )
    prices = {
        key: value for key, value in (("rate", rate), ("discount", discount)) if value is not None
    }
    if not changes and not prices:
        raise UsageError(t("nothing to change: give an option such as --rate or --email"))
    from tyonohjaus_cli.domain.prices import set_from
    from tyonohjaus_cli.usecases.bills import repriced_message, repriced_months

    store = session.store
    touched = None
    with store.transaction(f"client edit {client_id}", session.now()) as change:
        client = store.client(client_id)._replace(**changes)
        for key, value in prices.items():
            client = set_from(client, key, value, since)
        if client.public_body and client.payment_days > 30:
            raise UsageError(t("a public body pays within 30 days at most (the law caps it)"))
        if prices:
            touched = repriced_months(store, clients={client.id: client}, since=since)
        change.save_client(client)
    output.say(t("Changed client {id}.", id=client_id))
    if touched is not None:
        output.say(repriced_message(touched))


def _row(client: Client | ClientRow) -> dict[str, Any]:
    row = {name: getattr(client, name) for name in ClientRow._fields}
    row["rate_changes"] = changes_json(client.rate_changes, "rate")
    row["discount_changes"] = changes_json(client.discount_changes, "discount")
    return row


@command(app, "list")
def list_clients(as_json: params.JsonOption = False, as_csv: params.CsvOption = False) -> None:
    """List the clients.

    Example: tyo client list --csv > clients.csv
    """
    from tyonohjaus_cli.storage.client_index import client_rows

    rows = [_row(client) for client in client_rows(session.store)]
    columns = [
        output.Column("id", t("id")),
        output.Column("name", t("name")),
        output.Column("business_id", t("business ID")),
        output.Column("rate", t("rate"), format_money, right=True),
        output.Column(
            "discount", t("discount %"), lambda pct: format_number(pct) if pct else "", right=True
        ),
        output.Column("language", t("language")),
    ]
    output.emit(
        columns,
        rows,
        as_json=as_json,
        as_csv=as_csv,
        empty=t("No clients yet: `tyo client add ID --name NAME` adds one."),
    )


@command(app, "show")
def show(
    client_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=t("The client's id."), autocompletion=complete.client_ids
        ),
    ],
    as_json: params.JsonOption = False,
) -> None:
    """Show a client's details.

    Example: tyo client show pohde
    """
    client = session.store.client(client_id)
    if as_json:
        machine.print_json(_row(client))
        return
    settings = session.store.settings()
    output.details(
        [
            (t("id"), client.id),
            (t("name"), client.name),
            (t("business ID"), client.business_id),
            (t("address"), client.address),
            (t("e-mail"), client.email),
            (t("contact"), client.contact),
            (t("e-invoice address"), client.einvoice_address),
            (t("operator"), client.operator),
            (t("buyer reference"), client.buyer_reference),
            (
                t("rate"),
                dated_text(
                    client.rate,
                    client.rate_changes,
                    format_money,
                    t("{rate} (the default)", rate=format_money(settings.rate)),
                ),
            ),
            (
                t("discount"),
                dated_text(
                    client.discount if client.discount or client.discount_changes else None,
                    client.discount_changes,
                    format_percent,
                    "",
                ),
            ),
            (
                t("cancellation window"),
                t(
                    "{hours} h, billed at {percent}",
                    hours=client.cancel_hours,
                    percent=format_percent(client.cancel_charge),
                ),
            ),
            (t("payment days"), str(client.payment_days)),
            (t("public body"), t("yes") if client.public_body else ""),
            (t("document language"), client.language),
        ]
    )
