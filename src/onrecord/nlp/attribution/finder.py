"""Finding attributions in a parsed Doc: cues first, then each cue's source and content.

Two CRFs trained on annotated news (PolNeAR by default; see ``onrecord
train``): the cue tagger reads one sentence at a time and proposes candidate
cues; the role tagger reads a window around each and marks its source and
content; ``nlp.grammar`` gives those spans their edges (whole quotations,
"according to X", "told Y that", a subject when no source was tagged), and
``nlp.checker`` keeps the candidates likely to be right. ``nlp.rules`` then
adds what the taggers cannot see (dash sign-offs, quotes continuing a
speaker, headlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from onrecord.nlp.attribution.checker import (
    CHECKER_MODEL,
    Checker,
    Features,
    Sketch,
    candidate_features,
    rival_features,
)
from onrecord.nlp.attribution.document_rules import (
    after_colon_only,
    content_kind,
    continuation_quotes,
    dash_signoffs,
    headline_tails,
    join_next_quote,
    join_previous_quote,
    join_split_quotes,
    nominal_calls,
    without_other_clauses,
    without_others_sentences,
)
from onrecord.nlp.attribution.features import (
    CUE_VERBS,
    SPEECH_ACT_VERBS,
    Cue,
    cue_features,
    make_cue,
    role_features,
)
from onrecord.nlp.attribution.grammar import (
    according_to_whom,
    complement,
    completed_clause,
    grammatical_source,
    index_runs,
    interrupted_clause,
    name_just_before,
    nearest_source,
    not_passive_subject,
    not_raised_subject,
    paragraph_after_colon,
    quote_before,
    speaker_after_quote,
    subject_of_verb_before,
    that_clause,
    trimmed_span,
    unquoted,
    whole_quotes,
    with_fronted_part,
    within_participle_clause,
    without_addressee,
    without_governing_clause,
    without_occasion,
    without_participle,
    without_speaker_clause,
    without_stray_preposition,
    without_verb_adjuncts,
)
from onrecord.nlp.attribution.labels import CONTENT, CUE_BEGIN, CUE_INSIDE, OUTSIDE, SOURCE
from onrecord.nlp.attribution.transcripts import Transcript, transcript_turns
from onrecord.nlp.attribution.windows import role_window
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.crf import Tagger
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution

MODEL_DIR = Path(__file__).parents[1] / "models" / "attribution-v1"
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
ADVERB = "adverb"  # the origin of an adverbial cue's content
SPEECH_VERBS = CUE_VERBS | SPEECH_ACT_VERBS
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class CueCandidate:
    tokens: list[int]
    confidence: float
    second_chance: bool


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


@dataclass(frozen=True)
class Roles:
    """A cue's source and content, as one attribution."""

    attribution: DocAttribution
    content_confidence: float
    # "tagger", ADVERB, or the grammar's fallback: "clause", "that", "quote", "interrupted"
    content_origin: str


