"""The actor registry's merge rules, display names, roles, stable ids and order independence."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    DateRule,
    SaidOn,
)
from onrecord.resolve import ActorRegistry, Aliases, AliasMerge, parse_person_name

PERSON = ActorType.PERSON

Mention = tuple[str, ActorType, str]  # name, type, article id


def registry_of(mentions: list[Mention], aliases: Aliases | None = None) -> ActorRegistry:
    registry = ActorRegistry(aliases)
    for name, actor_type, article in mentions:
        registry.add_actor(Actor(name, actor_type), article)
    return registry


def groups(registry: ActorRegistry) -> dict[str, set[str]]:
    """Each actor's canonical name and the names it was seen under."""
    return {entry.actor.name: set(entry.aliases) for entry in registry.actors()}


def persons(*names: str) -> list[Mention]:
    return [(name, PERSON, f"article-{n}") for n, name in enumerate(names)]


# -- merging -----------------------------------------------------------------------


def test_names_that_differ_only_in_diacritics_are_one_actor_shown_with_them() -> None:
    registry = registry_of(persons("Baiba Braze", "Baiba Braze", "Baiba Braže"))
    assert groups(registry) == {"Baiba Braže": {"Baiba Braze", "Baiba Braže"}}
    (entry,) = registry.actors()
    assert entry.mentions == 3
    assert entry.actor.id == "baiba-braze"


@pytest.mark.parametrize(
    "names",
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"),
        ("Oleksandr Syrskyi", "Oleksandr Syrsky", "Oleksandr Syrskiy"),
        ("Andriy Yermak", "Andrii Yermak"),
        ("Bashar al-Assad", "Bashar Assad"),
    ],
)
def test_transliteration_variants_of_one_name_are_one_actor(names: tuple[str, ...]) -> None:
    registry = registry_of(persons(*names))
    assert len(registry.actors()) == 1
    assert set(registry.actors()[0].aliases) == set(names)


def test_the_most_mentioned_spelling_names_the_actor() -> None:
    registry = registry_of(
        persons("Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelensky")
    )
    assert [entry.actor.name for entry in registry.actors()] == ["Volodymyr Zelensky"]


@pytest.mark.parametrize(
    "names",
    [
        ("Donald Trump", "Donald Trump Jr.", "Lara Trump"),
        ("Joe Biden", "Hunter Biden"),
        ("George W. Bush", "George H. W. Bush"),
        ("John Smith", "Jane Smith"),
    ],
)
def test_different_people_with_one_surname_stay_apart(names: tuple[str, ...]) -> None:
    registry = registry_of(persons(*names))
    assert set(groups(registry)) == set(names)


def test_a_surname_alone_joins_the_one_person_with_that_surname() -> None:
    registry = registry_of(persons("Jens Stoltenberg", "Stoltenberg", "Putin", "Vladimir Putin"))
    assert groups(registry) == {
        "Jens Stoltenberg": {"Jens Stoltenberg", "Stoltenberg"},
        "Vladimir Putin": {"Putin", "Vladimir Putin"},
    }


@pytest.mark.parametrize(
    "others", [("Donald Trump", "Lara Trump"), ("Donald Trump", "Donald Trump Jr.")]
)
def test_a_surname_alone_stays_apart_when_several_people_have_it(
    others: tuple[str, str],
) -> None:
    registry = registry_of(persons("Trump", *others))
    assert set(groups(registry)) == {"Trump", *others}


def test_a_surname_with_a_suffix_joins_the_one_person_with_both() -> None:
    registry = registry_of(persons("Trump Jr.", "Donald Trump", "Donald Trump Jr."))
    assert groups(registry)["Donald Trump Jr."] == {"Trump Jr.", "Donald Trump Jr."}


def test_shorter_forms_join_through_a_transliteration_variant() -> None:
    registry = registry_of(persons("Zelenskyy", "V. Zelensky", "Volodymyr Zelenskiy"))
    assert groups(registry) == {
        "Volodymyr Zelenskiy": {"Zelenskyy", "V. Zelensky", "Volodymyr Zelenskiy"}
    }


def test_an_initial_that_fits_two_people_stays_apart() -> None:
    registry = registry_of(persons("J. Smith", "John Smith", "Jane Smith"))
    assert set(groups(registry)) == {"J. Smith", "John Smith", "Jane Smith"}


