"""HTML to article text, with lxml's HTML parser.

A web page saved as ``.html`` (or a JSON Lines ``text`` that is markup) would
otherwise reach the parser tags and all, and ``<p>`` would become part of an
actor's name. :func:`html_to_text` keeps the text a reader sees: scripts,
styles and the page head go, block elements (paragraphs, headings, list items,
table cells, ``<br>``) become line breaks, and runs of spaces shrink to one. Menus
(``<nav>``) and forms go too: "Home" glued to the first paragraph would join its actor.
"""

from __future__ import annotations

import re

from ._exceptions import DocumentError

__all__ = ["html_to_text", "looks_like_html"]

#: Tags of a page that are not its text: code, the head, and the site's menus and forms around the article.
_HIDDEN = ("head", "script", "style", "noscript", "template", "svg", "iframe", "object", "nav", "form", "button")
#: Tags that start a new paragraph in the text.
_BLOCKS = (
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "table", "figure", "figcaption",
)  # fmt: skip
#: An opening or closing tag that only HTML has (not ``<3`` or ``a < b``).
_TAG = re.compile(
    r"<!doctype\s+html|</?(?:html|body|head|p|div|span|a|br|h[1-6]|article|section|li|ul|ol|table|td|tr"
    r"|script|style|em|strong|b|i|img|meta|link|title)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup: two HTML tags (or a doctype) in its first 100,000 characters.

    >>> looks_like_html("<html><body><p>Rebels shelled Taiz.</p></body></html>")
    True
    >>> looks_like_html("Casualties rose to <10 as shelling went on > 3 days.")
    False
    """
    tags = _TAG.finditer(text, 0, 100_000)
    return next(tags, None) is not None and next(tags, None) is not None


def html_to_text(markup: str, *, source: str = "<html>") -> str:
    """The text a reader sees in an HTML page, one paragraph a line.

    Raises :class:`DocumentError`, naming ``source``, when the page holds no text.

    Examples
    --------
    >>> page = "<html><head><title>News</title><script>var x=1;</script></head><body>"
    >>> page += "<h1>Taiz</h1><p>Rebels   shelled the <b>airport</b>.</p><p>Two died.</p></body></html>"
    >>> html_to_text(page)
    'Taiz\\n\\nRebels shelled the airport.\\n\\nTwo died.'
    """
    import lxml.etree
    import lxml.html  # imported only when a page is read

    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (lxml.etree.ParserError, ValueError):
        root = None
    if root is not None:
        for element in list(root.iter(*_HIDDEN)):
            element.drop_tree()
        for element in root.iter(*_BLOCKS):
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
        for element in root.iter("br"):
            element.tail = "\n" + (element.tail or "")
    text = root.text_content() if root is not None else ""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if not text:
        raise DocumentError(f"{source}: the HTML page holds no text; give the article's text or its page")
    return text
