"""``onrecord train``: fit the attribution models to a split in PolNeAR's brat layout.

Training itself, fitting models to gold on parsed articles, is ``nlp.training``'s: it
needs spaCy. Reading annotated data and scoring candidates against it are this
package's. The run that joins them lives here, the lowest layer that sees both: it
reads the split, has it parsed, and has the models fitted, judging the checker's
candidates by the rules attribution (a) and (b) are scored by (``label_candidates``).
Like ``polnear``, it loads spaCy, so the package's ``__init__`` leaves it out.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from onrecord.evaluate.brat import load_split
from onrecord.evaluate.metrics import Tokenizer, greedy_match, same_source
from onrecord.evaluate.polnear import gold_article
from onrecord.evaluate.predictions import to_range_attribution
from onrecord.model import Attribution
from onrecord.model.gold import GoldDocument, RangeAttribution
from onrecord.nlp import crf
from onrecord.nlp.pipeline import load_base
from onrecord.nlp.training.checker import CandidateLabel, CheckerReport
from onrecord.nlp.training.corpus import parse_corpus
from onrecord.nlp.training.trainer import Log, Progress, train_attribution

__all__ = ["TrainingReport", "label_candidates", "train_from_split"]


@dataclass
class TrainingReport:
    data: str
    split: str
    articles: int
    attributions: int
    cue_sequences: int
    role_sequences: int
    seconds: float
    base_model: str
    params: dict[str, crf.TrainingParams]
    checker: CheckerReport | None


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def train_from_split(
    data_dir: Path,
    out_dir: Path,
    *,
    split: str = "train",
    cache_dir: Path | None = None,
    n_process: int = 1,
    checker: bool = True,
    log: Log = _stderr,
    progress: Progress | None = None,
) -> TrainingReport:
    """The cue and role taggers on all of ``data_dir/split``, then (unless ``checker`` is
    false) the checker on candidates from taggers trained on part of it; the model files
    and ``training.json`` (this report) go to ``out_dir``.

    ``log`` is told each step as it begins (on stderr by default); ``progress`` is told
    how far the long ones are: the parse, article by article, and each CRF, iteration by
    iteration (``progress(step, done, most)``).
    """
    started = time.perf_counter()
    nlp = load_base()
    documents = load_split(data_dir, split)
    articles = [gold_article(d) for d in documents]
    parsed = parse_corpus(
        nlp, articles, split, cache_dir, n_process=n_process, log=log, progress=progress
    )
    corpus = list(zip(parsed, documents, strict=True))
    judge = label_candidates if checker else None
    trained = train_attribution(corpus, out_dir, judge, log, progress)
    report = TrainingReport(
        data=str(data_dir),
        split=split,
        articles=len(corpus),
        attributions=trained.taggers.attributions,
        cue_sequences=trained.taggers.cue_sequences,
        role_sequences=trained.taggers.role_sequences,
        seconds=round(time.perf_counter() - started, 1),
        base_model=trained.base_model,
        params=trained.params,
        checker=trained.checker,
    )
    (out_dir / "training.json").write_text(json.dumps(asdict(report), indent=2) + "\n")
    return report


def label_candidates(
    document: GoldDocument, candidates: Sequence[Attribution | None]
) -> list[CandidateLabel]:
    """Each candidate as ``eval polnear`` would count it: content right when matched one to
    one to a gold content (token Jaccard >= 0.5), right when the sources agree too."""
    predicted = [RangeAttribution() if c is None else to_range_attribution(c) for c in candidates]
    tokens = Tokenizer(document.text)
    gold = document.attributions
    matches = greedy_match(
        [tokens.covered(p.content) for p in predicted], [tokens.covered(g.content) for g in gold]
    )
    matched = {p for p, _ in matches}
    right = {p for p, g in matches if same_source(tokens, predicted[p], gold[g])}
    return [CandidateLabel(i in matched, i in right) for i in range(len(predicted))]
