"""Reading back the documents tyo writes: a PDF's text (pypdf) and its first page as pixels
(pdftoppm from poppler-utils), so that a test sees what a reader would."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from tests.external import apt_tool


def pdf_text(data: bytes) -> str:
    """Every page's text, with runs of white space (line ends, no-break spaces) as one space."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def plain(text: str) -> str:
    """The same white-space folding for what a test expects (``format_money`` has NBSPs)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def first_page_ink(pdf: Path, tmp: Path) -> float:
    """The share of the first page's pixels that are not white (0.0 for a blank page)."""
    pdftoppm = apt_tool("pdftoppm", "poppler-utils")
    stem = tmp / f"{pdf.stem}-page"
    subprocess.run(
        [pdftoppm, "-gray", "-r", "30", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    # Binary PGM (P5): magic, width, height, maximum value, then one byte a pixel.
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match is not None, "pdftoppm did not write a PGM"
    width, height = int(match[1]), int(match[2])
    pixels = data[match.end() : match.end() + width * height]
    assert len(pixels) == width * height
    return sum(1 for value in pixels if value < 200) / len(pixels)
