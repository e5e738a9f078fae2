"""``tyo log``, ``tyo notes`` and ``tyo summary``: the session log and what comes of it.

The private log is printed by :func:`_private` only (``tyo notes``); no other command here
writes a note, a theme or a method anywhere. ``tyo summary --for client`` never opens the
session log unless names of those present are asked for (``--attendance-by-name``).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tyonohjaus_cli.cli import complete, machine, output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.cli.editor import edit, template
from tyonohjaus_cli.cli.progress import REVIEW_POINT_REACHED, progress_of
from tyonohjaus_cli.domain.enums import MEETING_STATUS_WORDS, MeetingStatus
from tyonohjaus_cli.domain.goals import all_reviews
from tyonohjaus_cli.domain.meetings import find
from tyonohjaus_cli.domain.models import Meeting, Process
from tyonohjaus_cli.domain.sessionlog import (
    LogEntry,
    Outcome,
    SessionLog,
    check_loggable,
    next_unlogged,
    record,
)
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, format_datetime, t, tn

ProcessArgument = Annotated[
    str,
    typer.Argument(
        metavar="PROCESS", help=t("The process's id."), autocompletion=complete.process_ids
    ),
]


# --- tyo log -----------------------------------------------------------------------------


def _read_note_file(path: Path) -> str:
    from tyonohjaus_cli.storage.documents import has_control
    from tyonohjaus_cli.storage.files import read_named

    if str(path) == "-":
        text = sys.stdin.read(NOTE_LIMIT + 1)
        if len(text) > NOTE_LIMIT:
            raise UsageError(
                tn(
                    "a note longer than {count} character",
                    "a note longer than {count} characters",
                    NOTE_LIMIT,
                )
            )
    else:
        try:
            text = read_named(path, NOTE_LIMIT).decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise UsageError(t("can't read {path}: {error}", path=path, error=reason)) from None
    if has_control(text):
        raise UsageError(
            t("{path} holds control characters (such as ESC): write the note as text", path=path)
        )
    return text


NOTE_LIMIT = 1024 * 1024
"""Characters of a note at most (a megabyte of text is some 300 pages)."""


def _in_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _heading(meeting: Meeting, process: Process) -> str:
    return t(
        "Private note on meeting {n} of {process}, {when}.",
        n=meeting.n,
        process=process.id,
        when=format_datetime(meeting.start),
    )


def _logged_text(process: Process, n: int, entry: LogEntry) -> str:
    meeting = process.meeting(n)
    assert meeting is not None
    # What was logged, a list of whole facts after the colon: "held, 90 min, 2 of 3 present".
    facts = []
    if meeting.status is MeetingStatus.NO_SHOW:
        facts.append(t("no-show"))
    else:
        facts.append(t("held, {minutes} min", minutes=meeting.actual_minutes))
        if meeting.attended is not None:
            facts.append(
                t("{present} of {size} present", present=meeting.attended, size=process.size)
                if process.size
                else tn("{count} present", "{count} present", meeting.attended)
            )
    if entry.note:
        facts.append(t("with a private note"))
    return t(
        "Logged meeting {n} of {process} ({when}): {what}.",
        n=n,
        process=process.id,
        when=format_datetime(meeting.start),
        what=", ".join(facts),
    )


def log(
    process_id: ProcessArgument,
    n: Annotated[
        int | None,
        typer.Argument(
            metavar="[N]",
            help=t("The meeting's number (default: the next one not logged)."),
            parser=params.count,
            autocompletion=complete.meeting_numbers,
            show_default=False,
        ),
    ] = None,
    present: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME",
            help=t("A participant present (name, first name or its start); repeat for each."),
        ),
    ] = None,
    absent: Annotated[
        list[str] | None,
        typer.Option(metavar="NAME", help=t("A participant absent; repeat for each.")),
    ] = None,
    attendance: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help=t("How many were present, when participants are not named."),
            parser=params.count,
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option(
            metavar="MINUTES",
            help=t("How long it was, if not as planned: 75, 75min or 1h15."),
            parser=params.duration,
        ),
    ] = None,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            metavar="TEXT",
            help=t("A theme in a few words (may be shared with the participants); repeat."),
        ),
    ] = None,
    method: Annotated[
        list[str] | None,
        typer.Option(metavar="TEXT", help=t("A working method used; repeat for each.")),
    ] = None,
    note: Annotated[str | None, typer.Option(metavar="TEXT", help=t("The private note."))] = None,
    note_file: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help=t("Read the private note from FILE (- for stdin).")),
    ] = None,
    open_editor: Annotated[
        bool,
        typer.Option("--edit", help=t("Write the note in $EDITOR even when not in a terminal.")),
    ] = False,
    no_show: Annotated[
        bool, typer.Option("--no-show", help=t("Nobody came: billed as agreed, nothing held."))
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help=t("Log a meeting still ahead, or one logged already, again.")),
    ] = False,
) -> None:
    """Log a meeting as held (or a no-show), with attendance and a private note.

    Without --note or --note-file, in a terminal, $EDITOR opens a template (as git commit
    does); an empty note leaves everything as it was. Notes, themes and methods stay in
    the private session log: they never reach the client.

    Example: tyo log hoitajat-2027 --absent Eero --theme "työnjako" --note "Aino toi esiin..."
    """
    if note is not None and note_file is not None:
        raise UsageError(t("give the note either with --note or with --note-file, not both"))
    store = session.store
    now = session.now()
    process = store.process(process_id)
    meeting = find(process, n) if n is not None else next_unlogged(process)
    check_loggable(meeting, process, now, force=force)
    outcome = Outcome(
        no_show=no_show,
        minutes=minutes,
        present=tuple(present) if present else None,
        absent=tuple(absent) if absent else None,
        attendance=attendance,
        themes=tuple(theme) if theme else None,
        methods=tuple(method) if method else None,
    )
    log = store.session_log(process_id)
    record(process, log, meeting, outcome, now)  # a mistake shows now, before any note is written
    text = note if note is not None else _read_note_file(note_file) if note_file else None
    if text is None and (open_editor or _in_terminal()):
        earlier = log.entry(meeting.n)
        text = edit(
            template(earlier.note if earlier else "", _heading(meeting, process)),
            store.root / ".cache",
            f"NOTE-{process_id}-{meeting.n}.txt",
        )
    if text is not None and not text.strip():
        raise UsageError(t("the note is empty: nothing was logged"))
    outcome = outcome._replace(note=text)
    with store.transaction(f"log {process_id} {meeting.n}", now) as change:
        # Read again under the lock: the editor may have been open for a while.
        process = store.process(process_id)
        again = find(process, meeting.n)
        if again.status is not meeting.status:
            check_loggable(again, process, now, force=force)
        process, sessions, logged, entry = record(
            process, store.session_log(process_id), again, outcome, now
        )
        change.save_process(process)
        change.save_session_log(sessions)
    output.say(_logged_text(process, logged.n, entry))
    point = next((p for p in progress_of(store, process).points if p.meeting == logged.n), None)
    if point is not None and not point.reviewed and logged.status is MeetingStatus.HELD:
        output.say(t(REVIEW_POINT_REACHED[point.kind], process=process_id))


# --- tyo notes ---------------------------------------------------------------------------


def _private(text: str) -> None:
    """The one place where the private session log is written out: to the supervisor."""
    sys.stdout.write(text)


def _entry_lines(process: Process, entry: LogEntry | None, n: int, *, md: bool) -> list[str]:
    meeting = process.meeting(n)
    assert meeting is not None
    state = (
        t("held, {minutes} min", minutes=meeting.actual_minutes)
        if meeting.status is MeetingStatus.HELD
        else t(MEETING_STATUS_WORDS[meeting.status])
    )
    head = t("Meeting {n}", n=n) + f" · {format_datetime(meeting.start)} · {state}"
    lines = [f"## {head}", ""] if md else [head]
    if entry is None:
        return [*lines, ("" if md else "  ") + t("Nothing was written.")]
    facts = [
        (t("Present"), ", ".join(entry.present)),
        (t("Absent"), ", ".join(entry.absent)),
        (t("Themes"), ", ".join(entry.themes)),
        (t("Methods"), ", ".join(entry.methods)),
    ]
    for label, value in facts:
        if value:
            lines.append(f"- **{label}:** {value}" if md else f"  {label}: {value}")
    if entry.note:
        if md:
            lines += ["", entry.note]
        else:
            lines.append("  " + t("Note") + ":")
            lines += [f"    {line}".rstrip() for line in entry.note.splitlines()]
    return lines


_REVIEW_LINE = {
    ("participants", True): (
        "{day}: goal {goal}, score {score}, with the participants (shared with the client)"
    ),
    (
        "participants",
        False,
    ): "{day}: goal {goal}, score {score}, with the participants (not shared)",
    ("participant", True): (
        "{day}: goal {goal}, score {score}, with the participant (shared with the client)"
    ),
    ("participant", False): "{day}: goal {goal}, score {score}, with the participant (not shared)",
    ("client", True): "{day}: goal {goal}, score {score}, with the client (shared with the client)",
    ("client", False): "{day}: goal {goal}, score {score}, with the client (not shared)",
}
"""A goal review in the notes: with whom (one participant or several), and whether it is
shared, a whole line each."""


def _review_lines(process: Process, log: SessionLog, *, md: bool) -> list[str]:
    reviews = all_reviews(process, log)
    if not reviews:
        return []
    heading = t("Goal reviews")
    lines = ["", f"## {heading}", ""] if md else ["", heading]
    for review in reviews:
        who = review.with_ if review.with_ == "client" or process.size != 1 else "participant"
        line = t(
            _REVIEW_LINE[who, review.shared],
            day=format_date(review.day),
            goal=review.goal,
            score=review.score,
        )
        if review.comment:
            line += f" — {review.comment}"
        lines.append(f"- {line}" if md else f"  {line}")
    return lines


def _notes_json(
    process: Process, log: SessionLog, numbers: list[int], *, with_reviews: bool
) -> str:
    """The private log as JSON (stable keys), for the supervisor's own archive or scripts."""
    from tyonohjaus_cli.cli.goals import review_row

    meetings = []
    for n in numbers:
        meeting = find(process, n)
        entry = log.entry(n)
        meetings.append(
            {
                "n": n,
                "start": meeting.start,
                "status": meeting.status,
                "minutes": meeting.actual_minutes,
                "attended": meeting.attended,
                "logged": entry.logged if entry else None,
                "present": list(entry.present) if entry else [],
                "absent": list(entry.absent) if entry else [],
                "themes": list(entry.themes) if entry else [],
                "methods": list(entry.methods) if entry else [],
                "note": entry.note if entry else "",
            }
        )
    reviews = [
        {"goal": r.goal, **review_row(r)}
        for r in (all_reviews(process, log) if with_reviews else [])
    ]
    payload = {"process": process.id, "meetings": meetings, "reviews": reviews}
    return machine.json_text(payload)


