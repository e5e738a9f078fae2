"""Reading and writing the store's documents (TOML and JSON) with precise errors.

A hand-edited file with a mistake yields :class:`StoreFileError` naming the file, the line
and the problem. Every document carries ``schema``: older versions are migrated on read
(see ``MIGRATIONS``), newer ones are refused.

Every value has a range, so that nothing a hand edit puts in a file can crash a command
later: documents nest at most :data:`MAX_DEPTH` levels, whole numbers are below
:data:`MAX_INTEGER`, amounts below :data:`MAX_AMOUNT`, dates within the years
:data:`~tyonohjaus_cli.domain.parsing.FIRST_YEAR` to ``LAST_YEAR``; text holds no control
characters, and the keys of :data:`ONE_LINE` no line breaks either.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any, TypeGuard

from tyonohjaus_cli.domain.parsing import FIRST_YEAR, LAST_YEAR
from tyonohjaus_cli.errors import NewerSchemaError, StoreFileError
from tyonohjaus_cli.i18n import t, tn

if TYPE_CHECKING:
    from decimal import Decimal

SCHEMA = 1
"""The schema version of a document that any tyo since the first reads right."""
DATED_PRICES_SCHEMA = 2
"""Schema 2 adds dated price changes (``[[rate_changes]]`` and the like) to settings,
clients and processes, and a meeting's own cancellation ``charge``. A document that holds one is written as schema 2, so that a tyo that
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

_LINE_COLUMN = r"\(at line (\d+), column \d+\)|\(at end of document\)"  # compiled on first use, not at start-up

MAX_DEPTH = 24
"""Levels of tables and lists a document may nest (tyo's own go four deep)."""
MAX_INTEGER = 10**9
"""Whole numbers in a document are below this, unless a key says less."""
MAX_AMOUNT = 10**9
"""Euros: an amount in a document is below this (and has at most two decimals' worth)."""
ONE_LINE = frozenset(
    {
        "id", "name", "title", "email", "contact", "uid", "online",
        "co_supervisor", "business_id", "operator", "einvoice_address", "iban", "bic",
        "client", "process", "kind", "status", "with", "by", "language", "timezone",
        "description",
    }
)  # fmt: skip
"""Keys whose text is one line: a line break in a name would break a table, an invoice
or an e-mail header. Not ``place``: an address of lines, typed with ``\\n``, which tables
show on one line (``Venue.place_line``) and a calendar's LOCATION with its lines."""


_NESTING = (dict, list)
"""What nests, as a tuple: ``isinstance(x, dict | list)`` makes the union at every call."""


def _too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests more than ``limit`` levels (without recursing): a level of
    tables and lists at a time, the few of each level picked out of the many values that
    are text and numbers by a comprehension (an invoice: 14 µs → 8)."""
    level = [value] if isinstance(value, _NESTING) else []
    for _ in range(limit):
        if not level:
            return False
        nested: list[Any] = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            nested += [child for child in children if isinstance(child, _NESTING)]
        level = nested
    return bool(level)


def _nested_too_deeply(rel: str) -> StoreFileError:
    return StoreFileError(
        rel,
        tn(
            "nested more than {count} level deep: not a tyo document",
            "nested more than {count} levels deep: not a tyo document",
            MAX_DEPTH,
        ),
    )


_TOML_PROBLEMS = {
    "Cannot overwrite a value": "not valid TOML: Cannot overwrite a value",
    "Escaped character is not a Unicode scalar value": "not valid TOML: Escaped character is not a Unicode scalar value",
    "Expected '=' after a key in a key/value pair": "not valid TOML: Expected '=' after a key in a key/value pair",
    "Expected ']' at the end of a table declaration": "not valid TOML: Expected ']' at the end of a table declaration",
    "Expected ']]' at the end of an array declaration": "not valid TOML: Expected ']]' at the end of an array declaration",
    "Expected newline or end of document after a statement": "not valid TOML: Expected newline or end of document after a statement",
    "Invalid date or datetime": "not valid TOML: Invalid date or datetime",
    "Invalid hex value": "not valid TOML: Invalid hex value",
    "Invalid initial character for a key part": "not valid TOML: Invalid initial character for a key part",
    "Invalid statement": "not valid TOML: Invalid statement",
    "Invalid value": "not valid TOML: Invalid value",
    "Unclosed array": "not valid TOML: Unclosed array",
    "Unclosed inline table": "not valid TOML: Unclosed inline table",
    "Unescaped '\\' in a string": "not valid TOML: Unescaped '\\' in a string",
    "Unterminated string": "not valid TOML: Unterminated string",
}
"""What Python's TOML reader says of a file it can't read, said whole (message ids)."""

_JSON_PROBLEMS = {
    "Expecting value": "not valid JSON: Expecting value",
    "Expecting ',' delimiter": "not valid JSON: Expecting ',' delimiter",
    "Expecting ':' delimiter": "not valid JSON: Expecting ':' delimiter",
    "Expecting property name enclosed in double quotes": "not valid JSON: Expecting property name enclosed in double quotes",
    "Extra data": "not valid JSON: Extra data",
    "Invalid control character at": "not valid JSON: Invalid control character at",
    "Invalid \\escape": "not valid JSON: Invalid \\escape",
    "Unterminated string starting at": "not valid JSON: Unterminated string starting at",
}
"""What Python's JSON reader says, the same way."""


