"""What rules of several kinds ask of the parse: its subjects, whether a verb has a
clause of its own, the clause a cue interrupts."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A participle with one of these has a clause of its own, and is no bare "Asked …".
OWN_CLAUSE = frozenset({"aux", "nsubj", "nsubjpass", "expl"})


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def interrupted(cue: Token) -> Token | None:
    """The clause a cue interrupts: the parse makes the cue its ``parataxis``, and the
    clause's head follows the cue."""
    clause = cue.head
    return clause if cue.dep_ == "parataxis" and clause.i > cue.i else None
