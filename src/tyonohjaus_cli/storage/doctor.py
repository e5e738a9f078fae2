"""``tyo doctor``: read every file of the store and say what is wrong, and what to do.

:func:`examine` only reads (no lock, no rollback, so it works on a store that no other
command can open). It checks:

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

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tyonohjaus_cli.errors import NewerSchemaError, StoreFileError, TyoError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage import codec, inventory, journal, settings_codec
from tyonohjaus_cli.storage.documents import Doc, Fields, line_of
from tyonohjaus_cli.storage.files import DIR_MODE, FILE_MODE, READ_LIMIT, read_bytes, remove
from tyonohjaus_cli.storage.index import CACHE
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


def _read(root: Path, rel: str, checkup: Checkup) -> str | None:
    try:
        return read_bytes(root / rel).decode("utf-8")
    except UnicodeDecodeError:
        checkup.add(Problem(rel, t("not UTF-8 text"), _edit_advice()))
    except OSError as error:
        checkup.add(
            Problem(
                rel,
                t("can't be read: {error}", error=error.strerror),
                t("check the file's owner and permissions"),
            )
        )
    return None


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


def _documents(root: Path, checkup: Checkup) -> dict[str, tuple[Doc, str]]:
    docs: dict[str, tuple[Doc, str]] = {}
    for rel in inventory.store_files(root, strict=False):
        if not inventory.is_document(rel):
            continue
        checkup.files += 1
        text = _read(root, rel, checkup)
        if text is None:
            continue
        try:
            docs[rel] = (inventory.parse_document(rel, text), text)
        except StoreFileError as error:
            checkup.add(_file_problem(error))
    return docs


def _decode_known(
    docs: dict[str, tuple[Doc, str]], checkup: Checkup, decoded: list[tuple[str, Fields]]
) -> dict[str, str]:
    """Decode settings, clients and processes fully; the processes' clients, by process.

    Each process that decodes is added to ``decoded`` (file and fields), for the checks
    across processes."""
    settings = docs.get("settings.toml")
    zone = _zone(settings[0] if settings else None)
    process_clients: dict[str, str] = {}
    for rel, (doc, text) in docs.items():
        folder = inventory.folder_of(rel)
        expected = PurePosixPath(rel).stem
        try:
            if rel == "settings.toml":
                profile = settings_codec.settings_from_doc(Fields(doc, rel, text))
                _check_zone(rel, profile.timezone, text, checkup)
            elif folder == "clients":
                client = codec.client_from_doc(Fields(doc, rel, text))
                _check_id(rel, client.id, expected, checkup)
            elif folder == "processes":
                fields = Fields(doc, rel, text)
                process = codec.process_from_doc(fields, zone)
                _check_id(rel, process.id, expected, checkup)
                process_clients[process.id] = process.client
                decoded.append((rel, fields))
        except StoreFileError as error:
            checkup.add(_file_problem(error))
    return process_clients


def _calendar_uids(decoded: list[tuple[str, Fields]], checkup: Checkup) -> None:
    """Every meeting's calendar UID is its own: calendar apps take two events with the same
    UID for one, so one of the meetings would vanish from the participants' calendars (and
    cancelling one would cancel the other). Each repeat is named (in file order), with advice.

    Not repaired: a meeting already sent keeps its UID in the participants' calendars, and
    only the supervisor knows which of the two was sent.
    """
    first: dict[str, tuple[str, int]] = {}
    for rel, fields in decoded:
        for meeting in fields.tables("meetings"):
            uid, n = meeting.doc["uid"], meeting.doc["n"]  # both checked by the decoding
            if uid not in first:
                first[uid] = (rel, n)
                continue
            other_rel, other_n = first[uid]
            process = fields.doc["id"]
            checkup.add(
                Problem(
                    rel,
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
                    line=line_of(fields.source, "uid", meeting.start),
                )
            )


def _decode_others(root: Path, docs: dict[str, tuple[Doc, str]], checkup: Checkup) -> None:
    """Decode session logs, invoices, payments and expenses as their commands read them."""
    from tyonohjaus_cli.storage import expenses, invoices, sessions
    from tyonohjaus_cli.storage.store import Store

    store = Store(root)
    settings = docs.get("settings.toml")
    zone = _zone(settings[0] if settings else None)
    numbers = set()
    for rel, (_, text) in docs.items():
        folder, name = inventory.folder_of(rel), PurePosixPath(rel).name
        try:
            if folder == sessions.SESSIONS and rel == sessions.session_path(
                PurePosixPath(rel).stem
            ):
                sessions.load(text, rel, PurePosixPath(rel).stem, zone)
            elif folder == invoices.INVOICES and rel != invoices.PAYMENTS:
                stem = PurePosixPath(rel).stem
                if stem.isascii() and stem.isdecimal() and rel == invoices.invoice_path(int(stem)):
                    numbers.add(int(stem))  # exists, even if it does not read
                    invoices.invoice(store, int(stem))
            elif folder == expenses.EXPENSES and name.endswith(".toml"):
                expenses.expenses_of(store, PurePosixPath(rel).stem)
        except StoreFileError as error:
            checkup.add(_file_problem(error))
        except (TyoError, ValueError, TypeError, KeyError) as error:
            checkup.add(Problem(rel, str(error), _edit_advice()))
    if invoices.PAYMENTS in docs:
        _check_payments(store, numbers, checkup)


def _check_payments(store: Store, numbers: set[int], checkup: Checkup) -> None:
    """payments.json: each payment and reminder read as the commands read them, and for an
    invoice that exists."""
    from tyonohjaus_cli.storage import invoices

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


def _check_zone(rel: str, name: str, text: str, checkup: Checkup) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        checkup.add(
            Problem(
                rel,
                t("unknown timezone {name!r} (expected e.g. Europe/Helsinki)", name=name),
                _edit_advice(),
                line=line_of(text, "timezone"),
            )
        )


def _check_id(rel: str, found: str, expected: str, checkup: Checkup) -> None:
    if found != expected:
        checkup.add(
            Problem(
                rel,
                t(
                    "'id' is {found!r} but the file name says {expected!r}",
                    found=found,
                    expected=expected,
                ),
                t("make 'id' and the file name the same"),
            )
        )


def _references(
    root: Path, docs: dict[str, tuple[Doc, str]], process_clients: dict[str, str], checkup: Checkup
) -> None:
    clients = {
        PurePosixPath(rel).stem
        for rel in inventory.store_files(root, strict=False)
        if rel.startswith("clients/")
    }
    processes = {
        PurePosixPath(rel).stem
        for rel in inventory.store_files(root, strict=False)
        if rel.startswith("processes/")
    }
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
    numbers = _invoice_numbers(docs, checkup)
    _owners(docs, clients, processes, checkup)
    for rel, (doc, _) in docs.items():
        if inventory.folder_of(rel) == inventory.INVOICES:
            continue
        refs: list[int] = []
        _invoice_refs(doc, refs)
        for number in sorted(set(refs) - set(numbers)):
            checkup.add(
                Problem(
                    rel,
                    t("refers to invoice {n}, which does not exist", n=number),
                    t("`tyo invoice list` shows the invoices; correct the number by hand"),
                )
            )


def _invoice_numbers(docs: dict[str, tuple[Doc, str]], checkup: Checkup) -> dict[int, str]:
    numbers: dict[int, str] = {}
    for rel, (doc, _) in docs.items():
        if inventory.folder_of(rel) != inventory.INVOICES:
            continue
        number = doc.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            if number in numbers:
                checkup.add(
                    Problem(
                        rel,
                        t(
                            "invoice number {n} is also used by {other}",
                            n=number,
                            other=numbers[number],
                        ),
                        t("an invoice number is used once: keep the issued one, credit the other"),
                    )
                )
            numbers.setdefault(number, rel)
    return numbers


def _owners(
    docs: dict[str, tuple[Doc, str]], clients: set[str], processes: set[str], checkup: Checkup
) -> None:
    for rel, (doc, _) in docs.items():
        folder = inventory.folder_of(rel)
        if folder in ("", "clients", "processes", inventory.INVOICES):
            continue
        owner = inventory.owner_of(rel, doc)
        if owner.process is not None and owner.process not in processes:
            checkup.add(
                Problem(
                    rel,
                    t("refers to process {id!r}, which does not exist", id=owner.process),
                    t("correct 'process', or remove the file if it is left over"),
                )
            )
        if owner.client is not None and owner.client not in clients:
            checkup.add(
                Problem(
                    rel,
                    t("refers to client {id!r}, which does not exist", id=owner.client),
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


def _odd(root: Path, checkup: Checkup) -> None:
    """Links and special files: every other command refuses the store while they are there."""
    for rel, problem in inventory.odd_files(root):
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


def _permissions(root: Path, checkup: Checkup) -> None:
    if os.name != "posix":
        return
    skip = {root / CACHE} if _not_a_folder(root, CACHE) else set()  # deleted by --fix anyway
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        for name, mode, is_dir in [(".", DIR_MODE, True)] + [
            (name, FILE_MODE, False) for name in files
        ]:
            path = base if is_dir else base / name
            try:
                actual = path.lstat().st_mode & 0o777
            except OSError:
                continue
            if actual != mode and not inventory.is_temp(path.name) and path not in skip:
                rel = path.relative_to(root).as_posix()
                checkup.add(
                    Problem(
                        rel if rel != "." else "",
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
        dirs.sort()


def _leftovers(root: Path, checkup: Checkup) -> None:
    for rel in inventory.temp_files(root, strict=False):
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
    for index in sorted((root / CACHE).glob("*.json")):
        try:
            damaged = not isinstance(json.loads(read_bytes(index, 8 * READ_LIMIT)), dict)
        except (OSError, ValueError, RecursionError):
            damaged = True
        if damaged:
            checkup.add(
                Problem(
                    index.relative_to(root).as_posix(),
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
    """Every problem of the store at ``root``; reads only."""
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
        return checkup
    stale = (root / LOCK_NAME).exists() and holder(root)
    docs = _documents(root, checkup)
    if "settings.toml" not in docs and not any(p.path == "settings.toml" for p in checkup.problems):
        checkup.add(
            Problem(
                "settings.toml",
                t("missing"),
                t("run `tyo init`, or restore the store from a backup (`tyo import`)"),
            )
        )
    decoded: list[tuple[str, Fields]] = []
    process_clients = _decode_known(docs, checkup, decoded)
    _calendar_uids(decoded, checkup)
    _decode_others(root, docs, checkup)
    _references(root, docs, process_clients, checkup)
    _reserved(root, checkup)
    _odd(root, checkup)
    _permissions(root, checkup)
    _leftovers(root, checkup)
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
    return checkup


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
