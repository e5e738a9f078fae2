"""`tyo forget`: a planted secret is gone from every file; invoices the law keeps stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import sessions_sample
from tests.conftest import Tyo
from tests.safety_helpers import (
    SECRET,
    add_client,
    add_process,
    plant_invoice,
    plant_session_log,
    snapshot,
)

midway = sessions_sample.midway


@pytest.fixture
def practice(initialised: Tyo, store_path: Path) -> Tyo:
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>", "Bertta Berg")
    add_client(
        initialised, "kettu", "Kettu Oy", "--contact", "Kalle Kettu", "--email", "laskut@kettu.fi"
    )
    add_process(initialised, "kettu-yksilo", "kettu", "Veera Vainio", kind="individual")
    initialised("meeting", "add", "kettu-yksilo", "--at", "2027-04-06 10:00")
    plant_session_log(
        store_path, "ryhma", SECRET + "-ryhma Aino Virtanen", ("Aino Virtanen", "Bertta Berg")
    )
    plant_session_log(store_path, "kettu-yksilo", SECRET + "-kettu", ("Veera Vainio",))
    plant_invoice(store_path, 1000, "kettu", "2027-02-01", "kettu-yksilo")
    plant_invoice(store_path, 900, "kettu", "2019-12-30", "kettu-yksilo", name="old")
    initialised("client", "list")  # the cache now holds copies of the clients
    return initialised


def _everything(root: Path) -> str:
    """Every byte under the store, cache and history included, as text."""
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace") for path in root.rglob("*") if path.is_file()
    )


def test_forget_client_erases_it_everywhere_but_the_kept_invoice(
    practice: Tyo, store_path: Path
) -> None:
    assert "Kalle Kettu" in _everything(store_path)
    result = practice("forget", "kettu", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Forgetting client kettu:",
        "  erase clients/kettu.toml",
        "  erase invoices/old.toml",
        "  erase processes/kettu-yksilo.toml",
        "  erase sessions/kettu-yksilo.json",
        (
            "  keep invoices/1000.toml (until 2033-12-31): Accounting Act (kirjanpitolaki 2:10 §): "
            "an issued invoice is kept for six years after the year of issue"
        ),
        "  delete history entry 4 (Mon 2027-01-04 09:00): client add kettu",
        "  delete history entry 5 (Mon 2027-01-04 09:00): new-process kettu-yksilo",
        "  delete history entry 6 (Mon 2027-01-04 09:00): meeting add kettu-yksilo",
        "Erased 4 files.",
        "Deleted 3 history entries.",
        "Kept 1 file, as listed above.",
        (
            "Backups and files written out before (exports, PDFs, calendar files) still hold "
            "what was erased: delete or remake them."
        ),
    ]
    everything = _everything(store_path)
    for gone in (SECRET + "-kettu", "Kalle Kettu", "Kettu Oy", "laskut@kettu.fi", "Veera Vainio"):
        assert gone not in everything
    assert (store_path / "invoices/1000.toml").exists()
    assert SECRET + "-ryhma" in everything  # the other client's log is untouched
    assert practice("doctor").exit_code == 0
    history = json.loads(practice("history", "--json").stdout)
    assert [entry["command"] for entry in history] == [
        "new-process ryhma",
        "client add pohde",
        "init",
    ]


def test_forget_participant_in_a_group_and_alone(practice: Tyo, store_path: Path) -> None:
    result = practice("forget", "--participant", "veera vainio", "--yes")
    assert result.exit_code == 0, result.output
    assert "  erase sessions/kettu-yksilo.json" in result.stdout
    assert "  remove the name from processes/kettu-yksilo.toml" in result.stdout
    result = practice("forget", "--participant", "aino@example.fi", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:4] == [
        "  remove the name from processes/ryhma.toml",
        "  remove the name from sessions/ryhma.json",
        (
            "  keep sessions/ryhma.json: the session log of a process with other participants: "
            "the name is replaced by [erased]; read the notes, they may still describe the person"
        ),
    ]
    everything = _everything(store_path)
    for gone in ("Veera Vainio", SECRET + "-kettu", "Aino Virtanen", "aino@example.fi"):
        assert gone not in everything
    assert SECRET + "-ryhma [erased]" in everything
    shown = json.loads(practice("process", "show", "ryhma", "--json").stdout)
    assert shown["participants"] == [{"name": "Bertta Berg", "email": ""}]
    alone = json.loads(practice("process", "show", "kettu-yksilo", "--json").stdout)
    assert (alone["participants"], alone["goals"], len(alone["meetings"])) == ([], [], 4)
    assert practice("doctor").exit_code == 0


def test_forget_participant_keeps_invoices_that_name_them(practice: Tyo, store_path: Path) -> None:
    invoice = store_path / "invoices/1000.toml"
    invoice.write_text(invoice.read_text() + 'title = "Veera Vainio"\n')
    result = practice("forget", "--participant", "Veera Vainio", "--yes")
    assert "  keep invoices/1000.toml (until 2033-12-31)" in result.stdout
    assert 'title = "Veera Vainio"' in invoice.read_text()


def test_forget_needs_confirmation(practice: Tyo, store_path: Path) -> None:
    before = snapshot(store_path)
    result = practice("forget", "kettu")
    assert result.exit_code == 2
    assert result.stderr == (
        "tyo: forget erases for good: confirm in a terminal, or pass --yes in a script\n"
    )
    result = practice("forget", "kettu", "--dry-run")
    assert result.stdout.splitlines()[-1] == "Nothing was erased (--dry-run)."
    assert snapshot(store_path) == before


def test_forget_declined_in_a_terminal(
    practice: Tyo, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    before = snapshot(store_path)
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    from tyonohjaus_cli.cli import run

    assert run(["forget", "kettu"]) == 1
    assert snapshot(store_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("forget",), "tyo: give either a client or --participant NAME\n"),
        (
            ("forget", "kettu", "--participant", "x"),
            "tyo: give either a client or --participant NAME\n",
        ),
        (
            ("forget", "nobody", "--yes"),
            "tyo: unknown client 'nobody': `tyo client list` shows the ids\n",
        ),
        (
            ("forget", "--participant", "Nobody Here", "--yes"),
            (
                "tyo: no participant 'Nobody Here' in the store: `tyo process show ID` lists a "
                "process's participants\n"
            ),
        ),
        (
            ("forget", "--participant", "Al", "--yes"),
            "tyo: give the participant's full name or e-mail, not 'Al'\n",
        ),
    ],
)
def test_forget_bad_input(
    practice: Tyo, store_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(store_path)
    result = practice(*args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert snapshot(store_path) == before


def test_forget_refuses_a_damaged_store(practice: Tyo, store_path: Path) -> None:
    (store_path / "sessions/ryhma.json").write_text('{"schema": 1, "note": "cut')
    before = snapshot(store_path)
    result = practice("forget", "kettu", "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith("tyo: sessions/ryhma.json, line 1: not valid JSON")
    assert snapshot(store_path) == before


def test_secrets_logged_by_tyo_log_are_gone_after_forget(
    initialised: Tyo, store_path: Path, tmp_path: Path
) -> None:
    """The session log as `tyo log` and `tyo goal review` write it, end to end."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen", "Bertta Berg")
    initialised("goal", "add", "ryhma", "Työnjako")
    for args in (
        ("log", "ryhma", "1", "--absent", "Bertta", "--theme", f"{SECRET}-theme", "--note", f"{SECRET}-note", "--force"),
        ("goal", "review", "ryhma", "--goal", "1", "--score", "2", "--comment", f"{SECRET}-review"),
    ):  # fmt: skip
        result = initialised(*args)
        assert result.exit_code == 0, result.output
    assert SECRET in (store_path / "sessions/ryhma.json").read_text()
    exported = initialised("export", "pohde", "-o", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    for path in (tmp_path / "out").iterdir():
        assert SECRET not in path.read_text()
    assert initialised("forget", "pohde", "--yes").exit_code == 0
    assert SECRET not in _everything(store_path)
    assert "Aino Virtanen" not in _everything(store_path)
    assert initialised("doctor").exit_code == 0


@pytest.mark.parametrize("audience", ["client", "participants"])
def test_forget_participant_leaves_every_count_of_both_summaries(
    midway: Tyo, audience: str
) -> None:
    # By hand: 4 named, meetings 1, 2, 4, 5 held with 4, 3, 3, 4 present: 14 of 16 (88 %).
    # Forgetting Eero must not make it "14 of 12" or meeting 1 "4/3": he stays, unnamed.
    process = sessions_sample.PROCESS
    before = midway("summary", process, "--for", audience, "--lang", "en", "--format", "md")
    assert before.exit_code == 0, before.output
    if audience == "client":
        assert "- **Attendance:** 14 of 16 possible (88%)" in before.stdout
        assert "| 1 | 2027-01-12 | held | 90 | 4/4 |" in before.stdout
        assert "- **Participants:** 4" in before.stdout
    result = midway("forget", "--participant", "Eero Esimerkki", "--yes")
    assert result.exit_code == 0, result.output
    after = midway("summary", process, "--for", audience, "--lang", "en", "--format", "md")
    assert after.stdout == before.stdout
    shown = json.loads(midway("process", "show", process, "--json").stdout)
    assert [p["name"] for p in shown["participants"]] == ["Aino Virtanen", "Iida Malli", "Outi Koe"]


def test_forget_client_keeps_the_history_of_another_client_of_the_same_name(
    practice: Tyo,
) -> None:
    # The audit's case: two clients named alike; forgetting one took the other's `client add`.
    add_client(practice, "kettu2", "Kettu Oy", "--contact", "Kalle Kettu")
    practice("client", "edit", "kettu2", "--payment-days", "30")
    result = practice("forget", "kettu", "--dry-run")
    gone = [line for line in result.stdout.splitlines() if "delete history entry" in line]
    assert [line.split(": ", 1)[1] for line in gone] == [
        "client add kettu",
        "new-process kettu-yksilo",
        "meeting add kettu-yksilo",
    ]
    result = practice("forget", "kettu", "--yes")
    assert result.exit_code == 0, result.output
    assert "Deleted 3 history entries." in result.stdout
    history = [entry["command"] for entry in json.loads(practice("history", "--json").stdout)]
    assert history == [
        "client edit kettu2",
        "client add kettu2",
        "new-process ryhma",
        "client add pohde",
        "init",
    ]
    assert practice("client", "show", "kettu2").exit_code == 0


def test_forget_counts_in_finnish_say_1_tiedosto(practice: Tyo) -> None:
    result = practice("--lang", "fi", "forget", "kettu", "--yes")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Poistettu 4 tiedostoa." in lines
    assert "Säilytetty 1 tiedosto, lueteltu yllä." in lines
    assert "Poistettu 3 muutoshistorian merkintää." in lines
