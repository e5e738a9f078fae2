"""Meetings as iCalendar bytes: an import file for a whole process, and iTIP invitations.

What a calendar gets is practical and nothing more (DESIGN §2): the time, the place or
link, the supervisor's contact, who takes part (optionally pseudonymised) and the
cancellation window. These functions take a :class:`Process`, its :class:`Client` and the
:class:`Settings` only; session notes live elsewhere and never reach this module, and of
the process only what a calendar needs is read (never goals, plan, reasons or billing).

Decisions, so that the output is the same bytes for the same store:

- DTSTAMP is the meeting's last change known to the store (its latest move or
  cancellation notice, else the process's creation), never the clock.
- Properties are written in a fixed order, CRLF line ends, lines folded at 75 octets
  between whole UTF-8 characters (icalendar does this; the tests check it).
- Times carry ``TZID`` of the store's zone with a VTIMEZONE in the RRULE form
  (:mod:`tyonohjaus_cli.calendar.vtimezone`).
- In the import file a cancelled meeting stays, with ``STATUS:CANCELLED``, so that a
  calendar that imported it before marks it cancelled instead of keeping a stale event.
- The import file names participants in DESCRIPTION, not as ATTENDEEs: an import with
  attendees turns into a meeting that the calendar may e-mail about on every edit.
  Invitations (iTIP, RFC 5546) carry ORGANIZER and ATTENDEEs, since that is what they are.
- Participant names in a parameter (CN) keep their quotes and backslashes: a double quote
  is written ``^'`` and a caret ``^^`` (RFC 6868, as icalendar does), on one line.
- DTEND is the start plus the meeting's minutes in real time: a 90-minute meeting at 02:30
  on the night clocks go forward ends at 05:00 on the clock.
- Every event is ``CLASS:PRIVATE``: someone looking at a shared calendar sees a busy time.

icalendar is imported inside the functions: it is heavy, and ``tyo --help`` must not wait.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tyonohjaus_cli.calendar.choices import LONGEST_REMINDER, Method, Options, Pseudonym
from tyonohjaus_cli.calendar.own import END, PRODID, OwnEvent, Timezones, computed, span
from tyonohjaus_cli.domain.enums import MeetingStatus
from tyonohjaus_cli.domain.erased import shown as in_words
from tyonohjaus_cli.domain.meetings import find
from tyonohjaus_cli.domain.models import Client, Meeting, Participant, Process
from tyonohjaus_cli.domain.reasons import CancelReason, code_of
from tyonohjaus_cli.domain.settings import Settings
from tyonohjaus_cli.errors import StoreError, UsageError
from tyonohjaus_cli.i18n import format_datetime, t, tn

if TYPE_CHECKING:
    from icalendar import Calendar, Component, Event, Timezone, vCalAddress


@dataclass(frozen=True)
class _Export:
    """What every event of one export shares."""

    process: Process
    client: Client
    settings: Settings
    zone: ZoneInfo
    options: Options
    names: tuple[str, ...]
    own: bool = False
    """For the supervisor's own calendar: in their language, the client in the title."""

    @property
    def lang(self) -> str | None:
        return None if self.own else self.client.language

    def summary(self) -> str:
        title = in_words(self.process.title, self.lang)
        if self.own:
            return f"{self.client.name}: {title}"
        return t("Work supervision: {title}", title=title, lang=self.lang)


def _names(
    participants: tuple[Participant, ...], pseudonym: Pseudonym, lang: str | None
) -> tuple[str, ...]:
    """How each participant is named in this export."""
    if pseudonym is Pseudonym.NONE:
        return tuple(person.name for person in participants)
    if pseudonym is Pseudonym.INITIALS:
        shown = tuple(initials(person.name) for person in participants)
        if len(set(shown)) == len(shown):
            return shown
    return tuple(
        t("Participant {n}", n=index, lang=lang) for index in range(1, len(participants) + 1)
    )


def _export(
    process: Process,
    client: Client,
    settings: Settings,
    options: Options | None,
    *,
    own: bool = False,
) -> _Export:
    options = options or Options()
    if client.id != process.client:
        raise UsageError(
            t(
                "process {process} belongs to client {owner}, not {client}",
                process=process.id,
                owner=process.client,
                client=client.id,
            )
        )
    if options.alarm_minutes is not None and not 0 <= options.alarm_minutes <= LONGEST_REMINDER:
        raise UsageError(
            t(
                "{minutes} is not a reminder time (expected minutes from 0 to {most})",
                minutes=options.alarm_minutes,
                most=LONGEST_REMINDER,
            )
        )
    try:
        zone = ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise StoreError(
            t(
                "settings.toml: unknown time zone {zone!r} (expected e.g. Europe/Helsinki)",
                zone=settings.timezone,
            )
        ) from None
    lang = None if own else client.language
    names = _names(process.participants, options.pseudonym, lang)
    return _Export(process, client, settings, zone, options, names, own)


