"""What ``tyo doctor`` found in each document it checked before, by the document's content.

``tyo doctor`` reads every byte of every file on every run: that is what it is for (a
disk that flips a bit, a backup restored with its old times, an edit that kept the size
and the second are all changes that a file's stamp does not show). Parsing and decoding
them is what takes the time: about 0.7 ms a process file, a second for a twenty-year
practice. So ``.cache/doctor.json`` keeps, for each document that was in order, a digest
of its bytes and the few facts the checks across files need (a process's client and
calendar UIDs, the invoices a document names, ...). A document whose bytes have that
digest is one this tyo has parsed and decoded before and found in order: decoding is a
function of the bytes, so it would be found in order again. Every other document is
parsed and decoded in full, as ``tyo doctor`` always did.

The entries hold only under the :func:`fingerprint` they were made with: the tyo that
made them (its version and the size and time of each of its modules), the Python (its
TOML parser), toml-rs (the TOML reader of a command that reads many files: the size and
time of its files), python-stdnum (which checks an invoice's IBAN: the size and time of the
files that hold its version and its IBAN rules) and the store's time zone.
Any change of these, and every document is decoded again. Like every cache, the file is
derived and may be deleted at any time; one that does not read is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from tyonohjaus_cli.digests import digest
from tyonohjaus_cli.storage.files import READ_LIMIT, atomic_write, read_bytes
from tyonohjaus_cli.storage.index import CACHE

NAME = "doctor.json"
_VERSION = 1


def fingerprint(zone: str) -> str:
    """What the verdicts depend on besides a document's bytes (see the module)."""
    import tyonohjaus_cli

    package = Path(tyonohjaus_cli.__file__).parent
    parts = [tyonohjaus_cli.__version__, sys.version, zone]
    # python-stdnum by the files that say its version and check an IBAN: importing it
    # would cost more than the rest of a doctor that has nothing new to decode.
    spec = importlib.util.find_spec("stdnum")
    if spec is not None and spec.origin:
        for name in ("__init__.py", "iban.py", "iban.dat"):
            with contextlib.suppress(OSError):
                info = Path(spec.origin).with_name(name).stat()
                parts.append(f"stdnum/{name}:{info.st_size}:{info.st_mtime_ns}")
    # toml-rs, which reads the TOML when there are many files: by the files of its package.
    spec = importlib.util.find_spec("toml_rs")
    if spec is not None and spec.origin:
        with contextlib.suppress(OSError), os.scandir(Path(spec.origin).parent) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_file(follow_symlinks=False):
                    info = entry.stat(follow_symlinks=False)
                    parts.append(f"toml_rs/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    folders = [package]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    info = entry.stat(follow_symlinks=False)
                    parts.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
    return digest("\n".join(parts).encode())


class Checked:
    """The documents found in order before, under one :func:`fingerprint`."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.path = root / CACHE / NAME
        self.fingerprint = fingerprint
        self.before: dict[str, list[Any]] = {}
        self.now: dict[str, list[Any]] = {}
        self.readable = False
        """Whether the file was there and read as a cache (the damage check need not
        read it again)."""
        with contextlib.suppress(OSError, ValueError, RecursionError):
            doc = json.loads(read_bytes(self.path, 8 * READ_LIMIT))
            self.readable = isinstance(doc, dict)
            if self.readable and doc.get("version") == _VERSION:
                files = doc.get("files")
                if doc.get("fingerprint") == fingerprint and isinstance(files, dict):
                    self.before = files

    def facts(self, rel: str, digest: str) -> dict[str, Any] | None:
        """What was found of ``rel`` when its bytes had ``digest``, if it was in order."""
        entry = self.before.get(rel)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            facts = entry[1]
            if isinstance(facts, dict):
                self.now[rel] = entry
                return facts
        return None

    def keep(self, rel: str, digest: str, facts: dict[str, Any]) -> None:
        """Remember that ``rel``, with bytes of ``digest``, was found in order."""
        self.now[rel] = [digest, facts]

    def save(self) -> None:
        """Write what this run found, if it differs; a store that can't be written to (or
        whose ``.cache`` is not a folder) simply keeps no cache."""
        if self.now == self.before:
            return
        with contextlib.suppress(OSError):
            atomic_write(self.path, self._encoded(), durable=False)

    def _encoded(self) -> bytearray:
        """The file's JSON, an entry at a time: ``json.dumps`` of the whole would hold a
        piece of text for each of the 15,000 calendar UIDs at once (3.7 MiB for a moment,
        the peak of a ``tyo doctor`` that found changes)."""
        encode = json.JSONEncoder(separators=(",", ":")).encode
        head = {"version": _VERSION, "fingerprint": self.fingerprint}
        data = bytearray(encode(head)[:-1].encode())
        data += b',"files":{'
        for rel, entry in self.now.items():
            data += encode(rel).encode()
            data += b":"
            data += encode(entry).encode()
            data += b","
        if self.now:
            data[-1:] = b"}"
        else:
            data += b"}"
        data += b"}"
        return data
