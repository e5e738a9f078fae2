"""A :class:`~tyonohjaus_cli.domain.summary.Summary` in words: plain text or Markdown,
in the document language (fi, sv or en). Pure: returns the text, prints nothing.

One description of the content (:func:`render`) drives two small writers, so the plain text
and the Markdown always say the same things.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tyonohjaus_cli.domain.enums import KIND_NAMES, CancelledBy, MeetingStatus
from tyonohjaus_cli.domain.goals import agreed_with_text, reviewed_with_text, trend
from tyonohjaus_cli.domain.reasons import CancelReason
from tyonohjaus_cli.domain.summary import Audience, MeetingLine, Summary
from tyonohjaus_cli.domain.writers import Markdown, Writer
from tyonohjaus_cli.i18n import format_date, format_number, format_percent, t

FORMATS = ("txt", "md")


class _Words:
    """Numbers, dates and fixed phrases in the document's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def day(self, day: date) -> str:
        return format_date(day, lang=self.lang, weekday=False)

    def number(self, value: Decimal) -> str:
        return format_number(value, lang=self.lang)

    def percent(self, part: int, whole: int) -> str:
        return format_percent(round(100 * part / whole), lang=self.lang)

    def status(self, line: MeetingLine) -> str:
        if line.status is MeetingStatus.CANCELLED:
            if line.reason is CancelReason.PROCESS_CLOSED:
                return t("cancelled when the process was closed", lang=self.lang)
            if line.cancelled_by is CancelledBy.CLIENT:
                return t("cancelled by the client", lang=self.lang)
            if line.cancelled_by is CancelledBy.SUPERVISOR:
                return t("cancelled by the supervisor", lang=self.lang)
            return t("cancelled", lang=self.lang)
        return {
            MeetingStatus.HELD: t("held", lang=self.lang),
            MeetingStatus.NO_SHOW: t("no-show", lang=self.lang),
            MeetingStatus.PLANNED: t("planned", lang=self.lang),
        }[line.status]


def _period(words: _Words, summary: Summary) -> str:
    if summary.first is None or summary.last is None:
        return ""
    return f"{words.day(summary.first)} – {words.day(summary.last)}"


def _meeting_rows(words: _Words, summary: Summary) -> list[list[str]]:
    rows = []
    for line in summary.meetings:
        present = ""
        if line.attended is not None:
            present = f"{line.attended}/{summary.size}" if summary.size else str(line.attended)
        rows.append(
            [
                str(line.n),
                words.day(line.day),
                words.status(line),
                "" if line.status is MeetingStatus.CANCELLED else str(line.minutes),
                present,
            ]
        )
    return rows


def _meetings(out: Writer, words: _Words, summary: Summary) -> None:
    done = summary.progress
    out.heading(t("Meetings", lang=words.lang))
    attendance = summary.attendance
    out.facts(
        [
            (
                t("Meetings held", lang=words.lang),
                t("{held} of {planned}", lang=words.lang, held=done.held, planned=done.planned),
            ),
            (t("Missed (no-show)", lang=words.lang), str(done.no_shows) if done.no_shows else ""),
            (t("Cancelled", lang=words.lang), str(done.cancelled) if done.cancelled else ""),
            (t("Still ahead", lang=words.lang), str(done.left)),
            (
                t("Units used", lang=words.lang),
                t(
                    "{used} of {total} (a unit is {minutes} min)",
                    lang=words.lang,
                    used=words.number(done.units_used),
                    total=words.number(done.units_used + done.units_left),
                    minutes=done.unit_minutes,
                ),
            ),
            (t("Units left", lang=words.lang), words.number(done.units_left)),
            (
                t("Attendance", lang=words.lang),
                t(
                    "{present} of {possible} possible ({percent})",
                    lang=words.lang,
                    present=attendance[0],
                    possible=attendance[1],
                    percent=words.percent(*attendance),
                )
                if attendance
                else "",
            ),
        ]
    )
    out.blank()
    if summary.meetings:
        head = [
            "#",
            t("Date", lang=words.lang),
            t("Status", lang=words.lang),
            t("Minutes", lang=words.lang),
            t("Present", lang=words.lang),
        ]
        out.table(head, _meeting_rows(words, summary), right={0, 3, 4})
    if summary.attendance_by_name:
        out.subheading(t("Attendance by name", lang=words.lang))
        out.table(
            [t("Participant", lang=words.lang), t("Meetings attended", lang=words.lang)],
            [
                [name, t("{attended} of {held}", lang=words.lang, attended=count, held=done.held)]
                for name, count in summary.attendance_by_name
            ],
            right=set(),
        )


