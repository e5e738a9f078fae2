"""A month's bills and loose ends kept as the view shows them (``.cache/bills.json``,
``.cache/earlier.json``): the same output with and without them, in every form; any change
to what they are made of shows at once; damaged or deleted, they are made again; and no
session note ever enters them."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import NOW_TEXT, generate

from tests import sessions_sample
from tests.caches import read_cache
from tests.conftest import Tyo
from tyonohjaus_cli.storage.index import sealed
from tyonohjaus_cli.storage.invoices import invoice_heads
from tyonohjaus_cli.storage.store import Store

FORMS = ((), ("--json",), ("--csv",))
KEPT = ("bills.json", "earlier.json")


@pytest.fixture
def practice(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TYO_NOW", NOW_TEXT)
    monkeypatch.setenv("TYO_LANG", "en")
    generate(store_path, seed=7, clients=5, processes=14, meetings=140, years=3, invoice_months=8)
    return store_path


def _shown(tyo: Tyo, month: str = "2026-10", *more: str) -> dict[tuple[str, ...], str]:
    shown: dict[tuple[str, ...], str] = {}
    for form in FORMS:
        result = tyo("billing", month, *more, *form)
        assert result.exit_code == 0, result.output
        shown[form] = result.stdout + result.stderr
    return shown


def _fresh(tyo: Tyo, root: Path, month: str = "2026-10", *more: str) -> dict[tuple[str, ...], str]:
    """What the view shows made from the store alone, the cache deleted."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return _shown(tyo, month, *more)


def test_the_same_in_every_form_with_and_without_the_kept_views(practice: Path, tyo: Tyo) -> None:
    one = invoice_heads(Store(practice))[0].client
    for month, more in (("2026-10", ()), ("2026-11", ()), ("2026-10", ("--client", one))):
        first = _fresh(tyo, practice, month, *more)
        assert all((practice / ".cache" / name).is_file() for name in KEPT)
        assert _shown(tyo, month, *more) == first  # kept
        assert _shown(tyo, month, *more) == first


def test_a_forgotten_clients_invoices_move_to_their_own_bill_at_once(
    practice: Path, tyo: Tyo
) -> None:
    store = Store(practice)
    october = sorted({head.client for head in invoice_heads(store) if head.month == "2026-10"})
    assert len(october) >= 2
    _shown(tyo)
    assert tyo("forget", october[0], "--yes").exit_code == 0
    shown = _shown(tyo)
    assert "Invoices of forgotten clients" in shown[()]
    assert shown == _fresh(tyo, practice)
    assert tyo("forget", october[1], "--yes").exit_code == 0
    assert _shown(tyo) == _fresh(tyo, practice)


def test_a_client_removed_by_hand_shows_under_the_forgotten_at_once(
    practice: Path, tyo: Tyo
) -> None:
    store = Store(practice)
    october = sorted({head.client for head in invoice_heads(store) if head.month == "2026-10"})
    _shown(tyo)
    for gone in october[:2]:
        for summary in store.process_summaries():
            if summary.client == gone:
                (practice / "processes" / f"{summary.id}.toml").unlink()
        (practice / "clients" / f"{gone}.toml").unlink()
        shown = _shown(tyo)
        assert "Invoices of forgotten clients" in shown[()]
        assert shown == _fresh(tyo, practice)


def _edit(path: Path, old: str, new: str) -> None:
    """A hand edit in place (a new size, so that the stamp differs whatever the clock); a
    line ``x = ...`` made by ``new`` is dropped."""
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    assert new in text
    lines = text.split("\n")
    path.write_text("\n".join(line for line in lines if not line.startswith("x = ")), "utf-8")


def test_a_hand_edit_to_anything_a_month_is_made_of_shows_at_once(practice: Path, tyo: Tyo) -> None:
    month = "2026-11"  # with items not yet invoiced, and loose ends before it
    _shown(tyo, month)
    kept = _shown(tyo, month)
    view = json.loads(kept[("--json",)])
    client = next(bill["client"] for bill in view["clients"] if bill["open"]["gross"] != "0.00")
    assert view["open_earlier"]
    newest = max((practice / "invoices").glob("1*.json"))
    edits: list[Callable[[], object]] = [
        lambda: _edit(practice / "settings.toml", 'rate = "95.00"', 'rate = "105.00"'),
        lambda: _edit(practice / "clients" / f"{client}.toml", 'name = "', 'name = "Uusi '),
        lambda: _edit(practice / "clients" / f"{client}.toml", "\ndiscount = ", '\ndiscount = "15.5"\nx = '),
        lambda: _edit(practice / "settings.toml", 'vat = "standard"', 'vat = "exempt"'),
        newest.unlink,
        lambda: tyo("expense", "add", _process_of(practice, month), "--date", "2026-11-05",
                    "--amount", "23.40", "--description", "Matkakulut"),
        lambda: _edit(next((practice / "expenses").glob("*.toml")), "23.40", "123.40"),
        lambda: _edit(next((practice / "expenses").glob("*.toml")), "2026-11-05", "2026-09-05"),
    ]  # fmt: skip
    for edit in edits:
        edit()
        shown = _shown(tyo, month)
        assert shown != kept
        assert shown == _fresh(tyo, practice, month)
        kept = shown


