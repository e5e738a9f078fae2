"""Clients and processes to store documents and back; with :mod:`settings_codec`, the only
place that knows the file layout.

Money is written as text (``rate = "95.00"``) so that no float ever touches it; wall-clock
meeting times as TOML local date-times (``2027-01-12T14:00:00``), exactly as typed, in the
store's zone; moments when something happened (created, notified) with their offset.
"""

from __future__ import annotations

import functools
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

from tyonohjaus_cli.domain import reasons
from tyonohjaus_cli.domain.cadence import MAX_MEETINGS
from tyonohjaus_cli.domain.calendar_changes import seen_text
from tyonohjaus_cli.domain.enums import (
    MEETING_STATUSES,
    CancelledBy,
    MeetingStatus,
    ProcessKind,
    ProcessStatus,
)
from tyonohjaus_cli.domain.models import (
    REVIEW_SCORES,
    Client,
    Goal,
    Meeting,
    Move,
    Participant,
    Process,
    Review,
    Venue,
)
from tyonohjaus_cli.domain.numbers import plain
from tyonohjaus_cli.domain.parsing import LONGEST_MEETING
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.i18n import t, tn
from tyonohjaus_cli.storage.documents import (
    MAX_INTEGER,
    Doc,
    Fields,
    check_unique,
    has_control,
    plain_line,
    plain_moment,
    plain_prose,
    plain_whole,
)
from tyonohjaus_cli.storage.index import ProcessSummary
from tyonohjaus_cli.storage.settings_codec import (
    break_docs,
    breaks_from,
    change_docs,
    changes_from,
    compact,
    money_text,
    schema_for,
)


def _wall_clock(moment: datetime) -> datetime:
    """The wall-clock time of ``moment``, as ``moment.replace(tzinfo=None)`` gives it, in
    half the time (every meeting of a first run's 1,500 files is summarised)."""
    return datetime.combine(moment, moment.time())