def notes(
    process_id: ProcessArgument,
    meeting: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help=t("Only this meeting."),
            parser=params.count,
            show_default=False,
            autocompletion=complete.meeting_numbers,
        ),
    ] = None,
    md: Annotated[
        bool, typer.Option("--md", help=t("Markdown, for printing or archiving."))
    ] = False,
    as_json: params.JsonOption = False,
) -> None:
    """Print the private session log of a process, meeting by meeting, for you only.

    Example: tyo notes hoitajat-2027 --md > hoitajat-2027-log.md
    """
    store = session.store
    process = store.process(process_id)
    log = store.session_log(process_id)
    logged = [
        m.n
        for m in process.in_order()
        if m.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW) or log.entry(m.n)
    ]
    if meeting is not None:
        find(process, meeting)
        logged = [n for n in logged if n == meeting]
        if not logged:
            raise UsageError(
                t("meeting {n} of {process} is not logged yet", n=meeting, process=process_id)
            )
    if as_json:
        _private(_notes_json(process, log, logged, with_reviews=meeting is None))
        return
    reviews = [] if meeting is not None else _review_lines(process, log, md=md)
    if not logged and not reviews:
        output.say(
            t(
                "Nothing logged for {process} yet: `tyo log {process}` records a meeting.",
                process=process_id,
            )
        )
        return
    title = t("Session log of {process}", process=process_id)
    if process.title != process.id:
        title += f" — {process.title}"
    lines = (
        [f"# {title}", "", t("Private: for the supervisor only."), ""]
        if md
        else [
            title,
            t("Private: for the supervisor only."),
        ]
    )
    for n in logged:
        lines += ["", *_entry_lines(process, log.entry(n), n, md=md)]
    lines += reviews
    from tyonohjaus_cli.domain.erased import shown

    _private(shown("\n".join(lines).strip() + "\n"))