def _process_of(root: Path, month: str) -> str:
    """A process with a meeting in ``month``."""
    from datetime import datetime, time

    from tyonohjaus_cli.domain.parsing import Month

    store = Store(root)
    zone = store.zone()
    shown = Month(*map(int, month.split("-")))
    span = store.agenda(
        datetime.combine(shown.first, time(), zone),
        datetime.combine(shown.following.first, time(), zone),
    )
    return span[0].process


def _retyped(value: object, text: object) -> object:
    """Every text of a kept answer made ``text``, every number a text."""
    if isinstance(value, dict):
        return {key: _retyped(item, text) for key, item in value.items()}
    if isinstance(value, list):
        return [_retyped(item, text) for item in value]
    if isinstance(value, str):
        return text
    if isinstance(value, int) and not isinstance(value, bool):
        return "7"
    return value


def _rows_damaged(whole: dict[str, Any], damage: Callable[[Any], Any]) -> bytes:
    """The kept file with each client's rows (and note) damaged, what they are made of kept
    as is."""
    entries = {}
    for name, (inputs, answer) in whole["entries"].items():
        clients = answer.get("clients", answer)
        clients = {cid: [made, *map(damage, rest)] for cid, (made, *rest) in clients.items()}
        entries[name] = [inputs, answer | {"clients": clients} if "clients" in answer else clients]
    return sealed(json.dumps(whole | {"entries": entries}).encode())


def test_a_damaged_or_deleted_kept_view_is_made_again(practice: Path, tyo: Tyo) -> None:
    month = "2026-11"
    first = _fresh(tyo, practice, month)
    for name in KEPT:
        path = practice / ".cache" / name
        whole = read_cache(path)
        damages = [
            b"{[",
            b"",
            json.dumps(whole).encode(),  # without its CRC line
            sealed(
                json.dumps(
                    whole | {"entries": {key: [v[0], 7] for key, v in whole["entries"].items()}}
                ).encode()
            ),
            _rows_damaged(whole, lambda rows: 7),
            _rows_damaged(whole, lambda rows: [7 for row in rows]),
            _rows_damaged(whole, lambda rows: _retyped(rows, 7)),
            _rows_damaged(whole, lambda rows: _retyped(rows, "x")),
            _rows_damaged(whole, lambda rows: _retyped(rows, "NaN")),
        ]
        for damage in damages:
            path.write_bytes(damage)
            assert _shown(tyo, month) == first
        path.unlink()
        assert _shown(tyo, month) == first
        assert path.is_file()


def test_no_session_note_enters_a_kept_view(
    initialised: Tyo, monkeypatch: pytest.MonkeyPatch, store_path: Path
) -> None:
    """DESIGN.md §2: the kept views (and the views kept whole) hold what the billing shows,
    never what was said."""
    tyo = sessions_sample.at_midway(initialised, monkeypatch)
    for month in ("2027-03", "2027-04", "2027-05", "2027-06"):
        _shown(tyo, month)
    views = sorted((store_path / ".cache" / "views").glob("*.view"))
    assert len(views) == 4 * len(FORMS)  # what `tyo billing MONTH` printed, kept whole
    texts = {path: path.read_text(encoding="utf-8") for path in views}
    assert any(sessions_sample.PROCESS in text for text in texts.values())
    for name in KEPT:
        texts[store_path / ".cache" / name] = text = (store_path / ".cache" / name).read_text(
            encoding="utf-8"
        )
        assert sessions_sample.PROCESS in text
    for text in texts.values():
        assert not [secret for secret in sessions_sample.SECRETS if secret in text]
        assert not [person for person in sessions_sample.NAMES if person in text]


def test_a_process_given_to_another_client_by_hand_bills_as_from_the_store(
    practice: Path, tyo: Tyo
) -> None:
    """The two clients' bills are made again, each from the invoices it needs alone: the
    invoiced items stay with the client invoiced, the open ones go with the process."""
    store = Store(practice)
    october = [head for head in invoice_heads(store) if head.month == "2026-10"]
    process = october[0].keys[0].partition("#")[0]
    other = next(head.client for head in october if head.client != october[0].client)
    for month in ("2026-10", "2026-11"):
        _shown(tyo, month)
    path = practice / "processes" / f"{process}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'client = "{october[0].client}"', f'client = "{other}"'), "utf-8")
    for month in ("2026-10", "2026-11"):
        shown = _shown(tyo, month)
        assert shown == _fresh(tyo, practice, month)