FAST_FROM = 8
"""TOML files a command parses with tomllib before it takes the compiled reader for the rest
(:func:`read_many`): loading it costs ~1.5 ms and 4 MiB of memory, and it keeps ~6 MiB more
over a thousand files, which a few files do not pay back (tomllib ~0.5 ms a process file,
toml-rs ~0.03 ms)."""

_parsed = 0
_fast: list[Callable[[str], Doc]] | None = None
"""The compiled reader once looked for: empty where there is none (PyPy: no wheel)."""


def read_many(files: int = FAST_FROM, *, load: bool = True) -> None:
    """Say that this command is about to parse ``files`` TOML files: from
    :data:`FAST_FROM` of them on, the compiled reader is used from the first, and loaded
    now (before :mod:`.workers` forks its copies, which then share it); with ``load``
    false, by the first file read (in each copy that works aside, see ``workers.share``)."""
    global _fast, _parsed  # noqa: PLW0603 - one reader for the whole command
    if files < FAST_FROM:
        return
    _parsed = max(_parsed, FAST_FROM)
    if _fast is None and load:
        try:
            loads = _load_reader()
        except ImportError:
            _fast = []
        else:
            _fast = [functools.partial(loads, toml_version="1.0.0")]


_EAGER_COMMIT = "MIMALLOC_ARENA_EAGER_COMMIT"


def _load_reader() -> Callable[..., Doc]:
    """toml-rs's ``loads``. Its allocator (mimalloc, which reads its options from the
    environment as the library loads) would commit its arenas up front: ~4 MiB of RSS on
    loading and ~6 MiB more over 1,500 files, held to the end of the command. Told not
    to, it takes what it uses (~1 MiB). The environment is left as it was, and a setting
    of the user's own is kept."""
    told = _EAGER_COMMIT not in os.environ
    if told:
        os.environ[_EAGER_COMMIT] = "0"
    try:
        from toml_rs import loads
    finally:
        if told:
            os.environ.pop(_EAGER_COMMIT, None)
    return loads


def _read_fast(text: str) -> Doc | None:
    """``text`` read by the compiled reader when it is in use; ``None`` for anything it
    does not read exactly as tomllib would (tomllib then reads it, and names the error)."""
    global _parsed  # noqa: PLW0603
    _parsed += 1
    if _parsed < FAST_FROM or text.startswith("\ufeff"):  # tomllib refuses a byte-order mark
        return None
    read_many()
    for fast in _fast or ():
        try:
            doc = fast(text)
        except Exception:  # whatever it refuses (or fails at), tomllib judges
            return None
        return None if _doubtful(doc) else doc
    return None


_INT64 = (-(2**63), 2**63)


def _doubtful(doc: Doc) -> bool:
    """Whether toml-rs's reading of ``doc`` may not be tomllib's: nested deeper than tyo
    reads (tomllib then tells how), or a whole number beyond 64 bits (toml-rs reads a long
    hexadecimal one wrong, and one of 5,000 digits that tomllib refuses)."""
    low, high = _INT64
    level: list[Any] = [doc]
    for _ in range(MAX_DEPTH):  # a level of tables and lists at a time
        nested = []
        for item in level:
            for child in item.values() if isinstance(item, dict) else item:
                kind = type(child)
                if kind is str or kind is datetime:  # most values: tested by type alone
                    continue
                if kind is int:
                    if not low <= child < high:
                        return True
                elif kind is dict or kind is list:
                    nested.append(child)
                elif isinstance(child, int):  # a bool
                    if not low <= child < high:
                        return True
                elif isinstance(child, _NESTING):
                    nested.append(child)
        if not nested:
            return False
        level = nested
    return True


