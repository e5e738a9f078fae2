"""Clients and processes to store documents and back; with :mod:`settings_codec`, the only
place that knows the file layout.

Money is written as text (``rate = "95.00"``) so that no float ever touches it; wall-clock
meeting times as TOML local date-times (``2027-01-12T14:00:00``), exactly as typed, in the
store's zone; moments when something happened (created, notified) with their offset.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal

from tyonohjaus_cli.domain import reasons
from tyonohjaus_cli.domain.cadence import MAX_MEETINGS
from tyonohjaus_cli.domain.calendar_changes import seen_text
from tyonohjaus_cli.domain.enums import (
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
from tyonohjaus_cli.domain.parsing import FIRST_YEAR, LAST_YEAR, LONGEST_MEETING
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.i18n import t, tn
from tyonohjaus_cli.storage.documents import MAX_INTEGER, Doc, Fields, check_unique
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
    return moment.replace(tzinfo=None)


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
_MEETING_STATUS = {status.value: status for status in MeetingStatus}
"""Made once: a twenty-year store reads 15,000 meetings (a lookup here is a tenth of
calling the enum)."""


_PLAIN_KEYS = frozenset(
    {"n", "start", "minutes", "uid", "status", "sequence", "calendar", "held_minutes"}
)
"""What most meetings hold (a meeting planned or held, not moved, cancelled or charged):
:func:`_plain_meeting` reads these without :class:`Fields`."""


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
    if not doc.keys() <= _PLAIN_KEYS:
        return None
    n, start, minutes = doc.get("n"), doc.get("start"), doc.get("minutes")
    uid, seen = doc.get("uid"), doc.get("calendar", "")
    sequence, held = doc.get("sequence", 0), doc.get("held_minutes")
    status = doc.get("status", MeetingStatus.PLANNED.value)
    if isinstance(start, str):
        try:
            start = datetime.fromisoformat(start)
        except ValueError:
            return None
    if not (
        type(n) is int  # not a bool, as every whole number of a document
        and 1 <= n < MAX_INTEGER
        and type(minutes) is int
        and 1 <= minutes <= LONGEST_MEETING
        and type(sequence) is int
        and 0 <= sequence < MAX_INTEGER
        and (held is None or (type(held) is int and 1 <= held <= LONGEST_MEETING))
        and type(start) is datetime
        and start.tzinfo is None
        and FIRST_YEAR <= start.year <= LAST_YEAR
        and type(uid) is str
        and uid.isprintable()  # one line, no control characters
        and type(seen) is str
        and seen.isprintable()
        and type(status) is str
        and status in _MEETING_STATUS
    ):
        return None
    return Meeting(
        n=n,
        start=start.replace(tzinfo=zone),
        minutes=minutes,
        uid=uid,
        status=_MEETING_STATUS[status],
        sequence=sequence,
        held_minutes=held,
        seen=seen,
    )


def _meeting_read_whole(fields: Fields, zone: tzinfo) -> Meeting:
    cancelled_by = fields.choice("cancelled_by", _CANCELLED_BY, None)
    return Meeting(
        n=fields.integer("n", minimum=1),
        start=fields.moment("start", zone),
        minutes=fields.integer("minutes", minimum=1, maximum=LONGEST_MEETING),
        uid=fields.text("uid"),
        status=_MEETING_STATUS[
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


def summary_of_process(process: Process) -> ProcessSummary:
    """What list views need, kept in the index so they never parse every process file."""
    slots = [
        (m.n, _wall_clock(m.start).isoformat(timespec="minutes"), m.minutes, m.status.value)
        for m in process.in_order()
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
