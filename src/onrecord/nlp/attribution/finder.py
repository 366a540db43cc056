"""Finding attributions in a parsed Doc: cues first, then each cue's source and content.

Two CRFs trained on annotated news (PolNeAR by default; see ``onrecord
train``): the cue tagger reads one sentence at a time and proposes candidate
cues (``cues``); the role tagger reads a window around each and marks its
source and content, which the content and source rules give their edges
(``roles``: whole quotations, "according to X", "told Y that", a subject when
no source was tagged), and ``checker`` keeps the candidates likely to be right.
The document rules then add what the taggers cannot see (dash sign-offs, quotes
continuing a speaker, headlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from onrecord.nlp.attribution.acts import set_acts
from onrecord.nlp.attribution.checker import (
    CHECKER_MODEL,
    Checker,
    Features,
    Rivals,
    Sketch,
    candidate_features,
)
from onrecord.nlp.attribution.cues import CueCandidate, find_cues
from onrecord.nlp.attribution.document_rules import DOCUMENT_RULES
from onrecord.nlp.attribution.features import make_cue
from onrecord.nlp.attribution.roles import ADVERB, Roles, find_roles
from onrecord.nlp.attribution.source_rules import KEPT_SOURCE_RULES
from onrecord.nlp.attribution.transcripts import transcript_turns
from onrecord.nlp.attribution.views import SourceView
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.crf import Tagger
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution

MODEL_DIR = Path(__file__).parents[1] / "models" / "attribution-v1"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "role.crfsuite"
# Candidates are the cue tagger's best path and the words off it with P(cue) ≥
# CANDIDATE_CUE; the checker (``checker``) decides which to keep. Models trained
# before the checker keep the rule tuned then on PolNeAR dev (docs/evaluation.md): a
# candidate off the best path is kept when the role tagger's content is 0.75 sure.
CANDIDATE_CUE = 0.4
SECOND_CHANCE_CONTENT = 0.75
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


@dataclass(frozen=True)
class Candidate:
    """A cue the cue tagger proposed, with the source and content the role tagger found."""

    cue: CueCandidate
    head: int
    roles: Roles
    rivals: frozenset[str]  # how it stands among the other candidates (``checker``)

    @property
    def attribution(self) -> DocAttribution:
        return self.roles.attribution

    @property
    def content_confidence(self) -> float:
        return self.roles.content_confidence

    def features(self, ctx: DocContext) -> Features:
        found = self.attribution
        return candidate_features(
            ctx,
            self.head,
            self.cue.confidence,
            not self.cue.second_chance,
            self.content_confidence,
            self.roles.content_origin,
            found.source,
            found.content,
        ) | dict.fromkeys(self.rivals, 1.0)


class AttributionFinder:
    def __init__(
        self,
        cue_tagger: Tagger,
        role_tagger: Tagger,
        min_confidence: float = 0.0,
        checker: Checker | None = None,
        *,
        candidate_cue: float = CANDIDATE_CUE,
        second_chance_content: float = SECOND_CHANCE_CONTENT,
    ):
        self.cue_tagger = cue_tagger
        self.role_tagger = role_tagger
        self.min_confidence = min_confidence
        self.checker = checker
        self.candidate_cue = candidate_cue
        self.second_chance_content = second_chance_content

    @classmethod
    def load(
        cls,
        model_dir: Path | None = None,
        min_confidence: float = 0.0,
        *,
        candidate_cue: float = CANDIDATE_CUE,
        second_chance_content: float = SECOND_CHANCE_CONTENT,
    ) -> AttributionFinder:
        """The taggers in ``model_dir``, and its checker when there is one (models
        trained before the checker existed have none, and keep the older rule)."""
        directory = model_dir or MODEL_DIR
        checker_path = directory / CHECKER_MODEL
        return cls(
            Tagger(directory / CUE_MODEL),
            Tagger(directory / ROLE_MODEL),
            min_confidence,
            Checker.load(checker_path) if checker_path.exists() else None,
            candidate_cue=candidate_cue,
            second_chance_content=second_chance_content,
        )

    def find(self, doc: Doc, lemmas: list[str] | None = None) -> list[DocAttribution]:
        if not len(doc):
            return []
        ctx = build_context(doc, paragraph_starts(doc.text), lemmas)
        found = []
        for candidate in self.candidates(ctx):
            confidence = self._confidence(ctx, candidate)
            if confidence is not None and confidence >= self.min_confidence:
                found.append(_kept(ctx, candidate, confidence))
        # The transcript frames the document rules rather than being one: its label
        # colons are no cue, its turns are there for the rules to read, and after them
        # a content that reads across turns is dropped.
        transcript = transcript_turns(ctx)
        found = [a for a in found if not transcript.takes_a_label(a)] + transcript.turns
        for rule in DOCUMENT_RULES:
            found = rule(ctx, found)
        kept = sorted(
            (a for a in found if a.method == TRANSCRIPT_METHOD or not transcript.reads_over(a)),
            key=lambda a: a.content[0].start,
        )
        set_acts(ctx, kept)
        return kept

    def candidates(self, ctx: DocContext) -> list[Candidate]:
        """Every cue the cue tagger finds likely enough, with its source and content."""
        cues = find_cues(self.cue_tagger, ctx, self.candidate_cue)
        # The role tagger learnt from gold cues which other cue stands between a cue and
        # a word ("blocked"); the tagger's best path stands for them here. A cue off it
        # is too unsure to cut another off its words ("X is vague about Y, experts say").
        blockers = frozenset(i for cue in cues if not cue.second_chance for i in cue.tokens)
        found = []
        for cue in cues:
            described = make_cue(ctx, cue.tokens, blockers - set(cue.tokens))
            roles = find_roles(self.role_tagger, ctx, cue.tokens, described)
            if roles is not None:
                found.append((cue, described.head, roles))
        sketches = [
            Sketch(
                head, cue.confidence, frozenset(t.i for p in roles.attribution.content for t in p)
            )
            for cue, head, roles in found
        ]
        rivals = Rivals(sketches)
        return [
            Candidate(cue, head, roles, rivals.features(k))
            for k, (cue, head, roles) in enumerate(found)
        ]

    def _confidence(self, ctx: DocContext, candidate: Candidate) -> float | None:
        """The kept candidate's confidence, or None to drop it. With a checker, the
        probability that it is right; without one, the two taggers' confidences
        multiplied, a cue off the tagger's best path kept only when its content is
        sure enough."""
        if self.checker is None:
            unsure = candidate.content_confidence < self.second_chance_content
            if candidate.cue.second_chance and unsure:
                return None
            return candidate.cue.confidence * candidate.content_confidence
        if candidate.roles.content_origin == ADVERB:
            # A rule on the parse (the "reportedly"), which PolNeAR's annotators
            # follow in only 5 of its 24 training candidates: not the checker's to judge.
            return candidate.cue.confidence
        probability = self.checker.probability(candidate.features(ctx))
        return probability if probability >= self.checker.threshold else None


def _kept(ctx: DocContext, candidate: Candidate, confidence: float) -> DocAttribution:
    """A candidate the checker kept, with its confidence and the source rules that run
    after the checker (``source_rules.KEPT_SOURCE_RULES``)."""
    attribution = candidate.attribution
    attribution.confidence = confidence
    found = SourceView(candidate.roles.cue, frozenset(attribution.content_tokens()))
    for rule in KEPT_SOURCE_RULES:
        attribution.source = rule(ctx, found, attribution.source)
    return attribution