def initials(name: str) -> str:
    """``Aino Virtanen`` → ``A.V.``; ``Meikäläinen, Matti`` → ``M.M.``."""
    return "".join(f"{word[0].upper()}." for word in re.findall(r"\w+", name)) or "?"


def parameter_text(text: str) -> str:
    """Text for a parameter such as CN: on one line, otherwise as typed.

    Quotes, carets and backslashes stay: icalendar writes them as RFC 6868 says (``^'``,
    ``^^``), and a reader that does not decode RFC 6868 still shows the name recognisably.
    (icalendar's reader takes a backslash just before ``,;:\\`` as an escape; names have
    none there.)
    """
    return " ".join(text.split())


def end_of(meeting: Meeting, zone: ZoneInfo) -> datetime:
    """The meeting's end in ``zone``: its start plus its minutes in real (UTC) time."""
    return meeting.end.astimezone(zone)


def last_change(process: Process, meeting: Meeting) -> datetime:
    """When the store last changed this meeting's calendar entry, in UTC (for DTSTAMP)."""
    moments = [process.created, *(move.agreed_at for move in meeting.moves)]
    if meeting.status is MeetingStatus.CANCELLED and meeting.notified_at:
        moments.append(meeting.notified_at)
    if meeting.edited:
        moments.append(meeting.edited)
    return max(moments).astimezone(UTC).replace(microsecond=0)


def _position(process: Process, meeting: Meeting) -> tuple[int, int]:
    """Which meeting this is among those not cancelled, in time order, and of how many."""
    going = [m.n for m in process.in_order() if m.status is not MeetingStatus.CANCELLED]
    return (going.index(meeting.n) + 1 if meeting.n in going else 0), len(going)


def _location(export: _Export) -> str:
    venue = export.process.venue
    if venue.place:
        return venue.place
    if venue.online:
        return venue.online
    return t("By phone", lang=export.lang) if venue.phone else ""


def _description(export: _Export, meeting: Meeting, *, participants: bool) -> str:
    """Practical information only: what a participant needs to be there."""
    lang = export.lang
    process, venue = export.process, export.process.venue
    lines = []
    if meeting.status is MeetingStatus.CANCELLED:
        # A reason tyo gave is news to everyone; the supervisor's own words stay in the store.
        closed = code_of(meeting.reason) is CancelReason.PROCESS_CLOSED
        lines.append(
            t("This meeting is cancelled: the supervision process has ended.", lang=lang)
            if closed
            else t("This meeting is cancelled.", lang=lang)
        )
    else:
        number, count = _position(process, meeting)
        lines.append(t("Meeting {n} of {total}", n=number, total=count, lang=lang))
        if meeting.moves:
            previous = meeting.moves[-1].previous.astimezone(export.zone)
            lines.append(
                t("Moved from {time}.", time=format_datetime(previous, lang=lang), lang=lang)
            )
    if venue.place:
        lines.append(t("Place: {place}", place=venue.place, lang=lang))
    if venue.online:
        lines.append(t("Online: {link}", link=venue.online, lang=lang))
    if venue.phone:
        lines.append(t("By phone", lang=lang))
    if participants and process.participants:
        names = "; ".join(export.names)
        lines.append(t("Participants: {names}", names=names, lang=lang))
    supervisor = export.settings.supervisor
    contact = ", ".join(
        part for part in (supervisor.name, supervisor.email, supervisor.phone) if part
    )
    lines.append(t("Supervisor: {contact}", contact=contact, lang=lang))
    if process.co_supervisor:
        lines.append(t("Co-supervisor: {name}", name=process.co_supervisor, lang=lang))
    if meeting.status is not MeetingStatus.CANCELLED:
        lines.append(
            tn(
                "Please cancel at least {count} hour before the start.",
                "Please cancel at least {count} hours before the start.",
                export.client.cancel_hours,
                lang=lang,
            )
        )
    return in_words("\n".join(lines), lang)


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of ``zone`` for events from ``first_year`` to ``last_year`` (and on)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    from tyonohjaus_cli.calendar.vtimezone import observances

    component = Timezone()
    component.add("tzid", zone.key)
    for observance in observances(zone, first_year, last_year):
        part = TimezoneDaylight() if observance.daylight else TimezoneStandard()
        part.add("dtstart", observance.start)
        part.add("tzoffsetfrom", observance.offset_from)
        part.add("tzoffsetto", observance.offset_to)
        if observance.name:
            part.add("tzname", observance.name)
        if observance.rule:
            parts = observance.rule.parts()
            if observance.until:
                parts["UNTIL"] = observance.until
            part.add("rrule", vRecur(parts))
        component.add_component(part)
    return component


