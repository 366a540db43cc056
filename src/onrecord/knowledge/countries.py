"""Countries, their capitals, demonyms and other names, from the ``countryinfo`` package.

The package gives each country's name, alternative spellings, capital and demonym;
``data/places-extra-v1.tsv`` adds the few everyday forms it lacks ("Britain", "US") and
seats of power used as metonyms ("the Kremlin"). Lookups are by exact surface form, with
and without the periods of abbreviations ("U.S." = "US").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import countryinfo

from onrecord.knowledge import data
from onrecord.knowledge.lexicons import alternatives

__all__ = [
    "Country",
    "country_by_demonym",
    "country_by_name",
    "country_of",
    "government_name",
]

# Names read with "the": "the United States", "the Netherlands", "the Czech Republic".
_WITH_ARTICLE = re.compile(rf"\b(?:{alternatives(data.load('country-names-with-the-v1'))})\b")
# A small country's capital in a speaker's place is more often a person ("Victoria said").
_CAPITAL_MIN_POPULATION = 2_000_000


@dataclass(frozen=True)
class Country:
    name: str  # as the package spells it: "United States", "Germany"
    capital: str | None
    demonym: str | None

    @property
    def government(self) -> str:
        return government_name(self.name)

    @property
    def adjective(self) -> str:
        """The form before a noun: "U.S. officials", "German officials"."""
        return _tables().adjectives.get(self.name) or self.demonym or self.name


def government_name(country: str) -> str:
    """ "Government of Germany", "Government of the United States"."""
    article = "the " if _WITH_ARTICLE.search(country) else ""
    return f"Government of {article}{country}"


@lru_cache(maxsize=8192)
def country_by_name(form: str) -> Country | None:
    """The country a name, alternative name, capital or seat of power stands for."""
    return _tables().names.get(_key(form))


@lru_cache(maxsize=8192)
def country_by_demonym(form: str) -> Country | None:
    """ "German", "Germans", "American" → the country."""
    key = _key(form)
    demonyms = _tables().demonyms
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


def country_of(form: str) -> Country | None:
    """The country a word names in any of its forms: "Germany", "Berlin", "German"."""
    return country_by_name(form) or country_by_demonym(form)


def _key(form: str) -> str:
    """Case kept (proper names), periods of abbreviations and a leading "the" dropped."""
    form = " ".join(form.replace("’", "'").split())
    if form.lower().startswith("the "):
        form = form[4:]
    return form.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+", form) else form


@dataclass(frozen=True)
class _Tables:
    names: dict[str, Country]
    demonyms: dict[str, Country]
    adjectives: dict[str, str]  # country name -> adjective form, where not the demonym


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    names: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    # Larger countries first: a shared demonym or name goes to the one news means most
    # often ("American": the United States, not the Northern Mariana Islands).
    infos = sorted(
        (entry.info() for entry in countryinfo.all_countries()),
        key=lambda info: -(info.get("population") or 0),
    )
    for info in infos:
        country = Country(info["name"], _capital(info.get("capital")), info.get("demonym") or None)
        by_name[country.name] = country
        # An ISO code standing alone is too often an ordinary word ("IT", "CAN").
        codes = set((info.get("ISO") or {}).values())
        forms = [country.name, *(info.get("altSpellings") or [])]
        if country.capital and (info.get("population") or 0) >= _CAPITAL_MIN_POPULATION:
            forms.append(country.capital)
        for form in forms:
            if form and form not in codes:
                names.setdefault(_key(form), country)
        if country.demonym:
            demonyms.setdefault(country.demonym, country)
    adjectives: dict[str, str] = {}
    for form, country_name, kind in _extra_forms():
        if country_name in by_name:
            names[_key(form)] = by_name[country_name]
            if kind == "adjective":
                adjectives[country_name] = form
    return _Tables(names, demonyms, adjectives)


def _capital(capital: str | list[str] | None) -> str | None:
    if isinstance(capital, list):  # a few countries list several; the first is the seat
        capital = capital[0] if capital else None
    # "Washington D.C." is "Washington" in news copy.
    return capital.removesuffix(" D.C.").strip() if capital else None


def _extra_forms() -> list[tuple[str, str, str]]:
    """(form, country, kind) rows."""
    text = (
        resources.files("onrecord.knowledge")
        .joinpath("data/places-extra-v1.tsv")
        .read_text(encoding="utf-8")
    )
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            form, country, kind = line.split("\t")
            rows.append((form, country, kind))
    return rows
