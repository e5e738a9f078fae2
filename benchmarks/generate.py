"""A seeded twenty-year practice, written as a real tyo store, for the benchmarks.

Usage::

    python benchmarks/generate.py DIR [--seed 2007] [--years 20] [--density 1.0]
                                      [--clients N] [--processes N] [--meetings N]
                                      [--invoice-months 12] [--no-check]

The practice runs from January of ``--years`` years back (2007 for twenty) to a little
after :data:`NOW` (Monday 16 November 2026, 09:00 Helsinki time; ``TYO_NOW`` for the
benchmark). Its size follows the years at a density of 15 clients, 75 processes and 750
meetings a year (``--density`` scales that; ``--clients`` and the others set one count
outright), so ``--years 100`` is the twenty-year practice's density over five times the
history. The last ``--invoice-months`` whole months before NOW are invoiced, client by
client, as ``tyo invoice create`` would (about 585 invoices for a year), and all but the
last two months' invoices are paid. Processes are planned with tyo's own
planner (weekends, Finnish public holidays and each summer's break avoided), meetings are
moved and cancelled with tyo's own domain functions, and every file is written through
tyo's codec, so the store is exactly what years of ``tyo`` use would leave behind: past
meetings held, cancelled or missed (no-show), a few recent ones not yet logged, future ones
planned, old processes closed. The files are written directly, not through one journalled
transaction per process, because that would take minutes; there is no ``history/``.

Every name is invented (``Aino Esimerkki``, ``Keksilän kotihoito``); addresses are at
``example.fi``. The same seed and sizes always give the same store, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from tyonohjaus_cli.domain import meetings as meeting_ops
from tyonohjaus_cli.domain.billing import bill_month, issue_invoice
from tyonohjaus_cli.domain.cadence import Cadence, CadenceStep
from tyonohjaus_cli.domain.enums import CancelledBy, MeetingStatus, ProcessKind, ProcessStatus
from tyonohjaus_cli.domain.holidays_fi import finnish_holidays
from tyonohjaus_cli.domain.invoices import Invoice
from tyonohjaus_cli.domain.models import Client, Goal, Meeting, Participant, Process, Venue
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.domain.planning import plan
from tyonohjaus_cli.domain.settings import Break, Settings, Supervisor
from tyonohjaus_cli.storage import codec, settings_codec
from tyonohjaus_cli.storage.documents import SCHEMA, Doc, dump_json, dump_toml
from tyonohjaus_cli.storage.invoices import INVOICES, PAYMENTS, invoice_path, invoice_to_doc

ZONE = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 16, 9, 0, tzinfo=ZONE)
"""The benchmark's present: pass it as ``TYO_NOW`` (see :data:`NOW_TEXT`)."""
NOW_TEXT = NOW.strftime("%Y-%m-%d %H:%M")
YEARS = 20
LAST_START = NOW.date() + timedelta(days=60)
"""The last process starts about two months after ``NOW``: planned but not begun."""

SEED = 2007
PER_YEAR = (15, 75, 750)
"""Clients, processes and meetings a year of practice at density 1."""
CLIENTS, PROCESSES, MEETINGS = (count * YEARS for count in PER_YEAR)
INVOICE_MONTHS = 12


def first_day(years: int) -> date:
    """The practice's first possible meeting day: 8 January, ``years`` years back."""
    return date(NOW.year + 1 - years, 1, 8)


def sizes(years: int, density: float) -> tuple[int, int, int]:
    """Clients, processes and meetings of ``years`` of practice at ``density``."""
    return tuple(max(1, round(count * years * density)) for count in PER_YEAR)  # type: ignore[return-value]


