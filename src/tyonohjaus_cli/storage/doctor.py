"""``tyo doctor``: read every file of the store and say what is wrong, and what to do.

:func:`examine` only reads (no lock, no rollback, so it works on a store that no other
command can open); the one file it writes is its own cache, ``.cache/doctor.json``. It
reads every file whole on every run, and parses and decodes each document whose bytes it
has not found in order before (:mod:`.checked`); with many to parse, the work is shared
with copies of this process on the other cores (:mod:`.workers`). It checks:

- every document parses, has a known ``schema``, and decodes (settings, clients,
  processes, session logs, invoices, payments and expenses: every field, as the commands
  read them; a folder this tyo does not know: the schema and the references);
- references: a process's client, a document's ``process``/``client``, an ``invoice``
  number mentioned anywhere outside ``invoices/``, duplicate invoice numbers (duplicate
  meeting numbers are caught when the process is decoded);
- permissions: folders 0700, files 0600 (POSIX);
- leftovers of interrupted writes: temporary files, pending journal entries, stale lock
  info (a tyo killed while holding the lock), a damaged cache; damaged history entries;
- the reserved folders: ``.cache`` and ``history`` must be folders if they exist (a file of
  that name makes tyo run unindexed, or refuse every change);
- calendar UIDs: no two meetings of the store share one (calendar apps merge them).

:func:`repair` fixes only what loses nothing: permissions, temporary files, the cache
(derived data, even when it is a file where the folder should be), stale lock info, and
interrupted changes (rolled back, as the next command would). Everything else is left for
the supervisor, with advice.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tyonohjaus_cli.digests import digest
from tyonohjaus_cli.errors import NewerSchemaError, StoreFileError, TyoError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage import (
    checked,
    codec,
    inventory,
    invoices,
    journal,
    settings_codec,
    workers,
)
from tyonohjaus_cli.storage.documents import Doc, Fields, line_of
from tyonohjaus_cli.storage.files import DIR_MODE, FILE_MODE, READ_LIMIT, read_bytes, remove
from tyonohjaus_cli.storage.index import CACHE, read_sealed
from tyonohjaus_cli.storage.lock import LOCK_NAME, holder, is_locked, store_lock

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store


@dataclass(frozen=True)
class Problem:
    """One thing wrong: where, what, what to do, and whether ``--fix`` repairs it."""

    path: str
    problem: str
    advice: str
    fixable: bool = False
    line: int | None = None
    kind: str = "file"


@dataclass
class Checkup:
    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)


def _edit_advice() -> str:
    return t(
        "correct it in an editor (the message names the line), or restore the file from "
        "a backup; `tyo history` shows the recent changes to it"
    )


def _file_problem(error: StoreFileError) -> Problem:
    if isinstance(error, NewerSchemaError):
        # The file is right for the tyo that wrote it; edited down, it would lose what it says.
        advice = t(
            "upgrade tyo to the version that wrote it (`tyo --version` shows this one); "
            "do not edit the file"
        )
        return Problem(error.path, error.problem, advice, line=error.line)
    return Problem(error.path, error.problem, _edit_advice(), line=error.line)


def _read(base: str, rel: str) -> bytes | Problem:
    try:
        return read_bytes(base + rel)
    except OSError as error:
        return Problem(
            rel,
            t("can't be read: {error}", error=error.strerror),
            t("check the file's owner and permissions"),
        )


def _zone(settings_doc: Doc | None) -> ZoneInfo:
    calendar = (settings_doc or {}).get("calendar", {})
    name = calendar.get("timezone", "Europe/Helsinki") if isinstance(calendar, dict) else ""
    try:
        return ZoneInfo(name) if isinstance(name, str) else ZoneInfo("Europe/Helsinki")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Helsinki")


def _invoice_refs(value: Any, found: list[int]) -> None:
    """Every integer under a key ``invoice`` in a document, however deep."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "invoice" and isinstance(item, int) and not isinstance(item, bool):
                found.append(item)
            else:
                _invoice_refs(item, found)
    elif isinstance(value, list):
        for item in value:
            _invoice_refs(item, found)


