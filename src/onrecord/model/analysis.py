"""What analysing one article yields."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

from onrecord.model.article import Article
from onrecord.model.attribution import Attribution, AttributionAct, Provenance
from onrecord.model.codec import Fields, RecordError, check_version, versioned
from onrecord.model.position import Position


@dataclass
class Analysis:
    """An article with what the pipeline found in it.

    ``skipped`` says why nothing was looked for (e.g. a non-English article);
    ``error`` says why the analysis of this article failed. Both are ``None``
    when the article was analysed. ``positions`` is ``None`` when no issue was given.
    """

    article: Article
    attributions: list[Attribution] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)
    skipped: str | None = None
    error: str | None = None  # the analysis failed for this article alone
    positions: list[Position] | None = None

    def with_acts(self, acts: Collection[AttributionAct]) -> Analysis:
        """The analysis with only the attributions whose act is one of ``acts``; its
        positions stay as found, so their attribution ids may name ones left out."""
        kept = [a for a in self.attributions if a.act in acts]
        return replace(self, attributions=kept)

    def to_dict(self, with_article: bool = False) -> dict[str, Any]:
        """The analysis as a document; the article is named by its id and, with
        ``with_article``, written whole (without repeating each block's text)."""
        out: dict[str, Any] = {
            "id": self.article.name,
            "article_id": self.article.id,
            "title": self.article.title,
            "language": self.article.language,
            "attributions": [a.to_dict() for a in self.attributions],
        }
        if self.positions is not None:
            out["positions"] = [p.to_dict() for p in self.positions]
        out["provenance"] = self.provenance.to_dict()
        if self.skipped:
            out["skipped"] = self.skipped
        if self.error:
            out["error"] = self.error
        if with_article:
            out["article"] = self.article.to_dict(with_block_text=False)
        return versioned(out)

    @classmethod
    def from_dict(cls, data: object, article: Article | None = None) -> Analysis:
        """An analysis from its dict: the article it holds, else ``article``, whose id
        must be its ``article_id`` (an analysis written without its article)."""
        read = Fields(data, "Analysis")
        check_version(read.data, "Analysis")
        return cls(
            article=_article(read, article),
            attributions=read.records("attributions", Attribution.from_dict),
            provenance=read.optional_record("provenance", Provenance.from_dict) or Provenance(),
            skipped=read.optional_text("skipped"),
            error=read.optional_text("error"),
            positions=read.records("positions", Position.from_dict)
            if read.has("positions")
            else None,
        )


def _article(read: Fields, given: Article | None) -> Article:
    article = read.optional_record("article", Article.from_dict) or given
    if article is None:
        raise RecordError(
            read.path("article"), "is missing: pass the article it was written without"
        )
    wanted = read.optional_text("article_id")
    if wanted is not None and wanted != article.id:
        raise RecordError(
            read.path("article_id"), f"is {wanted!r}, but the article's id is {article.id!r}"
        )
    return article
