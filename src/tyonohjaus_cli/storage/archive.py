"""Backups (``tyo export --all``, ``tyo import``), a client's or a participant's data.

A backup is a ``.tar.gz`` of every file of the store — settings, clients, processes, the
session log, invoices, the journal — but not the cache, the lock or temporary files. It
is taken holding the lock, so it is one consistent moment. ``tyo-backup.json`` at its top
lists each file with its SHA-256; :func:`restore` checks every one before it writes
anything, writes only into an empty store, and gives back the files byte for byte with
their modification times. A backup holds the confidential session log: it is the
supervisor's own copy, written 0600, and never meant for anyone else.

A client's export answers a data access request (GDPR art. 15) from the client: what the
store holds about the client, its processes and its invoices, as JSON and as Markdown.
It never includes the session log (confidential to the supervision, DESIGN.md §2) nor the
participants' names and e-mails (their own personal data, art. 15(4)): only how many; of
a process only what the client may see (see :func:`_shareable`).

A participant's export (``tyo export --participant NAME``) answers the same request from
a person supervised: their name and e-mail, their processes, meetings, goals and their
own attendance (:mod:`tyonohjaus_cli.domain.access`) — never the notes of the session log.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from tyonohjaus_cli.digests import sha256
from tyonohjaus_cli.errors import StoreError, StoreFileError, UsageError
from tyonohjaus_cli.i18n import t, tn
from tyonohjaus_cli.storage import inventory, packed, tarstream
from tyonohjaus_cli.storage.files import (
    DIR_MODE,
    READ_LIMIT,
    atomic_write,
    check_named,
    ensure_private_dir,
    fsync_dir,
    is_inside,
    read_named,
    refuse_inside,
    write_named,
    write_private,
)
from tyonohjaus_cli.storage.index import CACHE
from tyonohjaus_cli.storage.lock import LOCK_NAME
from tyonohjaus_cli.storage.store import Store

if TYPE_CHECKING:
    from tarfile import TarInfo

    from tyonohjaus_cli.domain.access import ParticipantData

MANIFEST = "tyo-backup.json"
BACKUP_FORMAT = 1


def backup_files(root: Path) -> packed.Listed:
    """What a backup holds: the store's files and its journal, no cache, lock or temp
    files; each with the stamps of its ``lstat`` that a piece is known by. The cache is not
    walked (it has as many files as the store, and none of them belongs in a backup)."""
    leave_out = frozenset({CACHE})
    walked = inventory.plain_files(root, leave_out, packed.stamps)
    if walked is None:  # a link or a special file (refused here with one line), or a race
        survey = inventory.stated_files(root, leave_out=leave_out)
        walked = survey.found, [packed.stamps(info) for info in survey.stats]
    found, stamps = walked
    return [
        (rel, stamp)
        for rel, stamp in zip(found, stamps, strict=True)  # as "clients/pohde.toml"
        if not (rel.startswith(".") or "/." in rel) or _backed_up(rel)  # most are not hidden
    ]


def _backed_up(rel: str) -> bool:
    """Whether a hidden file is in a backup: not the lock, the cache or a temporary file."""
    return rel.partition("/")[0] not in (CACHE, inventory.LOCK) and not inventory.is_temp(
        rel.rpartition("/")[2]
    )


def backup(store: Store, target: Path, created: str) -> list[str]:
    """Write the whole store to ``target`` (.tar.gz); the files it holds.

    The files come in pieces, each compressed on its own and kept in the cache for the
    next backup (:mod:`.packed`): a piece whose files are as they were is not read again.
    """
    if is_inside(target, store.root):
        raise UsageError(t("write the backup outside the store, not into {root}", root=store.root))
    check_named(target)  # before the store is read: as `tyo ics -o` and `tyo invoice pdf -o`
    if not store.root.is_dir():
        store.settings()  # the usual "no store here" message
    with store.locked():
        listed = backup_files(store.root)
        kept = packed.Pieces(store.root, tarstream.LEVEL)
        for run in packed.pieces(listed):
            if kept.reused(run) is None:
                kept.make(*_read_piece(store.root, run))
        made = kept.done()
    head, tail, size = _manifest_member(
        created, listed[: len(made[0].digests)] if made else [], made
    )
    size += sum(piece.size for piece in made)
    members = [
        tarstream.packed(head),
        *(piece.lines for piece in made[1:]),
        tarstream.packed(tail),
        *(piece.member for piece in made),
        tarstream.packed(tarstream.ending(size)),
    ]
    write_named(target, members)
    return [rel for rel, _ in listed]


def _manifest_member(
    created: str, first: packed.Listed, made: list[packed.Piece]
) -> tuple[bytes, bytes, int]:
    """The manifest's tar member, ``json.dumps(manifest, indent=1)``, made of the lines that
    each piece keeps (the first piece's made here: they start the object): what comes
    before the second piece's lines, what follows the last piece's, and its size in all."""
    start = json.dumps({"format": BACKUP_FORMAT, "created": created, "files": {}}, indent=1)
    start = start.removesuffix("{}\n}") + "{"
    lines = _lines(first, made[0].digests if made else []).removeprefix(b",")
    end = b"\n }\n}\n" if made else b"}\n}\n"
    size = len(start) + len(lines) + sum(piece.lines_size for piece in made[1:]) + len(end)
    header = tarstream.header(MANIFEST, size, 0)
    padding = b"\0" * (-size % tarstream.BLOCK)
    return header + start.encode() + lines, end + padding, len(header) + size + len(padding)


def _lines(run: packed.Listed, digests: list[str]) -> bytes:
    """The manifest's lines for the files of ``run``, each after a comma."""
    from json.encoder import encode_basestring_ascii as quoted

    return "".join(
        f',\n  {quoted(rel)}: "{digest}"' for (rel, _), digest in zip(run, digests, strict=True)
    ).encode()


def _read_piece(root: Path, run: packed.Listed) -> tuple[packed.Listed, bytes, list[str], bytes]:
    """The files of a piece of the backup, read: with their stamps as read, their tar
    members, their digests and the manifest's lines for them."""
    stamped: packed.Listed = []
    members: list[bytes] = []
    digests: list[str] = []
    for rel, _ in run:
        data, info = _read_stamped(root, rel)
        stamped.append((rel, packed.stamps(info)))
        members.append(tarstream.member(rel, data, int(info.st_mtime)))
        digests.append(sha256(data).hexdigest())
    return stamped, b"".join(members), digests, _lines(run, digests)


def _read_stamped(root: Path, rel: str) -> tuple[bytes, os.stat_result]:
    """A store file's bytes and its ``fstat``, from one opening of it (not through a
    link: the walk has refused those, and one put there since is refused here)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(f"{root}/{rel}", flags | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise StoreFileError(rel, t("not a regular file"))
            # One read of a regular file gives it whole; a file growing meanwhile is read on.
            data = os.read(fd, info.st_size + 1)
            if len(data) > info.st_size:
                data += b"".join(iter(lambda: os.read(fd, 1 << 20), b""))
                info = os.fstat(fd)
            return data, info
        finally:
            os.close(fd)
    except OSError as error:
        raise StoreFileError(
            rel, t("can't be read: {error}", error=error.strerror or error)
        ) from None


class Restored(NamedTuple):
    files: list[str]
    created: str


def _bad(path: Path, why: str) -> StoreError:
    return StoreError(t("{path} is not a tyo backup: {why}", path=path, why=why))


ARCHIVE_LIMIT = 512 * 1024 * 1024
"""Bytes of a backup file, and of all its files unpacked, at most."""
MEMBER_LIMIT = 50_000
"""Files in a backup at most (a twenty-year store has a few thousand)."""
_FIRST_MTIME = -2208988800  # 1900-01-01 UTC
_LAST_MTIME = 7258118400  # 2200-01-01 UTC


def _member_name(path: Path, member: TarInfo, seen: dict[str, bytes]) -> str:
    """A member's name, if the backup may hold it: a regular file, inside the store, not
    reserved, not twice, with a size and a time in range."""
    name = member.name
    parts = PurePosixPath(name).parts
    if (
        not member.isfile()
        or name.startswith(("/", "\\"))
        or not parts
        or ".." in parts
        or ":" in parts[0]
        or parts[0] in (CACHE, inventory.LOCK)
        or not all(part.isprintable() for part in parts)
    ):
        raise _bad(path, t("unexpected entry {name!r}", name=name))
    if name in seen:
        raise _bad(path, t("{name} is in it twice", name=name))
    if member.size > READ_LIMIT:
        raise _bad(
            path,
            t("{name} is larger than {size} MB", name=name, size=READ_LIMIT // (1024 * 1024)),
        )
    mtime = member.mtime
    if not isinstance(mtime, int | float) or not _FIRST_MTIME <= mtime < _LAST_MTIME:
        raise _bad(path, t("{name} has a time outside the years 1900 to 2200", name=name))
    return name


def _manifest(path: Path, data: bytes | None) -> tuple[dict[str, str], str]:
    try:
        manifest = json.loads(data) if data is not None else None
    except (ValueError, RecursionError):
        manifest = None
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != BACKUP_FORMAT
        or not isinstance(listed, dict)
        or not all(isinstance(value, str) for value in listed.values())
        or not isinstance(manifest.get("created", ""), str)
    ):
        raise _bad(path, t("{name} is missing or damaged", name=MANIFEST))
    return listed, str(manifest.get("created", ""))


def read_backup(path: Path) -> tuple[dict[str, bytes], dict[str, int], str]:
    """The files of a backup (checked against its manifest), their times, when it was made.

    Bounded: the backup is read only if it is a regular file below :data:`ARCHIVE_LIMIT`;
    each member must be a regular file below the store's read limit, the members together
    below :data:`ARCHIVE_LIMIT` unpacked, at most :data:`MEMBER_LIMIT` of them, each once.
    """
    try:
        raw = read_named(path, ARCHIVE_LIMIT)
    except FileNotFoundError:
        raise UsageError(t("no such file: {path}", path=path)) from None
    except OSError as error:
        raise _bad(path, error.strerror or str(error)) from None
    import tarfile  # 17 ms of imports, which writing a backup needs none of

    files: dict[str, bytes] = {}
    mtimes: dict[str, int] = {}
    total = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
            for member in tar:
                if len(files) >= MEMBER_LIMIT:
                    raise _bad(
                        path, tn("more than {count} file", "more than {count} files", MEMBER_LIMIT)
                    )
                name = _member_name(path, member, files)
                handle = tar.extractfile(member)
                if handle is None:  # pragma: no cover - isfile() above
                    raise _bad(path, name)
                data = handle.read(READ_LIMIT + 1)
                total += len(data)
                if len(data) > READ_LIMIT or total > ARCHIVE_LIMIT:
                    raise _bad(path, t("it unpacks to more than tyo reads"))
                files[name] = data
                mtimes[name] = int(member.mtime)
    except (OSError, tarfile.TarError, EOFError, ValueError, OverflowError) as error:
        raise _bad(path, str(error)) from None
    listed, created = _manifest(path, files.pop(MANIFEST, None))
    mtimes.pop(MANIFEST, None)
    if set(listed) != set(files):
        raise _bad(path, t("the files do not match {name}", name=MANIFEST))
    for name, data in files.items():
        if sha256(data).hexdigest() != listed[name]:
            raise _bad(path, t("{name} is damaged (checksum)", name=name))
    return files, mtimes, created


_STAGING = ".import-"


def _staging_prefix(root: Path) -> str:
    return f".{root.name}{_STAGING}"


def _clear_stale_imports(root: Path) -> None:
    """Remove what an import killed before its rename left beside the store: a staging
    folder whose lock nobody holds (it holds the backup, session notes and all)."""
    from tyonohjaus_cli.storage.lock import is_locked

    prefix = _staging_prefix(root)
    with contextlib.suppress(OSError):
        for entry in os.scandir(root.parent):
            if (
                entry.name.startswith(prefix)
                and entry.is_dir(follow_symlinks=False)
                and not is_locked(Path(entry.path))
            ):
                shutil.rmtree(entry.path, ignore_errors=True)


def _only_leftovers(root: Path) -> bool:
    """Whether the store folder holds nothing of its own: at most a lock, a cache and
    temporary files (what an empty store, or a command run before `tyo init`, leaves)."""
    for entry in os.scandir(root):
        if entry.name in (LOCK_NAME, CACHE) or inventory.is_temp(entry.name):
            continue
        return False
    return True


def _refuse_non_empty(root: Path) -> None:
    if root.is_symlink() and not root.is_dir():
        raise UsageError(t("{root} is a broken link: name a folder", root=root))
    if root.exists() and (not root.is_dir() or not _only_leftovers(root)):
        raise UsageError(
            t(
                "the store at {root} is not empty: import restores into an empty store "
                "(use --store DIR for a new one)",
                root=root,
            )
        )


def restore(
    root: Path, path: Path, timeout: float, on_wait: Callable[[str], None] | None = None
) -> Restored:
    """Restore the backup at ``path`` into the empty (or missing) store at ``root``.

    One transaction: the files are written into a staging folder beside the store (0700,
    holding its own lock), made durable, and the folder is renamed into place in one step.
    An interrupted or failed import leaves the store as it was, and the next import
    removes what it staged. Nothing is written through a link: the staging folder is
    new, and the store folder is replaced, not written into.
    """
    files, mtimes, created = read_backup(path)
    root = root.absolute()
    if root.is_symlink() and root.is_dir():
        root = root.resolve()  # the store folder may be a link; its content is replaced
    _refuse_non_empty(root)
    from tyonohjaus_cli.storage.lock import store_lock

    try:
        _make_dir_for(root.parent)
        _clear_stale_imports(root)
        import tempfile

        staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(root), dir=root.parent))
    except OSError as error:
        raise StoreError(
            t(
                "the backup was not restored: {error}; the store is as it was",
                error=error.strerror or error,
            )
        ) from None
    try:
        with store_lock(staging, timeout):
            _stage(staging, files, mtimes)
            _swap(root, staging, timeout, on_wait)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(
            t(
                "the backup was not restored: {error}; the store is as it was",
                error=error.strerror or error,
            )
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Restored(sorted(files), created)


def _make_dir_for(folder: Path) -> None:
    if not folder.is_dir():
        ensure_private_dir(folder)


def _stage(staging: Path, files: dict[str, bytes], mtimes: dict[str, int]) -> None:
    """Write every file into ``staging`` (durably), with its time; folders 0700."""
    for name in sorted(files):
        target = staging / name
        atomic_write(target, files[name])
        os.utime(target, (mtimes[name], mtimes[name]))
    for folder, _, _ in os.walk(staging):
        Path(folder).chmod(DIR_MODE)
        fsync_dir(Path(folder))


def _swap(root: Path, staging: Path, timeout: float, on_wait: Callable[[str], None] | None) -> None:
    """Put ``staging`` where ``root`` is: a rename, after the empty store folder (if any)
    is taken away holding its lock, so no other tyo writes into it meanwhile."""
    from tyonohjaus_cli.storage.lock import store_lock

    if not root.exists():
        staging.rename(root)
        fsync_dir(root.parent)
        return
    with store_lock(root, timeout, on_wait):
        _refuse_non_empty(root)
        # Only a lock, a cache and temporary files: derived or left over, nothing lost.
        for entry in os.scandir(root):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                Path(entry.path).unlink()
        root.rmdir()
        staging.rename(root)
    fsync_dir(root.parent)


# --- a client's export ---------------------------------------------------------------------


class ClientData(NamedTuple):
    """What the store holds about one client, ready to write out."""

    client: str
    documents: dict[str, Any]
    left_out: list[str]


def _plain(value: Any) -> Any:
    from tyonohjaus_cli.storage.index import jsonable

    return jsonable(value)


_PROCESS_KEYS = (
    "id", "client", "kind", "title", "status", "created", "closed", "plan", "group_size",
    "place", "online", "phone", "rate", "meeting_price", "first_free", "co_supervisor",
)  # fmt: skip
_MEETING_KEYS = (
    "n", "start", "minutes", "held_minutes", "attended", "status", "cancelled_by", "notified_at",
)  # fmt: skip


def _shareable(rel: str, doc: dict[str, Any]) -> dict[str, Any]:
    """A document as the client may see it (DESIGN.md §2: dates, counts, units, what was
    agreed with the client — nothing else).

    A process is taken key by key from a list, so that a field added later is left out
    until someone decides the client may see it: participants become a count, goals only
    those agreed with the client, meetings lose the reason of a cancellation (it may say
    who was ill) and their calendar ids, goal reviews are those marked shared.
    """
    if inventory.folder_of(rel) != "processes":
        return doc
    shown = {key: doc[key] for key in _PROCESS_KEYS if key in doc}
    named = doc.get("participants")
    shown["participants_named"] = len(named) if isinstance(named, list) else 0
    goals = doc.get("goals")
    if isinstance(goals, list):
        shown["goals"] = [
            goal
            for goal in goals
            if isinstance(goal, dict) and goal.get("by", "both") in ("client", "both")
        ]
    reviews = doc.get("reviews")
    if isinstance(reviews, list):
        shown["reviews"] = [
            review
            for review in reviews
            if isinstance(review, dict) and review.get("shared") is True
        ]
    meetings = doc.get("meetings")
    if isinstance(meetings, list):
        shown["meetings"] = [
            {key: meeting[key] for key in _MEETING_KEYS if key in meeting}
            for meeting in meetings
            if isinstance(meeting, dict)
        ]
    return shown


def client_data(store: Store, client_id: str) -> ClientData:
    """Everything shareable the store holds about ``client_id`` and its processes."""
    store.client(client_id)
    root = store.root
    docs = {
        rel: inventory.parse_document(rel, store.read_text(rel) or "")
        for rel in inventory.store_files(root)
        if inventory.is_document(rel) and rel != "settings.toml"
    }
    processes = {
        str(doc.get("id"))
        for rel, doc in docs.items()
        if inventory.folder_of(rel) == "processes" and doc.get("client") == client_id
    }
    documents: dict[str, Any] = {}
    left_out: list[str] = []
    for rel, doc in docs.items():
        owner = inventory.owner_of(rel, doc)
        mine = (
            owner.client == client_id
            or owner.process in processes
            or any(inventory.names_process(rel, p) for p in processes)
        )
        if not mine:
            continue
        if inventory.folder_of(rel) in inventory.SHAREABLE:
            documents[rel] = _plain(_shareable(rel, doc))
        else:
            left_out.append(rel)
    return ClientData(client_id, documents, left_out)


def write_client_export(
    root: Path, data: ClientData, folder: Path, markdown: str, exported: str
) -> list[Path]:
    """Write ``<client>.json`` and ``<client>.md`` into ``folder``; refuse to overwrite."""
    payload = {
        "schema": 1,
        "client": data.client,
        "exported": exported,
        "documents": data.documents,
        "not_included": data.left_out,
    }
    return _write_pair(root, folder, data.client, payload, markdown)


def _write_pair(
    root: Path, folder: Path, stem: str, payload: dict[str, Any], markdown: str
) -> list[Path]:
    """Write ``<stem>.json`` and ``<stem>.md`` into ``folder``, 0600; refuse to overwrite."""
    targets = [folder / f"{stem}.json", folder / f"{stem}.md"]
    refuse_inside(folder, root)
    for target in targets:
        if target.exists():
            raise UsageError(
                t("{path} exists already: choose another folder or remove it", path=target)
            )
    try:
        write_private(
            targets[0], (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode()
        )
        write_private(targets[1], markdown.encode())
    except OSError as error:
        raise StoreError(
            t("can't write {path}: {error}", path=folder, error=error.strerror or error)
        ) from None
    return targets


# --- a participant's export ----------------------------------------------------------------


def participant_data(store: Store, query: str) -> ParticipantData:
    """What the store keeps about the participant ``query`` (full name or e-mail): see
    :mod:`tyonohjaus_cli.domain.access`. The session log is read for their attendance only."""
    from tyonohjaus_cli.domain import access
    from tyonohjaus_cli.storage.sessions import session_path

    processes = [
        store.process(PurePosixPath(rel).stem)
        for rel in inventory.store_files(store.root)
        if inventory.folder_of(rel) == "processes" and rel.endswith(".toml")
    ]
    found = access.find(processes, query)
    ids = sorted({process.id for process, _ in found})
    clients = {client.id: client.name for client in store.clients()}
    logs = {pid: store.session_log(pid) for pid in ids}
    left_out = [session_path(pid) for pid in ids if (store.root / session_path(pid)).is_file()]
    return access.participant_data(found, clients, logs, left_out)


def file_stem(name: str) -> str:
    """A file name for a person's export: ``Aino Virtanen`` → ``aino-virtanen``."""
    return re.sub(r"[\W_]+", "-", name.casefold()).strip("-") or "participant"


def write_participant_export(
    root: Path, data: ParticipantData, folder: Path, markdown: str, exported: str
) -> list[Path]:
    """Write ``<name>.json`` and ``<name>.md`` into ``folder`` (its parent checked by the
    command, before the store is read)."""
    from tyonohjaus_cli.domain.access import as_document

    return _write_pair(root, folder, file_stem(data.name), as_document(data, exported), markdown)