def _may_name_invoices(text: str) -> bool:
    """Whether a document of ``text`` can have a key ``invoice`` at all: only if the word is
    in its text, or an escape (``\\u0069nvoice`` in a quoted key) could spell it. Most
    process files have neither, and walking every value of one is ~10 µs."""
    return "invoice" in text or "\\" in text


@dataclass(slots=True)
class Examined:
    """One document examined on its own: what is wrong with it, in the order the checks
    name it, and what the checks across documents need of it."""

    rel: str
    unread: list[Problem] = field(default_factory=list)
    """It can't be read, is not UTF-8, does not parse or has an unknown schema."""
    known: list[Problem] = field(default_factory=list)
    """Settings, a client or a process that does not decode, or is misnamed."""
    others: list[Problem] = field(default_factory=list)
    """A session log, an invoice or expenses that do not decode."""
    parsed: bool = False
    process: tuple[str, str] | None = None
    """A process that decodes: its id and client."""
    uids: list[str] = field(default_factory=list)
    """A process's meetings' calendar UIDs, in file order."""
    numbers: list[int] = field(default_factory=list)
    """And their numbers (two plain lists: 15,000 pairs would be as many objects more)."""
    number: int | None = None
    """An invoice document's ``number``."""
    owner: tuple[str | None, str | None] = (None, None)
    """The client and process a document of another folder names."""
    refs: list[int] = field(default_factory=list)
    """The invoice numbers a document outside ``invoices/`` names, sorted."""
    digest: str | None = None
    """The digest of the bytes examined, where a copy of tyo read them itself and what is
    found of the document may be kept (:func:`_may_keep`)."""

    @property
    def in_order(self) -> bool:
        return self.parsed and not (self.unread or self.known or self.others)

    def facts(self) -> dict[str, Any]:
        """What :mod:`checked` keeps of a document in order."""
        return {
            "process": self.process,
            "uids": self.uids,
            "numbers": self.numbers,
            "number": self.number,
            "owner": self.owner,
            "refs": self.refs,
        }

    @classmethod
    def known_in_order(cls, rel: str, facts: dict[str, Any]) -> Examined | None:
        """A document found in order before, from its facts (None if they do not read)."""
        try:
            process = facts["process"]
            client, owner = facts["owner"]
            return cls(
                rel,
                parsed=True,
                process=(str(process[0]), str(process[1])) if process else None,
                uids=_strings(facts["uids"]),
                numbers=_whole_numbers(facts["numbers"], len(facts["uids"])),
                number=None if facts["number"] is None else int(facts["number"]),
                owner=(client, owner),
                refs=[int(n) for n in facts["refs"]],
            )
        except (KeyError, TypeError, ValueError):
            return None


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(value)
    return value


def _whole_numbers(value: Any, count: int) -> list[int]:
    if not isinstance(value, list) or len(value) != count:
        raise TypeError(value)
    if not all(isinstance(item, int) and not isinstance(item, bool) for item in value):
        raise TypeError(value)
    return value


def _may_keep(rel: str) -> bool:
    """Whether what is found of ``rel`` depends on its bytes alone (see :mod:`checked`):
    not settings (the time zone is read from them) or payments (checked against every
    invoice), nor an expenses file that is read under another file's name."""
    if rel in (SETTINGS, invoices.PAYMENTS):
        return False
    if not rel.startswith(_EXPENSES):  # nearly every file: no need to take the name apart
        return True
    from tyonohjaus_cli.storage import expenses

    _, name, stem = inventory.walked_name(rel)
    return not (name.endswith(".toml") and rel != expenses.expenses_path(stem))


_EXPENSES = "expenses/"


