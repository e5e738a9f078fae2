"""``tyo forget``: erase a client or a participant from the store, and from its history.

``forget CLIENT`` deletes the client, its processes and every document that belongs to
them (the session log, expenses, anything naming the client or one of its processes).
``forget --participant NAME`` takes the person (by name or e-mail) out of every process,
where they still count in the group's size (anonymous, so past attendance reads the same);
where they were the only participant named, the process's goals and its session log go
too, since all of it is about them; elsewhere every mention of the name or e-mail is
replaced by :data:`~tyonohjaus_cli.domain.erased.ERASED` (views put it into words).

What the Accounting Act requires stays: issued invoices (and their lines, which may name
a process) for six years after the year of issue (:mod:`tyonohjaus_cli.domain.retention`);
older ones are erased with the rest. Each kept file is reported with the reason.

The change is all-or-nothing like any other, but leaves no history entry (it could not
be undone without keeping what it erased), and every history entry that touched an erased
file or mentions an erased name is deleted, as are the cache and leftover temporary files.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.erased import ERASED
from tyonohjaus_cli.domain.models import Process
from tyonohjaus_cli.domain.retention import keep_until, must_keep, same_person
from tyonohjaus_cli.errors import StoreError, StoreFileError, UsageError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage import codec, inventory, journal
from tyonohjaus_cli.storage.documents import Doc, dump_toml
from tyonohjaus_cli.storage.files import remove
from tyonohjaus_cli.storage.index import CACHE, jsonable
from tyonohjaus_cli.storage.store import Store, process_path

_MIN_NEEDLE = 3


@dataclass(frozen=True)
class Kept:
    """A file that stays, and why; ``until`` is when the law lets it go."""

    path: str
    reason: str
    until: date | None = None


@dataclass(frozen=True)
class Gone:
    """A history entry that forgetting deletes (``command`` is empty for a damaged one)."""

    path: str
    number: int
    at: str
    command: str


@dataclass(frozen=True)
class Plan:
    """What forgetting does to the store's files; nothing is changed until applied."""

    subject: str
    writes: dict[str, str | None]
    kept: tuple[Kept, ...]
    needles: tuple[str, ...]
    """Names and e-mails whose mention makes a history entry go (a participant's)."""
    unbilled: tuple[str, ...] = ()
    """Meetings held (or missed) that no invoice bills yet: erasing loses their billing."""
    ids: tuple[str, ...] = ()
    """The client's and its processes' ids: a history entry whose command names one goes."""
    history: tuple[Gone, ...] = ()
    """The history entries that go with the files, listed before anything is erased."""

    @property
    def erased(self) -> list[str]:
        return sorted(rel for rel, text in self.writes.items() if text is None)

    @property
    def redacted(self) -> list[str]:
        return sorted(rel for rel, text in self.writes.items() if text is not None)

    def mentioned_in(self, entry: journal.Entry) -> bool:
        """Whether a history entry holds any of what this plan erases.

        A client's entries are those that changed one of its files (erased or kept) or whose
        command names it or one of its processes: not those of another client that happens
        to have the same name. A participant has no files of their own, so an entry goes
        when it mentions their name or e-mail anywhere.
        """
        touched = set(self.writes) | {kept.path for kept in self.kept}
        if any(change.path in touched for change in entry.changes):
            return True
        if self.ids and set(entry.command.split()) & set(self.ids):
            return True
        texts = [entry.command]
        for change in entry.changes:
            texts += [change.before or "", change.after or ""]
        folded = "\n".join(texts).casefold()
        return any(needle.casefold() in folded for needle in self.needles)


def _with_history(store: Store, plan: Plan) -> Plan:
    gone = []
    for rel, entry in journal.holding(store.root, plan.mentioned_in):
        if entry is None:
            gone.append(Gone(rel, 0, "", ""))
        else:
            gone.append(Gone(rel, entry.number, entry.at, entry.command))
    return replace(plan, history=tuple(gone))


def _needles(*texts: str) -> tuple[str, ...]:
    return tuple(sorted({text.strip() for text in texts if len(text.strip()) >= _MIN_NEEDLE}))


