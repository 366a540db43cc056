"""Articles in, parsed Docs out: the shared first step of analysis and training."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.model import Article, Issue
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.textview import TextView, build_view


@dataclass
class ParsedArticle:
    article: Article
    view: TextView
    doc: Doc

    def context(self) -> DocContext:
        return build_context(self.doc, self.view.paragraph_starts())


def parse_articles(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    issues: Sequence[Issue] = (),
) -> Iterator[ParsedArticle]:
    """Parse each article's prose through ``nlp``, with ``doc._.published`` and
    ``doc._.issues`` set."""
    pairs = ((build_view(a), a) for a in articles)
    stream = nlp.pipe(
        ((_make_doc(nlp, view, article, issues), (view, article)) for view, article in pairs),
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
    )
    for doc, (view, article) in stream:
        yield ParsedArticle(article, view, doc)


def _make_doc(nlp: Language, view: TextView, article: Article, issues: Sequence[Issue]) -> Doc:
    doc = nlp.make_doc(view.text)
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
