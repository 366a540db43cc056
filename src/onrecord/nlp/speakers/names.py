"""The names an article gives in full, to resolve its short and descriptive mentions.

"Putin" is the article's "Vladimir Putin"; "The ISW" its "Institute for the Study of
War"; "the Latvian president" its "Latvian President Edgars Rinkēvičs". spaCy's tagger
marks proper nouns (NNP, NNPS); named-entity recognition is not run (it would double the
pipeline's time), so a name's type comes from its words and from country data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from onrecord.knowledge import calendar_names, country_by_name, country_of
from onrecord.knowledge.actors import ActorKnowledge, starter_knowledge
from onrecord.model import Actor, ActorType, fold
from onrecord.nlp import lexicons

TITLES = lexicons.load("titles-v1")
ACTOR_NOUNS = lexicons.load_table("actor-nouns-v1")
PROPER_TAGS = frozenset({"NNP", "NNPS"})
PERSON = ActorType.PERSON
_GENERATIONAL = ("Jr.", "Sr.")  # end a name, never begin one
# Lower-case words allowed inside a proper name, with where they may stand: "Institute
# for the Study of War", "Committee on Foreign Affairs".
NAME_CONNECTORS = lexicons.load_table("name-connectors-v1")
# Capitalised, tagged as proper nouns, and never a person.
_CALENDAR = frozenset(calendar_names.MONTHS) | frozenset(calendar_names.WEEKDAYS)


def noun_class(token: Token) -> str | None:
    """The class ``actor-nouns-v1`` gives the token's word (or its singular), if any."""
    word = token.lower_.rstrip(".")
    for form in (word, singular(word)):
        if form in ACTOR_NOUNS:
            return ACTOR_NOUNS[form]
    return None


def singular(word: str) -> str:
    # The pipeline runs without its lemmatizer (see nlp.lemmas); plural nouns are regular
    # in the actor-nouns list, so a suffix rule does.
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_title(token: Token) -> bool:
    return token.lower_ in TITLES


def is_place_word(token: Token) -> bool:
    """A country, capital or demonym ("Russian", "U.S.", "Kremlin")."""
    return bool(country_of(token.text))


@dataclass(frozen=True)
class NameMention:
    name: str  # as the text writes it, without titles: "Vladimir Putin"
    role: str | None  # the words before it in its noun phrase: "Russian President"
    start: int  # the first token of the whole mention, titles included
    is_subject: bool


@dataclass
class NameIndex:
    persons: list[NameMention] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "ISW" -> the full name
    # Organisations named in full, with their first token: what "the chamber" refers to.
    organisations: list[tuple[int, str]] = field(default_factory=list)
    _by_surname: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    _full_names: dict[str, str] = field(default_factory=dict)
    # What the article does not say: "Erdogan" alone is the known "Recep Tayyip Erdoğan".
    knowledge: ActorKnowledge = field(default_factory=starter_knowledge)

    @classmethod
    def build(cls, doc: Doc, knowledge: ActorKnowledge | None = None) -> NameIndex:
        index = cls(knowledge=knowledge or starter_knowledge())
        for run in _proper_runs(doc):
            organisation = _organisation_name(run)
            if organisation is not None:
                index.acronyms.setdefault(_initials(organisation), organisation)
                index.organisations.append((run[0].i, organisation))
                continue
            person = person_name(run)
            if person is not None:
                index.persons.append(person)
                folded = tuple(fold(person.name).split())
                index._by_surname.setdefault(folded[-1], []).append((folded, person.name))
        return index

    def full_name(self, name: str) -> str:
        """The longest name in the article that ends the way ``name`` does, as the actors
        knowledge writes it when it knows the person ("Tayyip Erdogan" → "Recep Tayyip
        Erdoğan")."""
        if name not in self._full_names:
            tokens = tuple(fold(name).split())
            best, length = name, len(tokens)
            for folded, candidate in self._by_surname.get(tokens[-1], ()) if tokens else ():
                if len(folded) > length and folded[-len(tokens) :] == tokens:
                    best, length = candidate, len(folded)
            known = self.knowledge.known(best)
            self._full_names[name] = known.name if known and known.type is PERSON else best
        return self._full_names[name]

    def count(self, name: str) -> int:
        return sum(1 for person in self.persons if person.name == name)

    def with_role(self, words: set[str]) -> NameMention | None:
        """The person whose role words include all of ``words`` ("latvian", "president")."""
        for person in self.persons:
            role = set(fold(person.role).split()) if person.role else set()
            if words and words <= role:
                return person
        return None


def person_name(tokens: list[Token]) -> NameMention | None:
    """The name words that end a run of proper nouns, read as a person's name.

    What comes before them in the noun phrase is the role: "U.S. Secretary of State
    Antony Blinken", "Deputy Premier and Foreign Minister Antonio Tajani".
    """
    body: list[Token] = []
    for token in reversed(tokens):
        if not (_is_name_word(token) or _joins_name(token, body)) or is_title(token):
            break
        body.insert(0, token)
    while body and body[0].tag_ == "HYPH":
        body = body[1:]
    words = sum(1 for t in body if t.tag_ != "HYPH")
    # "Speaker of the House Kevin McCarthy", "Secretary for the Economy and Climate
    # Sven Giegold": a capitalised word right after a title's connector ends the title.
    while words > 2 and body[0].i > tokens[0].i and body[0].nbor(-1).lower_ in _TITLE_LINKS:
        body, words = body[1:], words - 1
    if not body or words > 4 or body[0].text in _GENERATIONAL:
        return None
    text = name_text(body)
    if country_by_name(text):
        return None
    head = body[-1]
    start = min(tokens[0].i, head.left_edge.i)
    return NameMention(text, _role(head.doc[start : body[0].i]), start, _is_subject(head))