def _goals(out: Writer, words: _Words, summary: Summary) -> None:
    out.heading(t("Goals and their evaluation", lang=words.lang))
    if not summary.goals:
        out.paragraph(t("No goals were recorded for this process.", lang=words.lang))
        return
    out.paragraph(
        t("Each goal is scored from 1 (not at all) to 5 (fully achieved).", lang=words.lang)
    )
    for line in summary.goals:
        out.subheading(
            f"{line.goal.n}. {line.goal.text} ({agreed_with_text(line.goal.by, summary.size, words.lang)})"
        )
        if not line.reviews:
            out.paragraph(t("Not evaluated yet.", lang=words.lang))
            continue
        out.table(
            [
                t("Date", lang=words.lang),
                t("Evaluated", lang=words.lang),
                t("Score", lang=words.lang),
                t("Comment", lang=words.lang),
            ],
            [
                [
                    words.day(r.day),
                    reviewed_with_text(r.with_, summary.size, words.lang),
                    str(r.score),
                    r.comment,
                ]
                for r in line.reviews
            ],
            right={2},
        )
        if len(line.reviews) > 1:
            out.paragraph(
                t("Trend: {trend}", lang=words.lang, trend=trend(r.score for r in line.reviews))
            )


def _themes(out: Writer, words: _Words, summary: Summary) -> None:
    if not summary.themes:
        return
    out.heading(t("Themes we worked on", lang=words.lang))
    out.bullets(
        [
            t(
                "{theme} (meetings {numbers})",
                lang=words.lang,
                theme=theme.text,
                numbers=", ".join(str(n) for n in theme.meetings),
            )
            if len(theme.meetings) > 1
            else t(
                "{theme} (meeting {number})",
                lang=words.lang,
                theme=theme.text,
                number=theme.meetings[0],
            )
            for theme in summary.themes
        ]
    )


def render(summary: Summary, lang: str, form: str = "txt") -> str:
    """The summary as a document in ``lang`` (fi, sv or en), ``form`` txt or md."""
    out: Writer = Markdown(lang) if form == "md" else Writer(lang)
    write(summary, lang, out)
    return out.text()


def write(summary: Summary, lang: str, out: Writer) -> None:
    """Put the summary into ``out`` (plain text, Markdown or a PDF page: the same content)."""
    words = _Words(lang)
    for_client = summary.audience is Audience.CLIENT
    one = summary.size == 1
    prepared = words.day(summary.prepared)
    if for_client:
        subtitle = t("For the client, {day}", lang=words.lang, day=prepared)
    elif one:
        subtitle = t("For the participant, {day}", lang=words.lang, day=prepared)
    else:
        subtitle = t("For the participants, {day}", lang=words.lang, day=prepared)
    out.title(t("Work supervision summary", lang=words.lang), subtitle)
    title = summary.title
    out.facts(
        [
            (
                t("Process", lang=words.lang),
                title if title == summary.process_id else f"{title} ({summary.process_id})",
            ),
            (t("Kind", lang=words.lang), t(KIND_NAMES[summary.kind], lang=words.lang)),
            (t("Client", lang=words.lang), summary.client),
            (t("Supervisor", lang=words.lang), summary.supervisor),
            (t("Co-supervisor", lang=words.lang), summary.co_supervisor),
            (t("Participants", lang=words.lang), str(summary.size) if summary.size else ""),
            (t("Period", lang=words.lang), _period(words, summary)),
        ]
    )
    _meetings(out, words, summary)
    _goals(out, words, summary)
    if not for_client:
        _themes(out, words, summary)
    out.heading(t("Confidentiality", lang=words.lang))
    out.paragraph(
        t(
            "What is discussed in supervision is confidential. This summary has no content of "
            "the meetings: only dates, attendance, units and the evaluation of the goals agreed "
            "to be shared.",
            lang=words.lang,
        )
        if for_client
        else t(
            "This summary is for the participant of the supervision. It has no notes of the "
            "meetings; please do not pass it on without the participant's consent.",
            lang=words.lang,
        )
        if one
        else t(
            "This summary is for the participants of the supervision. It has no notes of the "
            "meetings; please do not pass it on without the participants' consent.",
            lang=words.lang,
        )
    )
    out.signature([summary.supervisor, summary.supervisor_email])
