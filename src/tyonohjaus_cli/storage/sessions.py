"""The private session log on disk: ``sessions/<process>.json``, one file per process.

Everything in this file is confidential (DESIGN.md §2): private notes, themes, working
methods, who was present, and the goal reviews not agreed to be shared. It is kept apart
from ``processes/<process>.toml`` so that confidentiality is structural: billing, calendar
files and the client's summary read the process file only, and never open this one (a test
makes reading it fail and runs every client-facing command). What the client may know —
held or no-show, minutes, the number present, shared reviews — is on the process.

JSON, because a log grows with every meeting and is written by tyo rather than by hand;
like every store file it carries ``schema``, and a hand-edited mistake is reported with the
file, line and problem. It is written only through a store transaction (journalled, atomic,
mode 0600).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import tzinfo

from tyonohjaus_cli.domain.sessionlog import LogEntry, SessionLog
from tyonohjaus_cli.errors import StoreFileError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.codec import review_from_doc, review_to_doc
from tyonohjaus_cli.storage.documents import (
    SCHEMA,
    Doc,
    Fields,
    dump_json,
    migrate,
    parse_json,
)
from tyonohjaus_cli.storage.index import jsonable

SESSIONS = "sessions"


def session_path(process_id: str) -> str:
    return f"{SESSIONS}/{process_id}.json"


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"\s*")


def _key(key: str) -> re.Pattern[str]:
    return re.compile(rf'"{re.escape(key)}"\s*:')


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class JsonFields(Fields):
    """:class:`Fields` for a JSON document: a wrong value names the line of its key."""

    def fail(self, key: str, expected: str) -> StoreFileError:
        error = super().fail(key, expected)
        match = _key(key).search(self.source, self.start)
        line = _line(self.source, match.start()) if match else None
        return StoreFileError(self.rel, error.problem, line)

    def tables(self, key: str) -> Iterator[Fields]:
        starts = self._item_starts(key)
        for index, item in enumerate(super().tables(key)):
            start = starts[index] if index < len(starts) else self.start
            yield JsonFields(item.doc, self.rel, self.source, start=start)

    def _item_starts(self, key: str) -> list[int]:
        """Where each object of the array ``key`` begins in the text (for line numbers)."""
        match = re.compile(rf'"{re.escape(key)}"\s*:\s*\[').search(self.source, self.start)
        if not match:
            return []
        starts: list[int] = []
        position = match.end()
        while True:
            position = _SPACE.match(self.source, position).end()  # type: ignore[union-attr]
            if position >= len(self.source) or self.source[position] == "]":
                return starts
            starts.append(position)
            try:
                _, position = _DECODER.raw_decode(self.source, position)
            except ValueError:
                return starts
            position = _SPACE.match(self.source, position).end()  # type: ignore[union-attr]
            if self.source.startswith(",", position):
                position += 1


def _entry_to_doc(entry: LogEntry) -> Doc:
    return {
        "meeting": entry.meeting,
        "logged": entry.logged.replace(microsecond=0),
        "present": list(entry.present),
        "absent": list(entry.absent),
        "themes": list(entry.themes),
        "methods": list(entry.methods),
        "note": entry.note,
    }


def _entry_from_doc(fields: Fields, zone: tzinfo) -> LogEntry:
    return LogEntry(
        meeting=fields.integer("meeting", minimum=1),
        logged=fields.moment("logged", zone),
        present=fields.strings("present"),
        absent=fields.strings("absent"),
        themes=fields.strings("themes"),
        methods=fields.strings("methods"),
        note=fields.text("note", ""),
    )


def dump(log: SessionLog) -> str:
    """The file's text: entries by meeting number, reviews by day."""
    doc: Doc = {
        "schema": SCHEMA,
        "process": log.process,
        "entries": [_entry_to_doc(entry) for entry in sorted(log.entries, key=lambda e: e.meeting)],
        "reviews": [
            review_to_doc(review)
            for review in sorted(log.reviews, key=lambda r: (r.day, r.recorded, r.goal))
        ],
    }
    return dump_json(jsonable(doc))


def load(text: str | None, rel: str, process_id: str, zone: tzinfo) -> SessionLog:
    """The log in ``text`` (``None``: no meeting logged yet, an empty log)."""
    if text is None:
        return SessionLog(process_id)
    doc = migrate(parse_json(text, rel), rel, text)
    fields = JsonFields(doc, rel, text)
    if fields.text("process") != process_id:
        raise fields.fail("process", repr(process_id))
    entries = tuple(_entry_from_doc(item, zone) for item in fields.tables("entries"))
    numbers = [entry.meeting for entry in entries]
    if len(set(numbers)) != len(numbers):
        raise fields.fail("entries", t("one entry per meeting"))
    reviews = tuple(review_from_doc(item, zone) for item in fields.tables("reviews"))
    return SessionLog(process_id, entries, reviews)
