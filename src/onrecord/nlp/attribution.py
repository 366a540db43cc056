"""Finding attributions in a parsed Doc: cues first, then each cue's source and content.

Two CRFs trained on annotated news (PolNeAR by default; see ``onrecord
train``): the cue tagger reads one sentence at a time; the role tagger reads
a window around each cue and marks its source and content. Grammar then
shapes what they found (whole quotations, "according to X", "reportedly",
"told Y that", a subject when no source was tagged), and ``nlp.rules`` adds
what the taggers cannot see (dash sign-offs, quotes continuing a speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from onrecord.nlp.checker import CHECKER_MODEL, Checker, Features, candidate_features
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.crf import Tagger
from onrecord.nlp.features import cue_features, cue_head, make_cue, role_features
from onrecord.nlp.labels import CONTENT, CUE_BEGIN, CUE_INSIDE, OUTSIDE, SOURCE
from onrecord.nlp.quotes import QUOTE_CHARS
from onrecord.nlp.rules import (
    DocAttribution,
    content_kind,
    continuation_quotes,
    dash_signoffs,
    headline_tails,
    join_split_quotes,
    nominal_calls,
)
from onrecord.nlp.windows import role_window

MODEL_DIR = Path(__file__).parent / "models" / "attribution-v1"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "role.crfsuite"
METHOD = "crf-v1"
# Candidates are the cue tagger's best path and the words off it with P(cue) ≥
# CANDIDATE_CUE; the checker (nlp.checker) decides which to keep. Models trained
# before the checker keep the rule tuned then on PolNeAR dev (docs/evaluation.md): a
# candidate off the best path is kept when the role tagger's content is 0.75 sure.
CANDIDATE_CUE = 0.4
SECOND_CHANCE_CONTENT = 0.75
# Adverbs that attribute the clause they modify to an unnamed source.
ADVERBIAL_CUES = frozenset(
    {"reportedly", "allegedly", "apparently", "reputedly", "purportedly", "supposedly"}
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class CueCandidate:
    tokens: list[int]
    confidence: float
    second_chance: bool


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


@dataclass(frozen=True)
class Candidate:
    """A cue the cue tagger proposed, with the source and content the role tagger found."""

    cue: CueCandidate
    head: int
    attribution: DocAttribution
    content_confidence: float

    def features(self, ctx: DocContext) -> Features:
        found = self.attribution
        return candidate_features(
            ctx,
            self.head,
            self.cue.confidence,
            not self.cue.second_chance,
            self.content_confidence,
            found.source,
            found.content,
        )


class AttributionFinder:
    def __init__(
        self,
        cue_tagger: Tagger,
        role_tagger: Tagger,
        min_confidence: float = 0.0,
        checker: Checker | None = None,
    ):
        self.cue_tagger = cue_tagger
        self.role_tagger = role_tagger
        self.min_confidence = min_confidence
        self.checker = checker

    @classmethod
    def load(cls, model_dir: Path | None = None, min_confidence: float = 0.0) -> AttributionFinder:
        """The taggers in ``model_dir``, and its checker when there is one (models
        trained before the checker existed have none, and keep the older rule)."""
        directory = model_dir or MODEL_DIR
        checker_path = directory / CHECKER_MODEL
        return cls(
            Tagger(directory / CUE_MODEL),
            Tagger(directory / ROLE_MODEL),
            min_confidence,
            Checker.load(checker_path) if checker_path.exists() else None,
        )

    def find(self, doc: Doc, lemmas: list[str] | None = None) -> list[DocAttribution]:
        if not len(doc):
            return []
        ctx = build_context(doc, paragraph_starts(doc.text), lemmas)
        found = [
            candidate.attribution
            for candidate in self.candidates(ctx)
            if self._keeps(ctx, candidate)
            and candidate.attribution.confidence >= self.min_confidence
        ]
        join_split_quotes(ctx, found)
        found += dash_signoffs(ctx, found)
        found += continuation_quotes(ctx, found)
        found += headline_tails(ctx, found)
        found += nominal_calls(ctx, found)
        return sorted(found, key=lambda a: a.content[0].start)

    def candidates(self, ctx: DocContext) -> list[Candidate]:
        """Every cue the cue tagger finds likely enough, with its source and content."""
        cues = self.find_cues(ctx, CANDIDATE_CUE)
        all_cue_tokens = frozenset(i for cue in cues for i in cue.tokens)
        out = []
        for cue in cues:
            others = all_cue_tokens - set(cue.tokens)
            found = self.find_roles(ctx, cue.tokens, others, cue.confidence)
            if found is not None:
                content_confidence = found.confidence / cue.confidence if cue.confidence else 0.0
                out.append(Candidate(cue, cue_head(ctx, cue.tokens), found, content_confidence))
        return out

    def _keeps(self, ctx: DocContext, candidate: Candidate) -> bool:
        """The checker's decision; it also gives the kept attribution its confidence,
        the probability that it is right. Without a checker, a cue off the tagger's
        best path is kept when its content is sure enough."""
        if self.checker is None:
            return (
                not candidate.cue.second_chance
                or candidate.content_confidence >= SECOND_CHANCE_CONTENT
            )
        probability = self.checker.probability(candidate.features(ctx))
        if probability < self.checker.threshold:
            return False
        candidate.attribution.confidence = probability
        return True

    def find_cues(self, ctx: DocContext, threshold: float) -> list[CueCandidate]:
        """Cues on the tagger's best path, and words off it with P(cue) ≥ ``threshold``."""
        cues = []
        tagger = self.cue_tagger
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
            for run in _runs(labels, {CUE_BEGIN, CUE_INSIDE}, breaks_on=CUE_BEGIN):
                tokens = [start + k for k in run if not ctx.is_space[start + k]]
                if tokens:
                    probs = [1 - tagger.marginal(OUTSIDE, k) for k in run]
                    unsure = all(best[k] == OUTSIDE for k in run)
                    cues.append(CueCandidate(tokens, sum(probs) / len(probs), unsure))
        return cues

    def find_roles(
        self, ctx: DocContext, cue: list[int], other_cues: frozenset[int], cue_confidence: float
    ) -> DocAttribution | None:
        window = role_window(ctx, cue)
        described = make_cue(ctx, cue, other_cues)
        labels = self.role_tagger.tag([role_features(ctx, described, j) for j in window])
        tagged = [window.start + k for k, label in enumerate(labels) if label == CONTENT]
        probs = [self.role_tagger.marginal(CONTENT, j - window.start) for j in tagged]
        if not tagged:
            # The tagger saw no content: take the cue's clausal complement ("The bridge
            # will open, the mayor said"), or the clause after a "that" when the parse
            # missed it ("told an outlet on Thursday that …"), at lower confidence.
            tagged = _complement(ctx, described.head) or _that_clause(ctx, cue)
            probs = [0.5]
            if not tagged:
                return None
        adverb = next((i for i in cue if ctx.lemma[i] in ADVERBIAL_CUES), None)
        if adverb is not None:  # "reportedly": the adverb alone is the cue
            return self._adverbial(ctx, [adverb], adverb, cue_confidence)
        content_tokens = _whole_quotes(ctx, _without_addressee(ctx, described.head, tagged), cue)
        content_tokens = _without_speaker_clause(ctx, described.head, content_tokens)
        content_tokens = _without_verb_adjuncts(ctx, described.head, cue, content_tokens)
        named = _according_to_whom(ctx, described.head)
        if named is not None:  # "According to X, …": X is the source, never the content
            content_tokens = [i for i in content_tokens if not named.start <= i < named.end]
        doc = ctx.doc
        runs = _index_runs(content_tokens)
        trimmed = [_trimmed_span(doc, run[0], run[-1] + 1, punctuation=True) for run in runs]
        content = [span for span in trimmed if span is not None]
        if not content:
            return None
        sources = [[window.start + k for k in run] for run in _runs(labels, {SOURCE})]
        source = _without_participle(
            _unquoted(
                ctx,
                named
                or _nearest_source(doc, sources, cue)
                or _grammatical_source(ctx, described.head, set(content_tokens)),
            )
        )
        return DocAttribution(
            cue=doc[cue[0] : cue[-1] + 1],
            source=source,
            content=content,
            kind=content_kind(ctx, content),
            confidence=cue_confidence * sum(probs) / len(probs),
            method=METHOD,
        )

    def _adverbial(
        self, ctx: DocContext, cue: list[int], head: int, confidence: float
    ) -> DocAttribution | None:
        """ "X reportedly did Y": the whole clause is the content, and there is no source."""
        verb = ctx.head[head]
        first, last = ctx.doc[verb].left_edge.i, ctx.doc[verb].right_edge.i
        tokens = [
            i
            for i in range(first, last + 1)
            if i not in cue and not (ctx.is_punct[i] or ctx.is_space[i])
        ]
        parts = [ctx.doc[run[0] : run[-1] + 1] for run in _index_runs(tokens)]
        if not parts:
            return None
        return DocAttribution(
            cue=ctx.doc[cue[0] : cue[-1] + 1],
            source=None,
            content=parts,
            kind=content_kind(ctx, parts),
            confidence=confidence,
            method=METHOD,
        )


