"""``tyo offer`` and ``tyo agreement``: a process's offer and supervision agreement.

Both are written from the store's facts (the process, its client, the settings) in the
client's document language, as PDF (the invoice's fonts and layout) or Markdown. The
estimated total is billing's own (:mod:`tyonohjaus_cli.domain.estimate`). Nothing here
reads the session log.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tyonohjaus_cli.cli import output, params
from tyonohjaus_cli.cli.context import session
from tyonohjaus_cli.domain import file_names
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import format_date, t

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.models import Client, Process
    from tyonohjaus_cli.domain.terms import Terms
    from tyonohjaus_cli.domain.writers import Writer


class DocumentFormat(StrEnum):
    PDF = "pdf"
    MD = "md"


ProcessArgument = Annotated[
    str, typer.Argument(metavar="ID", help=t("The process's id (see `tyo process list`)."))
]
FormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", help=t("PDF or Markdown."), parser=params.choice(DocumentFormat)),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        metavar="FILE",
        help=t(
            "Where to write it (a PDF defaults to a file here named in the document's "
            "language, e.g. tarjous-ID.pdf; Markdown to the screen)."
        ),
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="fi|sv|en",
        help=t("Language of the document (default: the client's document language)."),
        parser=params.document_language,
        show_default=False,
    ),
]


def _references(client: Client, process: Process, lang: str) -> tuple[tuple[str, str], ...]:
    """The buyer's references where given: framework agreement, order number, reference."""
    given = (
        (t("Framework agreement", lang=lang), process.contract),
        (t("Order number", lang=lang), process.order_number),
        (t("Buyer reference", lang=lang), client.buyer_reference),
    )
    return tuple((label, str(value)) for label, value in given if value)


def _terms(process_id: str, lang: str | None) -> tuple[Terms, str]:
    """The process's terms and the document's language (the client's unless given)."""
    from tyonohjaus_cli.domain.estimate import estimate
    from tyonohjaus_cli.domain.terms import Terms

    store = session.store
    process = store.process(process_id)
    client = store.client_of(process)
    settings = store.settings()
    chosen = lang or client.language
    terms = Terms(
        settings=settings,
        client=client,
        process=process,
        estimate=estimate(settings, client, process),
        prepared=session.now().date(),
        references=_references(client, process, chosen),
    )
    return terms, chosen


def _write(
    terms: Terms,
    lang: str,
    form: DocumentFormat,
    out: Path | None,
    default_name: str,
    fill: Callable[[Writer], None],
) -> None:
    from tyonohjaus_cli.domain.writers import Markdown

    if form is DocumentFormat.MD:
        text = Markdown(lang)
        fill(text)
        if out is None:
            sys.stdout.write(text.text())
            return
        data = text.text().encode()
        path: Path = out
    else:
        from tyonohjaus_cli.render.document_pdf import PdfWriter

        page = PdfWriter(terms.settings.supervisor, lang, terms.prepared)
        fill(page)
        data = page.data()
        path = out or Path(default_name)
    output.write_out(data, path)
    if str(path) != "-":
        output.say(t("Wrote {path}.", path=str(path)))


def offer(
    process_id: ProcessArgument,
    valid_until: Annotated[
        date | None,
        typer.Option(
            "--valid-until",
            help=t("The last day the offer stands (default: 30 days from today)."),
            parser=params.day,
            show_default=False,
        ),
    ] = None,
    out: OutOption = None,
    form: FormatOption = DocumentFormat.PDF,
    lang: LangOption = None,
) -> None:
    """Write the offer of a process: the meetings, price, estimated total and terms.

    The estimated total is what billing gives once every planned meeting is held. Plan
    the process with `tyo new-process ... --proposal` first, so it stays off calendars
    and bills until `tyo process accept`.

    Example: tyo offer hoitajat-2027 --valid-until 2027-01-31 -o tarjous.pdf
    """
    from tyonohjaus_cli.domain.offer import DEFAULT_VALIDITY, write_offer

    terms, chosen = _terms(process_id, lang)
    until = valid_until or terms.prepared + DEFAULT_VALIDITY
    if until < terms.prepared:
        raise UsageError(
            t(
                "--valid-until {day} is in the past: give a day from today on",
                day=format_date(until, weekday=False),
            )
        )
    _write(
        terms,
        chosen,
        form,
        out,
        file_names.offer_file(process_id, chosen, form.value),
        lambda page: write_offer(page, terms, until, chosen),
    )


def agreement(
    process_id: ProcessArgument,
    out: OutOption = None,
    form: FormatOption = DocumentFormat.PDF,
    lang: LangOption = None,
) -> None:
    """Write the supervision agreement of a process, ready to sign.

    The parties and participants, form and goals, schedule and place, price and invoicing,
    the cancellation rule, confidentiality and how the goals are reviewed.

    Example: tyo agreement hoitajat-2027 -o sopimus.pdf
    """
    from tyonohjaus_cli.domain.agreement import write_agreement

    terms, chosen = _terms(process_id, lang)
    _write(
        terms,
        chosen,
        form,
        out,
        file_names.agreement_file(process_id, chosen, form.value),
        lambda page: write_agreement(page, terms, chosen),
    )
