"""The domain's records are named tuples: immutable, compared and hashed by value, and
shown as the frozen dataclasses they were (the year's kept charges are checked against
that text, see storage/charges.py)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tyonohjaus_cli.domain.enums import ProcessKind
from tyonohjaus_cli.domain.models import (
    Client,
    Goal,
    Meeting,
    Move,
    Participant,
    Process,
    Review,
    Venue,
)
from tyonohjaus_cli.domain.prices import Dated, set_from
from tyonohjaus_cli.domain.sessionlog import LogEntry, Outcome, SessionLog
from tyonohjaus_cli.domain.settings import Break, Settings, Supervisor

HEL = ZoneInfo("Europe/Helsinki")
START = datetime(2026, 10, 5, 9, tzinfo=HEL)


def _process() -> Process:
    return Process(
        "p-1",
        "pohde",
        ProcessKind.GROUP,
        "Ryhmä",
        START,
        meetings=(Meeting(1, START, 90, "u1", moves=(Move(START, START),)),),
        participants=(Participant("Anna Aho", "anna@example.fi"),),
        goals=(Goal(1, "Jaksaminen"),),
        reviews=(Review(1, date(2026, 10, 5), 4, "client", START, shared=True),),
    )


def _settings() -> Settings:
    return Settings(
        Supervisor("Sanna", "s@example.fi"),
        Decimal("110"),
        breaks=(Break(date(2026, 7, 1), date(2026, 7, 31)),),
    )


def test_a_record_is_shown_as_the_dataclass_was() -> None:
    assert repr(_settings()) == (
        "Settings(supervisor=Supervisor(name='Sanna', email='s@example.fi', business_id='', "
        "iban='', bic='', address='', phone='', einvoice_address='', operator=''), "
        "rate=Decimal('110'), vat=<VatMode.STANDARD: 'standard'>, vat_exempt_ground='', "
        "unit_minutes=45, timezone='Europe/Helsinki', language='', "
        "breaks=(Break(first=datetime.date(2026, 7, 1), last=datetime.date(2026, 7, 31)),), "
        "reference_rates=(), rate_changes=())"
    )
    zone = "tzinfo=zoneinfo.ZoneInfo(key='Europe/Helsinki')"
    assert repr(_process().meetings[0]) == (
        f"Meeting(n=1, start=datetime.datetime(2026, 10, 5, 9, 0, {zone}), minutes=90, "
        "uid='u1', status=<MeetingStatus.PLANNED: 'planned'>, sequence=0, "
        f"moves=(Move(previous=datetime.datetime(2026, 10, 5, 9, 0, {zone}), "
        f"agreed_at=datetime.datetime(2026, 10, 5, 9, 0, {zone})),), cancelled_by=None, "
        "notified_at=None, reason='', held_minutes=None, attended=None, charge=None, "
        "charge_reason='', seen='', edited=None)"
    )
    assert str(Participant("Anna Aho", "anna@example.fi")) == "Anna Aho <anna@example.fi>"
    assert str(Venue("Katu 1\n00100 Helsinki")) == "Katu 1, 00100 Helsinki"
    assert str(Break(date(2026, 7, 1), date(2026, 7, 31))) == "2026-07-01..2026-07-31"


@pytest.mark.parametrize(
    "record",
    [
        _process(),
        _process().meetings[0],
        _process().venue,
        Client("pohde", "Pohde"),
        _settings(),
        _settings().supervisor,
        Dated(date(2027, 1, 1), Decimal(1)),
        SessionLog("p-1", entries=(LogEntry(1, START, note="Muistiinpano"),)),
        Outcome(minutes=60),
    ],
)
def test_a_record_cant_change(record: object) -> None:
    name = type(record)._fields[0]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        setattr(record, name, None)
    with pytest.raises(AttributeError):
        record.later = 1  # type: ignore[attr-defined]


def test_records_equal_by_value_and_hash_alike() -> None:
    assert _process() == _process()
    assert hash(_process()) == hash(_process())
    assert _process()._replace(title="Toinen") != _process()
    assert Process("a", "b", ProcessKind.GROUP, "t", START).venue == Venue()
    assert date(2026, 7, 15) in _settings().breaks[0]
    assert date(2026, 8, 1) not in _settings().breaks[0]
    assert repr(Outcome(no_show=True)) == (
        "Outcome(no_show=True, minutes=None, present=None, absent=None, attendance=None, "
        "themes=None, methods=None, note=None)"
    )


def test_a_dated_price_is_set_on_a_record_of_any_kind() -> None:
    since = date(2027, 3, 1)
    client = set_from(Client("pohde", "Pohde", rate=Decimal(120)), "rate", Decimal(130), since)
    assert (client.rate, client.rate_changes) == (Decimal(120), (Dated(since, Decimal(130)),))
    settings = set_from(_settings(), "rate", Decimal(99), None)
    assert (settings.rate, settings.rate_changes) == (Decimal(99), ())
    assert type(settings) is Settings
