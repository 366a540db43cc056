"""Which statements are about an issue.

A topic is a group of alternative terms ("weapon", "missile", "ATACMS"). Terms match
whole words, case-insensitively, with a plural or possessive ending and any mix of
spaces and hyphens between words ("long range" = "long-range"). A statement is about
the issue when its own words mention one of the topics and, with the sentences it sits
in and the few before them, all of them: a quote often leaves out what the sentence
before it said ("The time has come to consider some of these restrictions"). In an
article whose lead is about the issue, one topic in the statement's own words is
enough.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from onrecord.model import Issue

# Sentences before a statement that can supply the topics it leaves out.
CONTEXT_SENTENCES = 3
# The headline and first sentences, which say what the whole article is about.
LEAD_SENTENCES = 3


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
        if not any(t.i in self.by_token for t in tokens):
            return False
        first = sentence_numbers[0]
        context = range(max(first - CONTEXT_SENTENCES, 0), first)
        return self.covers([*context, *sentence_numbers]) or self.lead_is_about

    @property
    def lead_is_about(self) -> bool:
        """Whether the article's lead (its first sentences) is about the issue: then its
        statements need not repeat every topic."""
        return self.covers(range(min(LEAD_SENTENCES, len(self.sentences))))


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