FIRST_NAMES = (
    "Aino", "Eero", "Iida", "Onni", "Helmi", "Väinö", "Kerttu", "Lauri", "Saimi", "Toivo",
    "Elli", "Urho", "Siiri", "Veikko", "Lempi", "Arvo", "Tyyne", "Eino", "Hilja", "Oiva",
)  # fmt: skip
SURNAMES = (
    "Esimerkki", "Mallikas", "Testinen", "Kuvitelma", "Keksitty", "Tarinainen", "Mallinen",
    "Satunen", "Tekaistu", "Lainaaja",
)  # fmt: skip
PLACES = (
    "Keksilä", "Kuvitela", "Satula", "Tarinala", "Haavela", "Unila", "Mallila", "Esimerkkilä",
    "Tekaisula", "Lorula", "Sepitelä", "Huvila",
)  # fmt: skip
SECTORS = (
    ("kotihoito", "Kotihoito Oy"),
    ("paivakoti", "päiväkoti"),
    ("koulu", "koulu"),
    ("seurakunta", "seurakunta"),
    ("sosiaalitoimi", "sosiaalitoimi"),
    ("kirjasto", "kirjasto"),
    ("vastaanotto", "vastaanotto"),
    ("konsultointi", "Konsultointi Oy"),
    ("nuorisotyo", "nuorisotyö"),
    ("hoivakoti", "hoivakoti"),
)
GOALS = (
    "Työnjaon selkiyttäminen",
    "Jaksamisen tukeminen",
    "Esihenkilön roolin vahvistaminen",
    "Vuorovaikutuksen parantaminen",
    "Muutoksen läpikäynti",
    "Oman työn rajaaminen",
    "Perustehtävän kirkastaminen",
)
REASONS = ("sairastuminen", "päällekkäinen kokous", "lakko", "matka", "")

# Each kind's share of the practice, meetings per process (low, high), interval in weeks
# and minutes per meeting.
KINDS: dict[ProcessKind, tuple[int, tuple[int, int], tuple[int, ...], int]] = {
    ProcessKind.INDIVIDUAL: (35, (5, 15), (2, 3, 4), 60),
    ProcessKind.GROUP: (25, (6, 16), (3, 4), 90),
    ProcessKind.COMMUNITY: (10, (4, 12), (4, 6), 120),
    ProcessKind.LEADERSHIP: (15, (6, 14), (3, 4), 90),
    ProcessKind.CRISIS: (5, (3, 9), (3,), 60),
    ProcessKind.ENTREPRENEUR: (10, (5, 15), (2, 3, 4), 60),
}
MIN_MEETINGS, MAX_MEETINGS = 3, 30
TITLES = {
    ProcessKind.INDIVIDUAL: "Yksilötyönohjaus",
    ProcessKind.GROUP: "Ryhmätyönohjaus",
    ProcessKind.COMMUNITY: "Työyhteisön työnohjaus",
    ProcessKind.LEADERSHIP: "Esihenkilön työnohjaus",
    ProcessKind.CRISIS: "Kriisityönohjaus",
    ProcessKind.ENTREPRENEUR: "Yrittäjän työnohjaus",
}


@dataclass(frozen=True)
class Practice:
    """What :func:`build` made: the documents of a store, by relative path."""

    settings: Settings
    clients: tuple[Client, ...]
    processes: tuple[Process, ...]
    invoices: tuple[Invoice, ...] = ()
    paid: tuple[tuple[int, date], ...] = ()

    @property
    def meeting_count(self) -> int:
        return sum(len(process.meetings) for process in self.processes)

    def documents(self) -> dict[str, Doc]:
        docs = {"settings.toml": settings_codec.settings_to_doc(self.settings)}
        docs |= {f"clients/{c.id}.toml": codec.client_to_doc(c) for c in self.clients}
        docs |= {f"processes/{p.id}.toml": codec.process_to_doc(p) for p in self.processes}
        return docs

    def json_documents(self) -> dict[str, Doc]:
        docs = {invoice_path(i.number): invoice_to_doc(i) for i in self.invoices}
        if self.paid:
            docs[PAYMENTS] = {
                "schema": SCHEMA,
                "paid": {str(n): d.isoformat() for n, d in self.paid},
            }
        return docs


def _uid(rng: random.Random) -> str:
    return f"{uuid.UUID(int=rng.getrandbits(128), version=4)}@tyo"


def _person(rng: random.Random) -> Participant:
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    email = f"{first.lower()}.{last.lower()}@example.fi".replace("ä", "a").replace("ö", "o")
    return Participant(f"{first} {last}", email if rng.random() < 0.8 else "")


def _settings() -> Settings:
    return Settings(
        supervisor=Supervisor(
            name="Maija Mallikas",
            email="maija@example.fi",
            address="Esimerkkitie 1\n90100 Oulu",
        ),
        rate=Decimal("95.00"),
        language="fi",
        breaks=(Break(date(2027, 6, 28), date(2027, 8, 1)),),
    )


