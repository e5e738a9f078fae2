"""A month's or a year's billing view kept whole: what ``tyo billing MONTH`` or ``tyo
billing year YEAR`` printed, in ``.cache/views/`` (:mod:`storage.kept_views`).

A month's view is drawn from its kept bills (:mod:`usecases.kept_bills`) and loose ends
(:mod:`usecases.loose_ends`) and from nothing else but the language, the form asked for
(table, ``--json``, ``--csv``) and tyo itself. So what it printed is kept under the
digests of those kept rows, and given again, before the command line is even parsed, while
both are still as kept: the same checks that keep the rows (every file they are made of,
by its stamp, a hand edit included) decide, and nothing else is trusted. A view whose rows
are to be made again is drawn anew and kept anew.

A year's view is made of every client's, process's and invoice file, the settings and the
expenses (:func:`made_of.every_file`: their stamps), the language, the form and tyo; and of
the clock, from when it was drawn until the first meeting still planned in the year starts
(it then counts as not yet logged): it is kept under those, for those times.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from tyonohjaus_cli import __version__
from tyonohjaus_cli.domain.parsing import Month
from tyonohjaus_cli.i18n import language
from tyonohjaus_cli.storage import kept_views as views
from tyonohjaus_cli.usecases import kept_bills, loose_ends, made_of

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store
    from tyonohjaus_cli.usecases.kept_bills import BillView
    from tyonohjaus_cli.usecases.loose_ends import Earlier

Form = Literal["table", "json", "csv"]
Chunk = tuple[str, str]
"""A piece of what a view printed, and where (``"out"`` or ``"err"``), in the order written."""


def _name(month: Month, client_id: str | None, form: Form) -> str:
    return f"billing {month} {client_id or ''} {form} {language()}"


class MonthView(NamedTuple):
    """What a month's view is drawn from, in the form asked for, and what it is kept under."""

    form: Form
    bills: list[BillView]
    earlier: list[Earlier]
    """The loose ends (``--json``)."""
    notes: list[str]
    """What the view says of them (the table)."""
    inputs: list[Any]


def month_view(
    store: Store, month: Month, client_id: str | None, form: Form, *, now: datetime
) -> MonthView:
    """The month's bills and loose ends as the view in ``form`` shows them (CSV shows no
    loose ends), from the kept rows or made again."""
    bills, digest = kept_bills.shown_bills(store, month, client_id, now=now)
    if form == "csv":
        return MonthView(form, bills, [], [], [__version__, digest])
    if form == "json":
        earlier, said = loose_ends.kept_open(store, month, client_id, now=now)
        return MonthView(form, bills, earlier, [], [__version__, digest, said])
    notes, said = loose_ends.kept_notes(store, month, client_id, now=now)
    return MonthView(form, bills, [], notes, [__version__, digest, said])


def _inputs(
    store: Store, month: Month, client_id: str | None, form: Form, now: datetime
) -> list[Any] | None:
    """What the view is drawn from (as :attr:`MonthView.inputs`), while its rows are kept
    as they are (else ``None``): nothing is made or written."""
    bills = kept_bills.kept_digest(store, month, client_id, now=now)
    if bills is None:
        return None
    if form == "csv":
        return [__version__, bills]
    lang = None if form == "json" else language()
    earlier = loose_ends.kept_digest(store, month, client_id, lang=lang)
    return None if earlier is None else [__version__, bills, earlier]


def kept_view(
    store: Store, month: Month, client_id: str | None, form: Form, *, now: datetime
) -> list[Chunk] | None:
    """What the month's view printed, if it is kept and drawn from rows still as kept."""
    name = _name(month, client_id, form)
    if not views.is_kept(store.root, name):
        return None  # nothing to check the rows for
    inputs = _inputs(store, month, client_id, form, now)
    return None if inputs is None else views.kept_view(store.root, name, inputs)


def keep_view(
    store: Store, month: Month, client_id: str | None, view: MonthView, chunks: list[Chunk]
) -> None:
    """Keep what the month's view drawn from ``view`` just printed."""
    views.keep_view(store.root, _name(month, client_id, view.form), view.inputs, chunks)


def _year_name(year: int, form: Form) -> str:
    return f"billing year {year} {form} {language()}"


def year_inputs(store: Store) -> list[Any]:
    """What a year's view is drawn from, by stamp (read before the view is drawn: a file
    changed meanwhile makes it again next time)."""
    return [__version__, made_of.every_file(store)]


def kept_year_view(store: Store, year: int, form: Form, *, now: datetime) -> list[Chunk] | None:
    """What the year's view printed, if it is kept, nothing it is drawn from has changed,
    and the clock has not changed it yet."""
    name = _year_name(year, form)
    if not views.is_kept(store.root, name):
        return None  # nothing to check the files for
    return views.kept_view(store.root, name, year_inputs(store), now=now.timestamp())


def keep_year_view(
    store: Store,
    year: int,
    form: Form,
    inputs: list[Any],
    chunks: list[Chunk],
    *,
    drawn: datetime,
    until: datetime | None,
) -> None:
    """Keep what the year's view drawn at ``drawn`` from ``inputs`` just printed, for the
    times from ``drawn`` until ``until`` (see :func:`storage.kept_views.keep_view`)."""
    views.keep_view(
        store.root,
        _year_name(year, form),
        inputs,
        chunks,
        clock=(drawn.timestamp(), None if until is None else until.timestamp()),
    )
