"""What one source mention says about who speaks, read from the parse and country data.

A mention is a proper name ("Russian President Vladimir Putin", "Germany", "The ISW"),
a description ("the Latvian president", "a government spokesperson", "one U.S.
official", "reports"), a pronoun, or a group of these ("France and Germany"). Pronouns
and descriptions that point back are resolved by ``speakers`` with the article's
history; this module reads one mention at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from onrecord.knowledge import Country, calendar_names, country_by_name, country_of
from onrecord.model import Actor, ActorType
from onrecord.nlp import lexicons
from onrecord.nlp.speakers.names import (
    NAME_CONNECTORS,
    PROPER_TAGS,
    NameIndex,
    is_place_word,
    is_title,
    name_text,
    noun_class,
    person_actor,
    person_name,
    singular,
    span_words,
    words_text,
)

UNSPECIFIED_MEDIA = "media reports (unspecified)"
# Words in the sentence that say a source is not named.
_ANONYMITY = lexicons.load("anonymity-words-v1")
_DEFINITE = lexicons.load("definite-determiners-v1")
# Organisations that are part of a state's government: they speak for it.
STATE_BODIES = lexicons.load("state-bodies-v1")
_QUANTIFIERS = lexicons.load("quantifiers-v1")
_NOT_DESCRIPTIVE = frozenset({"DET", "NUM", "SCONJ", "PRON"})
# Words that grade a source without saying who it is ("a senior U.S. official").
_GRADES = lexicons.load("source-grades-v1")
# "he" points back to a person, "they" to a group.
_PRONOUN_POINTERS = lexicons.load_table("pronoun-pointers-v1")
# Words inside a name before its head ("Institute for the Study"), and those that never
# begin one; after the head every connector may follow ("Committee on Foreign Affairs").
_BEFORE_HEAD = frozenset(w for w, where in NAME_CONNECTORS.items() if where != "after-head")
_LINKS = frozenset(w for w, where in NAME_CONNECTORS.items() if where == "link")


@dataclass(frozen=True)
class Reading:
    """What a mention gives: actors now, or a request to look back.

    ``pointer`` says whom a mention refers back to: "person" for "he" or "the Latvian
    president", "group" for "they" or "it", "spokesperson" for "the spokesperson",
    "anonymous" for "the U.S. officials" after unnamed ones (same ``fallback`` country). A
    description's ``role_words`` narrow the search, and ``fallback`` names the speaker
    when nobody earlier fits.
    """

    actors: tuple[Actor, ...] = ()
    pointer: str | None = None
    role_words: frozenset[str] = frozenset()
    fallback: Actor | None = None
    loose: bool = False  # a person whose role the article never gives may fit


_DASHES = frozenset({"-", "–", "—", "--"})


def mention_words(span: Span, cue: Span | None) -> Span:
    """The words of a source mention that name the speaker: the part on the cue's side
    of a paragraph break ("Kay Nietfeld/picture alliance via Getty Images¶German
    Chancellor Olaf Scholz said"), without a dateline ("BERLIN, Jan 2 (Reuters) -
    Germany") or an opening participle or adverb set off by a comma ("Reacting,
    Dmitry Medvedev, ...")."""
    breaks = [t.i for t in span[:-1] if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)]
    if breaks:
        before_cue = cue is None or cue.start >= span.end
        start, end = (breaks[-1] + 1, span.end) if before_cue else (span.start, breaks[0])
        span = span.doc[start:end]
    span = _without_time(_without_party(_without_dateline(span)))
    if len(span) > 2 and span[1].text == "," and _opening_word(span[0]):
        span = span[2:]
    if len(span) > 1 and span[0].lower_ in _OBJECT_PRONOUNS and span[1].tag_ in PROPER_TAGS:
        span = span[1:]  # a heading glued to the next line: "... disappointed him Niinisto"
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    return span


_OBJECT_PRONOUNS = lexicons.load("object-pronouns-v1")


def _opening_word(token: Token) -> bool:
    """A word that opens a sentence before its subject: "Reacting,", "Meanwhile,"."""
    if token.tag_ in ("VBG", "VBN", "RB", "UH"):
        return True
    return bool(token.is_sent_start) and token.lower_.endswith(("ing", "ly"))


