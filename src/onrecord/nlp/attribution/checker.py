"""Which candidate attributions to keep: a logistic model over what the taggers found.

The cue tagger proposes every word it gives a fair chance of being a cue; the
role tagger then finds each candidate's source and content. Neither sees the
whole: the cue tagger does not know whether a content was found, the role
tagger does not know how unusual the cue word is. The checker reads both
(how sure each tagger was, the cue word and its grammar, the shape and origin
of the content, the kind of source found, how the candidate overlaps the
article's others) and gives the probability that the
attribution is right, source included. Candidates below its threshold are
dropped.

It is trained by ``onrecord train`` on candidates the taggers produce for
articles they were not trained on (four folds, each tagged by taggers trained
on the other three), so that it learns how the taggers err on unseen text.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from onrecord.errors import ModelError
from onrecord.nlp import lexicons
from onrecord.nlp.attribution.features import CUE_NOUNS, CUE_VERBS, SPEECH_ACT_VERBS
from onrecord.nlp.context import DocContext

CHECKER_MODEL = "checker.json"
Features = dict[str, float]


@dataclass(frozen=True)
class Checker:
    weights: dict[str, float]
    bias: float
    threshold: float  # chosen in training, on the out-of-fold candidates

    def probability(self, features: Features) -> float:
        score = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    @classmethod
    def load(cls, path: Path) -> Checker:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{path}: cannot load the attribution checker: {exc}") from exc

    def save(self, path: Path) -> None:
        data = {
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v},
        }
        path.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")


def candidate_features(
    ctx: DocContext,
    head: int,
    cue_confidence: float,
    on_best_path: bool,
    content_confidence: float,
    content_origin: str,
    source: Span | None,
    content: list[Span],
) -> Features:
    """What the checker reads of one candidate: the taggers' confidences, the cue's
    word and grammar, the content's size and quotation, and the source's kind."""
    doc = ctx.doc
    n_content = sum(len(part) for part in content)
    quoted = sum(1 for part in content for t in part if ctx.quote_of[t.i] >= 0)
    children = {c.dep_ for c in doc[head].children}
    features: Features = {
        "cue_p": cue_confidence,
        "cue_p^2": cue_confidence**2,
        "content_p": content_confidence,
        "content_p^2": content_confidence**2,
        "both_p": cue_confidence * content_confidence,
        "best_path": float(on_best_path),
        "log_content_tokens": math.log1p(n_content),
        "content_parts": float(len(content)),
        "quoted_share": quoted / n_content if n_content else 0.0,
        f"lemma={ctx.lemma[head]}": 1.0,
        f"pos={ctx.pos[head]}": 1.0,
        f"dep={ctx.dep[head]}": 1.0,
        f"content_from={content_origin}": 1.0,
        f"source={_source_kind(source)}": 1.0,
        f"source_side={_side(source, head)}": 1.0,
    }
    for dep in ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass"):
        if dep in children:
            features[f"has_{dep}"] = 1.0
    if content:
        first = content[0][0]
        features[f"content_link={_link(ctx, head, content[0])}"] = 1.0
        features[f"content_first={first.lower_ if first.lower_ in _OPENERS else first.pos_}"] = 1.0
        if any(t.pos_ in {"VERB", "AUX"} for part in content for t in part):
            features["content_has_verb"] = 1.0
    features[f"lexicon={_in_lexicon(ctx, head)}"] = 1.0
    if ctx.para_of[head] == 0:
        features["first_paragraph"] = 1.0
    if ctx.quote_of[head] >= 0:
        features["cue_in_quote"] = 1.0
    if ctx.sent_has_quote[ctx.sent_of[head]]:
        features["sentence_has_quote"] = 1.0
    return features


@dataclass(frozen=True)
class Sketch:
    """What the other candidates' features need to know of one candidate."""

    head: int
    cue_confidence: float
    content: frozenset[int]


class Rivals:
    """The candidates of one article, indexed by the tokens of their contents and by
    their heads: each candidate's rivals are the ones it touches, found there
    (comparing every pair made an article with thousands of cues quadratic)."""

    def __init__(self, sketches: list[Sketch]) -> None:
        self.sketches = sketches
        self.holding: dict[int, list[int]] = defaultdict(list)  # token: contents holding it
        self.heads: dict[int, list[int]] = defaultdict(list)  # token: candidates it heads
        for k, sketch in enumerate(sketches):
            for token in sketch.content:
                self.holding[token].append(k)
            self.heads[sketch.head].append(k)

    def features(self, own: int) -> frozenset[str]:
        """How candidate ``own`` stands among the others of its article: its cue inside
        another's content (a nested attribution, or a word of what was said taken for a
        cue), its content shared with another cue's (one of the two is wrong), another
        cue inside its content."""
        me = self.sketches[own]

        def rank(k: int) -> str:
            return "stronger" if self.sketches[k].cue_confidence > me.cue_confidence else "weaker"

        found = {f"cue_in_content_of_{rank(k)}" for k in self.holding.get(me.head, ()) if k != own}
        shared = Counter(k for t in me.content for k in self.holding.get(t, ()) if k != own)
        for k, n in shared.items():
            if 2 * n >= len(me.content) + len(self.sketches[k].content) - n:
                found.add(f"content_shared_with_{rank(k)}")
        if any(k != own for t in me.content for k in self.heads.get(t, ())):
            found.add("content_holds_cue")
        return frozenset(found)


def rival_features(own: int, sketches: list[Sketch]) -> frozenset[str]:
    """``Rivals(sketches).features(own)``, for one candidate."""
    return Rivals(sketches).features(own)


# First words the checker reads as themselves, not by their part of speech.
_OPENERS = lexicons.load("content-openers-v1")


def _link(ctx: DocContext, head: int, part: Span) -> str:
    """How the content hangs on the cue: the dependency of its root when that root
    is the cue's child ("ccomp", "dobj"), else where it lies."""
    root = part.root
    if root.head.i == head and root.i != head:
        return root.dep_
    return "before" if part.end <= head else "after"


def _in_lexicon(ctx: DocContext, head: int) -> str:
    lemma = ctx.lemma[head]
    if lemma in CUE_VERBS:
        return "verb"
    if lemma in SPEECH_ACT_VERBS:
        return "wide"
    return "noun" if lemma in CUE_NOUNS else "none"


def _source_kind(source: Span | None) -> str:
    if source is None:
        return "none"
    root = source.root
    return root.pos_ if root.pos_ in {"PRON", "PROPN", "NOUN"} else "other"


def _side(source: Span | None, head: int) -> str:
    if source is None:
        return "none"
    return "before" if source.end <= head else "after"
