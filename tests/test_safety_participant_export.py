"""`tyo export --participant NAME`: a participant's own data, and nothing confidential."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import SECRET, add_client, add_process, plant_invoice

AINO = "Aino Virtanen <aino@example.fi>"
BERTTA = "Bertta Berg <bertta@example.fi>"


@pytest.fixture
def practice(initialised: Tyo, store_path: Path) -> Tyo:
    """A group of Aino and Bertta with two meetings logged (notes, themes and methods all
    planted secrets), a goal, an invoice; another client's process with Veera."""
    tyo = initialised
    add_process(tyo, "ryhma", "pohde", AINO, BERTTA)
    assert tyo("goal", "add", "ryhma", "Työnjaon selkiyttäminen").exit_code == 0
    secret = ("--note", SECRET, "--theme", f"{SECRET}-theme", "--method", f"{SECRET}-method")
    for args in (("1", "--present", "aino"), ("2", "--absent", "aino")):
        result = tyo("log", "ryhma", *args, *secret, "--force")
        assert result.exit_code == 0, result.output
    plant_invoice(store_path, 1000, "pohde", "2027-02-01", "ryhma")
    add_client(tyo, "kettu", "Kettu Oy", "--contact", "Kalle Kettu")
    add_process(tyo, "kettu-yksilo", "kettu", "Veera Vainio", kind="individual")
    return tyo