@dataclass(frozen=True)
class Candidate:
    """A cue the cue tagger proposed, with the source and content the role tagger found."""

    cue: CueCandidate
    head: int
    roles: Roles
    rivals: frozenset[str]  # how it stands among the other candidates (nlp.checker)

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
                attribution = candidate.attribution
                attribution.confidence = confidence
                # After the checker: judged on the tagger's span, kept ones lose the
                # clause (retrained on the cut spans, the checker kept fewer contents).
                attribution.source = without_governing_clause(
                    ctx, candidate.head, attribution.source
                ) or _source_nearby(ctx, candidate.head, attribution.content_tokens())
                found.append(attribution)
        transcript = transcript_turns(ctx)
        found = [a for a in found if not _takes_a_label(a, transcript)] + transcript.turns
        without_others_sentences(ctx, found)
        without_other_clauses(ctx, found)
        after_colon_only(ctx, found)
        join_split_quotes(ctx, found)
        join_next_quote(ctx, found)
        join_previous_quote(ctx, found)
        found += dash_signoffs(ctx, found)
        found += continuation_quotes(ctx, found)
        found += headline_tails(ctx, found)
        found += nominal_calls(ctx, found)
        return sorted(
            (a for a in found if a.method == TRANSCRIPT_METHOD or not _reads_over(a, transcript)),
            key=lambda a: a.content[0].start,
        )

    def candidates(self, ctx: DocContext) -> list[Candidate]:
        """Every cue the cue tagger finds likely enough, with its source and content."""
        cues = self.find_cues(ctx, self.candidate_cue)
        # The role tagger learnt from gold cues which other cue stands between a cue and
        # a word ("blocked"); the tagger's best path stands for them here. A cue off it
        # is too unsure to cut another off its words ("X is vague about Y, experts say").
        blockers = frozenset(i for cue in cues if not cue.second_chance for i in cue.tokens)
        found = []
        for cue in cues:
            described = make_cue(ctx, cue.tokens, blockers - set(cue.tokens))
            roles = self.find_roles(ctx, cue.tokens, described)
            if roles is not None:
                found.append((cue, described.head, roles))
        sketches = [
            Sketch(
                head, cue.confidence, frozenset(t.i for p in roles.attribution.content for t in p)
            )
            for cue, head, roles in found
        ]
        return [
            Candidate(cue, head, roles, rival_features(k, sketches))
            for k, (cue, head, roles) in enumerate(found)
        ]

    def _confidence(self, ctx: DocContext, candidate: Candidate) -> float | None:
        """The kept candidate's confidence, or None to drop it. With a checker, the
        probability that it is right; without one, the two taggers' confidences
        multiplied, a cue off the tagger's best path kept only when its content is
        sure enough."""
        if self.checker is None:
            second_chance = candidate.cue.second_chance
            if second_chance and candidate.content_confidence < self.second_chance_content:
                return None
            return candidate.cue.confidence * candidate.content_confidence
        if candidate.roles.content_origin == ADVERB:
            # A rule on the parse (the "reportedly"), which PolNeAR's annotators
            # follow in only 5 of its 24 training candidates: not the checker's to judge.
            return candidate.cue.confidence
        probability = self.checker.probability(candidate.features(ctx))
        return probability if probability >= self.checker.threshold else None

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

    def find_roles(self, ctx: DocContext, cue: list[int], described: Cue) -> Roles | None:
        """The cue's source and content, with the role tagger's mean marginal over the
        content and where the content came from."""
        window = role_window(ctx, cue)
        labels = self.role_tagger.tag([role_features(ctx, described, j) for j in window])
        tagged = [window.start + k for k, label in enumerate(labels) if label == CONTENT]
        tagged_source = {window.start + k for k, label in enumerate(labels) if label == SOURCE}
        probs = [self.role_tagger.marginal(CONTENT, j - window.start) for j in tagged] or [0.5]
        origin = "tagger"
        block = paragraph_after_colon(ctx, cue)
        if block and set(tagged) <= set(block):
            # "Limbaugh added:" closing its paragraph quotes the next one whole (train
            # gold: 26 of 30), where the tagger often stops at its first sentence.
            origin, tagged = ("tagger" if tagged else "paragraph"), block
        if not tagged:
            # The tagger saw no content: take one from the parse, without what the
            # tagger marked as source, at lower confidence; the checker knows which.
            origin, tagged = _fallback_content(ctx, described.head, cue)
            tagged = [i for i in tagged if i not in tagged_source]
            if not tagged:
                return None
        adverb = next((i for i in cue if ctx.lemma[i] in ADVERBIAL_CUES), None)
        if adverb is not None:  # "reportedly": the adverb alone is the cue
            found = self._adverbial(ctx, [adverb], adverb)
            return None if found is None else Roles(found, 1.0, ADVERB)
        content_tokens = whole_quotes(ctx, without_addressee(ctx, described.head, tagged), cue)
        content_tokens = without_speaker_clause(ctx, described.head, content_tokens)
        content_tokens = with_fronted_part(ctx, described.head, content_tokens)
        content_tokens = completed_clause(ctx, described.head, cue, content_tokens, tagged_source)
        content_tokens = without_verb_adjuncts(ctx, described.head, cue, content_tokens)
        content_tokens = within_participle_clause(ctx, described.head, content_tokens)
        content_tokens = without_occasion(ctx, described.head, content_tokens)
        named = according_to_whom(ctx, described.head)
        speaker = speaker_after_quote(ctx, cue)
        for name in (named, speaker):  # "According to X, …", "“…,” X said": never content
            if name is not None:
                content_tokens = [i for i in content_tokens if not name.start <= i < name.end]
        doc = ctx.doc
        runs = index_runs(content_tokens)
        trimmed = [trimmed_span(doc, run[0], run[-1] + 1, punctuation=True) for run in runs]
        content = [span for span in trimmed if span is not None]
        if not content:
            return None
        in_content = set(content_tokens)
        # a source never overlaps the content ("The bridge, the mayor said, …")
        sources = [
            run
            for labelled in _runs(labels, {SOURCE})
            for run in index_runs(
                [window.start + k for k in labelled if window.start + k not in in_content]
            )
        ]
        source = named or nearest_source(doc, sources, cue)
        if speaker is not None and (
            source is None
            or not _overlap(source, speaker)
            or (speaker.start < source.start and source.end <= speaker.end)
        ):
            source = speaker  # the tagger's source, when it names the speaker, has its edges
        source = without_participle(
            unquoted(ctx, source or grammatical_source(ctx, described.head, in_content))
        )
        source = not_raised_subject(
            ctx, cue, not_passive_subject(ctx, described.head, source, SPEECH_VERBS)
        )
        confidence = sum(probs) / len(probs)
        kept = without_stray_preposition(ctx, cue, in_content, source)
        found = DocAttribution(
            cue=doc[kept[0] : kept[-1] + 1],
            source=source,
            content=content,
            kind=content_kind(ctx, content),
            confidence=confidence,
            method=METHOD,
        )
        return Roles(found, confidence, origin)

    def _adverbial(self, ctx: DocContext, cue: list[int], head: int) -> DocAttribution | None:
        """ "X reportedly did Y": the whole clause is the content (taken from the parse,
        so as sure as the cue), and there is no source."""
        verb = ctx.head[head]
        first, last = ctx.doc[verb].left_edge.i, ctx.doc[verb].right_edge.i
        tokens = [
            i
            for i in range(first, last + 1)
            if i not in cue and not (ctx.is_punct[i] or ctx.is_space[i])
        ]
        parts = [ctx.doc[run[0] : run[-1] + 1] for run in index_runs(tokens)]
        if not parts:
            return None
        return DocAttribution(
            cue=ctx.doc[cue[0] : cue[-1] + 1],
            source=None,
            content=parts,
            kind=content_kind(ctx, parts),
            confidence=1.0,
            method=METHOD,
        )


