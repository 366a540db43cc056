"""Articles in, parsed Docs out: the shared first step of analysis and training.

An article is parsed whole when its text is at most ``piece_chars`` characters
and ``piece_chars // CHARS_PER_TOKEN`` tokens, as every news article is; a longer
one is parsed in pieces (``nlp.pieces``), one at a time, so that the parser's
memory and the rules' paragraph-wide reads stay bounded whatever its length.
Each piece comes with the view of its own text, so its offsets map to the
article exactly as a whole article's do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.model import Article, Issue
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.pieces import piece_bounds
from onrecord.nlp.textview import TextView, build_view
from onrecord.nlp.tokenizer import make_doc
from onrecord.settings import PIECE_CHARS

# A piece holds at most a quarter as many tokens as characters: prose has one token per
# five characters, a text of marks one per character, and the parser's memory grows
# with the tokens it reads at once.
CHARS_PER_TOKEN = 4


@dataclass
class ParsedArticle:
    article: Article
    view: TextView  # of this Doc's text: the article's, or its piece's
    doc: Doc
    last: bool = True  # the article's last (or only) piece

    def context(self) -> DocContext:
        return build_context(self.doc, self.view.paragraph_starts())


# A Doc to parse, with its view, its article and whether it is the article's last piece.
ToParse = tuple[Doc, tuple[TextView, Article, bool]]


def parse_articles(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    issues: Sequence[Issue] = (),
    piece_chars: int = PIECE_CHARS,
) -> Iterator[ParsedArticle]:
    """Parse each article's prose through ``nlp``, with ``doc._.published`` and
    ``doc._.issues`` set: one ParsedArticle per article, or per piece of a long one
    (in text order, the last with ``last``), in input order."""
    whole: list[ToParse] = []
    for article in articles:
        view = build_view(article)
        doc = _whole_doc(nlp, view, article, issues, piece_chars)
        if doc is not None:
            whole.append((doc, (view, article, True)))
            continue
        yield from _parse(nlp, whole, batch_size, n_process)
        whole = []
        # One piece at a time: a batch of pieces would hold several in memory at once.
        yield from _parse(nlp, _pieces(nlp, view, article, issues, piece_chars), 1, 1)
    yield from _parse(nlp, whole, batch_size, n_process)


def _parse(
    nlp: Language,
    docs: Iterable[ToParse],
    batch_size: int,
    n_process: int,
) -> Iterator[ParsedArticle]:
    stream = nlp.pipe(docs, as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (view, article, last) in stream:
        yield ParsedArticle(article, view, doc, last)


def _whole_doc(
    nlp: Language, view: TextView, article: Article, issues: Sequence[Issue], piece_chars: int
) -> Doc | None:
    """The article's Doc when it is short enough to parse whole, else None."""
    if len(view.text) > piece_chars:
        return None
    doc = make_doc(nlp, view.text)
    if len(doc) > piece_chars // CHARS_PER_TOKEN:
        return None
    return _with_context(doc, article, issues)


def _pieces(
    nlp: Language, view: TextView, article: Article, issues: Sequence[Issue], piece_chars: int
) -> Iterator[ToParse]:
    """The Docs of a long article's pieces, made as the parser asks for them."""
    previous: tuple[TextView, Doc] | None = None
    for piece in _bounded(nlp, view, piece_chars, piece_chars // CHARS_PER_TOKEN):
        if previous is not None:
            yield _with_context(previous[1], article, issues), (previous[0], article, False)
        previous = piece
    if previous is not None:
        yield _with_context(previous[1], article, issues), (previous[0], article, True)


def _bounded(
    nlp: Language, view: TextView, max_chars: int, max_tokens: int
) -> Iterator[tuple[TextView, Doc]]:
    """Pieces of at most ``max_chars`` characters and ``max_tokens`` tokens, with their
    Docs: a piece with more tokens (a text of marks) is cut again, at half its length.
    A token has a character at least, so a piece of ``max_tokens`` characters passes."""
    for start, end in piece_bounds(view.text, view.paragraph_starts(), max_chars):
        piece = view.piece(start, end)
        doc = make_doc(nlp, piece.text)
        if len(doc) <= max_tokens:
            yield piece, doc
        else:
            yield from _bounded(nlp, piece, len(piece.text) // 2, max_tokens)


def _with_context(doc: Doc, article: Article, issues: Sequence[Issue]) -> Doc:
    """``doc`` with the article's dates and the issues, for the components to read."""
    if Doc.has_extension("published"):  # registered with the components, when loaded
        doc._.published = article.published.date() if article.published else None
        doc._.updated = article.updated.date() if article.updated else None
    if issues and Doc.has_extension("issues"):
        doc._.issues = list(issues)
    return doc


def tokens_in(doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[int]:
    """Indices of the non-space tokens overlapping any of the character ranges."""
    out: set[int] = set()
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        out.update(t.i for t in span if not t.is_space)
    return sorted(out)