def _look(item: tuple[str, bytes | None], base: str, zone: ZoneInfo, store: Store) -> Examined:
    """:func:`_examine` one document, read here when its bytes are not given: on a first
    look each copy of tyo reads the files it takes, so that no process holds every file's bytes
    (the copies would start with all of them), and the reading is shared too."""
    rel, data = item
    if data is not None:
        return _examine((rel, data), zone, store)
    read = _read(base, rel)
    if isinstance(read, Problem):
        return Examined(rel, unread=[read])
    found = _examine((rel, read), zone, store)
    if found.in_order and _may_keep(rel):
        found.digest = digest(read)
    return found


def _examine(item: tuple[str, bytes], zone: ZoneInfo, store: Store) -> Examined:
    """Parse, decode and describe one document, as the commands read it."""
    rel, data = item
    found = Examined(rel)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        found.unread.append(Problem(rel, t("not UTF-8 text"), _edit_advice()))
        return found
    try:
        doc = inventory.parse_document(rel, text)
    except StoreFileError as error:
        found.unread.append(_file_problem(error))
        return found
    found.parsed = True
    walked = inventory.walked_name(rel)  # once: each of 2,400 documents
    _decode_known(found, doc, text, zone, walked)
    _decode_other(found, doc, text, zone, store, walked)
    folder = walked[0]
    if folder == inventory.INVOICES:
        number = doc.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            found.number = number
    else:
        refs: list[int] = []
        if _may_name_invoices(text):
            _invoice_refs(doc, refs)
        found.refs = sorted(set(refs))
    if folder not in ("", "clients", "processes", inventory.INVOICES):
        owner = inventory.owner_of(rel, doc)
        found.owner = (owner.client, owner.process)
    return found


SETTINGS = "settings.toml"


def _decode_known(
    found: Examined, doc: Doc, text: str, zone: ZoneInfo, walked: tuple[str, str, str]
) -> None:
    """Decode settings, a client or a process fully (``walked``: the folder, name and stem
    of its path)."""
    rel = found.rel
    folder, _, expected = walked
    try:
        if rel == SETTINGS:
            profile = settings_codec.settings_from_doc(Fields(doc, rel, text))
            found.known.extend(_check_zone(rel, profile.timezone, text))
        elif folder == "clients":
            client = codec.client_from_doc(Fields(doc, rel, text))
            found.known.extend(_check_id(rel, client.id, expected))
        elif folder == "processes":
            fields = Fields(doc, rel, text)
            process = codec.process_from_doc(fields, zone)
            found.known.extend(_check_id(rel, process.id, expected))
            found.process = (process.id, process.client)
            # Both checked by the decoding, the meetings in file order.
            found.uids = [meeting.uid for meeting in process.meetings]
            found.numbers = [meeting.n for meeting in process.meetings]
    except StoreFileError as error:
        found.known.append(_file_problem(error))


def _decode_other(
    found: Examined,
    doc: Doc,
    text: str,
    zone: ZoneInfo,
    store: Store,
    walked: tuple[str, str, str],
) -> None:
    """Decode a session log, an invoice or expenses as their commands read them."""
    from tyonohjaus_cli.storage import expenses, sessions

    rel = found.rel
    folder, name, stem = walked
    try:
        if folder == sessions.SESSIONS and rel == sessions.session_path(stem):
            sessions.load(text, rel, stem, zone)
        elif folder == invoices.INVOICES and rel != invoices.PAYMENTS:
            if _invoice_number(rel) is not None:
                invoices.invoice_from_parsed(doc, text, rel)  # its payment: _check_payments
        elif folder == expenses.EXPENSES and name.endswith(".toml"):
            expenses.expenses_of(store, stem)
    except StoreFileError as error:
        found.others.append(_file_problem(error))
    except (TyoError, ValueError, TypeError, KeyError) as error:
        found.others.append(Problem(rel, str(error), _edit_advice()))


def _invoice_number(rel: str) -> int | None:
    """The number of ``invoices/<number>.json``, the name an invoice is read by."""
    if not rel.startswith(_INVOICES):
        return None
    stem = inventory.walked_name(rel)[2]
    if stem.isascii() and stem.isdecimal() and rel == invoices.invoice_path(int(stem)):
        return int(stem)
    return None


