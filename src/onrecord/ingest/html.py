"""HTML pages to Articles: trafilatura for the body and metadata, htmldate for
dates, and our own pass over ``figure``/``figcaption`` for the captions that
trafilatura drops.

``Article.text`` is built here from the blocks, joined by blank lines, so
every block's offsets are exact by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from onrecord.errors import ReadError
from onrecord.ingest import lexicons
from onrecord.ingest._deep_markup import flatten, reaches_parser_depth
from onrecord.ingest.decode import decode, html_charset
from onrecord.ingest.language import detect_language
from onrecord.knowledge.lexicons import alternatives, patterns
from onrecord.model import Article, Block, BlockKind, valid_unicode

__all__ = ["parse_html"]

BLOCK_SEPARATOR = "\n\n"
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


# Lines that are page furniture, whatever the site; dropped from the body.
_BOILERPLATE = re.compile(rf"^(?:{patterns(lexicons.load('html-boilerplate-v1'))})", re.I)
_CREDIT_LINE = re.compile(rf"^(?:{alternatives(lexicons.load('html-credit-lines-v1'))})\b", re.I)
_VIDEO = re.compile(r"^(WATCH|LISTEN)\s*\|")
_BYLINE = re.compile(r"^by\s+\S", re.I)
MAX_BYLINE_CHARS = 100
SNIFF_CHARS = 2048

# Where a figure is page furniture (teasers, share bars), not the article's.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form"})
_FURNITURE_CLASS = re.compile(patterns(lexicons.load("furniture-class-marks-v1")), re.I)
_CREDIT_CLASS = re.compile(alternatives(lexicons.load("credit-class-marks-v1")), re.I)
# A trailing "(Photo: X/Reuters)" or "(X/Reuters)"; a bare "(file)" is not a credit.
_TRAILING_PARENS = re.compile(r"\s*\(([^()]{2,150})\)\s*$")
# "Photo: …", "Photographs by …", "Credit: …".
_CREDIT_LABEL = alternatives(lexicons.load("credit-labels-v1"))
_TRAILING_LABEL = re.compile(
    rf"(?:^|(?<=[.!?])\s+)((?:{_CREDIT_LABEL})\s*(?::|by)\s*.{{2,150}})$",
    re.I,
)
_CREDIT_PREFIX = re.compile(rf"^(?:{_CREDIT_LABEL}|courtesy(?: of)?)\s*(?::|by)?\s*", re.I)


@dataclass(frozen=True)
class _Part:
    """A block before it has offsets."""

    kind: BlockKind
    text: str
    credit: str | None = None


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    source: str | None = None,
    charset: str | None = None,
) -> Article:
    """Read one HTML page. ``charset`` is the one an HTTP response declared, if any."""
    document = source or url or "<html>"
    if isinstance(html, bytes):
        html = decode(html, document, declared=charset or html_charset(html))
    else:
        html = valid_unicode(html)  # libxml2 stops reading at a lone surrogate
    tree = _load(html, document)
    captions = list(_captions(tree))
    positions = _element_positions(tree)
    extracted = _extract(tree, url, document)
    meta = extracted.as_dict()
    body = _body_parts(extracted.body, meta.get("title"), _authors(meta))
    parts = _place_captions(body, captions, positions)
    if not any(p.kind is BlockKind.PARAGRAPH for p in parts):
        raise ReadError(document, "no article text found in the HTML (is this an article page?)")
    head = _head_parts(meta, parts)
    text, blocks = _assemble(head + parts)
    published, updated = _dates(tree, url)
    return Article(
        text=text,
        blocks=blocks,
        source=source or url,
        url=url or meta.get("url"),
        outlet=meta.get("sitename") or None,
        title=meta.get("title") or None,
        deck=[p.text for p in head if p.kind is BlockKind.DECK],
        bylines=_authors(meta),
        published=published,
        updated=updated,
        language=_language(text, blocks, tree),
    )


def _load(html: str, document: str) -> HtmlElement:
    if "\x00" in html:
        raise ReadError(document, "broken HTML: it contains NUL characters")
    tree = _parse(html, document)
    if tree is not None and reaches_parser_depth(tree):
        # The parser stops at its depth limit and drops the rest of the page.
        tree = _parse(flatten(html), document)
    if tree is None:
        raise ReadError(document, "broken HTML: no document could be parsed from it")
    return tree


def _parse(html: str, document: str) -> HtmlElement | None:
    try:
        tree = trafilatura.load_html(html)
        if tree is None and "<html" not in html[:SNIFF_CHARS].lower():
            # A fragment, as feeds carry: give it the document it lacks.
            tree = trafilatura.load_html(f"<html><body>{html}</body></html>")
    except (ValueError, etree.LxmlError) as exc:
        raise ReadError(document, f"broken HTML: {exc}") from exc
    return tree


def _extract(tree: HtmlElement, url: str | None, document: str) -> trafilatura.settings.Document:
    try:
        extracted = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as exc:  # noqa: BLE001 - a third-party crash on one page fails that page alone
        raise ReadError(document, f"HTML extraction failed: {exc!r}") from exc
    # With the default as_dict=False trafilatura returns a Document, never a dict.
    if not isinstance(extracted, trafilatura.settings.Document) or extracted.body is None:
        raise ReadError(document, "no article text found in the HTML (is this an article page?)")
    return extracted


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _text_of(element: etree._Element) -> str:
    return _norm("".join(element.itertext()))


def _authors(meta: dict[str, object]) -> list[str]:
    raw = meta.get("author")
    return [a.strip() for a in str(raw).split(";") if a.strip()] if raw else []


# --- body ------------------------------------------------------------------


def _body_parts(body: etree._Element, title: str | None, authors: list[str]) -> list[_Part]:
    parts: list[_Part] = []
    # A page that is one bare run of text comes back as a body with no children.
    children = list(body) if len(body) else [body]
    loose = [(BlockKind.PARAGRAPH, _norm(body.text))] if len(body) else []
    for kind, text in loose + [pair for child in children for pair in _elements_text(child)]:
        part = _classify(kind, text, title, authors)
        if part is not None:
            parts.append(part)
    return parts


def _elements_text(element: etree._Element) -> Iterator[tuple[BlockKind, str]]:
    tag = element.tag
    if tag == "head":
        yield BlockKind.HEADING, _text_of(element)
    elif tag == "list":
        for item in element.iter("item"):
            yield BlockKind.PARAGRAPH, _text_of(item)
    elif tag == "quote" and element.find("p") is not None:
        for paragraph in element.iter("p"):
            yield BlockKind.PARAGRAPH, _text_of(paragraph)
    elif tag not in ("table", "graphic"):
        yield BlockKind.PARAGRAPH, _text_of(element)


def _classify(kind: BlockKind, text: str, title: str | None, authors: list[str]) -> _Part | None:
    if not text or _BOILERPLATE.match(text):
        return None
    if kind is BlockKind.HEADING and title and text == _norm(title):
        return None  # the title block already holds it
    if _CREDIT_LINE.match(text):
        return _Part(BlockKind.CREDIT_LINE, text)
    if _VIDEO.match(text):
        return _Part(BlockKind.VIDEO, text)
    if _is_byline(text, authors):
        return _Part(BlockKind.BYLINE, text)
    return _Part(kind, text)


def _is_byline(text: str, authors: list[str]) -> bool:
    if len(text) > MAX_BYLINE_CHARS or not _BYLINE.match(text):
        return False
    return not authors or any(a in text for a in authors)


def _head_parts(meta: dict[str, object], body: list[_Part]) -> list[_Part]:
    head: list[_Part] = []
    title = _norm(str(meta.get("title") or ""))
    if title:
        head.append(_Part(BlockKind.TITLE, title))
    deck = _norm(str(meta.get("description") or ""))
    # Sites often reuse the first paragraph as the description; keep it once.
    first = next((p.text for p in body if p.kind is BlockKind.PARAGRAPH), "")
    if deck and deck != title and not first.startswith(deck.rstrip(".… ")):
        head.append(_Part(BlockKind.DECK, deck))
    return head


def _assemble(parts: Iterable[_Part]) -> tuple[str, list[Block]]:
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for part in parts:
        if pieces:
            offset += len(BLOCK_SEPARATOR)
        blocks.append(Block(part.kind, offset, offset + len(part.text), part.credit))
        pieces.append(part.text)
        offset += len(part.text)
    return BLOCK_SEPARATOR.join(pieces), blocks


# --- captions --------------------------------------------------------------


@dataclass(frozen=True)
class _Caption:
    position: int  # document order of its figure
    part: _Part


def _captions(tree: HtmlElement) -> Iterator[_Caption]:
    seen: set[str] = set()
    for position, element in enumerate(tree.iter()):
        if element.tag != "figure" or _is_furniture(element):
            continue
        part = _caption_part(element)
        if part is not None and part.text not in seen:
            seen.add(part.text)
            yield _Caption(position, part)


def _is_furniture(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in _FURNITURE_TAGS:
            return True
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if _FURNITURE_CLASS.search(marks):
            return True
    return False


def _caption_part(figure: HtmlElement) -> _Part | None:
    figcaption = figure.find(".//figcaption")
    credits = [e for e in figure.iter() if _is_credit_element(e)]
    credit_ids = {id(e) for e in credits}
    caption = _text_outside(figcaption, credit_ids) if figcaption is not None else ""
    credit_text = _norm(" ".join(_text_of(e) for e in credits if not _nested_in(e, credit_ids)))
    if credit_text:
        text = _norm(f"{caption} {credit_text}")
        return _Part(BlockKind.CAPTION, text, _clean_credit(credit_text))
    if not caption:
        return None
    return _Part(BlockKind.CAPTION, caption, _trailing_credit(caption))


def _is_credit_element(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    marks = f"{element.get('class', '')} {element.get('itemprop', '')}"
    return element.tag == "cite" or bool(_CREDIT_CLASS.search(marks))


def _nested_in(element: etree._Element, ids: set[int]) -> bool:
    return any(id(a) in ids for a in element.iterancestors())


def _text_outside(root: etree._Element, skip: set[int]) -> str:
    """The text of ``root`` without that of the elements in ``skip``."""
    pieces: list[str] = [root.text or ""]
    for child in root:
        if id(child) not in skip and isinstance(child.tag, str):
            pieces.append(_text_outside(child, skip))
        pieces.append(child.tail or "")
    return _norm(" ".join(pieces))


def _trailing_credit(caption: str) -> str | None:
    match = _TRAILING_PARENS.search(caption)
    if match and ("/" in match.group(1) or _CREDIT_PREFIX.match(match.group(1))):
        return _clean_credit(match.group(1))
    match = _TRAILING_LABEL.search(caption)
    return _clean_credit(match.group(1)) if match else None


def _clean_credit(raw: str) -> str | None:
    credit = _CREDIT_PREFIX.sub("", _norm(raw).strip("() "), count=1).strip("() ")
    return credit or None


def _element_positions(tree: HtmlElement) -> dict[str, int]:
    """Document order of each text-holding element, keyed by its text."""
    positions: dict[str, int] = {}
    for position, element in enumerate(tree.iter()):
        if element.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"):
            positions.setdefault(_text_of(element), position)
    return positions


def _place_captions(
    body: list[_Part], captions: list[_Caption], positions: dict[str, int]
) -> list[_Part]:
    """Put each caption after the last body block that comes before its figure."""
    caption_texts = {c.part.text for c in captions}
    body = [p for p in body if p.text not in caption_texts]
    placed: list[tuple[float, int, _Part]] = []
    last = -1.0
    for order, part in enumerate(body):
        # A block trafilatura reworded has no position; it stays after the one before it.
        last = float(positions.get(part.text, last))
        placed.append((last, order, part))
    known = any(p.text in positions for p in body)
    for caption in captions:
        key = float(caption.position) if known else float("inf")
        placed.append((key, len(body), caption.part))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [part for _, _, part in placed]


# --- dates and language ----------------------------------------------------


def _find_date(tree: HtmlElement, url: str | None, *, original: bool) -> datetime | None:
    try:
        found = htmldate.find_date(
            tree,
            url=url,
            original_date=original,
            outputformat=_DATE_FORMAT,
            extensive_search=False,
        )
    except Exception:  # noqa: BLE001 - a date is optional; a crash finding one must not fail the page
        return None
    return _parse_datetime(found) if found else None


def _dates(tree: HtmlElement, url: str | None) -> tuple[datetime | None, datetime | None]:
    """Published and, when it differs, last updated."""
    published = _find_date(tree, url, original=True)
    updated = _find_date(tree, url, original=False)
    return published, (updated if updated != published else None)


def _parse_datetime(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, _DATE_FORMAT)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _language(text: str, blocks: list[Block], tree: HtmlElement) -> str | None:
    body = " ".join(text[b.start : b.end] for b in blocks if b.kind is BlockKind.PARAGRAPH)
    declared = (tree.get("lang") or "").split("-")[0].strip().lower()
    return detect_language(body) or declared or None
