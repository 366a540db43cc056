"""spaCy's attribute ruler, applied by table lookup.

The attribute ruler maps tags to coarse parts of speech and sets a few
exceptions (lemmas, morphology). It runs its ~180 patterns through the
Matcher on every token: about a fifth of the base pipeline's time. Its
single-token patterns depend only on the token's tag, lower form, dependency
label and whether it is a space, so what they set is worked out once per
distinct combination and then copied. The few multi-token patterns ("gon
na", "ai n't") still go through a Matcher of their own. Patterns apply in
the ruler's order, later ones winning, so the result is the ruler's own
(checked in ``tests/nlp/test_fast_attributes.py``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

Values = tuple[str, str, str, bool]  # tag, lower, dep, is_space
Settings = list[tuple[str, int]]  # (attribute, spaCy id) pairs, in the order to set them
Rule = tuple[int, dict[str, Any], dict[str, Any]]  # group (the ruler's order), conditions, attrs
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_KEY_ATTRS: list[int | str] = ["TAG", "LOWER", "DEP", "IS_SPACE"]


class FastAttributeRuler:
    """Gives exactly what ``ruler`` gives, looking attributes up instead of matching."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        # Single-token rules that name words, indexed by word; the rest test every token.
        self.by_word: dict[str, list[Rule]] = {}
        self.word_tests: list[Rule] = []  # conditions on the word that are not a list of words
        self.general: list[Rule] = []
        self.multi = Matcher(ruler.vocab)
        self.multi_rules: dict[int, tuple[dict[str, Any], int]] = {}
        entries: list[dict[str, Any]] = ruler.patterns  # spaCy's type is looser than the data
        for group, entry in enumerate(entries):
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and set(pattern[0]) <= set(_FIELDS):
                    self._index((group, pattern[0], entry["attrs"]))
                else:
                    self.multi.add(str(group), [pattern])
                    self.multi_rules[group] = (entry["attrs"], entry["index"])
        self._memo: dict[tuple[int, ...], list[tuple[int, dict[str, Any]]]] = {}
        self._general_memo: dict[tuple[int, ...], list[tuple[int, dict[str, Any]]]] = {}
        self._ids: dict[tuple[tuple[int, int], ...], Settings] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        extra = self._multi_token_rules(doc)
        for i, row in enumerate(doc.to_array(_KEY_ATTRS).tolist()):
            key = tuple(row)
            rules = self._memo.get(key)
            if rules is None:
                rules = self._memo[key] = self._matching(doc, key)
            if i in extra:
                rules = sorted(rules + extra[i], key=lambda rule: rule[0])
            if rules:
                token = doc[i]
                for name, value in self._settings(doc, rules):
                    _set(token, name, value)
        return doc

    def _index(self, rule: Rule) -> None:
        words = rule[1].get("LOWER")
        if isinstance(words, dict) and "IN" in words:
            words = words["IN"]
        if isinstance(words, str):
            words = [words]
        if isinstance(words, list):
            for word in words:
                self.by_word.setdefault(word, []).append(rule)
        elif words is not None:
            self.word_tests.append(rule)
        else:
            self.general.append(rule)

    def _matching(self, doc: Doc, key: tuple[int, ...]) -> list[tuple[int, dict[str, Any]]]:
        strings = doc.vocab.strings
        values: Values = (
            strings[key[0]] if key[0] else "",
            strings[key[1]] if key[1] else "",
            strings[key[2]] if key[2] else "",
            bool(key[3]),
        )
        # The word-free rules depend on tag, dependency and space only: few combinations.
        general_key = (key[0], key[2], key[3])
        general = self._general_memo.get(general_key)
        if general is None:
            general = self._general_memo[general_key] = _matching(self.general, values)
        specific = _matching(self.by_word.get(values[1], []) + self.word_tests, values)
        return sorted(general + specific, key=lambda rule: rule[0]) if specific else general

    def _multi_token_rules(self, doc: Doc) -> dict[int, list[tuple[int, dict[str, Any]]]]:
        extra: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        for match_id, start, end in self.multi(doc):
            group = int(doc.vocab.strings[match_id])
            attrs, index = self.multi_rules[group]
            target = (start if index >= 0 else end) + index
            extra.setdefault(target, []).append((group, attrs))
        return extra

    def _settings(self, doc: Doc, rules: list[tuple[int, dict[str, Any]]]) -> Settings:
        """Merge the rules' attributes, later groups winning, as spaCy ids (memoised)."""
        signature = tuple((group, id(attrs)) for group, attrs in rules)
        settings = self._ids.get(signature)
        if settings is None:
            merged: dict[str, Any] = {}
            for _, attrs in rules:
                merged.update(attrs)
            settings = [(name, _to_id(doc, name, value)) for name, value in merged.items()]
            self._ids[signature] = settings
        return settings


def _matching(rules: list[Rule], values: Values) -> list[tuple[int, dict[str, Any]]]:
    return [
        (group, attrs)
        for group, conditions, attrs in rules
        if all(_holds(values, name, test) for name, test in conditions.items())
    ]


def _holds(values: Values, name: str, test: Any) -> bool:
    value = values[_FIELDS[name]]
    if not isinstance(test, dict):
        return bool(value == test)
    for op, arg in test.items():
        if op == "IN" and value not in arg:
            return False
        if op == "NOT_IN" and value in arg:
            return False
        if op == "REGEX" and not re.search(arg, str(value)):
            return False
        if op not in {"IN", "NOT_IN", "REGEX"}:
            raise ValueError(f"attribute ruler condition {op!r} is not supported")
    return True


def _to_id(doc: Doc, name: str, value: Any) -> int:
    if name == "POS":
        return int(POS_IDS[value])
    if name == "MORPH":
        return 0 if value == "_" else int(doc.vocab.morphology.add(value))
    return int(doc.vocab.strings.add(value))


def _set(token: Any, name: str, value: int) -> None:
    if name == "MORPH":
        token.set_morph(value)
    else:
        setattr(token, name.lower(), value)
