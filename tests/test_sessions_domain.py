"""The pure parts: review points, units, names, recording a meeting. No store, no clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tyonohjaus_cli.domain.enums import MeetingStatus, ProcessKind
from tyonohjaus_cli.domain.models import Meeting, Participant, Process
from tyonohjaus_cli.domain.progress import ReviewKind, progress, review_points, units
from tyonohjaus_cli.domain.sessionlog import (
    Outcome,
    SessionLog,
    check_loggable,
    match_participant,
    next_unlogged,
    record,
)
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_number

HELSINKI = ZoneInfo("Europe/Helsinki")
START = datetime(2027, 1, 12, 14, 0, tzinfo=HELSINKI)


def _process(count: int, every: timedelta = timedelta(weeks=4), **changes: object) -> Process:
    meetings = tuple(
        Meeting(n=n, start=START + (n - 1) * every, minutes=90, uid=f"{n}@test")
        for n in range(1, count + 1)
    )
    process = Process(
        id="p",
        client="c",
        kind=ProcessKind.GROUP,
        title="p",
        created=START,
        meetings=meetings,
        participants=(Participant("Anna Aho"), Participant("Anni Aho"), Participant("Pekka Puu")),
    )
    return process._replace(**changes)  # type: ignore[arg-type]


def _day(process: Process, n: int) -> date:
    meeting = process.meeting(n)
    assert meeting is not None
    return meeting.start.date()


@pytest.mark.parametrize(
    ("count", "points"),
    [
        (1, [(ReviewKind.FINAL, 1)]),
        (2, [(ReviewKind.FINAL, 2)]),
        (3, [(ReviewKind.MIDPOINT, 2), (ReviewKind.FINAL, 3)]),
        (10, [(ReviewKind.MIDPOINT, 5), (ReviewKind.FINAL, 10)]),
        (11, [(ReviewKind.MIDPOINT, 6), (ReviewKind.FINAL, 11)]),
    ],
)
def test_midpoint_and_final(count: int, points: list[tuple[ReviewKind, int]]) -> None:
    found = review_points(_process(count), [])
    assert [(p.kind, p.meeting) for p in found] == points


def test_a_long_process_is_reviewed_every_six_months() -> None:
    # Every 4 weeks for two years: marks on 12.7.2027, 12.1.2028 and 12.7.2028, each
    # reviewed at the first meeting on or after it; the last meeting is 9.1.2029.
    process = _process(27)
    found = review_points(process, [])
    assert [(p.kind, _day(process, p.meeting).isoformat()) for p in found] == [
        (ReviewKind.HALF_YEAR, "2027-07-27"),
        (ReviewKind.HALF_YEAR, "2028-02-08"),
        (ReviewKind.HALF_YEAR, "2028-07-25"),
        (ReviewKind.FINAL, "2029-01-09"),
    ]


def test_cancelled_meetings_are_no_review_points() -> None:
    process = _process(4)
    last = process.meeting(4)
    assert last is not None
    cancelled = process._replace(
        meetings=(*process.meetings[:3], last._replace(status=MeetingStatus.CANCELLED))
    )
    assert [(p.kind, p.meeting) for p in review_points(cancelled, [])] == [
        (ReviewKind.MIDPOINT, 2),
        (ReviewKind.FINAL, 3),
    ]


def test_what_counts_as_reviewed() -> None:
    process = _process(10)
    baseline = _day(process, 1)
    assert progress(process, 45, [baseline]).next_review.meeting == 5  # type: ignore[union-attr]
    at_meeting_before = _day(process, 4)
    done = progress(process, 45, [baseline, at_meeting_before])
    assert done.next_review is not None
    assert (done.next_review.kind, done.next_review.meeting) == (ReviewKind.FINAL, 10)
    late = _day(process, 7)  # late, but before the final point's window opens at meeting 9
    assert progress(process, 45, [late]).points[0].reviewed
    final = progress(process, 45, [late, _day(process, 10) + timedelta(days=3)])
    assert final.next_review is None


def test_units_and_counts() -> None:
    process = _process(4)
    first, second, third, fourth = process.meetings
    logged = process._replace(
        meetings=(
            first._replace(status=MeetingStatus.HELD, held_minutes=60),
            second._replace(status=MeetingStatus.NO_SHOW),
            third._replace(status=MeetingStatus.CANCELLED),
            fourth,
        ),
    )
    done = progress(logged, 45, [])
    assert (done.planned, done.held, done.no_shows, done.cancelled, done.left) == (3, 1, 1, 1, 1)
    assert done.units_used == Decimal("3.33")  # 60 held + 90 of the no-show
    assert done.units_left == Decimal("2.00")


@pytest.mark.parametrize(
    ("minutes", "unit", "expected", "fi", "en"),
    [
        (90, 45, "2.00", "2", "2"),
        (60, 45, "1.33", "1,33", "1.33"),
        (50, 60, "0.83", "0,83", "0.83"),
    ],
)
def test_units(minutes: int, unit: int, expected: str, fi: str, en: str) -> None:
    value = units(minutes, unit)
    assert value == Decimal(expected)
    assert (format_number(value, lang="fi"), format_number(value, lang="en")) == (fi, en)


@pytest.mark.parametrize(
    ("typed", "name"),
    [("Pekka Puu", "Pekka Puu"), ("pekka", "Pekka Puu"), ("PE", "Pekka Puu"), ("anni", "Anni Aho")],
)
def test_names_match_when_they_fit_one_participant(typed: str, name: str) -> None:
    assert match_participant(_process(1), typed) == name


@pytest.mark.parametrize("typed", ["ann", "an", "", "Matti"])
def test_names_that_fit_none_or_several_are_refused(typed: str) -> None:
    with pytest.raises(UsageError):
        match_participant(_process(1), typed)


def test_record_is_pure_and_keeps_numbers() -> None:
    process = _process(3)
    log = SessionLog("p")
    meeting = next_unlogged(process)
    now = START + timedelta(days=1)
    check_loggable(meeting, process, now, force=False)
    changed, new_log, logged, entry = record(
        process, log, meeting, Outcome(absent=("pekka",), note=" muistiinpano \n"), now
    )
    assert process.meetings[0].status is MeetingStatus.PLANNED  # the input is untouched
    assert (logged.n, logged.status, logged.attended) == (1, MeetingStatus.HELD, 2)
    assert [m.n for m in changed.meetings] == [1, 2, 3]
    assert entry.absent == ("Pekka Puu",)
    assert entry.note == "muistiinpano"
    assert new_log.entry(1) == entry
    assert next_unlogged(changed).n == 2
    with pytest.raises(UsageError, match="logged already"):
        check_loggable(logged, changed, now, force=False)
    with pytest.raises(UsageError, match="still ahead"):
        check_loggable(next_unlogged(changed), changed, now, force=False)


def test_a_no_show_relogged_as_held_counts_afresh() -> None:
    process = _process(1)
    now = START + timedelta(hours=3)
    missed, log, meeting, _ = record(
        process, SessionLog("p"), process.meetings[0], Outcome(no_show=True), now
    )
    assert (meeting.status, meeting.attended) == (MeetingStatus.NO_SHOW, 0)
    _, _, meeting, entry = record(missed, log, meeting, Outcome(minutes=45), now)
    assert (meeting.status, meeting.attended, meeting.held_minutes) == (MeetingStatus.HELD, 3, 45)
    assert entry.present == ("Anna Aho", "Anni Aho", "Pekka Puu")


def test_a_count_alone_names_nobody() -> None:
    process = _process(1, group_size=8)
    _, _, meeting, entry = record(
        process, SessionLog("p"), process.meetings[0], Outcome(attendance=6), START
    )
    assert (meeting.attended, entry.present, entry.absent) == (6, (), ())
    with pytest.raises(UsageError, match="fewer than those named present \\(2\\)"):
        record(
            process,
            SessionLog("p"),
            process.meetings[0],
            Outcome(attendance=1, present=("anna", "pekka")),
            START,
        )
    _, _, named, _ = record(
        process, SessionLog("p"), process.meetings[0], Outcome(absent=("pekka",)), START
    )
    assert named.attended is None  # 3 named of 8: the names can't give the count


_SECRET_TEXT = st.text(alphabet="ÄÖÅQXZJ", min_size=12, max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    note=_SECRET_TEXT,
    method=_SECRET_TEXT,
    theme=_SECRET_TEXT,
    comment=_SECRET_TEXT,
    lang=st.sampled_from(["fi", "sv", "en"]),
    form=st.sampled_from(["txt", "md"]),
)
def test_summaries_never_carry_notes_or_methods(
    note: str, method: str, theme: str, comment: str, lang: str, form: str
) -> None:
    """Whatever is written, notes and methods reach no summary; themes and unshared reviews
    reach only the participants'."""
    secrets = (note, method, comment, theme)
    assume(all(a not in b for i, a in enumerate(secrets) for b in secrets[i + 1 :] + secrets[:i]))
    from tyonohjaus_cli.domain import summary
    from tyonohjaus_cli.domain.models import Client, Goal, Review
    from tyonohjaus_cli.domain.settings import Settings, Supervisor
    from tyonohjaus_cli.domain.summary_text import render

    process = _process(3)._replace(goals=(Goal(1, "Tavoite"),))
    log = SessionLog("p")
    for n in (1, 2):
        process, log, _, _ = record(
            process,
            log,
            process.meetings[n - 1],
            Outcome(note=note, methods=(method,), themes=(theme,)),
            START + timedelta(days=60),
        )
    log = log._replace(
        reviews=(Review(1, START.date(), 3, "participants", START, comment=comment),),
    )
    client = Client("c", "Tilaaja Oy", language=lang)
    settings_ = Settings(Supervisor("Maija", "m@example.fi"), rate=Decimal(95))
    today = (START + timedelta(days=60)).date()
    for_client = render(summary.for_client(process, client, settings_, today), lang, form)
    for_participants = render(
        summary.for_participants(process, client, settings_, log, today), lang, form
    )
    for text in (for_client, for_participants):
        assert note not in text
        assert method not in text
    assert theme not in for_client
    assert comment not in for_client
    assert theme in for_participants
    assert comment in for_participants
