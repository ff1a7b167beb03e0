"""Cutting long texts into pieces the parser accepts."""

from __future__ import annotations

import pytest
from conflict_kg.extract._pieces import split_text
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        (
            "First paragraph.\n\nSecond one.\nSame paragraph.",
            40,
            ["First paragraph.\n\n", "Second one.\nSame paragraph."],
        ),
        ("Line one.\nLine two is here.\nLine three.", 30, ["Line one.\nLine two is here.\n", "Line three."]),
        ("One sentence. Another sentence. A third.", 35, ["One sentence. Another sentence. ", "A third."]),
        ("words without any stops at all", 12, ["words ", "without any ", "stops at all"]),
        ("unbroken", 3, ["unb", "rok", "en"]),
        ("", 5, [""]),
    ],
)
def test_split_text_prefers_paragraphs_then_lines_sentences_spaces(text: str, limit: int, pieces: list[str]) -> None:
    """Each piece ends after the best break within the limit."""
    assert split_text(text, limit) == pieces


@given(st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_join_to_the_text_and_fit(text: str, limit: int) -> None:
    """Whatever the text, the pieces give it back exactly and none is longer than the limit."""
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or pieces == [""]


def test_limit_must_be_positive() -> None:
    """A limit of zero is a ValueError naming it."""
    with pytest.raises(ValueError, match="at least 1, got 0"):
        split_text("x", 0)
