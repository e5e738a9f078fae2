"""The calendar exports as bytes: structure, iTIP rules, text, confidentiality, determinism."""

from __future__ import annotations

import email
import email.policy
import inspect
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests import calendar_sample as sample
from tyonohjaus_cli.calendar import ics
from tyonohjaus_cli.calendar.choices import LONGEST_REMINDER, Method, Options, Pseudonym
from tyonohjaus_cli.domain.models import Meeting, Participant, Process, Venue
from tyonohjaus_cli.errors import StoreError, UsageError


def events(data: bytes) -> list[Any]:
    """The VEVENTs as icalendar reads them (typed Any: property values vary by name)."""
    return list(Calendar.from_ical(data).walk("VEVENT"))


def content_lines(data: bytes) -> list[str]:
    """Logical lines: folds undone, as a reader sees the properties."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def import_file(
    language: str = "fi",
    pseudonym: Pseudonym = Pseudonym.NONE,
    alarm_minutes: int | None = None,
) -> bytes:
    return ics.calendar_file(
        sample.changed_process(),
        sample.client(language),
        sample.settings(),
        Options(pseudonym, alarm_minutes),
    )


def request(n: int = 3, pseudonym: Pseudonym = Pseudonym.NONE) -> bytes:
    return ics.invitation(
        sample.changed_process(),
        sample.client(),
        sample.settings(),
        n,
        Method.REQUEST,
        Options(pseudonym),
    )


def cancel(n: int = 4) -> bytes:
    return ics.invitation(
        sample.changed_process(), sample.client(), sample.settings(), n, Method.CANCEL
    )


WRITTEN = datetime(2027, 9, 21, 9, 15, 30, tzinfo=UTC)
"""When the e-mail is written: its Date header, whatever the meeting's DTSTAMP."""


def eml(n: int = 3, method: Method = Method.REQUEST) -> bytes:
    return ics.invitation_email(
        sample.changed_process(), sample.client(), sample.settings(), n, method, written=WRITTEN
    )


# --- the import file --------------------------------------------------------------------


def test_import_file_has_one_event_per_meeting_in_time_order_without_rrule() -> None:
    found = events(import_file())
    process = sample.changed_process()
    assert [str(e["UID"]) for e in found] == [m.uid for m in process.in_order()]
    assert len(found) == 10
    assert all("RRULE" not in e for e in found)
    assert b"METHOD:" not in import_file()


def test_each_meeting_is_at_its_wall_clock_time_in_helsinki_across_the_dst_change() -> None:
    found = {str(e["UID"]): e for e in events(import_file())}
    for meeting in sample.changed_process().meetings:
        event = found[meeting.uid]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start == meeting.start
        assert start.utcoffset() == meeting.start.utcoffset()
        assert end - start == timedelta(minutes=90)
        assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    # Summer (UTC+3) before 31 October, standard time (UTC+2) after: both at 14:00.
    assert found[sample.uid(5)].decoded("DTSTART").astimezone(UTC).hour == 11
    assert found[sample.uid(6)].decoded("DTSTART").astimezone(UTC).hour == 12


def test_moved_and_cancelled_meetings_keep_uid_and_carry_their_sequence() -> None:
    found = {str(e["UID"]): e for e in events(import_file())}
    moved, cancelled, untouched = found[sample.uid(3)], found[sample.uid(4)], found[sample.uid(5)]
    assert (moved["SEQUENCE"], moved["STATUS"]) == (1, "CONFIRMED")
    assert moved.decoded("DTSTART") == datetime(2027, 10, 13, 15, 0, tzinfo=sample.HELSINKI)
    assert (cancelled["SEQUENCE"], cancelled["STATUS"]) == (1, "CANCELLED")
    assert (untouched["SEQUENCE"], untouched["STATUS"]) == (0, "CONFIRMED")


