"""Content rules: the edges a reader gives what the role tagger marked as content.

The tagger labels tokens one by one; these rules read the parse to widen its
content to whole quotations and whole phrases (it often stops inside one) and to
both parts of a clause a cue interrupts ("The bridge, the mayor said, will
open"), and to drop the addressee ("told [reporters] that …"), what else the
speaker did ("… but stopped short of …"), the speaker's own clause ("said Caddell,
speaking of …"), the occasion ("when asked about …") and the speaker named
outright ("according to X", "“…,” X said"). They run in the order of
``CONTENT_RULES`` at the end of this module, each on the content the one before
it left.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from onrecord.nlp import lexicons
from onrecord.nlp.attribution.punctuation import ASIDES, SEPARATORS
from onrecord.nlp.attribution.source_rules import according_to_whom, speaker_after_quote
from onrecord.nlp.attribution.syntax import OWN_CLAUSE, SUBJECTS, has_subject, interrupted
from onrecord.nlp.attribution.views import CueView
from onrecord.nlp.context import DocContext

# A content rule takes the cue and the content's tokens so far, in order, and returns
# the content's tokens after it.
ContentRule = Callable[[DocContext, CueView, list[int]], list[int]]
# A condition belongs to what was said ("calls for troops if Moscow breaks through").
_CONDITION_MARKERS = lexicons.load("condition-markers-v1")
# The occasion of saying, after the cue's object ("endorsed Trump [during a speech]").
_WHEN_PREPOSITIONS = lexicons.load("occasion-prepositions-v1")
# Participles that tell on what occasion words were spoken ("when asked about …").
_OCCASION_VERBS = lexicons.load("occasion-participles-v1")


def without_addressee(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """Drop what stands between a cue and its clause: "told [reporters on Monday] that …",
    also when the parse hangs the clause elsewhere ("tweeted [in the early morning
    hours] that …", with the "that" clause on "hours")."""
    head = cue.head
    clause = next((c for c in ctx.doc[head].children if c.dep_ == "ccomp" and c.i > head), None)
    if clause is None:
        return sorted(_from_that(ctx, head, tokens))
    start = clause.left_edge.i
    return sorted(i for i in tokens if not head < i < start)


def _opens_clause(ctx: DocContext, that: int) -> bool:
    """ "that" as the complementiser of a verb after it (the parse may call it an
    adverb), not a relative pronoun ("conversations [that] extended") or a determiner."""
    verb = ctx.head[that]
    return (
        verb > that
        and ctx.pos[verb] in ("VERB", "AUX")
        and ctx.dep[that] in ("mark", "advmod")
        and ctx.dep[verb] != "relcl"
    )


def _from_that(ctx: DocContext, head: int, tokens: list[int]) -> set[int]:
    """A content that opens with a prepositional phrase right after the cue and runs
    on to a "that" clause in the same sentence starts at the "that"."""
    if not tokens:
        return set()
    first = min(tokens)
    if first != head + 1 or ctx.pos[first] != "ADP" or ctx.lower[first] == "to":
        return set(tokens)
    that = next(
        (i for i in sorted(tokens) if ctx.lower[i] == "that" and _opens_clause(ctx, i)),
        None,
    )
    if (
        that is None
        or ctx.sent_of[that] != ctx.sent_of[head]
        or any(ctx.quote_of[i] >= 0 or ctx.lower[i] in SEPARATORS for i in range(first, that))
    ):
        return set(tokens)
    return {i for i in tokens if i >= that}


