"""The store: one folder of TOML and JSON files, and the only way in or out of it.

Layout (every file carries ``schema``)::

    settings.toml           the supervisor profile and practice defaults
    clients/<id>.toml       one per client (tilaaja)
    processes/<id>.toml     one per process, with its meetings
    sessions/<id>.json      the private session log of a process, see sessions.py
    history/                the change journal (undo), see journal.py
    .cache/                 derived indexes and caches, see index.py and settled.py
    .lock                   one writer at a time, see lock.py

Reads need no lock: every file is replaced atomically. Writes happen only inside
:meth:`Store.transaction`, which holds the lock and applies all of a command's writes as
one journalled change, or none of them.

Clients and processes are decoded by :mod:`codec`, imported where it is used: list views
read the index instead, and building the domain records is a good part of start-up.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Collection, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tyonohjaus_cli.domain.enums import MEETING_STATUSES, ProcessKind, ProcessStatus
from tyonohjaus_cli.domain.overview import AgendaItem, ProcessBrief
from tyonohjaus_cli.domain.parsing import parse_id
from tyonohjaus_cli.errors import StoreError, StoreFileError, TyoError, UsageError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage import files, journal, settings_codec, unread
from tyonohjaus_cli.storage import settled as settled_part
from tyonohjaus_cli.storage.documents import Doc, Fields, dump_toml, line_of, migrate, parse_toml
from tyonohjaus_cli.storage.files import ensure_private_dir
from tyonohjaus_cli.storage.index import (
    SETTINGS_INDEX,
    SETTLED_INDEX,
    DocCache,
    Index,
    ProcessSummary,
    Stamp,
    is_document,
    jsonable,
    stamp_of,
    stamps_in,
    toml_files,
)
from tyonohjaus_cli.storage.lock import store_lock

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Client, Process
    from tyonohjaus_cli.domain.sessionlog import SessionLog
    from tyonohjaus_cli.domain.settings import Settings

SETTINGS = "settings.toml"
CLIENTS = "clients"
PROCESSES = "processes"

T = TypeVar("T")


def _summary_fits(value: Any) -> bool:
    return isinstance(value, list) and len(value) == len(ProcessSummary._fields)


def client_path(client_id: str) -> str:
    return f"{CLIENTS}/{client_id}.toml"


def process_path(process_id: str) -> str:
    return f"{PROCESSES}/{process_id}.toml"


class Store:
    """A supervisor's store at ``root``."""

    def __init__(
        self,
        root: Path,
        *,
        lock_timeout: float = 30.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.root = root
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait  # told once when a change waits a while for another tyo
        self._index: Index | None = None
        self.saved: str | None = None
        """The command of the last change this store applied, if any (what a Ctrl-C after it
        is told: it is saved, not undone)."""
        self._settings_fields: Fields | None = None
        self._settings: Settings | None = None
        self._decoded_here: dict[str, tuple[Stamp, str, Any]] = {}
        """What :meth:`_decoded` decoded in this command, by file and its stamp."""
        self._once: dict[str, Any] = {}
        """What :meth:`once` made in this command, until a change."""
        self._summaries_here: list[tuple[Stamp | None, str | None, list[ProcessSummary]]] = []
        """The summaries read in this command, until a change: the processes folder's stamp,
        the wall-clock start from which they are whole (``None``: all of them), and they."""
        self._ahead: tuple[str, str] | None = None
        """The wall-clock span whose processes this command will decode (:meth:`decode_ahead`)."""
        self._handed: dict[str, tuple[Stamp, str, Any]] = {}
        """Files decoded by the copies of an index build, by file: its stamp, how it was
        decoded (see :meth:`_decoded`) and the decoded value (sent back in one stream with
        the copy's other results, so that what they share, such as the enums and the zone,
        is pickled once)."""
        self._along: tuple[Callable[[], list[tuple[str, Stamp]]], Callable[[str], Any]] | None
        self._along = None
        """The files this command will read besides, and how (:meth:`read_along`)."""
        self._read_along: dict[str, tuple[Stamp, Any]] = {}
        """What the copies of an index build read of those files, by file and its stamp."""

    # --- reading ---------------------------------------------------------------------

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = Index(self.root)
        return self._index

    @property
    def documents(self) -> DocCache:
        return DocCache(self.root)

    def drop_index(self) -> None:
        """Forget the index read so far (``tyo forget`` deletes it: nothing may save it back)."""
        self._index = None

    def read_text(self, rel: str) -> str | None:
        """A store file's text, ``None`` if absent; unreadable files are store errors."""
        link = files.linked_part(self.root, rel, last=files.FOLLOWS_LAST_LINK)
        if link is not None:
            raise StoreFileError(link, files.link_problem())
        try:
            return files.read_text(f"{self.root}{os.sep}{rel}")
        except (FileNotFoundError, NotADirectoryError):
            return None
        except files.NotRegularError as error:
            if (link := files.linked_part(self.root, rel)) is not None:  # the file itself
                raise StoreFileError(link, files.link_problem()) from None
            raise StoreFileError(rel, t("can't be read: {error}", error=error.strerror)) from None
        except UnicodeDecodeError as error:
            raise StoreFileError(rel, t("not UTF-8 text ({error})", error=error.reason)) from None
        except OSError as error:
            raise StoreFileError(rel, t("can't be read: {error}", error=error.strerror)) from None

    def _document(self, rel: str, text: str) -> Doc:
        return migrate(parse_toml(text, rel), rel, text)

    def _load(
        self, rel: str, decode: Callable[[Fields], T], text: str | None = None
    ) -> tuple[T, Doc]:
        """``rel`` (its ``text`` when read already) parsed, checked and decoded."""
        text = self.read_text(rel) if text is None else text
        if text is None:
            raise FileNotFoundError(rel)
        doc = self._document(rel, text)
        return decode(Fields(doc, rel, text)), doc

    def _decoded(self, rel: str, decode: Callable[[Fields], T], how: str = "") -> T:
        """``rel`` decoded: from its checked document in the cache while the file keeps the
        stamp it was read at (JSON, some twenty times faster than TOML), else parsed; the
        same file asked for again in one command is decoded once (``how`` tells decodings
        of one file apart, such as a process's in another timezone)."""
        stamp = stamps_in(self.root, (rel,))[0]
        if stamp is None:
            raise FileNotFoundError(rel)
        seen = self._decoded_here.get(rel)
        if seen is not None and seen[0] == stamp and seen[1] == how:
            return cast(T, seen[2])  # asked for again in this command (a month's clients)
        value: T | None = self._handed_over(rel, stamp, how)
        if value is None:
            value = self._from_document(rel, stamp, decode)
        if value is None:
            loaded, doc = self._load(rel, decode)
            self.documents.put(rel, stamp, doc)
            value = loaded
        self._decoded_here[rel] = (stamp, how, value)
        return value

    def _handed_over(self, rel: str, stamp: Stamp, how: str) -> Any:
        """``rel`` as a copy of the index build decoded it, while the file keeps the stamp
        it was listed with (else ``None``)."""
        handed = self._handed.pop(rel, None)
        if handed is None or handed[0] != stamp or handed[1] != how:
            return None
        return handed[2]

    def _from_document(self, rel: str, stamp: Stamp, decode: Callable[[Fields], T]) -> T | None:
        document = self.documents.get(rel, stamp)
        if document is None:
            return None
        try:
            return decode(Fields(document, rel, ""))
        except TyoError:
            # A decoding that depends on more than the file (a timezone changed since)
            # fails here; the file is then read again, so its error names the line.
            return None

    def once(self, key: str, build: Callable[[], T]) -> T:
        """``build()``, made once in a command until it changes the store: what several
        views of one command ask for (the invoice files' stamps, the invoice heads)."""
        if key not in self._once:
            self._once[key] = build()
        return cast(T, self._once[key])

    def is_initialised(self) -> bool:
        return (self.root / SETTINGS).is_file()

    def _settings_document(self) -> Fields:
        """settings.toml, checked; a store without it asks for ``tyo init``.

        Through its own small index (``.cache/settings.json``, a few hundred bytes): the
        file is parsed and checked whole after each change, and every other command reads
        it back without the TOML parser.
        """
        if self._settings_fields is None:
            stamp = stamp_of(self.root / SETTINGS)
            cache = Index(self.root, SETTINGS_INDEX)

            def build() -> Any:
                return jsonable(self._load(SETTINGS, self._checked_settings)[1])

            if stamp is None:
                raise self._no_store()
            try:
                document = cache.lookup(SETTINGS, stamp, build, is_document)
            except FileNotFoundError:  # removed since
                raise self._no_store() from None
            cache.save()
            self._settings_fields = Fields(document, SETTINGS, "")
        return self._settings_fields

    def _no_store(self) -> StoreError:
        if self.root.exists() and not self.root.is_dir():
            return StoreError(
                t(
                    "{root} is a file, not a store folder: point --store or TYO_HOME at a folder",
                    root=self.root,
                )
            )
        return StoreError(
            t(
                "no tyo store at {root}: run `tyo init` first "
                "(or point --store or TYO_HOME at your store)",
                root=self.root,
            )
        )

    def _checked_settings(self, fields: Fields) -> Settings:
        self._zone_of(fields)
        return settings_codec.settings_from_doc(fields)

    def _zone_of(self, fields: Fields) -> ZoneInfo:
        name = settings_codec.timezone_from_doc(fields)
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            text = fields.source or self.read_text(SETTINGS) or ""
            raise StoreFileError(
                SETTINGS,
                t("unknown timezone {name!r} (expected e.g. Europe/Helsinki)", name=name),
                line_of(text, "timezone"),
            ) from None

    def settings(self) -> Settings:
        """The supervisor's settings."""
        if self._settings is None:
            self._settings = settings_codec.settings_from_doc(self._settings_document())
        return self._settings

    def zone(self) -> ZoneInfo:
        """The store's timezone, in which every wall-clock time is kept."""
        return self._zone_of(self._settings_document())

    def client_ids(self) -> list[str]:
        self.settings()
        return [name.removesuffix(".toml") for name, _ in toml_files(self.root / CLIENTS)]

    def has_client(self, client_id: str) -> bool:
        return self._is_file(client_path(client_id))

    def client(self, client_id: str) -> Client:
        """The client ``client_id``; an unknown id is a usage error that says where to look."""
        from tyonohjaus_cli.storage import codec

        parse_id(client_id, t("client"))
        self.settings()
        try:
            client = self._decoded(client_path(client_id), codec.client_from_doc)
        except FileNotFoundError:
            raise UsageError(_unknown("client", client_id, self.client_ids())) from None
        self._check_id(client_path(client_id), client.id, client_id)
        return client

    def client_of(self, process: Process) -> Client:
        """The client a process names; one that does not exist is a mistake in its file."""
        if not self.has_client(process.client):
            rel = process_path(process.id)
            raise StoreFileError(
                rel,
                t(
                    "its client {client!r} does not exist: `tyo client list` shows the ids",
                    client=process.client,
                ),
                line_of(self.read_text(rel) or "", "client"),
            )
        return self.client(process.client)

    def clients(self) -> list[Client]:
        return [self.client(client_id) for client_id in self.client_ids()]

    def process_ids(self) -> list[str]:
        """Every process's id, from the folder's file names (for completion and typos)."""
        return [name.removesuffix(".toml") for name, _ in toml_files(self.root / PROCESSES)]

    def process_summaries(self) -> list[ProcessSummary]:
        """What the index keeps of every process (see :meth:`_summaries`)."""
        return self._summaries()

    def has_process(self, process_id: str) -> bool:
        return self._is_file(process_path(process_id))

    def _is_file(self, rel: str) -> bool:
        """``(root / rel).is_file()`` by text path: a month's loose ends ask ~1,500 times,
        and a path object made is ~10 µs."""
        try:
            mode = os.lstat(f"{self.root}{os.sep}{rel}").st_mode
        except (OSError, ValueError):
            return False
        if stat.S_ISLNK(mode):  # followed, as is_file() follows it
            return (self.root / rel).is_file()
        return stat.S_ISREG(mode)

    def process(self, process_id: str) -> Process:
        """The whole process ``process_id`` with its meetings."""
        from tyonohjaus_cli.storage import codec

        parse_id(process_id, t("process"))
        zone = self.zone()
        rel = process_path(process_id)
        try:
            process = self._decoded(
                rel, lambda fields: codec.process_from_doc(fields, zone), zone.key
            )
        except FileNotFoundError:
            raise UsageError(_unknown("process", process_id, self.process_ids())) from None
        self._check_id(rel, process.id, process_id)
        return self._with_hand_edits(rel, process)

    def process_document(self, process_id: str) -> dict[str, Any]:
        """A process file's checked document, as JSON reads it: from the document cache
        while the file keeps its stamp, else the file read and checked (and kept)."""
        rel = process_path(process_id)
        stamp = stamp_of(self.root / rel)
        document = None if stamp is None else self.documents.get(rel, stamp)
        if document is None:
            self.process(process_id)  # read and checked, its document kept
            stamp = stamp_of(self.root / rel)
            document = None if stamp is None else self.documents.get(rel, stamp)
        if document is None:  # a store we can't write to keeps none
            from tyonohjaus_cli.storage import codec

            zone = self.zone()
            _, doc = self._load(rel, lambda fields: codec.process_from_doc(fields, zone))
            document = jsonable(doc)
        return document

    def _with_hand_edits(self, rel: str, process: Process) -> Process:
        """A hand edit of what a calendar shows raises SEQUENCE (domain/calendar_changes.py);
        the file's modification time is when it happened."""
        from tyonohjaus_cli.domain.calendar_changes import with_changes_seen

        stamp = stamp_of(self.root / rel)
        if stamp is None:
            return process
        return with_changes_seen(process, datetime.fromtimestamp(stamp[0] / 1e9, UTC))

    def session_log(self, process_id: str) -> SessionLog:
        """The private session log of a process (empty until a meeting is logged).

        Confidential: only the supervisor's own views (log, notes, goals, the participants'
        summary, progress) call this; of what goes to a client, only a summary for which
        the names of those present were explicitly asked for (``--attendance-by-name``).
        """
        from tyonohjaus_cli.storage import sessions

        self.process(process_id)
        rel = sessions.session_path(process_id)
        return sessions.load(self.read_text(rel), rel, process_id, self.zone())

    def _check_id(self, rel: str, found: str, expected: str) -> None:
        if found != expected:
            text = self.read_text(rel) or ""
            raise StoreFileError(
                rel,
                t(
                    "'id' is {found!r} but the file name says {expected!r}",
                    found=found,
                    expected=expected,
                ),
                line_of(text, "id"),
            )

    def _summaries(self, since: str | None = None) -> list[ProcessSummary]:
        """The summary of every process, by id: from the index, or the files that changed.

        ``since`` (a wall-clock start as in :class:`ProcessSummary`) says that no meeting
        before it is wanted: while the settled part of the index is good, only the live
        processes are read and their files checked (see :func:`settled.settled_good`), so a
        month's view costs the same whatever the years before it; and a process file left
        unread (:mod:`.unread`) whose meetings are all before it stays unread. The earliest
        start this command will want (:meth:`decode_ahead`) counts as ``since``, so that
        the files are read in one round.
        """
        folder = stamp_of(self.root / PROCESSES)
        for seen, from_, kept in self._summaries_here:
            if seen == folder and (from_ is None or (since or "") >= from_):
                return kept  # asked for again in this command (bills and loose ends)
        if since is not None and self._ahead is not None:
            since = min(since, self._ahead[0])
        live_only = since is not None and settled_part.settled_good(self.index.meta, folder, since)
        live = self._live_summaries(since) if since is not None and live_only else None
        if live is not None:
            summaries, whole_from = live, since  # the live part alone: whole from ``since``
        else:
            summaries, whole = self._every_summary(folder, since)
            whole_from = None if whole else since
        self._summaries_here.append((folder, whole_from, summaries))
        return summaries

    def _live_summaries(self, since: str) -> list[ProcessSummary] | None:
        """The live processes' summaries, each checked against its file's stamp, but for
        those left unread with every meeting before ``since`` (see :mod:`.unread`); ``None``
        when one of the files is gone (then every file is listed again)."""
        index = self.index
        before = unread.unread_before(since)
        summaries = []
        rels = sorted(rel for rel in index.entries if rel.startswith(f"{PROCESSES}/"))
        for rel, stamp in zip(rels, stamps_in(self.root, rels), strict=True):
            if stamp is None:
                return None
            value = index.cached(rel, stamp, _summary_fits)
            if value is None and unread.still_unread(index.entries.get(rel), stamp, before):
                continue
            if value is None:
                value = self._summary_from_file(rel, stamp)
                index.file(rel, stamp, value)
            summaries.append(ProcessSummary._make(value))
        index.save()
        return summaries

    def _every_summary(
        self, folder: Stamp | None, since: str | None = None
    ) -> tuple[list[ProcessSummary], bool]:
        """Every process's summary, each file checked; the index parted anew into live and
        settled processes, and marked good for the folder as it is now. And whether the
        summaries are whole: for a view wanting nothing before ``since``, a file whose
        text plainly shows all its meetings before then and the process not open is left
        unread, and marked so in the index (:mod:`.unread`)."""
        index, settled = self.index, Index(self.root, SETTLED_INDEX)
        horizon = settled_part.horizon(self.zone())
        before = None if since is None else unread.unread_before(since)
        summaries = []
        names = set()
        listed = [
            (f"{PROCESSES}/{name}", stamp) for name, stamp in toml_files(self.root / PROCESSES)
        ]
        cached = [
            index.cached(rel, stamp, _summary_fits) or settled.cached(rel, stamp, _summary_fits)
            for rel, stamp in listed
        ]
        if before is not None:  # a file's mark, when this view leaves it unread again
            for at, ((rel, stamp), value) in enumerate(zip(listed, cached, strict=True)):
                if value is None:
                    entry = index.entries.get(rel) or settled.entries.get(rel)
                    cached[at] = unread.still_unread(entry, stamp, before)
        missing = [file for file, value in zip(listed, cached, strict=True) if value is None]
        built = iter(self._summaries_from_files(missing, before))
        still_open = []
        whole = True
        settled_before = unread.unread_before(horizon)
        for (rel, stamp), value in zip(listed, cached, strict=True):
            names.add(rel)
            made = next(built) if value is None else value
            if isinstance(made, str):  # its last start: left unread
                keep, other = (settled, index) if made < settled_before else (index, settled)
                keep.keep(rel, stamp, unread.mark(made))
                other.drop(rel)
                whole = False
                continue
            summary = ProcessSummary._make(made)
            if settled_part.is_settled(summary, horizon):
                keep, other = settled, index
                if summary.status == ProcessStatus.ACTIVE.value:
                    still_open.append([summary.id, summary.client])
            else:
                keep, other = index, settled
            keep.keep(rel, stamp, list(summary) if value is None else value)
            other.drop(rel)
            summaries.append(summary)
        for part in (index, settled):
            part.forget_missing(names, f"{PROCESSES}/")
        settled.save()  # first: the live part, saved next, says that this one is good
        index.set_meta(settled_part.OPEN, still_open)
        index.set_meta(settled_part.NOTE, [folder, horizon])
        index.save()
        return summaries, whole

    def decode_ahead(self, first: datetime, last: datetime) -> None:
        """Say that this command will decode the processes with a meeting from ``first``
        up to ``last``, and their clients (a month's bills and loose ends): an index built
        from the files (a first run) has them decoded by the copies that parse the files
        anyway, and handed over, so that this process parses none of them again."""
        self._ahead = (self._wall_clock(first), self._wall_clock(last))

    def read_along(
        self, files: Callable[[], list[tuple[str, Stamp]]], read: Callable[[str], Any]
    ) -> None:
        """Say that this command will read each of ``files()`` (``(file, stamp)``, asked
        for only when an index is built from the process files) with ``read`` (the invoice
        heads of a month's bills): the copies that parse every process file on a first run
        read them too, in the same round, and :meth:`taken_along` gives each result while
        its file keeps its stamp. ``read`` gives ``None`` for a file it can't read, which
        this process then reads itself, and says what is wrong as it would."""
        self._along = (files, read)

    def taken_along(self, rel: str, stamp: Stamp) -> Any:
        """What the index build's copies read of ``rel`` (:meth:`read_along`), while the
        file keeps the stamp it was read at (else ``None``)."""
        found = self._read_along.pop(rel, None)
        return found[1] if found is not None and found[0] == stamp else None

    def _summaries_from_files(
        self, files: list[tuple[str, Stamp]], before: str | None = None
    ) -> list[ProcessSummary | str]:
        """The summaries of process files the index lacks, in order; on a first run (all
        1,500 of a twenty-year store) shared with copies of tyo on the other cores, which
        also hand over the processes :meth:`decode_ahead` asked for, decoded, and read
        what :meth:`read_along` asked for. With ``before`` (a day, see
        :func:`unread.unread_before`), a file whose text plainly shows its last start
        before it, and the process not open, is not parsed: that day is given for it."""
        if not files:
            return []
        from tyonohjaus_cli.storage import codec, documents, workers

        zone = self.zone()  # the settings, read once for all the copies
        ahead, here = self._ahead, os.getpid()
        clients: set[str] = set()  # each copy's own: a client is handed over once

        def summarise(file: tuple[str, Stamp]) -> tuple[list[Any] | str, list[Any]]:
            rel, stamp = file
            text = self.read_text(rel)
            if text is not None and before is not None:
                day = unread.last_start(text)
                if day is not None and day < before:
                    return day, []
            documents.read_many(len(files))  # the compiled reader, in the copies alone
            process, doc = self._process_from_file(rel, text)
            summary = codec.summary_of_process(process)
            if ahead is None or not _overlaps(summary, *ahead):
                return list(summary), []
            if os.getpid() == here:  # no copies (one core): decoded here, and kept as JSON
                self._decoded_here[rel] = (stamp, zone.key, process)
                self.documents.put(rel, stamp, doc)
                return list(summary), []
            # A copy keeps no JSON copy, as for every other file it parses: a small file
            # made is ~0.1-0.5 ms here, more than a later command saves by reading it.
            handed = [[rel, stamp, zone.key, process]]
            client = self._client_to_hand(process.client, clients)
            return list(summary), handed if client is None else [*handed, client]

        along, read = ([], None) if self._along is None else (self._along[0](), self._along[1])

        def work(item: tuple[str, Stamp, bool]) -> tuple[list[Any] | str, list[Any]]:
            rel, stamp, besides = item
            if read is not None and besides:
                return [], [read(rel)]
            return summarise((rel, stamp))

        items = [(rel, stamp, False) for rel, stamp in files]
        items += [(rel, stamp, True) for rel, stamp in along]
        results = workers.share(work, items, aside=True)
        for (rel, stamp), (_, (value,)) in zip(along, results[len(files) :], strict=True):
            if value is not None:
                self._read_along[rel] = (stamp, value)
        for _, handed in results[: len(files)]:
            for rel, stamp, how, data in handed:
                self._handed[rel] = (stamp, how, data)
        return [
            summary if isinstance(summary, str) else ProcessSummary._make(summary)
            for summary, _ in results[: len(files)]
        ]

    def _client_to_hand(self, client_id: str, handed: set[str]) -> list[Any] | None:
        """A process's client decoded in a copy, to hand over (see :meth:`decode_ahead`);
        ``None`` once handed, and for one that is not there or has a mistake (this
        process then reads it, and tells the mistake as it would)."""
        from tyonohjaus_cli.storage import codec

        if client_id in handed:
            return None
        handed.add(client_id)
        try:
            parse_id(client_id, t("client"))
            rel = client_path(client_id)
            stamp = stamp_of(self.root / rel)
            if stamp is None:
                return None
            client, _ = self._load(rel, codec.client_from_doc)
            self._check_id(rel, client.id, client_id)
        except (TyoError, OSError):
            return None
        return [rel, stamp, "", client]

    def _process_from_file(self, rel: str, text: str | None = None) -> tuple[Process, Doc]:
        """A process file (its ``text`` when read already) read whole and checked, for its
        summary; and its document."""
        from tyonohjaus_cli.storage import codec

        zone = self.zone()
        process, doc = self._load(rel, lambda fields: codec.process_from_doc(fields, zone), text)
        self._check_id(rel, process.id, rel.removeprefix(f"{PROCESSES}/").removesuffix(".toml"))
        return process, doc

    def _summary_from_file(self, rel: str, stamp: Stamp) -> ProcessSummary:
        """The summary of a process file read whole, its checked document kept too (one
        file edited by hand, not a first index build)."""
        from tyonohjaus_cli.storage import codec

        process, doc = self._process_from_file(rel)
        self.documents.put(rel, stamp, doc)
        return codec.summary_of_process(process)

    def process_statuses(self) -> dict[str, tuple[str, ProcessStatus]]:
        """Every process's client and status, by id, from the index."""
        return {
            summary.id: (summary.client, ProcessStatus(summary.status))
            for summary in self._summaries()
        }

    def open_processes(self) -> list[tuple[str, str]]:
        """Every open (active) process's id and client, by file name, as
        :meth:`process_statuses` has them, with no settled process read while the settled
        part is good: the live part's open processes and those the settled part noted as
        open when it was made (a change by tyo to one of them files it in the live part,
        whose word then counts)."""
        noted = self.index.meta.get(settled_part.NOTE)
        horizon = noted[1] if isinstance(noted, list) and len(noted) == 2 else None
        summaries = self._summaries(since=horizon if isinstance(horizon, str) else None)
        found = settled_part.noted_open(self.index.meta)
        if found is None:  # an index made before the note: made again, with it
            summaries = self._summaries()
            found = settled_part.noted_open(self.index.meta) or {}
        for summary in summaries:
            if summary.status == ProcessStatus.ACTIVE.value:
                found[summary.id] = summary.client
            else:
                found.pop(summary.id, None)
        return sorted(found.items(), key=lambda pair: f"{pair[0]}.toml")

    def process_briefs(self, now: datetime) -> list[ProcessBrief]:
        """Every process, as list views show it; ``now`` decides which meeting is next."""
        zone = self.zone()
        after = now.astimezone(zone).replace(tzinfo=None).isoformat(timespec="minutes")
        kinds = {kind.value: kind for kind in ProcessKind}
        states = {state.value: state for state in ProcessStatus}

        def upcoming(planned: list[str]) -> str | None:
            # In order, and empty for most: a closed process has nothing planned.
            if not planned or planned[-1] < after:
                return None
            return next(start for start in planned if start >= after)

        return [
            ProcessBrief(
                id=summary.id,
                client=summary.client,
                kind=kinds[summary.kind],
                title=summary.title,
                status=states[summary.status],
                total=summary.kept,
                held=summary.held,
                open=summary.open,
                cancelled=summary.cancelled,
                wall_clock=(summary.first, summary.last, upcoming(summary.planned)),
                zone=zone,
            )
            for summary in self._summaries()
        ]

    def _wall_clock(self, moment: datetime) -> str:
        return moment.astimezone(self.zone()).replace(tzinfo=None).isoformat(timespec="minutes")

    def overlapping(self, first: datetime, last: datetime) -> list[ProcessSummary]:
        """The summaries of the processes with a meeting (of any status) from ``first`` up
        to ``last``, agreed or not, from the index."""
        low, high = self._wall_clock(first), self._wall_clock(last)
        return [
            summary
            for summary in self._summaries(since=low)
            if summary.earliest is not None
            and summary.latest is not None
            and summary.latest >= low
            and summary.earliest < high
        ]

    def agenda(
        self, first: datetime, last: datetime, *, clients: Collection[str] | None = None
    ) -> list[AgendaItem]:
        """Meetings of every agreed process starting from ``first`` up to ``last``, by time
        (only the processes of ``clients`` when given).

        A proposal's (or a declined offer's) meetings are not real yet: they are left out
        here, and so out of every view built on this one (agenda, billing).
        """
        zone = self.zone()
        statuses = MEETING_STATUSES
        items = [
            AgendaItem(
                process=summary.id,
                client=summary.client,
                title=summary.title,
                venue=summary.venue,
                n=int(n),
                of=summary.kept,
                start=datetime.fromisoformat(start).replace(tzinfo=zone),
                minutes=int(minutes),
                status=statuses[status],
            )
            for summary, n, start, minutes, status in self.meeting_slots(
                first, last, clients=clients
            )
        ]
        return sorted(items, key=lambda item: (item.start, item.process, item.n))

    def meeting_slots(
        self, first: datetime, last: datetime, *, clients: Collection[str] | None = None
    ) -> Iterator[tuple[ProcessSummary, str, str, str, str]]:
        """The meetings :meth:`agenda` gives, in no order, as the index keeps them: each
        process's summary and the meeting's number, wall-clock start, minutes and status as
        text (three years of a month's loose ends are sought without making ~2,500 items)."""
        low, high = self._wall_clock(first), self._wall_clock(last)
        agreed = {state.value for state in ProcessStatus if state.is_agreed}
        for summary in self.overlapping(first, last):
            if summary.status not in agreed or (
                clients is not None and summary.client not in clients
            ):
                continue
            for slot in summary.meetings.split(";"):
                n, start, minutes, status = slot.split(",")
                if low <= start < high:
                    yield summary, n, start, minutes, status

    # --- writing ---------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock, with any interrupted change rolled back first."""
        try:
            ensure_private_dir(self.root)
        except OSError as error:
            raise StoreError(
                t("can't create the store at {root}: {error}", root=self.root, error=error.strerror)
            ) from None
        with store_lock(self.root, self.lock_timeout, self.on_wait):
            try:
                journal.recover(self.root)
            except OSError as error:
                raise StoreError(
                    t(
                        "can't roll back an interrupted change: {error}; free some space "
                        "and run `tyo doctor`",
                        error=error.strerror or error,
                    )
                ) from None
            self._forget_what_was_read()
            try:
                yield
            finally:
                self._forget_what_was_read()  # the files may differ now

    def _forget_what_was_read(self) -> None:
        """Forget what this command has read: what follows a change must read it anew."""
        self._settings_fields = self._settings = None
        self._summaries_here.clear()
        self._once.clear()
        self._decoded_here.clear()
        self._handed.clear()
        self._read_along.clear()

    @contextlib.contextmanager
    def transaction(
        self, command: str, now: datetime, *, undoable: bool = True
    ) -> Iterator[Transaction]:
        """Hold the lock; the block stages writes, applied as one change if it succeeds.

        ``undoable=False`` (``tyo forget``) applies the change all-or-nothing but keeps no
        history entry, so the texts it replaces are not kept anywhere.
        """
        with self.locked():
            transaction = Transaction(self, now)
            folder = stamp_of(self.root / PROCESSES)
            yield transaction
            try:
                journal.commit(self.root, command, transaction.writes, now, undoable=undoable)
            except OSError as error:
                self._roll_back(error)
            self.saved = command
            self._index_summaries(transaction, folder)

    def _index_summaries(self, transaction: Transaction, folder: Stamp | None) -> None:
        """Put the processes a change saved into the index, so the next list view reads no
        TOML: the summary is made from the process in hand, and filed under the new stamp;
        so is each saved document in the document cache, so the next command decodes it
        from JSON (a ``meeting move`` after a ``log`` parses no TOML).

        The processes folder had the stamp ``folder`` before the change: when the index's
        settled part was good for it and the change only saved processes whose summaries
        it files, the settled part stays good for the folder as the change left it.
        """
        self._summaries_here.clear()
        self._once.clear()
        for rel, document in transaction.documents.items():
            stamp = stamp_of(self.root / rel)
            if stamp is not None:
                self.documents.put(rel, stamp, document)
        if not transaction.summaries:
            return
        index = self.index
        for rel, summary in transaction.summaries.items():
            stamp = stamp_of(self.root / rel)
            if stamp is not None:
                index.file(rel, stamp, summary)
        noted = index.meta.get(settled_part.NOTE)
        saved = [rel for rel in transaction.writes if rel.startswith(f"{PROCESSES}/")]
        if (
            folder is not None
            and isinstance(noted, list)
            and len(noted) == 2
            and noted[0] == folder
            and all(rel in transaction.summaries for rel in saved)
        ):
            index.set_meta(settled_part.NOTE, [stamp_of(self.root / PROCESSES), noted[1]])
        index.save()

    def _roll_back(self, error: OSError) -> NoReturn:
        """After a failed write: restore what was there, or leave it to the next command."""
        try:
            journal.recover(self.root)
        except (OSError, StoreError):
            # The pending entry stays; the next command (or `tyo doctor --fix`) rolls it back.
            raise StoreError(
                t(
                    "the change was not saved: {error}; the next tyo command will put "
                    "the store back as it was",
                    error=error.strerror or error,
                )
            ) from None
        raise StoreError(
            t(
                "the change was not saved: {error}; the store is as it was",
                error=error.strerror or error,
            )
        ) from None

    def undo(self) -> journal.Entry | None:
        """Revert the newest change (``None`` when there is none left)."""
        if not journal.entry_paths(self.root) and not journal.has_pending(self.root):
            return None  # and no lock file is made where there is no store
        with self.locked():
            entry = journal.newest(self.root)
            if entry is not None:
                _refuse_undoing_an_invoice(entry)
            try:
                undone = journal.undo(self.root)
            except OSError as error:
                self._roll_back(error)
            if undone is not None:
                self.saved = "undo"
            return undone

    def history(self, newest: int) -> list[journal.Entry]:
        """The ``newest`` committed changes, oldest first."""
        return journal.entries(self.root, newest)

    def recover_if_needed(self) -> None:
        """Roll back a change a crash left half-applied, before anything reads the store."""
        if journal.has_pending(self.root):
            with self.locked():
                pass


def _overlaps(summary: ProcessSummary, low: str, high: str) -> bool:
    """Whether a process has a meeting from ``low`` up to ``high`` (wall-clock starts)."""
    return (
        summary.latest is not None
        and summary.earliest is not None
        and summary.latest >= low
        and summary.earliest < high
    )


def _unknown(what: str, given: str, known: list[str]) -> str:
    """An unknown id, with the ids it is probably a typo of (as an unknown command gets)."""
    from difflib import get_close_matches

    close = get_close_matches(given, known, n=3, cutoff=0.6)
    names = ", ".join(close)
    if what == "client":
        if close:
            return t(
                "unknown client {id!r}: did you mean {names}? (`tyo client list` shows the ids)",
                id=given,
                names=names,
            )
        return t("unknown client {id!r}: `tyo client list` shows the ids", id=given)
    if close:
        return t(
            "unknown process {id!r}: did you mean {names}? (`tyo process list` shows the ids)",
            id=given,
            names=names,
        )
    return t("unknown process {id!r}: `tyo process list` shows the ids", id=given)


def _refuse_undoing_an_invoice(entry: journal.Entry) -> None:
    """An issued invoice or credit note never changes, not even by undo (payments may)."""
    from tyonohjaus_cli.storage.invoices import INVOICES, PAYMENTS

    for change in entry.changes:
        if change.path.startswith(f"{INVOICES}/") and change.path != PAYMENTS:
            raise StoreError(
                t(
                    "can't undo '{command}': it issued {path}, and an issued invoice never "
                    "changes; `tyo invoice credit` corrects one; nothing was changed",
                    command=entry.command,
                    path=change.path,
                )
            )


class Transaction:
    """The writes of one command, staged until the command has succeeded."""

    def __init__(self, store: Store, now: datetime) -> None:
        self.store = store
        self.now = now
        self.writes: dict[str, str | None] = {}
        self.summaries: dict[str, ProcessSummary] = {}
        """What the index keeps of each process saved, filed once the change is applied."""
        self.documents: dict[str, Doc] = {}
        """The document of each client and process saved, as the file reads back (checked,
        migrated, as JSON): filed in the document cache once the change is applied, so the
        next command does not parse the TOML it was written as."""

    def write(self, rel: str, text: str | None) -> None:
        self.writes[rel] = text
        self.summaries.pop(rel, None)
        self.documents.pop(rel, None)

    def _save_document(self, rel: str, doc: Doc) -> None:
        self.write(rel, dump_toml(doc))
        self.documents[rel] = jsonable(migrate(doc, rel, ""))

    def save_settings(self, settings: Settings) -> None:
        self.write(SETTINGS, dump_toml(settings_codec.settings_to_doc(settings)))

    def save_client(self, client: Client) -> None:
        from tyonohjaus_cli.storage import codec

        self._save_document(client_path(client.id), codec.client_to_doc(client))

    def save_process(self, process: Process) -> None:
        from tyonohjaus_cli.domain.calendar_changes import with_changes_seen
        from tyonohjaus_cli.storage import codec
        from tyonohjaus_cli.storage.invoices import check_invoiced_meetings

        # A change an invitation shows (process edit --place, ...) raises SEQUENCE.
        process = with_changes_seen(process, self.now)
        check_invoiced_meetings(self.store, process)  # an invoiced meeting never changes
        self._save_document(process_path(process.id), codec.process_to_doc(process))
        self.summaries[process_path(process.id)] = codec.summary_of_process(process)

    def save_session_log(self, log: SessionLog) -> None:
        from tyonohjaus_cli.storage import sessions

        self.write(sessions.session_path(log.process), sessions.dump(log))
