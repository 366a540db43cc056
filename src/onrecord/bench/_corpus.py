"""A store of many articles from the analyses of a few: the store benchmark's generator.

Analysing ten thousand articles takes hours; storing them takes a minute. So the
benchmark analyses a few real articles once and stores each analysis many times,
every copy a plausible article of its own:

- its text is the real one with a last line added ("Copy 17."), so it has its own
  content hash and every span of the analysis still points at the same words;
- it is published ``n`` days after the original (copies spread over two years), in one
  of twenty outlets, and each statement's date and each position's day move with it;
- its speakers vary by copy: a person becomes one of 2,000 names (first name and
  surname from two lists), an organisation the same body of one of fifty towns; the
  anonymous sources, governments and outlets stay who they are, as they recur in real
  coverage. ``variants`` copies in a row give one original's speakers different names,
  so a store of 10,000 copies of a few articles has a few thousand actors.

Everything is a pure function of the copy's number: the same call gives the same store.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta

from onrecord.model import Actor, ActorType, Analysis, Attribution, Position

__all__ = ["copies", "copy_of"]

DAYS = 730  # copies are published over two years
EPOCH = datetime(2024, 1, 1)  # the day an undated original is taken to be published

FIRST_NAMES = (
    "Ada Ben Carla Dmitri Elena Farid Greta Hugo Ines Jonas Kira Luca Maya Nils Olga "
    "Pedro Quinn Rosa Sami Tara Uma Viktor Wanda Xavier Yara Zoran Amir Bea Cyril Dana "
    "Emil Fatima Goran Hana Ivo Jana Karim Lena Marek Nora"
).split()
SURNAMES = (
    "Abara Berg Costa Dahl Eriksen Fischer Garcia Horvat Ivanova Jensen Kowalski Lindqvist "
    "Moreau Novak Okafor Petrov Quispe Rossi Santos Tanaka Ueda Varga Weber Xu Yilmaz "
    "Zielinski Adeyemi Baptiste Castillo Duarte Engel Ferreira Gruber Haddad Iqbal Janssen "
    "Keller Laine Mendes Nagy Oliveira Popescu Quinn Ramos Silva Toth Urban Vidal Wolff Young"
).split()
TOWNS = tuple(f"{name}ton" for name in SURNAMES)
OUTLETS = tuple(
    f"The {town} {kind}"
    for town, kind in zip(
        SURNAMES[:20], ("Herald", "Gazette", "Courier", "Ledger", "Times") * 4, strict=True
    )
)


def copies(originals: Sequence[Analysis], count: int, variants: int = 100) -> Iterator[Analysis]:
    """``count`` copies of ``originals``, taken in turn."""
    for number in range(count):
        yield copy_of(originals[number % len(originals)], number, variants)


def copy_of(original: Analysis, number: int, variants: int = 100) -> Analysis:
    """Copy ``number`` of ``original``: a new article, later, elsewhere, other speakers."""
    article = original.article
    shift = timedelta(days=number % DAYS)
    published = (article.published or EPOCH) + shift
    copied = dataclasses.replace(
        article,
        text=f"{article.text}\n\nCopy {number}.",
        id="",  # the new text's content hash
        source=f"generated/copy-{number}",
        external_id=f"copy-{number}",
        url=f"https://bench.example/{number}",
        outlet=OUTLETS[number % len(OUTLETS)],
        published=published,
    )
    variant = (number // len(OUTLETS)) % variants
    attributions = [_attribution(a, variant, shift) for a in original.attributions]
    positions = None
    if original.positions is not None:
        positions = [_position(p, variant, shift) for p in original.positions]
    return dataclasses.replace(
        original, article=copied, attributions=attributions, positions=positions
    )


def _attribution(attribution: Attribution, variant: int, shift: timedelta) -> Attribution:
    said_on = attribution.said_on
    if said_on is not None:
        said_on = dataclasses.replace(
            said_on,
            date=_later(said_on.date, shift),
            earliest=_later(said_on.earliest, shift),
            latest=_later(said_on.latest, shift),
        )
    return dataclasses.replace(
        attribution, actor=_speaker(attribution.actor, variant), said_on=said_on
    )


def _position(position: Position, variant: int, shift: timedelta) -> Position:
    return dataclasses.replace(
        position,
        actor=_varied(position.actor, variant),
        speaker=_speaker(position.speaker, variant),
        as_of=_later(position.as_of, shift),
        held_before=_later(position.held_before, shift),
    )


def _speaker(actor: Actor | None, variant: int) -> Actor | None:
    return _varied(actor, variant) if actor is not None else None


def _varied(actor: Actor, variant: int) -> Actor:
    """The actor as copy ``variant`` names it; its role and affiliation stay."""
    key = zlib.crc32(f"{actor.name}|{variant}".encode())
    if actor.type is ActorType.PERSON:
        first = FIRST_NAMES[key % len(FIRST_NAMES)]
        surname = SURNAMES[(key // len(FIRST_NAMES)) % len(SURNAMES)]
        name = f"{first} {surname}"
    elif actor.type is ActorType.ORGANIZATION:
        name = f"{actor.name} of {TOWNS[key % len(TOWNS)]}"
    else:
        return actor
    return Actor(name, actor.type, actor.role, actor.affiliation)


def _later(day: date | None, shift: timedelta) -> date | None:
    return day + shift if day is not None else None