# The lower-case words inside an office's name: "Secretary of State", "Minister for
# the Economy and Climate".
_TITLE_LINKS = lexicons.load("title-links-v1")


def _joins_name(token: Token, body: list[Token]) -> bool:
    """The hyphen of a compound name written without spaces ("Jean-Pierre")."""
    return (
        token.tag_ == "HYPH"
        and bool(body)
        and not token.whitespace_
        and token.i > 0
        and not token.nbor(-1).whitespace_
    )


def name_text(tokens: list[Token]) -> str:
    """A name's words as written, a hyphen kept without spaces: "Karine Jean-Pierre"."""
    return " ".join("".join(t.text_with_ws for t in tokens).split())


# Forms of address, not offices: "Lord Cameron" has no role from "Lord".
_HONORIFICS = lexicons.load("honorifics-v1")


def _role(words: Span) -> str | None:
    """The office words before a name, within its line: a scraped date or the end of
    the previous paragraph is not a role."""
    tokens = list(words)
    for position, token in enumerate(tokens):
        if "\n" in token.text or token.is_space and "\n" in token.text_with_ws:
            tokens = tokens[position + 1 :]
    while tokens and (tokens[0].is_punct or tokens[0].like_num or tokens[0].pos_ == "DET"):
        tokens = tokens[1:]
    words_left = [t for t in tokens if t.lower_ not in _HONORIFICS]
    if not any(t.is_alpha for t in words_left):
        return None
    text = "".join(t.text_with_ws for t in words_left)
    return " ".join(text.split()).strip(" ,") or None


def _is_subject(token: Token) -> bool:
    """A subject of the sentence's main clause or of a clause right under it ("as
    Ghani hailed ..."), not of one nested deeper ("... to see Putin defeated")."""
    return token.dep_ in ("nsubj", "nsubjpass") and sum(1 for _ in token.head.ancestors) <= 1


def _is_name_word(token: Token) -> bool:
    word = token.text
    if word in _GENERATIONAL:
        return True
    return (
        token.tag_ in PROPER_TAGS
        and word[:1].isupper()
        and not word.isupper()
        and word.lower() not in _CALENDAR
        and noun_class(token) is None
        and not is_place_word(token)
    )


def _proper_runs(doc: Doc) -> Iterator[list[Token]]:
    """Runs of proper nouns, joined across connectors; only their tokens are visited."""
    proper_ids = [doc.vocab.strings.add(tag) for tag in PROPER_TAGS]
    tags = doc.to_array("TAG")
    run: list[Token] = []
    for i in numpy.flatnonzero(numpy.isin(tags, proper_ids)).tolist():
        if run and run[-1].i + 1 < i:
            gap = [doc[j] for j in range(run[-1].i + 1, i)]
            hyphen = len(gap) == 1 and _joins_name(gap[0], [doc[i]])
            if hyphen or (all(t.lower_ in NAME_CONNECTORS for t in gap) and len(gap) <= 2):
                run.extend(gap)
            else:
                yield _trim_connectors(run)
                run = []
        run.append(doc[i])
    if run:
        yield _trim_connectors(run)


def _trim_connectors(run: list[Token]) -> list[Token]:
    while run and run[-1].lower_ in NAME_CONNECTORS:
        run = run[:-1]
    return run


def _organisation_name(run: list[Token]) -> str | None:
    if not any(noun_class(t) == "organization" for t in run if t.tag_ in PROPER_TAGS):
        return None
    while run and run[0].lower_ == "the":
        run = run[1:]
    return words_text(run) or None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def person_actor(name: str, role: str | None) -> Actor:
    """A person, with the body their role names as their affiliation."""
    return Actor(name, ActorType.PERSON, role=role, affiliation=role_affiliation(role))


def role_affiliation(role: str | None) -> str | None:
    if not role:
        return None
    for word in role.replace("’", "'").replace("'s", " ").split():
        country = country_of(word)
        if country is not None:
            return country.government
        if word.isupper() and len(word) > 1 and word.isalpha():
            return word  # "NATO Secretary General"
    return None


def words_text(tokens: list[Token]) -> str:
    """Tokens as the article writes them ("Pentagon's", "commander-in-chief"), on one line."""
    return " ".join("".join(t.text_with_ws for t in tokens).split())


# "FM" is "foreign minister": a description's words are read with abbreviations spelt out.
TITLE_ABBREVIATIONS = lexicons.load_table("title-abbreviations-v1")


def span_words(span: Span) -> set[str]:
    """The folded words of a description, without determiners and possessives."""
    words = {
        fold(t.text)
        for t in span
        if t.pos_ not in ("DET", "PART", "PUNCT") and fold(t.text) and t.lower_ != "'s"
    }
    for word in words & TITLE_ABBREVIATIONS.keys():
        words = (words - {word}) | set(TITLE_ABBREVIATIONS[word].split())
    return words