_INVOICES = f"{inventory.INVOICES}/"


def _preload(files: int) -> None:
    """Import what examining ``files`` documents imports, before copies of this process
    share the work: each would import it again (and an import is no work to share). The
    compiled TOML reader is loaded by the copies, which do all the work (``aside``)."""
    from tyonohjaus_cli.storage import documents, expenses, sessions  # noqa: F401

    documents.read_many(files, load=False)


@dataclass
class _Read:
    """Every document of the store, examined."""

    root: Path
    documents: list[Examined]
    seen: checked.Checked


def _documents(root: Path, survey: inventory.Survey, checkup: Checkup) -> _Read:
    """Every document of the store examined on its own, in file order.

    Every file is read whole, every time; one whose bytes were found in order before
    (:mod:`checked`) is not parsed again, nor kept in memory. The rest are parsed and
    decoded, shared with copies of this process on the other cores when there are many
    (:mod:`workers`).
    """
    from tyonohjaus_cli.storage.store import Store

    rels = [rel for rel in inventory.own_files(survey.found) if inventory.is_document(rel)]
    every = rels
    checkup.files += len(rels)
    base = f"{root}{os.sep}"
    settings = _read(base, SETTINGS) if SETTINGS in rels else None
    settings_doc = None
    if isinstance(settings, bytes):
        with contextlib.suppress(UnicodeDecodeError, StoreFileError):
            settings_doc = inventory.parse_document(SETTINGS, settings.decode("utf-8"))
    zone = _zone(settings_doc)
    seen = checked.Checked(root, checked.fingerprint(zone.key))
    examined: dict[str, Examined] = {}
    digests: dict[str, str] = {}
    work: list[tuple[str, bytes | None]] = []
    if not seen.before:  # nothing found in order before: every document is parsed
        kept = settings if isinstance(settings, bytes) else None
        work = [(rel, kept if rel == SETTINGS else None) for rel in rels]
        rels = []  # read where they are examined (:func:`_look`)
    for rel in rels:
        data = settings if rel == SETTINGS and settings is not None else _read(base, rel)
        if isinstance(data, Problem):
            examined[rel] = Examined(rel, unread=[data])
            continue
        if _may_keep(rel):
            digests[rel] = digest(data)
            facts = seen.facts(rel, digests[rel])
            known = Examined.known_in_order(rel, facts) if facts is not None else None
            if known is not None:
                examined[rel] = known
                continue
        work.append((rel, data))
    _preload(len(work))
    look = partial(_look, base=base, zone=zone, store=Store(root))
    for found in workers.share(look, work, aside=True):
        examined[found.rel] = found
        bytes_digest = found.digest or digests.get(found.rel)
        if found.in_order and bytes_digest is not None:
            found.digest = None
            seen.keep(found.rel, bytes_digest, found.facts())
    return _Read(root, [examined[rel] for rel in every], seen)


def _calendar_uids(read: _Read, checkup: Checkup) -> None:
    """Every meeting's calendar UID is its own: calendar apps take two events with the same
    UID for one, so one of the meetings would vanish from the participants' calendars (and
    cancelling one would cancel the other). Each repeat is named (in file order), with advice.

    Not repaired: a meeting already sent keeps its UID in the participants' calendars, and
    only the supervisor knows which of the two was sent.
    """
    repeated = _repeated(
        [uid for found in read.documents if found.process is not None for uid in found.uids]
    )
    first: dict[str, tuple[str, int]] = {}
    for found in read.documents if repeated else ():
        if found.process is None:
            continue
        for index, (uid, n) in enumerate(zip(found.uids, found.numbers, strict=True)):
            if uid not in repeated:
                continue
            if uid not in first:
                first[uid] = (found.rel, n)
                continue
            other_rel, other_n = first[uid]
            process = found.process[0]
            checkup.add(
                Problem(
                    found.rel,
                    t(
                        "meeting {n} has the same calendar UID as meeting {other} in {path}",
                        n=n,
                        other=other_n,
                        path=other_rel,
                    ),
                    t(
                        "calendar apps merge meetings with the same UID: give one of the two "
                        "a new 'uid' in an editor (any text no other meeting has, e.g. add -2 "
                        "before @tyo) and send it again; for this one: "
                        "`tyo ics {process} --meeting {n}`",
                        process=process,
                        n=n,
                    ),
                    line=_uid_line(read.root, found.rel, index),
                )
            )