def _without_time(span: Span) -> Span:
    """ "Finland's leaders on Thursday": the day the speaker spoke is not who they are."""
    for token in span[1:-1]:
        day = token.nbor().lower_
        if token.lower_ in ("on", "last", "this") and day in calendar_names.WEEKDAYS:
            return span.doc[span.start : token.i]
    return span


def _without_party(span: Span) -> Span:
    """A legislator's party and state after the name is no part of it: "Kevin
    McCarthy, R-Calif.", "Chuck Schumer (D-NY)"."""
    for token in span[1:-2]:
        if token.text in ("R", "D", "I") and token.nbor(-1).text in (",", "("):
            if token.nbor().tag_ == "HYPH" and token.nbor(2).tag_ in PROPER_TAGS:
                return span.doc[span.start : token.i - 1]
    return span


def _without_dateline(span: Span) -> Span:
    """ "LONDON - A group ...", "Brussels, August 20 (FFN) – The chamber": a place that
    opens its line, then a comma or parenthesis or the dash itself, then the dash."""
    first = span[0]
    if not (first.is_sent_start or first.i == 0 or "\n" in first.nbor(-1).text_with_ws):
        return span
    place = first.text.isupper() and first.is_alpha or is_place_word(first)
    if not place or len(span) < 3 or not (span[1].text in (",", "(") or span[1].text in _DASHES):
        return span
    dash = next((t.i for t in span[1:12] if t.text in _DASHES and t.whitespace_), None)
    return span.doc[dash + 1 : span.end] if dash is not None and dash + 1 < span.end else span


def read_mention(span: Span, index: NameIndex, content: list[Span] | None = None) -> Reading:
    """``content`` is what the mention's attribution reports: a country named in it is
    what the speaker talks about, not whom they speak for."""
    head = span.root
    said = {t.i for part in content or () for t in part}
    antecedent = _relative_antecedent(head)
    if antecedent is not None:  # "the ministry, which said ...": the ministry
        return read_mention(antecedent, index, content)
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
        return _pronoun(head)
    members = group_members(span)
    if len(members) > 1:
        actors = [a for m in members for a in read_mention(m, index, content).actors]
        return Reading(tuple(actors))
    if head.tag_ in PROPER_TAGS:
        # "Senate Majority Leader Chuck Schumer", parsed with the name in apposition
        titled = _trailing_name(span, index) if is_title(head) else None
        actor = titled or _proper(span, head, index) or _trailing_name(span, index)
        if actor is not None:
            return Reading((actor,))
    known = _known_surname(span, head, index)
    if known is not None:
        return Reading((known,))
    return _description(span, head, index, said)


def _known_surname(span: Span, head: Token, index: NameIndex) -> Actor | None:
    """ "Zelenskyy said ...": a name the tagger took for a common noun at the start of a
    sentence, known because the article gives it in full elsewhere."""
    if len(span) != 1 or not head.is_sent_start or not head.text[:1].isupper():
        return None
    full = index.full_name(head.text)
    if full == head.text:
        return None
    person = next((p for p in index.persons if p.name == full), None)
    return person_actor(full, person.role if person else None)


def _trailing_name(span: Span, index: NameIndex) -> Actor | None:
    """A name that ends a mention headed by a title: "Deputy Premier and Foreign
    Minister Antonio Tajani", parsed with "Premier" as its head."""
    tokens = [t for t in span if not (t.is_punct or t.is_space)]
    person = person_name(tokens) if tokens else None
    if person is None:
        return None
    return person_actor(index.full_name(person.name), person.role)


def _relative_antecedent(head: Token) -> Span | None:
    """The noun a relative pronoun stands for: its clause's head."""
    if head.tag_ not in ("WP", "WDT") or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    return noun.doc[noun.left_edge.i : noun.i + 1]


def group_members(span: Span) -> list[Span]:
    """ "France and Germany"; "several NATO members, including the U.K., France, ..." """
    head = span.root
    for child in head.children:
        if child.lower_ == "including" and child.i < span.end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                head = objects[0]
    conjuncts = [t for t in head.conjuncts if span.start <= t.i < span.end]
    members = [head, *conjuncts]
    # "Deputy Premier and Foreign Minister Antonio Tajani" is one person with two titles;
    # "&" joins the words of one name ("Power & Politics", "Procter & Gamble").
    if not conjuncts or _ampersand_name(span) or not all(_names_someone(t) for t in members):
        return [span]
    return [_name_span(t) for t in members]


