"""Classes of punctuation marks the attribution rules read, each named for its use.

Marks of the script, not words of a language: like the parser's labels they stay
code rather than lexicons, and each class is written once, here.
"""

SENTENCE_ENDS = frozenset({".", "!", "?"})
# What ends a clause within its sentence, and the sentence.
CLAUSE_ENDS = SENTENCE_ENDS | {",", ";"}
# What ends a line that is a finished sentence or quotation (no headline ends so).
LINE_ENDS = SENTENCE_ENDS | {"”", '"'}
# What sets a phrase off between two others: "told reporters, on Thursday, that".
COMMA_OR_DASH = frozenset({",", "—", "–"})
# What separates one phrase from the next in a sentence.
SEPARATORS = COMMA_OR_DASH | {";"}
# What closes a quotation's sentence inside it, with more of the sentence to come:
# "“A,” X said", "“Why?” X asked".
MID_SENTENCE_CLOSE = COMMA_OR_DASH | {"?", "!"}
# What opens an aside, where a content completed to its phrase's end stops.
ASIDES = frozenset({"—", "–", "--", "(", ";", ":"})
# What may stand between a quotation and the name that signs it off: "…” ― Jane Doe".
SIGNOFF_DASHES = frozenset({"―", "—", "–", "--", "-"})
