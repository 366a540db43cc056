"""The act of an attribution: what its source did with the content (docs/acts.md).

Decided from the cue's words (``cue-acts-v1``) and its grammar: a phrase in the
lexicon first ("according to"), then the word that heads the cue, read with what
the parse hangs on it. A verb of saying takes the act of the medium it names ("said
in a statement" is speech, "said on Twitter" writing), a verb whose subject is a
document ("documents show", ``document-nouns-v1``) is evidence and one whose subject
is "reports" a report, and a passive verb of saying with no agent ("it was
reported", "he is said to") a report. A nominal cue takes its noun's act. An act
never changes which attributions are found, only what they are labelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.model import AttributionAct
from onrecord.nlp import lexicons
from onrecord.nlp.attribution.features import cue_head
from onrecord.nlp.context import DocContext
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution

__all__ = ["act_of", "cue_act", "set_acts"]

_TABLE = lexicons.load_table("cue-acts-v1")
ACTS = {key: AttributionAct(value) for key, value in _TABLE.items()}
PHRASES = {tuple(key.split()): act for key, act in ACTS.items() if " " in key}
DOCUMENT_NOUNS = lexicons.load("document-nouns-v1")
# Passives with no agent that leave the statement to no one ("it was revealed", "he is
# said to"); other passives of saying keep their act ("he was criticized").
UNOWNED_PASSIVES = lexicons.load("press-verbs-v1") | {"said"}
# Who stands behind "reports say": the press, unnamed (cue-acts-v1 has "reports").
_MEDIA_REPORTS = "reports"
_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "via", "through", "during", "at"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Acts a medium or a document subject can stand in for: a verb that is itself about
# thinking or intending keeps its act ("the study's authors hope").
_SAYING = frozenset({AttributionAct.SPEECH, AttributionAct.WRITING, AttributionAct.EVIDENCE})


def set_acts(ctx: DocContext, found: Sequence[DocAttribution]) -> None:
    """Sets ``act`` on each attribution; the attributions themselves stay as they are."""
    for attribution in found:
        attribution.act = act_of(ctx, attribution)


def act_of(ctx: DocContext, attribution: DocAttribution) -> AttributionAct:
    """A cue's act; with no cue (a quotation continuing its speaker, a transcript's
    turn) the words were spoken."""
    if attribution.cue is None or attribution.method == TRANSCRIPT_METHOD:
        return AttributionAct.SPEECH
    return cue_act(ctx, [t.i for t in attribution.cue])


def cue_act(ctx: DocContext, cue: Sequence[int]) -> AttributionAct:
    """The act of the cue made of the tokens ``cue``."""
    words = [i for i in cue if not ctx.is_punct[i] and not ctx.is_space[i]]
    if not words:
        return _mark_act(ctx, cue[0])
    phrase = _phrase_act(ctx, words)
    if phrase is not None:
        return phrase
    head = cue_head(ctx, words)
    own = _word_act(ctx, head)
    act = own or _first_known(ctx, words) or AttributionAct.SPEECH
    if ctx.pos[head] in {"VERB", "AUX"}:
        return _verb_act(ctx, head, act, named_medium_only=own is not None)
    return act


def _mark_act(ctx: DocContext, mark: int) -> AttributionAct:
    """A colon or a dash cue's act: a document's before it ("Poll: …") is evidence, anyone
    else's speech."""
    before = mark - 1
    while before >= 0 and ctx.is_space[before]:
        before -= 1
    if before >= 0 and ctx.lemma[before] in DOCUMENT_NOUNS:
        return AttributionAct.EVIDENCE
    return AttributionAct.SPEECH


def _phrase_act(ctx: DocContext, words: Sequence[int]) -> AttributionAct | None:
    """The act of a lexicon phrase the cue's words hold, from their first word on."""
    forms = [ctx.lower[i] for i in words]
    for start in range(len(forms)):
        for phrase, act in PHRASES.items():
            if tuple(forms[start : start + len(phrase)]) == phrase:
                return act
    return None


def _word_act(ctx: DocContext, i: int) -> AttributionAct | None:
    """One word's act: its form, then its lemma, each with its to-infinitive ("agreed to
    clean up") or its part of speech first."""
    pos = ctx.pos[i] if ctx.pos[i] != "PROPN" else "NOUN"
    grammar = [f":{pos}", ""]
    if "xcomp" in ctx.child_deps[i]:
        grammar.insert(0, ":xcomp")
    for key in (ctx.lower[i], ctx.lemma[i]):
        act = next((ACTS[key + g] for g in grammar if key + g in ACTS), None)
        if act is not None:
            return act
    return None


def _first_known(ctx: DocContext, words: Sequence[int]) -> AttributionAct | None:
    """The act of the first cue word the lexicon knows ("made a decision to")."""
    return next((act for i in words if (act := _word_act(ctx, i)) is not None), None)


def _verb_act(
    ctx: DocContext, verb: int, act: AttributionAct, *, named_medium_only: bool
) -> AttributionAct:
    """A verb cue's act read with its grammar: its subject, voice and medium. A verb the
    lexicon knows takes a medium only from a phrase naming it ("said in a letter"); one it
    does not also from its object ("issued a statement", "sent a letter")."""
    subject = _child(ctx, verb, _SUBJECTS)
    if subject is not None and ctx.lower[subject] == _MEDIA_REPORTS:
        return AttributionAct.REPORT
    if act not in _SAYING:
        return act
    if subject is not None and ctx.lemma[subject] in DOCUMENT_NOUNS:
        return AttributionAct.EVIDENCE
    if _passive_without_agent(ctx, verb):
        return AttributionAct.REPORT
    if act is not AttributionAct.SPEECH:
        return act
    # A written source speaks in writing ("the website noted", "the order cited").
    if subject is not None and _writing(ctx, subject):
        return AttributionAct.WRITING
    return _medium(ctx, verb, with_object=not named_medium_only) or act


def _writing(ctx: DocContext, i: int) -> bool:
    """A common noun for a writing ("website", "brief"); a platform's name ("Twitter
    announced") is the company speaking."""
    return ctx.pos[i] == "NOUN" and _word_act(ctx, i) is AttributionAct.WRITING


def _passive_without_agent(ctx: DocContext, verb: int) -> bool:
    kids = ctx.child_deps[verb]
    return ctx.lower[verb] in UNOWNED_PASSIVES and "auxpass" in kids and "agent" not in kids


def _medium(ctx: DocContext, verb: int, *, with_object: bool) -> AttributionAct | None:
    """The act of the medium a verb of saying names ("in a letter", "on Facebook", and
    ``with_object`` "issued a statement"), when it is speech or writing."""
    for child in _children(ctx, verb):
        if ctx.dep[child] == "prep" and ctx.lower[child] in _MEDIUM_PREPOSITIONS:
            found = _child(ctx, child, frozenset({"pobj"}))
        elif ctx.dep[child] == "dobj" and with_object:
            found = child
        else:
            continue
        act = _word_act(ctx, found) if found is not None else None
        if act in {AttributionAct.SPEECH, AttributionAct.WRITING}:
            return act
    return None


def _children(ctx: DocContext, i: int) -> list[int]:
    start, end = ctx.sent_bounds[ctx.sent_of[i]]
    return [j for j in range(start, end) if ctx.head[j] == i and j != i]


def _child(ctx: DocContext, i: int, deps: frozenset[str]) -> int | None:
    return next((j for j in _children(ctx, i) if ctx.dep[j] in deps), None)
