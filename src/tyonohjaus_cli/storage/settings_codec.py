"""The store's settings and the supervisor profile to documents and back.

Apart from :mod:`codec` (clients and processes) because every command reads the settings,
and most never decode a client or a process; the helpers here are shared by both. The
settings records are imported by the functions that build them: list views read only
the timezone (:func:`timezone_from_doc`) and skip building records at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.documents import DATED_PRICES_SCHEMA, SCHEMA, Doc, Fields

if TYPE_CHECKING:
    from datetime import date
    from decimal import Decimal

    from tyonohjaus_cli.domain.prices import Changes
    from tyonohjaus_cli.domain.settings import Break, Settings, Supervisor

DEFAULT_TIMEZONE = "Europe/Helsinki"


def money_text(amount: Decimal) -> str:
    return f"{amount:.2f}"


def compact(doc: Doc) -> Doc:
    """Leave out empty values so a hand-read file shows only what was said."""
    return {key: value for key, value in doc.items() if value not in ("", None, [], {}, ())}


def breaks_from(fields: Fields, key: str = "breaks") -> tuple[Break, ...]:
    from tyonohjaus_cli.domain.settings import Break

    spans = []
    for item in fields.tables(key):
        span = Break(item.day("first"), item.day("last"))
        if span.last < span.first:
            raise item.fail("last", t("a day on or after 'first'"))
        spans.append(span)
    return tuple(spans)


def break_docs(breaks: tuple[Break, ...]) -> list[Doc]:
    return [{"first": span.first, "last": span.last} for span in breaks]


# --- dated price changes: [[rate_changes]] from = 2027-03-01, rate = "130.00" -------------


def schema_for(*changes: tuple[object, ...]) -> int:
    """The schema a document is written with: 2 when it holds a dated change (or a meeting's
    own charge), else 1."""
    return DATED_PRICES_SCHEMA if any(changes) else SCHEMA


def change_docs(changes: Changes, key: str, *, money: bool = True) -> list[Doc]:
    """``[[<key>_changes]]`` tables: the day a value holds from, and the value."""
    from tyonohjaus_cli.domain.numbers import plain

    return [
        {"from": change.since, key: money_text(change.value) if money else plain(change.value)}
        for change in changes
    ]


def changes_from(fields: Fields, key: str) -> Changes:
    """The dated changes of ``key`` (``[[<key>_changes]]``), by date; two on a day are refused."""
    from tyonohjaus_cli.domain.prices import Dated

    found: dict[object, Dated] = {}
    for item in fields.tables(f"{key}_changes"):
        change = Dated(item.day("from"), item.amount(key))
        if change.since in found:
            raise item.fail("from", t("a day no other change of {key} has", key=key))
        found[change.since] = change
    return tuple(sorted(found.values(), key=lambda change: change.since))


# --- the supervisor, in settings.toml and as the seller on each invoice -------------------


def supervisor_to_doc(person: Supervisor) -> Doc:
    return {
        "name": person.name,
        "email": person.email,
        "business_id": person.business_id,
        "iban": person.iban,
        "bic": person.bic,
        "address": person.address,
        "phone": person.phone,
    } | compact({"einvoice_address": person.einvoice_address, "operator": person.operator})


def supervisor_from_doc(
    fields: Fields, *, email_required: bool = True, check_iban: bool = False
) -> Supervisor:
    """The profile; an invoice's seller may lack the e-mail that settings must have.

    With ``check_iban`` (an invoice's seller) the IBAN is checked as `tyo init --iban`
    checks it: the bank barcode is made from it. Settings skip the check: the library
    costs 40 ms of every command's start, and only `tyo init` writes the setting.
    """
    from tyonohjaus_cli.domain.settings import Supervisor

    return Supervisor(
        name=fields.text("name"),
        email=fields.text("email") if email_required else fields.text("email", ""),
        business_id=fields.text("business_id", ""),
        iban=_iban(fields) if check_iban else fields.text("iban", ""),
        bic=fields.text("bic", ""),
        address=fields.text("address", ""),
        phone=fields.text("phone", ""),
        einvoice_address=fields.text("einvoice_address", ""),
        operator=fields.text("operator", ""),
    )


def _iban(fields: Fields) -> str:
    value: str = fields.text("iban", "")
    if value:
        from stdnum import iban as iban_number
        from stdnum.exceptions import ValidationError

        try:
            iban_number.validate(value)
        except ValidationError:
            raise fields.fail("iban", t("a valid IBAN such as FI21 1234 5600 0007 85")) from None
    return value


# --- settings.toml -----------------------------------------------------------------------


def settings_to_doc(settings: Settings) -> Doc:
    person = settings.supervisor
    return {
        "schema": schema_for(settings.rate_changes),
        "supervisor": compact(supervisor_to_doc(person)),
        "billing": compact(
            {
                "rate": money_text(settings.rate),
                "unit_minutes": settings.unit_minutes,
                "vat": settings.vat.value,
                "vat_exempt_ground": settings.vat_exempt_ground,
                "reference_rates": [
                    {"from": day, "percent": plain(rate)} for day, rate in settings.reference_rates
                ],
                "rate_changes": change_docs(settings.rate_changes, "rate"),
            }
        ),
        "calendar": compact(
            {
                "timezone": settings.timezone,
                "language": settings.language,
                "breaks": break_docs(settings.breaks),
            }
        ),
    }


def timezone_from_doc(fields: Fields) -> str:
    """The store's timezone alone: all that list views need of the settings."""
    return str(fields.table("calendar").text("timezone", DEFAULT_TIMEZONE))


def settings_from_doc(fields: Fields) -> Settings:
    from tyonohjaus_cli.domain.enums import VatMode
    from tyonohjaus_cli.domain.settings import Settings
    from tyonohjaus_cli.domain.vat import stored_ground

    person = fields.table("supervisor")
    billing = fields.table("billing")
    calendar = fields.table("calendar")
    return Settings(
        supervisor=supervisor_from_doc(person),
        rate=billing.amount("rate"),
        unit_minutes=billing.integer("unit_minutes", 45, minimum=1, maximum=720),
        vat=VatMode(billing.choice("vat", tuple(VatMode), VatMode.STANDARD.value)),
        vat_exempt_ground=stored_ground(billing.text("vat_exempt_ground", "")),
        timezone=timezone_from_doc(fields),
        language=calendar.choice("language", ("", "fi", "en"), ""),
        breaks=breaks_from(calendar),
        reference_rates=_reference_rates(billing),
        rate_changes=changes_from(billing, "rate"),
    )


def _reference_rates(billing: Fields) -> tuple[tuple[date, Decimal], ...]:
    tables = list(billing.tables("reference_rates"))
    if not tables:
        return ()
    from decimal import Decimal, InvalidOperation

    from tyonohjaus_cli.domain.interest import half_year_of  # 2 ms of start-up, else

    rates = []
    for item in tables:
        day = item.day("from")
        if day != half_year_of(day):
            raise item.fail("from", t("1 January or 1 July of a year"))
        text = item.doc.get("percent")
        try:
            rate = Decimal(text) if isinstance(text, str) else None
        except InvalidOperation:
            rate = None
        if rate is None or not rate.is_finite() or not 0 <= rate <= 100:
            raise item.fail("percent", t('a percent as text, such as "2.5"'))
        rates.append((day, rate))
    return tuple(sorted(rates))