def _complement(ctx: DocContext, head: int) -> list[int]:
    """The tokens of the cue head's clausal complement (its ``ccomp`` subtree)."""
    clause = next((c for c in ctx.doc[head].children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    return list(range(clause.left_edge.i, clause.right_edge.i + 1))


def _that_clause(ctx: DocContext, cue: list[int]) -> list[int]:
    """ "X told Y that …": from a "that" a few words after the cue to the sentence end."""
    sent_end = ctx.sent_bounds[ctx.sent_of[cue[-1]]][1]
    for i in range(cue[-1] + 1, min(cue[-1] + 10, sent_end)):
        if ctx.is_punct[i] and ctx.lower[i] not in {",", "—", "–"}:
            return []
        if ctx.lower[i] == "that":
            end = sent_end
            while end > i and (ctx.is_punct[end - 1] or ctx.is_space[end - 1]):
                end -= 1
            return list(range(i, end))
    return []


def _without_addressee(ctx: DocContext, head: int, tokens: list[int]) -> set[int]:
    """Drop what stands between a cue and its clause: "told [reporters on Monday] that …"."""
    clause = next((c for c in ctx.doc[head].children if c.dep_ == "ccomp" and c.i > head), None)
    if clause is None:
        return set(tokens)
    start = clause.left_edge.i
    return {i for i in tokens if not head < i < start}


def _without_speaker_clause(ctx: DocContext, head: int, tokens: list[int]) -> list[int]:
    """“A,” said X, speaking of Y. “B.”: when the content is quoted, the cue's
    unquoted subject, and what follows an inverted one, describe the speaker."""
    if ctx.quote_of[head] >= 0 or all(ctx.quote_of[i] < 0 for i in tokens):
        return tokens
    doc = ctx.doc
    subject = next((c for c in doc[head].children if c.dep_ == "nsubj"), None)
    if subject is None:
        return tokens
    dropped = set(range(subject.left_edge.i, subject.right_edge.i + 1))
    if subject.i > head:  # inverted: its trailing modifiers describe the speaker too
        dropped.update(
            i
            for c in doc[head].children
            if c.dep_ == "advcl" and c.i > subject.i
            for i in range(c.left_edge.i, c.right_edge.i + 1)
        )
    if any(ctx.quote_of[i] >= 0 for i in dropped):
        return tokens
    return [i for i in tokens if i not in dropped]


# A condition belongs to what was said ("calls for troops if Moscow breaks through").
_CONDITION_MARKERS = frozenset({"if", "unless"})


def _without_verb_adjuncts(
    ctx: DocContext, head: int, cue: list[int], tokens: list[int]
) -> list[int]:
    """What else the speaker did, and around what: the cue verb's trailing verbs that share
    its subject ("described it as terrible [but stopped short of …]") and clauses
    that set a scene ("[as Trump consolidates …]") are not content, unless the
    content starts in them. (Its prepositional phrases were tried too:
    they hold content as often as not.)"""
    if not tokens:
        return tokens
    doc = ctx.doc
    first = tokens[0]
    dropped: set[int] = set()
    for child in doc[head].children:
        if child.i < head or child.i in cue or child.left_edge.i <= first:
            continue
        if not (
            (child.dep_ == "conj" and not _has_subject(child))
            or (child.dep_ == "advcl" and _sets_scene(child))
        ):
            continue
        subtree = range(child.left_edge.i, child.right_edge.i + 1)
        if any(ctx.quote_of[i] >= 0 for i in subtree):
            continue
        dropped.update(subtree)
        # the "but" or "," before a dropped verb goes with it
        j = child.left_edge.i - 1
        while j > first and (ctx.dep[j] in {"cc", "punct"} and ctx.head[j] == head):
            dropped.add(j)
            j -= 1
    return [i for i in tokens if i not in dropped]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _sets_scene(clause: Token) -> bool:
    """ "as Trump consolidates …", "when the vote came"; not a condition, and not a bare
    participle, which the parse often hangs on the verb for its object ("authorised
    strikes [using British-supplied weapons]")."""
    marker = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    return marker not in _CONDITION_MARKERS and clause.tag_ != "VBG"


def _whole_quotes(ctx: DocContext, tokens: set[int], cue: list[int]) -> list[int]:
    """Widen content to every quotation it touches: a quote is never cut in part.

    The quotation holding the cue itself is left alone (a cue inside a quote
    reports something said within it).
    """
    cue_quote = ctx.quote_of[cue[0]]
    for region in {ctx.quote_of[i] for i in tokens} - {-1, cue_quote}:
        first, end = ctx.quote_tokens[region]
        tokens.update(i for i in range(first, end) if i not in cue)
    return sorted(tokens)


def _index_runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _runs(labels: list[str], wanted: set[str], breaks_on: str | None = None) -> list[list[int]]:
    """Maximal runs of positions whose label is in ``wanted``."""
    runs: list[list[int]] = []
    for k, label in enumerate(labels):
        if label not in wanted:
            continue
        if runs and runs[-1][-1] == k - 1 and label != breaks_on:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _trimmed_span(doc: Doc, start: int, end: int, punctuation: bool = False) -> Span | None:
    """``doc[start:end]`` without spaces at its ends (and punctuation other than
    quotation marks, when asked: a content never starts with "," or ends with ":")."""

    def loose(i: int) -> bool:
        token = doc[i]
        return token.is_space or (punctuation and token.is_punct and token.text not in QUOTE_CHARS)

    while start < end and loose(start):
        start += 1
    while end > start and loose(end - 1):
        end -= 1
    return doc[start:end] if end > start else None


_INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp"})  # "…, saying", "and added"


def _according_to_whom(ctx: DocContext, head: int) -> Span | None:
    """The object of "according to"."""
    if ctx.lemma[head] not in {"accord", "according"}:
        return None
    for child in ctx.doc[head].children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return ctx.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def _grammatical_source(ctx: DocContext, head: int, content: set[int]) -> Span | None:
    """When the tagger marks no source: the cue's subject, or the agent of a passive
    cue ("was written by Springsteen").

    Participles and conjoined verbs take the subject of the verb they hang on.
    """
    doc = ctx.doc
    for _ in range(3):
        subject = next((c for c in doc[head].children if c.dep_ == "nsubj"), None) or next(
            (
                o
                for c in doc[head].children
                if c.dep_ == "agent"
                for o in c.children
                if o.dep_ == "pobj"
            ),
            None,
        )
        if subject is not None:
            span = doc[subject.left_edge.i : subject.right_edge.i + 1]
            return None if content & set(range(span.start, span.end)) else span
        if ctx.dep[head] not in _INHERITS_SUBJECT or ctx.head[head] == head:
            return None
        head = ctx.head[head]
    return None


def _without_participle(source: Span | None) -> Span | None:
    """A source ends before a participle that follows it after a comma ("said
    Caddell, speaking of …" tells what the speaker did, not who spoke)."""
    if source is None:
        return None
    doc = source.doc
    for token in source[1:]:
        before = token.left_edge.i - 1
        if (
            token.dep_ == "acl"
            and token.tag_ == "VBG"
            and source.start <= token.head.i < token.i
            and before > source.start
            and doc[before].text == ","
        ):
            return _trimmed_span(doc, source.start, before)
    return source


def _unquoted(ctx: DocContext, source: Span | None) -> Span | None:
    """A source stops where a quotation starts ("said X, “…”" is not part of X)."""
    if source is None:
        return None
    inside = ctx.quote_of[source.start]
    end = next(
        (i for i in range(source.start, source.end) if ctx.quote_of[i] not in (-1, inside)),
        source.end,
    )
    if end == source.end:
        return source
    return _trimmed_span(ctx.doc, source.start, end, punctuation=True)


def _nearest_source(doc: Doc, runs: list[list[int]], cue: list[int]) -> Span | None:
    if not runs:
        return None

    def distance(run: list[int]) -> int:
        return min(abs(run[0] - cue[-1]), abs(run[-1] - cue[0]))

    best = min(runs, key=distance)
    return _trimmed_span(doc, best[0], best[-1] + 1)
