"""Classes of punctuation marks the rules read, each named for what it does there.

Marks of the script, not words of a language: they stay code, like the parser's
labels, and each class is written once.
"""

# What opens an aside, where a content completed to its phrase's end stops.
ASIDES = frozenset({"—", "–", "--", "(", ";", ":"})
# What separates a phrase from the next one in a sentence.
SEPARATORS = frozenset({",", ";", "—", "–"})