def _repeated(uids: list[str]) -> set[str]:
    """The UIDs that occur more than once, found by sorting: a dict of every UID with where
    it was first seen would hold 15,000 entries (~1.5 MiB) to find the few or none."""
    uids.sort()
    return {uid for uid, after in itertools.pairwise(uids) if uid == after}


def _uid_line(root: Path, rel: str, index: int) -> int | None:
    """The line of the ``uid`` of a process file's ``index``-th meeting: the file is read
    again only for a message (it decoded, or was found in order before)."""
    try:
        text = read_bytes(root / rel).decode("utf-8")
        fields = Fields(inventory.parse_document(rel, text), rel, text)
        meeting = list(fields.tables("meetings"))[index]
    except (OSError, UnicodeDecodeError, StoreFileError, IndexError):  # changed since: no line
        return None
    return line_of(text, "uid", meeting.start)


def _check_payments(store: Store, numbers: set[int], checkup: Checkup) -> None:
    """payments.json: each payment and reminder read as the commands read them, and for an
    invoice that exists."""
    try:
        paid = invoices.payments(store)
    except StoreFileError as error:
        checkup.add(_file_problem(error))
        return
    except (TyoError, ValueError, TypeError, KeyError) as error:
        checkup.add(Problem(invoices.PAYMENTS, str(error), _edit_advice()))
        return
    try:
        sent = invoices.reminders(store)
    except StoreFileError as error:
        checkup.add(_file_problem(error))
        sent = {}
    except (TyoError, ValueError, TypeError, KeyError) as error:
        checkup.add(Problem(invoices.PAYMENTS, str(error), _edit_advice()))
        sent = {}
    for number in sorted((set(paid) | set(sent)) - numbers):
        checkup.add(
            Problem(
                invoices.PAYMENTS,
                t("refers to invoice {n}, which does not exist", n=number),
                t("`tyo invoice list` shows the invoices; correct the number by hand"),
            )
        )


def _check_zone(rel: str, name: str, text: str) -> list[Problem]:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return [
            Problem(
                rel,
                t("unknown timezone {name!r} (expected e.g. Europe/Helsinki)", name=name),
                _edit_advice(),
                line=line_of(text, "timezone"),
            )
        ]
    return []


def _check_id(rel: str, found: str, expected: str) -> list[Problem]:
    if found != expected:
        return [
            Problem(
                rel,
                t(
                    "'id' is {found!r} but the file name says {expected!r}",
                    found=found,
                    expected=expected,
                ),
                t("make 'id' and the file name the same"),
            )
        ]
    return []


def _references(survey: inventory.Survey, documents: list[Examined], checkup: Checkup) -> None:
    own = inventory.own_files(survey.found)
    clients = {inventory.walked_name(rel)[2] for rel in own if rel.startswith("clients/")}
    processes = {inventory.walked_name(rel)[2] for rel in own if rel.startswith("processes/")}
    process_clients = dict(found.process for found in documents if found.process is not None)
    for process_id, client in sorted(process_clients.items()):
        if client not in clients:
            checkup.add(
                Problem(
                    f"processes/{process_id}.toml",
                    t("its client {client!r} does not exist", client=client),
                    t(
                        "add the client (`tyo client add {client} --name ...`) or correct 'client'",
                        client=client,
                    ),
                )
            )
    numbers = set(_invoice_numbers(documents, checkup))
    _owners(documents, clients, processes, checkup)
    for found in documents:
        for number in sorted(set(found.refs) - numbers):
            checkup.add(
                Problem(
                    found.rel,
                    t("refers to invoice {n}, which does not exist", n=number),
                    t("`tyo invoice list` shows the invoices; correct the number by hand"),
                )
            )


