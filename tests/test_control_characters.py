"""The control characters a store's text may not hold are found by a pattern of them
(``documents.CONTROLS``, ``documents.BREAKS``), not by each character's Unicode category:
the two agree on every code point of this Python's Unicode, and on text around them."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tyonohjaus_cli.storage.documents import has_control, one_line


def _control_by_category(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" and char not in "\n\t\r" for char in text)


def _one_line_by_category(text: str) -> bool:
    return not any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in text)


def test_every_code_point_is_told_as_its_category_tells_it() -> None:
    """A lone surrogate too: JSON can spell one (``"\\ud800"``)."""
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        assert has_control(char) == _control_by_category(char), hex(point)
        assert one_line(char) == _one_line_by_category(char), hex(point)
        assert has_control(f"Katu 1\n{char}") == _control_by_category(char), hex(point)


@given(st.text(alphabet=st.characters(), max_size=12))
def test_drawn_text_is_told_as_its_categories_tell_it(text: str) -> None:
    assert has_control(text) == _control_by_category(text)
    assert one_line(text) == _one_line_by_category(text)


def test_the_usual_texts() -> None:
    assert not has_control("Katu 1\nHelsinki\tA\r")
    assert has_control("bell\u0007")
    assert has_control("esc\x1b[31m")
    assert has_control("c1\x85")
    assert not one_line("a\nb")
    assert not one_line("a\u2028b")
    assert not one_line("a\u2029b")
    assert one_line("no\u00a0break")
    assert one_line("")