def _names_someone(token: Token) -> bool:
    return (token.tag_ in PROPER_TAGS and not is_title(token)) or is_place_word(token)


def _name_span(token: Token) -> Span:
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ in ("compound", "det", "amod")
        and (token.doc[start - 1].head.i in range(start, token.i + 1))
    ):
        start -= 1
    return token.doc[start : token.i + 1]


def _pronoun(head: Token) -> Reading:
    return Reading(pointer=_PRONOUN_POINTERS.get(head.lower_))


def _proper(span: Span, head: Token, index: NameIndex) -> Actor | None:
    if is_title(head):
        return None  # "Swedish FM": a description, read as one
    run = _proper_run(span, head)
    text = name_text(run).removeprefix("the ").removeprefix("The ")
    country = country_by_name(text)
    if country is not None:
        return Actor(country.government, ActorType.GOVERNMENT)
    if text.isupper() and text.replace(".", "").isalpha():
        if any(noun_class(t) == "media" for t in run):
            return Actor(text, ActorType.MEDIA)
        return Actor(index.acronyms.get(text, text), ActorType.ORGANIZATION)
    person = person_name(run)
    if person is not None and any(is_title(t) for t in run if t.i < head.i):
        # "White House Press Secretary Karine Jean-Pierre": a title before the name
        return person_actor(index.full_name(person.name), person.role)
    classes = {noun_class(t) for t in run}
    if _ampersand_name(span.doc[run[0].i : run[-1].i + 1]) and "media" not in classes:
        return Actor(text, ActorType.ORGANIZATION)
    if "media" in classes:
        name = f"The {text}" if _has_article(span, run) else text
        return Actor(name, ActorType.MEDIA)
    if "organization" in classes:
        country = _country_of(span)
        affiliation = country.government if country else None
        named = ministry_name(run, country) or text
        return Actor(named, ActorType.ORGANIZATION, affiliation=affiliation)
    if person is None:
        return None
    return person_actor(index.full_name(person.name), person.role or appositive_role(head))


def _proper_run(span: Span, head: Token) -> list[Token]:
    """The proper nouns (and name connectors) of the mention, ending at its head."""
    start = head.i
    doc = span.doc
    while start > span.start and (
        doc[start - 1].tag_ in PROPER_TAGS
        or (doc[start - 1].lower_ in _BEFORE_HEAD and start - 1 > span.start)
        or (start - 1 > span.start and _hyphen_in_name(doc[start - 1]))
    ):
        start -= 1
    while doc[start].lower_ in _LINKS:
        start += 1
    # An organisation's name goes on past its head: "Institute for the Study of War".
    end = head.i + 1
    while end < span.end and (doc[end].tag_ in PROPER_TAGS or doc[end].lower_ in NAME_CONNECTORS):
        end += 1
    while end > head.i + 1 and doc[end - 1].tag_ not in PROPER_TAGS:
        end -= 1
    if noun_class(head) != "organization" and not _ampersand_name(doc[start:end]):
        end = head.i + 1
    return list(doc[start:end])


def _hyphen_in_name(token: Token) -> bool:
    """ "Jean-Pierre": a hyphen with no space on either side, between proper nouns."""
    return (
        token.tag_ == "HYPH"
        and not token.whitespace_
        and not token.nbor(-1).whitespace_
        and token.nbor(-1).tag_ in PROPER_TAGS
    )


def _ampersand_name(words: Span) -> bool:
    """ "Procter & Gamble", "Power & Politics": one name, not two people."""
    return any(t.text == "&" for t in words)


def _has_article(span: Span, run: list[Token]) -> bool:
    return run[0].lower_ == "the" or (run[0].i > 0 and run[0].nbor(-1).lower_ == "the")


def appositive_role(head: Token) -> str | None:
    """ "Jens Stoltenberg, the secretary general of NATO" → "secretary general of NATO"."""
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            words = [t for t in child.subtree if not (t.dep_ == "det" and t.i == child.left_edge.i)]
            return words_text(words).strip(" ,") or None
    return None