def parse_toml(text: str, rel: str) -> Doc:
    """Parse TOML text, turning a syntax error into file, line and problem.

    A command reading many files reads them with toml-rs (Rust, in its TOML 1.0 mode,
    which the differential tests hold to tomllib's documents); tomllib stays the judge of
    every file that toml-rs refuses, so a mistake is told exactly as tomllib tells it.
    """
    fast = _read_fast(text)
    if fast is not None:
        return fast
    import tomllib

    try:
        doc = tomllib.loads(text)
    except RecursionError:
        raise _nested_too_deeply(rel) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(_LINE_COLUMN, message)
        problem = re.sub(_LINE_COLUMN, "", message).strip()
        said = (
            t(_TOML_PROBLEMS[problem])
            if problem in _TOML_PROBLEMS
            else t("not valid TOML: {problem}", problem=problem)
        )
        raise StoreFileError(rel, said, int(match[1]) if match and match[1] else None) from None
    except ValueError as error:  # a whole number of thousands of digits
        raise StoreFileError(rel, t("not valid TOML: {problem}", problem=error)) from None
    if _too_deep(doc):
        raise _nested_too_deeply(rel)
    return doc


def dump_toml(doc: Doc) -> str:
    """TOML text for a document; keys keep their order."""
    import tomli_w

    return tomli_w.dumps(doc, multiline_strings=True)


def parse_json(text: str, rel: str) -> Doc:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        said = (
            t(_JSON_PROBLEMS[error.msg])
            if error.msg in _JSON_PROBLEMS
            else t("not valid JSON: {problem}", problem=error.msg)
        )
        raise StoreFileError(rel, said, error.lineno) from None
    except RecursionError:
        raise _nested_too_deeply(rel) from None
    except ValueError as error:  # a whole number of thousands of digits
        raise StoreFileError(rel, t("not valid JSON: {problem}", problem=error)) from None
    if not isinstance(value, dict):
        raise StoreFileError(rel, t("expected a JSON object at the top"), 1)
    if _too_deep(value):
        raise _nested_too_deeply(rel)
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


def _header_starts(text: str, key: str, *, array: bool) -> list[int]:
    """Where every ``[[key]]`` (or ``[key]``) header of ``text`` starts, in order."""
    header = rf"\[\[\s*{re.escape(key)}\s*\]\]" if array else rf"\[\s*{re.escape(key)}\s*\]"
    pattern = re.compile(rf"^\s*{header}", re.MULTILINE)
    return [match.start() for match in pattern.finditer(text)]


def _header_offset(starts: list[int], index: int, start: int) -> int:
    """Where the ``index``-th header of ``starts`` after ``start`` is (or ``start``)."""
    import bisect

    first = bisect.bisect_left(starts, start)
    return starts[first + index] if first + index < len(starts) else start


_MISSING: Any = object()


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


Wording = Callable[[], str]
"""What a value should be, worded only when a message needs it: a store of 1,500 process
files reads some 270,000 values, and translating what each of them should be, to say it
only for the one that is wrong, was ~40 % of decoding a process."""


def _text() -> str:
    return t("text")


def _one_line() -> str:
    return t("one line of text, without control characters")


def _no_controls() -> str:
    return t("text without control characters")


def _amount() -> str:
    return t('an amount such as "95.00"')


def _day() -> str:
    return t("a date such as 2027-01-12")


def _moment() -> str:
    return t("a date and time such as 2027-01-12T14:00:00")


def _whole_number(minimum: int, maximum: int) -> str:
    if maximum < MAX_INTEGER - 1:
        return t("a whole number from {minimum} to {maximum}", minimum=minimum, maximum=maximum)
    return t("a whole number from {minimum}", minimum=minimum)


def _one_of(choices: tuple[str, ...]) -> str:
    return t("one of {choices}", choices=", ".join(choices))