def _fallback_content(ctx: DocContext, head: int, cue: list[int]) -> tuple[str, list[int]]:
    """Where a content comes from when the tagger marks none, and its tokens: the cue's
    clausal complement ("The bridge will open, the mayor said"), the clause after a
    "that" when the parse missed it ("told an outlet on Thursday that …"), or the
    quotation just before the cue's clause ("“Why not?” a narrator asks"), or the
    clause the cue interrupts ("The bridge, the mayor said, will open")."""
    if tokens := complement(ctx, head):
        return "clause", tokens
    if tokens := that_clause(ctx, cue):
        return "that", tokens
    if tokens := quote_before(ctx, head):
        return "quote", tokens
    return "interrupted", interrupted_clause(ctx, head)


def _takes_a_label(attribution: DocAttribution, transcript: Transcript) -> bool:
    """Whether the tagger read a transcript's "PENCE:" or an editor's "CORRECTION:" as
    a cue (the turn itself stands for the first)."""
    cue = attribution.cue
    return cue is not None and cue.end - 1 in transcript.label_colons


def _reads_over(attribution: DocAttribution, transcript: Transcript) -> bool:
    """Whether a content takes in a turn's speaker label ("PENCE:"): read across turns,
    as a quotation opened at every paragraph and never closed makes it."""
    return any(
        span.start <= turn.cue.start < span.end
        for turn in transcript.turns
        if turn.cue is not None
        for span in attribution.content
    )


def _source_nearby(ctx: DocContext, head: int, content: set[int]) -> Span | None:
    """For a kept cue without a source, what the parse hid: the subject of the verb a
    participle follows, or a name run into the phrase before the cue."""
    return subject_of_verb_before(ctx, head, content) or name_just_before(ctx, head, content)


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


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
