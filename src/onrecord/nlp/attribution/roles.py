"""A cue's roles: its source and content, from the role tagger and the rules."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Span

from onrecord.nlp.attribution.content_fallbacks import fallback_content, paragraph_after_colon
from onrecord.nlp.attribution.content_rules import (
    completed_clause,
    whole_quotes,
    with_fronted_part,
    within_participle_clause,
    without_addressee,
    without_occasion,
    without_speaker_clause,
    without_verb_adjuncts,
)
from onrecord.nlp.attribution.features import CUE_VERBS, SPEECH_ACT_VERBS, Cue, role_features
from onrecord.nlp.attribution.labels import CONTENT, SOURCE
from onrecord.nlp.attribution.source_rules import (
    according_to_whom,
    grammatical_source,
    nearest_source,
    not_passive_subject,
    not_raised_subject,
    overlap,
    speaker_after_quote,
    unquoted,
    without_participle,
)
from onrecord.nlp.attribution.spans import content_kind, index_runs, label_runs, trimmed_span
from onrecord.nlp.attribution.windows import role_window
from onrecord.nlp.context import DocContext
from onrecord.nlp.crf import Tagger
from onrecord.nlp.doc_records import DocAttribution

METHOD = "crf-v1"


# Adverbs that attribute the clause they modify to an unnamed source.
ADVERBIAL_CUES = frozenset(
    {"reportedly", "allegedly", "apparently", "reputedly", "purportedly", "supposedly"}
)


ADVERB = "adverb"  # the origin of an adverbial cue's content


SPEECH_VERBS = CUE_VERBS | SPEECH_ACT_VERBS


@dataclass(frozen=True)
class Roles:
    """A cue's source and content, as one attribution."""

    attribution: DocAttribution
    content_confidence: float
    # "tagger", ADVERB, or the grammar's fallback: "clause", "that", "quote", "interrupted"
    content_origin: str


def find_roles(tagger: Tagger, ctx: DocContext, cue: list[int], described: Cue) -> Roles | None:
    """The cue's source and content, with the role tagger's mean marginal over the
    content and where the content came from."""
    window = role_window(ctx, cue)
    labels = tagger.tag([role_features(ctx, described, j) for j in window])
    tagged = [window.start + k for k, label in enumerate(labels) if label == CONTENT]
    tagged_source = {window.start + k for k, label in enumerate(labels) if label == SOURCE}
    probs = [tagger.marginal(CONTENT, j - window.start) for j in tagged] or [0.5]
    origin = "tagger"
    block = paragraph_after_colon(ctx, cue)
    if block and set(tagged) <= set(block):
        # "Limbaugh added:" closing its paragraph quotes the next one whole (train
        # gold: 26 of 30), where the tagger often stops at its first sentence.
        origin, tagged = ("tagger" if tagged else "paragraph"), block
    if not tagged:
        # The tagger saw no content: take one from the parse, without what the
        # tagger marked as source, at lower confidence; the checker knows which.
        origin, tagged = fallback_content(ctx, described.head, cue)
        tagged = [i for i in tagged if i not in tagged_source]
        if not tagged:
            return None
    adverb = next((i for i in cue if ctx.lemma[i] in ADVERBIAL_CUES), None)
    if adverb is not None:  # "reportedly": the adverb alone is the cue
        found = _adverbial(ctx, [adverb], adverb)
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
        for labelled in label_runs(labels, {SOURCE})
        for run in index_runs(
            [window.start + k for k in labelled if window.start + k not in in_content]
        )
    ]
    source = named or nearest_source(doc, sources, cue)
    if speaker is not None and (
        source is None
        or not overlap(source, speaker)
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


def _adverbial(ctx: DocContext, cue: list[int], head: int) -> DocAttribution | None:
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


def without_stray_preposition(
    ctx: DocContext, cue: list[int], content: AbstractSet[int], source: Span | None
) -> list[int]:
    """ "said in [an interview]": a preposition at the cue's end whose object is neither
    content nor source says where or when, and is not part of the cue ("pointed to
    [the audit]", "according to [X]" keep theirs)."""
    last = ctx.doc[cue[-1]]
    if len(cue) < 2 or last.dep_ != "prep":
        return cue
    objects = [c for c in last.children if c.dep_ in {"pobj", "pcomp"}]
    for i in (i for o in objects for i in range(o.left_edge.i, o.right_edge.i + 1)):
        if i in content or (source is not None and source.start <= i < source.end):
            return cue
    return cue[:-1] if objects else cue