def _description(span: Span, head: Token, index: NameIndex, said: set[int]) -> Reading:
    named = _named_in_apposition(head, index)
    if named is not None:
        return Reading((named,))
    kind = noun_class(head)
    if kind is None and not is_title(head):
        author = _author(head)
        if author is not None:  # "an assessment published on May 13 by the ISW"
            found = read_mention(author, index)
            if found.actors:
                return found
    if kind == "reports":
        return Reading((_media_reports(span, head),))
    if kind == "anonymous":
        return _anonymous(span, head, said)
    if head.lower_.startswith("spokes"):
        body = _spokesperson_body(head, index, said)
        if body is not None:  # "A European Commission spokesman", "a spokesperson with the
            return Reading((body,))  # Ministry of Commerce": the body speaks
    if kind == "government" or head.lower_.startswith("spokes"):
        return _government(span, head, said)
    if kind == "collective":
        return Reading((_collective(span, head),))
    if kind == "organization":  # "the regional transit authority", "its board"
        return _organisation_description(span, head, said)
    if any(t.lower_ in _ANONYMITY or t.lower_ == "named" for t in head.subtree):
        # "a nurse who asked not to be named"
        return Reading((Actor(f"anonymous {head.lower_}", ActorType.ANONYMOUS),))
    if is_title(head) or (head.lower_ == "leaders" and _country_of(span) is not None):
        return _role_description(span, index)
    trailing = _trailing_name(span, index) if span[-1].tag_ in PROPER_TAGS else None
    # "Co-host Andrew Ross Sorkin", parsed with "Co" as its head
    return Reading((trailing,)) if trailing else Reading()


def _organisation_description(span: Span, head: Token, said: set[int]) -> Reading:
    words = [t for t in span if t.i <= head.i and t.pos_ not in ("DET", "PRON")]
    name = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text
    country = _country_of(span)
    if country is None and head.lower_ in STATE_BODIES:  # "the defence ministry said"
        country = _context_country(span, said)
    affiliation = country.government if country else None
    actor = Actor(
        ministry_name(words, country) or name, ActorType.ORGANIZATION, affiliation=affiliation
    )
    if len(words) == 1 and span[0].lower_ in _DEFINITE and head.tag_ == "NN":
        # "the chamber", "the company": the organisation the article has named
        return Reading(pointer="organization", role_words=frozenset({head.lower_}), fallback=actor)
    return Reading((actor,))


def ministry_name(words: list[Token], country: Country | None) -> str | None:
    """A ministry as the conventions name it, "Ministry of <field> of <country>": "the
    Chinese commerce ministry", "China's Ministry of Commerce" → "Ministry of Commerce of
    China". None for any other body, or without a country."""
    if country is None:
        return None
    words = [t for t in words if t.pos_ != "DET"]
    lowered = [t.lower_ for t in words]
    if lowered and lowered[-1] == "ministry":
        field = [t for t in words[:-1] if not country_of(t.text) and t.tag_ != "POS"]
        return (
            f"Ministry of {words_text(field).title()} of {_short_name(country)}" if field else None
        )
    if len(words) >= 3 and lowered[:2] == ["ministry", "of"]:
        if any(country_of(t.text) for t in words[2:]):
            return None  # "Ministry of Defence of Ukraine" names its country already
        return f"{words_text(words)} of {_short_name(country)}"
    return None


def _short_name(country: Country) -> str:
    """ "China", "the Czech Republic": the country as "Government of ..." writes it."""
    return country.government.removeprefix("Government of ")


def _spokesperson_body(head: Token, index: NameIndex, said: set[int]) -> Actor | None:
    """The organisation a spokesperson speaks for, when the mention names one: its name
    before the noun ("A European Commission spokesman") or after it ("with the Ministry
    of Commerce", "for the agency")."""
    doc = head.doc
    before = [t for t in head.lefts if t.dep_ == "compound" and t.tag_ in PROPER_TAGS]
    bodies: list[Span] = []
    if before:
        bodies.append(doc[before[0].left_edge.i : head.i])
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "for", "of", "at", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            bodies += [doc[o.left_edge.i : o.right_edge.i + 1] for o in objects]
    for body in bodies:
        if noun_class(body.root) != "organization" or body.root.lower_ == "government":
            continue
        actors = read_mention(body, index).actors
        if len(actors) == 1 and actors[0].type is ActorType.ORGANIZATION:
            found = actors[0]
            if found.affiliation is None and body.root.lower_ in STATE_BODIES:
                country = _context_country(body, said)
                if country is not None:
                    named = ministry_name(list(body), country) or found.name
                    found = Actor(named, found.type, affiliation=country.government)
            return Actor(found.name, found.type, role="spokesperson", affiliation=found.affiliation)
    return None


