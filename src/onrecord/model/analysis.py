"""What analysing one article yields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from onrecord.model.article import Article
from onrecord.model.attribution import Attribution, Provenance
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

    def to_dict(self) -> dict[str, Any]:
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
        return out
