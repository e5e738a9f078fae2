"""Reading and writing the store's documents (TOML and JSON) with precise errors.

A hand-edited file with a mistake yields :class:`StoreFileError` naming the file, the line
and the problem. Every document carries ``schema``: older versions are migrated on read
(see ``MIGRATIONS``), newer ones are refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, tzinfo
from typing import Any

from tyonohjaus_cli.errors import NewerSchemaError, StoreFileError
from tyonohjaus_cli.i18n import t

SCHEMA = 1
"""The schema version of a document that any tyo since the first reads right."""
DATED_PRICES_SCHEMA = 2
"""Schema 2 adds dated price changes (``[[rate_changes]]`` and the like) to settings,
clients and processes. A document that holds one is written as schema 2, so that a tyo that
would ignore the changes, and bill every meeting at the first price, refuses it instead;
the others stay schema 1, readable by every tyo."""
NEWEST_SCHEMA = DATED_PRICES_SCHEMA
"""The newest schema this tyo reads; documents are migrated up to it on read."""

Doc = dict[str, Any]
Migration = Callable[[Doc], Doc]


def _to_dated_prices(doc: Doc) -> Doc:
    """Schema 1 → 2: a schema-1 document has no dated price changes, so every price in it
    holds from the beginning, which is what schema 2 reads a price without changes as."""
    return doc


MIGRATIONS: dict[int, Migration] = {1: _to_dated_prices}
"""Upgrades from version N to N+1, applied in turn on read."""

_LINE_COLUMN = r"\(at line (\d+), column \d+\)"  # compiled on first use, not at start-up


def parse_toml(text: str, rel: str) -> Doc:
    """Parse TOML text, turning a syntax error into file, line and problem."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(_LINE_COLUMN, message)
        problem = re.sub(_LINE_COLUMN, "", message).strip()
        raise StoreFileError(
            rel, t("not valid TOML: {problem}", problem=problem), int(match[1]) if match else None
        ) from None


def dump_toml(doc: Doc) -> str:
    """TOML text for a document; keys keep their order."""
    import tomli_w

    return tomli_w.dumps(doc, multiline_strings=True)


def parse_json(text: str, rel: str) -> Doc:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise StoreFileError(
            rel, t("not valid JSON: {problem}", problem=error.msg), error.lineno
        ) from None
    if not isinstance(value, dict):
        raise StoreFileError(rel, t("expected a JSON object at the top"), 1)
    return value


def dump_json(doc: Doc) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def migrate(doc: Doc, rel: str, text: str) -> Doc:
    """Check ``schema`` and bring an older document up to :data:`NEWEST_SCHEMA`."""
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreFileError(
            rel,
            t("missing or invalid 'schema' (expected schema = {n})", n=SCHEMA),
            line_of(text, "schema"),
        )
    if version > NEWEST_SCHEMA:
        raise NewerSchemaError(
            rel,
            t(
                "written by a newer tyo (schema {found}, this one reads up to {known}); upgrade tyo",
                found=version,
                known=NEWEST_SCHEMA,
            ),
            line_of(text, "schema"),
        )
    while version < NEWEST_SCHEMA:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["schema"] = version
    return doc


def line_of(text: str, key: str, start: int = 0) -> int | None:
    """The line where ``key =`` is first set after offset ``start``, for error messages."""
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=", re.MULTILINE)
    match = pattern.search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _header_offset(text: str, key: str, index: int, start: int, *, array: bool = True) -> int:
    """Where the ``index``-th ``[[key]]`` (or ``[key]``) header after ``start`` is (or ``start``)."""
    if not text:  # a document read back from the index: it was checked with its text
        return start
    header = rf"\[\[\s*{re.escape(key)}\s*\]\]" if array else rf"\[\s*{re.escape(key)}\s*\]"
    pattern = re.compile(rf"^\s*{header}", re.MULTILINE)
    for found, match in enumerate(pattern.finditer(text, start)):
        if found == index:
            return match.start()
    return start


_MISSING: Any = object()


def _expect_text() -> str:  # the "expected" wordings, translated only for a message
    return t("text")


def _expect_flag() -> str:
    return "true/false"


def _expect_amount() -> str:
    return t('an amount such as "95.00"')


def _expect_day() -> str:
    return t("a date such as 2027-01-12")


def _expect_moment() -> str:
    return t("a date and time such as 2027-01-12T14:00:00")


