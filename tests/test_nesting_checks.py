"""The checks every parsed document goes through (``documents._too_deep`` for JSON,
``documents._doubtful`` for what toml-rs read) say what their plain definitions say, by
recursion over every value: drawn documents of every kind of value, and the edges."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tyonohjaus_cli.storage import documents
from tyonohjaus_cli.storage.documents import MAX_DEPTH


def _depth(value: Any) -> int:
    """Levels of tables and lists: 0 for a value that is neither."""
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    return 0


def _ints(value: Any) -> list[int]:
    if isinstance(value, dict):
        return [n for item in value.values() for n in _ints(item)]
    if isinstance(value, list):
        return [n for item in value for n in _ints(item)]
    return [value] if isinstance(value, int) else []


def _doubtful_by_definition(doc: dict[str, Any]) -> bool:
    return _depth(doc) > MAX_DEPTH or any(not -(2**63) <= n < 2**63 for n in _ints(doc))


class _Count(int):
    """A whole number of another type than ``int``."""


_LEAVES = st.one_of(
    st.text(max_size=3),
    st.integers(-(2**64), 2**64),
    st.sampled_from([2**63, 2**63 - 1, -(2**63), -(2**63) - 1, True, False, 1.5]),
    st.builds(_Count, st.sampled_from([1, 2**63])),
    st.datetimes(),
    st.dates(),
    st.just(time(10, 0)),
    st.just(datetime(2027, 1, 12, 14)),
    st.just(date(2027, 1, 12)),
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=12,
)


def _nested(depth: int, leaf: Any, *, lists: bool) -> dict[str, Any]:
    value: Any = leaf
    for level in range(depth - 1):
        value = [value] if lists and level % 2 else {"a": value}
    return {"top": value} if depth > 1 else {"top": leaf}


@given(st.dictionaries(st.text(max_size=2), _VALUES, max_size=4))
def test_a_drawn_document_is_judged_by_the_definitions(doc: dict[str, Any]) -> None:
    assert documents._doubtful(doc) == _doubtful_by_definition(doc)
    assert documents._too_deep(doc) == (_depth(doc) > MAX_DEPTH)
    assert documents._too_deep(list(doc.values())) == (_depth(list(doc.values())) > MAX_DEPTH)


def test_the_edges_of_depth_and_size() -> None:
    leaves: tuple[Any, ...] = (1, "x", 2**63, [], {})
    for depth in range(MAX_DEPTH - 2, MAX_DEPTH + 3):
        for lists in (False, True):
            for leaf in leaves:
                doc = _nested(depth, leaf, lists=lists)
                assert documents._too_deep(doc) == (_depth(doc) > MAX_DEPTH), (depth, leaf)
                assert documents._doubtful(doc) == _doubtful_by_definition(doc), (depth, leaf)
    assert not documents._too_deep("text")
    assert not documents._too_deep(3)
