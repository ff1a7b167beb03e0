"""HTML pages to article text."""

from __future__ import annotations

import pytest
from conflict_kg.extract import DocumentError
from conflict_kg.extract._markup import html_to_text, looks_like_html


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Rebels shelled Taiz.</p><p>Two died.</p>", "Rebels shelled Taiz.\n\nTwo died."),
        ("<html><head><title>T</title><style>p{}</style></head><body>Troops&nbsp;entered Aden.</body></html>",
         "Troops entered Aden."),
        ("<?xml version='1.0' encoding='utf-8'?><html><body><h1>Aden</h1>Troops<br>entered.</body></html>",
         "Aden\n\nTroops\nentered."),
        ("<div><script>alert(1)</script><ul><li>one</li><li>two</li></ul></div>", "one\n\ntwo"),
        ("<p>Caf&eacute; &amp; bar &#8211; shelled</p>", "Café & bar – shelled"),
    ],
)  # fmt: skip
def test_html_to_text(markup: str, text: str) -> None:
    """Scripts, styles and the head go; blocks become paragraphs; entities are decoded."""
    assert html_to_text(markup) == text


@pytest.mark.parametrize("markup", ["", "<html><body><img src='x.png'></body></html>", "<script>x()</script>"])
def test_page_without_text_is_refused(markup: str) -> None:
    """Nothing to read is a DocumentError naming the page."""
    with pytest.raises(DocumentError, match=r"^page\.html: the HTML page holds no text"):
        html_to_text(markup, source="page.html")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<html><body>x</body></html>", True),
        ("<!DOCTYPE html>\n<p>x", True),
        ("<p>One</p><p>Two</p>", True),
        ("Rebels shelled Taiz.", False),
        ("Casualties: <10 dead, >3 hurt; a <b or c> d.", False),
        ("He wrote <p> once.", False),
    ],
)
def test_looks_like_html(text: str, html: bool) -> None:
    """Two tags make markup; angle brackets in prose do not."""
    assert looks_like_html(text) is html