def test_the_export_holds_their_processes_meetings_and_own_attendance(
    practice: Tyo, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = practice("export", "--participant", "Aino Virtanen", "-o", str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"Exported the data of Aino Virtanen in 1 process to {out}/aino-virtanen.json, "
        f"{out}/aino-virtanen.md.\n"
        "Not included (confidential session log): sessions/ryhma.json\n"
    )
    assert json.loads((out / "aino-virtanen.json").read_text()) == {
        "schema": 1,
        "participant": "Aino Virtanen",
        "exported": "2027-01-04T09:00:00+02:00",
        "processes": [
            {
                "id": "ryhma",
                "title": "ryhmätyönohjaus",
                "kind": "group",
                "client": "Pohjoisen hyvinvointialue",
                "name": "Aino Virtanen",
                "email": "aino@example.fi",
                "first": "2027-01-12",
                "last": "2027-03-09",
                "goals": ["Työnjaon selkiyttäminen"],
                "meetings": [
                    {"n": 1, "date": "2027-01-12", "status": "held", "attendance": "present"},
                    {"n": 2, "date": "2027-02-09", "status": "held", "attendance": "absent"},
                    {"n": 3, "date": "2027-03-09", "status": "planned", "attendance": None},
                ],
            }
        ],
        "not_included": ["sessions/ryhma.json"],
    }
    markdown = (out / "aino-virtanen.md").read_text()
    assert markdown.startswith("# Data held about participant Aino Virtanen\n")
    assert "- **e-mail**: aino@example.fi\n" in markdown
    assert "1. Työnjaon selkiyttäminen\n" in markdown
    assert "| 1 | 2027-01-12 | held | present |\n" in markdown
    assert "| 2 | 2027-02-09 | held | absent |\n" in markdown
    assert (
        "Not included: the supervisor's private notes of the meetings are not part of this "
        "export; the supervisor considers them case by case."
    ) in markdown


def test_no_note_theme_method_or_other_person_leaks(practice: Tyo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert practice("export", "--participant", "aino@example.fi", "-o", str(out)).exit_code == 0
    assert sorted(path.name for path in out.iterdir()) == ["aino-virtanen.json", "aino-virtanen.md"]
    for path in out.iterdir():
        text = path.read_text()
        assert SECRET not in text  # the note, the themes and the methods
        for other in ("Bertta", "bertta@example.fi", "Veera", "Kettu", "kettu"):
            assert other not in text
        for money in ("95", "190", "1000"):  # the rate, the invoice's amount and number
            assert money not in text
        assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_the_other_participant_sees_only_their_own_attendance(
    practice: Tyo, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert practice("export", "--participant", "  BERTTA   berg ", "-o", str(out)).exit_code == 0
    data = json.loads((out / "bertta-berg.json").read_text())
    assert [m["attendance"] for m in data["processes"][0]["meetings"]] == [
        "absent",
        "present",
        None,
    ]
    for path in out.iterdir():
        assert "Aino" not in path.read_text()


def test_a_name_without_e_mail_in_another_process_is_the_same_person(
    practice: Tyo, tmp_path: Path
) -> None:
    add_process(practice, "aino-yksilo", "kettu", "Aino Virtanen", kind="individual")
    out = tmp_path / "out"
    result = practice("export", "--participant", "Aino Virtanen", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "aino-virtanen.json").read_text())
    assert [(p["id"], p["email"]) for p in data["processes"]] == [
        ("aino-yksilo", ""),
        ("ryhma", "aino@example.fi"),
    ]


def test_in_finnish(practice: Tyo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = practice("--lang", "fi", "export", "--participant", "Aino Virtanen", "-o", str(out))
    assert result.exit_code == 0, result.output
    markdown = (out / "aino-virtanen.md").read_text()
    assert markdown.startswith("# Ohjattavasta tallennetut tiedot: Aino Virtanen\n")
    assert "| 1 | 12.1.2027 | pidetty | läsnä |\n" in markdown
    assert "työnohjaaja harkitsee niitä tapauskohtaisesti" in markdown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--participant", "Aino"),
            (
                "no participant 'Aino' in the store: `tyo process show ID` lists a process's "
                "participants"
            ),
        ),
        (
            ("--participant", "Aino Virtanen", "pohde"),
            "give either a client, --participant NAME or --all",
        ),
        (
            ("--participant", "Aino Virtanen", "--all"),
            "give either a client, --participant NAME or --all",
        ),
    ],
)
def test_refusals_are_one_line_and_write_nothing(
    practice: Tyo, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "out"
    result = practice("export", *args, "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"tyo: {message}\n")
    assert not out.exists()


def test_two_people_of_one_name_are_refused(practice: Tyo, tmp_path: Path) -> None:
    add_process(practice, "toinen", "kettu", "Aino Virtanen <aino.v@example.com>")
    out = tmp_path / "out"
    result = practice("export", "--participant", "aino virtanen", "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        (
            "tyo: 'aino virtanen' fits more than one participant (Aino Virtanen "
            "<aino@example.fi> (ryhma), Aino Virtanen <aino.v@example.com> (toinen)): "
            "give the e-mail\n"
        ),
    )
    assert not out.exists()
    result = practice("export", "--participant", "aino.v@example.com", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "aino-virtanen.json").read_text())
    assert [p["id"] for p in data["processes"]] == ["toinen"]


def test_without_o_and_into_a_missing_folder(practice: Tyo, tmp_path: Path) -> None:
    result = practice("export", "--participant", "Aino Virtanen")
    assert (result.exit_code, result.stderr) == (2, "tyo: say where to write with -o PATH\n")
    target = tmp_path / "no" / "such"
    result = practice("export", "--participant", "Aino Virtanen", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        (
            f"tyo: can't write {target}: there is no folder {target.parent}; create it first, "
            "or choose another path\n"
        ),
    )
    assert not (tmp_path / "no").exists()


def test_an_existing_export_is_not_overwritten(practice: Tyo, tmp_path: Path) -> None:
    assert practice("export", "--participant", "Aino Virtanen", "-o", str(tmp_path)).exit_code == 0
    before = (tmp_path / "aino-virtanen.md").read_bytes()
    result = practice("export", "--participant", "Aino Virtanen", "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"tyo: {tmp_path}/aino-virtanen.json exists already: choose another folder or remove it\n",
    )
    assert (tmp_path / "aino-virtanen.md").read_bytes() == before