def _invoice_numbers(documents: list[Examined], checkup: Checkup) -> dict[int, str]:
    numbers: dict[int, str] = {}
    for found in documents:
        if found.number is None:
            continue
        if found.number in numbers:
            checkup.add(
                Problem(
                    found.rel,
                    t(
                        "invoice number {n} is also used by {other}",
                        n=found.number,
                        other=numbers[found.number],
                    ),
                    t("an invoice number is used once: keep the issued one, credit the other"),
                )
            )
        numbers.setdefault(found.number, found.rel)
    return numbers


def _owners(
    documents: list[Examined], clients: set[str], processes: set[str], checkup: Checkup
) -> None:
    for found in documents:
        client, process = found.owner
        if process is not None and process not in processes:
            checkup.add(
                Problem(
                    found.rel,
                    t("refers to process {id!r}, which does not exist", id=process),
                    t("correct 'process', or remove the file if it is left over"),
                )
            )
        if client is not None and client not in clients:
            checkup.add(
                Problem(
                    found.rel,
                    t("refers to client {id!r}, which does not exist", id=client),
                    t("correct 'client', or remove the file if it is left over"),
                )
            )


def _not_a_folder(root: Path, name: str) -> bool:
    """Whether something other than a folder (a file, a broken link) is at ``root/name``."""
    path = root / name
    return (path.is_symlink() or path.exists()) and not path.is_dir()


def _reserved(root: Path, checkup: Checkup) -> None:
    if _not_a_folder(root, CACHE):
        checkup.add(
            Problem(
                CACHE,
                t(
                    "not a folder: tyo keeps its indexes (derived data) in the folder {name}/",
                    name=CACHE,
                ),
                t("`tyo doctor --fix` deletes it; the indexes are rebuilt from the store"),
                fixable=True,
                kind="cache",
            )
        )
    if _not_a_folder(root, inventory.HISTORY):
        checkup.add(
            Problem(
                inventory.HISTORY,
                t(
                    "not a folder: tyo keeps the history of changes in the folder {name}/, "
                    "so no change can be saved",
                    name=inventory.HISTORY,
                ),
                t(
                    "move it out of the store (it is not tyo's: look into it first); "
                    "the next change makes the folder"
                ),
            )
        )


def _odd(survey: inventory.Survey, checkup: Checkup) -> None:
    """Links and special files: every other command refuses the store while they are there."""
    for rel, problem in survey.odd:
        checkup.add(
            Problem(
                rel,
                problem,
                t(
                    "replace it with the file or folder itself (or move it out of the store); "
                    "until then export, forget and import refuse the store"
                ),
                kind="link",
            )
        )


def _permissions(root: Path, survey: inventory.Survey, checkup: Checkup) -> None:
    if os.name != "posix":
        return
    skip = {CACHE} if _not_a_folder(root, CACHE) else set()  # deleted by --fix anyway
    for rel, found, is_folder in survey.modes:
        mode = DIR_MODE if is_folder else FILE_MODE
        actual = found & 0o777
        name = inventory.walked_name(rel)[1] if rel else root.name
        if actual != mode and not inventory.is_temp(name) and rel not in skip:
            checkup.add(
                Problem(
                    rel,
                    t(
                        "readable by others (mode {actual:o}, should be {mode:o})",
                        actual=actual,
                        mode=mode,
                    ),
                    t("`tyo doctor --fix` makes it private"),
                    fixable=True,
                    kind="permissions",
                )
            )


def _index_document(raw: bytes) -> Any:
    """An index file's document (see :func:`index.sealed`); one an earlier tyo wrote, with
    no CRC-32 line, is not damaged: the next command makes it again."""
    document = read_sealed(raw)
    return json.loads(raw) if document is None else document