def test_a_surname_alone_without_a_full_name_stays_as_it_is() -> None:
    registry = registry_of(persons("Putin", "Putin"))
    assert groups(registry) == {"Putin": {"Putin"}}


def test_persons_and_other_actors_never_merge() -> None:
    registry = registry_of(
        [("Reuters", PERSON, "a"), ("Reuters", ActorType.MEDIA, "b")],
    )
    entries = {entry.actor.type: entry for entry in registry.actors()}
    assert set(entries) == {PERSON, ActorType.MEDIA}
    assert len({entry.actor.id for entry in entries.values()}) == 2


def test_governments_and_outlets_merge_by_folded_name() -> None:
    registry = registry_of(
        [
            ("Government of Germany", ActorType.GOVERNMENT, "a"),
            ("government of Germany", ActorType.GOVERNMENT, "b"),
            ("Government of France", ActorType.GOVERNMENT, "b"),
            ("media reports (unspecified)", ActorType.MEDIA, "c"),
            ("Media reports, unspecified", ActorType.MEDIA, "d"),
        ]
    )
    entries = {entry.actor.id: entry for entry in registry.actors()}
    assert set(entries) == {
        "government-of-germany",
        "government-of-france",
        "media-reports-unspecified",
    }
    assert entries["government-of-germany"].articles == ("a", "b")


# -- roles, affiliation, apply ----------------------------------------------------------


def test_roles_are_kept_with_their_dates_and_the_latest_is_current() -> None:
    registry = ActorRegistry()
    registry.add_actor(Actor("Mark Rutte", PERSON, role="Prime Minister"), "a", date(2023, 5, 1))
    registry.add_actor(
        Actor("Mark Rutte", PERSON, role="NATO Secretary General", affiliation="NATO"),
        "b",
        date(2024, 11, 2),
    )
    registry.add_actor(Actor("Rutte", PERSON), "c")
    (entry,) = registry.actors()
    assert entry.actor.role == "NATO Secretary General"
    assert entry.actor.affiliation == "NATO"
    assert [(s.role, s.article, s.said_on) for s in entry.roles] == [
        ("Prime Minister", "a", date(2023, 5, 1)),
        ("NATO Secretary General", "b", date(2024, 11, 2)),
    ]
    assert entry.to_dict()["roles"][0] == {
        "role": "Prime Minister",
        "article": "a",
        "date": "2023-05-01",
    }


def analysis_of(text: str, published: datetime | None, *actors: Actor | None) -> Analysis:
    article = Article(text=text, published=published)
    attributions = [
        Attribution(
            content=[],
            cue=None,
            source=None,
            kind=AttributionKind.INDIRECT,
            confidence=1.0,
            actor=actor,
            said_on=SaidOn(date(2024, 5, 28), DateRule.EXPLICIT) if n == 0 else None,
        )
        for n, actor in enumerate(actors)
    ]
    return Analysis(article=article, attributions=attributions)


def test_add_reads_actors_and_dates_from_an_analysis_and_apply_canonicalises() -> None:
    first = analysis_of(
        "one",
        datetime(2024, 5, 30, 9, 0),
        Actor("Jens Stoltenberg", PERSON, role="NATO chief"),
        None,  # no actor yet: skipped
        Actor("Stoltenberg", PERSON, role="NATO Secretary General"),
    )
    second = analysis_of("two", None, Actor("Jens Stoltenberg", PERSON))
    registry = ActorRegistry()
    registry.add(first)
    registry.add(second)
    (entry,) = registry.actors()
    assert entry.mentions == 3
    assert entry.articles == tuple(sorted({first.article.id, second.article.id}))
    assert {(s.role, s.said_on) for s in entry.roles} == {
        ("NATO chief", date(2024, 5, 28)),  # the statement's own date
        ("NATO Secretary General", date(2024, 5, 30)),  # else the publication date
    }

    applied = registry.apply(first)
    actors = [a.actor for a in applied.attributions]
    assert actors[1] is None
    assert actors[0] is not None and actors[2] is not None
    assert actors[2].name == "Jens Stoltenberg" and actors[2].id == "jens-stoltenberg"
    assert actors[2].role == "NATO Secretary General"  # the article's own role is kept
    assert first.attributions[2].actor == Actor(
        "Stoltenberg", PERSON, role="NATO Secretary General"
    )


