"""The actors knowledge file: its loader, its errors, its lookups and the shipped starter."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from onrecord.errors import ConfigError
from onrecord.knowledge import country_by_name, load_actor_knowledge
from onrecord.knowledge.actors import OFFICE_KINDS, starter_knowledge
from onrecord.model import ActorType

USER_FILE = """
[[actor]]
name = "Maria Kowalska-Berg"
aliases = ["Kowalska"]
type = "person"
country = "Norway"

[[actor.offices]]  # the same as an inline table in offices = [...]
title = "Foreign Minister"
kinds = ["foreign minister"]
start = 2031-01-10
end = 2033-05-01

[[actor.offices]]
title = "Prime Minister"
kinds = ["head of government", "leader"]
start = 2033-05-01

[[actor]]
name = "Harbour Transit Authority"
aliases = ["HTA"]
type = "organization"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_file_adds_names_aliases_and_offices_to_the_starter(tmp_path: Path) -> None:
    knowledge = load_actor_knowledge(write(tmp_path, USER_FILE))
    assert len(knowledge) == len(starter_knowledge()) + 2
    person = knowledge.known("kowalska")
    assert person is not None and person.name == "Maria Kowalska-Berg"
    assert person.type is ActorType.PERSON
    assert knowledge.known("Maria Kowalska Berg") is person  # folded: the hyphen is no letter
    organisation = knowledge.known("HTA")
    assert organisation is not None and organisation.type is ActorType.ORGANIZATION
    day = datetime.date
    assert knowledge.holder("foreign minister", "Norway", day(2032, 6, 1)) is person
    assert knowledge.holder("leader", "Norway", day(2034, 1, 1)) is person
    # not her office yet: the starter's prime minister, open-ended there
    assert knowledge.holder("leader", "Norway", day(2032, 6, 1)) is not person
    alone = load_actor_knowledge(write(tmp_path, USER_FILE), with_starter=False)
    assert len(alone) == 2


def test_an_entry_with_a_starter_name_replaces_it(tmp_path: Path) -> None:
    text = '[[actor]]\nname = "Olaf Scholz"\ntype = "person"\naliases = ["O. S."]\n'
    knowledge = load_actor_knowledge(write(tmp_path, text))
    scholz = knowledge.known("Olaf Scholz")
    assert scholz is not None and scholz.aliases == ("O. S.",) and scholz.offices == ()
    assert len(knowledge) == len(starter_knowledge())


def test_a_surname_alone_names_only_a_person_no_other_known_person_shares_it(
    tmp_path: Path,
) -> None:
    text = "".join(
        f'[[actor]]\nname = "{name}"\ntype = "person"\n'
        for name in ("Ada Quist", "Ben Quist", "Cleo Marrow")
    )
    knowledge = load_actor_knowledge(write(tmp_path, text), with_starter=False)
    assert knowledge.known("Quist") is None
    found = knowledge.known("Marrow")
    assert found is not None and found.name == "Cleo Marrow"


def test_a_surname_key_for_names_written_surname_first(tmp_path: Path) -> None:
    text = '[[actor]]\nname = "Tan Wei Ming"\nsurname = "Tan"\ntype = "person"\n'
    knowledge = load_actor_knowledge(write(tmp_path, text), with_starter=False)
    found = knowledge.known("Tan")
    assert found is not None and found.name == "Tan Wei Ming"
    assert knowledge.known("Ming") is None


