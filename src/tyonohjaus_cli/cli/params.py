"""Typer parsers: text from the command line becomes typed values at the edge.

Each wraps a domain parser so that a bad value is reported by the argument parser with
the option's name (``Invalid value for '--start': ...``), exit code 2.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from tyonohjaus_cli.domain import parsing
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import language, t

if TYPE_CHECKING:
    from decimal import Decimal

    from tyonohjaus_cli.domain.cadence import Cadence
    from tyonohjaus_cli.domain.models import Participant
    from tyonohjaus_cli.domain.settings import Break

JsonOption = Annotated[
    bool, typer.Option("--json", help=t("Print JSON (stable keys) instead of a table."))
]
CsvOption = Annotated[bool, typer.Option("--csv", help=t("Print CSV instead of a table."))]

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


def edge(metavar: str) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Wrap a parser for Typer: a typed default passes through, a bad value names the option.

    ``metavar`` is how help shows the value, e.g. ``--start <datetime>``.
    """

    def wrap(parse: Callable[[str], T]) -> Callable[[str], T]:
        def convert(text: str) -> T:
            if not isinstance(text, str):  # Typer also passes the (typed) default through
                return text
            try:
                return parse(text)
            except UsageError as error:
                raise typer.BadParameter(error.message) from None

        convert.__name__ = metavar  # Typer names a parser's values after the function
        convert.__doc__ = parse.__doc__
        return convert

    return wrap


local_datetime: Callable[[str], datetime] = edge("datetime")(parsing.parse_local_datetime)
day: Callable[[str], date] = edge("date")(parsing.parse_date)
month: Callable[[str], parsing.Month] = edge("month")(parsing.parse_month)
interval: Callable[[str], timedelta] = edge("interval")(parsing.parse_interval)
duration: Callable[[str], int] = edge("duration")(parsing.parse_duration)
money: Callable[[str], Decimal] = edge("euros")(parsing.parse_money)
percent: Callable[[str], Decimal] = edge("percent")(parsing.parse_percent)
span: Callable[[str], Break] = edge("from..to")(parsing.parse_break)
participant: Callable[[str], Participant] = edge("participant")(parsing.parse_participant)
email: Callable[[str], str] = edge("email")(parsing.parse_email)
name: Callable[[str], str] = edge("name")(parsing.parse_name)
title: Callable[[str], str] = edge("title")(parsing.parse_name)  # a process's, as a name is


@edge("cadence")
def cadence(text: str) -> Cadence:
    """``3x1w,6x3w``: see :func:`~tyonohjaus_cli.domain.cadence.parse_cadence`."""
    from tyonohjaus_cli.domain.cadence import parse_cadence

    return parse_cadence(text)


@edge("business-id")
def business_id(text: str) -> str:
    """A Finnish business ID (Y-tunnus), checked and written as ``1234567-1``."""
    from stdnum.exceptions import ValidationError
    from stdnum.fi import ytunnus

    try:
        return str(ytunnus.format(ytunnus.validate(text)))
    except ValidationError:
        raise UsageError(
            t("{text!r} is not a valid Finnish business ID (expected e.g. 1234567-1)", text=text)
        ) from None


@edge("iban")
def iban(text: str) -> str:
    """An IBAN, checked and written in groups of four."""
    from stdnum import iban as iban_number
    from stdnum.exceptions import ValidationError

    try:
        return str(iban_number.format(iban_number.validate(text)))
    except ValidationError:
        raise UsageError(
            t("{text!r} is not a valid IBAN (expected e.g. FI21 1234 5600 0007 85)", text=text)
        ) from None


def choice(kind: type[E], aliases: Mapping[str, E] | None = None) -> Callable[[str], E]:
    """One of an enumeration's values, in any case (``--kind group``); help shows them all.

    ``aliases`` are other words for the values (``--kind ryhmä``); in Finnish, help and
    messages show those words first.
    """
    words = dict(aliases or {})
    values = [member.value for member in kind]

    def shown() -> list[str]:
        return [*words, *values] if words and language() == "fi" else values

    @edge("|".join(shown()))
    def parse(text: str) -> E:
        typed = text.strip().lower()
        if typed in words:
            return words[typed]
        try:
            return kind(typed)
        except ValueError:
            raise UsageError(
                t("{text!r} is not one of {choices}", text=text, choices=", ".join(shown()))
            ) from None

    return parse


def whole_number(text: str) -> int | None:
    """``text`` as a whole number (spaces around it allowed), or ``None``."""
    digits = text.strip()
    return int(digits) if digits.isdecimal() else None


@edge("count")
def count(text: str) -> int:
    """A positive whole number."""
    number = whole_number(text)
    if number is not None and number > 0:
        return number
    raise UsageError(t("{text!r} is not a positive whole number", text=text))


@edge("fi|sv|en")
def document_language(text: str) -> str:
    """A client document's language: fi, sv or en."""
    from tyonohjaus_cli.i18n import DOCUMENT_LANGUAGES

    if text in DOCUMENT_LANGUAGES:
        return text
    raise UsageError(t("expected fi, sv or en"))


@edge("pdf|md")
def document_format(text: str) -> str:
    """A document's form: pdf or md."""
    if text.lower() in ("pdf", "md"):
        return text.lower()
    raise UsageError(t("expected pdf or md"))


FromOption = Annotated[
    date | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help=t(
            "The new price holds for meetings on and after this day, e.g. 2027-03-01; those "
            "before keep the old (default: every meeting not yet invoiced; invoiced ones "
            "never change)."
        ),
        parser=day,
        show_default=False,
    ),
]


@edge("address")
def einvoice_address(text: str) -> str:
    """An e-invoice address: an OVT code or a Peppol id (see domain/einvoice.py); empty clears."""
    from tyonohjaus_cli.domain.einvoice import parse_einvoice_address

    return str(parse_einvoice_address(text)) if text.strip() else ""


@edge("text")
def buyer_reference(text: str) -> str:
    """A reference the buyer gave (order number, agreement id, cost centre): one line of at
    most 70 characters, the longest Finvoice and operators take; empty clears."""
    value = " ".join(text.split())
    if len(value) > 70:
        raise UsageError(t("{text!r} is longer than 70 characters", text=text))
    return value


@edge("code")
def operator_code(text: str) -> str:
    """An e-invoice operator's (intermediator's) code, e.g. 003721291126 or E204503."""
    value = "".join(text.split()).upper()
    if value and not (2 <= len(value) <= 35 and value.isalnum()):
        raise UsageError(
            t("{text!r} is not an operator code (e.g. 003721291126 or E204503)", text=text)
        )
    return value
