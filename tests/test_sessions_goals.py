"""``tyo goal`` and the progress in ``tyo process show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.sessions_sample import PROCESS, WITHOUT_GOALS

midway = sessions_sample.midway

planned = sessions_sample.planned


def test_goal_add_and_list(planned: Tyo) -> None:
    result = planned(
        "goal", "add", PROCESS, "  Palautteen  antaminen arjessa ", "--by", "participants"
    )
    assert result.exit_code == 0
    assert result.stdout == "Added goal 3 to hoitajat-2027: Palautteen antaminen arjessa\n"
    listed = planned("goal", "list", PROCESS)
    assert listed.stdout.splitlines() == [
        "#  goal                          agreed with       scores  last review",
        "1  Työnjaon selkiyttäminen       both",
        "2  Jaksamisen tukeminen          both",
        "3  Palautteen antaminen arjessa  the participants",
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("Työnjaon SELKIYTTÄMINEN",), 2, "tyo: hoitajat-2027 has that goal already\n"),
        (("  ",), 2, 'tyo: a goal needs its text, e.g. tyo goal add PROCESS "Clearer roles"\n'),
    ],
)
def test_goal_add_refuses(planned: Tyo, args: tuple[str, ...], code: int, message: str) -> None:
    result = planned("goal", "add", PROCESS, *args)
    assert (result.exit_code, result.stderr) == (code, message)


def test_goal_add_bad_by(planned: Tyo) -> None:
    result = planned("goal", "add", PROCESS, "Uusi", "--by", "boss")
    assert result.exit_code == 2
    assert "expected participants, client or both" in result.stderr


def test_a_private_review_goes_to_the_session_log(planned: Tyo, store_path: Path) -> None:
    result = planned("goal", "review", PROCESS, "--goal", "1", "--score", "2", "--comment", "Alku")
    assert result.exit_code == 0
    assert result.stdout == (
        "Recorded a review of goal 1 (Työnjaon selkiyttäminen) on Wed 2027-02-10: "
        "score 2, with the participants.\n"
        "Private: only reviews marked --shared reach the client.\n"
    )
    log = json.loads((store_path / "sessions" / f"{PROCESS}.json").read_text(encoding="utf-8"))
    assert log["reviews"] == [
        {
            "goal": 1,
            "day": "2027-02-10",
            "score": 2,
            "with": "participants",
            "recorded": "2027-02-10T09:00:00+02:00",
            "comment": "Alku",
        }
    ]
    process_file = (store_path / "processes" / f"{PROCESS}.toml").read_text(encoding="utf-8")
    assert "Alku" not in process_file


def test_a_shared_review_goes_on_the_process(planned: Tyo, store_path: Path) -> None:
    result = planned(
        "goal", "review", PROCESS, "--goal", "2", "--score", "4", "--with", "client",
        "--shared", "--date", "9.2.2027",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Shared: the client's summary shows it."
    assert not (store_path / "sessions").exists()
    text = (store_path / "processes" / f"{PROCESS}.toml").read_text(encoding="utf-8")
    assert '[[reviews]]\ngoal = 2\nday = 2027-02-09\nscore = 4\nwith = "client"\n' in text
    listed = json.loads(planned("goal", "list", PROCESS, "--json").stdout)
    assert listed[1] == {
        "n": 2,
        "text": "Jaksamisen tukeminen",
        "by": "both",
        "reviews": [
            {"day": "2027-02-09", "score": 4, "with": "client", "comment": "", "shared": True}
        ],
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--goal", "1", "--score", "6"),
            (
                "tyo goal review: Invalid value for '--score': '6': expected a score from 1 "
                "(not at all) to 5 (fully achieved) (see `tyo goal review --help`)\n"
            ),
        ),
        (
            ("--goal", "9", "--score", "3"),
            "tyo: process hoitajat-2027 has no goal 9: `tyo goal list hoitajat-2027` shows them\n",
        ),
        (
            ("--goal", "1", "--score", "3", "--date", "2027-03-01"),
            "tyo: Mon 2027-03-01 is still ahead: record a review on or after the day it was done\n",
        ),
        (
            ("--goal", "1", "--score", "3", "--with", "everyone"),
            (
                "tyo goal review: Invalid value for '--with': expected participants or client "
                "(see `tyo goal review --help`)\n"
            ),
        ),
    ],
)
def test_goal_review_refuses(planned: Tyo, args: tuple[str, ...], message: str) -> None:
    result = planned("goal", "review", PROCESS, *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_sharing_a_private_review_moves_it_to_the_client(planned: Tyo, store_path: Path) -> None:
    for day, score, comment in (("2027-01-12", 2, "Alku"), ("2027-02-09", 3, "Selkeämpi")):
        reviewed = planned(
            "goal", "review", PROCESS, "--goal", "1", "--score", str(score),
            "--comment", comment, "--date", day,
        )  # fmt: skip
        assert reviewed.exit_code == 0

    def client_summary() -> str:
        result = planned("--lang", "en", "summary", PROCESS, "--for", "client")
        assert result.exit_code == 0
        return result.stdout

    assert "Selkeämpi" not in client_summary()
    shared = planned("goal", "share", PROCESS, "--goal", "1")  # the latest one
    assert shared.exit_code == 0
    assert shared.stdout == (
        "Shared the review of goal 1 on Tue 2027-02-09 (score 3): the client's summary shows it.\n"
    )
    summary = client_summary()
    assert "Selkeämpi" in summary
    assert "Alku" not in summary  # the earlier review stays private
    log = json.loads((store_path / "sessions" / f"{PROCESS}.json").read_text(encoding="utf-8"))
    assert [review["comment"] for review in log["reviews"]] == ["Alku"]
    listed = json.loads(planned("goal", "list", PROCESS, "--json").stdout)
    assert [(r["day"], r["shared"]) for r in listed[0]["reviews"]] == [
        ("2027-01-12", False),
        ("2027-02-09", True),
    ]
    assert planned("undo").exit_code == 0
    assert "Selkeämpi" not in client_summary()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--goal", "2"), "tyo: goal 2 has no private review to share\n"),
        (
            ("--goal", "1", "--date", "2027-02-01"),
            "tyo: goal 1 has no private review on Mon 2027-02-01 to share\n",
        ),
        (
            ("--goal", "9"),
            "tyo: process hoitajat-2027 has no goal 9: `tyo goal list hoitajat-2027` shows them\n",
        ),
    ],
)
def test_goal_share_refuses(
    planned: Tyo, store_path: Path, args: tuple[str, ...], message: str
) -> None:
    reviewed = planned("goal", "review", PROCESS, "--goal", "1", "--score", "2")
    assert reviewed.exit_code == 0
    before = sorted((path, path.read_bytes()) for path in (store_path / "processes").iterdir())
    result = planned("--lang", "en", "goal", "share", PROCESS, *args)
    assert (result.exit_code, result.stderr) == (2, message)
    after = sorted((path, path.read_bytes()) for path in (store_path / "processes").iterdir())
    assert after == before


def test_review_of_a_process_without_goals(initialised: Tyo) -> None:
    created = initialised(*WITHOUT_GOALS)
    assert created.exit_code == 0
    result = initialised("goal", "review", "yksin", "--goal", "1", "--score", "3")
    assert result.stderr == (
        'tyo: process yksin has no goals yet: `tyo goal add yksin "TEXT"` adds one\n'
    )
    assert initialised("goal", "list", "yksin").stdout == (
        'No goals yet: `tyo goal add yksin "TEXT"` adds one.\n'
    )


def test_goal_list_shows_every_review_to_the_supervisor(midway: Tyo) -> None:
    result = midway("goal", "list", PROCESS)
    assert result.stdout.splitlines() == [
        "#  goal                     agreed with  scores  last review",
        "1  Työnjaon selkiyttäminen  both         2 → 4   Tue 2027-05-04",
        "2  Jaksamisen tukeminen     both         3 → 3   Thu 2027-05-06",
    ]


# --- progress in `tyo process show` ----------------------------------------------------


def test_process_show_progress(midway: Tyo) -> None:
    lines = midway("process", "show", PROCESS).stdout.splitlines()
    assert "meetings:     4 held, 3 left of 7" in lines
    assert "units used:   7.67 of 13.67, 6 left (45 min each)" in lines
    assert "next review:  final review at meeting 8, Tue 2027-07-27" in lines


def test_process_show_progress_in_finnish(midway: Tyo) -> None:
    lines = midway("--lang", "fi", "process", "show", PROCESS).stdout.splitlines()
    assert "tapaamiset:         4/7 pidetty, 3 jäljellä" in lines
    assert "ohjaustunnit:       7,67 / 13,67 käytetty, 6 jäljellä (45 min)" in lines
    assert "seuraava arviointi: loppuarviointi tapaamisessa 8, ti 27.7.2027" in lines


def test_process_show_json_progress_is_a_stable_contract(midway: Tyo) -> None:
    shown = json.loads(midway("process", "show", PROCESS, "--json").stdout)
    assert shown["progress"] == {
        "planned": 7,
        "held": 4,
        "no_shows": 0,
        "cancelled": 1,
        "left": 3,
        "unit_minutes": 45,
        "units_used": "7.67",
        "units_left": "6.00",
        "next_review": {
            "kind": "final",
            "meeting": 8,
            "start": "2027-07-27T14:00:00+03:00",
            "overdue": False,
        },
    }


def test_an_overdue_review(planned: Tyo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYO_NOW", "2027-05-10 09:00")
    lines = planned("process", "show", PROCESS).stdout.splitlines()
    assert "next review:  midpoint review at meeting 4, Tue 2027-04-06 (overdue)" in lines