def check_unique(items: list[Fields], key: str, expected: str | Wording) -> None:
    """Tables whose ``key`` must differ: the first that repeats an earlier value is the
    mistake, named with its line (e.g. two meetings numbered 3)."""
    seen = set()
    for item in items:
        value = item.doc.get(key)
        if value in seen:
            raise item.fail(key, expected if isinstance(expected, str) else expected())
        seen.add(value)


class Fields:
    """Typed access to one table of a document; a wrong value names file, line and key."""

    def __init__(
        self,
        doc: Doc,
        rel: str,
        text: str,
        *,
        start: int = 0,
        headers: dict[tuple[str, bool], list[int]] | None = None,
    ) -> None:
        self.doc = doc
        self.rel = rel
        self.source = text
        self._start = start
        self._place: tuple[Fields, str, int, bool] | None = None
        self._headers = {} if headers is None else headers
        """The header positions of the text, found once for every table of the document:
        a process of thousands of meetings is read in linear time."""

    @property
    def start(self) -> int:
        """Where this table begins in the text: found when a message needs its line, since
        finding it means scanning the text for the table's headers."""
        if self._place is not None:
            parent, key, index, array = self._place
            self._start, self._place = parent._offset(key, index, array=array), None
        return self._start

    def _child(self, doc: Doc, key: str, index: int, *, array: bool) -> Fields:
        if not self.source:  # a document read back from the index: no lines to name
            return Fields(doc, self.rel, "", start=self._start, headers=self._headers)
        child = Fields(doc, self.rel, self.source, headers=self._headers)
        child._place = (self, key, index, array)
        return child

    def _offset(self, key: str, index: int, *, array: bool = True) -> int:
        if not self.source:  # a document read back from the index: checked with its text
            return self.start
        starts = self._headers.get((key, array))
        if starts is None:
            starts = self._headers[key, array] = _header_starts(self.source, key, array=array)
        return _header_offset(starts, index, self.start)

    def fail(self, key: str, expected: str) -> StoreFileError:
        value = self.doc.get(key, "")
        named = key if key.isprintable() else repr(key)[1:-1]  # a hand-typed key: one line
        return StoreFileError(
            self.rel,
            t(
                "'{key}' must be {expected}, not {value}",
                key=named,
                expected=expected,
                value=shown(value, in_json=self.rel.endswith(".json")),
            )
            if key in self.doc
            else t("'{key}' is missing (expected {expected})", key=named, expected=expected),
            line_of(self.source, key, self.start),
        )

    def _get(self, key: str, default: Any, expected: Wording) -> Any:
        value = self.doc.get(key, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise self.fail(key, expected())
            return default
        return value

    def text(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default, _text)
        if value is default:
            return value
        if not isinstance(value, str):
            raise self.fail(key, _text())
        if key in ONE_LINE:
            if not one_line(value):
                raise self.fail(key, _one_line())
        elif has_control(value):
            raise self.fail(key, _no_controls())
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: Any = _MISSING) -> Any:
        value = self._get(key, default, lambda: _one_of(choices))
        if value is not default and value not in choices:
            raise self.fail(key, _one_of(choices))
        return value

    def integer(
        self, key: str, default: Any = _MISSING, minimum: int = 0, maximum: int = MAX_INTEGER - 1
    ) -> Any:
        value = self._get(key, default, lambda: _whole_number(minimum, maximum))
        if value is not default and (
            not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum
        ):
            raise self.fail(key, _whole_number(minimum, maximum))
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default, lambda: "true/false")
        if not isinstance(value, bool):
            raise self.fail(key, "true/false")
        return value

    def amount(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default, _amount)
        if value is default:
            return value
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, _amount())
        number = _checked_amount(str(value))
        if number is None:
            raise self.fail(key, _amount())
        return number

    def day(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default, _day)
        if value is default:
            return value
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise self.fail(key, _day()) from None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.fail(key, _day())
        if not in_years(value):
            raise self.fail(key, years_expected())
        return value

    def moment(self, key: str, zone: tzinfo, default: Any = _MISSING) -> Any:
        """A time in ``zone``: a local (wall-clock) one is taken as such, an offset one converted."""
        value = self._get(key, default, _moment)
        if value is default:
            return value
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                raise self.fail(key, _moment()) from None
        if not isinstance(value, datetime):
            raise self.fail(key, _moment())
        if not in_years(value):
            raise self.fail(key, years_expected())
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)

    def line_of_table(self, key: str, index: int) -> int | None:
        """The line of the ``index``-th ``[[key]]`` table, for a message."""
        if not self.source:
            return None
        offset = self._offset(key, index)
        offset += len(self.source[offset:]) - len(self.source[offset:].lstrip())
        return self.source.count("\n", 0, offset) + 1

    def table(self, key: str) -> Fields:
        value = self.doc.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, t("a table"))
        return self._child(value, key, 0, array=False)

    def tables(self, key: str) -> Iterator[Fields]:
        for index, item in enumerate(self.table_docs(key)):
            yield self._child(item, key, index, array=True)

    def table_docs(self, key: str) -> list[Doc]:
        """The tables of the list ``key`` as they are (none if absent), for a reader that
        takes most of them straight and :meth:`table_at` for the rest."""
        value = self.doc.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(key, t("a list of tables"))
        return value

    def table_at(self, key: str, index: int) -> Fields:
        """The ``index``-th table of the list ``key`` (see :meth:`table_docs`)."""
        return self._child(self.table_docs(key)[index], key, index, array=True)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.doc.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(item, str) and not has_control(item) for item in value
        ):
            raise self.fail(key, t("a list of texts"))
        return tuple(value)


