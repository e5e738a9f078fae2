"""What each meeting of a process bills, for a year's turnover: ``.cache/charges-<year>.json``.

The year's turnover prices the meetings not yet invoiced (:mod:`usecases.turnover`); most of
the processes it would read for them have only a meeting cancelled in time, which bills
nothing. This index keeps, for each process the year needs, every meeting that bills with
its day and net (:func:`domain.billing.meeting_items`), so that the process need not be
read again. A price is a function of the settings, the client and the process, and of
tyo's own rules: an entry holds for the process file's stamp and for the very settings and
client it was priced with (a digest of each, as they were read, not their files' stamps,
which could change between the read and the look), and for this version of tyo; a file
with a new stamp whose part that bills is the same (its meetings still planned left out,
storage/parts.py), as after a planned meeting is moved, keeps its entry. Anything else, or
a damaged entry, is priced again from the files.
"""

from __future__ import annotations

import zlib
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli import __version__
from tyonohjaus_cli.storage.index import Index, stamp_of
from tyonohjaus_cli.storage.parts import part_digest

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tyonohjaus_cli.domain.settings import Settings
    from tyonohjaus_cli.storage.client_index import ClientRow
    from tyonohjaus_cli.storage.store import Store

Charge = tuple[str, date, Decimal]
"""A meeting's key (``process#n``), its day, and what it bills."""


def _digest(value: object) -> list[int]:
    """A value (a frozen dataclass, a named tuple) as two numbers: its text's CRC-32 and
    length."""
    text = repr(value).encode()
    return [zlib.crc32(text), len(text)]


def _fits(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and value[0] == __version__
        and isinstance(value[2], str)
        and isinstance(value[1], list)
        and all(
            isinstance(row, list) and len(row) == 3 and all(isinstance(x, str) for x in row)
            for row in value[1]
        )
    )


class Charges:
    """The meetings' charges of one year's processes, read and kept as they are asked for;
    :meth:`save` keeps only the processes asked for in this run."""

    def __init__(self, store: Store, year: int, settings: Settings) -> None:
        self.store = store
        self.index = Index(store.root, f"charges-{year}")
        self.settings = settings
        self._settings_digest = _digest(settings)
        self._asked: set[str] = set()

    def of(
        self, process_id: str, client_id: str, clients: Mapping[str, ClientRow]
    ) -> tuple[str, list[Charge]]:
        """What each billing meeting of ``process_id`` bills, and the client it bills:
        ``client_id`` as the index of processes says (``clients`` by id), unless the file
        says otherwise by the time it is read."""
        rel = f"processes/{process_id}.toml"
        stamp = stamp_of(self.store.root / rel)
        key = [*(stamp or []), *_digest(clients[client_id]), *self._settings_digest]
        part = None
        if stamp is not None:
            self._asked.add(rel)
            cached = self.index.cached(rel, key, _fits)
            if cached is None:
                cached, part = self._same_part(rel, process_id, key)
            if cached is not None:
                try:
                    return client_id, [
                        (item, date.fromisoformat(day), Decimal(net))
                        for item, day, net in cached[1]
                    ]
                except (ArithmeticError, ValueError):
                    pass  # damaged: priced again below
        from tyonohjaus_cli.domain.billing import meeting_items  # only to price one again

        process = self.store.process(process_id)
        charges = [
            (item.key, item.line.day, item.net)
            for item in meeting_items(self.settings, clients[process.client].client(), process)
        ]
        if stamp is not None and process.client == client_id:
            rows = [[item, day.isoformat(), str(net)] for item, day, net in charges]
            part = part or part_digest(self.store.process_document(process_id), None, planned=False)
            self.index.file(rel, key, [__version__, rows, part])
        return process.client, charges

    def _same_part(self, rel: str, process_id: str, key: list[int]) -> tuple[Any, str | None]:
        """The entry kept for a process file with another stamp but the same part (see
        :func:`storage.parts.part_digest`: its meetings still planned left out), filed anew
        under ``key``; and the part's digest."""
        entry = self.index.entries.get(rel)
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)):
            return None, None
        if entry[0][2:] != key[2:] or not _fits(entry[1]):
            return None, None
        part = part_digest(self.store.process_document(process_id), None, planned=False)
        if entry[1][2] != part:
            return None, part
        self.index.file(rel, key, entry[1])
        return entry[1], part

    def save(self) -> None:
        self.index.forget_missing(self._asked, "")
        self.index.save()
