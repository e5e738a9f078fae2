"""Writers of a document's content: plain text and Markdown (the PDF one is in
:mod:`tyonohjaus_cli.render.document_pdf`). A document (summary, offer, agreement, payment
reminder) is described once, as calls on a writer, so every form says the same things.
"""

from __future__ import annotations

from collections.abc import Sequence


class Writer:
    """Plain text: underlined headings, aligned labels and columns.

    ``lang`` is the document's language: the mark of an erased name is put into its words
    (:mod:`~tyonohjaus_cli.domain.erased`) as the text is taken out.
    """

    def __init__(self, lang: str | None = None) -> None:
        self.lines: list[str] = []
        self.lang = lang

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def title(self, text: str, subtitle: str) -> None:
        self.lines += [text.upper(), subtitle]
        self.blank()

    def heading(self, text: str) -> None:
        self.blank()
        self.lines += [text, "-" * len(text)]

    def subheading(self, text: str) -> None:
        self.blank()
        self.lines.append(text)

    def paragraph(self, text: str) -> None:
        self.lines.append(text)

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        shown = [(label, value) for label, value in pairs if value]
        width = max((len(label) for label, _ in shown), default=0) + 1
        self.lines += [f"{label + ':':<{width}} {value}".rstrip() for label, value in shown]

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> None:
        widths = [max(len(cell) for cell in column) for column in zip(head, *rows, strict=True)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                cell.rjust(width) if index in right else cell.ljust(width)
                for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()

        self.lines += [line(head), *(line(row) for row in rows)]

    def bullets(self, items: Sequence[str]) -> None:
        self.lines += [f"- {item}" for item in items]

    def signature(self, lines: Sequence[str]) -> None:
        self.blank()
        self.lines += [line for line in lines if line]

    def signatures(self, parties: Sequence[tuple[str, str]], place_and_date: str) -> None:
        """Signature lines: for each party its role, a line to sign on, and its name."""
        self.blank()
        for role, name in parties:
            self.lines += [f"{role}:", "", f"{place_and_date} ____________________", "", "_" * 36]
            self.lines += [name, ""]

    def barcode(self, digits: str) -> None:
        """A bank barcode: drawn on a PDF page; the digits are given as facts elsewhere."""

    def text(self) -> str:
        from tyonohjaus_cli.domain.erased import shown

        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return shown("\n".join(self.lines) + "\n", self.lang)


def md_escape(text: str) -> str:
    """Quoted text, its line breaks kept (a multi-line value such as an address): every
    character that starts Markdown syntax escaped (see :mod:`markdown`)."""
    from tyonohjaus_cli.domain.markdown import escape

    return "\n".join(escape(line) for line in text.split("\n"))


class Markdown(Writer):
    """Markdown: headings, a bold-labelled list of facts, pipe tables."""

    def title(self, text: str, subtitle: str) -> None:
        self.lines += [f"# {md_escape(text)}", "", f"*{md_escape(subtitle)}*"]
        self.blank()

    def heading(self, text: str) -> None:
        self.blank()
        self.lines += [f"## {md_escape(text)}", ""]

    def subheading(self, text: str) -> None:
        self.blank()
        self.lines += [f"### {md_escape(text)}", ""]

    def paragraph(self, text: str) -> None:
        from tyonohjaus_cli.domain.markdown import escape_line

        self.lines.append(escape_line(text))
        self.blank()

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        # A value of several lines (an address) stays in its item: hard breaks, indented.
        self.lines += [
            f"- **{md_escape(label)}:** " + md_escape(value).replace("\n", "  \n  ")
            for label, value in pairs
            if value
        ]
        self.blank()

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> None:
        rule = ["---:" if index in right else "---" for index in range(len(head))]
        for cells in (head, rule, *rows):
            escaped = cells if cells is rule else [md_escape(cell) for cell in cells]
            self.lines.append("| " + " | ".join(escaped) + " |")
        self.blank()

    def bullets(self, items: Sequence[str]) -> None:
        from tyonohjaus_cli.domain.markdown import escape

        self.lines += [f"- {escape(item)}" for item in items]
        self.blank()

    def signature(self, lines: Sequence[str]) -> None:
        # Two trailing spaces: a line break within one paragraph.
        self.blank()
        from tyonohjaus_cli.domain.markdown import escape_line

        self.lines.append("  \n".join(escape_line(line) for line in lines if line))

    def signatures(self, parties: Sequence[tuple[str, str]], place_and_date: str) -> None:
        self.blank()
        for role, name in parties:
            self.lines += [
                f"**{md_escape(role)}:**",
                "",
                f"{md_escape(place_and_date)} \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
                "",
                "\\_" * 30 + "  ",
                md_escape(name),
                "",
            ]
