"""The client index, ``.cache/clients.json``: every client as one small row, by its file's stamp.

A twenty-year practice has some 300 clients; ``tyo client list`` and the year's turnover
want all of them, and decoding 300 TOML documents field by field is most of what those
commands would do. A row holds a client's fields as JSON values (amounts as their exact
text), made from the client as :meth:`Store.client` decodes and checks it, so only a new or
hand-edited client file is read. Read back, it is a :class:`ClientRow`: the client's fields
without the record, whose module costs list views more to import than the rows to read.
Like every index it is derived: a row that does not fit is made again from its file, and
the file can be deleted at any time.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NamedTuple

from tyonohjaus_cli.domain.prices import Changes, Dated
from tyonohjaus_cli.storage.index import Index, toml_files

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Client
    from tyonohjaus_cli.storage.store import Store

CLIENT_INDEX = "clients"
_FOLDER = "clients"


class ClientRow(NamedTuple):
    """A client's fields, in the order and with the values of :class:`domain.models.Client`
    (a test holds the two alike)."""

    id: str
    name: str
    business_id: str
    address: str
    email: str
    contact: str
    einvoice_address: str
    operator: str
    rate: Decimal | None
    discount: Decimal
    cancel_hours: int
    cancel_charge: Decimal
    payment_days: int
    public_body: bool
    language: str
    rate_changes: Changes
    discount_changes: Changes
    buyer_reference: str

    def client(self) -> Client:
        from tyonohjaus_cli.domain.models import Client

        return Client(*self)


_AMOUNTS = tuple(ClientRow._fields.index(name) for name in ("discount", "cancel_charge"))
_RATE = ClientRow._fields.index("rate")
_CHANGES = tuple(ClientRow._fields.index(name) for name in ("rate_changes", "discount_changes"))
_WHOLE = tuple(ClientRow._fields.index(name) for name in ("cancel_hours", "payment_days"))
_FLAG = ClientRow._fields.index("public_body")
_TEXTS = tuple(
    index
    for index in range(len(ClientRow._fields))
    if index not in {*_AMOUNTS, _RATE, *_CHANGES, *_WHOLE, _FLAG}
)


def row_of(client: Client | ClientRow) -> list[Any]:
    """A client as a row of the index: its fields in order, as JSON values."""
    row: list[Any] = [getattr(client, name) for name in ClientRow._fields]
    for index in (*_AMOUNTS, _RATE):
        row[index] = None if row[index] is None else str(row[index])
    for index in _CHANGES:
        row[index] = [[change.since.isoformat(), str(change.value)] for change in row[index]]
    return row


def row_from(value: Any) -> ClientRow | None:
    """The client a row of the index holds; ``None`` for one that does not fit (damaged,
    or older)."""
    if not isinstance(value, list) or len(value) != len(ClientRow._fields):
        return None
    fits = (
        all(type(value[index]) is str for index in (*_TEXTS, *_AMOUNTS))
        and all(type(value[index]) is int for index in _WHOLE)
        and type(value[_FLAG]) is bool
        and (value[_RATE] is None or type(value[_RATE]) is str)
        and all(type(value[index]) is list for index in _CHANGES)
    )
    if not fits:
        return None
    fields = list(value)
    try:
        for index in _AMOUNTS:
            fields[index] = Decimal(fields[index])
        if fields[_RATE] is not None:
            fields[_RATE] = Decimal(fields[_RATE])
        for index in _CHANGES:
            fields[index] = tuple(
                Dated(date.fromisoformat(since), Decimal(amount)) for since, amount in fields[index]
            )
    except (ValueError, TypeError, InvalidOperation):
        return None
    return ClientRow._make(fields)


def _is_row(value: Any) -> bool:
    return isinstance(value, list) and len(value) == len(ClientRow._fields)


def client_rows(store: Store) -> list[ClientRow]:
    """Every client, by id, as :meth:`Store.clients` gives them but as rows: from the client
    index, each checked against its file's stamp, so that only a new or changed file is
    decoded (and checked, its mistakes reported as always)."""
    store.settings()  # a store that needs `tyo init`, or damaged settings, says so first
    index = Index(store.root, CLIENT_INDEX)
    found = []
    present = set()
    for name, stamp in toml_files(store.root / _FOLDER):
        rel = f"{_FOLDER}/{name}"
        present.add(rel)
        cached = index.cached(rel, stamp, _is_row)
        row = row_from(cached) if cached is not None else None
        if row is None:
            client = store.client(name.removesuffix(".toml"))
            index.file(rel, stamp, row_of(client))
            row = ClientRow(*(getattr(client, field) for field in ClientRow._fields))
        found.append(row)
    index.forget_missing(present, f"{_FOLDER}/")
    index.save()
    return found