@functools.lru_cache(maxsize=256)
def _checked_amount(written: str) -> Decimal | None:
    """The amount ``written`` says, if it is one a document may hold; else ``None``. Kept
    for the texts seen: a store's amounts are a few prices and percents written again and
    again (a year's invoices hold ~6,000), and a ``Decimal`` never changes."""
    from decimal import Decimal, InvalidOperation  # not loaded by commands that need no money

    try:
        number = Decimal(written)
    except InvalidOperation:
        return None
    if (
        len(written) > 40
        or not number.is_finite()
        or number < 0
        or number >= MAX_AMOUNT
        or number.as_tuple().exponent < -12  # type: ignore[operator]
    ):
        return None
    return number


def plain_line(value: object) -> TypeGuard[str]:
    """Text as :meth:`Fields.text` takes it for a key of ``ONE_LINE``."""
    return type(value) is str and (value.isprintable() or one_line(value))


def plain_prose(value: object) -> TypeGuard[str]:
    """Text as :meth:`Fields.text` takes it for any other key (line breaks allowed)."""
    return type(value) is str and (value.isprintable() or not has_control(value))


def plain_whole(value: object, minimum: int) -> TypeGuard[int]:
    """A whole number as :meth:`Fields.integer` takes it, up to its default maximum."""
    return type(value) is int and minimum <= value < MAX_INTEGER


def plain_day(value: object) -> date | None:
    """``value`` as :meth:`Fields.day` reads a day written as ISO text (a JSON file's);
    ``None`` for anything else, which the long way then words."""
    if type(value) is not str:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def plain_moment(value: Any, zone: tzinfo) -> datetime | None:
    """``value`` as :meth:`Fields.moment` reads it when it reads it plainly (a date and
    time, or its ISO text, within the years); ``None`` for anything else, which the long
    way then words. ``datetime.combine`` sets the zone some six times faster than
    ``replace`` (15,000 meetings in a twenty-year store), with the same fields and fold."""
    if type(value) is str:
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if type(value) is not datetime or not FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    if value.tzinfo is None:
        return datetime.combine(value, value.time(), zone)
    return value.astimezone(zone)


CONTROLS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
"""The control characters (Unicode's ``Cc``: C0, DEL and C1) but a line break and a tab."""
BREAKS = "[\x00-\x1f\x7f-\x9f\u2028\u2029]"
"""Every control character, and the line and paragraph separators (``Zl``, ``Zp``)."""


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled on first use, not at start-up."""
    return re.compile(pattern)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character other than a line break or a tab (ESC
    and BEL would act on the terminal that prints it). Searched for by a pattern of them,
    not by each character's category (an address of lines: 5 µs → 0.8)."""
    return not text.isprintable() and _compiled(CONTROLS).search(text) is not None


def one_line(text: str) -> bool:
    """Whether ``text`` is one line without control characters (as a typed name must be)."""
    return text.isprintable() or _compiled(BREAKS).search(text) is None


def in_years(value: date) -> bool:
    return FIRST_YEAR <= value.year <= LAST_YEAR


def years_expected() -> str:
    return t("a date in the years {first} to {last}", first=FIRST_YEAR, last=LAST_YEAR)
