"""A participant's own data (GDPR art. 15, ``tyo export --participant``). Pure.

What tyo keeps about one ohjattava: their name and e-mail as recorded in each process that
names them; of each such process its id, title, kind, client, period and goals (goals are
agreed with the participants); of each meeting its date, status and whether *they* were
present or absent. Attendance is the one thing taken from the private session log, and
only the person's own entry: never the notes, themes, working methods, the other
participants, reviews, invoices or prices (DESIGN.md §2).

The person is found as ``tyo forget --participant`` finds them (full name or e-mail, any
case, :func:`~tyonohjaus_cli.domain.retention.same_person`). Where that could be two
people — two participants of one process, or different e-mails under one name — nothing
is exported: handing one person's data to another is the mistake to rule out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessKind
from tyonohjaus_cli.domain.models import Participant, Process
from tyonohjaus_cli.domain.retention import person_key, same_person
from tyonohjaus_cli.domain.sessionlog import SessionLog
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t

PRESENT = "present"
ABSENT = "absent"


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting as the participant's export shows it; ``attendance`` is ``None`` when
    the supervisor recorded no name (not held yet, cancelled, or logged by count only)."""

    n: int
    day: date
    status: MeetingStatus
    attendance: str | None


@dataclass(frozen=True)
class ProcessRecord:
    """One process naming the participant, with the name and e-mail recorded in it."""

    id: str
    title: str
    kind: ProcessKind
    client: str
    name: str
    email: str
    first: date | None
    last: date | None
    goals: tuple[str, ...]
    meetings: tuple[MeetingRecord, ...]


@dataclass(frozen=True)
class ParticipantData:
    """Everything the export holds, and the session logs it leaves out (paths)."""

    name: str
    processes: tuple[ProcessRecord, ...]
    left_out: tuple[str, ...] = ()


def find(processes: Iterable[Process], query: str) -> list[tuple[Process, Participant]]:
    """The processes naming the person ``query`` (full name or e-mail), with their entry.

    No match, or a match that could be two people, is a usage error.
    """
    found = [
        (process, person)
        for process in processes
        for person in process.participants
        if same_person(person.name, person.email, query)
    ]
    if not found:
        raise UsageError(
            t(
                "no participant {query!r} in the store: `tyo process show ID` lists a process's participants",
                query=query,
            )
        )
    emails = {person_key(person.email) for _, person in found if person.email.strip()}
    ids = [process.id for process, _ in found]
    if len(emails) > 1 or len(set(ids)) < len(ids):
        raise UsageError(
            t(
                "{query!r} fits more than one participant ({who}): give the e-mail",
                query=query,
                who=", ".join(f"{person} ({process.id})" for process, person in found),
            )
        )
    return found


def _attendance(person: Participant, status: MeetingStatus, log: SessionLog, n: int) -> str | None:
    entry = log.entry(n)
    if entry is None or status not in (MeetingStatus.HELD, MeetingStatus.NO_SHOW):
        return None
    wanted = person_key(person.name)
    if any(person_key(name) == wanted for name in entry.present):
        return PRESENT
    if any(person_key(name) == wanted for name in entry.absent):
        return ABSENT
    return None


def record(process: Process, person: Participant, client: str, log: SessionLog) -> ProcessRecord:
    """What the export says of ``process`` for ``person``; ``client`` is the client's name."""
    meetings = process.in_order()
    kept = [m.start.date() for m in meetings if m.status is not MeetingStatus.CANCELLED]
    return ProcessRecord(
        id=process.id,
        title=process.title,
        kind=process.kind,
        client=client,
        name=person.name,
        email=person.email,
        first=min(kept, default=None),
        last=max(kept, default=None),
        goals=tuple(goal.text for goal in sorted(process.goals, key=lambda g: g.n)),
        meetings=tuple(
            MeetingRecord(m.n, m.start.date(), m.status, _attendance(person, m.status, log, m.n))
            for m in meetings
        ),
    )


def participant_data(
    found: list[tuple[Process, Participant]],
    clients: Mapping[str, str],
    logs: Mapping[str, SessionLog],
    left_out: Iterable[str] = (),
) -> ParticipantData:
    """The export of the person in ``found`` (from :func:`find`); ``clients`` maps a client
    id to its name, ``logs`` a process id to its session log."""
    records = tuple(
        record(process, person, clients.get(process.client, process.client), logs[process.id])
        for process, person in sorted(found, key=lambda pair: pair[0].id)
    )
    return ParticipantData(found[0][1].name, records, tuple(left_out))


def as_document(data: ParticipantData, exported: str) -> dict[str, Any]:
    """The JSON export: stable keys, dates in ISO 8601."""

    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "schema": 1,
        "participant": data.name,
        "exported": exported,
        "processes": [
            {
                "id": p.id,
                "title": p.title,
                "kind": p.kind.value,
                "client": p.client,
                "name": p.name,
                "email": p.email,
                "first": day(p.first),
                "last": day(p.last),
                "goals": list(p.goals),
                "meetings": [
                    {
                        "n": m.n,
                        "date": m.day.isoformat(),
                        "status": m.status.value,
                        "attendance": m.attendance,
                    }
                    for m in p.meetings
                ],
            }
            for p in data.processes
        ],
        "not_included": list(data.left_out),
    }
