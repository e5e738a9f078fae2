"""Shared by the safety tests: store snapshots and planted documents of later folders.

The session log (``sessions/``) and invoices (``invoices/``) are written by commands
that other branches add; these tests plant such documents by hand, following the
conventions of :mod:`tyonohjaus_cli.storage.inventory`, so that export, forget and doctor
are proven to cover them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.conftest import Tyo

SECRET = "SALAISUUS-7f3a-itki-palaverissa"
"""A planted note: it must never leave the store except in the supervisor's own backup."""


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the store but the cache and the lock, with its bytes."""
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if rel == ".lock" or rel.startswith(".cache/"):
                continue
            found[rel] = path.read_bytes()
    return found


def hand_edit(path: Path, old: str, new: str) -> None:
    """A supervisor's edit of a store file in place: the first ``old`` becomes ``new``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write_private(path: Path, text: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)


def plant_session_log(root: Path, process: str, note: str, present: tuple[str, ...]) -> Path:
    """A session log of ``process`` as ``tyo log`` keeps it: a private note, attendance."""
    import json

    path = root / "sessions" / f"{process}.json"
    entry = {
        "meeting": 1,
        "logged": "2027-01-12T16:00:00+02:00",
        "present": list(present),
        "absent": [],
        "themes": [f"{note} (theme)"],
        "methods": [],
        "note": note,
    }
    doc = {"schema": 1, "process": process, "entries": [entry], "reviews": []}
    write_private(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return path


def plant_invoice(
    root: Path, number: int, client: str, issued: str, process: str, name: str = ""
) -> Path:
    path = root / "invoices" / f"{name or number}.toml"
    write_private(
        path,
        f'schema = 1\nnumber = {number}\nissued = {issued}\nclient = "{client}"\n\n'
        f'[[lines]]\nprocess = "{process}"\nkind = "meeting"\namount = "190.00"\n',
    )
    return path


def add_process(
    tyo: Tyo, process: str, client: str, *participants: str, kind: str = "group"
) -> None:
    args = [
        "new-process",
        process,
        "--client",
        client,
        "--kind",
        kind,
        "--start",
        "2027-01-12 14:00",
        "--every",
        "4w",
        "--count",
        "3",
    ]
    for person in participants:
        args += ["--participant", person]
    result = tyo(*args)
    assert result.exit_code == 0, result.output


def add_client(tyo: Tyo, client: str, name: str, *extra: str) -> None:
    result = tyo("client", "add", client, "--name", name, *extra)
    assert result.exit_code == 0, result.output


def process_copies(store_path: Path, count: int) -> list[Path]:
    """``count`` more processes of client pohde, each a copy of ryhma with its own UIDs."""
    text = (store_path / "processes/ryhma.toml").read_text()
    made = []
    for n in range(count):
        copy = text.replace('id = "ryhma"', f'id = "kopio-{n:03d}"')
        copy = re.sub(r'uid = "([^"@]+)@', rf'uid = "\1-{n:03d}@', copy)
        path = store_path / f"processes/kopio-{n:03d}.toml"
        write_private(path, copy)
        made.append(path)
    return made
