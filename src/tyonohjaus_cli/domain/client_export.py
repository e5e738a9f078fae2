"""A client's data-access export in words: the Markdown a client reads (GDPR art. 15). Pure.

It says what the export's JSON holds, document by document (``tyo export CLIENT``), and
nothing more: it is written from the same shareable documents, never from the store, so
what the JSON leaves out (the session log, the participants' names, a cancellation's
reason) can't reach it either. Each field has a label and its value is written as a person
reads it, in the client's document language: "Julkinen hankintayksikkö: kyllä", "Alennus:
12,5 %", "Eräpäivä: 16.3.2027", "Yhteensä: 208,64 €" — never ``public_body: True``.

A field a later version adds, not labelled here yet, is still shown (under its key), so
the Markdown never says less than the JSON; a test keeps every field tyo writes labelled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from tyonohjaus_cli.domain.enums import KIND_NAMES, CancelledBy, ProcessKind
from tyonohjaus_cli.domain.goals import agreed_with_party, reviewed_with_text
from tyonohjaus_cli.domain.terms import plan_text
from tyonohjaus_cli.domain.vat import exemption_ground
from tyonohjaus_cli.domain.writers import Markdown
from tyonohjaus_cli.i18n import (
    format_date,
    format_datetime,
    format_money,
    format_percent,
    t,
    tn,
)
from tyonohjaus_cli.i18n.months import month_words

Doc = Mapping[str, Any]
Show = Callable[[Any], str]

CODE_WORDS = {
    # a process's status
    "proposal": "proposal",
    "active": "active",
    "closed": "closed",
    "declined": "declined",
    # a meeting's status
    "planned": "planned",
    "held": "held",
    "cancelled": "cancelled",
    "no-show": "no-show",
    # an invoice, its VAT and its lines
    "invoice": "invoice",
    "credit-note": "credit note",
    "standard": "VAT at the rate of the service date",
    "exempt": "no VAT",
    "meeting": "meeting",
    "late-cancellation": "late cancellation",
    "expense": "expense",
    "first-free": "first unit free",
    "discount": "discount",
}
"""The message id of each code a shareable document holds (the code itself when it reads)."""

LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
"""A client's document language, by its code."""