# --- tyo summary -------------------------------------------------------------------------


class For(StrEnum):
    PARTICIPANTS = "participants"
    CLIENT = "client"


class Format(StrEnum):
    TXT = "txt"
    MD = "md"
    PDF = "pdf"


def summary(
    process_id: ProcessArgument,
    for_: Annotated[
        For,
        typer.Option(
            "--for",
            help=t("Who it is for: the participants, or the client (no themes, no names)."),
            parser=params.choice(For),
        ),
    ],
    form: Annotated[
        Format,
        typer.Option(
            "--format", help=t("Plain text, Markdown or PDF."), parser=params.choice(Format)
        ),
    ] = Format.TXT,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="FILE", help=t("Write to FILE instead of printing.")
        ),
    ] = None,
    by_name: Annotated[
        bool,
        typer.Option(
            "--attendance-by-name",
            help=t("Show who was present at how many meetings (not only totals)."),
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="fi|sv|en",
            help=t("Language of the document (default: the client's document language)."),
            parser=params.document_language,
        ),
    ] = None,
) -> None:
    """Write a goal-review summary of a process, in the client's document language.

    For the client: dates, counts, units, attendance totals, goals and the reviews agreed
    to be shared — never notes, themes, methods or unshared reviews. For the participants
    also the themes worked on and their own reviews.

    As PDF (--format pdf) the same content on A4 pages, like the invoice, written here
    unless -o says otherwise; the file is named in the document's language, as
    summary-ID-client.pdf (or -participants) in English, or in Finnish as
    yhteenveto-ID-tilaaja.pdf (or -ohjattavat).

    Example: tyo summary hoitajat-2027 --for client --format md -o yhteenveto.md
    """
    from tyonohjaus_cli.domain import file_names
    from tyonohjaus_cli.domain import summary as summaries
    from tyonohjaus_cli.domain.summary_text import render

    store = session.store
    process = store.process(process_id)
    client = store.client_of(process)
    settings = store.settings()
    today = session.now().date()
    if for_ is For.CLIENT:
        # The session log is opened only when names were explicitly asked for.
        present = summaries.presence(store.session_log(process_id)) if by_name else None
        made = summaries.for_client(process, client, settings, today, present)
    else:
        made = summaries.for_participants(
            process, client, settings, store.session_log(process_id), today, by_name=by_name
        )
    unlogged = [
        m.n
        for m in process.in_order()
        if m.status is MeetingStatus.PLANNED and m.end < session.now()
    ]
    if unlogged:
        output.warn(
            t(
                "meetings {numbers} of {process} are past but not logged, so the summary counts "
                "them as planned: `tyo log {process} N` records them",
                numbers=", ".join(map(str, unlogged)),
                process=process_id,
            )
        )
    chosen = lang or client.language
    if form is Format.PDF:
        from tyonohjaus_cli.domain.summary_text import write
        from tyonohjaus_cli.render.document_pdf import PdfWriter

        page = PdfWriter(settings.supervisor, chosen, today)
        write(made, chosen, page)
        path = out or Path(
            file_names.summary_pdf(process_id, chosen, for_client=for_ is For.CLIENT)
        )
        output.write_out(page.data(), path)
        if str(path) != "-":
            output.say(t("Wrote the summary to {path}.", path=path))
        return
    text = render(made, chosen, form.value)
    if out is None:
        sys.stdout.write(text)
        return
    output.write_out(text.encode(), out)
    output.say(t("Wrote the summary to {path}.", path=out))