def _vtimezone(export: _Export, meetings: Iterable[Meeting], timezones: Timezones) -> bytes:
    return timezones(export.zone, *span([m.start.astimezone(export.zone).year for m in meetings]))


def _written(component: Component) -> bytes:
    return bytes(component.to_ical(sorted=False))


def _calendar_bytes(method: Method | None, components: Iterable[bytes]) -> bytes:
    """A VCALENDAR as icalendar writes it, around components it wrote before."""
    head = bytes(_calendar(method).to_ical(sorted=False)).removesuffix(END)
    return b"".join([head, *components, END])


def _calendar(method: Method | None) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    if method:
        calendar.add("method", method.value.upper())
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _address(email: str, parameters: dict[str, str]) -> vCalAddress:
    """``mailto:`` with its parameters; a CN with a backslash is always quoted, since
    unquoted a trailing one would escape the ``;`` after it for icalendar and vobject."""
    from icalendar import vCalAddress
    from icalendar.parser import Parameters

    class _Quoted(Parameters):
        quote_also = {**Parameters.quote_also, "CN": " '\\"}  # noqa: RUF012

    address = vCalAddress(f"mailto:{email}")
    address.params = _Quoted(parameters)
    return address


def _event(
    export: _Export, meeting: Meeting, *, invitation: bool, participants: bool = True
) -> Event:
    from icalendar import Alarm, Event

    start = meeting.start.astimezone(export.zone)
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", last_change(export.process, meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", start)
    event.add("dtend", end_of(meeting, export.zone))
    event.add("summary", export.summary())
    if location := _location(export):
        event.add("location", location)
    event.add(
        "description",
        _description(export, meeting, participants=participants and not invitation),
    )
    cancelled = meeting.status is MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("class", "PRIVATE")
    if invitation:
        supervisor = export.settings.supervisor
        event.add("organizer", _address(supervisor.email, {"CN": parameter_text(supervisor.name)}))
        for person, name in zip(export.process.participants, export.names, strict=True):
            if person.email:
                parameters = {
                    "CN": parameter_text(name),
                    "CUTYPE": "INDIVIDUAL",
                    "ROLE": "REQ-PARTICIPANT",
                    "PARTSTAT": "NEEDS-ACTION",
                    "RSVP": "TRUE",
                }
                event.add("attendee", _address(person.email, parameters))
    minutes = export.options.alarm_minutes
    if minutes is not None and not cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(minutes=-minutes))
        alarm.add("description", export.summary())
        event.add_component(alarm)
    return event


def calendar_file(
    process: Process,
    client: Client,
    settings: Settings,
    options: Options | None = None,
    *,
    timezones: Timezones = computed,
) -> bytes:
    """One VCALENDAR with one VEVENT per meeting, in time order, for importing."""
    export = _export(process, client, settings, options)
    meetings = process.in_order()
    if not meetings:
        raise UsageError(t("process {process} has no meetings to export", process=process.id))
    events = (_written(_event(export, meeting, invitation=False)) for meeting in meetings)
    return _calendar_bytes(None, [_vtimezone(export, meetings, timezones), *events])


def own_events(
    process: Process,
    client: Client,
    settings: Settings,
    options: Options | None = None,
    *,
    participants: bool = False,
) -> list[OwnEvent]:
    """Every meeting of ``process`` for the supervisor's own calendar, in time order.

    The title names the client and the process; participants are named only when asked.
    UIDs are the invitations' own, so that importing it again updates rather than doubles.
    """
    export = _export(process, client, settings, options, own=True)
    return [
        OwnEvent(
            meeting.uid,
            int(meeting.start.timestamp()),
            meeting.start.astimezone(export.zone).year,
            _written(_event(export, meeting, invitation=False, participants=participants)),
        )
        for meeting in process.in_order()
    ]


def standing_method(meeting: Meeting) -> Method:
    """The message that brings calendars up to date: a cancellation or a (new) request."""
    return Method.CANCEL if meeting.status is MeetingStatus.CANCELLED else Method.REQUEST