def _documents(store: Store) -> dict[str, Doc]:
    """Every document of the store other than settings, parsed; a damaged one stops forget."""
    docs = {}
    for rel in inventory.store_files(store.root):
        if rel == "settings.toml" or not inventory.is_document(rel):
            continue
        text = store.read_text(rel) or ""
        docs[rel] = inventory.parse_document(rel, text)
    return docs


def _invoice_fate(rel: str, doc: Doc, today: date) -> Kept | None:
    """How an invoice is kept (``None``: its retention has ended, it may go)."""
    issued = inventory.issue_date(doc)
    if issued is None:
        return Kept(rel, t("an invoice without a readable date of issue: kept to be safe"))
    if not must_keep(issued, today):
        return None
    return Kept(
        rel,
        t(
            "Accounting Act (kirjanpitolaki 2:10 §): an issued invoice is kept for six "
            "years after the year of issue"
        ),
        keep_until(issued),
    )


def plan_client(store: Store, client_id: str, today: date) -> Plan:
    """Forgetting the client ``client_id``: its files, its processes' files, its invoices."""
    client = store.client(client_id)
    docs = _documents(store)
    processes = [
        store.process(str(doc.get("id")))
        for rel, doc in docs.items()
        if inventory.folder_of(rel) == "processes" and doc.get("client") == client_id
    ]
    process_ids = {process.id for process in processes}
    writes: dict[str, str | None] = {}
    kept: list[Kept] = []
    for rel in inventory.store_files(store.root):
        doc = docs.get(rel, {})
        owner = inventory.owner_of(rel, doc)
        if not (
            owner.client == client_id
            or owner.process in process_ids
            or any(inventory.names_process(rel, pid) for pid in process_ids)
        ):
            continue
        if inventory.folder_of(rel) == inventory.INVOICES:
            fate = _invoice_fate(rel, doc, today)
            if fate is not None:
                kept.append(fate)
                continue
        writes[rel] = None
    plan = Plan(
        client_id,
        writes,
        tuple(kept),
        needles=(),
        unbilled=_unbilled(store, processes),
        ids=(client.id, *sorted(process_ids)),
    )
    return _with_history(store, plan)


def _unbilled(store: Store, processes: list[Process]) -> tuple[str, ...]:
    """``process#n`` of every meeting held or missed that is on no invoice (credits free them)."""
    from tyonohjaus_cli.domain.billing import meeting_key
    from tyonohjaus_cli.domain.invoices import invoiced_items
    from tyonohjaus_cli.storage.invoices import invoices

    billed = invoiced_items(invoices(store))
    return tuple(
        meeting_key(process, meeting)
        for process in processes
        for meeting in process.in_order()
        if meeting.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW)
        and meeting_key(process, meeting) not in billed
    )


def _without(process: Process, query: str) -> tuple[Process, bool]:
    """The process without the person; whether they were its only named participant."""
    others = tuple(p for p in process.participants if not same_person(p.name, p.email, query))
    sole = not others
    # The person stays in the group's size, without a name: every past count (present,
    # possible, per meeting, in both summaries) reads as it did, "12/15" and not "12/12".
    trimmed = process._replace(participants=others, group_size=process.size or None)
    if sole:
        # Their goals and the reviews of them are about them alone.
        about_them: dict[str, Any] = {"goals": ()}
        if hasattr(trimmed, "reviews"):
            about_them["reviews"] = ()
        trimmed = trimmed._replace(**about_them)
    return trimmed, sole


def _redact(text: str, needles: tuple[str, ...]) -> str:
    for needle in sorted(needles, key=len, reverse=True):
        text = re.sub(re.escape(needle), ERASED, text, flags=re.IGNORECASE)
    return text


def _still_mentions(doc: Doc, needles: tuple[str, ...]) -> bool:
    values: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                values.append(str(key))
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, str):
            values.append(value)

    collect(jsonable(doc))
    folded = "\n".join(values).casefold()
    return any(needle.casefold() in folded for needle in needles)