def test_dtstamp_is_the_meetings_last_change_in_the_store_in_utc() -> None:
    found = {str(e["UID"]): e for e in events(import_file())}
    # Untouched: the process's creation, 1.9.2027 10:15 (UTC+3).
    assert found[sample.uid(1)].decoded("DTSTAMP") == datetime(2027, 9, 1, 7, 15, tzinfo=UTC)
    # Moved: when the move was agreed, 20.9.2027 8:30.
    assert found[sample.uid(3)].decoded("DTSTAMP") == datetime(2027, 9, 20, 5, 30, tzinfo=UTC)
    # Cancelled: when the cancellation was notified, 18.10.2027 16:45.
    assert found[sample.uid(4)].decoded("DTSTAMP") == datetime(2027, 10, 18, 13, 45, tzinfo=UTC)
    assert b"DTSTAMP:20270901T071500Z\r\n" in import_file()


def test_summary_location_and_description_in_the_clients_language() -> None:
    finnish = events(import_file("fi"))[0]
    assert finnish["SUMMARY"] == "Työnohjaus: Hoitajien ryhmätyönohjaus"
    assert finnish["LOCATION"] == "Kauppurienkatu 10, Oulu"
    assert finnish["DESCRIPTION"] == (
        "Tapaaminen 1/9\n"
        "Paikka: Kauppurienkatu 10, Oulu\n"
        "Osallistujat: Aino Virtanen; Meikäläinen, Matti; Åsa Öhman\n"
        "Työnohjaaja: Maija Mallikas, maija@example.fi, 040 123 4567\n"
        "Mahdolliset peruutukset viimeistään 24 tuntia ennen alkua."
    )
    swedish = events(import_file("sv"))[0]
    assert swedish["SUMMARY"] == "Arbetshandledning: Hoitajien ryhmätyönohjaus"
    assert swedish["DESCRIPTION"].startswith("Träff 1 av 9\nPlats: Kauppurienkatu 10, Oulu\n")
    english = events(import_file("en"))[0]
    assert english["SUMMARY"] == "Work supervision: Hoitajien ryhmätyönohjaus"


def test_a_moved_meeting_says_from_when_and_a_cancelled_one_that_it_is_cancelled() -> None:
    found = {str(e["UID"]): e for e in events(import_file())}
    assert found[sample.uid(3)]["DESCRIPTION"].startswith(
        "Tapaaminen 3/9\nSiirretty, alkuperäinen aika ti 12.10.2027 klo 14.00.\n"
    )
    described = found[sample.uid(4)]["DESCRIPTION"]
    assert described.startswith("Tämä tapaaminen on peruttu.\n")
    assert "peruutukset" not in described


@pytest.mark.parametrize(
    ("venue", "location", "line"),
    [
        (
            Venue(online="https://meet.example.fi/abc"),
            "https://meet.example.fi/abc",
            "Etäyhteys: https://meet.example.fi/abc",
        ),
        (Venue(phone=True), "Puhelimitse", "Puhelimitse"),
    ],
)
def test_online_link_or_phone_stand_as_the_location(venue: Venue, location: str, line: str) -> None:
    process = sample.process()._replace(venue=venue)
    event = events(ics.calendar_file(process, sample.client(), sample.settings()))[0]
    assert event["LOCATION"] == location
    assert line in event["DESCRIPTION"].split("\n")


def test_no_location_when_the_process_has_no_venue() -> None:
    process = sample.process()._replace(venue=Venue())
    assert (
        "LOCATION" not in events(ics.calendar_file(process, sample.client(), sample.settings()))[0]
    )


def test_events_are_private_and_name_no_attendees_in_the_import_file() -> None:
    found = events(import_file())
    assert all(e["CLASS"] == "PRIVATE" for e in found)
    assert all("ATTENDEE" not in e and "ORGANIZER" not in e for e in found)


def test_alarm_on_request_for_every_meeting_still_on() -> None:
    found = events(import_file(alarm_minutes=15))
    alarms = {str(e["UID"]): list(e.walk("VALARM")) for e in found}
    assert len(alarms[sample.uid(4)]) == 0  # cancelled: nothing to remind of
    for meeting_uid, (alarm, *rest) in ((k, v) for k, v in alarms.items() if k != sample.uid(4)):
        assert not rest, meeting_uid
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
        assert alarm["DESCRIPTION"] == "Työnohjaus: Hoitajien ryhmätyönohjaus"
    assert b"TRIGGER:-PT15M\r\n" in import_file(alarm_minutes=15)
    assert b"VALARM" not in import_file()