def _meeting(process: Process, n: int, method: Method) -> Meeting:
    """Meeting ``n``, if ``method`` fits how it stands: a request for one that is on."""
    meeting = find(process, n)
    cancelled = meeting.status is MeetingStatus.CANCELLED
    if method is Method.REQUEST and cancelled:
        raise UsageError(
            t(
                "meeting {n} of {process} is cancelled: send --method cancel instead",
                n=n,
                process=process.id,
            )
        )
    if method is Method.CANCEL and not cancelled:
        raise UsageError(
            t(
                "meeting {n} of {process} is not cancelled: `tyo meeting cancel` comes first",
                n=n,
                process=process.id,
            )
        )
    return meeting


def _check_invitable(export: _Export) -> None:
    if not export.settings.supervisor.email:
        raise UsageError(
            t(
                "an invitation needs your e-mail address as its organizer: `tyo settings set email ADDRESS`"
            )
        )
    if not any(person.email for person in export.process.participants):
        raise UsageError(
            t(
                "no participant of {process} has an e-mail address (add them in processes/{process}.toml)",
                process=export.process.id,
            )
        )


def _invitation(export: _Export, meeting: Meeting, method: Method, timezones: Timezones) -> bytes:
    _check_invitable(export)
    event = _written(_event(export, meeting, invitation=True))
    return _calendar_bytes(method, [_vtimezone(export, [meeting], timezones), event])


def invitation(
    process: Process,
    client: Client,
    settings: Settings,
    n: int,
    method: Method,
    options: Options | None = None,
    *,
    timezones: Timezones = computed,
) -> bytes:
    """An iTIP message (RFC 5546) for meeting ``n``: METHOD, one VEVENT, its VTIMEZONE."""
    export = _export(process, client, settings, options)
    return _invitation(export, _meeting(process, n, method), method, timezones)


def invitation_email(
    process: Process,
    client: Client,
    settings: Settings,
    n: int,
    method: Method,
    options: Options | None = None,
    *,
    written: datetime,
    timezones: Timezones = computed,
) -> bytes:
    """The invitation as a ready e-mail (``.eml``) from the supervisor to the participants.

    ``multipart/alternative`` with a plain-text part and the ``text/calendar; method=...``
    part that mail programs turn into accept/decline buttons. The Date header is
    ``written``, when the message was written (a mail program sorts by it); the subject says
    whether it is an invitation, a change (SEQUENCE above 0) or a cancellation; the
    boundary and Message-ID derive from the UID and SEQUENCE.
    """
    # Only here: the e-mail package is a sixth of what an import file costs to write.
    import base64
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime as rfc2822_datetime

    from tyonohjaus_cli.digests import sha256

    export = _export(process, client, settings, options)
    meeting = _meeting(process, n, method)
    body = _invitation(export, meeting, method, timezones)
    lang = export.lang
    when = format_datetime(meeting.start.astimezone(export.zone), lang=lang)
    summary = export.summary()
    if method is Method.CANCEL:
        subject = t("Cancellation: {summary}, {when}", summary=summary, when=when, lang=lang)
    elif meeting.sequence:
        subject = t("Change: {summary}, {when}", summary=summary, when=when, lang=lang)
    else:
        subject = t("Invitation: {summary}, {when}", summary=summary, when=when, lang=lang)
    supervisor = settings.supervisor
    domain = supervisor.email.rpartition("@")[2] or "tyo.invalid"
    token = sha256(f"{meeting.uid}/{meeting.sequence}/{method}".encode()).hexdigest()[:24]

    message = EmailMessage()
    message["From"] = Address(supervisor.name, addr_spec=supervisor.email)
    message["To"] = [
        Address(name, addr_spec=person.email)
        for person, name in zip(process.participants, export.names, strict=True)
        if person.email
    ]
    message["Subject"] = subject
    message["Date"] = rfc2822_datetime(written.astimezone(UTC).replace(microsecond=0))
    message["Message-ID"] = f"<{token}@{domain}>"
    # Outlook opens a file marked unsent as a draft, ready to send; others ignore it.
    message["X-Unsent"] = "1"
    text = "\n".join([subject, "", _description(export, meeting, participants=False), ""])
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.make_alternative()
    # Under compat32 a header stays exactly as written: mail programs look for
    # "method=REQUEST" as Google and Outlook write it, where the default policy quotes it.
    part = EmailMessage(policy=policy.compat32)
    part["Content-Type"] = f"text/calendar; method={method.value.upper()}; charset=utf-8"
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(base64.encodebytes(body).decode("ascii"))
    message.attach(part)
    message.set_boundary(f"tyo-{token}")
    return message.as_bytes(policy=policy.SMTP)


def file_name(process: Process, n: int, method: Method, suffix: str = ".ics") -> str:
    """``hoitajat-2027-03-request.ics``: sorts by meeting number in a folder."""
    return f"{process.id}-{n:02d}-{method.value}{suffix}"
