"""The client index, ``.cache/clients.json``: every client as one small row, by its file's stamp.

A twenty-year practice has some 300 clients; ``tyo client list`` and the year's turnover
want all of them, and decoding 300 TOML documents field by field is most of what those
commands would do. A row holds a :class:`Client`'s fields as JSON values (amounts as their
exact text), made from the client as :meth:`Store.client` decodes and checks it, so only a
new or hand-edited client file is read. Like every index it is derived: a row that does not
fit is made again from its file, and the file can be deleted at any time.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli.domain.models import Client
from tyonohjaus_cli.domain.prices import Dated
from tyonohjaus_cli.storage.index import Index, toml_files

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store

CLIENT_INDEX = "clients"
_FOLDER = "clients"
_NAMES = tuple(field.name for field in fields(Client))
_AMOUNTS = frozenset({"rate", "discount", "cancel_charge"})
_CHANGES = frozenset({"rate_changes", "discount_changes"})
_WHOLE = frozenset({"cancel_hours", "payment_days"})
_FLAGS = frozenset({"public_body"})


def row_of(client: Client) -> list[Any]:
    """A client as a row of the index: its fields in order, as JSON values."""
    row: list[Any] = []
    for name in _NAMES:
        value = getattr(client, name)
        if name in _AMOUNTS:
            row.append(None if value is None else str(value))
        elif name in _CHANGES:
            row.append([[change.since.isoformat(), str(change.value)] for change in value])
        else:
            row.append(value)
    return row


def _field(name: str, value: Any) -> Any:
    """One field of a row back as the client has it; ``ValueError`` if it does not fit."""
    result = value
    if name in _AMOUNTS:
        fits = isinstance(value, str) or (value is None and name == "rate")
        result = Decimal(value) if isinstance(value, str) else None
    elif name in _CHANGES:
        fits = isinstance(value, list)
        result = tuple(
            Dated(date.fromisoformat(since), Decimal(amount)) for since, amount in value or ()
        )
    elif name in _WHOLE:
        fits = type(value) is int
    elif name in _FLAGS:
        fits = type(value) is bool
    else:
        fits = isinstance(value, str)
    if not fits:
        raise ValueError(name)
    return result


def client_of(row: Any) -> Client | None:
    """The client a row holds; ``None`` for a row that does not fit (damaged, or older)."""
    if not isinstance(row, list) or len(row) != len(_NAMES):
        return None
    try:
        return Client(
            **{name: _field(name, value) for name, value in zip(_NAMES, row, strict=True)}
        )
    except (ValueError, TypeError, InvalidOperation):
        return None


def _is_row(value: Any) -> bool:
    return isinstance(value, list) and len(value) == len(_NAMES)


def clients(store: Store) -> list[Client]:
    """Every client, by id, as :meth:`Store.clients` gives them: from the client index,
    each checked against its file's stamp, so that only a new or changed file is decoded
    (and checked, its mistakes reported as always)."""
    store.settings()  # a store that needs `tyo init`, or damaged settings, says so first
    index = Index(store.root, CLIENT_INDEX)
    found = []
    present = set()
    for name, stamp in toml_files(store.root / _FOLDER):
        rel = f"{_FOLDER}/{name}"
        present.add(rel)
        row = index.cached(rel, stamp, _is_row)
        client = client_of(row) if row is not None else None
        if client is None:
            client = store.client(name.removesuffix(".toml"))
            index.file(rel, stamp, row_of(client))
        found.append(client)
    index.forget_missing(present, f"{_FOLDER}/")
    index.save()
    return found
