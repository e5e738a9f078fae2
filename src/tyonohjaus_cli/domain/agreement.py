"""The supervision agreement (työnohjaussopimus) between supervisor and client. Pure.

What the Finnish supervisors' association's ethics ask the parties to agree in writing:
the parties and participants, form and goals, schedule and place, price, payer and
invoicing (payment days, framework agreement and order number where given), the
cancellation rule, confidentiality, how and when the goals are reviewed (with the
participants and with the client, separately), and signatures. The session log is not an
input: nothing said in a meeting can reach it.
"""

from __future__ import annotations

from datetime import date

from tyonohjaus_cli.domain import terms as words
from tyonohjaus_cli.domain.goals import agreed_with_text
from tyonohjaus_cli.domain.models import GROUP_SIZE_FOR_CO_SUPERVISION, Process
from tyonohjaus_cli.domain.progress import ReviewKind, review_points
from tyonohjaus_cli.domain.terms import Terms
from tyonohjaus_cli.domain.writers import Writer
from tyonohjaus_cli.i18n import format_date, t, tn


def _day(day: date, lang: str) -> str:
    return format_date(day, lang=lang, weekday=False)


def _participants(process: Process, lang: str) -> str:
    """Named, or counted for a large work community (a list of names helps no one there)."""
    named = process.participants
    if named and len(named) <= GROUP_SIZE_FOR_CO_SUPERVISION:
        return "\n".join(person.name for person in named)
    return words.form_text(process, lang)


def _reviews(process: Process, lang: str) -> str:
    points = [p for p in review_points(process, ()) if p.kind is not ReviewKind.FINAL]
    final = next((p for p in review_points(process, ()) if p.kind is ReviewKind.FINAL), None)
    at = [
        t("meeting {n} ({day})", lang=lang, n=p.meeting, day=_day(p.start.date(), lang))
        for p in points
    ]
    if final is not None:
        at.append(
            t(
                "the last meeting ({day})",
                lang=lang,
                day=_day(final.start.date(), lang),
            )
        )
    one = process.size == 1
    if not at and one:
        return t(
            "The goals are reviewed with the participant at the end, each scored from 1 (not "
            "at all) to 5 (fully achieved). With the client they are reviewed separately, in a "
            "meeting of the supervisor and the client after it; the client sees only the "
            "evaluations the participant agrees to share.",
            lang=lang,
        )
    if not at:
        return t(
            "The goals are reviewed with the participants at the end, each scored from 1 (not "
            "at all) to 5 (fully achieved). With the client they are reviewed separately, in a "
            "meeting of the supervisor and the client after it; the client sees only the "
            "evaluations the participants agree to share.",
            lang=lang,
        )
    when = t(" and ", lang=lang).join(at)
    if one:
        return t(
            "The goals are reviewed with the participant at {points}, each scored from 1 (not "
            "at all) to 5 (fully achieved). With the client they are reviewed separately, in a "
            "meeting of the supervisor and the client after the same points; the client sees "
            "only the evaluations the participant agrees to share.",
            lang=lang,
            points=when,
        )
    return t(
        "The goals are reviewed with the participants at {points}, each scored from 1 (not "
        "at all) to 5 (fully achieved). With the client they are reviewed separately, in a "
        "meeting of the supervisor and the client after the same points; the client sees "
        "only the evaluations the participants agree to share.",
        lang=lang,
        points=when,
    )


def write_agreement(out: Writer, terms: Terms, lang: str) -> None:
    """The agreement into ``out`` (Markdown or a PDF page)."""
    process, client, settings = terms.process, terms.client, terms.settings
    supervisor = settings.supervisor
    out.title(
        t("Work supervision agreement", lang=lang),
        t("{title}, {day}", lang=lang, title=process.title, day=_day(terms.prepared, lang)),
    )
    out.heading(t("Parties", lang=lang))
    out.facts(
        [
            (
                t("Supervisor", lang=lang),
                "\n".join(
                    part
                    for part in (
                        supervisor.name,
                        t("Business ID {id}", lang=lang, id=supervisor.business_id)
                        if supervisor.business_id
                        else "",
                        supervisor.address,
                        supervisor.email,
                    )
                    if part
                ),
            ),
            (
                t("Client", lang=lang),
                "\n".join(
                    part
                    for part in (
                        client.name,
                        t("Business ID {id}", lang=lang, id=client.business_id)
                        if client.business_id
                        else "",
                        client.address,
                        t("Attn. {name}", lang=lang, name=client.contact) if client.contact else "",
                    )
                    if part
                ),
            ),
            (t("Co-supervisor", lang=lang), process.co_supervisor),
            (t("Participants", lang=lang), _participants(process, lang)),
        ]
    )
    out.heading(t("Form and goals", lang=lang))
    out.facts(
        [
            (t("Kind", lang=lang), words.kind_text(process, lang)),
        ]
    )
    if process.goals:
        out.bullets(
            [
                f"{goal.text} ({agreed_with_text(goal.by, process.size, lang)})"
                for goal in process.goals
            ]
        )
    else:
        out.paragraph(t("The goals are agreed at the first meeting.", lang=lang))
    out.heading(t("Schedule and place", lang=lang))
    words.schedule(out, terms, lang)
    out.heading(t("Price and invoicing", lang=lang))
    words.price(out, terms, lang)
    out.facts(
        [
            (t("Payer", lang=lang), client.name),
            (
                t("Payment terms", lang=lang),
                tn("{count} day net", "{count} days net", words.payment_days(client), lang=lang),
            ),
            *terms.references,
        ]
    )
    out.paragraph(words.payment_text(client, lang))
    out.heading(t("Cancellation", lang=lang))
    out.paragraph(words.cancellation_text(client, lang))
    out.heading(t("Confidentiality", lang=lang))
    out.paragraph(
        t(
            "What is discussed in supervision is confidential, and the supervisor is bound by "
            "professional secrecy. The supervisor's notes are for the supervision only and are "
            "never given to the client. The client receives the dates, attendance counts and "
            "units of the meetings, and the evaluation of the goals agreed to be shared.",
            lang=lang,
        )
    )
    out.heading(t("Reviewing the goals", lang=lang))
    out.paragraph(_reviews(process, lang))
    out.heading(t("Signatures", lang=lang))
    out.paragraph(
        t(
            "This agreement is made in two copies, one for each party.",
            lang=lang,
        )
    )
    out.signatures(
        [
            (t("For the supervisor", lang=lang), supervisor.name),
            (t("For the client", lang=lang), client.contact or client.name),
        ],
        t("Place and date", lang=lang),
    )