def test_resolve_places_a_name_it_has_not_seen_only_when_unambiguous() -> None:
    registry = registry_of(persons("Vladimir Putin", "Donald Trump", "Lara Trump"))
    assert registry.resolve(Actor("PUTIN", PERSON)).id == "vladimir-putin"
    assert registry.resolve(Actor("Vladimir Pootin", PERSON)).id == "vladimir-pootin"
    assert registry.resolve(Actor("Trump", PERSON)).id == "trump"  # unchanged: ambiguous


# -- stable ids and order independence -------------------------------------------------

CORPUS: list[Mention] = [
    ("Volodymyr Zelensky", PERSON, "a"),
    ("Zelenskyy", PERSON, "b"),
    ("Volodymyr Zelenskyy", PERSON, "c"),
    ("Putin", PERSON, "a"),
    ("Vladimir Putin", PERSON, "c"),
    ("Trump", PERSON, "b"),
    ("Donald Trump", PERSON, "b"),
    ("Donald Trump Jr.", PERSON, "c"),
    ("Baiba Braze", PERSON, "a"),
    ("Baiba Braže", PERSON, "d"),
    ("J. Smith", PERSON, "d"),
    ("John Smith", PERSON, "d"),
    ("Government of Germany", ActorType.GOVERNMENT, "a"),
    ("Reuters", ActorType.MEDIA, "b"),
    ("Reuters", ActorType.ORGANIZATION, "c"),
    ("anonymous U.S. officials", ActorType.ANONYMOUS, "d"),
]


def test_ids_are_stable_across_registries() -> None:
    first = registry_of(CORPUS).actors()
    second = registry_of(list(reversed(CORPUS))).actors()
    assert [e.actor.id for e in first] == [e.actor.id for e in second]
    assert {e.actor.id for e in first} >= {
        "volodymyr-zelenskyy",  # one mention each: the longer spelling wins the tie
        "vladimir-putin",
        "donald-trump",
        "donald-trump-jr",
        "trump",
        "baiba-braze",
        "john-smith",
        "government-of-germany",
        "reuters",
    }


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(CORPUS))
def test_the_result_does_not_depend_on_the_order_of_adding(order: list[Mention]) -> None:
    assert registry_of(order).actors() == registry_of(CORPUS).actors()


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(CORPUS))
def test_resolving_between_adds_changes_nothing(order: list[Mention]) -> None:
    registry = ActorRegistry()
    for name, actor_type, article in order:
        registry.add_actor(Actor(name, actor_type), article)
        registry.actors()  # a decision taken early is taken again after the next add
    assert registry.actors() == registry_of(CORPUS).actors()


@settings(max_examples=100, deadline=None)
@given(mentions=st.lists(st.sampled_from(CORPUS), max_size=24), shuffle=st.randoms())
def test_any_corpus_gives_the_same_actors_in_any_order(
    mentions: list[Mention], shuffle: random.Random
) -> None:
    shuffled = list(mentions)
    shuffle.shuffle(shuffled)
    aliases = Aliases(
        merges=(AliasMerge("Volodymyr Zelensky", ("Zelenskyy",)),),
        splits=(("John Smith", "J. Smith"),),
    )
    assert registry_of(shuffled, aliases).actors() == registry_of(mentions, aliases).actors()


def test_an_alias_merge_fixes_the_name_and_the_id() -> None:
    aliases = Aliases(merges=(AliasMerge("Volodymyr Zelensky", ("Zelenskyy",)),))
    registry = registry_of(
        persons("Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "Zelenskyy"), aliases
    )
    (entry,) = registry.actors()
    assert (entry.actor.name, entry.actor.id) == ("Volodymyr Zelensky", "volodymyr-zelensky")


# -- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "surname", "given", "suffix"),
    [
        ("Ursula von der Leyen", "von der leyen", ("ursula",), ""),
        ("von der Leyen", "von der leyen", (), ""),
        ("Donald Trump Jr.", "trump", ("donald",), "jr"),
        ("J.D. Vance", "vance", ("j", "d"), ""),
        ("Jean-Claude Juncker", "juncker", ("jeanclaude",), ""),
        ("Dr. Anthony Fauci", "faucy", ("anthony",), ""),
        ("Li Qiang", "qiang", ("li",), ""),
    ],
)
def test_person_names_are_taken_apart(
    name: str, surname: str, given: tuple[str, ...], suffix: str
) -> None:
    parsed = parse_person_name(name)
    assert parsed is not None
    assert (parsed.surname, parsed.given, parsed.suffix) == (surname, given, suffix)
