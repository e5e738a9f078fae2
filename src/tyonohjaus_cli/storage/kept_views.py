"""Views kept whole in ``.cache/views/``: derived, and safe to delete or damage.

Each view is a file of its own (``<digest of its name>.view``): a line of JSON (its name,
what it was drawn from, each piece's stream and length, and from when until when the clock
alone leaves it as it is) and what it printed after it, read back without decoding it.
Anything unreadable or misshapen counts as absent.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from tyonohjaus_cli.digests import digest
from tyonohjaus_cli.storage.files import atomic_write, read_bytes
from tyonohjaus_cli.storage.index import CACHE

VIEWS = "views"
_VERSION = 3
KEPT_VIEWS = 24
"""Views kept at most: the newest (a month's view in each form, for the months at hand)."""
STREAMS = ("out", "err")
"""Where a piece was printed: stdout or stderr."""


def _path(root: Path, name: str) -> Path:
    return root / CACHE / VIEWS / f"{digest(name.encode())}.view"


def is_kept(root: Path, name: str) -> bool:
    """Whether a view ``name`` is kept at all (what it was drawn from unchecked)."""
    return _path(root, name).is_file()


def kept_view(
    root: Path, name: str, inputs: list[Any], *, now: float | None = None
) -> list[tuple[str, str]] | None:
    """What the view ``name`` printed, piece by piece, if it was drawn from exactly
    ``inputs`` and ``now`` (POSIX seconds) is within the times it holds for."""
    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
        head, _, body = read_bytes(_path(root, name)).partition(b"\n")
        version, kept_name, made_of, pieces, clock = json.loads(head)
        if version != _VERSION or kept_name != name or made_of != inputs:
            return None
        if clock is not None and not (now is not None and _within(now, *clock)):
            return None
        text = body.decode("utf-8")
        chunks: list[tuple[str, str]] = []
        at = 0
        for stream, size in pieces:
            if stream not in STREAMS or type(size) is not int or size < 0:
                return None
            chunks.append((stream, text[at : at + size]))
            at += size
        return chunks if at == len(text) else None
    return None


def _within(now: float, since: Any, until: Any) -> bool:
    """Whether ``now`` is from ``since`` up to ``until`` (``None``: no end), both kept as
    POSIX seconds."""
    return (
        type(since) in (int, float)
        and since <= now
        and (until is None or (type(until) in (int, float) and now <= until))
    )


def keep_view(
    root: Path,
    name: str,
    inputs: list[Any],
    chunks: list[tuple[str, str]],
    *,
    clock: tuple[float, float | None] | None = None,
) -> None:
    """Keep what the view ``name`` printed under ``inputs``; with ``clock`` (POSIX
    seconds), only for the times from its first up to its second (``None``: no end), both
    included: a view the clock changes (meetings planned before the moment count as not
    yet logged) holds from when it was drawn (a clock set back may put a planned meeting
    ahead again) until the next planned meeting starts. A store we can't write keeps
    none."""
    pieces = [[stream, len(text)] for stream, text in chunks]
    head = json.dumps(
        [_VERSION, name, inputs, pieces, None if clock is None else list(clock)],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    data = "\n".join([head, "".join(text for _, text in chunks)]).encode("utf-8")
    path = _path(root, name)
    with contextlib.suppress(OSError):
        atomic_write(path, data, durable=False)
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """Delete all but the :data:`KEPT_VIEWS` newest views."""
    with os.scandir(folder) as entries:
        found = [
            (entry.stat().st_mtime_ns, entry.path)
            for entry in entries
            if entry.name.endswith(".view")
        ]
    for _, old in sorted(found)[:-KEPT_VIEWS]:
        with contextlib.suppress(FileNotFoundError):
            Path(old).unlink()
