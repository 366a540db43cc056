"""Markup nested deeper than the HTML parser goes, flattened so the page can be read.

libxml2 (under lxml, under trafilatura) stops at 256 levels of nesting and drops
the rest of the page without a word: 10,000 nested ``<div>``s hide the paragraph
inside them and everything after. A tree that reaches that depth is suspect, so
the page is flattened and parsed again. Flattening keeps every character of
text, and every tag down to ``WRAPPER_DEPTH`` levels; below that, wrapper tags
(``div``, ``span``, ``section``, ``font`` …) are dropped with their end tags,
while the tags that give text its structure (paragraphs, headings, list items,
figures and their captions, quotations) are kept down to ``STRUCTURE_DEPTH``.
Past that only the text is kept. Both depths are far from the parser's limit
and far beyond any real page.

Python's ``html.parser`` does the flattening: it reads tags as a stream and
never builds a tree, so depth costs it nothing.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from lxml import etree

__all__ = ["PARSER_DEPTH", "flatten", "reaches_parser_depth"]

PARSER_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE
WRAPPER_DEPTH = 64
STRUCTURE_DEPTH = 128

_STRUCTURE = frozenset(
    "p h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote q pre figure figcaption cite "
    "table thead tbody tr td th article main header footer nav aside form".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Their content is text the parser does not read as markup; the tags always stay.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
# A start tag closes an open one of these at the top of the stack, as HTML does.
_CLOSED_BY = {
    "p": frozenset(
        "address article aside blockquote details div dl fieldset figcaption figure footer "
        "form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul".split()
    ),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th", "tr"}),
    "th": frozenset({"td", "th", "tr"}),
    "tr": frozenset({"tr"}),
}


def reaches_parser_depth(tree: etree._Element) -> bool:
    """Whether ``tree`` is as deep as the parser goes, so that it may have lost the rest."""
    depth: dict[etree._Element, int] = {tree: 1}
    for element in tree.iterdescendants():
        parent = element.getparent()
        level = depth[parent] + 1 if parent is not None else 1
        if level >= PARSER_DEPTH:
            return True
        depth[element] = level
    return False


def flatten(page: str) -> str:
    """``page`` with its nesting cut to a depth the parser reads; all its text kept."""
    flattener = _Flattener()
    flattener.feed(page)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, kept) for every open element
        self.kept_depth = 0
        self.raw = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(_start(tag, attrs))
            return
        self._close_implied(tag)
        keep = tag in _RAW_TEXT or self._fits(tag)
        if keep:
            self.out.append(_start(tag, attrs))
            self.kept_depth += 1
        self.open.append((tag, keep))
        self.raw = tag in _RAW_TEXT

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML ignores the slash of "<div/>": written out, it is an element with no content.
        if tag in _VOID:
            self.out.append(_start(tag, attrs))
        elif self._fits(tag):
            self.out.append(f"{_start(tag, attrs)}</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.raw = False
        if any(name == tag for name, _ in self.open):
            while self.open and self._pop() != tag:
                pass
        # An end tag with nothing open to close is dropped, as the parser would.

    def handle_data(self, data: str) -> None:
        self.out.append(data if self.raw else html.escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        # "<![CDATA[…]]>" in HTML: its text is text. Any other marked section
        # ("<![if !IE]>") is a bogus comment there, and no text.
        if data.startswith("CDATA["):
            self.out.append(html.escape(data.removeprefix("CDATA["), quote=False))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # Python's parser asserts on a marked section it does not know ("<![Cv x]>");
        # HTML reads any "<![" but CDATA as a bogus comment, up to the next ">".
        try:
            end: int = super().parse_marked_section(i, report)
        except AssertionError:
            close = self.rawdata.find(">", i + 3)
            return close + 1 if close >= 0 else -1  # -1: not complete yet
        return end

    def close(self) -> None:
        super().close()
        while self.open:
            self._pop()

    def _fits(self, tag: str) -> bool:
        if self.kept_depth < WRAPPER_DEPTH:
            return True
        return tag in _STRUCTURE and self.kept_depth < STRUCTURE_DEPTH

    def _close_implied(self, tag: str) -> None:
        while self.open and tag in _CLOSED_BY.get(self.open[-1][0], ()):
            self._pop()

    def _pop(self) -> str:
        name, kept = self.open.pop()
        if kept:
            self.out.append(f"</{name}>")
            self.kept_depth -= 1
        return name


def _start(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = [tag] + [
        name if value is None else f'{name}="{html.escape(value, quote=True)}"'
        for name, value in attrs
    ]
    return f"<{' '.join(parts)}>"
