"""What a statement does about the issue: the signals in its words, and the label.

Signals come from the ``stance-cues-v1`` lexicon, matched on lemmas, then read in
context: a cue in an "if" or "whether" clause is hypothetical and dropped; "not
allowed" is a prohibition and "no restrictions" a permission; a permission under
"should", "must", "have to" or an advocacy verb ("urged ... to lift") is asked for,
not given; restrictions that are lifted are not imposed. Of what remains, the signals
nearest the top of the sentence (the cue, then the main clause) are what the
statement does; limits anywhere narrow it. The issue's labels say which combination
of signals each label stands for; a label's own hint phrases take precedence, and
its labelled examples break ties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from onrecord.model import Issue, StanceLabel
from onrecord.nlp import lexicons

_CUES = lexicons.load_table("stance-cues-v1")
# First lemma -> (lemmas of the phrase, the part of speech a one-word entry needs, signal).
_PHRASES: dict[str, list[tuple[tuple[str, ...], str | None, str]]] = {}
for _entry, _signal in _CUES.items():
    _phrase, _, _tag = _entry.partition(":")
    _words = tuple(_phrase.split())
    _PHRASES.setdefault(_words[0], []).append((_words, _tag or None, _signal))

_HYPOTHETICAL = frozenset({"if", "unless", "whether"})
_OBLIGATION = frozenset({"should", "must", "ought", "shall"})
_OBLIGATION_VERBS = frozenset({"need", "have", "has", "had"})  # "need to", "have to"
_NEGATIONS = frozenset({"not", "n't", "never", "no", "none", "nothing", "neither"})
_NEGATING_DETS = frozenset({"no", "neither"})
LIMITS = "limits"
QUALIFIER = "qualifier"  # a condition that narrows nothing: "in line with international law"
# Verbs (lemmas) whose negation is opposition, not silence: "could not support".
_SUPPORT_VERBS = frozenset({"support", "back", "favor", "favour", "endorse"})
RULE_ON_USE = "rule-on-use"  # read as permission or prohibition in context
_PERMISSION_MODALS = frozenset({"can", "could", "may", "might"})
RESTRICTION = "restriction"  # counts only negated ("no restrictions") or lifted
_HINT_GAP = 3  # words allowed between two words of a hint
_EXAMPLE_MIN_OVERLAP = 0.2  # word overlap (Jaccard) an example needs to break a tie
# Links between a permission and the verb that asks for it: "urged members to lift".
_ASKING_CLIMBS = frozenset(
    {"xcomp", "ccomp", "aux", "auxpass", "acomp", "attr", "dobj", "pobj", "prep"}
)
# Links a negation reaches down through: "don't put any restrictions", "no reason not to
# allow", "don't give materiel that can be used beyond ...".
_NEGATION_CLIMBS = frozenset(
    {"dobj", "attr", "acomp", "xcomp", "amod", "compound", "pobj", "prep", "relcl", "acl"}
)


@dataclass(frozen=True)
class Hit:
    signal: str
    token: Token  # the word of the phrase highest in the parse
    depth: int  # steps from the top of the statement; the cue is -1


def find_signals(tokens: Sequence[Token], lemmas: Sequence[str], cue: Iterable[Token]) -> list[Hit]:
    """Signals in ``tokens`` (in text order), read in context; ``cue`` tokens are the
    verb of saying, above everything said."""
    cue_ids = {t.i for t in cue}
    # What the subject's noun phrase says belongs to its owner: in "The Biden
    # administration's decision to allow ... does not change Germany's stance", the
    # permission is not the speaker's.
    content = [t for t in tokens if t.i not in cue_ids]
    in_subjects = {t.i for top in _tops(content) for t in _subject_words(top)}
    raw = [(s, t) for s, t in _matches(tokens, lemmas) if t.i not in in_subjects]
    hits: list[Hit] = []
    for found, token in raw:
        if _hypothetical(token) and found != "warning":
            continue
        signal = _in_context(found, token, raw, lemmas[token.i])
        if signal is None:
            continue
        depth = -1 if token.i in cue_ids else _depth(token)
        hits.append(Hit(signal, token, depth))
    return hits


def as_advocate(signals: frozenset[str]) -> frozenset[str]:
    """What the signals mean from someone with no power to decide (a commentator, an
    institute, another state's official): allowing is asking for it, forbidding is
    opposing it."""
    mapping = {"permission": "advocacy", "prohibition": "opposition"}
    return frozenset(mapping.get(s, s) for s in signals)


def main_signals(hits: Sequence[Hit]) -> frozenset[str]:
    """The signals at the top of the statement, with "limits" when any narrow it."""
    main = [h for h in hits if h.signal not in (LIMITS, QUALIFIER)]
    if not main:
        return frozenset()
    top = min(h.depth for h in main)
    signals = {h.signal for h in main if h.depth == top}
    if any(h.signal == LIMITS for h in hits):
        signals.add(LIMITS)
    return frozenset(signals)


def choose_label(issue: Issue, signals: frozenset[str], text: str) -> StanceLabel | None:
    """The label whose hint the text contains (the longest); else the one whose signal
    combination is the most specific of those present, where several tie the one of
    the issue's labelled example most like the text, then the first in the file. A
    statement with no signal takes no label, hint or not."""
    if not signals:
        return None
    hinted = [
        (len(hint), stance)
        for stance in issue.stances
        for hint in stance.hints
        if _contains(text, hint)
    ]
    if hinted:
        return max(hinted, key=lambda pair: pair[0])[1]
    scored = [
        (len(parts), stance)
        for stance in issue.stances
        for parts in (frozenset(e.split("+")) for e in stance.signals)
        if parts <= signals
    ]
    if not scored:
        return None
    top = max(size for size, _ in scored)
    tied = list(dict.fromkeys(stance for size, stance in scored if size == top))
    return _nearest_example(issue, text, tied) or tied[0]


def _nearest_example(issue: Issue, text: str, labels: list[StanceLabel]) -> StanceLabel | None:
    """Among tied labels, the one whose example shares the most words with the text."""
    if len(labels) < 2 or not issue.examples:
        return None
    words = _content_words(text)
    best, best_score = None, _EXAMPLE_MIN_OVERLAP
    for example in issue.examples:
        stance = next((s for s in labels if s.label == example.stance), None)
        if stance is None:
            continue
        theirs = _content_words(example.text)
        score = len(words & theirs) / len(words | theirs) if words | theirs else 0.0
        if score > best_score:
            best, best_score = stance, score
    return best


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 2}


def _contains(text: str, phrase: str) -> bool:
    """The hint's words in order, with at most a few words between two of them: "only
    inside Ukraine" is in "only inside the territory of Ukraine"."""
    words = [re.escape(w).replace("'", "['’]") for w in phrase.replace("’", "'").split()]
    gap = r"(?:\W+\w+){0," + str(_HINT_GAP) + r"}?\W+"
    pattern = r"(?<!\w)" + gap.join(words) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _matches(tokens: Sequence[Token], lemmas: Sequence[str]) -> Iterable[tuple[str, Token]]:
    """(signal, token) for each lexicon phrase, on lemmas with hyphens skipped, and for
    each rule on use ("can be used", "are to be used only in ...")."""
    words = [(t, lemmas[t.i]) for t in tokens if t.text not in ("-", "‐", "–")]
    for i, (token, lemma) in enumerate(words):
        for phrase, pos, signal in _PHRASES.get(lemma, ()):
            if len(phrase) > 1 and tuple(w for _, w in words[i : i + len(phrase)]) != phrase:
                continue
            if pos is not None and token.pos_ != pos:
                continue
            span = [t for t, _ in words[i : i + len(phrase)]]
            yield signal, min(span, key=_depth)
        if lemma == "use" and _rule_on_use(token):
            yield RULE_ON_USE, token


def _rule_on_use(token: Token) -> bool:
    """ "can be used", "should only be used", "is destined to be used": a passive "use"
    with a modal or an infinitive states how something may be used; so does an active
    one with a modal of permission ("Ukraine may not use ATACMS", "could use")."""
    auxiliaries = [c for c in token.children if c.dep_ == "aux"]
    if any(c.dep_ == "auxpass" for c in token.children):
        return any(c.tag_ == "MD" or c.lower_ == "to" for c in auxiliaries)
    return any(c.lower_ in _PERMISSION_MODALS for c in auxiliaries)


def _in_context(signal: str, token: Token, raw: list[tuple[str, Token]], lemma: str) -> str | None:
    if signal == RULE_ON_USE:  # a supplier's rule: "should" here is not asking others
        return "prohibition" if _negated(token) else "permission"
    if signal in ("prohibition", RESTRICTION) and _lifted(token, raw):
        return None  # "lift the restrictions": the lifting is what counts
    if signal in ("permission", "advocacy") and _governed_by(token, raw, "opposition"):
        return None  # "resisted calls to let ...", "refused to allow": the refusal counts
    if signal == RESTRICTION:  # "no restrictions" allows; restrictions talked about do not
        return "permission" if _negated(token) else None
    if _negated(token):
        if signal == "permission":
            return "prohibition"
        if signal == "prohibition":
            return "permission"
        if signal == "advocacy" and lemma in _SUPPORT_VERBS:
            return "opposition"  # "could not support the deal"
        return None  # "did not warn", "is not considering": no stance either way
    if signal == "permission" and _asked_for(token, raw):
        return "advocacy"
    return signal


def _lifted(token: Token, raw: list[tuple[str, Token]]) -> bool:
    lifters = {t.i for s, t in raw if s in ("permission", "advocacy")}
    return any(a.i in lifters for a in _heads(token, 2))


def _governed_by(token: Token, raw: list[tuple[str, Token]], signal: str) -> bool:
    """Whether a word of ``signal`` governs the token within three steps."""
    governors = {t.i for s, t in raw if s == signal}
    return any(a.i in governors for a in _heads(token, 3))


def _asked_for(token: Token, raw: list[tuple[str, Token]]) -> bool:
    """ "should be allowed", "have to lift", "urged ... to lift", "calls to allow"."""
    advocates = {t.i for s, t in raw if s == "advocacy"}
    for verb in (token, *_heads(token, 4)):
        if verb.i in advocates:
            return True
        if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lower_ in _OBLIGATION_VERBS and _infinitive(verb):
            return True  # "we have to say", "need to lift"
        if verb.dep_ not in _ASKING_CLIMBS:
            break
    return False


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _negated(token: Token) -> bool:
    """ "not allowed", "don't put any restrictions", "no use of weapons is off-limits";
    two negations cancel ("no reason not to allow")."""
    count = 0
    clause = token
    for _ in range(4):
        if clause.dep_ == "conj":  # "does not encourage or enable": the first verb's "not"
            clause = clause.head
        count += sum(1 for c in clause.children if c.dep_ == "neg" or c.lower_ in _NEGATING_DETS)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        count += sum(1 for s in subjects if s.lower_ in _NEGATIONS)
        count += sum(1 for s in subjects for c in s.children if c.lower_ in _NEGATING_DETS)
        if clause.dep_ not in _NEGATION_CLIMBS:
            break
        clause = clause.head
    return count % 2 == 1


def _hypothetical(token: Token) -> bool:
    """Inside an "if", "unless" or "whether" clause."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in node.children):
            return True
        if node.dep_ == "ROOT":
            break
    return False


def _tops(tokens: Sequence[Token]) -> list[Token]:
    """The tokens whose head lies outside ``tokens``: the roots of the statement."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i == t.i or t.head.i not in ids]


def _subject_words(top: Token) -> list[Token]:
    """The words of the subject of ``top``, or of ``top`` itself when it is a subject
    (a content cut short after its subject: "The decision to allow ... —")."""
    subjects = [c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")]
    if top.dep_ in ("nsubj", "nsubjpass"):
        subjects.append(top)
    return [w for s in subjects for w in s.subtree]


def _heads(token: Token, steps: int) -> list[Token]:
    out = []
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def _depth(token: Token) -> int:
    depth = 0
    node = token
    while node.head.i != node.i:
        node = node.head
        depth += 1
    return depth
