"""Dated prices: a price holds from a date, a meeting bills the price in force on its day.

Figures on the hand-computed month of tests/billing_month.py (45-minute units):
- pohde 95.00: hoitajat 2.2. held 90 min = 2 units; 16.2. cancelled late, 100 % of 90 min.
- esihenkilot 110.00 (own rate, first unit free): 10.2. held 90 min.
- mehilainen (default 85.00, 10 %): aino 11.2. held 60 min = 4/3 units.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.billing_month import (
    AINO,
    ESIHENKILOT,
    FEBRUARY,
    HOITAJAT,
    MEHILAINEN,
    POHDE,
    SETTINGS,
    seed_store,
)
from tests.conftest import Tyo
from tyonohjaus_cli.domain.billing import bill_month
from tyonohjaus_cli.domain.prices import Dated, changed, in_force, set_from
from tyonohjaus_cli.storage.documents import migrate

D = Decimal
MARCH_1 = date(2027, 3, 1)


# --- the schedule ------------------------------------------------------------------------


def test_a_price_is_the_latest_change_on_or_before_the_day() -> None:
    changes = (Dated(date(2027, 2, 10), D(130)), Dated(MARCH_1, D(140)))
    assert in_force(D(95), changes, date(2027, 2, 9)) == D(95)
    assert in_force(D(95), changes, date(2027, 2, 10)) == D(130)
    assert in_force(D(95), changes, date(2027, 2, 28)) == D(130)
    assert in_force(D(95), changes, MARCH_1) == D(140)
    assert in_force(None, (), MARCH_1) is None


def test_a_change_from_a_day_replaces_the_later_ones_and_without_a_day_all() -> None:
    first, changes = changed(D(95), (Dated(MARCH_1, D(140)),), D(130), date(2027, 2, 10))
    assert (first, changes) == (D(95), (Dated(date(2027, 2, 10), D(130)),))
    assert changed(D(95), changes, D(100), None) == (D(100), ())
    # The same price again from a day is no change at all.
    assert changed(D(95), (), D(95), MARCH_1) == (D(95), ())
    assert set_from(POHDE, "rate", D(130), MARCH_1).rate_changes == (Dated(MARCH_1, D(130)),)


def test_a_rate_change_mid_month_bills_before_at_the_old_price_and_after_at_the_new() -> None:
    pohde = set_from(POHDE, "rate", D(130), date(2027, 2, 10))
    bill = bill_month(SETTINGS, pohde, [HOITAJAT, ESIHENKILOT], [], FEBRUARY)
    assert [(item.key, item.line.unit_price, item.net) for item in bill.items] == [
        ("hoitajat#1", D("95.00"), D("190.00")),  # 2.2.: 95 × 90 / 45
        ("esihenkilot#1", D("110.00"), D("110.00")),  # its own rate: 110 × 2 − 110 free
        ("hoitajat#2", D(130), D("260.00")),  # 16.2.: 130 × 90 / 45 × 100 %
    ]


def test_the_default_discount_and_meeting_price_follow_the_day_too() -> None:
    settings = set_from(SETTINGS, "rate", D(100), date(2027, 2, 11))
    bill = bill_month(settings, MEHILAINEN, [AINO], [], FEBRUARY)
    # 100 × 60 / 45 = 133.33; 10 % of it 13.33 off: 120.00
    assert bill.items[0].net == D("120.00")
    later = set_from(MEHILAINEN, "discount", D(20), date(2027, 2, 12))
    assert bill_month(SETTINGS, later, [AINO], [], FEBRUARY).items[0].net == D("102.00")
    sooner = set_from(MEHILAINEN, "discount", D(20), date(2027, 2, 11))
    # 85 × 60 / 45 = 113.33; 20 % of it 22.67 off: 90.66
    assert bill_month(SETTINGS, sooner, [AINO], [], FEBRUARY).items[0].net == D("90.66")
    fixed = set_from(
        ESIHENKILOT._replace(first_free=False), "meeting_price", D(150), date(2027, 2, 10)
    )
    (item,) = bill_month(SETTINGS, POHDE, [fixed], [], FEBRUARY).items
    assert (item.line.unit_price, item.line.unit_minutes, item.net) == (D(150), None, D(150))


# --- on the command line -----------------------------------------------------------------


@pytest.fixture
def month(tyo: Tyo, store_path: Path) -> Tyo:
    seed_store(store_path)
    # The month's pohde is a public body with 45 payment days, which edits refuse.
    assert tyo("client", "edit", "pohde", "--payment-days", "30").exit_code == 0
    return tyo


def _nets(tyo: Tyo, client: str) -> list[tuple[str, str, str]]:
    result = tyo("billing", "2027-02", "--client", client, "--json")
    assert result.exit_code == 0, result.output
    (bill,) = json.loads(result.stdout)["clients"]
    return [(item["date"], item["unit_price"], item["net"]) for item in bill["items"]]


def test_client_edit_rate_from_a_day_says_which_months_it_touches(
    month: Tyo, store_path: Path
) -> None:
    result = month("client", "edit", "pohde", "--rate", "130", "--from", "2027-02-10")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Changed client pohde.\n"
        "Items not yet invoiced in 2027-02 now bill the new price; invoiced ones stay as invoiced.\n"
    )
    assert _nets(month, "pohde") == [
        ("2027-02-02", "95.00", "190.00"),
        ("2027-02-10", "110.00", "110.00"),
        ("2027-02-16", "130.00", "260.00"),
    ]
    doc = tomllib.loads((store_path / "clients/pohde.toml").read_text())
    assert (doc["schema"], doc["rate"], doc["rate_changes"]) == (
        2,
        "95.00",
        [{"from": date(2027, 2, 10), "rate": "130.00"}],
    )
    # Files without a dated change stay schema 1, readable by an older tyo.
    assert tomllib.loads((store_path / "clients/mehilainen.toml").read_text())["schema"] == 1
    shown = month("client", "show", "pohde").stdout
    assert "rate:                €95.00; €130.00 from 2027-02-10\n" in shown
    after = month("client", "edit", "pohde", "--rate", "140", "--from", "2027-03-01")
    assert after.stdout.endswith(
        "No item billed but not yet invoiced changes; invoiced ones never do.\n"
    )


def test_a_change_without_from_reaches_only_what_is_not_invoiced(month: Tyo) -> None:
    assert (
        month(
            "invoice", "create", "2027-02", "--client", "mehilainen", "--date", "2027-03-01"
        ).exit_code
        == 0
    )
    result = month("settings", "set", "rate", "100")
    assert result.stdout == (
        "Set rate.\nNo item billed but not yet invoiced changes; invoiced ones never do.\n"
    )
    result = month("process", "edit", "esihenkilot", "--rate", "120")
    assert result.stdout == (
        "Changed process esihenkilot: price.\n"
        "Items not yet invoiced in 2027-02 now bill the new price; invoiced ones stay as invoiced.\n"
    )
    assert ("2027-02-10", "120.00", "120.00") in _nets(month, "pohde")  # 120 × 2 − 120 free


def test_settings_and_process_prices_from_a_day(month: Tyo, store_path: Path) -> None:
    result = month("settings", "set", "rate", "100", "--from", "2027-02-11")
    assert result.stdout.endswith(
        "Items not yet invoiced in 2027-02 now bill the new price; invoiced ones stay as invoiced.\n"
    )
    assert _nets(month, "mehilainen") == [("2027-02-11", "100.00", "120.00")]
    settings = tomllib.loads((store_path / "settings.toml").read_text())
    assert settings["schema"] == 2
    assert settings["billing"]["rate_changes"] == [{"from": date(2027, 2, 11), "rate": "100.00"}]
    assert "rate:         €85.00; €100.00 from 2027-02-11\n" in month("settings", "show").stdout
    result = month("process", "edit", "hoitajat", "--meeting-price", "300", "--from", "2027-02-16")
    assert result.exit_code == 0, result.output
    assert _nets(month, "pohde")[-1] == ("2027-02-16", "300.00", "300.00")
    shown = month("process", "show", "hoitajat").stdout
    # "participant:" (one participant) is the longest label: the values align after it.
    assert "price:       €300.00 per meeting from 2027-02-16\n" in shown
    refused = month("process", "edit", "hoitajat", "--rate", "99")
    assert (refused.exit_code, refused.stderr) == (
        2,
        "tyo: hoitajat bills €300.00 per meeting: change that with --meeting-price\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("client", "edit", "pohde", "--from", "2027-03-01"),
         "--from goes with --rate or --discount: the day the new price holds from"),
        (("client", "edit", "pohde", "--rate", "130", "--from", "1.3."),
         "Invalid value for '--from': '1.3.' is not a date (expected e.g. 2027-01-12, 12.1.2027)"),
        (("settings", "set", "unit_minutes", "60", "--from", "2027-03-01"),
         "--from goes with rate only: the day the new price holds from"),
        (("process", "edit", "hoitajat"), "nothing to change: give an option such as --place or --title"),
        (("process", "edit", "hoitajat", "--rate", "1", "--meeting-price", "2"),
         "give --rate or --meeting-price, not both"),
    ],
)  # fmt: skip
def test_bad_dated_changes_are_refused_with_nothing_written(
    month: Tyo, store_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = {path: path.read_bytes() for path in store_path.rglob("*.toml")}
    result = month(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") <= 2
    assert {path: path.read_bytes() for path in store_path.rglob("*.toml")} == before


# --- the files ---------------------------------------------------------------------------


def test_a_schema_1_document_is_migrated_to_2_on_read() -> None:
    doc = {"schema": 1, "id": "pohde", "name": "Pohde", "rate": "95.00"}
    assert migrate(dict(doc), "clients/pohde.toml", "schema = 1\n") == doc | {"schema": 2}


def test_a_store_of_schema_1_files_reads_and_bills_as_before(month: Tyo, store_path: Path) -> None:
    for path in store_path.rglob("*.toml"):
        assert tomllib.loads(path.read_text())["schema"] == 1, path
    assert _nets(month, "mehilainen") == [("2027-02-11", "85.00", "102.00")]


def test_two_changes_on_one_day_in_a_hand_edit_name_the_file_and_line(
    month: Tyo, store_path: Path
) -> None:
    path = store_path / "clients/mehilainen.toml"
    path.write_text(
        path.read_text().replace("schema = 1", "schema = 2")
        + '\n[[rate_changes]]\nfrom = 2027-03-01\nrate = "90.00"\n'
        + '\n[[rate_changes]]\nfrom = 2027-03-01\nrate = "91.00"\n'
    )
    result = month("client", "show", "mehilainen")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: clients/mehilainen.toml, line ")
    assert "'from'" in result.stderr
    assert "a day no other change of rate has" in result.stderr