def _clients(rng: random.Random, count: int) -> list[Client]:
    clients = []
    for n in range(1, count + 1):
        place = rng.choice(PLACES)
        slug, sector = rng.choice(SECTORS)
        stem = place.lower().replace("ä", "a").replace("ö", "o")
        clients.append(
            Client(
                id=f"{stem}-{slug}-{n:03d}",
                name=f"{place}n {sector}",
                address=f"Kuvitelmakatu {rng.randint(1, 99)}\n{rng.randint(10, 99)}100 {place}",
                email=f"laskutus.{n:03d}@example.fi",
                rate=Decimal(rng.choice((90, 95, 105, 110, 120))) if rng.random() < 0.3 else None,
                discount=Decimal(rng.choice((0, 0, 0, 5, 10))),
                cancel_hours=rng.choice((24, 24, 48)),
                payment_days=rng.choice((14, 14, 21, 30)),
                public_body=slug in {"koulu", "sosiaalitoimi", "kirjasto", "seurakunta"},
                language=rng.choice(("fi",) * 8 + ("sv", "en")),
            )
        )
    return clients


def _meeting_counts(rng: random.Random, kinds: Sequence[ProcessKind], total: int) -> list[int]:
    """Meetings per process, drawn by kind and then nudged so they add up to ``total``."""
    counts = [rng.randint(*KINDS[kind][1]) for kind in kinds]
    if not MIN_MEETINGS * len(counts) <= total <= MAX_MEETINGS * len(counts):
        raise ValueError(f"{total} meetings don't fit in {len(counts)} processes")
    while (gap := total - sum(counts)) != 0:
        i = rng.randrange(len(counts))
        step = 1 if gap > 0 else -1
        if MIN_MEETINGS <= counts[i] + step <= MAX_MEETINGS:
            counts[i] += step
    return counts


def _cadence(rng: random.Random, kind: ProcessKind, count: int) -> Cadence:
    weeks = timedelta(weeks=rng.choice(KINDS[kind][2]))
    if kind is ProcessKind.CRISIS and count > 3:
        return Cadence((CadenceStep(3, timedelta(weeks=1)), CadenceStep(count - 3, weeks)))
    return Cadence((CadenceStep(count, weeks),))


def _venue(rng: random.Random, process_id: str) -> Venue:
    roll = rng.random()
    if roll < 0.70:
        return Venue(place=f"{rng.choice(PLACES)}n toimitila, huone {rng.randint(1, 20)}")
    if roll < 0.95:
        return Venue(online=f"https://meet.example.fi/{process_id}")
    return Venue(phone=True)


def _weekday_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _office_hours(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))), ZONE)


def _move(rng: random.Random, process: Process, meeting: Meeting) -> Process:
    """Move ``meeting`` a few days on or to another hour, agreed before it (and before NOW)."""
    day = _weekday_after(meeting.start.date() + timedelta(days=rng.choice((0, 1, 2, 3, 7))))
    hour = rng.choice((8, 9, 10, 12, 13, 14, 15)) if day == meeting.start.date() else None
    to = datetime.combine(day, time(hour or meeting.start.hour, meeting.start.minute), ZONE)
    if to == meeting.start:
        to += timedelta(days=1 if to.weekday() < 4 else 3)
    agreed = _office_hours(rng, meeting.start.date() - timedelta(days=rng.randint(1, 14)))
    agreed = max(process.created, min(agreed, NOW - timedelta(hours=1)))
    return meeting_ops.move(process, meeting.n, to, agreed)[0]


def _settle(rng: random.Random, process: Process, meeting: Meeting) -> Process:
    """What became of a meeting: held, cancelled or missed if past; mostly planned if ahead."""
    past = meeting.start < NOW
    roll = rng.random()
    if past and meeting.start > NOW - timedelta(days=10) and roll < 0.5:
        return process  # not logged yet
    if roll < (0.08 if past else 0.03):
        notified = _office_hours(rng, meeting.start.date() - timedelta(days=rng.randint(0, 10)))
        notified = min(notified, meeting.start - timedelta(hours=1))
        # A cancellation far ahead was notified some time before NOW.
        notified = min(notified, NOW - timedelta(hours=rng.randint(1, 30 * 24)))
        notified = max(process.created, notified)
        by = CancelledBy.CLIENT if rng.random() < 0.6 else CancelledBy.SUPERVISOR
        reason = rng.choice(REASONS)
        return meeting_ops.cancel(process, meeting.n, by, notified, reason, now=NOW)[0]
    if not past:
        return process
    status = MeetingStatus.NO_SHOW if roll < 0.10 else MeetingStatus.HELD
    held = meeting.minutes + rng.choice((-15, 15, 30)) if rng.random() < 0.05 else None
    settled = meeting._replace(status=status, held_minutes=held)
    others = tuple(m if m.n != meeting.n else settled for m in process.meetings)
    return process._replace(meetings=others)


