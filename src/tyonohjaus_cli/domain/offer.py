"""The offer (tarjous) of a process planned as a proposal, in the client's words. Pure.

Who it is for, the kind and form of supervision, the planned meetings, the price and the
estimated total by billing's own rules (:mod:`estimate`), the cancellation terms and how
long the offer is valid. Nothing from the session log is an input.
"""

from __future__ import annotations

from datetime import date, timedelta

from tyonohjaus_cli.domain import terms as words
from tyonohjaus_cli.domain.terms import Terms
from tyonohjaus_cli.domain.writers import Writer
from tyonohjaus_cli.i18n import format_date, t

DEFAULT_VALIDITY = timedelta(days=30)
"""An offer is valid for 30 days unless ``--valid-until`` says otherwise."""


def _day(day: date, lang: str) -> str:
    return format_date(day, lang=lang, weekday=False)


def write_offer(out: Writer, terms: Terms, valid_until: date, lang: str) -> None:
    """The offer into ``out`` (Markdown or a PDF page)."""
    process, client, supervisor = terms.process, terms.client, terms.settings.supervisor
    out.title(
        t("Offer", lang=lang),
        t(
            "{day}, valid until {until}",
            lang=lang,
            day=_day(terms.prepared, lang),
            until=_day(valid_until, lang),
        ),
    )
    out.facts(
        [
            (t("To", lang=lang), "\n".join(p for p in (client.name, client.address) if p)),
            (t("Attn.", lang=lang), client.contact),
            (t("Business ID", lang=lang), client.business_id),
            (t("Supervision process", lang=lang), process.title),
            *terms.references,
        ]
    )
    out.paragraph(
        t(
            "Thank you for your request. I offer the supervision described below on these terms.",
            lang=lang,
        )
    )
    out.heading(t("Supervision", lang=lang))
    out.facts(
        [
            (t("Kind", lang=lang), words.kind_text(process, lang)),
            (t("Group size", lang=lang), words.form_text(process, lang)),
        ]
    )
    if process.goals:
        out.subheading(t("Goals proposed", lang=lang))
        out.bullets([goal.text for goal in process.goals])
    out.heading(t("Planned meetings", lang=lang))
    words.schedule(out, terms, lang)
    out.heading(t("Price", lang=lang))
    words.price(out, terms, lang)
    out.heading(t("Cancellation and payment", lang=lang))
    out.paragraph(words.cancellation_text(client, lang))
    out.paragraph(words.payment_text(client, lang))
    out.heading(t("Validity", lang=lang))
    out.paragraph(
        t(
            "This offer is valid until {until}. Once it is accepted, we make a written "
            "supervision agreement and the meeting dates are confirmed.",
            lang=lang,
            until=_day(valid_until, lang),
        )
    )
    out.signature(
        [
            t("Kind regards,", lang=lang),
            supervisor.name,
            t("Work supervisor", lang=lang),
            supervisor.email,
            supervisor.phone,
        ]
    )
