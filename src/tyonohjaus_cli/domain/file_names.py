"""The file a document is written to when ``-o`` names none: named in the document's language.

A file is handed to the one who reads it, and its name says what it holds in the words its
reader reads: an invoice in Finnish is ``lasku-1000.pdf``, in Swedish ``faktura-1000.pdf``,
in English ``invoice-1000.pdf``; the e-invoice beside it is ``lasku-1000.xml``. The language
is the document's (the client's document language, or ``--lang``), not the interface's: a
supervisor working in English for a Finnish client sends ``lasku-1000.pdf``. Any name given
with ``-o`` (an older habit's ``invoice-1000.pdf`` too) is written as given.

Not renamed: a calendar invitation's file (``hoitajat-2027-03-request.ics``: the iTIP
method, which calendars show in their own words), the vdir's files (named by UID), and an
export's ``CLIENT.json`` / ``CLIENT.md`` (named by the id the supervisor typed).
"""

from __future__ import annotations

from tyonohjaus_cli.i18n import t


def invoice_pdf(number: int, lang: str, *, credit_note: bool = False) -> str:
    """``lasku-1000.pdf``, ``hyvityslasku-1001.pdf``."""
    if credit_note:
        return t("credit-note-{number}.pdf", lang=lang, number=number)
    return t("invoice-{number}.pdf", lang=lang, number=number)


def einvoice_xml(number: int, lang: str, *, credit_note: bool, finvoice: bool) -> str:
    """``lasku-1000.xml`` (Peppol), ``lasku-1000-finvoice.xml``: the PDF's name, as XML."""
    stem = invoice_pdf(number, lang, credit_note=credit_note).removesuffix(".pdf")
    return f"{stem}-finvoice.xml" if finvoice else f"{stem}.xml"


def reminder_pdf(number: int, lang: str) -> str:
    """``maksumuistutus-1000.pdf``: the payment reminder of invoice ``number``."""
    return t("reminder-{number}.pdf", lang=lang, number=number)


def offer_file(process_id: str, lang: str, suffix: str) -> str:
    """``tarjous-kevat-2027.pdf``."""
    return t("offer-{process}.{suffix}", lang=lang, process=process_id, suffix=suffix)


def agreement_file(process_id: str, lang: str, suffix: str) -> str:
    """``sopimus-kevat-2027.pdf``."""
    return t("agreement-{process}.{suffix}", lang=lang, process=process_id, suffix=suffix)


def summary_pdf(process_id: str, lang: str, *, for_client: bool) -> str:
    """``yhteenveto-hoitajat-2027-tilaaja.pdf`` (or ``-ohjattavat``)."""
    if for_client:
        return t("summary-{process}-client.pdf", lang=lang, process=process_id)
    return t("summary-{process}-participants.pdf", lang=lang, process=process_id)
