"""What an answer kept in ``.cache/`` is made of: the stamps it is checked against.

A month's bills (usecases/kept_bills.py) and loose ends (usecases/loose_ends.py) are kept
under these, as JSON reads them back (lists, not tuples), and made again the moment one
differs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli import __version__
from tyonohjaus_cli.digests import digest
from tyonohjaus_cli.storage import expenses as expense_store
from tyonohjaus_cli.storage import invoices as invoice_store
from tyonohjaus_cli.storage.index import Stamp, stamp_of, stamps_in, toml_files
from tyonohjaus_cli.storage.parts import part_digest
from tyonohjaus_cli.storage.store import CLIENTS, PROCESSES, SETTINGS, client_path, process_path

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store


def every_answer(store: Store) -> list[Any]:
    """What every kept answer is made of: tyo itself, the settings, the expenses and the
    invoices."""
    return [
        __version__,
        stamp_of(store.root / SETTINGS),
        [list(item) for item in toml_files(store.root / expense_store.EXPENSES)],
        [list(item) for item in invoice_store.invoice_files(store)],
    ]


def every_file(store: Store) -> str:
    """A digest of the stamps of every file a year's answer reads: those of
    :func:`every_answer`, and every client's and process's file (a stamp of 1,800 files
    costs ~3 ms; a digest keeps the answer's head small)."""
    listed = [
        *every_answer(store),
        toml_files(store.root / CLIENTS),
        toml_files(store.root / PROCESSES),
    ]
    return rows_digest(listed)


def processes(store: Store, ids: Iterable[str]) -> list[list[Any]]:
    """``[id, stamp]`` of each process file, by id."""
    ordered = sorted(ids)
    stamps = stamps_in(store.root, [process_path(pid) for pid in ordered])
    return [[pid, stamp] for pid, stamp in zip(ordered, stamps, strict=True)]


def clients(store: Store, ids: Iterable[str]) -> dict[str, Stamp | None]:
    """The stamp of each client's file (``None`` for the forgotten ones, ``""``)."""
    wanted = sorted(set(ids))
    named = [cid for cid in wanted if cid]
    found: dict[str, Stamp | None] = dict.fromkeys(wanted)
    found.update(zip(named, stamps_in(store.root, map(client_path, named)), strict=True))
    return found


def parts(store: Store, ids: Iterable[str], end: date, known: Any) -> dict[str, list[Any]]:
    """``[stamp, digest]`` of the part of each process file before ``end`` (its fields and
    meetings starting before it, see :func:`storage.parts.part_digest`), by id: as
    ``known`` (as kept) while a file keeps its stamp, else made from its document, or
    ``[stamp, None]`` for one not known before (a first run reads no document for it: an
    answer is then kept for that very file, the first change to it makes it again);
    ``[None, None]`` for a file not there."""
    before = (end + timedelta(days=1)).isoformat()  # room for a start with an offset
    ordered = sorted(set(ids))
    known = known if isinstance(known, dict) else {}
    found: dict[str, list[Any]] = {}
    for pid, stamp in zip(ordered, stamps_in(store.root, map(process_path, ordered)), strict=True):
        seen = known.get(pid)
        if stamp is None:
            found[pid] = [None, None]
        elif isinstance(seen, list) and len(seen) == 2 and seen[0] == stamp:
            found[pid] = seen
        elif pid not in known:  # kept by its stamp alone until it changes (a first run)
            found[pid] = [stamp, None]
        else:
            found[pid] = [stamp, part_digest(store.process_document(pid), before)]
    return found


def rows_digest(rows: list[Any]) -> str:
    """A digest of kept rows (as JSON reads them back): what a view drawn from them is
    kept under."""
    return digest(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode())
