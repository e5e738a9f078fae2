"""What calendar exports keep in ``.cache/``: the same bytes as written afresh, whatever
happened to the cache, and a change to the store shows at once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import hand_edit
from tests.test_calendar_cli import PROCESS
from tyonohjaus_cli.storage import kept_calendars

SECOND = (
    "new-process",
    "tiimi-2027",
    "--client",
    "pohde",
    "--kind",
    "group",
    "--title",
    "Tiimin työnohjaus",
    "--start",
    "2027-10-04 09:00",
    "--every",
    "2w",
    "--count",
    "4",
    "--duration",
    "60",
    "--participant",
    "Eero Esimerkki <eero@example.fi>",
    "--online",
    "https://meet.example.fi/tiimi",
)

EXPORTS: list[tuple[str, ...]] = [
    ("ics", "--every-process"),
    ("ics", "--every-process", "--participants", "--alarm", "30", "--pseudonymise"),
    ("ics", "--every-process", "--from", "2027-10-10"),
    ("--lang", "fi", "ics", "--every-process"),
    ("ics", "hoitajat-2027"),
    ("ics", "hoitajat-2027", "--meeting", "3"),
]


@pytest.fixture
def practice(initialised: Tyo) -> Tyo:
    for process in (PROCESS, SECOND):
        result = initialised(*process)
        assert result.exit_code == 0, result.output
    return initialised


def exported(tyo: Tyo, argv: tuple[str, ...]) -> str:
    result = tyo(*argv)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def kept_files(store: Path) -> list[Path]:
    cache = store / ".cache"
    return [*sorted((cache / kept_calendars.EVENTS).glob("*")), cache / "vtimezones.json"]


@pytest.mark.parametrize("argv", EXPORTS, ids=" ".join)
def test_kept_and_fresh_exports_are_the_same_bytes(
    practice: Tyo, store_path: Path, argv: tuple[str, ...]
) -> None:
    fresh = exported(practice, argv)
    assert "BEGIN:VEVENT" in fresh
    assert exported(practice, argv) == fresh  # from what the first run kept
    assert all(path.is_file() for path in kept_files(store_path)[-1:])
    shutil.rmtree(store_path / ".cache")
    assert exported(practice, argv) == fresh


def test_the_own_calendar_is_the_same_without_any_kept_events(
    practice: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = exported(practice, EXPORTS[1])
    assert exported(practice, EXPORTS[1]) == kept
    monkeypatch.setattr(kept_calendars, "kept_events", lambda *_: None)
    assert exported(practice, EXPORTS[1]) == kept


def test_a_vdir_from_kept_events_is_the_same(
    practice: Tyo, store_path: Path, tmp_path: Path
) -> None:
    def written(folder: Path) -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}

    exported(practice, ("ics", "--every-process", "--vdir", str(tmp_path / "a")))
    exported(practice, ("ics", "--every-process", "--vdir", str(tmp_path / "b")))
    shutil.rmtree(store_path / ".cache")
    exported(practice, ("ics", "--every-process", "--vdir", str(tmp_path / "c")))
    assert written(tmp_path / "a") == written(tmp_path / "b") == written(tmp_path / "c")
    assert len(written(tmp_path / "a")) == 14 + 1  # the meetings and the manifest


def _into_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGE: dict[str, Callable[[Path], object]] = {
    "garbage": lambda path: path.write_bytes(b"\x00\xff not what tyo wrote"),
    "empty": lambda path: path.write_bytes(b""),
    "cut short": lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
    "a byte more": lambda path: path.write_bytes(path.read_bytes() + b"!"),
    "other JSON": lambda path: path.write_bytes(b'{"version": 1}\n[1, 2]'),
    "lengths that do not add up": lambda path: path.write_bytes(
        path.read_bytes().replace(b"]]]\n", b"0]]]\n", 1)
    ),
    "a folder": _into_folder,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_written_again_never_a_traceback(
    practice: Tyo, store_path: Path, damage: str
) -> None:
    good = {argv: exported(practice, argv) for argv in EXPORTS}
    files = kept_files(store_path)
    assert len(files) == 4  # two processes' events, one calendar file, the VTIMEZONEs
    for path in files:
        DAMAGE[damage](path)
    for argv, text in good.items():
        assert exported(practice, argv) == text
        assert exported(practice, argv) == text


def test_a_hand_edit_shows_at_once(practice: Tyo, store_path: Path) -> None:
    before = exported(practice, ("ics", "--every-process"))
    hand_edit(
        store_path / "processes" / "tiimi-2027.toml",
        "meet.example.fi/tiimi",
        "meet.example.fi/uusi",
    )
    after = exported(practice, ("ics", "--every-process"))
    assert "meet.example.fi/tiimi" in before
    assert "meet.example.fi/tiimi" not in after
    assert "meet.example.fi/uusi" in after
    assert exported(practice, ("ics", "--every-process")) == after


def test_a_process_calendar_is_kept_not_written_again(
    practice: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyonohjaus_cli.calendar import ics

    argv = ("ics", "hoitajat-2027")
    fresh = exported(practice, argv)
    assert (store_path / ".cache" / kept_calendars.EVENTS / "hoitajat-2027.ics").is_file()

    def unwanted(*_: object, **__: object) -> bytes:
        raise AssertionError("written again, though nothing it is made of changed")

    with monkeypatch.context() as patched:
        patched.setattr(ics, "calendar_file", unwanted)
        assert exported(practice, argv) == fresh
        written = practice(*argv, "-o", str(store_path.parent / "out.ics"))
        assert written.exit_code == 0, written.output
        assert "Wrote 10 meetings to" in written.output
        assert (store_path.parent / "out.ics").read_bytes().decode() == fresh
    assert exported(practice, ("ics", "tiimi-2027")) != fresh  # kept apart, process by process


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("processes/hoitajat-2027.toml", "Kauppurienkatu 10", "Kauppurienkatu 12"),
        ("clients/pohde.toml", "cancel_hours = 24", "cancel_hours = 48"),
        ("settings.toml", "maija@example.fi", "maija.m@example.fi"),
    ],
    ids=["process", "client", "settings"],
)
def test_a_hand_edit_shows_in_a_kept_process_calendar_at_once(
    practice: Tyo, store_path: Path, rel: str, old: str, new: str
) -> None:
    """What the file shows of each (the place; the client's notice to cancel; the
    supervisor's e-mail address) follows a hand edit at once."""
    shown = {
        "Kauppurienkatu 10": "Kauppurienkatu 12",
        "cancel_hours = 24": "48 tuntia",
        "maija@example.fi": "maija.m@example.fi",
    }
    argv = ("ics", "hoitajat-2027")
    before = exported(practice, argv).replace("\r\n ", "")
    assert shown[old] not in before
    hand_edit(store_path / rel, old, new)
    after = exported(practice, argv).replace("\r\n ", "")
    assert shown[old] in after
    assert after != before
    assert exported(practice, argv).replace("\r\n ", "") == after
    shutil.rmtree(store_path / ".cache")
    assert exported(practice, argv).replace("\r\n ", "") == after


def test_the_client_and_the_settings_show_at_once(practice: Tyo, store_path: Path) -> None:
    exported(practice, ("ics", "--every-process"))
    hand_edit(store_path / "clients" / "pohde.toml", "Pohjoisen hyvinvointialue", "Pohjoisen alue")
    renamed = exported(practice, ("ics", "--every-process"))
    assert "SUMMARY:Pohjoisen alue: Tiimin työnohjaus" in renamed
    assert "Pohjoisen hyvinvointialue" not in renamed
    result = practice("settings", "set", "phone", "040 765 4321")
    assert result.exit_code == 0, result.output
    assert "040 765 4321" in exported(practice, ("ics", "--every-process")).replace("\r\n ", "")


def test_languages_and_options_are_kept_apart(practice: Tyo) -> None:
    chosen = [EXPORTS[0], EXPORTS[1], EXPORTS[3]]
    first = [exported(practice, argv) for argv in chosen]
    assert len(set(first)) == 3
    assert [exported(practice, argv) for argv in chosen] == first


def test_a_vtimezone_is_derived_again_for_another_zone_file(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived: list[tuple[str, int, int]] = []

    def derive(zone: ZoneInfo, first: int, last: int) -> bytes:
        derived.append((zone.key, first, last))
        return f"BEGIN:VTIMEZONE\r\nTZID:{zone.key}\r\nEND:VTIMEZONE\r\n".encode()

    helsinki = ZoneInfo("Europe/Helsinki")
    assert kept_calendars.zone_file("Europe/Helsinki") is not None
    first = kept_calendars.kept_timezones(store_path, derive)(helsinki, 2026, 2027)
    again = kept_calendars.kept_timezones(store_path, derive)(helsinki, 2026, 2027)
    assert first == again
    assert derived == [("Europe/Helsinki", 2026, 2027)]
    monkeypatch.setattr(kept_calendars, "zone_file", lambda key: ["/a/new/tzdata", 1, 2])
    kept_calendars.kept_timezones(store_path, derive)(helsinki, 2026, 2027)
    assert len(derived) == 2


def test_kept_events_begin_their_calendar_as_icalendar_does() -> None:
    from icalendar import Calendar

    from tyonohjaus_cli.calendar import own

    calendar = Calendar()
    for name, value in [("prodid", own.PRODID), ("version", "2.0"), ("calscale", "GREGORIAN")]:
        calendar.add(name, value)
    assert calendar.to_ical(sorted=False) == own.HEAD + own.END
