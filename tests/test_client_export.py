"""The client's data-access export in Markdown is for the client to read: every field
labelled in the client's language, every value written as a person reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.billing_month import EXPENSE_ADD, seed_store
from tests.conftest import Tyo
from tyonohjaus_cli.domain.client_export import LABELLED

STRUCTURE = {"schema", "seller", "buyer", "lines", "totals", "goals", "reviews", "meetings"}
STRUCTURE |= {"rate_changes", "discount_changes", "meeting_price_changes", "expenses"}


@pytest.fixture
def exported(tyo: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/billing_month.py's February invoiced to pohde, with an expense, a shared goal
    review, a dated price change and a credit note; then pohde's export."""
    seed_store(store_path)
    assert tyo(*EXPENSE_ADD).exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-03-02 09:00")
    review = ("goal", "review", "hoitajat", "--goal", "1", "--score", "4", "--with", "client")
    assert tyo(*review, "--shared", "--comment", "Selkeämpi").exit_code == 0, "review"
    for command in (
        ("invoice", "create", "2027-02", "--client", "pohde"),
        ("client", "edit", "pohde", "--payment-days", "30"),
        ("client", "edit", "pohde", "--discount", "12.5", "--from", "2027-03-01"),
        ("invoice", "credit", "1000"),
    ):
        result = tyo(*command)
        assert result.exit_code == 0, (command, result.output)
    return tmp_path / "out"


def _export(tyo: Tyo, out: Path, lang: str) -> str:
    assert tyo("client", "edit", "pohde", "--lang", lang).exit_code == 0
    result = tyo("export", "pohde", "-o", str(out / lang))
    assert result.exit_code == 0, result.output
    return (out / lang / "pohde.md").read_text(encoding="utf-8")


def test_finnish_export_reads_as_finnish(tyo: Tyo, exported: Path) -> None:
    text = _export(tyo, exported, "fi")
    assert text.startswith(
        "# Tilaajasta tallennetut tiedot: Pohjois-Pohjanmaan hyvinvointialue\n\n"
        "*Viety 2.3.2027 työnohjaajan tallennuskansiosta.*\n"
    )
    for line in (
        "## Tilaaja",
        "- **Y-tunnus:** 3221308-6",
        "- **Julkinen hankintayksikkö:** kyllä",
        "- **Peruutusaika:** 24 h",
        "- **Myöhäisestä peruutuksesta laskutetaan:** 100\u00a0%",
        "| 1.3.2027 | 12,5\u00a0% |",
        "## Lasku 1000",
        "- **Eräpäivä:** 1.4.2027",
        "- **Laskutettu kuukausi:** helmikuu 2027",
        "- **Yhteensä:** 644,32\u00a0€",
        "## Hyvityslasku 1001",
        "- **Hyvitettävä lasku:** 1000",
        "| 1 | 2.2.2027 | Matkakulut Oulu–Kempele | 23,40\u00a0€ | 25,5\u00a0% |",
        "| 16.2.2027 | hoitajat | Hoitajien ryhmätyönohjaus | myöhäinen peruutus | 90 | 45 | 95,00\u00a0€ | 100\u00a0% | 25,5\u00a0% | 190,00\u00a0€ | hoitajat#2 |",
        "| 1 | 2.3.2027 | 4 | tilaajan kanssa | Selkeämpi | 2.3.2027 klo 9.00 | kyllä |",
    ):
        assert line in text, line
    assert "ei arvonlisäveroa" not in text  # the invoice bills VAT


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "sv",
            [
                "# Uppgifter som sparats om beställaren: Pohjois-Pohjanmaan hyvinvointialue",
                "- **Offentlig upphandlande enhet:** ja",
                "- **Förfallodag:** 1.4.2027",
                "- **Fakturerad månad:** februari 2027",
            ],
        ),
        (
            "en",
            [
                "# Data held about the client: Pohjois-Pohjanmaan hyvinvointialue",
                "- **Public body:** yes",
                "- **Due date:** 2027-04-01",
                "- **Month billed:** 2027-02",
                "- **Total:** €644.32",
            ],
        ),
    ],
)
def test_the_export_speaks_the_client_s_language(
    tyo: Tyo, exported: Path, lang: str, lines: list[str]
) -> None:
    text = _export(tyo, exported, lang)
    for line in lines:
        assert line in text, line


def test_no_raw_key_or_value_reaches_the_markdown(tyo: Tyo, exported: Path) -> None:
    for lang in ("fi", "sv", "en"):
        text = _export(tyo, exported, lang)
        for raw in ("business_id", "public_body", "cancel_hours", "True", "False", "None"):
            assert raw not in text, (lang, raw)
        assert not re.search(r"\*\*[a-z]+_[a-z_]+", text), lang  # a key as a label
        assert not re.search(r"\d{4}-\d{2}-\d{2}T", text), lang  # an ISO time
        if lang != "en":
            assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), lang
            assert "95.00" not in text


def test_every_field_tyo_writes_is_labelled(tyo: Tyo, exported: Path) -> None:
    _export(tyo, exported, "fi")
    data = json.loads((exported / "fi/pohde.json").read_text(encoding="utf-8"))

    def keys(value: Any) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for item in value.values() for k in keys(item)}
        if isinstance(value, list):
            return {k for item in value for k in keys(item)}
        return set()

    labelled = {key for tables in LABELLED.values() for table in tables for key in table}
    found = {key for doc in data["documents"].values() for key in keys(doc)}
    assert found - labelled - STRUCTURE == set()
