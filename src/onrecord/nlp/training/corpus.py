"""Annotated data parsed once: brat documents as ParsedArticles, cached with DocBin."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin

from onrecord.evaluate.brat import GoldDocument, load_split
from onrecord.evaluate.polnear import gold_article
from onrecord.model import Article
from onrecord.nlp.document import ParsedArticle, parse_articles
from onrecord.nlp.textview import build_view


def parse_split(
    nlp: Language, data_dir: Path, split: str, cache_dir: Path | None = None, n_process: int = 1
) -> list[tuple[ParsedArticle, GoldDocument]]:
    documents = load_split(data_dir, split)
    articles = [gold_article(d) for d in documents]
    cache = _cache_path(cache_dir, nlp, articles) if cache_dir else None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        parsed = [
            ParsedArticle(a, build_view(a), doc) for a, doc in zip(articles, docs, strict=True)
        ]
    else:
        print(f"parsing {len(articles)} {split} articles…", file=sys.stderr)
        parsed = list(parse_articles(nlp, articles, n_process=n_process))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=[p.doc for p in parsed]).to_disk(cache)
    return list(zip(parsed, documents, strict=True))


def _cache_path(cache_dir: Path, nlp: Language, articles: list[Article]) -> Path:
    digest = hashlib.sha256()
    digest.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{nlp.pipe_names}".encode())
    for article in articles:
        digest.update(build_view(article).text.encode("utf-8"))
    return cache_dir / f"parsed-{digest.hexdigest()[:16]}.spacy"
