"""Source rules: who said it, from the role tagger's source or from the grammar.

A source named outright ("according to X", "“…,” X said") wins over the tagger's;
the grammar gives one when the tagger marked none (the cue's subject, a passive
cue's agent); and a source loses what does not name the speaker: a quotation, a
participle after it ("said Caddell, speaking of …"), the subject of a passive verb
of saying ("he was criticized") or of "seem", a clause of its own ("as
[councillors] ask"). They run in the order of ``SOURCE_RULES`` (and, for the
candidates the checker keeps, ``KEPT_SOURCE_RULES``) at the end of this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.nlp import lexicons
from onrecord.nlp.attribution.features import CUE_VERBS, SPEECH_ACT_VERBS
from onrecord.nlp.attribution.punctuation import (
    COMMA_OR_DASH,
    MID_SENTENCE_CLOSE,
    SENTENCE_ENDS,
    SEPARATORS,
)
from onrecord.nlp.attribution.spans import trimmed_span
from onrecord.nlp.attribution.syntax import OWN_CLAUSE, SUBJECTS, has_subject
from onrecord.nlp.attribution.views import SourceView
from onrecord.nlp.context import DocContext

# A source rule takes what the candidate found and the source so far (None before the
# first rule finds one) and returns the source after it. A rule that finds a source
# fills it only when none before it did; a rule that filters one cuts or drops it.
SourceRule = Callable[[DocContext, SourceView, Span | None], Span | None]
SPEECH_VERBS = CUE_VERBS | SPEECH_ACT_VERBS
# Verbs whose subject belongs to the clause they govern ("Melania seems [to have vanished]").
_RAISING_VERBS = lexicons.load("raising-verbs-v1")
_INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp"})  # "…, saying", "and added"


def according_to_whom(ctx: DocContext, head: int) -> Span | None:
    """The object of "according to"."""
    if ctx.lemma[head] not in {"accord", "according"}:
        return None
    for child in ctx.doc[head].children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return ctx.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


# What a speaker's name and description may hold: a noun phrase, not a clause.
_NAMING_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "ADP", "PART", "NUM", "CCONJ"})
_LONGEST_NAMING = 16
_LONGEST_NAME = 3  # words of a name taken without the parse: "Donald J. Trump"


def speaker_after_quote(ctx: DocContext, cue: list[int]) -> Span | None:
    """ "“A,” Flynn, a top Trump surrogate, said": the words between a quotation that
    ends mid-sentence and the cue just after it are the speaker when they are a noun
    phrase and nothing else, whatever the parse made of them (it may hang "Flynn" on a
    word inside the quote)."""
    first = cue[0]
    j = first - 1
    while j >= 0 and ctx.quote_of[j] < 0 and ctx.para_of[j] == ctx.para_of[first]:
        j -= 1
    if j < 0 or ctx.quote_of[j] < 0 or ctx.quote_tokens[ctx.quote_of[j]][1] != j + 1:
        return None
    if j < 1 or ctx.doc[j - 1].text not in MID_SENTENCE_CLOSE:
        return None  # “A.” X said …: X's content may be what follows
    start, end = j + 1, first
    while start < end and (ctx.is_punct[start] or ctx.is_space[start] or ctx.pos[start] == "CCONJ"):
        start += 1  # “A,” and X said
    while end > start and (ctx.doc[end - 1].text in COMMA_OR_DASH or ctx.is_space[end - 1]):
        end -= 1
    span = ctx.doc[start:end]
    if not span or len(span) > _LONGEST_NAMING or span[0].pos_ == "ADP":
        return None  # “A,” but in their report they said: not a name
    # A capitalised word is a name whatever its tag ("Tulsa" is tagged a verb there).
    if not all(t.pos_ in _NAMING_POS or t.is_title or t.is_punct or t.is_space for t in span):
        return None
    if any(t.text in SENTENCE_ENDS for t in span):
        return None
    return span if any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in span) else None


def nearest_source(doc: Doc, runs: Sequence[list[int]], cue: list[int]) -> Span | None:
    """The run nearest the cue, as a span."""
    if not runs:
        return None

    def distance(run: list[int]) -> int:
        return min(abs(run[0] - cue[-1]), abs(run[-1] - cue[0]))

    best = min(runs, key=distance)
    start, end = best[0], best[-1] + 1
    # left after the content is taken out of it: "[The bridge], the mayor"
    while start < end and doc[start].text in SEPARATORS:
        start += 1
    return trimmed_span(doc, start, end)


def named_by_according_to(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """ "According to X, …": X."""
    return source or according_to_whom(ctx, found.cue.head)


def nearest_tagged(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """The run the role tagger marked as source nearest the cue."""
    return source or nearest_source(ctx.doc, found.tagged_runs, found.cue.tokens)


def speaker_between_quote_and_cue(
    ctx: DocContext, found: SourceView, source: Span | None
) -> Span | None:
    """ "“A,” Flynn, a top Trump surrogate, said": the speaker between the quotation and
    the cue, unless the source found holds part of it and goes no further (the
    tagger's source, when it names the speaker, has its edges)."""
    speaker = speaker_after_quote(ctx, found.cue.tokens)
    if speaker is not None and (
        source is None
        or not _overlap(source, speaker)
        or (speaker.start < source.start and source.end <= speaker.end)
    ):
        return speaker
    return source


def _overlap(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def grammatical_source(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """When the tagger marks no source: the cue's subject, or the agent of a passive
    cue ("was written by Springsteen").

    Participles and conjoined verbs take the subject of the verb they hang on
    ("…, saying", "and added", "by telling them", "after saying"; there a passive
    subject counts: "After saying …, she was whisked off").
    """
    if source is not None:
        return source
    doc, content = ctx.doc, found.content
    token = doc[found.cue.head]
    for climbed in range(3):
        subject = _subject_or_agent(token, passive=climbed > 0)
        if subject is not None:
            return _outside(doc[subject.left_edge.i : subject.right_edge.i + 1], content)
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            token = token.head.head
        elif token.dep_ in _INHERITS_SUBJECT and token.head.i != token.i:
            token = token.head
        else:
            return None
    return None


def _subject_or_agent(verb: Token, passive: bool = False) -> Token | None:
    subjects = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    for child in verb.children:
        if child.dep_ in subjects:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _outside(span: Span, content: frozenset[int]) -> Span | None:
    return None if content & set(range(span.start, span.end)) else span


def unquoted(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
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
    return trimmed_span(ctx.doc, source.start, end, punctuation=True)


def without_participle(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
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
            return trimmed_span(doc, source.start, before)
    return source


def not_passive_subject(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """ "He has been harshly criticized for …", "Asked about it, he said …": the subject
    of a passive verb of saying is who it is said of or to, not who says it (PolNeAR
    train: 24 of 431 such subjects are the source, mostly "was assured"; a bare "Asked
    …" has a source in 20 of 81); its agent is the source, if it has one. Other
    passives ("was startled", "is divided over") leave the source as it is."""
    head = found.cue.head
    verb = ctx.doc[head]
    if source is None or ctx.lemma[head] not in SPEECH_VERBS:
        return source
    subject = _passive_subject(verb)
    if subject is None or not (
        source.start <= subject.right_edge.i and subject.left_edge.i < source.end
    ):
        return source
    agent = _subject_or_agent(verb)
    return ctx.doc[agent.left_edge.i : agent.right_edge.i + 1] if agent is not None else None


def _passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb: its own, or for a bare participle ("Asked about
    it, he said"), that of the verb it hangs on."""
    kids = {c.dep_: c for c in verb.children}
    if "auxpass" in kids:
        return kids.get("nsubjpass")
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not kids.keys() & OWN_CLAUSE:
        governor = verb.head
        while governor.dep_ == "conj" and not has_subject(governor):
            governor = governor.head  # "it would adjust and adapt, when asked"
        return next((c for c in governor.children if c.dep_ in SUBJECTS), None)
    return None


def not_raised_subject(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """ "Melania seems to have vanished": a cue that is "seem" or "appear" alone has no
    source; its subject is who the content is about (PolNeAR train: 5 of 160 such
    subjects are the source). With a verb of its own ("appeared to blame") the cue keeps
    its subject, the source in 27 of 30."""
    cue = found.cue.tokens
    if source is None or not any(ctx.lemma[i] in _RAISING_VERBS for i in cue):
        return source
    if any(ctx.pos[i] == "VERB" and ctx.lemma[i] not in _RAISING_VERBS for i in cue):
        return source
    return None


def without_governing_clause(
    ctx: DocContext, found: SourceView, source: Span | None
) -> Span | None:
    """ "Commuters face weeks more uncertainty as [councillors] ask for a study": a source
    whose root is a clause of its own (a verb with a subject) or the verb its cue hangs
    on is not a speaker (the parse hung "councillors" on "as"); what names the speaker
    is the noun phrase that ends it. A clause inside a noun phrase ("Mr. Kamin, who
    emphasized that …") leaves the source as it is."""
    if source is None:
        return None
    governors = {a.i for a in ctx.doc[found.cue.head].ancestors if a.pos_ in {"VERB", "AUX"}}
    roots = [t for t in source if t.head.i == t.i or not source.start <= t.head.i < source.end]
    if not any(t.i in governors or _heads_clause(t) for t in roots):
        return source
    start = source.end
    while start > source.start and ctx.pos[start - 1] in _NOUN_PHRASE_POS:
        start -= 1
    if start == source.end or not any(
        ctx.pos[i] in {"NOUN", "PROPN", "PRON"} for i in range(start, source.end)
    ):
        return None
    return ctx.doc[start : source.end]


_NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "PART"})


def _heads_clause(token: Token) -> bool:
    """A verb with a subject of its own that is no relative pronoun ("who spoke")."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"relcl", "acl"}:
        return False
    subjects = [c for c in token.children if c.dep_ in SUBJECTS]
    return bool(subjects) and not any(
        c.tag_ in {"WP", "WDT", "WP$"} for s in subjects for c in s.subtree
    )


def subject_of_verb_before(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """ "…,” Sanders said, going on to say that …": a participle cue with no source right
    after a verb and a comma shares that verb's subject, wherever the parse hung it."""
    if source is not None:
        return source
    head = found.cue.head
    if ctx.tag[head] != "VBG":
        return None
    k = head - 1
    while k >= 0 and (ctx.is_punct[k] or ctx.is_space[k]):
        k -= 1
    if k < 0 or k == head - 1 or ctx.pos[k] != "VERB" or ctx.sent_of[k] != ctx.sent_of[head]:
        return None
    subject = next((c for c in ctx.doc[k].children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    return _outside(ctx.doc[subject.left_edge.i : subject.right_edge.i + 1], found.content)


def name_just_before(ctx: DocContext, found: SourceView, source: Span | None) -> Span | None:
    """ "In a meeting with the Washington Post Trump said that …": a comma missing, the
    parse took the speaker into the phrase before; the proper name that ends right
    before a finite cue verb with no source is its speaker."""
    head, content = found.cue.head, found.content
    if source is not None:
        return source
    if ctx.tag[head] not in ("VBD", "VBZ", "VBP") or head == 0:
        return None
    if any(c.dep_ in SUBJECTS for c in ctx.doc[head].children):
        return None  # a subject the source rules set aside ("Melania seems to …")
    end = head
    start = end
    while start > 0 and ctx.pos[start - 1] == "PROPN" and start - 1 not in content:
        start -= 1
    if start == end or ctx.sent_of[start] != ctx.sent_of[head]:
        return None
    return ctx.doc[max(start, end - _LONGEST_NAME) : end]


SOURCE_RULES: tuple[SourceRule, ...] = (
    named_by_according_to,
    nearest_tagged,
    speaker_between_quote_and_cue,
    grammatical_source,
    unquoted,
    without_participle,
    not_passive_subject,
    not_raised_subject,
)


# Run after the checker, on the candidates it keeps: it judges the sources SOURCE_RULES
# give (retrained on the sources these cut, it kept fewer contents).
KEPT_SOURCE_RULES: tuple[SourceRule, ...] = (
    without_governing_clause,
    subject_of_verb_before,
    name_just_before,
)