@pytest.mark.parametrize("minutes", [-1, LONGEST_REMINDER + 1])
def test_alarm_outside_a_week_is_a_usage_error(minutes: int) -> None:
    with pytest.raises(UsageError, match="not a reminder time"):
        import_file(alarm_minutes=minutes)


def test_vtimezone_is_in_the_rrule_form_with_no_rdate_list() -> None:
    text = import_file().decode()
    vtimezone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert text.count("BEGIN:VTIMEZONE") == 1
    assert "TZID:Europe/Helsinki" in vtimezone
    assert "RDATE" not in vtimezone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n" in vtimezone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in vtimezone
    assert vtimezone.count("BEGIN:DAYLIGHT") == vtimezone.count("BEGIN:STANDARD") == 1


# --- iTIP messages -------------------------------------------------------------------


def test_request_is_one_event_with_method_first_organizer_and_attendees() -> None:
    data = request()
    lines = content_lines(data)
    assert lines[:2] == ["BEGIN:VCALENDAR", "METHOD:REQUEST"]
    (event,) = events(data)
    assert str(event["UID"]) == sample.uid(3)
    assert event["SEQUENCE"] == 1
    assert event["STATUS"] == "CONFIRMED"
    assert str(event["ORGANIZER"]) == "mailto:maija@example.fi"
    assert event["ORGANIZER"].params["CN"] == "Maija Mallikas"
    attendees = event["ATTENDEE"]
    # Åsa has no e-mail address: there is no way to invite her.
    assert [str(a) for a in attendees] == ["mailto:aino@example.fi", "mailto:matti@example.fi"]
    assert [a.params["CN"] for a in attendees] == ["Aino Virtanen", "Meikäläinen, Matti"]
    assert all(a.params["RSVP"] == "TRUE" for a in attendees)
    assert all(a.params["PARTSTAT"] == "NEEDS-ACTION" for a in attendees)
    assert 'ATTENDEE;CN="Meikäläinen, Matti";' in "\n".join(lines)
    # The invitation lists the people as attendees, not again in the description.
    assert "Osallistujat" not in event["DESCRIPTION"]


def test_cancel_has_method_cancel_status_cancelled_and_the_raised_sequence() -> None:
    data = cancel()
    assert content_lines(data)[:2] == ["BEGIN:VCALENDAR", "METHOD:CANCEL"]
    (event,) = events(data)
    assert str(event["UID"]) == sample.uid(4)
    assert (event["SEQUENCE"], event["STATUS"]) == (1, "CANCELLED")
    assert len(event["ATTENDEE"]) == 2


def test_a_request_for_a_cancelled_meeting_or_a_cancel_for_a_planned_one_is_refused() -> None:
    with pytest.raises(UsageError, match="meeting 4 of hoitajat-2027 is cancelled"):
        request(4)
    with pytest.raises(UsageError, match="meeting 3 of hoitajat-2027 is not cancelled"):
        cancel(3)
    with pytest.raises(UsageError, match="has no meeting 11"):
        request(11)


def test_an_invitation_needs_someone_to_invite_and_an_organizer_address() -> None:
    nobody = sample.with_participants(sample.process(), Participant("Åsa Öhman"))
    with pytest.raises(UsageError, match="no participant of hoitajat-2027 has an e-mail"):
        ics.invitation(nobody, sample.client(), sample.settings(), 1, Method.REQUEST)
    settings = sample.settings()
    nameless = settings._replace(supervisor=settings.supervisor._replace(email=""))
    with pytest.raises(UsageError, match="needs your e-mail address"):
        ics.invitation(sample.process(), sample.client(), nameless, 1, Method.REQUEST)


