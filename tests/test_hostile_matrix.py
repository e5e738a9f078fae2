"""The tamper matrix: every kind of file of the store, damaged every way, × the commands.

A damaged file makes a command fail with one line (exit 1, or 2 for what was typed), and
change nothing: no traceback, the store as before, nothing written outside it. `tyo
doctor` reports every damage of a file of the store's own (the cache is derived data:
there the commands only must not crash). Each test's name says the file's kind, the
damage and the damaged file's size in bytes.

The store is built once (when the tests are collected, so that the sizes can be in the
names) with a file of every kind: settings, clients, processes, the session log, expenses,
an invoice and the payments, committed and pending history entries, the cache and the lock.
A FIFO as a store file is tried in a subprocess with a timeout (a read that blocks would
hang the test run itself), see test_hostile_kills.py.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.billing_month import EXPENSE_ADD, seed_store
from tests.conftest import Tyo
from tests.safety_helpers import plant_session_log

NOW = "2027-03-05 09:00"
KINDS = {
    "settings": "settings.toml",
    "client": "clients/pohde.toml",
    "process": "processes/hoitajat.toml",
    "session-log": "sessions/hoitajat.json",
    "expenses": "expenses/hoitajat.toml",
    "invoice": "invoices/1000.json",
    "payments": "invoices/payments.json",
    "history": "history/00000003.json",
    "pending": "history/00000005.pending.json",
    "cache": ".cache/index.json",
    "settings-cache": ".cache/settings.json",
    "client-cache": ".cache/clients/pohde.json",
    "process-cache": ".cache/processes/hoitajat.json",
    "lock": ".lock",
}
DERIVED = {"cache", "settings-cache", "client-cache", "process-cache", "lock"}
"""Kinds that are not the store's data: doctor need not find a damage in them."""


def _build(root: Path) -> None:
    from tyonohjaus_cli.cli import run
    from tyonohjaus_cli.i18n import set_language

    saved = {key: os.environ.get(key) for key in ("TYO_HOME", "TYO_NOW", "TYO_LANG")}
    os.environ.update(TYO_HOME=str(root), TYO_NOW=NOW, TYO_LANG="en")
    try:
        seed_store(root)
        for args in (
            list(EXPENSE_ADD),
            ["invoice", "create", "2027-02", "--client", "pohde", "--date", "2027-03-02"],
            ["invoice", "paid", "1000", "--on", "2027-03-04"],
            ["process", "list"],
        ):
            assert run(args) == 0, args
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        set_language("en")
    plant_session_log(root, "hoitajat", "muistiinpano Aino", ("Aino",))
    # An interrupted change: the session log's entry added, as a crash would leave it.
    text = (root / KINDS["session-log"]).read_text(encoding="utf-8")
    pending = {
        "schema": 1,
        "number": 5,
        "at": "2027-03-05T09:00:00+02:00",
        "command": "log hoitajat 2",
        "changes": [{"path": KINDS["session-log"], "before": text, "after": text}],
    }
    (root / KINDS["pending"]).write_text(json.dumps(pending, indent=1), encoding="utf-8")
    for rel in KINDS.values():
        assert (root / rel).is_file(), rel


TEMPLATE = Path(tempfile.mkdtemp(prefix="tyo-matrix-")) / "store"
atexit.register(shutil.rmtree, TEMPLATE.parent, True)
_build(TEMPLATE)


# --- damages ---------------------------------------------------------------------------------

Damage = Callable[[str, bytes], bytes | None]
"""File name, bytes → the damaged bytes (``None``: the damage does not apply)."""


def _deep(rel: str, data: bytes) -> bytes | None:
    deep = "[" * 3000 + "]" * 3000
    if rel.endswith(".json"):
        return data.replace(b"{", f'{{"deep": {deep}, '.encode(), 1)
    return data + f"\ndeep = {deep}\n".encode() if rel.endswith(".toml") else None


def _digits(rel: str, data: bytes) -> bytes | None:
    if rel.endswith(".json"):
        return data.replace(b"{", b'{"big": ' + b"9" * 5000 + b", ", 1)
    return data + b"\nbig = " + b"9" * 5000 + b"\n" if rel.endswith(".toml") else None


def _sub(pattern: bytes, replacement: bytes) -> Damage:
    def damage(rel: str, data: bytes) -> bytes | None:
        changed, count = re.subn(pattern, replacement, data, count=1)
        return changed if count else None

    return damage


def _link(target: str) -> Damage:
    def damage(rel: str, data: bytes) -> bytes | None:
        return b"\0link:" + target.encode()

    return damage