def _damaged_caches(root: Path, skip: str | None = None, only: str | None = None) -> list[str]:
    """The caches (``.cache/*.json``, but ``skip``; or only ``only``) that do not read as
    a JSON object (an index file, every one but doctor's own, after a CRC-32 line that
    matches it, see :func:`_index_document`), by name.

    Each is read whole (a 600 kB cache is 2 MiB of objects for a moment): :func:`examine`
    does it first, while little else is held, so that what it frees is used again."""
    damaged: list[str] = []
    for index in sorted((root / CACHE).glob(only or "*.json")):
        if index.name == skip:
            continue
        read = json.loads if index.name == checked.NAME else _index_document
        try:
            if not isinstance(read(read_bytes(index, 8 * READ_LIMIT)), dict):
                damaged.append(index.name)
        except (OSError, ValueError, RecursionError):
            damaged.append(index.name)
    return damaged


def _leftovers(root: Path, survey: inventory.Survey, checkup: Checkup, damaged: list[str]) -> None:
    """Temporary files, interrupted changes, damaged history entries and the ``damaged``
    caches."""
    for rel in survey.found:
        if not inventory.is_temp(rel.rpartition("/")[2]):
            continue
        checkup.add(
            Problem(
                rel,
                t("a temporary file left by an interrupted write"),
                t("`tyo doctor --fix` removes it (the store never reads it)"),
                fixable=True,
                kind="temp",
            )
        )
    for path in journal.pending_paths(root):
        rel = path.relative_to(root).as_posix()
        try:
            entry = journal.decode_text(read_bytes(path).decode("utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as error:
            checkup.add(
                Problem(
                    rel,
                    t("a damaged entry of an interrupted change ({error})", error=error),
                    t(
                        "move it out of history/ and check the files it names by hand; "
                        "until then no command can run"
                    ),
                )
            )
            continue
        checkup.add(
            Problem(
                rel,
                t("the change '{command}' was interrupted", command=entry.command),
                t("`tyo doctor --fix` (or any command) rolls it back"),
                fixable=True,
                kind="pending",
            )
        )
    for path in journal.entry_paths(root):
        try:
            journal.decode_text(read_bytes(path).decode("utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as error:
            checkup.add(
                Problem(
                    path.relative_to(root).as_posix(),
                    t("a damaged history entry ({error})", error=error),
                    t("`tyo undo` stops at it; delete it if you do not need to undo that change"),
                )
            )
    for name in damaged:
        checkup.add(
            Problem(
                f"{CACHE}/{name}",
                t("the cache is damaged"),
                t("`tyo doctor --fix` deletes it; it is rebuilt from the store"),
                fixable=True,
                kind="cache",
            )
        )


def _lock(root: Path, checkup: Checkup) -> None:
    if is_locked(root):
        who = holder(root)
        checkup.add(
            Problem(
                LOCK_NAME,
                t("another tyo is running and holds the lock ({holder})", holder=who)
                if who
                else t("another tyo is running and holds the lock"),
                t("wait for it to finish, then run `tyo doctor` again"),
                kind="busy",
            )
        )


def examine(root: Path) -> Checkup:
    """Every problem of the store at ``root``; reads only (but for its cache, see above)."""
    checkup, seen = _examine_store(root)
    if seen is not None:  # what the checks held is let go first: it is written from here
        seen.save()
    return checkup


def _examine_store(root: Path) -> tuple[Checkup, checked.Checked | None]:
    checkup = Checkup()
    if not root.is_dir():
        checkup.add(
            Problem(
                "",
                t("no store at {root}", root=root),
                t("run `tyo init`, or point --store or TYO_HOME at your store"),
                kind="store",
            )
        )
        return checkup, None
    damaged = _damaged_caches(root, skip=checked.NAME)
    stale = (root / LOCK_NAME).exists() and holder(root)
    survey = inventory.survey(root)
    read = _documents(root, survey, checkup)
    documents = read.documents
    for found in documents:
        for problem in found.unread:
            checkup.add(problem)
    parsed = {found.rel for found in documents if found.parsed}
    if SETTINGS not in parsed and not any(p.path == SETTINGS for p in checkup.problems):
        checkup.add(
            Problem(
                SETTINGS,
                t("missing"),
                t("run `tyo init`, or restore the store from a backup (`tyo import`)"),
            )
        )
    for found in documents:
        for problem in found.known:
            checkup.add(problem)
    _calendar_uids(read, checkup)
    for found in documents:
        for problem in found.others:
            checkup.add(problem)
    if invoices.PAYMENTS in parsed:
        from tyonohjaus_cli.storage.store import Store

        numbers = {n for rel in parsed if (n := _invoice_number(rel)) is not None}
        _check_payments(Store(root), numbers, checkup)
    _references(survey, documents, checkup)
    _reserved(root, checkup)
    _odd(survey, checkup)
    _permissions(root, survey, checkup)
    if not read.seen.readable:  # it was not read as a cache: is it there, and damaged?
        damaged = sorted([*damaged, *_damaged_caches(root, only=checked.NAME)])
    _leftovers(root, survey, checkup, damaged)
    _lock(root, checkup)
    _before_recovery(checkup)
    if stale and not any(p.kind == "busy" for p in checkup.problems):
        checkup.add(
            Problem(
                LOCK_NAME,
                t("stale lock info: {holder} was stopped while changing the store", holder=stale),
                t("`tyo doctor --fix` clears it (the lock itself was released)"),
                fixable=True,
                kind="lock",
            )
        )
    return checkup, read.seen


def _before_recovery(checkup: Checkup) -> None:
    """While an interrupted change is pending, what it left half-done (a session log whose
    process is already gone, a reference to a deleted file) is not the supervisor's to
    fix: rolling the change back puts it right."""
    if not any(p.kind == "pending" for p in checkup.problems):
        return
    advice = t(
        "left by the interrupted change: run any tyo command (or `tyo doctor --fix`) to "
        "roll it back, then `tyo doctor` again"
    )
    checkup.problems = [
        replace(problem, advice=advice, fixable=True, kind="pending")
        if not problem.fixable
        and problem.kind == "file"
        and not problem.path.startswith(f"{inventory.HISTORY}/")
        else problem
        for problem in checkup.problems
    ]


def repair(
    root: Path, checkup: Checkup, timeout: float, on_wait: Callable[[str], None] | None = None
) -> list[str]:
    """Fix what is safe to fix, holding the lock; what was done, one line each."""
    done: list[str] = []
    kinds = {p.kind for p in checkup.problems if p.fixable}
    if not kinds:
        return done
    with store_lock(root, timeout, on_wait):
        if "pending" in kinds:
            done.extend(
                t("rolled back the interrupted change '{command}'", command=entry.command)
                for entry in journal.recover(root)
            )
        if "temp" in kinds:
            for rel in inventory.temp_files(root, strict=False):
                remove(root / rel)
                done.append(t("removed the temporary file {path}", path=rel))
        if "cache" in kinds:
            if _not_a_folder(root, CACHE):
                remove(root / CACHE)
                done.append(t("deleted {path}, which was not a folder", path=CACHE))
            else:
                shutil.rmtree(root / CACHE, ignore_errors=True)
                done.extend(
                    t("deleted the damaged cache {path}", path=problem.path)
                    for problem in checkup.problems
                    if problem.kind == "cache"
                )
        if "permissions" in kinds:
            for problem in checkup.problems:
                if problem.kind == "permissions":
                    path = root / problem.path if problem.path else root
                    mode = DIR_MODE if path.is_dir() else FILE_MODE
                    if path.exists() and not path.is_symlink():
                        path.chmod(mode)
                        done.append(
                            t(
                                "made {path} private ({mode:o})",
                                path=problem.path or root,
                                mode=mode,
                            )
                        )
        if "lock" in kinds:
            # Holding the lock: the holder line the lock file shows now is our own.
            done.append(t("cleared the stale lock info"))
    return done
