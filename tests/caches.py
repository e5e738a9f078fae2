"""Reading and writing tyo's index files (``.cache/*.json`` but ``doctor.json``) as tyo
does: their JSON after a line of its CRC-32 (storage/index.py, :func:`sealed`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tyonohjaus_cli.storage.index import read_sealed, sealed


def read_cache(path: Path) -> Any:
    """The document of the index file ``path``; it must be whole (its CRC-32 matches)."""
    doc = read_sealed(path.read_bytes())
    assert doc is not None, f"{path} is damaged"
    return doc


def write_cache(path: Path, doc: Any) -> None:
    """``doc`` written as tyo writes an index: a cache a test shapes by hand is read."""
    path.write_bytes(sealed(json.dumps(doc).encode()))
