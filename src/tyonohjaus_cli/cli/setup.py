"""``tyo init`` and ``tyo settings``: the supervisor profile and practice defaults."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from tyonohjaus_cli.cli import machine, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.help import command, group
from tyonohjaus_cli.cli.render import changes_json, dated_text
from tyonohjaus_cli.domain.enums import VatMode
from tyonohjaus_cli.domain.parsing import parse_break, parse_email, parse_money, parse_name
from tyonohjaus_cli.domain.settings import Break, Settings, Supervisor
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_money, t

settings_app = group(t("Show or change the supervisor profile and practice defaults."))

DEFAULT_EXEMPT_GROUND = "small-business"
"""The usual ground for a small practice under the VAT threshold (Arvonlisäverolaki 3 §):
a code, printed in each client's language."""


@params.edge("vat")
def _vat(text: str) -> VatMode:
    value = text.strip().lower().replace(",", ".").removesuffix("%")
    if value in ("exempt", "0", "none"):
        return VatMode.EXEMPT
    if value in ("standard", "25.5", "24"):
        return VatMode.STANDARD
    raise UsageError(
        t("{text!r}: expected 25.5 (the general rate, by the service date) or exempt", text=text)
    )


@params.edge("zone")
def _timezone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            t("{text!r} is not a timezone (expected e.g. Europe/Helsinki)", text=text)
        ) from None
    return text


@params.edge("minutes")
def _minutes(text: str) -> int:
    minutes = params.whole_number(text)
    if minutes is not None and 15 <= minutes <= 120:
        return minutes
    raise UsageError(t("{text!r}: a unit is 15 to 120 minutes (usually 45)", text=text))


@params.edge("fi|en")
def _language(text: str) -> str:
    if text in ("fi", "en"):
        return text
    raise UsageError(t("expected fi or en"))


def _ask(prompt: str, parse: Callable[[str], str], *, skippable: bool = False) -> str:
    """Ask on the terminal until the answer parses; an empty answer skips when
    ``skippable``. A bad answer is said in one line and asked again."""
    while True:
        answer: str = typer.prompt(prompt, default="", show_default=False)
        if not answer.strip():
            if skippable:
                return ""
            output.warn(t("an answer is needed here"))
            continue
        try:
            return parse(answer)
        except UsageError as error:
            output.warn(error.message)
        except typer.BadParameter as error:
            output.warn(error.message)


def _money_text(text: str) -> str:
    return str(parse_money(text))


def _address(text: str) -> str:
    return text.replace("\\n", "\n").strip()