def whole_quotes(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """Widen content to every quotation it touches: a quote is never cut in part.

    The quotation holding the cue itself is left alone (a cue inside a quote
    reports something said within it).
    """
    cue_quote = ctx.quote_of[cue.tokens[0]]
    widened = set(tokens)
    for region in {ctx.quote_of[i] for i in tokens} - {-1, cue_quote}:
        first, end = ctx.quote_tokens[region]
        widened.update(i for i in range(first, end) if i not in cue.tokens)
    return sorted(widened)


def without_speaker_clause(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """“A,” said X, speaking of Y. “B.”: when the content is quoted, the cue's
    unquoted subject, and what follows an inverted one, describe the speaker; when the
    quote comes before the cue, so does what trails the cue in its clause (“A,” she
    said [of the election, in which …]; “A,” he told Y[, after …])."""
    head = cue.head
    if ctx.quote_of[head] >= 0 or all(ctx.quote_of[i] < 0 for i in tokens):
        return tokens
    doc = ctx.doc
    dropped: set[int] = set()
    subject = next((c for c in doc[head].children if c.dep_ == "nsubj"), None)
    if subject is not None:
        dropped.update(range(subject.left_edge.i, subject.right_edge.i + 1))
        if subject.i > head:  # inverted: its trailing modifiers describe the speaker too
            dropped.update(
                i
                for c in doc[head].children
                if c.dep_ == "advcl" and c.i > subject.i
                for i in range(c.left_edge.i, c.right_edge.i + 1)
            )
        if any(ctx.quote_of[i] >= 0 for i in dropped):
            dropped = set()
    if _follows_quote(ctx, head, tokens, subject):
        dropped.update(_trailing_unquoted(ctx, head))
    return [i for i in tokens if i not in dropped]


def _follows_quote(ctx: DocContext, head: int, tokens: list[int], subject: Token | None) -> bool:
    """ "“A,” X said": the content's quotation ends right before the cue, with only
    punctuation, the subject and the verb's adverbs between them."""
    speaker = range(subject.left_edge.i, subject.right_edge.i + 1) if subject else range(0)
    before = [i for i in tokens if i < head and i not in speaker]
    if not before or ctx.quote_of[before[-1]] < 0 or ctx.sent_of[before[-1]] != ctx.sent_of[head]:
        return False
    return all(
        ctx.is_punct[i]
        or ctx.is_space[i]
        or i in speaker
        or (ctx.head[i] == head and ctx.dep[i] in {"advmod", "aux", "neg"})
        for i in range(before[-1] + 1, head)
    )


def _trailing_unquoted(ctx: DocContext, head: int) -> set[int]:
    """The cue verb's children after it, with their subtrees, that hold no quotation
    (the commas and conjunctions between them are such children too)."""
    found: set[int] = set()
    for child in ctx.doc[head].children:
        if child.i < head:
            continue
        subtree = range(child.left_edge.i, child.right_edge.i + 1)
        if all(ctx.quote_of[i] < 0 for i in subtree):
            found.update(subtree)
    return found


def with_fronted_part(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """ "The bridge, the mayor said, will open": when the tagger's content is the part of
    the interrupted clause after the cue, the part before it belongs too."""
    head = ctx.doc[cue.head]
    clause = interrupted(head)
    if clause is None or clause.i not in tokens:
        return tokens
    front = range(clause.left_edge.i, head.left_edge.i)
    if not front or min(tokens) < head.left_edge.i:
        return tokens
    return sorted(set(tokens).union(front))


def completed_clause(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """The role tagger often stops inside a phrase ("problems in the Middle East, China
    [and elsewhere]"): an unquoted content with one root, after the cue in its
    sentence, runs on to the end of that root's subtree, in its paragraph, up to an
    aside or what the tagger marked as source. A root that is the subject of a clause
    under the cue stands for that clause."""
    head, source = cue.head, cue.tagged_source
    if not tokens or any(ctx.quote_of[i] >= 0 for i in tokens):
        return tokens
    inside = set(tokens)
    roots = [i for i in tokens if inside.isdisjoint(ctx.ancestors[i])]
    if len(roots) != 1 or roots[0] < head or ctx.sent_of[roots[0]] != ctx.sent_of[head]:
        return tokens
    verb = ctx.head[roots[0]]
    if ctx.dep[roots[0]] in SUBJECTS and verb > tokens[-1] and head in ctx.ancestors[verb]:
        roots = [verb]  # "says [the candidate] will announce plans": the whole clause
    rest = []
    for i in range(tokens[-1] + 1, ctx.doc[roots[0]].right_edge.i + 1):
        if ctx.para_of[i] != ctx.para_of[tokens[-1]] or ctx.lower[i] in ASIDES or i in source:
            break  # a dash or a parenthesis opens an aside, not more of the content
        if ctx.quote_of[i] >= 0:
            return tokens
        rest.append(i)
    return tokens + [i for i in rest if i not in cue.tokens]


def without_verb_adjuncts(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """What else the speaker did, and when: the cue verb's trailing verbs that share its
    subject ("described it as terrible [but stopped short of …]"), clauses that set a
    scene ("[as Trump consolidates …]") and the cue's phrases of occasion ("endorsed
    Trump [during a speech]") are not content, unless the content starts in them.
    (Dropping all its prepositional phrases was tried: they hold content as often as
    not.)"""
    if not tokens:
        return tokens
    doc, head = ctx.doc, cue.head
    first = tokens[0]
    dropped: set[int] = set()
    occasions = [
        c
        for i in cue.tokens
        for c in doc[i].children
        if c.dep_ == "prep" and c.lower_ in _WHEN_PREPOSITIONS
    ]
    for child in [*doc[head].children, *occasions]:
        if child.i < head or child.i in cue.tokens or child.left_edge.i <= first:
            continue
        if not (
            (child.dep_ == "conj" and not has_subject(child))
            or (child.dep_ == "advcl" and _sets_scene(child))
            or child in occasions
        ):
            continue
        # the "but" or "," before a dropped verb goes with it
        dropped.update(
            _unquoted_with_lead_in(
                ctx, child, first, lambda j: ctx.dep[j] in {"cc", "punct"} and ctx.head[j] == head
            )
        )
    return [i for i in tokens if i not in dropped]


_PARTICIPLE_CLAUSES = frozenset({"pcomp", "advcl"})


def within_participle_clause(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """ "After saying [her foot was swollen], she was whisked off": when the content of a
    cue in a participle clause takes in the verb that clause hangs on, it stays inside
    the clause; the verb's clause is what happened, not what was said. A quotation the
    clause holds in part stays whole."""
    verb = ctx.doc[cue.head]
    if verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_CLAUSES:
        return tokens
    governor = next((t for t in verb.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if governor is None or governor.i not in tokens:
        return tokens
    first, last = verb.left_edge.i, verb.right_edge.i
    inside_quotes = {ctx.quote_of[i] for i in range(first, last + 1)} - {-1}
    return [i for i in tokens if first <= i <= last or ctx.quote_of[i] in inside_quotes]


def without_occasion(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """ "said it would adapt[, when asked at a press conference about …]": a bare "asked"
    clause after the cue tells when the words were spoken, wherever the parse hangs it
    (here on "adapt"), and is not content unless quoted."""
    doc, head = ctx.doc, cue.head
    dropped: set[int] = set()
    for i in tokens:
        verb = doc[i]
        if i <= head or ctx.lemma[i] not in _OCCASION_VERBS or verb.tag_ != "VBN":
            continue
        if verb.dep_ != "advcl" or any(c.dep_ in OWN_CLAUSE for c in verb.children):
            continue
        dropped.update(
            _unquoted_with_lead_in(
                ctx, verb, head, lambda j: ctx.quote_of[j] < 0 and doc[j].text == ","
            )
        )
    return [i for i in tokens if i not in dropped]


def _unquoted_with_lead_in(
    ctx: DocContext, token: Token, floor: int, leads_in: Callable[[int], bool]
) -> set[int]:
    """The token's subtree and the words just before it that ``leads_in`` accepts (down
    to ``floor``, exclusive); nothing when the subtree holds quoted words (a quote is
    never cut)."""
    subtree = range(token.left_edge.i, token.right_edge.i + 1)
    if any(ctx.quote_of[i] >= 0 for i in subtree):
        return set()
    out = set(subtree)
    j = token.left_edge.i - 1
    while j > floor and leads_in(j):
        out.add(j)
        j -= 1
    return out


def _sets_scene(clause: Token) -> bool:
    """ "as Trump consolidates …", "when the vote came"; not a condition, and not a bare
    participle, which the parse often hangs on the verb for its object ("authorised
    strikes [using British-supplied weapons]")."""
    marker = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    return marker not in _CONDITION_MARKERS and clause.tag_ != "VBG"


def without_named_speaker(ctx: DocContext, cue: CueView, tokens: list[int]) -> list[int]:
    """ "According to X, …", "“…,” X said": the speaker the grammar names outright is
    never content (the source rules take it as the source)."""
    for name in (according_to_whom(ctx, cue.head), speaker_after_quote(ctx, cue.tokens)):
        if name is not None:
            tokens = [i for i in tokens if not name.start <= i < name.end]
    return tokens


CONTENT_RULES: tuple[ContentRule, ...] = (
    without_addressee,
    whole_quotes,
    without_speaker_clause,
    with_fronted_part,
    completed_clause,
    without_verb_adjuncts,
    within_participle_clause,
    without_occasion,
    without_named_speaker,
)