class _Words:
    """How each kind of value reads in ``lang``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def text(self, value: Any) -> str:
        return str(value)

    def money(self, value: Any) -> str:
        amount = _decimal(value)
        return format_money(amount, lang=self.lang) if amount is not None else str(value)

    def percent(self, value: Any) -> str:
        amount = _decimal(value)
        return format_percent(amount, lang=self.lang) if amount is not None else str(value)

    def yes_no(self, value: Any) -> str:
        if value is True:
            return t("yes", lang=self.lang)
        return t("no", lang=self.lang) if value is False else str(value)

    def day(self, value: Any) -> str:
        try:
            return format_date(date.fromisoformat(str(value)), lang=self.lang, weekday=False)
        except ValueError:
            return str(value)

    def moment(self, value: Any) -> str:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return format_datetime(moment, lang=self.lang, weekday=False)

    def month(self, value: Any) -> str:
        year, _, number = str(value).partition("-")
        if not (year.isdigit() and number.isdigit() and 1 <= int(number) <= 12):
            return str(value)
        return str(month_words(date(int(year), int(number), 1), self.lang))

    def minutes(self, value: Any) -> str:
        return t("{minutes} min", lang=self.lang, minutes=value)

    def hours(self, value: Any) -> str:
        return t("{hours} h", lang=self.lang, hours=value)

    def days(self, value: Any) -> str:
        if not isinstance(value, int):
            return str(value)
        return tn("{count} day", "{count} days", value, lang=self.lang)

    def language(self, value: Any) -> str:
        if value not in LANGUAGE_NAMES:
            return str(value)
        return t(LANGUAGE_NAMES[value], lang=self.lang)

    def kind(self, value: Any) -> str:
        try:
            return t(KIND_NAMES[ProcessKind(value)], lang=self.lang)
        except ValueError:
            return str(value)

    def word(self, value: Any) -> str:
        """A code of a fixed set (a status, a line's kind) in words."""
        code = str(value)
        return t(CODE_WORDS[code], lang=self.lang) if code in CODE_WORDS else code


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


# --- which field is which: a label and how its value reads ---------------------------------
# Each table's labels are message ids (put into words by _labelled() where the table is
# named, so that the i18n check reads them); its _KINDS say how a value reads, "text"
# (as it is) for a field not named there.

_PARTY: dict[str, str] = {  # a client (clients/ID.toml), an invoice's buyer and its seller
    "name": "Name",
    "id": "Client id",
    "business_id": "Business ID",
    "address": "Address",
    "email": "E-mail",
    "phone": "Phone",
    "contact": "Contact person",
    "iban": "Bank account (IBAN)",
    "bic": "BIC",
    "einvoice_address": "E-invoice address",
    "operator": "E-invoice operator",
    "buyer_reference": "Buyer reference",
    "rate": "Price per unit",
    "discount": "Discount",
    "cancel_hours": "Cancellation window",
    "cancel_charge": "A late cancellation bills",
    "payment_days": "Terms of payment",
    "public_body": "Public body",
    "language": "Language of documents",
}
_PARTY_KINDS: dict[str, str] = {
    "rate": "money",
    "discount": "percent",
    "cancel_hours": "hours",
    "cancel_charge": "percent",
    "payment_days": "days",
    "public_body": "yes_no",
    "language": "language",
}

_PROCESS: dict[str, str] = {
    "id": "Process id",
    "client": "Client id",
    "kind": "Kind",
    "title": "Title",
    "status": "Status",
    "created": "Created",
    "closed": "Closed",
    "plan": "Interval",
    "group_size": "Group size",
    "participants_named": "Participants named",
    "place": "Place",
    "online": "Online",
    "phone": "By phone",
    "rate": "Price per unit",
    "meeting_price": "Price per meeting",
    "first_free": "First unit free",
    "co_supervisor": "Co-supervisor",
}
_PROCESS_KINDS: dict[str, str] = {
    "kind": "kind",
    "status": "word",
    "created": "moment",
    "closed": "moment",
    "plan": "plan",
    "phone": "yes_no",
    "rate": "money",
    "meeting_price": "money",
    "first_free": "yes_no",
}

_MEETING: dict[str, str] = {
    "n": "#",
    "start": "Time",
    "minutes": "Minutes",
    "held_minutes": "Held, minutes",
    "attended": "Present",
    "status": "Status",
    "cancelled_by": "Cancelled by",
    "notified_at": "Notified",
}
_MEETING_KINDS: dict[str, str] = {
    "start": "moment",
    "status": "word",
    "cancelled_by": "cancelled_by",
    "notified_at": "moment",
}

_GOAL: dict[str, str] = {
    "n": "#",
    "text": "Goal",
    "by": "Agreed with",
}
_GOAL_KINDS: dict[str, str] = {
    "by": "agreed",
}

_REVIEW: dict[str, str] = {
    "goal": "Goal",
    "day": "Date",
    "score": "Score",
    "with": "Evaluated",
    "comment": "Comment",
    "recorded": "Recorded",
    "shared": "Shared with the client",
}
_REVIEW_KINDS: dict[str, str] = {
    "day": "day",
    "with": "reviewed",
    "recorded": "moment",
    "shared": "yes_no",
}

_INVOICE: dict[str, str] = {
    "number": "Number",
    "kind": "Document",
    "credit_for": "Credits invoice",
    "issued": "Invoice date",
    "due": "Due date",
    "month": "Month billed",
    "reference": "Reference",
    "rf_reference": "RF reference",
    "vat": "VAT",
    "vat_exempt_ground": "Ground for no VAT",
    "buyer_reference": "Buyer reference",
    "order_number": "Order number",
    "contract": "Framework agreement",
    "client": "Client id",
    "date": "Invoice date",
}
_INVOICE_KINDS: dict[str, str] = {
    "kind": "word",
    "issued": "day",
    "due": "day",
    "month": "month",
    "vat": "word",
    "vat_exempt_ground": "ground",
    "date": "day",
}

_LINE: dict[str, str] = {
    "date": "Date",
    "process": "Process id",
    "title": "Title",
    "kind": "Item",
    "minutes": "Minutes",
    "unit_minutes": "Unit, minutes",
    "unit_price": "Unit price",
    "percent": "Percent",
    "vat_percent": "VAT %",
    "amount": "Amount",
    "pass_through": "Pass-through item",
    "item": "Item id",
}
_LINE_KINDS: dict[str, str] = {
    "date": "day",
    "kind": "word",
    "unit_price": "money",
    "percent": "percent",
    "vat_percent": "percent",
    "amount": "money",
    "pass_through": "yes_no",
}

_TOTALS: dict[str, str] = {
    "net": "Total without VAT",
    "vat": "VAT",
    "gross": "Total",
}
_TOTALS_KINDS: dict[str, str] = {
    "net": "money",
    "vat": "money",
    "gross": "money",
}

_EXPENSE: dict[str, str] = {
    "n": "#",
    "date": "Date",
    "description": "Description",
    "amount": "Amount without VAT",
    "vat": "VAT %",
    "pass_through": "Pass-through item",
}
_EXPENSE_KINDS: dict[str, str] = {
    "date": "day",
    "amount": "money",
    "vat": "percent",
    "pass_through": "yes_no",
}

_CHANGE: dict[str, str] = {
    "from": "From",
    "rate": "Price per unit",
    "meeting_price": "Price per meeting",
    "discount": "Discount",
}
_CHANGE_KINDS: dict[str, str] = {
    "from": "day",
    "rate": "money",
    "meeting_price": "money",
    "discount": "percent",
}

LABELLED = {
    "clients": (_PARTY, _CHANGE),
    "processes": (_PROCESS, _MEETING, _GOAL, _REVIEW, _CHANGE),
    "invoices": (_INVOICE, _PARTY, _LINE, _TOTALS),
    "expenses": (_EXPENSE,),
}
"""Every table of labels by folder (for the test that keeps every field tyo writes labelled)."""

_SKIPPED = frozenset({"schema"})


Labels = Mapping[str, tuple[str, str]]
"""A table of fields in words: each key's label in the export's language, and its kind."""


def _labelled(names: Mapping[str, str], kinds: Mapping[str, str], lang: str) -> Labels:
    """A table's labels in ``lang``, each with how its value reads."""
    return {key: (t(name, lang=lang), kinds.get(key, "text")) for key, name in names.items()}


class _Export:
    def __init__(self, lang: str) -> None:
        self.words = _Words(lang)
        self.out = Markdown(lang)
        self.lang = lang

    def value(self, kind: str, value: Any, size: int = 0) -> str:
        words, lang = self.words, self.lang
        if value is None or value == "":
            return ""
        shows: dict[str, Show] = {
            "plan": lambda plan: plan_text(str(plan), lang) or str(plan),
            "cancelled_by": lambda who: (
                t("the client", lang=lang)
                if who == CancelledBy.CLIENT.value
                else t("the supervisor", lang=lang)
                if who == CancelledBy.SUPERVISOR.value
                else str(who)
            ),
            "agreed": lambda by: agreed_with_party(str(by), size, lang),
            "reviewed": lambda with_: reviewed_with_text(str(with_), size, lang),
            "ground": lambda ground: exemption_ground(str(ground), lang),
        }
        show = shows.get(kind) or getattr(words, kind)
        shown: str = show(value)
        return shown

    def facts(self, doc: Doc, labels: Labels, size: int = 0) -> None:
        """The plain fields of ``doc``: labelled ones in the table's order, then any other."""
        pairs = [
            (label, self.value(kind, doc[key], size))
            for key, (label, kind) in labels.items()
            if key in doc and not isinstance(doc[key], dict | list)
        ]
        pairs += [
            (key.replace("_", " "), str(value))
            for key, value in doc.items()
            if key not in labels
            and key not in _SKIPPED
            and not isinstance(value, dict | list)
            and value not in (None, "")
        ]
        self.out.facts(pairs)

    def table(self, heading: str, rows: Sequence[Doc], labels: Labels, size: int = 0) -> None:
        if not rows:
            return
        keys = [key for key in labels if any(key in row for row in rows)]
        keys += [key for row in rows for key in row if key not in labels and key not in keys]
        head = [labels[key][0] if key in labels else key for key in keys]
        body = [
            [
                self.value(labels[key][1], row.get(key), size)
                if key in labels
                else _plain(row.get(key))
                for key in keys
            ]
            for row in rows
        ]
        self.out.subheading(heading)
        self.out.table(head, body, right={i for i, key in enumerate(keys) if key == "n"})

    def nested(self, doc: Doc, known: Iterable[str]) -> None:
        """The tables and sub-records of ``doc`` not shown by its own section (``known``)."""
        for key, value in doc.items():
            if key in known or key in _SKIPPED:
                continue
            if isinstance(value, dict):
                self.out.subheading(key.replace("_", " "))
                self.facts(value, {})
            elif isinstance(value, list) and value:
                rows = [row if isinstance(row, dict) else {"": row} for row in value]
                self.table(key.replace("_", " "), rows, {})


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    return str(value)


def _rows(value: Any) -> list[Doc]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


_CHANGES = ("rate_changes", "discount_changes", "meeting_price_changes")


def _changes(export: _Export, doc: Doc) -> None:
    lang = export.lang
    for key in _CHANGES:
        rows = _rows(doc.get(key))
        if rows:
            heading = {
                "rate_changes": t("Changes of the price per unit", lang=lang),
                "discount_changes": t("Changes of the discount", lang=lang),
                "meeting_price_changes": t("Changes of the price per meeting", lang=lang),
            }[key]
            export.table(heading, rows, _labelled(_CHANGE, _CHANGE_KINDS, lang))


def _client(export: _Export, doc: Doc) -> None:
    export.out.heading(t("Client", lang=export.lang))
    export.facts(doc, _labelled(_PARTY, _PARTY_KINDS, export.lang))
    _changes(export, doc)
    export.nested(doc, _CHANGES)


def _process(export: _Export, doc: Doc) -> None:
    lang = export.lang
    title, process_id = str(doc.get("title", "")), str(doc.get("id", ""))
    named = doc.get("participants_named")
    size = doc.get("group_size") or (named if isinstance(named, int) else 0)
    export.out.heading(
        t(
            "Supervision process: {title}",
            lang=lang,
            title=f"{title} ({process_id})" if title else process_id,
        )
    )
    export.facts(doc, _labelled(_PROCESS, _PROCESS_KINDS, lang))
    _changes(export, doc)
    export.table(
        t("Goals", lang=lang), _rows(doc.get("goals")), _labelled(_GOAL, _GOAL_KINDS, lang), size
    )
    export.table(
        t("Goal reviews shared with the client", lang=lang),
        _rows(doc.get("reviews")),
        _labelled(_REVIEW, _REVIEW_KINDS, lang),
        size,
    )
    export.table(
        t("Meetings", lang=lang),
        _rows(doc.get("meetings")),
        _labelled(_MEETING, _MEETING_KINDS, lang),
    )
    export.nested(doc, ("goals", "reviews", "meetings", *_CHANGES))


def _invoice(export: _Export, doc: Doc) -> None:
    lang = export.lang
    number = doc.get("number", "")
    credit = doc.get("kind") == "credit-note"
    export.out.heading(
        t("Credit note {number}", lang=lang, number=number)
        if credit
        else t("Invoice {number}", lang=lang, number=number)
    )
    export.facts(doc, _labelled(_INVOICE, _INVOICE_KINDS, lang))
    for key in ("seller", "buyer"):
        party = doc.get(key)
        if isinstance(party, dict):
            export.out.subheading(
                t("Seller", lang=lang) if key == "seller" else t("Buyer", lang=lang)
            )
            export.facts(party, _labelled(_PARTY, _PARTY_KINDS, lang))
    export.table(
        t("Invoice lines", lang=lang),
        _rows(doc.get("lines")),
        _labelled(_LINE, _LINE_KINDS, lang),
    )
    totals = doc.get("totals")
    if isinstance(totals, dict):
        export.out.subheading(t("Totals", lang=lang))
        export.facts(totals, _labelled(_TOTALS, _TOTALS_KINDS, lang))
    export.nested(doc, ("seller", "buyer", "lines", "totals"))


def _expenses(export: _Export, doc: Doc) -> None:
    lang = export.lang
    export.out.heading(
        t("Expenses of process {process}", lang=lang, process=doc.get("process", ""))
    )
    export.table(
        t("Expenses", lang=lang),
        _rows(doc.get("expenses")),
        _labelled(_EXPENSE, _EXPENSE_KINDS, lang),
    )
    export.nested(doc, ("expenses", "process"))


def _other(export: _Export, rel: str, doc: Doc) -> None:
    export.out.heading(rel)
    export.facts(doc, {})
    export.nested(doc, ())


_SECTIONS: dict[str, Callable[[_Export, Doc], None]] = {
    "clients": _client,
    "processes": _process,
    "expenses": _expenses,
    "invoices": _invoice,
}


def markdown(documents: Mapping[str, Doc], name: str, exported: date, lang: str) -> str:
    """The export in words: ``documents`` maps a store path to its shareable document (the
    JSON's ``documents``), ``name`` is the client's name, ``lang`` its document language."""
    export = _Export(lang)
    export.out.title(
        t("Data held about the client: {name}", lang=lang, name=name),
        t(
            "Exported {date} from the store of the work supervisor.",
            lang=lang,
            date=format_date(exported, lang=lang, weekday=False),
        ),
    )
    export.out.paragraph(
        t(
            "Not included: the session log of the meetings (confidential to the supervision) "
            "and the participants' names and contact details (their own personal data).",
            lang=lang,
        )
    )
    order = list(_SECTIONS)
    for rel in sorted(documents, key=lambda rel: (_rank(rel, order), _number_first(rel))):
        section = _SECTIONS.get(rel.partition("/")[0])
        if section is None:
            _other(export, rel, documents[rel])
        else:
            section(export, documents[rel])
    return export.out.text()


def _rank(rel: str, order: list[str]) -> int:
    folder = rel.partition("/")[0]
    return order.index(folder) if folder in order else len(order)


def _number_first(rel: str) -> tuple[int, str]:
    stem = rel.rpartition("/")[2].partition(".")[0]
    return (int(stem), rel) if stem.isdigit() else (0, rel)
