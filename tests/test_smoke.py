from __future__ import annotations

from tests.conftest import Tyo


def test_new_process_example_plans_ten_meetings(initialised: Tyo) -> None:
    result = initialised(
        "new-process",
        "hoitajat-2027",
        "--client",
        "pohde",
        "--kind",
        "group",
        "--start",
        "2027-01-12 14:00",
        "--every",
        "4w",
        "--count",
        "10",
        "--duration",
        "90",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("14:00") == 10