DAMAGES: dict[str, Damage] = {
    "nested": _deep,
    "5000-digits": _digits,
    "amount-1E+999999": _sub(rb'"\d+\.\d\d"', b'"1E+999999"'),
    "minutes-2^63-1": _sub(rb'(minutes"?\s*[=:]\s*)\d+', rb"\g<1>9223372036854775807"),
    "year-9999": _sub(rb"\b20\d\d-\d\d-\d\d", b"9999-12-31"),
    "year-0001": _sub(rb"\b20\d\d-\d\d-\d\d", b"0001-01-01"),
    "crlf-in-name": _sub(rb'(name"?\s*[=:]\s*")', rb"\g<1>Bcc: x@example.com\\r\\n"),
    "esc-in-text": _sub(rb'((?:name|note|title)"?\s*[=:]\s*")', rb"\g<1>\\u001b[2J"),
    "nul-in-path": _sub(rb'("path": ")', rb"\g<1>\\u0000"),
    "discount-200": _sub(rb"discount = \"[\d.]+\"", b'discount = "200"'),
    "bad-iban": _sub(rb'"iban": "[^"]+"', b'"iban": "FI00 1234"'),
    "unknown-word": _sub(rb"\b(?:active|held)\b", b"bogus"),  # an enum's value
    "invalid-utf8": lambda rel, data: data + b"\n\xff\xfe\n",
    "17-MB": lambda rel, data: data + b"\n" + b" " * (17 * 1024 * 1024),
    "symlink-loop": _link("self"),
    "dev-zero": _link("/dev/zero"),
}


class Case(NamedTuple):
    kind: str
    damage: str
    data: bytes


def _cases() -> list[Case]:
    cases = []
    for kind, rel in KINDS.items():
        original = (TEMPLATE / rel).read_bytes()
        for name, damage in DAMAGES.items():
            if kind in DERIVED and name == "17-MB":
                continue  # the cache may be bigger than a document, and is derived anyway
            data = damage(rel, original)
            if data is not None and data != original:
                cases.append(Case(kind, name, data))
    return cases


def _size(case: Case) -> str:
    if case.data.startswith(b"\0link:"):
        return "link"
    return f"{len(case.data)}B"


CASES = _cases()


def _plant(root: Path, rel: str, data: bytes) -> None:
    path = root / rel
    path.unlink()
    if data.startswith(b"\0link:"):
        target = data.removeprefix(b"\0link:").decode()
        path.symlink_to(path if target == "self" else Path(target))
    else:
        path.write_bytes(data)
        path.chmod(0o600)


def _commands(out: Path) -> list[tuple[str, ...]]:
    return [
        ("process", "list"),
        ("process", "show", "hoitajat"),
        ("history",),
        ("billing", "2027-02"),
        ("invoice", "list"),
        ("notes", "hoitajat"),
        ("export", "--all", "-o", str(out / "backup.tar.gz")),
        ("export", "pohde", "-o", str(out / "pohde")),
        ("client", "edit", "mehilainen", "--contact", "Uusi Yhteys"),
        ("forget", "mehilainen", "--yes"),
    ]


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{case.kind}-{case.damage}-{_size(case)}" for case in CASES]
)
def test_a_damaged_file_fails_one_line_and_changes_nothing(
    tyo: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case
) -> None:
    monkeypatch.setenv("TYO_NOW", NOW)
    shutil.copytree(TEMPLATE, store_path, symlinks=True)
    if case.kind != "pending":  # a valid pending entry is rolled back, rightly changing things
        (store_path / KINDS["pending"]).unlink()
    _plant(store_path, KINDS[case.kind], case.data)
    out = tmp_path / "out"
    out.mkdir()
    doctor = tyo("doctor")  # first: it only reads, and the commands may erase the file
    refused = []
    for args in _commands(out):
        before, written = snapshot_safely(store_path), sorted(out.iterdir())
        result = tyo(*args)  # an exception other than tyo's own fails the test here
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "Traceback" not in result.output
        assert "\x1b" not in result.output, args  # never printed raw
        if result.exit_code:
            refused.append(args)
            errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
            assert len(errors) == 1, (args, result.stderr)
            assert snapshot_safely(store_path) == before, args
            assert sorted(out.iterdir()) == written, args  # nothing written outside
    assert "\x1b" not in doctor.output
    if refused and case.kind not in DERIVED:
        # What the commands refuse, doctor reports: with the file's name.
        assert doctor.exit_code == 1, (refused, doctor.output)
        assert KINDS[case.kind] in doctor.stdout, doctor.stdout


def snapshot_safely(root: Path) -> dict[str, bytes]:
    """As :func:`tests.safety_helpers.snapshot`: links named instead of read, a file over a
    megabyte by its size and time (read fast)."""
    special = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder) / name
            if path.is_symlink():
                special[path.relative_to(root).as_posix()] = b"-> " + str(path.readlink()).encode()
    regular = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if rel in special or rel == ".lock" or rel.startswith(".cache/"):
                continue
            info = path.stat()
            big = info.st_size > 1024 * 1024
            regular[rel] = (
                f"{info.st_size} {info.st_mtime_ns}".encode() if big else path.read_bytes()
            )
    return regular | special


def test_the_matrix_covers_every_kind_of_file() -> None:
    """A kind of file added to the store must join the matrix (the cache and lock too)."""
    from tyonohjaus_cli.storage import inventory

    kinds = {
        re.sub(r"[^/]+$", "*", rel) if "/" in rel else rel for rel in inventory.all_files(TEMPLATE)
    }
    covered = {re.sub(r"[^/]+$", "*", rel) if "/" in rel else rel for rel in KINDS.values()}
    assert kinds <= covered, kinds - covered
    tried = {case.kind for case in CASES}
    assert tried == set(KINDS)