def test_of_two_holders_on_a_day_the_one_who_took_the_office_last_is_named(
    tmp_path: Path,
) -> None:
    text = """
[[actor]]
name = "Ada Quist"
type = "person"
country = "Norway"
offices = [{ title = "Premier", kinds = ["head of government"], start = 2030-01-01 }]
[[actor]]
name = "Ben Marrow"
type = "person"
country = "Norway"
offices = [{ title = "Premier", kinds = ["head of government"], start = 2031-01-01 }]
[[actor]]
name = "Cleo Marrow"
type = "person"
country = "Norway"
offices = [{ title = "Premier", kinds = ["head of government"], start = 2031-01-01 }]
"""
    knowledge = load_actor_knowledge(write(tmp_path, text), with_starter=False)
    day = datetime.date
    ada = knowledge.holder("head of government", "Norway", day(2030, 6, 1))
    assert ada is not None and ada.name == "Ada Quist"
    assert knowledge.holder("head of government", "Norway", day(2031, 6, 1)) is None  # two
    assert knowledge.holder("head of government", "Norway", day(2029, 6, 1)) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[actor]]\ntype = "person"\n', r"actor 1: 'name' is missing"),
        (
            '[[actor]]\nname = "A B"\ntype = "person"\nalias = ["B"]\n',
            r"actor 1 \(A B\): unknown key 'alias' \(did you mean 'aliases'\?\)",
        ),
        (
            '[[actor]]\nname = "A B"\ntype = "robot"\n',
            r"actor 1 \(A B\): 'type' must be one of person, organization, government, media, "
            r"not 'robot'",
        ),
        ('[[actor]]\nname = "A B"\ntype = "anonymous"\n', r"'type' anonymous has no place"),
        ('[[actor]]\nname = "A B"\ntype = "person"\naliases = "B"\n', r"'aliases' must be a list"),
        (
            '[[actor]]\nname = "A B"\ntype = "person"\n'
            'country = "Norway"\n'
            'offices = [{ title = "Envoy", kinds = [], start = "2020-01-01" }]\n',
            r"office 1 \(Envoy\): 'start' must be a date \(2024-06-01\), not str",
        ),
        (
            '[[actor]]\nname = "A B"\ntype = "person"\n'
            'country = "Norway"\n'
            'offices = [{ title = "Envoy", kinds = ["king"], start = 2020-01-01 }]\n',
            r"office 1 \(Envoy\): unknown kind 'king' \(known: ",
        ),
        (
            '[[actor]]\nname = "A B"\ntype = "person"\n'
            'offices = [{ title = "Envoy", kinds = [], start = 2020-01-01 }]\n',
            r"office 1 \(Envoy\): no 'country', here or on the actor",
        ),
        (
            '[[actor]]\nname = "A B"\ntype = "person"\ncountry = "Norway"\n'
            'offices = [{ title = "Envoy", kinds = [], start = 2020-01-01, end = 2019-01-01 }]\n',
            r"'end' 2019-01-01 is before 'start' 2020-01-01",
        ),
        (
            '[[actor]]\nname = "A B"\ntype = "person"\n[[actor]]\nname = "a b"\ntype = "person"\n',
            r"actor 2 \(a b\): the same name as actor 1",
        ),
        ('[[person]]\nname = "A B"\n', r"unknown table 'person' \(only \[\[actor\]\]\)"),
        ('[[actor]\nname = "A B"\n', r"not valid TOML"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_the_entry_and_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=rf"actors file {path}: .*{message}|{message}"):
        load_actor_knowledge(path)
    with pytest.raises(ConfigError, match=str(path).replace("/", ".")):
        load_actor_knowledge(path)


def test_a_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"actors file .*nowhere\.toml: cannot be read"):
        load_actor_knowledge(tmp_path / "nowhere.toml")


def test_the_starter_is_well_formed() -> None:
    """Every office names a country the country data knows (or one of the international
    bodies), a known kind, and none of one kind and country overlaps another's."""
    knowledge = starter_knowledge()
    assert len(knowledge) > 200
    bodies = {"NATO", "United Nations", "European Union"}
    spans: dict[tuple[str, str], list[tuple[datetime.date, datetime.date, str]]] = {}
    for actor in knowledge.actors.values():
        for office in actor.offices:
            assert office.kinds <= OFFICE_KINDS
            assert office.country in bodies or country_by_name(office.country), office
            end = office.end or datetime.date.max
            for kind in office.kinds:
                spans.setdefault((kind, office.country), []).append((office.start, end, actor.name))
    for (kind, country), held in spans.items():
        held.sort()
        for (_, end, name), (start, _, other) in zip(held, held[1:], strict=False):
            assert end <= start or name == other, f"{kind} of {country}: {name} and {other}"


@pytest.mark.parametrize(
    ("kind", "country", "day", "name"),
    [
        ("foreign minister", "Italy", datetime.date(2024, 6, 1), "Antonio Tajani"),
        ("leader", "Ukraine", datetime.date(2024, 6, 1), "Volodymyr Zelensky"),
        ("head of government", "Germany", datetime.date(2023, 3, 1), "Olaf Scholz"),
        ("secretary general", "NATO", datetime.date(2024, 5, 30), "Jens Stoltenberg"),
        ("secretary general", "NATO", datetime.date(2024, 12, 1), "Mark Rutte"),
        ("defence minister", "United States", datetime.date(2023, 5, 1), "Lloyd Austin"),
    ],
)
def test_the_starter_knows_office_holders_on_a_day(
    kind: str, country: str, day: datetime.date, name: str
) -> None:
    holder = starter_knowledge().holder(kind, country, day)
    assert holder is not None and holder.name == name


def test_the_documented_example_loads(tmp_path: Path) -> None:
    """The knowledge file example in docs/actors.md is a valid file, and means what the
    page says."""
    page = (Path(__file__).parents[2] / "docs" / "actors.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", page, re.S)
    example = next(b for b in blocks if "[[actor]]" in b)
    knowledge = load_actor_knowledge(write(tmp_path, example), with_starter=False)
    assert knowledge.known("Tayyip Erdogan").name == "Recep Tayyip Erdoğan"  # type: ignore[union-attr]
    assert knowledge.known("Xi").name == "Xi Jinping"  # type: ignore[union-attr]
    nato = knowledge.holder("secretary general", "NATO", datetime.date(2020, 1, 1))
    assert nato is not None and nato.name == "Jens Stoltenberg"