def _author(head: Token) -> Span | None:
    """Who a statement, assessment or call is by: "by the ISW", "from Ukrainian officials",
    also through a participle ("published on May 13 by the ISW")."""
    links = [head, *(c for c in head.children if c.dep_ == "acl")]
    for link in links:
        for child in link.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    noun = objects[0]
                    return noun.doc[noun.left_edge.i : noun.right_edge.i + 1]
    return None


def _named_in_apposition(head: Token, index: NameIndex) -> Actor | None:
    """ "the commander, Anna Berg," is Anna Berg, whose role is "commander"."""
    for child in head.children:
        if child.dep_ == "appos" and child.tag_ in PROPER_TAGS:
            person = person_name(_proper_run(head.doc[child.left_edge.i : child.i + 1], child))
            if person is not None:
                words = words_text([t for t in head.subtree if t.i < child.left_edge.i])
                role = words.strip(" ,").removeprefix("the ").removeprefix("The ") or None
                return person_actor(index.full_name(person.name), role)
    return None


def _collective(span: Span, head: Token) -> Actor:
    """ "experts" → "unnamed experts"; "Proponents of the decision" → "proponents of
    the decision (unspecified)": a described group keeps its description."""
    # A clause set off by a comma is no part of the description ("Many Nordic experts,
    # expecting a different result, ...").
    comma = next((t.i for t in span if t.i > head.i and t.text == ","), span.end)
    # Only a capital that merely starts the sentence is dropped: "Western" stays.
    kept = [
        t
        for t in span.doc[span.start : comma]
        if not (t.i < head.i and (t.pos_ in _NOT_DESCRIPTIVE or t.lower_ in _QUANTIFIERS))
        and not t.is_punct
    ]
    if len(kept) == 1:
        return Actor(f"unnamed {head.lower_}", ActorType.ANONYMOUS)
    words = "".join(
        (t.lower_ if t.is_sent_start and not _names_someone(t) else t.text)
        + (t.whitespace_ if t is not kept[-1] else "")
        for t in kept
    )
    return Actor(f"{words} (unspecified)", ActorType.ANONYMOUS)


def _government(span: Span, head: Token, said: set[int]) -> Reading:
    """ "the German government", "a government spokesperson" (in a paragraph about
    Germany); "the spokesperson" is the one mentioned before."""
    spokesperson = head.lower_.startswith("spokes")
    own = _country_of(span)
    country = own or _context_country(span, said)
    role = "government spokesperson" if spokesperson else None
    actor = Actor(country.government, ActorType.GOVERNMENT, role=role) if country else None
    if spokesperson and own is None and span[0].lower_ in _DEFINITE:
        return Reading(pointer="spokesperson", fallback=actor)
    return Reading((actor,) if actor else ())


def _media_reports(span: Span, head: Token) -> Actor:
    places = [t.text for t in head.lefts if is_place_word(t)]
    if places and head.lower_ == "media":
        return Actor(f"{' '.join(places)} media (unspecified)", ActorType.MEDIA)
    return Actor(UNSPECIFIED_MEDIA, ActorType.MEDIA)


def _anonymous(span: Span, head: Token, said: set[int]) -> Reading:
    """ "one U.S. official" → anonymous U.S. official; "U.S. officials" → the government;
    "the U.S. officials" → the anonymous ones mentioned before, if any."""
    country = _country_of(span)
    plural = head.tag_ == "NNPS" or head.tag_ == "NNS"
    marked = any(t.lower_ in _ANONYMITY for t in span.sent)
    modifiers = [
        t
        for t in span
        if t.i < head.i
        and t.pos_ not in ("DET", "NUM", "PUNCT")
        and not t.like_num
        and t.lower_ not in _GRADES
        and t.lower_ not in _ANONYMITY
    ]
    noun = head.text.lower()
    if singular(noun) == "source" and any(t.lower_ == "official" for t in modifiers):
        # "official sources" are officials
        modifiers = [t for t in modifiers if t.lower_ != "official"]
        noun = "officials" if plural else "official"
    words = [t.text for t in modifiers]
    if singular(noun) == "official" and country is None:
        # Unnamed officials speak for the country the text has just named.
        country = _context_country(span, said)
        if country is not None:
            words.insert(0, country.adjective)
    government = Actor(country.government, ActorType.GOVERNMENT) if country else None
    if government is not None and plural and not marked and singular(noun) == "official":
        if span[0].lower_ in _DEFINITE:
            return Reading(pointer="anonymous", fallback=government)
        return Reading((government,))
    name = " ".join(["anonymous", *words, noun])
    affiliation = country.government if country else None
    return Reading((Actor(name, ActorType.ANONYMOUS, affiliation=affiliation),))


