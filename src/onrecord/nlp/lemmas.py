"""Lemmas without running spaCy's lemmatizer over every token.

The rule lemmatizer costs about a fifth of the base pipeline's time, yet a
news corpus repeats the same few thousand (word, tag, morphology) triples.
When the pipeline's lemmatizer is disabled, :class:`LemmaCache` gives the
same lemmas from a memo, calling the lemmatizer only for triples it has not
seen. Lemmas already set (by the attribute ruler, or by an enabled
lemmatizer) are kept, as the lemmatizer itself would keep them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_KEY_ATTRS: list[int | str] = ["ORTH", "POS", "MORPH", "LEMMA"]
_USER_DATA_KEY = "onrecord.lemmas"


class LemmaCache:
    def __init__(self, lemmatizer: Lemmatizer | None) -> None:
        self._lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], str] = {}

    @classmethod
    def for_pipeline(cls, nlp: Language) -> LemmaCache:
        has_lemmatizer = "lemmatizer" in nlp.component_names
        return cls(nlp.get_pipe("lemmatizer") if has_lemmatizer else None)  # type: ignore[arg-type]

    def lemmas(self, doc: Doc) -> list[str]:
        """Lower-cased lemmas of every token, worked out once per Doc: the components
        that read them (attributions, positions) share the result through the Doc."""
        found: list[str] | None = doc.user_data.get(_USER_DATA_KEY)
        if found is None or len(found) != len(doc):
            found = doc.user_data[_USER_DATA_KEY] = self._lemmas(doc)
        return found

    def _lemmas(self, doc: Doc) -> list[str]:
        if not len(doc):
            return []
        strings = doc.vocab.strings
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_KEY_ATTRS).tolist()):
            if lemma:
                out.append(strings[lemma].lower())
                continue
            key = (orth, pos, morph)
            found = self._memo.get(key)
            if found is None:
                found = self._memo[key] = self._lemmatize(doc, i)
            out.append(found)
        return out

    def _lemmatize(self, doc: Doc, i: int) -> str:
        token = doc[i]
        if self._lemmatizer is None:
            return token.lower_
        return self._lemmatizer.rule_lemmatize(token)[0].lower()
