"""Candidate cues: the cue tagger's best path, and the words off it it gives a fair chance."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.nlp.attribution.features import cue_features
from onrecord.nlp.attribution.labels import CUE_BEGIN, CUE_INSIDE, OUTSIDE
from onrecord.nlp.attribution.spans import label_runs
from onrecord.nlp.context import DocContext
from onrecord.nlp.crf import Tagger


@dataclass(frozen=True)
class CueCandidate:
    tokens: list[int]
    confidence: float
    second_chance: bool


def find_cues(tagger: Tagger, ctx: DocContext, threshold: float) -> list[CueCandidate]:
    """Cues on the tagger's best path, and words off it with P(cue) ≥ ``threshold``."""
    cues = []
    for start, end in ctx.sent_bounds:
        best = tagger.tag([cue_features(ctx, i) for i in range(start, end)])
        labels: list[str] = []
        for k, label in enumerate(best):
            if label == OUTSIDE and 1 - tagger.marginal(OUTSIDE, k) < threshold:
                labels.append(OUTSIDE)
            elif (
                labels
                and labels[-1] != OUTSIDE
                and tagger.marginal(CUE_BEGIN, k) < tagger.marginal(CUE_INSIDE, k)
            ):
                labels.append(CUE_INSIDE)
            else:
                labels.append(CUE_BEGIN)
        for run in label_runs(labels, {CUE_BEGIN, CUE_INSIDE}, breaks_on=CUE_BEGIN):
            tokens = [start + k for k in run if not ctx.is_space[start + k]]
            if tokens:
                probs = [1 - tagger.marginal(OUTSIDE, k) for k in run]
                unsure = all(best[k] == OUTSIDE for k in run)
                cues.append(CueCandidate(tokens, sum(probs) / len(probs), unsure))
    return cues