def _participant_processes(
    store: Store, docs: dict[str, Doc], query: str
) -> tuple[dict[str, str], set[str], set[str]]:
    """New texts of the processes naming the person, the processes where they were alone,
    and every name and e-mail under which they appear."""
    texts: dict[str, str] = {}
    sole: set[str] = set()
    names = {query.strip()}
    for rel, doc in docs.items():
        if inventory.folder_of(rel) != "processes":
            continue
        process = store.process(str(doc.get("id")))
        matches = [p for p in process.participants if same_person(p.name, p.email, query)]
        if not matches:
            continue
        names.update(text for p in matches for text in (p.name, p.email) if text)
        trimmed, alone = _without(process, query)
        if alone:
            sole.add(process.id)
        texts[process_path(process.id)] = dump_toml(codec.process_to_doc(trimmed))
    return texts, sole, names


def _redacted_text(rel: str, text: str, needles: tuple[str, ...]) -> str:
    """``text`` with every needle replaced; refused when the result would not be clean."""
    redacted = _redact(text, needles)
    if inventory.is_document(rel):
        try:
            clean: Doc | None = inventory.parse_document(rel, redacted)
        except StoreFileError:
            clean = None
        if clean is None or _still_mentions(clean, needles):
            raise StoreError(
                t(
                    "{path}: can't take the name out safely; edit the file by hand, "
                    "then run forget again",
                    path=rel,
                )
            )
    return redacted


def plan_participant(store: Store, query: str, today: date) -> Plan:
    """Forgetting the participant named (or e-mailed) ``query`` everywhere in the store."""
    if len(query.strip()) < _MIN_NEEDLE:
        raise UsageError(
            t("give the participant's full name or e-mail, not {query!r}", query=query)
        )
    docs = _documents(store)
    texts, sole, names = _participant_processes(store, docs, query)
    needles = _needles(*names)
    writes: dict[str, str | None] = {}
    kept: list[Kept] = []
    for rel in inventory.store_files(store.root):
        doc = docs.get(rel, {})
        folder = inventory.folder_of(rel)
        owner = inventory.owner_of(rel, doc)
        alone = owner.process in sole or any(inventory.names_process(rel, pid) for pid in sole)
        if folder and folder not in inventory.SHAREABLE and alone:
            writes[rel] = None
            continue
        text = texts.get(rel) or store.read_text(rel) or ""
        if rel not in texts and not any(n.casefold() in text.casefold() for n in needles):
            continue
        if folder == inventory.INVOICES:
            fate = _invoice_fate(rel, doc, today)
            if fate is None:
                writes[rel] = None
            else:
                kept.append(fate)
            continue
        writes[rel] = _redacted_text(rel, text, needles)
        if folder in inventory.CONFIDENTIAL:
            kept.append(
                Kept(
                    rel,
                    t(
                        "the session log of a process with other participants: the name is "
                        "replaced by {erased}; read the notes, they may still describe the person",
                        erased=ERASED,
                    ),
                )
            )
    if not writes and not kept:
        raise UsageError(
            t(
                "no participant {query!r} in the store: `tyo process show ID` lists a process's participants",
                query=query,
            )
        )
    return _with_history(store, Plan(query.strip(), writes, tuple(kept), needles))


def forget(store: Store, make_plan: Callable[[], Plan], now: datetime) -> tuple[Plan, int]:
    """Apply the plan (made again under the lock); the plan and how many history entries went.

    The erased files and the history entries that hold them go in one all-or-nothing
    change: a failure (a full disk, a crash) leaves both as they were.
    """
    with store.transaction("forget", now, undoable=False) as change:
        plan = make_plan()
        for rel, text in plan.writes.items():
            change.write(rel, text)
        for gone in plan.history:
            change.write(gone.path, None)
        # The cache keeps copies of clients and process summaries; temporary files may
        # hold old texts. Both are only ever derived or left over, so they go first,
        # within the change: a forget killed at any moment leaves no copy of them.
        _clear_derived(store)
    with store.locked():
        _clear_derived(store)  # what reading the store for the plan put back
    return plan, len(plan.history)


def _clear_derived(store: Store) -> None:
    shutil.rmtree(store.root / CACHE, ignore_errors=True)
    store.drop_index()
    for rel in inventory.temp_files(store.root):
        remove(store.root / rel)
