"""Values as ``--json`` and ``--csv`` show them: for scripts, not people.

ISO 8601 times with offset, amounts as strings with two decimals, enumerations as their
values. The JSON keys are a stable contract, tested for exact equality. Imported only when
``--json`` or ``--csv`` is asked for: tables need none of it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def machine(value: Any) -> Any:  # noqa: PLR0911 - one return per kind of value
    """A value as ``--json`` and ``--csv`` show it."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: machine(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [machine(item) for item in value]
    return value


def json_text(payload: Any) -> str:
    """``payload`` as indented JSON text, machine values, a newline at the end."""
    return json.dumps(machine(payload), ensure_ascii=False, indent=2) + "\n"


def print_json(payload: Any) -> None:
    sys.stdout.write(json_text(payload))


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = r"-?\d+(?:\.\d+)?"


def cell(value: Any) -> Any:
    """A CSV field a spreadsheet can't run: text starting with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return gets a leading ``'`` (OWASP's advice against CSV
    injection); a plain number such as ``-5.00`` stays as it is."""
    import re

    if (
        isinstance(value, str)
        and value.startswith(_FORMULA_STARTS)
        and not re.fullmatch(_NUMBER, value)
    ):
        return "'" + value
    return value


def print_csv(keys: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """CSV with a header of ``keys``; an absent or ``None`` value is an empty field; every
    field is neutralised with :func:`cell`."""
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow([cell(key) for key in keys])
    for row in rows:
        writer.writerow(["" if row.get(key) is None else cell(machine(row[key])) for key in keys])