def _moment(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


# --- clients/<id>.toml -------------------------------------------------------------------


def _percent(fields: Fields, key: str, default: Decimal) -> Decimal:
    """A percentage, 0 to 100, as the command line takes it (a 200 % discount would bill
    a negative amount)."""
    value: Decimal = fields.amount(key, default)
    if value > 100:
        raise fields.fail(key, t("a percentage from 0 to 100"))
    return value


def client_to_doc(client: Client) -> Doc:
    return {
        "schema": schema_for(client.rate_changes, client.discount_changes),
        **compact(
            {
                "id": client.id,
                "name": client.name,
                "business_id": client.business_id,
                "address": client.address,
                "email": client.email,
                "contact": client.contact,
                "einvoice_address": client.einvoice_address,
                "operator": client.operator,
                "buyer_reference": client.buyer_reference,
                "rate": money_text(client.rate) if client.rate is not None else None,
            }
        ),
        "discount": plain(client.discount),
        "cancel_hours": client.cancel_hours,
        "cancel_charge": plain(client.cancel_charge),
        "payment_days": client.payment_days,
        "public_body": client.public_body,
        "language": client.language,
        **compact(
            {
                "rate_changes": change_docs(client.rate_changes, "rate"),
                "discount_changes": change_docs(client.discount_changes, "discount", money=False),
            }
        ),
    }


def client_from_doc(fields: Fields) -> Client:
    """A client's document decoded and checked (a client file, or an invoice's buyer):
    read straight from the document when every value is plainly as it should be
    (:func:`_plain_client`), else the long way, which words what is wrong."""
    try:
        client = _plain_client(fields)
    except StoreFileError:  # a value a helper of the long way refused: it is told below
        client = None
    return _client_read_whole(fields) if client is None else client


_LANGUAGES = frozenset({"fi", "sv", "en"})
_CLIENT_LINES = ("business_id", "email", "contact", "einvoice_address", "operator")


def _plain_client(fields: Fields) -> Client | None:
    """What :func:`_client_read_whole` makes of a document whose texts, numbers and flags
    are plainly as they should be, without one :class:`Fields` call for each (doctor reads
    300 client files and the buyer of each of a year's 584 invoices); the amounts and
    dated changes through :class:`Fields` as there. ``None`` for anything else."""
    doc = fields.doc
    get = doc.get
    id_, name, address, reference = (
        get("id"),
        get("name"),
        get("address", ""),
        get("buyer_reference", ""),
    )
    business_id, email, contact, einvoice, operator = (get(key, "") for key in _CLIENT_LINES)
    hours, days = get("cancel_hours", 24), get("payment_days", 14)
    public, language = get("public_body", False), get("language", "fi")
    if not (
        plain_line(id_)
        and plain_line(name)
        and plain_line(business_id)
        and plain_line(email)
        and plain_line(contact)
        and plain_line(einvoice)
        and plain_line(operator)
        and plain_prose(address)
        and plain_prose(reference)
        and plain_whole(hours, 0)
        and plain_whole(days, 0)
        and type(public) is bool
        and type(language) is str
        and language in _LANGUAGES
    ):
        return None
    dated = "rate_changes" in doc or "discount_changes" in doc
    return Client(
        id=id_,
        name=name,
        business_id=business_id,
        address=address,
        email=email,
        contact=contact,
        einvoice_address=einvoice,
        operator=operator,
        buyer_reference=reference,
        rate=fields.amount("rate", None),
        discount=_percent(fields, "discount", Decimal(0)),
        cancel_hours=hours,
        cancel_charge=_percent(fields, "cancel_charge", Decimal(100)),
        payment_days=days,
        public_body=public,
        language=language,
        rate_changes=changes_from(fields, "rate") if dated else (),
        discount_changes=changes_from(fields, "discount") if dated else (),
    )


def _client_read_whole(fields: Fields) -> Client:
    return Client(
        id=fields.text("id"),
        name=fields.text("name"),
        business_id=fields.text("business_id", ""),
        address=fields.text("address", ""),
        email=fields.text("email", ""),
        contact=fields.text("contact", ""),
        einvoice_address=fields.text("einvoice_address", ""),
        operator=fields.text("operator", ""),
        buyer_reference=fields.text("buyer_reference", ""),
        rate=fields.amount("rate", None),
        discount=_percent(fields, "discount", Decimal(0)),
        cancel_hours=fields.integer("cancel_hours", 24),
        cancel_charge=_percent(fields, "cancel_charge", Decimal(100)),
        payment_days=fields.integer("payment_days", 14),
        public_body=fields.flag("public_body", False),
        language=fields.choice("language", ("fi", "sv", "en"), "fi"),
        rate_changes=changes_from(fields, "rate"),
        discount_changes=changes_from(fields, "discount"),
    )


# --- processes/<id>.toml -----------------------------------------------------------------


def _meeting_to_doc(process: Process, meeting: Meeting) -> Doc:
    doc: Doc = {
        "n": meeting.n,
        "start": _wall_clock(meeting.start),
        "minutes": meeting.minutes,
        "status": meeting.status.value,
        "uid": meeting.uid,
        "sequence": meeting.sequence,
    }
    doc |= compact(
        {
            "cancelled_by": meeting.cancelled_by.value if meeting.cancelled_by else None,
            "notified_at": _moment(meeting.notified_at) if meeting.notified_at else None,
            "reason": reasons.stored(meeting.reason),
            "held_minutes": meeting.held_minutes,
            "attended": meeting.attended,
            "charge": plain(meeting.charge) if meeting.charge is not None else None,
            "charge_reason": meeting.charge_reason,
            "edited": _moment(meeting.edited) if meeting.edited else None,
            "calendar": seen_text(process, meeting),
            "moves": [
                {"previous": _wall_clock(move.previous), "agreed_at": _moment(move.agreed_at)}
                for move in meeting.moves
            ],
        }
    )
    return doc


_CANCELLED_BY = tuple(CancelledBy)
_MEETING_STATUSES = tuple(MeetingStatus)


_PLAIN_KEYS = frozenset(
    {
        "n", "start", "minutes", "uid", "status", "sequence", "calendar", "held_minutes",
        "cancelled_by", "notified_at", "reason", "moves",
    }
)  # fmt: skip
"""What nearly every meeting holds (a meeting planned, held, moved or cancelled; not one
charged, counted or edited by hand): :func:`_plain_meeting` reads these without
:class:`Fields`."""
_HELD_KEYS = frozenset(
    {"n", "start", "minutes", "uid", "status", "sequence", "calendar", "held_minutes"}
)
"""A meeting planned or held: of these alone (nine in ten)."""
_CANCELLERS = {by.value: by for by in CancelledBy}


def _meetings(fields: Fields, zone: tzinfo) -> tuple[Meeting, ...]:
    """A process's meetings, in file order: a plain one (:func:`_plain_meeting`) straight
    from its table, any other through its ``Fields`` (a Fields for each of a first run's
    15,000 meetings was a tenth of its decoding); a repeated number is worded with its
    line, after every meeting is read, as before."""
    meetings = []
    for index, item in enumerate(fields.table_docs("meetings")):
        meeting = _plain_meeting(item, zone)
        if meeting is None:
            meeting = _meeting_read_whole(fields.table_at("meetings", index), zone)
        meetings.append(meeting)
    if len({meeting.n for meeting in meetings}) < len(meetings):
        check_unique(
            list(fields.tables("meetings")), "n", lambda: t("a number no other meeting has")
        )
    return tuple(meetings)


def _meeting_from_doc(fields: Fields, zone: tzinfo) -> Meeting:
    plain_meeting = _plain_meeting(fields.doc, zone)
    return _meeting_read_whole(fields, zone) if plain_meeting is None else plain_meeting


def _plain_meeting(doc: Doc, zone: tzinfo) -> Meeting | None:
    """A meeting of :data:`_PLAIN_KEYS` alone, each value plainly as it should be, read
    straight from ``doc``: what :func:`_meeting_read_whole` reads of it, in a fifth of the
    time (a twenty-year store's first run reads 15,000 meetings). ``None`` for anything
    else, which :func:`_meeting_read_whole` then reads, and words what is wrong."""
    keys = doc.keys()
    if not keys <= _PLAIN_KEYS:
        return None
    get = doc.get
    n, minutes, sequence, held = get("n"), get("minutes"), get("sequence", 0), get("held_minutes")
    uid, seen, status = get("uid"), get("calendar", ""), get("status", "planned")
    start = plain_moment(get("start"), zone)
    if not (
        type(n) is int  # not a bool, as every whole number of a document
        and 1 <= n < MAX_INTEGER
        and type(minutes) is int
        and 1 <= minutes <= LONGEST_MEETING
        and type(sequence) is int
        and 0 <= sequence < MAX_INTEGER
        and (held is None or (type(held) is int and 1 <= held <= LONGEST_MEETING))
        and start is not None
        and type(uid) is str
        and uid.isprintable()  # one line, no control characters
        and type(seen) is str
        and seen.isprintable()
        and type(status) is str
        and status in MEETING_STATUSES
    ):
        return None
    more = _NOTHING_MORE if keys <= _HELD_KEYS else _plain_more(doc, zone)
    if more is None:
        return None
    # In the order of the fields (faster than naming each): the tests hold it to the long way.
    return Meeting(
        n, start, minutes, uid, MEETING_STATUSES[status], sequence, *more, held, None, None,
        "", seen,
    )  # fmt: skip


_More = tuple[tuple[Move, ...], CancelledBy | None, datetime | None, str]
_NOTHING_MORE: _More = ((), None, None, "")


def _plain_more(doc: Doc, zone: tzinfo) -> _More | None:
    """A plain meeting's moves and cancellation (who, when told, why), or ``None``."""
    get = doc.get
    by, notified, reason = get("cancelled_by"), get("notified_at"), get("reason", "")
    if by is not None and (type(by) is not str or (by := _CANCELLERS.get(by)) is None):
        return None
    if notified is not None and (notified := plain_moment(notified, zone)) is None:
        return None
    if type(reason) is not str or not (reason.isprintable() or not has_control(reason)):
        return None
    moves = _plain_moves(doc["moves"], zone) if "moves" in doc else ()
    if moves is None:
        return None
    return moves, by, notified, _stored_reason(reason)


def _plain_moves(listed: Any, zone: tzinfo) -> tuple[Move, ...] | None:
    """A meeting's moves as :func:`_meeting_read_whole` reads them, or ``None``."""
    if type(listed) is not list:
        return None
    moves = []
    for item in listed:
        if type(item) is not dict:
            return None
        previous = plain_moment(item.get("previous"), zone)
        agreed = plain_moment(item.get("agreed_at"), zone)
        if previous is None or agreed is None:
            return None
        moves.append(Move(previous, agreed))
    return tuple(moves)


_stored_reason = functools.lru_cache(maxsize=64)(reasons.stored)
"""A cancellation's reason as the store keeps it: the same few reasons recur (telling one
that is not a code raises and catches an error)."""


def _meeting_read_whole(fields: Fields, zone: tzinfo) -> Meeting:
    cancelled_by = fields.choice("cancelled_by", _CANCELLED_BY, None)
    return Meeting(
        n=fields.integer("n", minimum=1),
        start=fields.moment("start", zone),
        minutes=fields.integer("minutes", minimum=1, maximum=LONGEST_MEETING),
        uid=fields.text("uid"),
        status=MEETING_STATUSES[
            fields.choice("status", _MEETING_STATUSES, MeetingStatus.PLANNED.value)
        ],
        sequence=fields.integer("sequence", 0),
        moves=tuple(
            Move(move.moment("previous", zone), move.moment("agreed_at", zone))
            for move in fields.tables("moves")
        ),
        cancelled_by=CancelledBy(cancelled_by) if cancelled_by else None,
        notified_at=fields.moment("notified_at", zone, None),
        reason=reasons.stored(fields.text("reason", "")),
        held_minutes=fields.integer("held_minutes", None, minimum=1, maximum=LONGEST_MEETING),
        attended=fields.integer("attended", None),
        charge=fields.amount("charge", None),
        charge_reason=fields.text("charge_reason", ""),
        seen=fields.text("calendar", ""),
        edited=fields.moment("edited", zone, None),
    )


def review_to_doc(review: Review) -> Doc:
    """A goal review, in the process file (shared) or the session log (not shared)."""
    doc: Doc = {
        "goal": review.goal,
        "day": review.day,
        "score": review.score,
        "with": review.with_,
        "recorded": _moment(review.recorded),
    }
    return doc | compact({"comment": review.comment, "shared": review.shared or None})


def review_from_doc(fields: Fields, zone: tzinfo) -> Review:
    score = fields.integer("score", minimum=1)
    if score not in REVIEW_SCORES:
        raise fields.fail("score", t("a whole number from 1 to 5"))
    return Review(
        goal=fields.integer("goal", minimum=1),
        day=fields.day("day"),
        score=score,
        with_=fields.choice("with", ("participants", "client")),
        recorded=fields.moment("recorded", zone),
        comment=fields.text("comment", ""),
        shared=fields.flag("shared", False),
    )


def process_to_doc(process: Process) -> Doc:
    doc: Doc = {
        # A meeting's own charge is one more thing an older tyo would ignore (and bill 100 %).
        "schema": schema_for(
            process.rate_changes,
            process.meeting_price_changes,
            tuple(m for m in process.meetings if m.charge is not None),
        ),
        "id": process.id,
        "client": process.client,
        "kind": process.kind.value,
        "title": process.title,
        "status": process.status.value,
        "created": _moment(process.created),
    }
    doc |= compact(
        {
            "closed": _moment(process.closed) if process.closed else None,
            "plan": process.plan,
            "group_size": process.group_size,
            "place": process.venue.place,
            "online": process.venue.online,
            "phone": process.venue.phone or None,
            "rate": money_text(process.rate) if process.rate is not None else None,
            "meeting_price": money_text(process.meeting_price)
            if process.meeting_price is not None
            else None,
            "rate_changes": change_docs(process.rate_changes, "rate"),
            "meeting_price_changes": change_docs(process.meeting_price_changes, "meeting_price"),
            "first_free": process.first_free or None,
            "co_supervisor": process.co_supervisor,
            "order_number": process.order_number,
            "contract": process.contract,
            "breaks": break_docs(process.breaks),
            "participants": [
                compact({"name": p.name, "email": p.email}) for p in process.participants
            ],
            "goals": [{"n": goal.n, "text": goal.text, "by": goal.by} for goal in process.goals],
            "reviews": [review_to_doc(review) for review in process.reviews],
        }
    )
    doc["meetings"] = [
        _meeting_to_doc(process, meeting) for meeting in sorted(process.meetings, key=lambda m: m.n)
    ]
    return doc


MEETINGS_LIMIT = 5 * MAX_MEETINGS
"""Meetings a process file may hold: five times what one plan makes. A hand-edited file
with more is reported at once, not parsed for minutes."""


def process_from_doc(fields: Fields, zone: tzinfo) -> Process:
    """A process file's document decoded and checked: read straight from the document
    when every value is plainly as it should be (:func:`_plain_process`), else the long
    way, which words what is wrong with the file, its line included."""
    try:
        process = _plain_process(fields, zone)
    except StoreFileError:  # a value a helper of the long way refused: it is told below
        process = None
    return _process_read_whole(fields, zone) if process is None else process


def _process_read_whole(fields: Fields, zone: tzinfo) -> Process:
    listed = fields.doc.get("meetings")
    if isinstance(listed, list) and len(listed) > MEETINGS_LIMIT:
        raise StoreFileError(
            fields.rel,
            tn(
                "{count} meeting, more than the {limit} a process file may hold; split "
                "the process in two (`tyo new-process`)",
                "{count} meetings, more than the {limit} a process file may hold; split "
                "the process in two (`tyo new-process`)",
                len(listed),
                limit=MEETINGS_LIMIT,
            ),
            fields.line_of_table("meetings", MEETINGS_LIMIT),
        )
    meetings = _meetings(fields, zone)
    closed = fields.moment("closed", zone, None)
    return Process(
        id=fields.text("id"),
        client=fields.text("client"),
        kind=ProcessKind(fields.choice("kind", tuple(ProcessKind))),
        title=fields.text("title", "") or fields.text("id"),
        created=fields.moment("created", zone),
        meetings=meetings,
        participants=tuple(
            Participant(item.text("name"), item.text("email", ""))
            for item in fields.tables("participants")
        ),
        group_size=fields.integer("group_size", None, minimum=1),
        venue=Venue(
            fields.text("place", ""), fields.text("online", ""), fields.flag("phone", False)
        ),
        goals=tuple(
            Goal(
                item.integer("n", minimum=1),
                item.text("text"),
                item.choice("by", ("participants", "client", "both"), "both"),
            )
            for item in fields.tables("goals")
        ),
        rate=fields.amount("rate", None),
        meeting_price=fields.amount("meeting_price", None),
        rate_changes=changes_from(fields, "rate"),
        meeting_price_changes=changes_from(fields, "meeting_price"),
        first_free=fields.flag("first_free", False),
        co_supervisor=fields.text("co_supervisor", ""),
        order_number=fields.text("order_number", ""),
        contract=fields.text("contract", ""),
        breaks=breaks_from(fields),
        plan=fields.text("plan", ""),
        status=ProcessStatus(
            fields.choice("status", tuple(ProcessStatus), ProcessStatus.ACTIVE.value)
        ),
        closed=closed,
        reviews=tuple(review_from_doc(item, zone) for item in fields.tables("reviews")),
    )


_KINDS = {kind.value: kind for kind in ProcessKind}
_PROCESS_STATUSES = {status.value: status for status in ProcessStatus}
_GOAL_BY = frozenset({"participants", "client", "both"})
_NO_TABLES = ("rate_changes", "meeting_price_changes", "breaks", "reviews")
"""Lists a process seldom has: read through :class:`Fields` when it has them."""


def _plain_process(fields: Fields, zone: tzinfo) -> Process | None:
    """What :func:`_process_read_whole` makes of a document whose every value is plainly
    as it should be, read straight from it: the meetings without a :class:`Fields` each,
    the rest without one call per key. ``None`` for anything else (a value missing, of
    another kind, out of range, a number repeated), which the long way then reads, and
    words; the tests hold the two ways to the same process over every file of a generated
    store and hostile variants of them."""
    doc = fields.doc
    get = doc.get
    listed = get("meetings", [])
    if type(listed) is not list or len(listed) > MEETINGS_LIMIT:
        return None
    meetings = []
    for index, item in enumerate(listed):
        if type(item) is not dict:
            return None
        meeting = _plain_meeting(item, zone)
        if meeting is None:  # charged, counted or edited: the long way (refused: None)
            meeting = _meeting_read_whole(fields.table_at("meetings", index), zone)
        meetings.append(meeting)
    if len({meeting.n for meeting in meetings}) != len(meetings):
        return None
    id_, client, title, kind = get("id"), get("client"), get("title", ""), get("kind")
    place, online, phone = get("place", ""), get("online", ""), get("phone", False)
    status = get("status", ProcessStatus.ACTIVE.value)
    created, closed = plain_moment(get("created"), zone), get("closed")
    group_size, first_free = get("group_size"), get("first_free", False)
    texts = (get("co_supervisor", ""), get("order_number", ""), get("contract", ""))
    plan = get("plan", "")
    if not (
        plain_line(id_)
        and plain_line(client)
        and plain_line(title)
        and type(kind) is str
        and kind in _KINDS
        and created is not None
        and (closed is None or (closed := plain_moment(closed, zone)) is not None)
        and (group_size is None or plain_whole(group_size, 1))
        and plain_prose(place)
        and plain_line(online)
        and type(phone) is bool
        and type(first_free) is bool
        and plain_line(texts[0])
        and plain_prose(texts[1])
        and plain_prose(texts[2])
        and plain_prose(plan)
        and type(status) is str
        and status in _PROCESS_STATUSES
    ):
        return None
    participants = _plain_participants(get("participants", []))
    goals = _plain_goals(get("goals", []))
    if participants is None or goals is None:
        return None
    rare = any(key in doc for key in _NO_TABLES)
    return Process(
        id=id_,
        client=client,
        kind=_KINDS[kind],
        title=title or id_,
        created=created,
        meetings=tuple(meetings),
        participants=participants,
        group_size=group_size,
        venue=Venue(place, online, phone),
        goals=goals,
        rate=fields.amount("rate", None) if "rate" in doc else None,
        meeting_price=fields.amount("meeting_price", None) if "meeting_price" in doc else None,
        rate_changes=changes_from(fields, "rate") if rare else (),
        meeting_price_changes=changes_from(fields, "meeting_price") if rare else (),
        first_free=first_free,
        co_supervisor=texts[0],
        order_number=texts[1],
        contract=texts[2],
        breaks=breaks_from(fields) if rare else (),
        plan=plan,
        status=_PROCESS_STATUSES[status],
        closed=closed,
        reviews=tuple(review_from_doc(item, zone) for item in fields.tables("reviews"))
        if rare
        else (),
    )


def _plain_participants(listed: Any) -> tuple[Participant, ...] | None:
    if type(listed) is not list:
        return None
    people = []
    for item in listed:
        if type(item) is not dict:
            return None
        name, email = item.get("name"), item.get("email", "")
        if not (plain_line(name) and plain_line(email)):
            return None
        people.append(Participant(name, email))
    return tuple(people)


def _plain_goals(listed: Any) -> tuple[Goal, ...] | None:
    if type(listed) is not list:
        return None
    goals = []
    for item in listed:
        if type(item) is not dict:
            return None
        n, text, by = item.get("n"), item.get("text"), item.get("by", "both")
        if not (plain_whole(n, 1) and plain_prose(text) and type(by) is str and by in _GOAL_BY):
            return None
        goals.append(Goal(n, text, by))
    return tuple(goals)


def summary_of_process(process: Process) -> ProcessSummary:
    """What list views need, kept in the index so they never parse every process file."""
    slots = [
        (m.n, _wall_clock(m.start).isoformat(timespec="minutes"), m.minutes, m.status._value_)
        for m in process.in_order()  # _value_: the value as kept, not through a property
    ]
    starts = [slot[1] for slot in slots]
    statuses = [slot[3] for slot in slots]
    kept = [slot[1] for slot in slots if slot[3] != MeetingStatus.CANCELLED]
    return ProcessSummary(
        id=process.id,
        client=process.client,
        kind=process.kind.value,
        title=process.title,
        status=process.status.value,
        venue=str(process.venue),
        held=statuses.count(MeetingStatus.HELD) + statuses.count(MeetingStatus.NO_SHOW),
        open=statuses.count(MeetingStatus.PLANNED),
        cancelled=statuses.count(MeetingStatus.CANCELLED),
        kept=len(kept),
        first=min(kept, default=None),
        last=max(kept, default=None),
        earliest=min(starts, default=None),
        latest=max(starts, default=None),
        planned=[slot[1] for slot in slots if slot[3] == MeetingStatus.PLANNED],
        meetings=";".join(f"{n},{start},{minutes},{status}" for n, start, minutes, status in slots),
    )