def test_a_change_after_the_month_bills_nothing_again(
    practice: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A month's bill reads a process's meetings up to the month's end and nothing later
    (domain/billing.py): moving a meeting planned after it, or a new stamp on the file,
    makes neither its bills nor its loose ends again; a change within it does."""
    from tyonohjaus_cli.usecases import bills, loose_ends

    month, later = "2026-11", "2026-12"
    store = Store(practice)
    process = _process_of(practice, month)
    path = practice / "processes" / f"{process}.toml"
    first = _fresh(tyo, practice, month)
    # A first run keeps each answer by the files' stamps; the first change reads the part.
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    assert _shown(tyo, month) == first
    made: list[str] = []
    month_bills, sought = bills.month_bills, loose_ends._bills

    def billing(*args: Any, **options: Any) -> Any:
        made.append("bills")
        return month_bills(*args, **options)

    def seeking(*args: Any, **options: Any) -> Any:
        made.append("loose ends")
        return sought(*args, **options)

    monkeypatch.setattr(bills, "month_bills", billing)
    monkeypatch.setattr(loose_ends, "_bills", seeking)
    planned = next(
        meeting
        for meeting in store.process(process).meetings
        if meeting.status.value == "planned" and str(meeting.start) > later
    )
    at = (planned.start + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    moved = tyo("meeting", "move", process, str(planned.n), "--to", at)
    assert moved.exit_code == 0, moved.output
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    assert _shown(tyo, month) == first
    assert made == []
    _edit(path, 'title = "', 'title = "Uusi ')  # what its items of the month are called
    changed = _shown(tyo, month)
    assert changed != first
    assert "bills" in made
    assert changed == _fresh(tyo, practice, month)


@pytest.mark.parametrize("month", ["2025-06", "2026-10", "2026-11"])
def test_a_months_bill_reads_no_meeting_after_the_month(practice: Path, month: str) -> None:
    """The rule the kept views rely on (storage/parts.py): a process's meetings after a
    month, whatever they are, change none of its bills of the month or before it."""
    from datetime import datetime

    from tyonohjaus_cli.domain.billing import bill_month
    from tyonohjaus_cli.domain.parsing import Month

    store = Store(practice)
    shown = Month(*map(int, month.split("-")))
    end = datetime.combine(shown.following.first, datetime.min.time(), store.zone())
    settings = store.settings()
    checked = 0
    for summary in store.process_summaries():
        process = store.process(summary.id)
        client = store.client(process.client)
        cut = process._replace(meetings=tuple(m for m in process.meetings if m.start < end))
        for earlier in (shown, shown.preceding, shown.shifted(-7)):
            whole = bill_month(settings, client, [process], [], earlier)
            assert bill_month(settings, client, [cut], [], earlier) == whole
            checked += bool(whole.items)
    assert checked


def test_a_planned_meeting_moved_prices_nothing_of_the_year_again(
    practice: Path, tyo: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``.cache/charges-YEAR.json`` keeps a process's charges under the part of its file
    that bills (storage/parts.py): a planned meeting moved, or a new stamp, prices nothing
    again; a held meeting changed does."""
    from tyonohjaus_cli.domain import billing

    store = Store(practice)
    process = _process_of(practice, "2026-11")
    path = practice / "processes" / f"{process}.toml"
    year = ("billing", "year", "2026", "--json")
    first = tyo(*year).stdout
    priced: list[str] = []
    original = billing.meeting_items

    def pricing(*args: Any, **options: Any) -> Any:
        priced.append(args[2].id)
        return original(*args, **options)

    monkeypatch.setattr(billing, "meeting_items", pricing)
    planned = next(m for m in store.process(process).meetings if m.status.value == "planned")
    at = (planned.start + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    assert tyo("meeting", "move", process, str(planned.n), "--to", at).exit_code == 0
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    assert tyo(*year).stdout == first
    assert process not in priced
    held = next(m for m in store.process(process).meetings if m.status.value == "held")
    text = path.read_text(encoding="utf-8")
    block = text.index(f"n = {held.n}\n")
    minutes = text.index("minutes = ", block)
    end = text.index("\n", minutes)
    path.write_text(text[:minutes] + "minutes = 31" + text[end:], encoding="utf-8")
    changed = tyo(*year).stdout
    assert process in priced
    shutil.rmtree(practice / ".cache")
    assert tyo(*year).stdout == changed


def test_a_planned_meeting_bills_nothing_of_its_process(practice: Path) -> None:
    """The rule the year's kept charges rely on: leaving out the meetings still planned
    changes none of what a process's meetings bill (domain/billing.py meeting_items)."""

    from tyonohjaus_cli.domain.billing import meeting_items

    store = Store(practice)
    settings = store.settings()
    checked = 0
    for summary in store.process_summaries():
        process = store.process(summary.id)
        client = store.client(process.client)
        held = tuple(m for m in process.meetings if m.status.value != "planned")
        whole = meeting_items(settings, client, process)
        assert meeting_items(settings, client, process._replace(meetings=held)) == whole
        checked += len(held) < len(process.meetings) and bool(whole)
    assert checked
