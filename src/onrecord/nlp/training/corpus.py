"""Articles to train on, parsed once: ParsedArticles, cached with DocBin between runs.

Which articles, and their gold, is the caller's to read (``evaluate`` reads PolNeAR's
brat files); this module only parses, since only ``nlp`` touches spaCy.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin

from onrecord.errors import DataError
from onrecord.model import Article
from onrecord.nlp.document import ParsedArticle, parse_articles
from onrecord.nlp.textview import build_view
from onrecord.settings import MAX_PIECE_CHARS


def parse_corpus(
    nlp: Language,
    articles: Sequence[Article],
    split: str,
    cache_dir: Path | None = None,
    n_process: int = 1,
    log: Callable[[str], None] = lambda message: print(message, file=sys.stderr),
    progress: Callable[[str, int, int], None] | None = None,
) -> list[ParsedArticle]:
    """``articles`` parsed in order, from ``cache_dir`` when they were parsed before by the
    same pipeline; ``split`` names them in the message ``log`` is given and in the step
    ``progress`` is told of after each article."""
    cache = _cache_path(cache_dir, nlp, articles) if cache_dir else None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        return [ParsedArticle(a, build_view(a), doc) for a, doc in zip(articles, docs, strict=True)]
    log(f"parsing {len(articles)} {split} articles…")
    parsed = []
    # Gold is matched to whole articles: one too long to parse whole is not trained on.
    for item in parse_articles(nlp, articles, n_process=n_process, piece_chars=MAX_PIECE_CHARS):
        if not item.last:
            raise DataError(
                f"{item.article.name}: too long to train on ({len(item.article.text):,}"
                f" characters; an article is parsed whole up to {MAX_PIECE_CHARS:,}"
                " characters and a quarter as many tokens)"
            )
        parsed.append(item)
        if progress is not None:
            progress(f"parsing {split} articles", len(parsed), len(articles))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=[p.doc for p in parsed]).to_disk(cache)
    return parsed


def _cache_path(cache_dir: Path, nlp: Language, articles: Sequence[Article]) -> Path:
    digest = hashlib.sha256()
    digest.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{nlp.pipe_names}".encode())
    for article in articles:
        digest.update(build_view(article).text.encode("utf-8"))
    return cache_dir / f"parsed-{digest.hexdigest()[:16]}.spacy"