def test_client_of_another_process_and_unknown_zone_are_refused() -> None:
    other = sample.client()._replace(id="muu")
    with pytest.raises(UsageError, match="belongs to client pohde"):
        ics.calendar_file(sample.process(), other, sample.settings())
    broken = sample.settings()._replace(timezone="Europe/Atlantis")
    with pytest.raises(StoreError, match="unknown time zone 'Europe/Atlantis'"):
        ics.calendar_file(sample.process(), sample.client(), broken)


def test_standing_method_follows_the_meeting() -> None:
    process = sample.changed_process()
    assert ics.standing_method(process.meetings[2]) is Method.REQUEST
    assert ics.standing_method(process.meetings[3]) is Method.CANCEL


# --- e-mail ----------------------------------------------------------------------------


def test_eml_carries_the_request_as_text_calendar_method_request() -> None:
    data = eml()
    assert b"\r\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["From"] == "Maija Mallikas <maija@example.fi>"
    assert [a.addr_spec for a in message["To"].addresses] == ["aino@example.fi", "matti@example.fi"]
    assert [a.display_name for a in message["To"].addresses] == [
        "Aino Virtanen",
        "Meikäläinen, Matti",
    ]
    assert (
        message["Subject"]
        == "Muutos: Työnohjaus: Hoitajien ryhmätyönohjaus, ke 13.10.2027 klo 15.00"
    )
    assert message["Date"] == "Tue, 21 Sep 2027 09:15:30 +0000"
    assert message["X-Unsent"] == "1"
    plain, calendar = message.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert "Tapaaminen 3/9" in plain.get_content()
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_payload(decode=True) == request()


def test_eml_for_a_cancellation() -> None:
    message = email.message_from_bytes(eml(4, Method.CANCEL), policy=email.policy.default)
    assert message["Subject"].startswith("Peruutus: Työnohjaus:")
    calendar = list(message.iter_parts())[1]
    assert calendar.get_param("method") == "CANCEL"
    assert calendar.get_payload(decode=True) == cancel()


def test_eml_subject_says_invitation_change_or_cancellation_in_the_clients_language() -> None:
    """A first invitation is "Kutsu", one after a move "Muutos", a cancellation "Peruutus"."""
    subjects = {
        n: email.message_from_bytes(eml(n, method), policy=email.policy.default)["Subject"]
        for n, method in ((1, Method.REQUEST), (3, Method.REQUEST), (4, Method.CANCEL))
    }
    assert [subject.split(":")[0] for subject in subjects.values()] == [
        "Kutsu",
        "Muutos",
        "Peruutus",
    ]
    swedish = sample.client()._replace(language="sv")
    data = ics.invitation_email(
        sample.changed_process(), swedish, sample.settings(), 3, Method.REQUEST, written=WRITTEN
    )
    assert email.message_from_bytes(data, policy=email.policy.default)["Subject"].startswith(
        "Ändring: Arbetshandledning:"
    )


# --- pseudonyms ---------------------------------------------------------------------


def test_pseudonymised_participants_appear_by_initials_only() -> None:
    data = import_file(pseudonym=Pseudonym.INITIALS)
    description = events(data)[0]["DESCRIPTION"]
    assert "Osallistujat: A.V.; M.M.; Å.Ö." in description
    invitation = request(pseudonym=Pseudonym.INITIALS)
    text = (data + invitation).decode()
    for name in ("Aino", "Virtanen", "Meikäläinen", "Matti", "Åsa", "Öhman"):
        assert name not in text
    cns = [a.params["CN"] for a in events(invitation)[0]["ATTENDEE"]]
    assert cns == ["A.V.", "M.M."]


def test_pseudonymised_by_codes_on_request_or_when_initials_coincide() -> None:
    twins = sample.with_participants(
        sample.process(), Participant("Aino Virtanen"), Participant("Antti Vaara")
    )
    for pseudonym in (Pseudonym.INITIALS, Pseudonym.CODE):
        data = ics.calendar_file(twins, sample.client(), sample.settings(), Options(pseudonym))
        assert "Osallistujat: Osallistuja 1; Osallistuja 2" in events(data)[0]["DESCRIPTION"]


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Aino Virtanen", "A.V."),
        ("Meikäläinen, Matti", "M.M."),
        ("anna-liisa öhman", "A.L.Ö."),
        ("!", "?"),
    ],
)
def test_initials(name: str, initials: str) -> None:
    assert ics.initials(name) == initials


