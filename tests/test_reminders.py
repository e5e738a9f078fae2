"""``tyo invoice remind``: a payment reminder with the Interest Act's late interest, checked
against hand calculations, and recorded on the invoice."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.document_helpers import first_page_ink, pdf_text
from tyonohjaus_cli.domain.interest import REFERENCE_RATES, late_interest, parse_reference_rates
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_percent

MEETING = (
    "new-process", "ryhma", "--client", "pohde", "--kind", "group",
    "--start", "2027-01-12 14:00", "--every", "4w", "--count", "1", "--duration", "90",
)  # fmt: skip


@pytest.fixture
def overdue(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    """Invoice 1000 of 238.45 € (90 min at 95 € + VAT 25.5 %), issued 1.2.2027, due 22.2."""
    tyo = initialised
    assert tyo(*MEETING).exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert tyo("log", "ryhma", "1", "--note", "Pidetty.").exit_code == 0
    issued = tyo("invoice", "create", "2027-01", "--client", "pohde")
    assert issued.exit_code == 0, issued.output
    assert "€238.45" in issued.stdout
    assert "due 2027-02-22" in issued.stdout
    assert tyo("settings", "set", "reference_rates", "2027-01-01=2.5").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-04-08 09:00")  # 45 days after the due date
    return tyo


def test_interest_for_45_days_is_the_hand_calculation(overdue: Tyo, tmp_path: Path) -> None:
    # By hand: 238.45 € × (2.5 % + 8 points = 10.5 %) × 45 / 365 = 3.0868 → 3.09 €.
    path = tmp_path / "muistutus.pdf"
    result = overdue("invoice", "remind", "1000", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert "45 days overdue, late interest €3.09 shown, not added." in result.stdout
    assert first_page_ink(path, tmp_path) > 0.01
    text = pdf_text(path.read_bytes())
    for expected in (
        "MAKSUMUISTUTUS",
        "Laskun numero 1000",
        "Laskun päivämäärä 1.2.2027",
        "Eräpäivä 22.2.2027",
        "Myöhässä 45 päivää",
        "10,5 % vuodessa (viitekorko 2,5 % + 8 prosenttiyksikköä)",
        "Korko 45 päivältä 3,09 €",
        "Maksettava 238,45 €",  # shown, not added
        "Viitenumero 10003",
        "Eräpäivä 22.4.2027",  # the reminder's own: 14 days
    ):
        assert expected in text, expected
    assert "Perimiskulukorvaus" not in text
    # The barcode asks the amount to pay by the reminder's due date (version 4, 270422).
    assert "4211234560000078500023845000000000000000000100032704" in text.replace(" ", "")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_interest_and_compensation_added_when_asked(
    overdue: Tyo, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / f"r-{lang}.pdf"
    result = overdue(
        "invoice", "remind", "1000", "--add-interest", "--compensation", "--lang", lang,
        "-o", str(path),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = pdf_text(path.read_bytes())
    # 238.45 + 3.09 + 40.00
    to_pay = {
        "fi": "Maksettava 281,54 €",
        "sv": "Att betala 281,54 €",
        "en": "Amount to pay €281.54",
    }
    assert to_pay[lang] in text
    assert {"fi": "40,00 €", "sv": "40,00 €", "en": "€40.00"}[lang] in text


def test_reminders_are_recorded_on_the_invoice(overdue: Tyo, tmp_path: Path) -> None:
    assert overdue("invoice", "remind", "1000", "-o", str(tmp_path / "1.pdf")).exit_code == 0
    again = overdue("invoice", "remind", "1000", "--add-interest", "--format", "md")
    assert again.exit_code == 0, again.output
    assert "Aiemmat muistutukset:** 8.4.2027" in again.stdout
    shown = overdue("invoice", "show", "1000")
    assert (
        "Reminder sent 2027-04-08: 45 days overdue, late interest €3.09 shown, not added."
        in shown.stdout
    )
    assert "late interest €3.09 added to the amount." in shown.stdout
    reminders = json.loads(overdue("invoice", "show", "1000", "--json").stdout)["reminders"]
    assert reminders == [
        {"date": "2027-04-08", "days_overdue": 45, "interest": "3.09", "interest_added": False,
         "compensation": "0.00"},
        {"date": "2027-04-08", "days_overdue": 45, "interest": "3.09", "interest_added": True,
         "compensation": "0.00"},
    ]  # fmt: skip
    # Marking it paid keeps the reminders.
    assert overdue("invoice", "paid", "1000").exit_code == 0
    after = json.loads(overdue("invoice", "show", "1000", "--json").stdout)
    assert len(after["reminders"]) == 2
    refused = overdue("invoice", "remind", "1000", "-o", str(tmp_path / "3.pdf"))
    assert refused.exit_code == 2
    assert "was paid on" in refused.stderr


def test_a_reminder_before_the_due_date_is_refused(
    overdue: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-02-22 09:00")
    result = overdue("invoice", "remind", "1000", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("invoice 1000 is not overdue: it is due on 2027-02-22")
    assert not (tmp_path / "r.pdf").exists()
    assert json.loads(overdue("invoice", "show", "1000", "--json").stdout)["reminders"] == []


def test_a_consumer_pays_seven_points_and_no_compensation(
    tyo: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import SUPERVISOR

    assert tyo(*SUPERVISOR).exit_code == 0
    added = tyo(
        "client",
        "add",
        "pohde",
        "--name",
        "Outi Yksityinen",
        "--address",
        "Kotikatu 1\\n90100 Oulu",
    )
    assert added.exit_code == 0, added.output
    assert tyo(*MEETING).exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert tyo("log", "ryhma", "1", "--note", "Pidetty.").exit_code == 0
    assert tyo("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    assert tyo("settings", "set", "reference_rates", "2027-01-01=2.5").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-03-01 09:00")  # due 15.2. (14 days): 14 days late
    refused = tyo("invoice", "remind", "1000", "--compensation", "-o", str(tmp_path / "r.pdf"))
    assert refused.exit_code == 2
    assert "for business buyers only" in refused.stderr
    result = tyo("invoice", "remind", "1000", "--lang", "en", "--format", "md")
    # 238.45 × 9.5 % × 14 / 365 = 0.8689 → 0.87
    assert "9.5% a year (the reference rate 2.5% + 7 points)" in result.stdout
    assert "Interest for 14 days:** €0.87" in result.stdout


def test_interest_across_half_years_by_hand() -> None:
    overrides = parse_reference_rates("2027-01-01=2.5,2027-07-01=3")
    found = late_interest(
        Decimal(1000), date(2027, 6, 15), date(2027, 7, 30), business=True, overrides=overrides
    )
    # 16.–30.6.: 15 days at 10.5 % = 4.3151; 1.–30.7.: 30 days at 11 % = 9.0411; 13.3562.
    assert found.days == 45
    assert [(p.days, p.rate) for p in found.periods] == [(15, Decimal("10.5")), (30, Decimal(11))]
    assert found.interest == Decimal("13.36")
    assert found.unknown == ()


def test_the_table_carries_on_with_a_warning_past_its_end(overdue: Tyo) -> None:
    assert overdue("settings", "set", "reference_rates", "").exit_code == 0
    result = overdue("invoice", "remind", "1000", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "does not know the reference rate from 2027-01-01" in result.stderr
    latest = REFERENCE_RATES[max(REFERENCE_RATES)]
    assert f"viitekorko {format_percent(latest, lang='fi')}" in result.stdout


@pytest.mark.parametrize("text", ["2027-02-01=2.5", "2027-01-01=x", "2027-01-01=-1", "tammikuu=2"])
def test_bad_reference_rates_are_refused(text: str) -> None:
    with pytest.raises(UsageError):
        parse_reference_rates(text)


def test_a_bad_reference_rate_setting_is_one_line(initialised: Tyo) -> None:
    result = initialised("settings", "set", "reference_rates", "2027-02-01=2.5")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "1 January or 1 July" in result.stderr


def test_a_damaged_reminder_record_is_named_by_doctor(
    overdue: Tyo, tmp_path: Path, store_path: Path
) -> None:
    assert overdue("invoice", "remind", "1000", "-o", str(tmp_path / "r.pdf")).exit_code == 0
    payments = store_path / "invoices" / "payments.json"
    text = payments.read_text(encoding="utf-8")
    assert '"days_overdue": 45' in text
    payments.write_text(
        text.replace('"days_overdue": 45', '"days_overdue": "45"'), encoding="utf-8"
    )
    shown = overdue("invoice", "show", "1000")
    assert shown.exit_code == 1
    assert "invoices/payments.json" in shown.stderr
    assert "Traceback" not in shown.output
    checked = overdue("doctor")
    assert checked.exit_code == 1
    assert "days_overdue" in checked.output
