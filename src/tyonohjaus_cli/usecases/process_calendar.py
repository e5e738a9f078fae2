"""A process's calendar file (``tyo ics PROCESS``), kept whole in ``.cache/calendars/``.

The file is made of what the process's own-calendar events are made of
(:func:`own_calendar.shared_inputs`: tyo, the language, the settings, the options), the
process's and its client's files, and the time zone's file (the VTIMEZONE is in it). Kept
under the stamps of those (:mod:`tyonohjaus_cli.storage.kept_calendars`), it is written
again the moment one differs, so a hand edit shows at once; while they hold, it is given as
it was written, without icalendar (~60 ms of a ~170 ms export).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tyonohjaus_cli.storage import kept_calendars
from tyonohjaus_cli.storage.index import stamps_in
from tyonohjaus_cli.storage.store import client_path, process_path
from tyonohjaus_cli.usecases.own_calendar import shared_inputs

if TYPE_CHECKING:
    from tyonohjaus_cli.calendar.choices import Options
    from tyonohjaus_cli.calendar.own import Timezones
    from tyonohjaus_cli.domain.models import Process
    from tyonohjaus_cli.storage.store import Store


def process_calendar(
    store: Store,
    process_id: str,
    options: Options,
    timezones: Timezones,
    *,
    read: Callable[[str], Process],
) -> tuple[Process, bytes]:
    """``process_id`` as ``read`` gives it (checked, its hand edits saved), and its calendar
    file: the one kept if nothing it is made of has changed, else written and kept."""
    own = process_path(process_id)
    (before,) = stamps_in(store.root, [own])
    process = read(process_id)
    owner = client_path(process.client)
    inputs = [
        *shared_inputs(store, options, participants=False),
        before,
        *stamps_in(store.root, [owner]),
        kept_calendars.zone_file(store.zone().key),
    ]
    kept = kept_calendars.kept_calendar(store.root, process_id, inputs)
    if kept is not None:
        return process, kept
    from tyonohjaus_cli.calendar import ics

    client = store.client_of(process)
    data = ics.calendar_file(process, client, store.settings(), options, timezones=timezones)
    if stamps_in(store.root, [own, owner]) == inputs[-3:-1]:  # else changed since: next time
        kept_calendars.keep_calendar(store.root, process_id, inputs, data)
    return process, data
