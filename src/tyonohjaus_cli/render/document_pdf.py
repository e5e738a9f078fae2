"""A client document (offer, agreement, summary, payment reminder) as an A4 PDF (fpdf2).

The same family as the invoice (:mod:`invoice_pdf`): Lato from ``font-lato``, the same
margins and type sizes, the supervisor's name and details at the top left and the
document's title in capitals at the top right. The content comes through the writer
interface of :mod:`tyonohjaus_cli.domain.writers`, so the PDF says what the Markdown says.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from tyonohjaus_cli.domain.erased import shown
from tyonohjaus_cli.domain.settings import Supervisor
from tyonohjaus_cli.domain.writers import Writer
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.render.code128 import bars, code128_modules
from tyonohjaus_cli.render.invoice_pdf import (
    BAR_HEIGHT_MM,
    FONT,
    LINE,
    MARGIN,
    MODULE_MM,
    PAGE_BOTTOM,
    QUIET_ZONE_MM,
    WIDTH,
    font_file,
)

if TYPE_CHECKING:
    from fpdf import FPDF

LABEL_WIDTH = 56.0
GREY = (90, 90, 90)


class PdfWriter(Writer):
    """Writes onto A4 pages; :meth:`data` gives the PDF's bytes."""

    def __init__(self, seller: Supervisor, lang: str, dated: date) -> None:
        from fpdf import FPDF

        super().__init__()
        self.seller = seller
        self.lang = lang
        self.pdf: FPDF = FPDF(orientation="P", unit="mm", format="A4")
        self.pdf.add_font(FONT, "", font_file("Regular"))
        self.pdf.add_font(FONT, "B", font_file("Bold"))
        self.pdf.set_auto_page_break(auto=False)
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        # Reproducible output: dated by the document, not the clock.
        self.pdf.set_creation_date(datetime.combine(dated, time(12), tzinfo=UTC))
        self.pdf.set_author(seller.name)
        self.pdf.set_creator("tyo")
        self.y = MARGIN
        self.name = ""

    # --- drawing -------------------------------------------------------------------------

    def _text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        size: float = 9.5,
        bold: bool = False,
        align: str = "L",
        grey: bool = False,
    ) -> float:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.set_text_color(*(GREY if grey else (0, 0, 0)))
        self.pdf.set_xy(x, y)
        self.pdf.multi_cell(width, LINE, shown(text, self.lang), align=align)
        self.pdf.set_text_color(0, 0, 0)
        return float(self.pdf.get_y())

    def _room(self, needed: float) -> None:
        if self.y + needed > PAGE_BOTTOM:
            self.pdf.add_page()
            self.y = MARGIN

    def _rule(self, y: float) -> None:
        self.pdf.line(MARGIN, y, MARGIN + WIDTH, y)

    # --- the writer interface ------------------------------------------------------------

    def blank(self) -> None:
        self.y += 1.5

    def title(self, text: str, subtitle: str) -> None:
        self.name = text
        self.pdf.set_title(f"{text} – {subtitle}" if subtitle else text)
        self.pdf.add_page()
        seller = self.seller
        y = self._text(MARGIN, MARGIN, 95, seller.name, size=14, bold=True)
        details = [
            seller.address,
            t("Business ID {id}", lang=self.lang, id=seller.business_id)
            if seller.business_id
            else "",
            seller.email,
            seller.phone,
        ]
        y = self._text(MARGIN, y + 1, 95, "\n".join(d for d in details if d), size=9)
        right = self._text(
            MARGIN + 95, MARGIN, WIDTH - 95, text.upper(), size=16, bold=True, align="R"
        )
        right = self._text(MARGIN + 95, right + 1, WIDTH - 95, subtitle, size=9, align="R")
        self.y = max(y, right, 45.0) + 4
        self._rule(self.y)
        self.y += 4

    def heading(self, text: str) -> None:
        self._room(LINE * 4)
        self.y = self._text(MARGIN, self.y + 3, WIDTH, text, size=11.5, bold=True) + 1.5

    def subheading(self, text: str) -> None:
        self._room(LINE * 3)
        self.y = self._text(MARGIN, self.y + 1.5, WIDTH, text, size=10, bold=True) + 0.5

    def paragraph(self, text: str) -> None:
        self._room(LINE * 2)
        self.y = self._text(MARGIN, self.y, WIDTH, text) + 1.5

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        for label, value in pairs:
            if not value:
                continue
            self._room(LINE * (value.count("\n") + 1))
            below = self._text(MARGIN, self.y + 0.3, LABEL_WIDTH, label, size=8.5, grey=True)
            self.y = max(
                below, self._text(MARGIN + LABEL_WIDTH, self.y, WIDTH - LABEL_WIDTH, value)
            )
        self.y += 1.5

    def _widths(
        self, head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]
    ) -> list[float]:
        self.pdf.set_font(FONT, "", 8.5)
        natural = [
            max(self.pdf.get_string_width(cell) for cell in column) + 3
            for column in zip(head, *rows, strict=True)
        ]
        total = sum(natural)
        if total <= WIDTH:
            # Spare room goes to the last column of words (a comment, a description).
            words = [index for index in range(len(natural)) if index not in right]
            natural[words[-1] if words else -1] += WIDTH - total
            return natural
        return [width * WIDTH / total for width in natural]

    def _row(
        self, cells: Sequence[str], widths: Sequence[float], right: set[int], *, bold: bool
    ) -> float:
        x, bottom = MARGIN, self.y
        for index, (width, cell) in enumerate(zip(widths, cells, strict=True)):
            align = "R" if index in right else "L"
            bottom = max(
                bottom, self._text(x, self.y, width, cell, size=8.5, bold=bold, align=align)
            )
            x += width
        return bottom + 0.6

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> None:
        widths = self._widths(head, rows, right)
        self._room(LINE * 3)
        self.y = self._row(head, widths, right, bold=True)
        self._rule(self.y)
        self.y += 0.8
        for row in rows:
            if self.y + LINE > PAGE_BOTTOM:
                self.pdf.add_page()
                self.y = MARGIN
                self.y = self._row(head, widths, right, bold=True)
                self._rule(self.y)
                self.y += 0.8
            self.y = self._row(row, widths, right, bold=False)
        self._rule(self.y)
        self.y += 2.5

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self._room(LINE * 2)
            self._text(MARGIN + 2, self.y, 4, "•")
            self.y = self._text(MARGIN + 6, self.y, WIDTH - 6, item) + 0.5
        self.y += 1.5

    def signature(self, lines: Sequence[str]) -> None:
        self._room(LINE * (len(lines) + 2))
        self.y = self._text(MARGIN, self.y + 4, WIDTH, "\n".join(line for line in lines if line))

    def signatures(self, parties: Sequence[tuple[str, str]], place_and_date: str) -> None:
        """Side by side: each party's role, place and date, a line to sign on, the name."""
        self._room(48)
        top = self.y + 4
        column = (WIDTH - 10) / 2
        bottom = top
        for index, (role, name) in enumerate(parties):
            x = MARGIN + index % 2 * (column + 10)
            if index and index % 2 == 0:
                top = bottom + 6
            y = self._text(x, top, column, role, size=9.5, bold=True)
            y = self._text(x, y + 6, column, place_and_date, size=8.5, grey=True)
            self.pdf.line(x, y + 14, x + column, y + 14)
            bottom = max(bottom, self._text(x, y + 15, column, name, size=9.5))
        self.y = bottom + 2

    def barcode(self, digits: str) -> None:
        self._room(BAR_HEIGHT_MM + 6)
        x0 = MARGIN + QUIET_ZONE_MM
        for start, width in bars(code128_modules(digits)):
            self.pdf.rect(
                x0 + start * MODULE_MM, self.y + 1, width * MODULE_MM, BAR_HEIGHT_MM, style="F"
            )
        self.y += BAR_HEIGHT_MM + 4

    def data(self) -> bytes:
        """The PDF; a longer one gets ``Title · 1/2`` at the foot of every page."""
        count = self.pdf.pages_count
        if count > 1:
            for number in range(1, count + 1):
                self.pdf.page = number
                self._text(
                    MARGIN,
                    PAGE_BOTTOM + 3,
                    WIDTH,
                    f"{self.name} · {number}/{count}",
                    size=8,
                    align="R",
                )
        return bytes(self.pdf.output())
