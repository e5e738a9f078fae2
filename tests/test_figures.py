"""Every figure a person reads goes through one formatter: ``12,5`` and ``12,5 %`` in Finnish
and Swedish, ``12.5`` and ``12.5%`` in English; ``--json`` and ``--csv`` keep ``12.5``.

The expected texts are written out by hand, not made with the formatter under test.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.conftest import Tyo
from tyonohjaus_cli.i18n import format_number, format_percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "fi", "en"),
    [
        (Decimal("12.5"), "12,5", "12.5"),
        (Decimal("25.50"), "25,5", "25.5"),
        (Decimal("100"), "100", "100"),
        (Decimal("1E+2"), "100", "100"),  # no exponent
        (Decimal("0.83"), "0,83", "0.83"),
        (Decimal("-12.5"), "-12,5", "-12.5"),
        (83, "83", "83"),
    ],
)
def test_a_figure_in_finnish_swedish_and_english(value: Decimal | int, fi: str, en: str) -> None:
    assert format_number(value, lang="fi") == fi
    assert format_number(value, lang="sv") == fi
    assert format_number(value, lang="en") == en
    assert format_percent(value, lang="fi") == f"{fi}{NBSP}%"
    assert format_percent(value, lang="sv") == f"{fi}{NBSP}%"
    assert format_percent(value, lang="en") == f"{en}%"


def test_a_figure_to_fixed_places() -> None:
    assert format_number(Decimal("2"), lang="fi", places=2) == "2,00"
    assert format_number(Decimal("1.333"), lang="en", places=2) == "1.33"
    assert format_number(2, lang="sv", places=2) == "2,00"


@pytest.fixture
def discounted(initialised: Tyo) -> Tyo:
    """pohde at 110 € a unit with a 12.5 % discount; a late cancellation bills 50 %."""
    edited = initialised(
        "client", "edit", "pohde", "--rate", "110", "--discount", "12.5", "--cancel-charge", "50"
    )
    assert edited.exit_code == 0, edited.output
    return initialised


def test_client_list_shows_the_discount_as_the_money_beside_it(discounted: Tyo) -> None:
    finnish = discounted("--lang", "fi", "client", "list").stdout.splitlines()
    assert finnish[0].split() == ["tunnus", "nimi", "Y-tunnus", "hinta", "alennus", "%", "kieli"]
    assert finnish[1].endswith(f"110,00{NBSP}€       12,5  fi")
    english = discounted("--lang", "en", "client", "list").stdout.splitlines()
    assert english[1].endswith("€110.00        12.5  fi")


def test_client_show_says_the_percents_whole(discounted: Tyo) -> None:
    finnish = discounted("--lang", "fi", "client", "show", "pohde").stdout
    assert f"alennus:                  12,5{NBSP}%\n" in finnish
    assert f"peruutusaika:             24 h, laskutetaan 50{NBSP}%\n" in finnish
    english = discounted("--lang", "en", "client", "show", "pohde").stdout
    assert "discount:            12.5%\n" in english
    assert "cancellation window: 24 h, billed at 50%\n" in english


def test_machine_formats_keep_the_point(discounted: Tyo) -> None:
    shown = json.loads(discounted("--lang", "fi", "client", "show", "pohde", "--json").stdout)
    assert (shown["discount"], shown["cancel_charge"]) == ("12.50", "50.00")
    csv = discounted("--lang", "fi", "client", "list", "--csv").stdout
    assert ",12.50," in csv


@pytest.mark.parametrize(
    ("lang", "discount"),
    [("fi", f"12,5{NBSP}%"), ("sv", f"12,5{NBSP}%"), ("en", "12.5%")],
)
def test_a_client_document_writes_the_discount_in_its_language(
    discounted: Tyo, lang: str, discount: str
) -> None:
    made = discounted(
        "new-process", "tarjous", "--client", "pohde", "--kind", "group",
        "--start", "2027-02-02 14:00", "--every", "3w", "--count", "6", "--proposal",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    agreement = discounted("agreement", "tarjous", "--lang", lang, "--format", "md").stdout
    assert discount in agreement
    assert ("12.5" if lang != "en" else "12,5") not in agreement


def test_billing_shows_units_and_vat_in_the_interface_language(
    discounted: Tyo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """60 min of 45-minute units are 1.33 units; the VAT rate of 2027 is 25.5 %."""
    made = discounted(
        "new-process", "yksi", "--client", "pohde", "--kind", "individual",
        "--start", "2027-01-12 09:00", "--every", "4w", "--count", "2", "--duration", "60",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("TYO_NOW", "2027-01-12 12:00")
    logged = discounted("log", "yksi", "1", "--attendance", "1", "--note", "x")
    assert logged.exit_code == 0, logged.output
    finnish = discounted("--lang", "fi", "billing", "2027-01").stdout
    assert " 1,33 " in finnish
    assert f"  ALV 25,5{NBSP}%: peruste" in finnish
    english = discounted("--lang", "en", "billing", "2027-01").stdout
    assert " 1.33 " in english
    assert "  VAT 25.5%: base" in english
