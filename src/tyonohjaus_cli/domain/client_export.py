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

from collections.abc import Callable, Mapping, Sequence
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


class _Words:
    """How each kind of value reads in ``lang``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, msgid: str, **fields: object) -> str:
        return t(msgid, lang=self.lang, **fields)

    def text(self, value: Any) -> str:
        return str(value)

    def money(self, value: Any) -> str:
        amount = _decimal(value)
        return format_money(amount, lang=self.lang) if amount is not None else str(value)

    def percent(self, value: Any) -> str:
        amount = _decimal(value)
        return format_percent(amount, lang=self.lang) if amount is not None else str(value)

    def yes_no(self, value: Any) -> str:
        return self("yes") if value is True else self("no") if value is False else str(value)

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
        return self("{minutes} min", minutes=value)

    def hours(self, value: Any) -> str:
        return self("{hours} h", hours=value)

    def days(self, value: Any) -> str:
        if not isinstance(value, int):
            return str(value)
        return tn("{count} day", "{count} days", value, lang=self.lang)

    def language(self, value: Any) -> str:
        names = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
        return self(names[value]) if value in names else str(value)

    def kind(self, value: Any) -> str:
        try:
            return self(KIND_NAMES[ProcessKind(value)])
        except ValueError:
            return str(value)

    def word(self, value: Any) -> str:
        """A code of a fixed set (a status, a line's kind) in words."""
        return self(CODE_WORDS.get(str(value), str(value)))


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


# --- which field is which: a label and how its value reads ---------------------------------

_PARTY: dict[str, tuple[str, str]] = {
    "name": ("Name", "text"),
    "id": ("Client id", "text"),
    "business_id": ("Business ID", "text"),
    "address": ("Address", "text"),
    "email": ("E-mail", "text"),
    "phone": ("Phone", "text"),
    "contact": ("Contact person", "text"),
    "iban": ("Bank account (IBAN)", "text"),
    "bic": ("BIC", "text"),
    "einvoice_address": ("E-invoice address", "text"),
    "operator": ("E-invoice operator", "text"),
    "buyer_reference": ("Buyer reference", "text"),
    "rate": ("Price per unit", "money"),
    "discount": ("Discount", "percent"),
    "cancel_hours": ("Cancellation window", "hours"),
    "cancel_charge": ("A late cancellation bills", "percent"),
    "payment_days": ("Terms of payment", "days"),
    "public_body": ("Public body", "yes_no"),
    "language": ("Language of documents", "language"),
}
"""A client (``clients/ID.toml``), an invoice's buyer and its seller."""

_PROCESS: dict[str, tuple[str, str]] = {
    "id": ("Process id", "text"),
    "client": ("Client id", "text"),
    "kind": ("Kind", "kind"),
    "title": ("Title", "text"),
    "status": ("Status", "word"),
    "created": ("Created", "moment"),
    "closed": ("Closed", "moment"),
    "plan": ("Interval", "plan"),
    "group_size": ("Group size", "text"),
    "participants_named": ("Participants named", "text"),
    "place": ("Place", "text"),
    "online": ("Online", "text"),
    "phone": ("By phone", "yes_no"),
    "rate": ("Price per unit", "money"),
    "meeting_price": ("Price per meeting", "money"),
    "first_free": ("First unit free", "yes_no"),
    "co_supervisor": ("Co-supervisor", "text"),
}

_MEETING: dict[str, tuple[str, str]] = {
    "n": ("#", "text"),
    "start": ("Time", "moment"),
    "minutes": ("Minutes", "text"),
    "held_minutes": ("Held, minutes", "text"),
    "attended": ("Present", "text"),
    "status": ("Status", "word"),
    "cancelled_by": ("Cancelled by", "cancelled_by"),
    "notified_at": ("Notified", "moment"),
}

_GOAL: dict[str, tuple[str, str]] = {
    "n": ("#", "text"),
    "text": ("Goal", "text"),
    "by": ("Agreed with", "agreed"),
}

_REVIEW: dict[str, tuple[str, str]] = {
    "goal": ("Goal", "text"),
    "day": ("Date", "day"),
    "score": ("Score", "text"),
    "with": ("Evaluated", "reviewed"),
    "comment": ("Comment", "text"),
    "recorded": ("Recorded", "moment"),
    "shared": ("Shared with the client", "yes_no"),
}

_INVOICE: dict[str, tuple[str, str]] = {
    "number": ("Number", "text"),
    "kind": ("Document", "word"),
    "credit_for": ("Credits invoice", "text"),
    "issued": ("Invoice date", "day"),
    "due": ("Due date", "day"),
    "month": ("Month billed", "month"),
    "reference": ("Reference", "text"),
    "rf_reference": ("RF reference", "text"),
    "vat": ("VAT", "word"),
    "vat_exempt_ground": ("Ground for no VAT", "ground"),
    "buyer_reference": ("Buyer reference", "text"),
    "order_number": ("Order number", "text"),
    "contract": ("Framework agreement", "text"),
    "client": ("Client id", "text"),
    "date": ("Invoice date", "day"),
}

_LINE: dict[str, tuple[str, str]] = {
    "date": ("Date", "day"),
    "process": ("Process id", "text"),
    "title": ("Title", "text"),
    "kind": ("Item", "word"),
    "minutes": ("Minutes", "text"),
    "unit_minutes": ("Unit, minutes", "text"),
    "unit_price": ("Unit price", "money"),
    "percent": ("Percent", "percent"),
    "vat_percent": ("VAT %", "percent"),
    "amount": ("Amount", "money"),
    "pass_through": ("Pass-through item", "yes_no"),
    "item": ("Item id", "text"),
}

_TOTALS: dict[str, tuple[str, str]] = {
    "net": ("Total without VAT", "money"),
    "vat": ("VAT", "money"),
    "gross": ("Total", "money"),
}

_EXPENSE: dict[str, tuple[str, str]] = {
    "n": ("#", "text"),
    "date": ("Date", "day"),
    "description": ("Description", "text"),
    "amount": ("Amount without VAT", "money"),
    "vat": ("VAT %", "percent"),
    "pass_through": ("Pass-through item", "yes_no"),
}

_CHANGE: dict[str, tuple[str, str]] = {
    "from": ("From", "day"),
    "rate": ("Price per unit", "money"),
    "meeting_price": ("Price per meeting", "money"),
    "discount": ("Discount", "percent"),
}

LABELLED = {
    "clients": (_PARTY, _CHANGE),
    "processes": (_PROCESS, _MEETING, _GOAL, _REVIEW, _CHANGE),
    "invoices": (_INVOICE, _PARTY, _LINE, _TOTALS),
    "expenses": (_EXPENSE,),
}
"""Every table of labels by folder (for the test that keeps every field tyo writes labelled)."""

_SKIPPED = frozenset({"schema"})


class _Export:
    def __init__(self, lang: str) -> None:
        self.words = _Words(lang)
        self.out = Markdown(lang)

    def value(self, kind: str, value: Any, size: int = 0) -> str:
        words = self.words
        if value is None or value == "":
            return ""
        shows: dict[str, Show] = {
            "plan": lambda plan: plan_text(str(plan), words.lang) or str(plan),
            "cancelled_by": lambda who: (
                words("the client")
                if who == CancelledBy.CLIENT.value
                else words("the supervisor")
                if who == CancelledBy.SUPERVISOR.value
                else str(who)
            ),
            "agreed": lambda by: agreed_with_party(str(by), size, words.lang),
            "reviewed": lambda with_: reviewed_with_text(str(with_), size, words.lang),
            "ground": lambda ground: exemption_ground(str(ground), words.lang),
        }
        show = shows.get(kind) or getattr(words, kind)
        shown: str = show(value)
        return shown

    def facts(self, doc: Doc, labels: Mapping[str, tuple[str, str]], size: int = 0) -> None:
        """The plain fields of ``doc``: labelled ones in the table's order, then any other."""
        pairs = [
            (self.words(label), self.value(kind, doc[key], size))
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

    def table(
        self,
        heading: str,
        rows: Sequence[Doc],
        labels: Mapping[str, tuple[str, str]],
        size: int = 0,
    ) -> None:
        if not rows:
            return
        keys = [key for key in labels if any(key in row for row in rows)]
        keys += [key for row in rows for key in row if key not in labels and key not in keys]
        head = [self.words(labels[key][0]) if key in labels else key for key in keys]
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

    def nested(self, doc: Doc, labels: Mapping[str, Mapping[str, tuple[str, str]]]) -> None:
        """The tables and sub-records of ``doc`` not shown by its own section."""
        for key, value in doc.items():
            if key in labels or key in _SKIPPED:
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


def _changes(export: _Export, doc: Doc) -> None:
    words = export.words
    for key in ("rate_changes", "discount_changes", "meeting_price_changes"):
        rows = _rows(doc.get(key))
        if rows:
            heading = {
                "rate_changes": words("Changes of the price per unit"),
                "discount_changes": words("Changes of the discount"),
                "meeting_price_changes": words("Changes of the price per meeting"),
            }[key]
            export.table(heading, rows, _CHANGE)


def _client(export: _Export, doc: Doc) -> None:
    export.out.heading(export.words("Client"))
    export.facts(doc, _PARTY)
    _changes(export, doc)
    export.nested(doc, {"rate_changes": {}, "discount_changes": {}})


def _process(export: _Export, doc: Doc) -> None:
    words = export.words
    title, process_id = str(doc.get("title", "")), str(doc.get("id", ""))
    named = doc.get("participants_named")
    size = doc.get("group_size") or (named if isinstance(named, int) else 0)
    export.out.heading(
        words(
            "Supervision process: {title}", title=f"{title} ({process_id})" if title else process_id
        )
    )
    export.facts(doc, _PROCESS)
    _changes(export, doc)
    export.table(words("Goals"), _rows(doc.get("goals")), _GOAL, size)
    export.table(
        words("Goal reviews shared with the client"), _rows(doc.get("reviews")), _REVIEW, size
    )
    export.table(words("Meetings"), _rows(doc.get("meetings")), _MEETING)
    known: dict[str, Mapping[str, tuple[str, str]]] = {"goals": {}, "reviews": {}, "meetings": {}}
    known |= {key: {} for key in ("rate_changes", "discount_changes", "meeting_price_changes")}
    export.nested(doc, known)


def _invoice(export: _Export, doc: Doc) -> None:
    words = export.words
    number = doc.get("number", "")
    credit = doc.get("kind") == "credit-note"
    export.out.heading(
        words("Credit note {number}", number=number)
        if credit
        else words("Invoice {number}", number=number)
    )
    export.facts(doc, _INVOICE)
    for key, heading in (("seller", "Seller"), ("buyer", "Buyer")):
        party = doc.get(key)
        if isinstance(party, dict):
            export.out.subheading(words(heading))
            export.facts(party, _PARTY)
    export.table(words("Invoice lines"), _rows(doc.get("lines")), _LINE)
    totals = doc.get("totals")
    if isinstance(totals, dict):
        export.out.subheading(words("Totals"))
        export.facts(totals, _TOTALS)
    export.nested(doc, {"seller": {}, "buyer": {}, "lines": {}, "totals": {}})


def _expenses(export: _Export, doc: Doc) -> None:
    words = export.words
    export.out.heading(words("Expenses of process {process}", process=doc.get("process", "")))
    export.table(words("Expenses"), _rows(doc.get("expenses")), _EXPENSE)
    export.nested(doc, {"expenses": {}, "process": {}})


def _other(export: _Export, rel: str, doc: Doc) -> None:
    export.out.heading(rel)
    export.facts(doc, {})
    export.nested(doc, {})


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
    words = export.words
    export.out.title(
        words("Data held about the client: {name}", name=name),
        words(
            "Exported {date} from the store of the work supervisor.",
            date=format_date(exported, lang=lang, weekday=False),
        ),
    )
    export.out.paragraph(
        words(
            "Not included: the session log of the meetings (confidential to the supervision) "
            "and the participants' names and contact details (their own personal data)."
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
