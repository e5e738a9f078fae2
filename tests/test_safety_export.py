"""`tyo export CLIENT`, `tyo export --all` and `tyo import`."""

from __future__ import annotations

import io
import json
import os
import tarfile
from pathlib import Path

import pytest

from tests.conftest import Tyo
from tests.safety_helpers import (
    SECRET,
    add_client,
    add_process,
    plant_invoice,
    plant_session_log,
    snapshot,
)


@pytest.fixture
def practice(initialised: Tyo, store_path: Path) -> Tyo:
    """Two clients with processes, a session log with a planted secret, an invoice."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen <aino@example.fi>", "Bertta Berg")
    add_client(initialised, "kettu", "Kettu Oy", "--contact", "Kalle Kettu")
    add_process(initialised, "kettu-yksilo", "kettu", "Veera Vainio", kind="individual")
    plant_session_log(store_path, "ryhma", SECRET, ("Aino Virtanen", "Bertta Berg"))
    plant_session_log(store_path, "kettu-yksilo", SECRET + "-kettu", ("Veera Vainio",))
    plant_invoice(store_path, 1000, "pohde", "2027-02-01", "ryhma")
    return initialised


def test_client_export_has_the_client_and_no_secret(practice: Tyo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = practice("export", "pohde", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Exported 3 documents about pohde to {out}/pohde.json, {out}/pohde.md.\n"
        "Not included (confidential session log): sessions/ryhma.json\n"
    )
    data = json.loads((out / "pohde.json").read_text())
    assert sorted(data["documents"]) == [
        "clients/pohde.toml",
        "invoices/1000.toml",
        "processes/ryhma.toml",
    ]
    assert data["documents"]["clients/pohde.toml"]["name"] == "Pohjoisen hyvinvointialue"
    process = data["documents"]["processes/ryhma.toml"]
    assert process["participants_named"] == 2
    assert len(process["meetings"]) == 3
    markdown = (out / "pohde.md").read_text()
    # In the client's document language (pohde's is Finnish), whatever the interface's.
    assert markdown.startswith("# Tilaajasta tallennetut tiedot: Pohjoisen hyvinvointialue\n")
    assert "| # | Aika | Min | Tila |\n" in markdown
    for path in out.iterdir():
        text = path.read_text()
        assert SECRET not in text
        assert "Aino" not in text
        assert "aino@example.fi" not in text
        assert "kettu" not in text.lower()
        assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_client_export_in_the_client_s_language(practice: Tyo, tmp_path: Path) -> None:
    assert practice("client", "edit", "pohde", "--lang", "en").exit_code == 0
    result = practice("--lang", "fi", "export", "pohde", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Viety 3 asiakirjaa tilaajasta pohde: ")
    markdown = (tmp_path / "out/pohde.md").read_text()
    assert markdown.startswith("# Data held about the client: Pohjoisen hyvinvointialue\n")


def test_client_export_refuses_to_overwrite_and_bad_input(practice: Tyo, tmp_path: Path) -> None:
    assert practice("export", "pohde", "-o", str(tmp_path)).exit_code == 0
    result = practice("export", "pohde", "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"tyo: {tmp_path}/pohde.json exists already: choose another folder or remove it\n",
    )
    assert practice("export", "pohde").stderr == "tyo: say where to write with -o PATH\n"
    assert practice("export", "-o", str(tmp_path)).stderr == (
        "tyo: give either a client, --participant NAME or --all\n"
    )
    result = practice("export", "nobody", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert "unknown client 'nobody'" in result.stderr


def test_an_existing_folder_keeps_its_mode(practice: Tyo, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    assert practice("export", "--all", "-o", str(folder / "b.tar.gz")).exit_code == 0
    assert oct(folder.stat().st_mode & 0o777) == "0o755"
    assert oct((folder / "b.tar.gz").stat().st_mode & 0o777) == "0o600"


def test_backup_restores_byte_identical(
    practice: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.tar.gz"
    practice("client", "list")  # fills the cache, which a backup leaves out
    result = practice("export", "--all", "-o", str(backup))
    assert result.exit_code == 0, result.output
    original = snapshot(store_path)
    assert result.stdout.splitlines()[0] == f"Backed up {len(original)} files to {backup}."
    with tarfile.open(backup) as tar:
        names = tar.getnames()
    assert names[0] == "tyo-backup.json"
    assert not [name for name in names if name.startswith((".cache", ".lock"))]
    restored = tmp_path / "restored"
    monkeypatch.setenv("TYO_HOME", str(restored))
    result = practice("import", str(backup))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Restored {len(original)} files from {backup} (backup of Mon 2027-01-04 09:00) "
        f"into {restored}.\n"
    )
    assert snapshot(restored) == original
    for rel in original:
        assert (restored / rel).stat().st_mtime == pytest.approx(
            (store_path / rel).stat().st_mtime, abs=1
        )
        assert oct((restored / rel).stat().st_mode & 0o777) == "0o600"
    for folder, _, _ in os.walk(restored):
        assert oct(Path(folder).stat().st_mode & 0o777) == "0o700"
    assert practice("doctor").exit_code == 0
    assert practice("undo").exit_code == 0  # the history came along


def test_import_refuses_a_store_that_is_not_empty(practice: Tyo, tmp_path: Path) -> None:
    backup = tmp_path / "b.tar.gz"
    practice("export", "--all", "-o", str(backup))
    result = practice("import", str(backup))
    assert result.exit_code == 2
    assert "is not empty: import restores into an empty store" in result.stderr


def _tamper(source: Path, target: Path, name: str, data: bytes) -> None:
    with tarfile.open(source) as tar_in, tarfile.open(target, "w:gz") as tar_out:
        for member in tar_in.getmembers():
            content = tar_in.extractfile(member)
            assert content is not None
            payload = data if member.name == name else content.read()
            member.size = len(payload)
            tar_out.addfile(member, io.BytesIO(payload))


def test_import_checks_every_file_first(
    practice: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "b.tar.gz"
    practice("export", "--all", "-o", str(backup))
    damaged = tmp_path / "damaged.tar.gz"
    _tamper(backup, damaged, "processes/ryhma.toml", b"schema = 1\n")
    restored = tmp_path / "restored"
    monkeypatch.setenv("TYO_HOME", str(restored))
    result = practice("import", str(damaged))
    assert (result.exit_code, result.stderr) == (
        1,
        f"tyo: {damaged} is not a tyo backup: processes/ryhma.toml is damaged (checksum)\n",
    )
    assert not restored.exists() or not any(restored.iterdir())
    (tmp_path / "junk.tar.gz").write_bytes(b"not an archive")
    result = practice("import", str(tmp_path / "junk.tar.gz"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tyo: {tmp_path}/junk.tar.gz is not a tyo backup: ")
    result = practice("import", str(tmp_path / "missing.tar.gz"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"tyo: no such file: {tmp_path}/missing.tar.gz\n",
    )


def test_import_refuses_paths_outside_the_store(
    practice: Tyo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        info = tarfile.TarInfo("../outside.toml")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"x=1"))
    monkeypatch.setenv("TYO_HOME", str(tmp_path / "restored"))
    result = practice("import", str(evil))
    assert result.exit_code == 1
    assert "unexpected entry '../outside.toml'" in result.stderr
    assert not (tmp_path / "outside.toml").exists()


def test_backup_is_not_written_into_the_store(practice: Tyo, store_path: Path) -> None:
    result = practice("export", "--all", "-o", str(store_path / "b.tar.gz"))
    assert result.exit_code == 2
    assert not (store_path / "b.tar.gz").exists()


def test_a_damaged_store_can_still_be_backed_up(
    practice: Tyo, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (store_path / "settings.toml").write_text("schema = [")
    backup = tmp_path / "b.tar.gz"
    result = practice("export", "--all", "-o", str(backup))
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("TYO_HOME", str(tmp_path / "restored"))
    assert practice("import", str(backup)).exit_code == 0
    assert snapshot(tmp_path / "restored") == snapshot(store_path)


@pytest.mark.parametrize(
    "command",
    [
        ("export", "--all", "-o"),
        ("export", "--participant", "Aino Virtanen", "-o"),
        ("ics", "ryhma", "-o"),
        ("summary", "ryhma", "--for", "client", "-o"),
    ],
)
def test_a_file_named_in_a_missing_folder_is_refused_alike(
    practice: Tyo, tmp_path: Path, command: tuple[str, ...]
) -> None:
    target = tmp_path / "no" / "such" / "x.out"
    result = practice("--lang", "en", *command, str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        (
            f"tyo: can't write {target}: there is no folder {target.parent}; create it first, "
            "or choose another path\n"
        ),
    )
    assert not (tmp_path / "no").exists()