def init(
    name: Annotated[
        str | None,
        typer.Option(help=t("Your name as it appears on invoices."), parser=params.name),
    ] = None,
    email: Annotated[
        str | None,
        typer.Option(
            help=t("Your e-mail address (the organiser of meetings)."), parser=params.email
        ),
    ] = None,
    business_id: Annotated[
        str | None,
        typer.Option(
            help=t("Your business ID (Y-tunnus), e.g. 1234567-1."), parser=params.business_id
        ),
    ] = None,
    iban: Annotated[
        str | None,
        typer.Option(help=t("Your bank account (IBAN) for invoices."), parser=params.iban),
    ] = None,
    bic: Annotated[str, typer.Option(help=t("Your bank's BIC."))] = "",
    address: Annotated[
        str, typer.Option(help=t("Your postal address (use \\n between lines)."))
    ] = "",
    phone: Annotated[str, typer.Option(help=t("Your phone number."))] = "",
    rate: Annotated[
        Decimal | None,
        typer.Option(help=t("Default price of a unit without VAT, in euros."), parser=params.money),
    ] = None,
    vat: Annotated[
        VatMode,
        typer.Option(
            metavar="25.5|exempt",
            help=t("VAT: 25.5 (the general rate, by the service date) or exempt."),
            parser=_vat,
        ),
    ] = VatMode.STANDARD,
    vat_exempt_ground: Annotated[
        str,
        typer.Option(
            help=t(
                "The legal ground printed on invoices when VAT-exempt: small-business (the "
                "default), health-care, social-welfare or education, each printed in the "
                "client's language; other words are printed as written."
            )
        ),
    ] = "",
    unit_minutes: Annotated[
        int, typer.Option(help=t("Minutes in a billing unit."), parser=_minutes)
    ] = 45,
    timezone: Annotated[
        str, typer.Option(help=t("Timezone of your wall-clock times."), parser=_timezone)
    ] = "Europe/Helsinki",
    language: Annotated[
        str | None,
        typer.Option(
            help=t("Your interface language: fi or en (default: the locale)."), parser=_language
        ),
    ] = None,
) -> None:
    """Create the store with your supervisor profile.

    In a terminal, asks for what is not given: your name, e-mail, business ID, address,
    bank account and price (the business ID, address and bank account may be skipped, and
    added later with `tyo settings set`); a bad answer is asked again. With every option
    given, asks nothing.

    Example: tyo init --name "Maija Mallikas" --email maija@example.fi --business-id 1234567-1 --iban "FI21 1234 5600 0007 85" --rate 95
    """
    store = session.store
    if store.is_initialised():
        raise UsageError(
            t(
                "a store exists already at {root}: change it with `tyo settings set`",
                root=store.root,
            )
        )
    terminal = sys.stdin.isatty()
    missing = [
        flag
        for flag, value in (("--name", name), ("--email", email), ("--rate", rate))
        if value is None
    ]
    if missing and not terminal:
        raise UsageError(
            t(
                "missing {options}: give them as options, or run `tyo init` in a terminal to be asked",
                options=", ".join(missing),
            )
        )
    if terminal:
        # Asked in a terminal: what an invoice needs, each skippable but the name, the
        # e-mail and the price; a bad answer is asked again, not the whole setup.
        if name is None:
            name = _ask(t("Your name"), parse_name)
        if email is None:
            email = _ask(t("Your e-mail"), parse_email)
        if business_id is None:
            business_id = _ask(
                t("Your business ID (Y-tunnus), e.g. 1234567-1 (Enter to skip)"),
                params.business_id,
                skippable=True,
            )
        if not address:
            address = _ask(
                t("Your postal address, lines separated by \\n (Enter to skip)"),
                _address,
                skippable=True,
            )
        if iban is None:
            iban = _ask(
                t("Your bank account (IBAN) for invoices (Enter to skip)"),
                params.iban,
                skippable=True,
            )
        if rate is None:
            rate = parse_money(_ask(t("Default price of a unit (€, without VAT)"), _money_text))
    assert name is not None
    assert email is not None
    assert rate is not None
    settings = Settings(
        supervisor=Supervisor(
            name=name,
            email=email,
            business_id=business_id or "",
            iban=iban or "",
            bic=bic.strip().upper(),
            address=address.replace("\\n", "\n").strip(),
            phone=phone.strip(),
        ),
        rate=rate,
        vat=vat,
        vat_exempt_ground=vat_exempt_ground
        or (DEFAULT_EXEMPT_GROUND if vat is VatMode.EXEMPT else ""),
        unit_minutes=unit_minutes,
        timezone=timezone,
        language=language or "",
    )
    with store.transaction("init", session.now()) as change:
        change.save_settings(settings)
    output.say(t("Created the store at {root}.", root=store.root))


# --- settings ----------------------------------------------------------------------------


def _settings_rows(settings: Settings) -> dict[str, Any]:
    return {
        **settings.supervisor._asdict(),
        "rate": settings.rate,
        "rate_changes": changes_json(settings.rate_changes, "rate"),
        "vat": settings.vat,
        "vat_exempt_ground": settings.vat_exempt_ground,
        "unit_minutes": settings.unit_minutes,
        "timezone": settings.timezone,
        "language": settings.language,
        "breaks": [str(span) for span in settings.breaks],
        "reference_rates": _rates_text(settings),
    }


def _rates_text(settings: Settings) -> str:
    from tyonohjaus_cli.domain.interest import rates_text

    return rates_text(settings.reference_rates)


def _reference_rates(text: str) -> tuple[tuple[date, Decimal], ...]:
    from tyonohjaus_cli.domain.interest import parse_reference_rates

    return tuple(sorted(parse_reference_rates(text).items()))