def shown(value: Any, *, in_json: bool = False) -> str:
    """A document's value as the user wrote it, for a message: dates and times as ISO text,
    ``true``/``false`` (and ``null`` in JSON), never a Python repr such as
    ``datetime.date(2027, 3, 15)``; text stays quoted, so that ``"12"`` and ``12`` differ."""
    if isinstance(value, str):
        return repr(value)
    if value is None or isinstance(value, bool):
        return json.dumps(value)  # null, true, false: as TOML and JSON spell them
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dict):
        return t("an object") if in_json else t("a table")
    if isinstance(value, list):
        return "[" + ", ".join(shown(item, in_json=in_json) for item in value) + "]"
    return str(value)


def check_unique(items: list[Fields], key: str, expected: str) -> None:
    """Tables whose ``key`` must differ: the first that repeats an earlier value is the
    mistake, named with its line (e.g. two meetings numbered 3)."""
    seen = set()
    for item in items:
        value = item.doc.get(key)
        if value in seen:
            raise item.fail(key, expected)
        seen.add(value)


class Fields:
    """Typed access to one table of a document; a wrong value names file, line and key.

    What a message needs is worked out only for a message: the offset of a table's header
    in the text (``start``, a regular-expression search) and the translated "expected ..."
    wording. Reading a process file with 30 meetings asked for both ~400 times, and every
    billing month, doctor and first run reads many files.
    """

    def __init__(
        self, doc: Doc, rel: str, text: str, *, start: int | Callable[[], int] = 0
    ) -> None:
        self.doc = doc
        self.rel = rel
        self.source = text
        self._start = start

    @property
    def start(self) -> int:
        """Where this table begins in the text: its header, found when first asked for."""
        if not isinstance(self._start, int):
            self._start = self._start()
        return self._start

    def fail(self, key: str, expected: str) -> StoreFileError:
        value = self.doc.get(key, "")
        return StoreFileError(
            self.rel,
            t(
                "'{key}' must be {expected}, not {value}",
                key=key,
                expected=expected,
                value=shown(value, in_json=self.rel.endswith(".json")),
            )
            if key in self.doc
            else t("'{key}' is missing (expected {expected})", key=key, expected=expected),
            line_of(self.source, key, self.start),
        )

    def _get(self, key: str, default: Any, expected: Callable[[], str]) -> Any:
        value = self.doc.get(key, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise self.fail(key, expected())
            return default
        return value

    def text(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default, _expect_text)
        if value is not default and not isinstance(value, str):
            raise self.fail(key, _expect_text())
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: Any = _MISSING) -> Any:
        def expected() -> str:
            return t("one of {choices}", choices=", ".join(choices))

        value = self._get(key, default, expected)
        if value is not default and value not in choices:
            raise self.fail(key, expected())
        return value

    def integer(self, key: str, default: Any = _MISSING, minimum: int = 0) -> Any:
        def expected() -> str:
            return t("a whole number from {minimum}", minimum=minimum)

        value = self._get(key, default, expected)
        if value is not default and (
            not isinstance(value, int) or isinstance(value, bool) or value < minimum
        ):
            raise self.fail(key, expected())
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default, _expect_flag)
        if not isinstance(value, bool):
            raise self.fail(key, _expect_flag())
        return value

    def amount(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default, _expect_amount)
        if value is default:
            return value
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, _expect_amount())
        from decimal import Decimal, InvalidOperation  # not loaded by commands that need no money

        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise self.fail(key, _expect_amount()) from None
        if not number.is_finite() or number < 0:
            raise self.fail(key, _expect_amount())
        return number

    def day(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default, _expect_day)
        if value is default:
            return value
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise self.fail(key, _expect_day()) from None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.fail(key, _expect_day())
        return value

    def moment(self, key: str, zone: tzinfo, default: Any = _MISSING) -> Any:
        """A time in ``zone``: a local (wall-clock) one is taken as such, an offset one converted."""
        value = self._get(key, default, _expect_moment)
        if value is default:
            return value
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                raise self.fail(key, _expect_moment()) from None
        if not isinstance(value, datetime):
            raise self.fail(key, _expect_moment())
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)

    def table(self, key: str) -> Fields:
        value = self.doc.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, t("a table"))
        return Fields(
            value,
            self.rel,
            self.source,
            start=lambda: _header_offset(self.source, key, 0, self.start, array=False),
        )

    def tables(self, key: str) -> Iterator[Fields]:
        value = self.doc.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(key, t("a list of tables"))
        for index, item in enumerate(value):

            def start(index: int = index) -> int:
                return _header_offset(self.source, key, index, self.start)

            yield Fields(item, self.rel, self.source, start=start)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.doc.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, t("a list of texts"))
        return tuple(value)
