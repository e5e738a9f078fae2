"""``tyo ics PROCESS`` and ``tyo ics --every-process`` made and written, without Typer.

The calendar files themselves: one process's import file, and the supervisor's own
calendar as one file or a vdir. :mod:`cli.calendar` (the command) calls them, and so does
:mod:`cli.plain_ics`, which answers the plain forms of those commands before Typer is
imported: after a change, icalendar's import is most of the time left, and Typer's on top
of it is ~25 ms that writes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from tyonohjaus_cli.calendar.own import OwnEvent, Timezones, computed
from tyonohjaus_cli.cli import output
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain.enums import ProcessStatus
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t, tn

if TYPE_CHECKING:
    from tyonohjaus_cli.calendar import choices
    from tyonohjaus_cli.domain.models import Process


def calendar_file(process_id: str, options: choices.Options, out: Path | None) -> None:
    """``tyo ics PROCESS``: one calendar file of every meeting, as kept while nothing it is
    made of has changed (:mod:`tyonohjaus_cli.usecases.process_calendar`)."""
    from tyonohjaus_cli.usecases.process_calendar import process_calendar

    process, data = process_calendar(
        session.store, process_id, options, store_timezones(), read=agreed
    )
    output.write_out(data, out)
    if out is not None:
        output.say(
            tn(
                "Wrote {count} meeting to {path}.",
                "Wrote {count} meetings to {path}.",
                len(process.meetings),
                path=out,
            )
        )


def own_calendar(
    options: choices.Options,
    out: Path | None,
    vdir: Path | None,
    since: date | None,
    client_id: str | None,
    *,
    participants: bool,
) -> None:
    """``--every-process``: the supervisor's own calendar, as a file or a vdir."""
    from tyonohjaus_cli.calendar import own
    from tyonohjaus_cli.usecases.own_calendar import own_events

    if out is not None and vdir is not None:
        raise UsageError(t("-o and --vdir exclude each other: choose one"))
    store = session.store
    zone = store.zone()
    if client_id is not None:
        store.client(client_id)  # an unknown client is named, with where to look
    # A vdir is kept in step with every process (a closed one's files go); a file needs
    # only the open ones, which the index tells without its settled part.
    statuses = store.process_statuses() if vdir is not None else {}
    chosen = [
        (pid, client)
        for pid, client in store.open_processes()
        if client_id is None or client == client_id
    ]
    written = own_events(
        store,
        chosen,
        options,
        participants=participants,
        read=lambda pid: with_hand_edits_saved(store.process(pid)),
    )
    start = datetime.combine(since, time(), zone).timestamp() if since else None
    shown = [
        (pid, event)
        for pid, events in written
        for event in events
        if start is None or event.start >= start
    ]
    timezones = store_timezones()
    if vdir is not None:
        kept = {event.uid for _, events in written for event in events}
        files = [(pid, event, own.own_event_file(event, zone, timezones)) for pid, event in shown]
        _write_vdir(vdir, files, kept, statuses, {pid for pid, _ in chosen})
        return
    output.write_out(own.own_calendar([event for _, event in shown], zone, timezones), out)
    if out is not None:
        output.say(
            tn(
                "Wrote {count} meeting to {path}.",
                "Wrote {count} meetings to {path}.",
                len(shown),
                path=out,
            )
        )


def _write_vdir(
    vdir: Path,
    files: list[tuple[str, OwnEvent, bytes]],
    kept: set[str],
    statuses: dict[str, tuple[str, ProcessStatus]],
    picked: set[str],
) -> None:
    """Keep ``vdir`` in step: one file per meeting of ``files``, as they are by process."""
    from tyonohjaus_cli.storage import vdir as vdirs

    zone = session.store.zone()
    items = [
        vdirs.Item(event.uid, pid, datetime.fromtimestamp(event.start, zone), data)
        for pid, event, data in files
    ]
    # Open processes outside --client keep their files as they are.
    others = {
        pid
        for pid, (_, status) in statuses.items()
        if status is ProcessStatus.ACTIVE and pid not in picked
    }
    try:
        output.make_folder(vdir.expanduser())  # never inside the store
    except OSError as error:
        raise UsageError(
            t("can't write {path}: {error}", path=vdir, error=error.strerror or error)
        ) from None
    done = vdirs.write_vdir(
        vdir.expanduser(), items, kept, vdirs.Present(set(statuses), others), session.now()
    )
    for name in done.foreign:
        output.warn(t("{path} is not tyo's: left as it is", path=vdir / name))
    output.say(
        t(
            "{path}: added {added}, updated {updated}, removed {removed}.",
            path=vdir,
            added=len(done.added),
            updated=len(done.updated),
            removed=len(done.removed),
        )
    )


def agreed(process_id: str) -> Process:
    """The process as a calendar may show it: agreed (a proposal's meetings go to no
    calendar until accepted), its hand edits' SEQUENCEs saved."""
    from tyonohjaus_cli.domain.meetings import require_agreed

    process = session.store.process(process_id)
    require_agreed(process)
    return with_hand_edits_saved(process)


def with_hand_edits_saved(process: Process) -> Process:
    """Write down a SEQUENCE that a hand edit raised, so that it stays raised."""
    from tyonohjaus_cli.domain.calendar_changes import unsaved_hand_edits

    if not unsaved_hand_edits(process):
        return process
    store = session.store
    with store.transaction(f"ics {process.id} (hand edit)", session.now()) as change:
        process = store.process(process.id)
        change.save_process(process)
    return process


def store_timezones() -> Timezones:
    """VTIMEZONEs as kept in the store's ``.cache/`` (derived once for a zone and years)."""
    from tyonohjaus_cli.storage.kept_calendars import kept_timezones

    return kept_timezones(session.store.root, computed)
