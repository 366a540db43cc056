"""Which statements are about an issue.

A topic is a group of alternative terms ("weapon", "missile", "ATACMS"). Terms match
whole words, case-insensitively, with a plural or possessive ending and any mix of
spaces and hyphens between words ("long range" = "long-range"). A statement is about
the issue when its own words mention one of the topics and, with the sentences it sits
in and the few before them, all of them: a quote often leaves out what the sentence
before it said ("The time has come to consider some of these restrictions"). In an
article whose lead is about the issue, one topic in the statement's own words is
enough. Words that refer back to a decision ("voted against the proposal", "challenged
the move") stand for the topics when the sentences before them name every one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from onrecord.model import Issue
from onrecord.nlp import lexicons

# Sentences before a statement that can supply the topics it leaves out.
CONTEXT_SENTENCES = 3
# The headline and first sentences, which say what the whole article is about.
LEAD_SENTENCES = 3
_REFERENCE_NOUNS = lexicons.load("issue-reference-nouns-v1")
_INDEFINITE = frozenset({"a", "an", "any", "another", "some", "no", "every", "each"})


class TopicIndex:
    """The topics of one issue mentioned in each sentence, and by each token, of one Doc."""

    def __init__(self, doc: Doc, issue: Issue) -> None:
        self.sentences: list[Span] = list(doc.sents)
        self._starts = [s.start_char for s in self.sentences]
        self.count = len(issue.topics)
        self.topics: list[set[int]] = [set() for _ in self.sentences]
        self.by_token: dict[int, set[int]] = {}
        for number, pattern in enumerate(_patterns(issue)):
            for match in pattern.finditer(doc.text):
                self.topics[self.sentence_at(match.start())].add(number)
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                for token in span or ():
                    self.by_token.setdefault(token.i, set()).add(number)

    def sentence_at(self, char: int) -> int:
        return max(bisect.bisect_right(self._starts, char) - 1, 0)

    def covers(self, sentence_numbers: Sequence[int]) -> bool:
        """Whether the sentences together mention every topic."""
        found: set[int] = set()
        for number in sentence_numbers:
            found |= self.topics[number]
        return len(found) == self.count

    def about(self, tokens: Iterable[Token], sentence_numbers: Sequence[int]) -> bool:
        """Whether a statement is about the issue (see the module's docstring)."""
        tokens = list(tokens)
        first = sentence_numbers[0]
        context = range(max(first - CONTEXT_SENTENCES, 0), first)
        if not any(t.i in self.by_token for t in tokens):
            # "voted against the proposal": what the sentences before it named
            return refers_back(tokens) and self.covers([*context, *sentence_numbers])
        return self.covers([*context, *sentence_numbers]) or self.lead_is_about

    @property
    def lead_is_about(self) -> bool:
        """Whether the article's lead (its first sentences) is about the issue: then its
        statements need not repeat every topic."""
        return self.covers(range(min(LEAD_SENTENCES, len(self.sentences))))


def refers_back(tokens: Iterable[Token]) -> bool:
    """Whether the words name a decision with a definite determiner or an owner ("the
    proposal", "this move", "its vote"): something the sentences before them named.
    (Lemmas are not on the tokens here: a plural is its singular with an "s".)"""
    return any(
        t.pos_ == "NOUN"
        and (t.lower_ in _REFERENCE_NOUNS or t.lower_.removesuffix("s") in _REFERENCE_NOUNS)
        and any(c.dep_ in ("det", "poss") and c.lower_ not in _INDEFINITE for c in t.children)
        for t in tokens
    )


@lru_cache(maxsize=64)
def _patterns(issue: Issue) -> list[re.Pattern[str]]:
    return [_pattern(terms) for terms in issue.topics]


def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((_term(t) for t in terms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _term(term: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.replace("’", "'")) if w]
    body = r"[\s\-]+".join(words)
    body = body.replace("'", "['’]")
    return body + r"(?:s|es|['’]s)?"