def _process(
    rng: random.Random,
    process_id: str,
    client: Client,
    kind: ProcessKind,
    first: datetime,
    count: int,
    holidays: dict[date, str],
    summers: tuple[Break, ...],
) -> Process:
    cadence = _cadence(rng, kind, count)
    planned = plan(first, cadence, holidays=holidays, breaks=summers)
    minutes = KINDS[kind][3]
    if kind in {ProcessKind.GROUP, ProcessKind.COMMUNITY, ProcessKind.CRISIS}:
        named = rng.randint(0, 8)
        size: int | None = rng.randint(max(named, 4), 25) if rng.random() < 0.5 else None
    else:
        named, size = 1, None
    created = datetime.combine(
        first.date() - timedelta(days=rng.randint(3, 40)), time(rng.randint(8, 17)), ZONE
    )
    process = Process(
        id=process_id,
        client=client.id,
        kind=kind,
        title=f"{TITLES[kind]} {first.year}",
        created=min(created, NOW - timedelta(days=1)),
        meetings=tuple(
            Meeting(n=item.n, start=item.start, minutes=minutes, uid=_uid(rng)) for item in planned
        ),
        participants=tuple(_person(rng) for _ in range(named)),
        group_size=size,
        venue=_venue(rng, process_id),
        goals=tuple(
            Goal(n, text) for n, text in enumerate(rng.sample(GOALS, rng.randint(0, 3)), 1)
        ),
        meeting_price=Decimal(rng.choice((150, 180, 240))) if rng.random() < 0.1 else None,
        first_free=rng.random() < 0.1,
        co_supervisor="Kaisa Keksitty" if (size or 0) > 12 and rng.random() < 0.7 else "",
        plan=str(cadence),
    )
    for meeting in process.meetings:
        if rng.random() < 0.05:
            process = _move(rng, process, meeting)
    for meeting in process.in_order():
        process = _settle(rng, process, meeting)
    last = max(m.start for m in process.meetings)
    finished = all(m.status is not MeetingStatus.PLANNED for m in process.meetings)
    if finished and last < NOW - timedelta(days=14) and rng.random() < 0.95:
        closed = min(last + timedelta(days=rng.randint(1, 30), hours=3), NOW - timedelta(hours=2))
        process = meeting_ops.close(process, closed, cancel_remaining=False)
    return process


def _first_meeting(rng: random.Random, first: date) -> datetime:
    day = _weekday_after(first + timedelta(days=rng.randrange((LAST_START - first).days)))
    return datetime.combine(
        day, time(rng.choice((8, 9, 10, 12, 13, 14, 15)), rng.choice((0, 30))), ZONE
    )


def build(
    seed: int = SEED,
    clients: int = CLIENTS,
    processes: int = PROCESSES,
    meetings: int = MEETINGS,
    *,
    years: int = YEARS,
    invoice_months: int = 0,
) -> Practice:
    """The practice for ``seed``: exactly ``clients``, ``processes`` and ``meetings`` over
    ``years``, with the last ``invoice_months`` whole months before NOW invoiced."""
    rng = random.Random(seed)
    settings = _settings()
    client_list = _clients(rng, clients)
    first_possible = first_day(years)
    calendar_years = range(first_possible.year, LAST_START.year + 3)
    holidays = finnish_holidays(calendar_years, "fi")
    summers = tuple(Break(date(year, 7, 1), date(year, 7, 31)) for year in calendar_years)
    weights = [KINDS[kind][0] for kind in KINDS]
    kinds = rng.choices(list(KINDS), weights=weights, k=processes)
    counts = _meeting_counts(rng, kinds, meetings)
    starts = sorted(_first_meeting(rng, first_possible) for _ in range(processes))
    taken: dict[str, int] = {}
    process_list = []
    for kind, count, first in zip(kinds, counts, starts, strict=True):
        client = rng.choice(client_list)
        stem = f"{client.id}-{first.year}"
        taken[stem] = taken.get(stem, 0) + 1
        process_id = stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"
        process_list.append(
            _process(rng, process_id, client, kind, first, count, holidays, summers)
        )
    invoices = _invoices(settings, client_list, process_list, invoice_months)
    cutoff = _months_before(NOW.date(), 2)
    paid = tuple(
        (invoice.number, invoice.due - timedelta(days=rng.randint(0, 10)))
        for invoice in invoices
        if invoice.month.first < cutoff
    )
    return Practice(settings, tuple(client_list), tuple(process_list), invoices, paid)


