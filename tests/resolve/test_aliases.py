"""The aliases file: what it forces the registry to do, and every way it can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import ConfigError
from onrecord.model import Actor, ActorType
from onrecord.resolve import ActorRegistry, Aliases, AliasMerge, load_aliases

PERSON = ActorType.PERSON

EXAMPLE = """
[[merge]]
name = "Volodymyr Zelensky"        # the canonical name to use
aliases = ["Zelenskyy", "Volodymyr Zelenskiy"]

[[merge]]
name = "Kremlin"
aliases = ["Government of Russia"]

[[split]]
names = ["John Smith", "J. Smith"]  # never merge these
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text(text, encoding="utf-8")
    return path


def registry_with(aliases: Aliases, *actors: Actor) -> ActorRegistry:
    registry = ActorRegistry(aliases)
    for n, actor in enumerate(actors):
        registry.add_actor(actor, f"article-{n}")
    return registry


def names(registry: ActorRegistry) -> dict[str, set[str]]:
    return {entry.actor.name: set(entry.aliases) for entry in registry.actors()}


def test_the_documented_example_loads(tmp_path: Path) -> None:
    aliases = load_aliases(write(tmp_path, EXAMPLE))
    assert aliases.merges == (
        AliasMerge("Volodymyr Zelensky", ("Zelenskyy", "Volodymyr Zelenskiy")),
        AliasMerge("Kremlin", ("Government of Russia",)),
    )
    assert aliases.splits == (("John Smith", "J. Smith"),)


def test_an_empty_file_forces_nothing(tmp_path: Path) -> None:
    assert load_aliases(write(tmp_path, "")) == Aliases()


def test_a_merge_joins_what_the_rules_would_not_and_names_it(tmp_path: Path) -> None:
    aliases = load_aliases(write(tmp_path, EXAMPLE))
    registry = registry_with(
        aliases,
        Actor("Kremlin", ActorType.ORGANIZATION),
        Actor("Government of Russia", ActorType.GOVERNMENT),
        Actor("Government of Russia", ActorType.GOVERNMENT),
        Actor("Zelenskyy", PERSON),
        Actor("Oleksandr Zelensky", PERSON),  # not who the file says "Zelenskyy" is
    )
    assert names(registry) == {
        "Kremlin": {"Kremlin", "Government of Russia"},
        "Volodymyr Zelensky": {"Zelenskyy"},
        "Oleksandr Zelensky": {"Oleksandr Zelensky"},
    }
    kremlin = next(e for e in registry.actors() if e.actor.name == "Kremlin")
    assert kremlin.actor.id == "kremlin"
    assert kremlin.actor.type is ActorType.GOVERNMENT  # the type most often seen


def test_a_merge_takes_in_other_spellings_of_its_names_but_not_shorter_names() -> None:
    aliases = Aliases(merges=(AliasMerge("Volodymyr Zelensky"), AliasMerge("White House")))
    registry = registry_with(
        aliases,
        Actor("Volodymyr Zelenskyy", PERSON),
        Actor("House", PERSON),  # "White House" is no person's full name
    )
    assert names(registry) == {
        "Volodymyr Zelensky": {"Volodymyr Zelenskyy"},
        "House": {"House"},
    }
    assert registry.resolve(Actor("Volodymyr Zelenskyy", PERSON)).id == "volodymyr-zelensky"


def test_resolve_places_an_unseen_name_the_file_lists() -> None:
    aliases = Aliases(merges=(AliasMerge("Volodymyr Zelensky", ("Ze",)),))
    registry = registry_with(aliases, Actor("Volodymyr Zelensky", PERSON))
    assert registry.resolve(Actor("Ze", PERSON)).id == "volodymyr-zelensky"


def test_names_match_without_case_or_diacritics() -> None:
    aliases = Aliases(merges=(AliasMerge("Baiba Braže", ("B. Braze",)),))
    registry = registry_with(aliases, Actor("b. BRAŽE", PERSON), Actor("Baiba Braze", PERSON))
    assert names(registry) == {"Baiba Braže": {"b. BRAŽE", "Baiba Braze"}}


def test_a_merge_never_joins_a_person_with_an_organisation() -> None:
    aliases = Aliases(merges=(AliasMerge("Reuters", ("Thomson Reuters",)),))
    registry = registry_with(
        aliases, Actor("Reuters", PERSON), Actor("Thomson Reuters", ActorType.MEDIA)
    )
    assert sorted(e.actor.type for e in registry.actors()) == [ActorType.MEDIA, PERSON]


def test_two_merge_entries_are_never_one_actor() -> None:
    aliases = Aliases(merges=(AliasMerge("Zelensky"), AliasMerge("Volodymyr Zelensky")))
    registry = registry_with(
        aliases, Actor("Zelensky", PERSON), Actor("Volodymyr Zelensky", PERSON)
    )
    assert set(names(registry)) == {"Zelensky", "Volodymyr Zelensky"}


def test_a_split_keeps_apart_what_the_rules_would_merge(tmp_path: Path) -> None:
    aliases = load_aliases(write(tmp_path, EXAMPLE))
    registry = registry_with(aliases, Actor("John Smith", PERSON), Actor("J. Smith", PERSON))
    assert set(names(registry)) == {"John Smith", "J. Smith"}
    assert len(registry_with(Aliases(), *[Actor(n, PERSON) for n in names(registry)]).actors()) == 1


def test_a_split_of_spellings_keeps_them_apart() -> None:
    aliases = Aliases(splits=(("Oleksandr Syrsky", "Oleksandr Syrskyi"),))
    registry = registry_with(
        aliases, Actor("Oleksandr Syrsky", PERSON), Actor("Oleksandr Syrskyi", PERSON)
    )
    assert len(registry.actors()) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("merge = 1", "'merge' must be an array of tables"),
        ("[[merges]]\nname = 'X'", "unknown key(s) merges"),
        ("[[merge]]\nname = 'X'\nalias = ['Y']", "merge entry 1: unknown key(s) alias"),
        ("[[merge]]\naliases = ['Y']", "merge entry 1: 'name' is missing"),
        ("[[merge]]\nname = 3", "merge entry 1: 'name': a name must be a string"),
        ("[[merge]]\nname = ' '", "merge entry 1: 'name': a name must not be empty"),
        ("[[merge]]\nname = 'X'\naliases = 'Y'", "merge entry 1 (X): 'aliases' must be a list"),
        ("[[merge]]\nname = 'X'\naliases = ['Y', '']", "'aliases': a name must not be empty"),
        ("[[merge]]\nname = 'X'\n[[merge]]\nname = 'Y'\naliases = ['x']", "merge entry 2 (Y)"),
        ("[[split]]\nnames = ['X']", "split entry 1: 'names' must list at least two names"),
        ("[[split]]\nnames = ['X', 'x.']", "split entry 1: 'names' lists the same name twice"),
        ("[[split]]\nname = ['X', 'Y']", "split entry 1: unknown key(s) name"),
        ("[[split]]\nnames = ['X', 2]", "split entry 1: 'names': a name must be a string"),
        (
            "[[merge]]\nname = 'X'\naliases = ['Y']\n[[split]]\nnames = ['X', 'Y']",
            "split entry 1: 'X' and 'Y' are also merged, by merge entry 1 (X)",
        ),
        ("[[merge]\nname = 'X'", "not valid TOML"),
    ],
)
def test_a_bad_file_is_a_config_error_naming_file_and_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_aliases(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read it"):
        load_aliases(tmp_path / "absent.toml")
