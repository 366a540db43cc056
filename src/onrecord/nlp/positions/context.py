"""What a cue means where it stands: the rewrite rules, a table read in order.

A cue in an "if" or "whether" clause is hypothetical and dropped; "not allowed" is a
prohibition and "no restrictions" a permission; a permission under "should", "must",
"have to" or an advocacy verb ("urged ... to lift") is asked for, not given;
restrictions that are lifted are not imposed. Each rule names the cues it applies to,
the context it needs (a test on the cue's word in its parse), and what the cue then
means; the first rule that applies decides, and a cue no rule applies to means what it
says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.model import Signal
from onrecord.nlp import lexicons
from onrecord.nlp.positions.cues import Found, Marker, Match

_HYPOTHETICAL = lexicons.load("stance-hypothetical-markers-v1")
_OBLIGATION = lexicons.load("stance-obligation-modals-v1")
_OBLIGATION_VERBS = lexicons.load("stance-obligation-verbs-v1")
_NEGATIONS = lexicons.load("stance-negations-v1")
_NEGATING_DETS = frozenset({"no", "neither"})
_SUPPORT_VERBS = lexicons.load("stance-support-verbs-v1")
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
class CueInContext:
    """One cue's word, its lemma, and every cue found in the same statement."""

    token: Token
    lemma: str
    matches: Sequence[Match]


@dataclass(frozen=True)
class Rewrite:
    """A cue saying one of ``says`` means ``means`` where ``when`` holds (None: nothing)."""

    says: tuple[Found, ...]
    when: Callable[[CueInContext], bool]
    means: Found | None


def in_context(found: Found, cue: CueInContext) -> Found | None:
    """What the cue means in its statement: the first rewrite that applies, else itself."""
    for rule in REWRITES:
        if found in rule.says and rule.when(cue):
            return rule.means
    return found


def _always(cue: CueInContext) -> bool:
    return True


def _hypothetical(cue: CueInContext) -> bool:
    """Inside an "if", "unless" or "whether" clause."""
    for node in (cue.token, *cue.token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in node.children):
            return True
        if node.dep_ == "ROOT":
            break
    return False


def _negated(cue: CueInContext) -> bool:
    """ "not allowed", "don't put any restrictions", "no use of weapons is off-limits";
    two negations cancel ("no reason not to allow")."""
    count = 0
    clause = cue.token
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


def _negated_support(cue: CueInContext) -> bool:
    """ "could not support the deal": a verb of support negated."""
    return cue.lemma in _SUPPORT_VERBS and _negated(cue)


def _lifted(cue: CueInContext) -> bool:
    """Governed within two steps by a permission or an advocacy: "lift the restrictions"."""
    return _governed_by(cue, (Signal.PERMISSION, Signal.ADVOCACY), 2)


def _refused(cue: CueInContext) -> bool:
    """Governed within three steps by an opposition: "refused to allow"."""
    return _governed_by(cue, (Signal.OPPOSITION,), 3)


def _governed_by(cue: CueInContext, signals: tuple[Found, ...], steps: int) -> bool:
    governors = {t.i for s, t in cue.matches if s in signals}
    return any(a.i in governors for a in _heads(cue.token, steps))


def _asked_for(cue: CueInContext) -> bool:
    """ "should be allowed", "have to lift", "urged ... to lift", "calls to allow"."""
    advocates = {t.i for s, t in cue.matches if s is Signal.ADVOCACY}
    for verb in (cue.token, *_heads(cue.token, 4)):
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


def _heads(token: Token, steps: int) -> list[Token]:
    out = []
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


_ANY: tuple[Found, ...] = (*Signal, *Marker)

# The rewrite rules, in order: the first whose cues and context match decides.
REWRITES: tuple[Rewrite, ...] = (
    # "warned of war if allies allow it": a hypothetical allows nothing, but still warns
    Rewrite(tuple(f for f in _ANY if f is not Signal.WARNING), _hypothetical, None),
    # a supplier's rule ("can be used only ..."): its "should" asks no one else
    Rewrite((Marker.RULE_ON_USE,), _negated, Signal.PROHIBITION),
    Rewrite((Marker.RULE_ON_USE,), _always, Signal.PERMISSION),
    # "lift the restrictions": the lifting is what counts
    Rewrite((Signal.PROHIBITION, Marker.RESTRICTION), _lifted, None),
    # "resisted calls to let ...", "refused to allow": the refusal counts
    Rewrite((Signal.PERMISSION, Signal.ADVOCACY), _refused, None),
    # "no restrictions" allows; restrictions talked about do not
    Rewrite((Marker.RESTRICTION,), _negated, Signal.PERMISSION),
    Rewrite((Marker.RESTRICTION,), _always, None),
    Rewrite((Signal.PERMISSION,), _negated, Signal.PROHIBITION),  # "not allowed"
    Rewrite((Signal.PROHIBITION,), _negated, Signal.PERMISSION),  # "nothing is off limits"
    # "could not support the deal"
    Rewrite((Signal.ADVOCACY,), _negated_support, Signal.OPPOSITION),
    # "did not warn", "is not considering": no stance either way
    Rewrite(_ANY, _negated, None),
    # "should be allowed", "urged ... to lift"
    Rewrite((Signal.PERMISSION,), _asked_for, Signal.ADVOCACY),
)