# --- confidentiality (DESIGN §2) --------------------------------------------------------


def every_output() -> dict[str, bytes]:
    outputs = {
        "import": import_file(),
        "import-sv": import_file("sv"),
        "import-alarm": import_file(alarm_minutes=30),
        "request": request(),
        "cancel": cancel(),
        "eml-request": eml(),
        "eml-cancel": eml(4, Method.CANCEL),
    }
    # The .eml parts are encoded: read them as a mail program would.
    for key in ("eml-request", "eml-cancel"):
        message = email.message_from_bytes(outputs[key], policy=email.policy.default)
        for part in message.walk():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                outputs[f"{key}/{part.get_content_type()}"] = payload
    return outputs


def test_a_planted_secret_never_appears_in_any_calendar_output() -> None:
    for name, data in every_output().items():
        for form in (data, data.decode("utf-8", "replace").replace("\r\n ", "").encode()):
            assert sample.SECRET.encode() not in form, name


def test_the_exports_cannot_even_receive_notes() -> None:
    """They take the process, its client and the settings, and options: no session log."""
    for function in (ics.calendar_file, ics.invitation, ics.invitation_email):
        parameters = list(inspect.signature(function).parameters)
        assert not [p for p in parameters if re.search("note|log|minute", p)], function


# --- bytes -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["import", "import-sv", "request", "cancel"])
def test_crlf_and_lines_folded_at_75_octets_between_whole_characters(key: str) -> None:
    data = every_output()[key]
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(len(line) > 70 for line in physical)  # long lines were folded, not avoided
    for line in physical:
        line.decode("utf-8")  # a fold never splits a character


def test_same_store_same_bytes() -> None:
    for _ in range(3):
        assert import_file() == import_file()
        assert eml() == eml()
    assert import_file() != import_file("sv")


def test_sequence_and_uid_survive_moves_in_the_request() -> None:
    process, _ = ics_move(sample.process(), 3)
    (event,) = events(
        ics.invitation(process, sample.client(), sample.settings(), 3, Method.REQUEST)
    )
    assert (str(event["UID"]), event["SEQUENCE"]) == (sample.uid(3), 1)
    process, _ = ics_move(process, 3)
    (event,) = events(
        ics.invitation(process, sample.client(), sample.settings(), 3, Method.REQUEST)
    )
    assert (str(event["UID"]), event["SEQUENCE"]) == (sample.uid(3), 2)


def ics_move(process: Process, n: int) -> tuple[Process, Meeting]:
    from tyonohjaus_cli.domain import meetings

    meeting = process.meeting(n)
    assert meeting is not None
    return meetings.move(process, n, meeting.start + timedelta(days=1), sample.FIRST)


def test_every_text_of_an_event_has_finnish_and_swedish() -> None:
    """What reaches a client's calendar is written in its language: fi, sv or en."""
    import ast

    from tyonohjaus_cli.i18n import has_translation

    tree = ast.parse(Path(ics.__file__).read_text(encoding="utf-8"))
    documents = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "t"
        and any(keyword.arg == "lang" for keyword in node.keywords)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]
    assert len(documents) >= 12
    assert [
        m for m in documents if not (has_translation(m, "fi") and has_translation(m, "sv"))
    ] == []


def test_a_co_supervisor_is_named_with_the_supervisor() -> None:
    process = sample.process()._replace(co_supervisor="Kaisa Kollega")
    lines = events(ics.calendar_file(process, sample.client(), sample.settings()))[0]["DESCRIPTION"]
    assert (
        "Työnohjaaja: Maija Mallikas, maija@example.fi, 040 123 4567\nParityönohjaaja: Kaisa Kollega\n"
        in lines
    )