def _role_description(span: Span, index: NameIndex) -> Reading:
    """ "the Latvian president" → the article's Latvian President, if it names one;
    "Finland's leaders" → the government of Finland."""
    country = _country_of(span)
    if country is not None and span.root.lower_ == "leaders":
        return Reading((Actor(country.government, ActorType.GOVERNMENT),))
    words = span_words(span)
    person = index.with_role(words)
    if person is not None:
        return Reading((person_actor(index.full_name(person.name), person.role),))
    words_text = [t.text_with_ws for t in span if t.dep_ != "det" or t.i != span.start]
    text = "".join(words_text).strip()
    unnamed = Actor(f"{_compound_name(span) or text} (unnamed)", ActorType.PERSON, role=text)
    # "the head of the local military administration" brings in someone new; "the
    # Latvian president" and "Italy's foreign minister" may be someone named before.
    if any(c.dep_ == "prep" for c in span.root.children):
        return Reading((unnamed,))
    if any(t.lower_ in ("'s", "’s") for t in span):
        return Reading(pointer="person", role_words=frozenset(words), fallback=unnamed)
    if span[0].lower_ in _DEFINITE:
        return Reading(pointer="person", role_words=frozenset(words), fallback=unnamed, loose=True)
    return Reading((unnamed,))


def _compound_name(span: Span) -> str | None:
    """ "a commander of a Ukrainian drone unit" → "Ukrainian drone unit commander": an
    office in some indefinite body is named as a compound, as the conventions do; "the
    head of the local military administration" (a definite body) keeps its words."""
    head = span.root
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    if len(of) != 1 or any(c.dep_ == "prep" and c.i != of[0].i for c in head.children):
        return None
    body = [c for c in of[0].children if c.dep_ == "pobj"]
    if not body or not any(c.lower_ in ("a", "an") for c in body[0].children):
        return None
    words = [t.text for t in body[0].subtree if t.dep_ != "det" and not t.is_punct]
    modifiers = [t.text for t in span if t.i < head.i and t.dep_ not in ("det", "poss")]
    return " ".join([*words, *modifiers, head.text]) if words else None


def _country_of(span: Span) -> Country | None:
    """The country a mention's own words name: "a German government spokesperson"."""
    for token in span:
        if token.i == span.root.i and token.tag_ not in PROPER_TAGS:
            continue
        country = country_of(token.text)
        if country is not None:
            return country
    return None


def _context_country(span: Span, said: set[int], subjects_first: bool = True) -> Country | None:
    """The country last named before the mention, within its sentence and the two before."""
    sentence_start = span.sent.start
    first = sentence_start
    for _ in range(2):
        if first == 0:
            break
        first = span.doc[first - 1].sent.start
    # A country that is a sentence's subject ("Germany on Friday suggested ...") is the
    # one a spokesperson speaks for, more often than one the sentence talks about.
    window = [t for t in reversed(span.doc[first : span.start]) if t.i not in said]
    subjects = [t for t in window if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    for token in (subjects if subjects_first else []) + window:
        country = country_of(token.text)
        if country is not None:
            return country
    # the dateline, even when the reported words take it in
    return next(filter(None, map(_dateline_place, span.doc[first : span.start])), None)


def _dateline_place(token: Token) -> Country | None:
    """ "BERLIN, May 3 (Reuters) -": a capital in capitals opening its line is the
    country the story is filed from, and the government a ministry there belongs to."""
    if not (token.is_upper and token.is_alpha and len(token) > 2):
        return None
    opens_line = token.i == 0 or "\n" in token.nbor(-1).text_with_ws
    return country_by_name(token.text.title()) if opens_line else None
