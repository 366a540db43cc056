"""Grammar that shapes what the taggers found: which words a content or a source spans.

The role tagger labels tokens one by one; these rules read the parse to give
its spans the edges a reader would: whole quotations, whole phrases (the
tagger often stops inside one), both parts of a clause a cue interrupts ("The
bridge, the mayor said, will open"), no addressee ("told [reporters] that …"),
not what else the speaker did ("… but stopped short of …") nor the speaker's
own clause ("said Caddell, speaking of …"), and a source from the grammar
when the tagger marked none (the cue's subject, a passive cue's agent, the
object of "according to").
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from onrecord.nlp.context import DocContext
from onrecord.nlp.quotes import QUOTE_CHARS


def complement(ctx: DocContext, head: int) -> list[int]:
    """The tokens of the cue head's clausal complement (its ``ccomp`` subtree)."""
    clause = next((c for c in ctx.doc[head].children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    return list(range(clause.left_edge.i, clause.right_edge.i + 1))


def that_clause(ctx: DocContext, cue: list[int]) -> list[int]:
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


def quote_before(ctx: DocContext, head: int) -> list[int]:
    """ "“Why not?” a narrator asks.": the quotation that ends, in the cue's paragraph,
    just before the cue's clause (its subject, or the cue itself)."""
    subject = next(
        (c for c in ctx.doc[head].children if c.dep_ in _SUBJECTS and c.i < head),
        None,
    )
    k = (subject.left_edge.i if subject is not None else head) - 1
    while k >= 0 and ctx.quote_of[k] < 0 and (ctx.is_punct[k] or ctx.is_space[k]):
        k -= 1
    if k < 0 or ctx.quote_of[k] < 0 or ctx.para_of[k] != ctx.para_of[head]:
        return []
    first, end = ctx.quote_tokens[ctx.quote_of[k]]
    return list(range(first, end))


def paragraph_after_colon(ctx: DocContext, cue: list[int]) -> list[int]:
    """ "Limbaugh added:" closing its paragraph: the next paragraph is what he added."""
    para = ctx.para_of[cue[-1]]
    _, end = ctx.para_bounds[para]
    last = end - 1
    while last > cue[-1] and ctx.is_space[last]:
        last -= 1
    colon_ends_cue = last == cue[-1] or (last == cue[-1] + 1 and not ctx.is_space[last])
    if ctx.lower[last] != ":" or not colon_ends_cue or para + 1 >= len(ctx.para_bounds):
        return []
    start, end = ctx.para_bounds[para + 1]
    return [i for i in range(start, end) if not ctx.is_space[i]]


def interrupted_clause(ctx: DocContext, head: int) -> list[int]:
    """ "The bridge, the mayor said, will open": the verb clause a cue interrupts,
    without the cue's own words."""
    cue = ctx.doc[head]
    clause = _interrupted(cue)
    if clause is None or clause.pos_ not in {"VERB", "AUX"}:
        return []
    own = range(cue.left_edge.i, cue.right_edge.i + 1)
    return [i for i in range(clause.left_edge.i, clause.right_edge.i + 1) if i not in own]


def with_fronted_part(ctx: DocContext, head: int, tokens: list[int]) -> list[int]:
    """ "The bridge, the mayor said, will open": when the tagger's content is the part of
    the interrupted clause after the cue, the part before it belongs too."""
    cue = ctx.doc[head]
    clause = _interrupted(cue)
    if clause is None or clause.i not in tokens:
        return tokens
    front = range(clause.left_edge.i, cue.left_edge.i)
    if not front or min(tokens) < cue.left_edge.i:
        return tokens
    return sorted(set(tokens).union(front))


def _interrupted(cue: Token) -> Token | None:
    """The clause a cue interrupts: the parse makes the cue its ``parataxis``, and the
    clause's head follows the cue."""
    clause = cue.head
    return clause if cue.dep_ == "parataxis" and clause.i > cue.i else None


def without_addressee(ctx: DocContext, head: int, tokens: list[int]) -> set[int]:
    """Drop what stands between a cue and its clause: "told [reporters on Monday] that …",
    also when the parse hangs the clause elsewhere ("tweeted [in the early morning
    hours] that …", with the "that" clause on "hours")."""
    clause = next((c for c in ctx.doc[head].children if c.dep_ == "ccomp" and c.i > head), None)
    if clause is None:
        return _from_that(ctx, head, tokens)
    start = clause.left_edge.i
    return {i for i in tokens if not head < i < start}


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
        or any(ctx.quote_of[i] >= 0 or ctx.lower[i] in _SEPARATORS for i in range(first, that))
    ):
        return set(tokens)
    return {i for i in tokens if i >= that}


def completed_clause(
    ctx: DocContext,
    head: int,
    cue: list[int],
    tokens: list[int],
    source: AbstractSet[int],
) -> list[int]:
    """The role tagger often stops inside a phrase ("problems in the Middle East, China
    [and elsewhere]"): an unquoted content with one root, after the cue in its
    sentence, runs on to the end of that root's subtree, in its paragraph, up to an
    aside or the tagged ``source``. A root that is the subject of a clause under the
    cue stands for that clause."""
    if not tokens or any(ctx.quote_of[i] >= 0 for i in tokens):
        return tokens
    inside = set(tokens)
    roots = [i for i in tokens if inside.isdisjoint(ctx.ancestors[i])]
    if len(roots) != 1 or roots[0] < head or ctx.sent_of[roots[0]] != ctx.sent_of[head]:
        return tokens
    verb = ctx.head[roots[0]]
    if ctx.dep[roots[0]] in _SUBJECTS and verb > tokens[-1] and head in ctx.ancestors[verb]:
        roots = [verb]  # "says [the candidate] will announce plans": the whole clause
    rest = []
    for i in range(tokens[-1] + 1, ctx.doc[roots[0]].right_edge.i + 1):
        if ctx.para_of[i] != ctx.para_of[tokens[-1]] or ctx.lower[i] in _ASIDES or i in source:
            break  # a dash or a parenthesis opens an aside, not more of the content
        if ctx.quote_of[i] >= 0:
            return tokens
        rest.append(i)
    return tokens + [i for i in rest if i not in cue]


def without_speaker_clause(ctx: DocContext, head: int, tokens: list[int]) -> list[int]:
    """“A,” said X, speaking of Y. “B.”: when the content is quoted, the cue's
    unquoted subject, and what follows an inverted one, describe the speaker; when the
    quote comes before the cue, so does what trails the cue in its clause (“A,” she
    said [of the election, in which …]; “A,” he told Y[, after …])."""
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


# A condition belongs to what was said ("calls for troops if Moscow breaks through").
_CONDITION_MARKERS = frozenset({"if", "unless"})


def without_verb_adjuncts(
    ctx: DocContext, head: int, cue: list[int], tokens: list[int]
) -> list[int]:
    """What else the speaker did, and when: the cue verb's trailing verbs that share its
    subject ("described it as terrible [but stopped short of …]"), clauses that set a
    scene ("[as Trump consolidates …]") and the cue's phrases of occasion ("endorsed
    Trump [during a speech]") are not content, unless the content starts in them.
    (Dropping all its prepositional phrases was tried: they hold content as often as
    not.)"""
    if not tokens:
        return tokens
    doc = ctx.doc
    first = tokens[0]
    dropped: set[int] = set()
    occasions = [
        c
        for i in cue
        for c in doc[i].children
        if c.dep_ == "prep" and c.lower_ in _WHEN_PREPOSITIONS
    ]
    for child in [*doc[head].children, *occasions]:
        if child.i < head or child.i in cue or child.left_edge.i <= first:
            continue
        if not (
            (child.dep_ == "conj" and not _has_subject(child))
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


# The occasion of saying, after the cue's object ("endorsed Trump [during a speech]"):
# PolNeAR train keeps such phrases of the cue verb out of the content 50 times in 73.
_WHEN_PREPOSITIONS = frozenset({"during", "after", "before", "despite", "until"})
_PARTICIPLE_CLAUSES = frozenset({"pcomp", "advcl"})


def within_participle_clause(ctx: DocContext, head: int, tokens: list[int]) -> list[int]:
    """ "After saying [her foot was swollen], she was whisked off": when the content of a
    cue in a participle clause takes in the verb that clause hangs on, it stays inside
    the clause; the verb's clause is what happened, not what was said. A quotation the
    clause holds in part stays whole."""
    verb = ctx.doc[head]
    if verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_CLAUSES:
        return tokens
    governor = next((t for t in verb.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if governor is None or governor.i not in tokens:
        return tokens
    first, last = verb.left_edge.i, verb.right_edge.i
    inside_quotes = {ctx.quote_of[i] for i in range(first, last + 1)} - {-1}
    return [i for i in tokens if first <= i <= last or ctx.quote_of[i] in inside_quotes]


# Participles that tell on what occasion words were spoken ("when asked about …").
_OCCASION_VERBS = frozenset({"ask", "press", "question"})


def without_occasion(ctx: DocContext, head: int, tokens: list[int]) -> list[int]:
    """ "said it would adapt[, when asked at a press conference about …]": a bare "asked"
    clause after the cue tells when the words were spoken, wherever the parse hangs it
    (here on "adapt"), and is not content unless quoted."""
    doc = ctx.doc
    dropped: set[int] = set()
    for i in tokens:
        verb = doc[i]
        if i <= head or ctx.lemma[i] not in _OCCASION_VERBS or verb.tag_ != "VBN":
            continue
        if verb.dep_ != "advcl" or any(c.dep_ in _OWN_CLAUSE for c in verb.children):
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


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _sets_scene(clause: Token) -> bool:
    """ "as Trump consolidates …", "when the vote came"; not a condition, and not a bare
    participle, which the parse often hangs on the verb for its object ("authorised
    strikes [using British-supplied weapons]")."""
    marker = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    return marker not in _CONDITION_MARKERS and clause.tag_ != "VBG"


def whole_quotes(ctx: DocContext, tokens: set[int], cue: list[int]) -> list[int]:
    """Widen content to every quotation it touches: a quote is never cut in part.

    The quotation holding the cue itself is left alone (a cue inside a quote
    reports something said within it).
    """
    cue_quote = ctx.quote_of[cue[0]]
    for region in {ctx.quote_of[i] for i in tokens} - {-1, cue_quote}:
        first, end = ctx.quote_tokens[region]
        tokens.update(i for i in range(first, end) if i not in cue)
    return sorted(tokens)


def index_runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def trimmed_span(doc: Doc, start: int, end: int, punctuation: bool = False) -> Span | None:
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


_ASIDES = frozenset({"—", "–", "--", "(", ";", ":"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SEPARATORS = frozenset({",", ";", "—", "–"})
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
_MID_SENTENCE_CLOSE = frozenset({",", "?", "!", "—", "–"})
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
    if j < 1 or ctx.doc[j - 1].text not in _MID_SENTENCE_CLOSE:
        return None  # “A.” X said …: X's content may be what follows
    start, end = j + 1, first
    while start < end and (ctx.is_punct[start] or ctx.is_space[start] or ctx.pos[start] == "CCONJ"):
        start += 1  # “A,” and X said
    while end > start and (ctx.doc[end - 1].text in {",", "—", "–"} or ctx.is_space[end - 1]):
        end -= 1
    span = ctx.doc[start:end]
    if not span or len(span) > _LONGEST_NAMING or span[0].pos_ == "ADP":
        return None  # “A,” but in their report they said: not a name
    # A capitalised word is a name whatever its tag ("Tulsa" is tagged a verb there).
    if not all(t.pos_ in _NAMING_POS or t.is_title or t.is_punct or t.is_space for t in span):
        return None
    if any(t.text in {".", "!", "?"} for t in span):
        return None
    return span if any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in span) else None


def grammatical_source(ctx: DocContext, head: int, content: set[int]) -> Span | None:
    """When the tagger marks no source: the cue's subject, or the agent of a passive
    cue ("was written by Springsteen").

    Participles and conjoined verbs take the subject of the verb they hang on
    ("…, saying", "and added", "by telling them", "after saying"; there a passive
    subject counts: "After saying …, she was whisked off").
    """
    doc = ctx.doc
    token = doc[head]
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


def subject_of_verb_before(ctx: DocContext, head: int, content: set[int]) -> Span | None:
    """ "…,” Sanders said, going on to say that …": a participle cue right after a verb
    and a comma shares that verb's subject, wherever the parse hung it."""
    if ctx.tag[head] != "VBG":
        return None
    k = head - 1
    while k >= 0 and (ctx.is_punct[k] or ctx.is_space[k]):
        k -= 1
    if k < 0 or k == head - 1 or ctx.pos[k] != "VERB" or ctx.sent_of[k] != ctx.sent_of[head]:
        return None
    subject = next((c for c in ctx.doc[k].children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    return _outside(ctx.doc[subject.left_edge.i : subject.right_edge.i + 1], content)


def name_just_before(ctx: DocContext, head: int, content: set[int]) -> Span | None:
    """ "In a meeting with the Washington Post Trump said that …": a comma missing, the
    parse took the speaker into the phrase before; the proper name that ends right
    before a finite cue verb with no source is its speaker."""
    if ctx.tag[head] not in ("VBD", "VBZ", "VBP") or head == 0:
        return None
    if any(c.dep_ in _SUBJECTS for c in ctx.doc[head].children):
        return None  # a subject the source rules set aside ("Melania seems to …")
    end = head
    start = end
    while start > 0 and ctx.pos[start - 1] == "PROPN" and start - 1 not in content:
        start -= 1
    if start == end or ctx.sent_of[start] != ctx.sent_of[head]:
        return None
    return ctx.doc[max(start, end - _LONGEST_NAME) : end]


def _outside(span: Span, content: set[int]) -> Span | None:
    return None if content & set(range(span.start, span.end)) else span


def _subject_or_agent(verb: Token, passive: bool = False) -> Token | None:
    subjects = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    for child in verb.children:
        if child.dep_ in subjects:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


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


# A participle with one of these has a clause of its own, and is no bare "Asked …".
_OWN_CLAUSE = frozenset({"aux", "nsubj", "nsubjpass", "expl"})


def not_passive_subject(
    ctx: DocContext, head: int, source: Span | None, speech_verbs: AbstractSet[str]
) -> Span | None:
    """ "He has been harshly criticized for …", "Asked about it, he said …": the subject
    of a passive verb of saying is who it is said of or to, not who says it (PolNeAR
    train: 24 of 431 such subjects are the source, mostly "was assured"; a bare "Asked
    …" has a source in 20 of 81); its agent is the source, if it has one. Other
    passives ("was startled", "is divided over") leave the source as it is."""
    verb = ctx.doc[head]
    if source is None or ctx.lemma[head] not in speech_verbs:
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
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not kids.keys() & _OWN_CLAUSE:
        governor = verb.head
        while governor.dep_ == "conj" and not _has_subject(governor):
            governor = governor.head  # "it would adjust and adapt, when asked"
        return next((c for c in governor.children if c.dep_ in _SUBJECTS), None)
    return None


# Verbs whose subject belongs to the clause they govern ("Melania seems [to have vanished]").
_RAISING_VERBS = frozenset({"seem", "appear"})


def not_raised_subject(ctx: DocContext, cue: list[int], source: Span | None) -> Span | None:
    """ "Melania seems to have vanished": a cue that is "seem" or "appear" alone has no
    source; its subject is who the content is about (PolNeAR train: 5 of 160 such
    subjects are the source). With a verb of its own ("appeared to blame") the cue keeps
    its subject, the source in 27 of 30."""
    if source is None or not any(ctx.lemma[i] in _RAISING_VERBS for i in cue):
        return source
    if any(ctx.pos[i] == "VERB" and ctx.lemma[i] not in _RAISING_VERBS for i in cue):
        return source
    return None


_NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "PART"})


def without_governing_clause(ctx: DocContext, head: int, source: Span | None) -> Span | None:
    """ "Commuters face weeks more uncertainty as [councillors] ask for a study": a source
    whose root is a clause of its own (a verb with a subject) or the verb its cue hangs
    on is not a speaker (the parse hung "councillors" on "as"); what names the speaker
    is the noun phrase that ends it. A clause inside a noun phrase ("Mr. Kamin, who
    emphasized that …") leaves the source as it is."""
    if source is None:
        return None
    governors = {a.i for a in ctx.doc[head].ancestors if a.pos_ in {"VERB", "AUX"}}
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


def _heads_clause(token: Token) -> bool:
    """A verb with a subject of its own that is no relative pronoun ("who spoke")."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"relcl", "acl"}:
        return False
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    return bool(subjects) and not any(
        c.tag_ in {"WP", "WDT", "WP$"} for s in subjects for c in s.subtree
    )


def without_participle(source: Span | None) -> Span | None:
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


def unquoted(ctx: DocContext, source: Span | None) -> Span | None:
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


def nearest_source(doc: Doc, runs: list[list[int]], cue: list[int]) -> Span | None:
    if not runs:
        return None

    def distance(run: list[int]) -> int:
        return min(abs(run[0] - cue[-1]), abs(run[-1] - cue[0]))

    best = min(runs, key=distance)
    start, end = best[0], best[-1] + 1
    # left after the content is taken out of it: "[The bridge], the mayor"
    while start < end and doc[start].text in _SEPARATORS:
        start += 1
    return trimmed_span(doc, start, end)