def _months_before(day: date, months: int) -> date:
    """The first day of the month ``months`` before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _invoices(
    settings: Settings, clients: list[Client], processes: list[Process], months: int
) -> tuple[Invoice, ...]:
    """Each client's invoice for each of the ``months`` whole months before NOW, issued on
    the 5th of the month after, numbered from 1000 in order, as ``tyo invoice create``
    would issue them."""
    issued: list[Invoice] = []
    for back in range(months, 0, -1):
        first = _months_before(NOW.date(), back)
        month = Month(first.year, first.month)
        touching = [p for p in processes if any(m.start.date() in month for m in p.meetings)]
        for client in clients:
            bill = bill_month(settings, client, touching, (), month, now=NOW)
            if bill.open_items:
                number = 1000 + len(issued)
                issued.append(
                    issue_invoice(bill, settings, number, month.following.first + timedelta(days=4))
                )
    return tuple(issued)


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def write(practice: Practice, root: Path) -> None:
    """Write the practice's files under ``root``, which must be empty or absent."""
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    for folder in (root, root / "clients", root / "processes"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for rel, doc in practice.documents().items():
        _write_private(root / rel, dump_toml(doc))
    if practice.invoices:
        (root / INVOICES).mkdir(mode=0o700)
    for rel, doc in practice.json_documents().items():
        _write_private(root / rel, dump_json(doc))


def generate(
    root: Path,
    *,
    seed: int = SEED,
    clients: int = CLIENTS,
    processes: int = PROCESSES,
    meetings: int = MEETINGS,
    years: int = YEARS,
    invoice_months: int = 0,
) -> Practice:
    """Build the practice for ``seed`` and write it as a store at ``root``."""
    practice = build(seed, clients, processes, meetings, years=years, invoice_months=invoice_months)
    write(practice, root)
    return practice


def tyo_command() -> list[str]:
    """The ``tyo`` installed next to this Python, or ``python -m tyonohjaus_cli``."""
    script = Path(sys.executable).with_name("tyo")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "tyonohjaus_cli"]


def check(root: Path, practice: Practice) -> None:
    """Load the store with ``tyo process list --json`` and compare the counts."""
    env = os.environ | {"TYO_HOME": str(root), "TYO_NOW": NOW_TEXT}
    result = subprocess.run(
        [*tyo_command(), "process", "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"tyo process list failed ({result.returncode}): {result.stderr}")
    rows = json.loads(result.stdout)
    found = sum(row["meetings"] + row["cancelled"] for row in rows)
    if len(rows) != len(practice.processes) or found != practice.meeting_count:
        raise RuntimeError(
            f"tyo sees {len(rows)} processes and {found} meetings, expected "
            f"{len(practice.processes)} and {practice.meeting_count}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0] if __doc__ else None)
    parser.add_argument("root", type=Path, help="the store folder to create (empty or absent)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--years", type=int, default=YEARS, help="years of history")
    parser.add_argument(
        "--density", type=float, default=1.0, help="practice a year, as a share of 75 processes"
    )
    parser.add_argument("--clients", type=int, help="clients (default: by years and density)")
    parser.add_argument("--processes", type=int, help="processes (default: by years and density)")
    parser.add_argument("--meetings", type=int, help="meetings (default: by years and density)")
    parser.add_argument(
        "--invoice-months", type=int, default=INVOICE_MONTHS, help="whole months invoiced"
    )
    parser.add_argument(
        "--no-check", action="store_true", help="skip loading it with `tyo process list`"
    )
    args = parser.parse_args(argv)
    clients, processes, meetings = sizes(args.years, args.density)
    practice = generate(
        args.root,
        seed=args.seed,
        clients=args.clients or clients,
        processes=args.processes or processes,
        meetings=args.meetings or meetings,
        years=args.years,
        invoice_months=max(0, args.invoice_months),
    )
    if not args.no_check:
        check(args.root, practice)
    statuses = [m.status for p in practice.processes for m in p.meetings]
    print(
        f"{args.root}: {len(practice.clients)} clients, {len(practice.processes)} processes, "
        f"{practice.meeting_count} meetings ("
        + ", ".join(f"{statuses.count(s)} {s.value}" for s in MeetingStatus)
        + f"), {sum(p.status is ProcessStatus.ACTIVE for p in practice.processes)} active, "
        + f"{len(practice.invoices)} invoices"
        + ("" if args.no_check else "; `tyo process list` loads it")
    )


if __name__ == "__main__":
    main()
