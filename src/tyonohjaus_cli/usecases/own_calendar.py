"""The supervisor's own calendar's events, kept process by process in ``.cache/calendars/``.

A process's events are made of its file, its client's file, the settings, tyo itself, the
language and the export's options: kept under the stamps of those files and the rest
(:mod:`tyonohjaus_cli.storage.kept_calendars`), they are written again for a process the
moment one differs, so a hand edit shows at once. The others are copied as they were
written, without the process read: for a practice of 130 open processes, the one a
supervisor just logged or moved a meeting in is the only one written again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tyonohjaus_cli import __version__
from tyonohjaus_cli.calendar.own import OwnEvent
from tyonohjaus_cli.i18n import language
from tyonohjaus_cli.storage import kept_calendars
from tyonohjaus_cli.storage.index import stamp_of, stamps_in
from tyonohjaus_cli.storage.store import SETTINGS, client_path, process_path

if TYPE_CHECKING:
    from tyonohjaus_cli.calendar.choices import Options
    from tyonohjaus_cli.domain.models import Client, Process
    from tyonohjaus_cli.storage.store import Store


def own_events(
    store: Store,
    chosen: list[tuple[str, str]],
    options: Options,
    *,
    participants: bool,
    read: Callable[[str], Process],
) -> list[tuple[str, list[OwnEvent]]]:
    """The events of each ``(process, client)`` of ``chosen``, by process, in its order.

    ``read`` gives a process as the export must see it (its hand edits saved first); it is
    called only for a process whose kept events are missing or out of date.
    """
    shared = shared_inputs(store, options, participants=participants)
    clients: dict[str, Client] = {}
    found = []
    # Every stamp before any process is read, by text path, each client's once (130 open
    # processes are some 250 files).
    befores = stamps_in(store.root, [process_path(pid) for pid, _ in chosen])
    named = sorted({cid for _, cid in chosen if cid})
    owners = dict(zip(named, stamps_in(store.root, map(client_path, named)), strict=True))
    for (process_id, client_id), before in zip(chosen, befores, strict=True):
        path = store.root / process_path(process_id)
        inputs = [*shared, before, owners.get(client_id)]
        rows = kept_calendars.kept_events(store.root, process_id, inputs)
        if rows is None:
            process = read(process_id)
            if process.client not in clients:
                clients[process.client] = store.client_of(process)
            events = _written(process, clients[process.client], store, options, participants)
            if stamp_of(path) == before:  # else saved or edited since: written again next time
                kept_calendars.keep_events(store.root, process_id, inputs, events)
        else:
            events = [OwnEvent(*row) for row in rows]
        found.append((process_id, events))
    return found


def shared_inputs(store: Store, options: Options, *, participants: bool) -> list[Any]:
    """What every process's calendar is made of besides its own and its client's files:
    tyo itself, the language, the settings and the export's options."""
    return [
        __version__,
        language(),
        stamp_of(store.root / SETTINGS),
        options.pseudonym.value,
        options.alarm_minutes,
        participants,
    ]


def _written(
    process: Process, client: Client, store: Store, options: Options, participants: bool
) -> list[OwnEvent]:
    from tyonohjaus_cli.calendar import ics

    return ics.own_events(process, client, store.settings(), options, participants=participants)
