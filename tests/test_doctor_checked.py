"""`tyo doctor` on a long history: what it found in order before is known by its bytes, and
the rest is shared with copies of tyo on the other cores (``storage/checked.py``,
``storage/workers.py``). Either way it finds exactly what it finds reading everything anew.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import add_process, plant_invoice, process_copies, write_private
from tyonohjaus_cli.storage import checked, codec, doctor, workers
from tyonohjaus_cli.storage.documents import Fields
from tyonohjaus_cli.storage.index import sealed


def _problems(root: Path) -> tuple[int, list[doctor.Problem]]:
    checkup = doctor.examine(root)
    return checkup.files, checkup.problems


def _forget(root: Path) -> None:
    (root / ".cache" / checked.NAME).unlink(missing_ok=True)


@pytest.fixture
def troubled(initialised: Tyo, store_path: Path) -> Path:
    """A store with a problem of each kind that lies across files, and one damaged file."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    add_process(initialised, "orpo", "pohde", "Eero Esimerkki")
    orphan = store_path / "processes/orpo.toml"
    orphan.write_text(orphan.read_text().replace('client = "pohde"', 'client = "poissa"'))
    ryhma = (store_path / "processes/ryhma.toml").read_text()
    uid = re.findall(r'uid = "([^"]+)"', ryhma)[1]
    copy = ryhma.replace('id = "ryhma"', 'id = "kopio"')
    write_private(store_path / "processes/kopio.toml", copy.replace(uid, uid + "-x", 0))
    write_private(
        store_path / "expenses/x1.toml",
        'schema = 1\nprocess = "poissa"\ninvoice = 1004\namount = "12.00"\n',
    )
    plant_invoice(store_path, 1001, "pohde", "2027-02-01", "ryhma", name="copy")
    plant_invoice(store_path, 1001, "pohde", "2027-02-01", "ryhma", name="toinen")
    client = store_path / "clients/pohde.toml"
    client.write_text(client.read_text().replace("payment_days = 21", 'payment_days = "soon"'))
    return store_path


def test_a_second_look_finds_what_the_first_found_without_decoding_again(
    troubled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _problems(troubled)
    assert len(first[1]) >= 6
    assert (troubled / ".cache" / checked.NAME).is_file()
    decoded: list[str] = []
    real = codec.process_from_doc

    def counting(fields: Fields, zone: object) -> object:
        decoded.append(fields.rel)
        return real(fields, zone)  # type: ignore[arg-type]

    monkeypatch.setattr(codec, "process_from_doc", counting)
    assert _problems(troubled) == first
    assert decoded == []  # every process file was in order, and known by its bytes
    _forget(troubled)
    assert _problems(troubled) == first
    assert sorted(decoded) == [
        "processes/kopio.toml",
        "processes/orpo.toml",
        "processes/ryhma.toml",
    ]


def test_a_change_that_keeps_the_size_and_the_time_is_found(
    initialised: Tyo, store_path: Path
) -> None:
    """A restored backup or a flipped bit keeps a file's stamp: doctor reads the bytes."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    assert _problems(store_path)[1] == []
    path = store_path / "processes/ryhma.toml"
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("minutes = 90", "minutes = xx", 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    (problem,) = _problems(store_path)[1]
    assert problem.path == "processes/ryhma.toml"
    assert problem.problem.startswith("not valid TOML")


def test_what_another_tyo_found_is_not_taken_for_granted(
    troubled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _problems(troubled)
    monkeypatch.setattr(checked, "fingerprint", lambda zone: "another tyo")
    decoded: list[str] = []
    real = codec.process_from_doc

    def counting(fields: Fields, zone: object) -> object:
        decoded.append(fields.rel)
        return real(fields, zone)  # type: ignore[arg-type]

    monkeypatch.setattr(codec, "process_from_doc", counting)
    assert _problems(troubled) == first
    assert len(decoded) == 3


def test_a_damaged_cache_of_what_was_found_is_named_and_read_around(troubled: Path) -> None:
    first = _problems(troubled)
    (troubled / ".cache" / checked.NAME).write_text("[1, 2")
    files, problems = _problems(troubled)
    assert (files, problems[:-1]) == first
    assert (problems[-1].path, problems[-1].problem, problems[-1].kind) == (
        ".cache/doctor.json",
        "the cache is damaged",
        "cache",
    )


def test_damaged_caches_are_named_in_name_order_with_what_was_found(troubled: Path) -> None:
    first = _problems(troubled)
    cache = troubled / ".cache"
    write_private(cache / checked.NAME, '{"files": ')
    write_private(cache / "aaa.json", "[]")
    write_private(cache / "zzz.json", "{")
    write_private(cache / "fine.json", sealed(b"{}").decode())  # an index, whole
    write_private(cache / "older.json", "{}")  # an earlier tyo's, with no CRC-32 line
    write_private(cache / "flipped.json", sealed(b'{"a": 1}').decode().replace("1}", "2}"))
    files, problems = _problems(troubled)
    assert (files, problems[:-4]) == first
    assert [(p.path, p.problem, p.kind) for p in problems[-4:]] == [
        (f".cache/{name}", "the cache is damaged", "cache")
        for name in ("aaa.json", "doctor.json", "flipped.json", "zzz.json")
    ]
    # Rebuilt by that run: only the others are named now.
    assert [p.path for p in _problems(troubled)[1][-3:]] == [
        ".cache/aaa.json",
        ".cache/flipped.json",
        ".cache/zzz.json",
    ]


def test_what_was_found_is_saved_as_one_json_document(troubled: Path) -> None:
    _forget(troubled)
    _problems(troubled)
    raw = (troubled / ".cache" / checked.NAME).read_bytes()
    saved = json.loads(raw)
    assert raw == json.dumps(saved, separators=(",", ":")).encode()
    assert saved["version"] == 1
    assert "processes/ryhma.toml" in saved["files"]
    before = _problems(troubled)
    assert (troubled / ".cache" / checked.NAME).read_bytes() == raw  # nothing new: not written
    assert _problems(troubled) == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_copies_of_tyo_on_other_cores_find_the_same(
    troubled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = process_copies(troubled, 2 * workers.MIN_SHARE)
    last = made[-1]  # in the copy's share: its problems must come back from there
    last.write_text(last.read_text().replace("minutes = 90", "minutes = 9O", 1))
    monkeypatch.setattr(workers, "cores", lambda: 1)
    alone = _problems(troubled)
    assert any(p.path == "processes/kopio-127.toml" for p in alone[1])
    _forget(troubled)
    forks: list[int] = []
    real = os.fork

    def counting() -> int:
        forks.append(1)
        return real()

    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(os, "fork", counting)
    assert _problems(troubled) == alone
    assert forks == [1, 1]  # the copies do all of it (``aside``)


def test_another_toml_rs_checks_everything_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What toml-rs reads is held to tomllib's documents by the tests of this tyo only."""
    import importlib.util
    from importlib.machinery import ModuleSpec

    package = tmp_path / "toml_rs"
    package.mkdir()
    (package / "__init__.py").write_text("")
    library = package / "_toml_rs.so"
    library.write_bytes(b"0.4.3")
    found = importlib.util.find_spec

    def find_spec(name: str) -> ModuleSpec | None:
        if name == "toml_rs":
            return ModuleSpec(name, None, origin=str(package / "__init__.py"))
        return found(name)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    before = checked.fingerprint("Europe/Helsinki")
    assert checked.fingerprint("Europe/Helsinki") == before
    library.write_bytes(b"0.4.40")
    assert checked.fingerprint("Europe/Helsinki") != before