@command(settings_app, "show")
def settings_show(as_json: params.JsonOption = False) -> None:
    """Show the supervisor profile and practice defaults.

    Example: tyo settings show --json
    """
    settings = session.store.settings()
    rows = _settings_rows(settings)
    if as_json:
        machine.print_json(rows)
        return
    rows["rate"] = dated_text(settings.rate, settings.rate_changes, format_money, "")
    del rows["rate_changes"]
    rows["breaks"] = ", ".join(rows["breaks"])
    output.details([(key, str(value)) for key, value in rows.items()])


def _breaks(text: str) -> tuple[Break, ...]:
    return tuple(parse_break(part) for part in text.split(",") if part.strip())


_SUPERVISOR_KEYS = {
    "name": params.name,
    "email": params.email,
    "business_id": params.business_id,
    "iban": params.iban,
    "bic": lambda text: text.strip().upper(),
    "address": lambda text: text.replace("\\n", "\n").strip(),
    "phone": str.strip,
    "einvoice_address": params.einvoice_address,
    "operator": params.operator_code,
}
_PRACTICE_KEYS = {
    "rate": params.money,
    "vat": _vat,
    "vat_exempt_ground": str.strip,
    "unit_minutes": _minutes,
    "timezone": _timezone,
    "language": lambda text: _language(text) if text else "",
    "breaks": _breaks,
    "reference_rates": _reference_rates,
}


# A value may start with "-" (`tyo settings set rate -1`): it reaches the setting's own
# check instead of being taken for an unknown option. -h and --help still show the help.
@command(settings_app, "set", context_settings={"ignore_unknown_options": True})
def settings_set(
    key: Annotated[
        str,
        typer.Argument(
            help=t("What to set, e.g. rate or breaks (`tyo settings show` lists the keys).")
        ),
    ],
    value: Annotated[
        str, typer.Argument(help=t("The new value (an empty string clears an optional one)."))
    ],
    since: params.FromOption = None,
) -> None:
    """Change one setting.

    Breaks are days off that planning avoids, FIRST..LAST, several separated by commas.

    Example: tyo settings set breaks 2027-06-21..2027-08-08,2027-12-20..2028-01-05
    """
    if since is not None and key != "rate":
        raise UsageError(t("--from goes with rate only: the day the new price holds from"))
    parse = _SUPERVISOR_KEYS.get(key) or _PRACTICE_KEYS.get(key)
    if parse is None:
        raise UsageError(
            t(
                "unknown setting {key!r}; the settings are: {keys}",
                key=key,
                keys=", ".join([*_SUPERVISOR_KEYS, *_PRACTICE_KEYS]),
            )
        )
    if not value.strip() and key in ("name", "email", "rate", "vat", "unit_minutes", "timezone"):
        raise UsageError(t("{key} can't be empty", key=key))
    try:
        parsed = parse(value) if value.strip() or key in ("breaks", "reference_rates") else ""
    except typer.BadParameter as error:
        raise UsageError(error.message) from None
    store = session.store
    touched = None
    with store.transaction(f"settings set {key}", session.now()) as change:
        settings = store.settings()
        changed: dict[str, Any] = {key: parsed}
        if key in _SUPERVISOR_KEYS:
            settings = settings._replace(supervisor=settings.supervisor._replace(**changed))
        elif key == "rate":
            from tyonohjaus_cli.domain.prices import set_from
            from tyonohjaus_cli.usecases.bills import repriced_months

            assert isinstance(parsed, Decimal)  # rate is parsed as money
            settings = set_from(settings, "rate", parsed, since)
            touched = repriced_months(store, settings=settings, since=since)
        else:
            settings = settings._replace(**changed)
        change.save_settings(settings)
    output.say(t("Set {key}.", key=key))
    from tyonohjaus_cli.domain.vat import EXEMPTION_GROUNDS

    if key == "vat_exempt_ground" and parsed and parsed not in EXEMPTION_GROUNDS:
        output.warn(
            t(
                "a ground in your own words is printed as written, on Swedish and English "
                "invoices too; {codes} are printed in the client's language",
                codes=", ".join(EXEMPTION_GROUNDS),
            )
        )
    if touched is not None:
        from tyonohjaus_cli.usecases.bills import repriced_message

        output.say(repriced_message(touched))
