"""What a process file's text must show to be left unread by a month's view
(storage/unread.py): any doubt, and the file is read as TOML."""

from __future__ import annotations

import pytest

from tyonohjaus_cli.storage.unread import last_start, unread_before

PLAIN = """schema = 1
id = "vanha-2019"
client = "vanha"
title = "Työnohjaus 2019"
status = "closed"
created = 2019-08-17 10:00:00+03:00
closed = 2021-10-27 18:30:00+02:00

[[meetings]]
n = 1
start = 2019-09-23 15:30:00
minutes = 90
status = "held"

[[meetings]]
n = 2
start = 2020-12-31 23:30:00-05:00
minutes = 90
status = "held"
"""


def test_a_closed_process_shows_its_last_start_as_written() -> None:
    assert last_start(PLAIN) == "2020-12-31"
    assert last_start(PLAIN.replace('"closed"', "'declined'", 1)) == "2020-12-31"
    assert last_start(PLAIN.replace('"closed"', '"proposal"', 1)) == "2020-12-31"
    no_meetings = PLAIN[: PLAIN.index("[[meetings]]")]
    assert last_start(no_meetings) == ""
    reordered = PLAIN.replace("2019-09-23", "2021-03-01")
    assert last_start(reordered) == "2021-03-01"  # the latest, wherever it is
    quoted = PLAIN.replace("start = 2019-09-23", "'start'= 9999-09-23")
    assert last_start(quoted) == "9999-09-23"


def test_a_view_leaves_a_file_unread_two_days_before_its_first_day() -> None:
    """23:59 at offset -23:59 is 01:58 two days later in Helsinki (+03:00 in summer)."""
    assert unread_before("2022-01-01T00:00") == "2021-12-30"
    assert unread_before("2024-03-01T10:00") == "2024-02-28"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('status = "closed"', 'status = "active"'),
        ('status = "closed"\n', ""),  # active, as a missing status is
        ('status = "closed"\n', 'status = "closed" # kept apart\n'),  # not as tyo writes it
        ('status = "closed"', 'status = "Closed"'),
        ("status = ", "status.x = "),
        ('title = "Työnohjaus 2019"', 'title = "Ty\\u00f6nohjaus 2019"'),
        ('title = "Työnohjaus 2019"', 'title = """Työnohjaus 2019"""'),
        ('title = "Työnohjaus 2019"', "title = '''Työnohjaus 2019'''"),
        ('title = "Työnohjaus 2019"', 'title = "Restart 2019"'),
        ("start = 2019-09-23 15:30:00", 'start = "2019-09-23T15:30"'),
        ("start = 2019-09-23 15:30:00", 'start = "20260923T1530"'),
        ("start = 2019-09-23 15:30:00", "start = 12019-09-23 15:30:00"),
        ("start = 2019-09-23 15:30:00", "start = 2019-9-23 15:30:00"),
        ("\n", "\r\n"),
    ],
)
def test_any_doubt_reads_the_file(old: str, new: str) -> None:
    assert old in PLAIN
    assert last_start(PLAIN.replace(old, new)) is None


def test_a_status_in_a_table_is_not_the_processes() -> None:
    moved = PLAIN.replace('status = "closed"\n', "", 1).replace(
        "[[meetings]]\nn = 1\n", '[[meetings]]\nn = 1\nstatus = "closed"\n', 1
    )
    assert last_start(moved) is None
    first = 'status = "closed"\n' + PLAIN.replace('status = "closed"\n', "", 1)
    assert last_start(first) == "2020-12-31"  # on the first line, before any table
    assert last_start("[[meetings]]\n" + first) is None
