"""Run the annotator's act rules over the act gold and score them (``onrecord eval acts``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from onrecord.errors import DataError
from onrecord.evaluate.acts import ISSUES, POLNEAR, ActCue, ActReport, load_act_gold, score_acts
from onrecord.evaluate.brat import load_split
from onrecord.evaluate.polnear import gold_article
from onrecord.evaluate.topical import load_topical
from onrecord.evaluate.topical_run import topical_article
from onrecord.model import Article, AttributionAct
from onrecord.nlp import Annotator

__all__ = ["evaluate_acts"]


def evaluate_acts(
    data_dir: str | Path, gold_path: str | Path | None = None, annotator: Annotator | None = None
) -> ActReport:
    """The act of each gold cue as the system gives it, scored per part. ``data_dir`` is
    the folder holding ``polnear`` and ``issues-dev``."""
    gold = load_act_gold(gold_path)
    articles = _articles(Path(data_dir), {cue.set for cue in gold})
    annotator = annotator or Annotator()
    predicted: dict[tuple[str, str, tuple[tuple[int, int], ...]], AttributionAct | None] = {}
    for key, article in articles.items():
        cues = [cue for cue in gold if (cue.set, cue.document) == key]
        if not cues:
            continue
        _check_words(article, cues)
        acts = annotator.cue_acts(article, [cue.ranges for cue in cues])
        predicted.update(zip((cue.key for cue in cues), acts, strict=True))
    missing = [cue for cue in gold if cue.key not in predicted]
    if missing:
        raise DataError(f"act gold: no article {missing[0].document!r} in {missing[0].set}")
    return score_acts(gold, [predicted[cue.key] for cue in gold])


def _articles(data: Path, sets: set[str]) -> dict[tuple[str, str], Article]:
    """The articles of the sets the gold names, by (set, article id)."""
    out: dict[tuple[str, str], Article] = {}
    if POLNEAR in sets:
        for document in load_split(data / "polnear", "dev"):
            out[(POLNEAR, document.id)] = gold_article(document)
    for name in sorted(s for s in sets if s.startswith(f"{ISSUES}/")):
        for item in load_topical(data / name):
            out[(name, item.id)] = topical_article(item)
    return out


def _check_words(article: Article, cues: Sequence[ActCue]) -> None:
    """Each gold cue's words are the article's at its ranges: the gold and the data agree."""
    for cue in cues:
        words = " ".join(article.text[a:b] for a, b in cue.ranges)
        if re.sub(r"\s+", " ", words) != cue.cue:
            raise DataError(
                f"act gold: {cue.set} {cue.document} {cue.ranges}: the article has {words!r}"
                f" there, the gold {cue.cue!r}; the gold was made on other data"
            )
