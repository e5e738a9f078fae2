"""Shell completion of ids, meeting numbers, kinds and invoice numbers; did-you-mean for ids."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Tyo

PLAN = (
    "new-process", "hoitajat-2027", "--client", "pohde", "--kind", "group",
    "--start", "2027-01-12 14:00", "--every", "4w", "--count", "3", "--title", "Hoitajat",
)  # fmt: skip


@pytest.fixture
def planned(initialised: Tyo, monkeypatch: pytest.MonkeyPatch) -> Tyo:
    assert initialised(*PLAN).exit_code == 0
    assert (
        initialised("client", "add", "kaupunki", "--name", "Esimerkkilän kaupunki").exit_code == 0
    )
    monkeypatch.setenv("TYO_NOW", "2027-01-12 16:00")
    assert initialised("log", "hoitajat-2027", "--attendance", "5", "--note", "x").exit_code == 0
    monkeypatch.setenv("TYO_NOW", "2027-02-01 09:00")
    assert initialised("invoice", "create", "2027-01", "--client", "pohde").exit_code == 0
    return initialised


def _complete(store: Path, shell: str, words: str) -> list[str]:
    env = {**os.environ, "TYO_HOME": str(store), "_TYO_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env["COMP_WORDS"] = words
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = subprocess.run(
        [sys.executable, "-m", "tyonohjaus_cli"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("tyo process show ", ["hoitajat-2027"]),
        ("tyo log hoi", ["hoitajat-2027"]),
        ("tyo log hoitajat-2027 ", ["1", "2", "3"]),
        ("tyo meeting move hoitajat-2027 ", ["1", "2", "3"]),
        ("tyo ics hoitajat-2027 --meeting ", ["1", "2", "3"]),
        ("tyo client show ", ["kaupunki", "pohde"]),
        ("tyo new-process x --client k", ["kaupunki"]),
        ("tyo new-process x --kind ry", ["ryhmä"]),
        ("tyo new-process x --kind ", ["individual", "group", "community", "leadership",
                                       "crisis", "entrepreneur", "yksilö", "ryhmä",
                                       "työyhteisö", "johto", "kriisi", "yrittäjä"]),
        ("tyo invoice show ", ["1000"]),
    ],
)  # fmt: skip
def test_bash_completes_from_the_store(
    planned: Tyo, store_path: Path, words: str, expected: list[str]
) -> None:
    assert _complete(store_path, "bash", words) == expected


def test_zsh_and_fish_show_what_each_id_is(planned: Tyo, store_path: Path) -> None:
    assert _complete(store_path, "fish", "tyo process show ") == ["hoitajat-2027\tpohde: Hoitajat"]
    zsh = "\n".join(_complete(store_path, "zsh", "tyo log hoitajat-2027 "))
    assert '"1":"2027-01-12 14\\\\:00 held"' in zsh
    assert '"3":"2027-03-09 14\\\\:00 planned"' in zsh


def test_without_a_store_nothing_is_completed(tmp_path: Path) -> None:
    assert _complete(tmp_path / "none", "bash", "tyo process show ") == []


def test_an_unknown_id_gets_a_suggestion(planned: Tyo) -> None:
    result = planned("process", "show", "hoitajat-2072")
    assert (result.exit_code, result.stderr) == (
        2,
        (
            "tyo: unknown process 'hoitajat-2072': did you mean hoitajat-2027? "
            "(`tyo process list` shows the ids)\n"
        ),
    )
    result = planned("new-process", "x", "--client", "pohd", "--kind", "group",
                     "--start", "2027-05-04 14:00", "--every", "4w", "--count", "2")  # fmt: skip
    assert result.stderr == (
        "tyo: unknown client 'pohd': did you mean pohde? (`tyo client list` shows the ids)\n"
    )
    nothing_like = planned("log", "zzz")
    assert nothing_like.stderr == "tyo: unknown process 'zzz': `tyo process list` shows the ids\n"
    finnish = planned("--lang", "fi", "process", "show", "hoitajat-2072")
    assert "tarkoititko hoitajat-2027?" in finnish.stderr
