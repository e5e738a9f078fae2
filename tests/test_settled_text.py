"""What a process file's text must show to be left unread by a first month's view
(storage/settled.py): any doubt, and the file is read as TOML."""

from __future__ import annotations

import pytest

from tyonohjaus_cli.storage.settled import plainly_settled

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


def test_a_closed_process_with_every_meeting_before_the_year_is_plainly_settled() -> None:
    assert plainly_settled(PLAIN, 2021)
    assert plainly_settled(PLAIN.replace('"closed"', "'declined'", 1), 2021)
    assert plainly_settled(PLAIN.replace('"closed"', '"proposal"', 1), 2021)
    assert not plainly_settled(PLAIN, 2020)  # a meeting in 2020


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
        ("start = 2019-09-23 15:30:00", "start = 2021-01-01 00:00:00"),
        ("start = 2019-09-23 15:30:00", "start = 12019-09-23 15:30:00"),
        ("start = 2019-09-23 15:30:00", '"start" = 9999-09-23 15:30:00'),
        ("\n", "\r\n"),
    ],
)
def test_any_doubt_reads_the_file(old: str, new: str) -> None:
    assert old in PLAIN
    assert not plainly_settled(PLAIN.replace(old, new), 2021)


def test_a_status_in_a_table_is_not_the_processes() -> None:
    moved = PLAIN.replace('status = "closed"\n', "", 1).replace(
        "[[meetings]]\nn = 1\n", '[[meetings]]\nn = 1\nstatus = "closed"\n', 1
    )
    assert not plainly_settled(moved, 2021)
    first = 'status = "closed"\n' + PLAIN.replace('status = "closed"\n', "", 1)
    assert plainly_settled(first, 2021)  # on the first line, before any table
    assert not plainly_settled("[[meetings]]\n" + first, 2021)


@pytest.mark.parametrize("least", [0, 1, 999, 1000, 2000, 2021, 2099, 2100, 9999])
def test_a_start_is_before_the_year_exactly_when_its_year_is_less(least: int) -> None:
    for year in [*range(0, 10000, 97), least - 1, least, least + 1]:
        if 0 <= year <= 9999:
            text = PLAIN.replace("2020-12-31 23:30:00-05:00", f"{year:04d}-12-31 23:30:00")
            text = text.replace("2019-09-23", "0000-01-01")
            assert plainly_settled(text, least) == (year < least), (year, least)
