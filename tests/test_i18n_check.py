"""The checker of tyo's words fails where it should: each rule on a small planted source."""

from __future__ import annotations

from textwrap import dedent

import pytest

from tests.i18n_check import Scan, scan


def _scan(source: str, **others: str) -> Scan:
    files = {"cli/x.py": dedent(source)}
    files.update({name.replace("__", "/") + ".py": dedent(text) for name, text in others.items()})
    return scan(files)


def _rules(source: str, **others: str) -> list[str]:
    return [f"{f.where} {f.rule}" for f in _scan(source, **others).findings]


# --- literal ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        'f"Wrote {n} files"',
        '"Wrote " + str(n)',
        '"Wrote %d" % n',
        '"Wrote {}".format(n)',
        "text",
        "meeting.status.value",
        'LOCAL["held"]',
    ],
)
def test_a_message_that_is_not_a_literal_fails_naming_its_line(message: str) -> None:
    source = f"""
    def f(n, meeting):
        text = "Wrote"
        LOCAL = {{"held": "held"}}
        return t({message})
    """
    assert _rules(source) == ["cli/x.py:5 literal"]


def test_messages_that_resolve_to_literals_pass_and_are_all_read() -> None:
    source = """
    from tyonohjaus_cli.domain.words import NAMES
    from tyonohjaus_cli.domain import words

    OWN = {"a": "held", "b": "planned"}
    ONE = "cancelled"

    def f(flag, key):
        t("Closed." if flag else "Open.")
        t(OWN[key])
        t(OWN.get(key, "no-show"))
        t(ONE)
        t(NAMES[key])
        t(words.NAMES[key])
    """
    found = _scan(source, domain__words='NAMES = {1: "group", 2: "crisis"}\n')
    assert found.findings == []
    assert sorted({m.text for m in found.messages}) == [
        "Closed.",
        "Open.",
        "cancelled",
        "crisis",
        "group",
        "held",
        "no-show",
        "planned",
    ]


def test_a_wrapper_is_checked_where_it_is_called() -> None:
    source = """
    def _choice(choices, expected):
        def parse(text):
            raise ValueError(t(expected))
        return parse

    def words(names):
        return {key: t(name) for key, name in names.items()}

    KINDS = {1: "group"}

    _choice(("a",), "expected a")
    _choice(("a",), f"expected {1}")
    words(KINDS)
    words({1: "crisis"})
    """
    found = _scan(source)
    assert [f"{f.where} {f.rule}" for f in found.findings] == [
        "cli/x.py:13 literal",
        "cli/x.py:15 literal",
    ]
    assert {m.text for m in found.messages} == {"expected a", "group"}


def test_t_handed_on_uncalled_fails() -> None:
    assert _rules('Column("status", t("status"), t)\n') == ["cli/x.py:1 literal"]


# --- counted ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        't("Wrote {count} files.", count=n)',  # (a) {count}
        't("{added} added.", added=len(items))',  # (b) len() and a word after it
        't("Wrote {n} files.", n=n)',  # (c) a counted noun
        't("still has {n} planned meetings", n=n)',  # (c) after one word
        't("more than {limit} characters", limit=LIMIT)',  # (c) whatever fills it
        't("{days} days net", days=d)',  # (c) directly, a word after it
    ],
)
def test_a_counted_t_message_fails(call: str) -> None:
    assert _rules(f"{call}\n") == ["cli/x.py:1 counted"]


@pytest.mark.parametrize(
    "call",
    [
        't("{held} of {planned}", held=h, planned=p)',
        't("{path}: added {added}, removed {removed}.", path=p, added=len(a), removed=len(r))',
        't("{minutes} min each", minutes=m)',
        't("Invoice {n} paid.", n=n)',
        'tn("Wrote {count} file.", "Wrote {count} files.", n)',
    ],
)
def test_a_figure_that_counts_nothing_or_a_tn_passes(call: str) -> None:
    assert _rules(f"{call}\n") == []


# --- fields -------------------------------------------------------------------------------


def test_a_placeholder_no_call_gives_fails() -> None:
    source = """
    t("Moved {n} to {day}.", n=n)
    tn("every week", "every {count} {unit}", n)
    t("Moved {n} to {day}.", **fields)
    tn("every week", "every {count} weeks", n)
    """
    assert _rules(source) == ["cli/x.py:2 fields", "cli/x.py:3 fields"]


# --- fragment -----------------------------------------------------------------------------


def test_a_translation_as_the_field_of_another_fails() -> None:
    source = """
    def status_word(status):
        return t("held") if status else t("planned")

    def f(meeting, flag):
        t("it is {status}", status=t("held"))
        t("it is {status}", status=status_word(meeting))
        t("it is {status}", status=t("held") if flag else "")
        word = t("held")
        t("it is {status}", status=word)
        t("it is {status}", status=meeting.status)
    """
    assert _rules(source) == [
        "cli/x.py:6 fragment",
        "cli/x.py:7 fragment",
        "cli/x.py:8 fragment",
        "cli/x.py:10 fragment",
    ]


def test_translations_run_together_fail_and_a_list_of_them_passes() -> None:
    source = """
    def f(names):
        a = t("No such command.") + " " + t("Did you mean this?")
        b = f"{t('cancelled')} {t('by the client')}"
        message = t("No such option.")
        message += " " + t("(Possible options: …)")
        c = t("cancelled") + " · " + t("moved")
        d = f"| {t('date')} | {t('status')} |"
        e = ", ".join([t("held"), t("with a private note")])
        g = t("held") + str(names) + t("planned")
        return t("Logged: {what}.", what=e)
    """
    assert _rules(source) == ["cli/x.py:3 fragment", "cli/x.py:4 fragment", "cli/x.py:6 fragment"]
