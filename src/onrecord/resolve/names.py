"""Person names taken apart, for deciding whether two names can be one person.

A name becomes a :class:`PersonName`: given names (first name, middle names or
initials), a surname (with lower-case particles: "von der Leyen") and a generational
suffix ("Jr.", "III"). Every part is folded (no case, diacritics or punctuation) and
lightly normalised for the common Latin spellings of Slavic and Ukrainian names:
doubled letters collapse ("Zelenskyy" → "zelensky") and a final -y/-i/-iy/-yi/-yy/-ii
becomes -y ("Zelenskiy", "Syrskyi", "Andrii" → "zelensky", "syrsky", "andry").

The rules are deliberately narrow. A different suffix, a different first name or a
different middle name always keeps two names apart, so "Donald Trump" and "Donald
Trump Jr.", "Joe Biden" and "Hunter Biden", "George W. Bush" and "George H. W. Bush"
are never the same person here.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from onrecord.model import fold
from onrecord.resolve import lexicons

__all__ = ["PersonName", "is_less_specific", "longest_forms", "parse_person_name"]

# Lower-case words that belong to the surname after them ("Ursula von der Leyen").
_PARTICLES = lexicons.load("name-particles-v1")
_SUFFIXES = lexicons.load("name-suffixes-v1")
_HONORIFICS = lexicons.load("honorifics-v1")
# The Arabic article in "al-Assad" is spelt out by some outlets and dropped by others.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w)", re.IGNORECASE)
_DOUBLED_LETTER = re.compile(r"(\w)\1+")
# Applied after doubled letters collapse (so -yy and -ii are -y and -i by then), and to
# stems of three letters or more only, so that short names ("Li", "Ly") stay apart.
_SOFT_ENDING = re.compile(r"(?<=\w{3})(?:iy|yi|ij|yj|i|y)$")


@dataclass(frozen=True, order=True, slots=True)
class PersonName:
    """A person's name as normalised parts; equal parts mean the same name."""

    surname: str
    given: tuple[str, ...] = ()
    suffix: str = ""

    @property
    def has_full_first_name(self) -> bool:
        return bool(self.given) and not _is_initial(self.given[0])


@lru_cache(maxsize=1 << 16)  # the registry asks again for the same names at each stage
def parse_person_name(name: str) -> PersonName | None:
    """The parts of a person's name, or ``None`` when nothing name-like is left."""
    words = [word for word in name.split() if fold(word)]
    while len(words) > 1 and fold(words[0]) in _HONORIFICS:
        words = words[1:]
    suffix = ""
    if len(words) > 1 and fold(words[-1]) in _SUFFIXES:
        suffix, words = fold(words[-1]), words[:-1]
    if not words:
        return None
    surname_start = _surname_start(words)
    given = tuple(part for word in words[:surname_start] for part in _given_parts(word))
    surname = " ".join(_normalise(word) for word in words[surname_start:])
    return PersonName(surname=surname, given=given, suffix=suffix)


def is_less_specific(short: PersonName, full: PersonName) -> bool:
    """Whether ``short`` is a shorter way of writing ``full`` (and not the same name).

    "Putin" and "V. Putin" are shorter forms of "Vladimir Putin"; "Donald Trump" of
    "Donald John Trump". Middle names must agree from the first one on, so "George W.
    Bush" is not a shorter "George H. W. Bush"; suffixes must be the same.
    """
    return short.suffix == full.suffix and _may_be(short, full) and short.given != full.given


def longest_forms(names: Collection[PersonName]) -> dict[PersonName, list[PersonName]]:
    """Each name that is a shorter form of others, and the longest of those others.

    ``names`` share a surname. A name that may as well be someone with a suffix it
    lacks is left out: with "Donald Trump Jr." about, "Trump" may be either Trump.
    """
    # Being a shorter form is transitive, so the longest forms of a name are the widest
    # names of all that it is a shorter form of: found once, not once a name.
    widest = {n for n in names if not any(is_less_specific(n, other) for other in names)}
    found: dict[PersonName, list[PersonName]] = {}
    for name in names:
        if name in widest:
            continue
        if any(other.suffix != name.suffix and _may_be(name, other) for other in names):
            continue
        found[name] = sorted(wide for wide in widest if is_less_specific(name, wide))
    return found


def _may_be(short: PersonName, full: PersonName) -> bool:
    """Whether ``short`` may name the person ``full`` names (suffix aside, when lacking)."""
    if short.surname != full.surname or len(short.given) > len(full.given):
        return False
    if short.suffix and short.suffix != full.suffix:
        return False
    return all(_part_fits(a, b) for a, b in zip(short.given, full.given, strict=False))


def _surname_start(words: list[str]) -> int:
    """Where the surname begins: the last word, with the lower-case particles before it."""
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    if start == 1 and words[0] in _PARTICLES:  # "von der Leyen" alone: all surname
        start = 0
    return start


def _given_parts(word: str) -> list[str]:
    """A given-name word as parts: "J.D." is two initials, "Jean-Claude" one name."""
    pieces = fold(word).split()
    if len(pieces) > 1 and all(len(piece) == 1 for piece in pieces):
        return pieces
    return [_normalise(word)]


def _normalise(word: str) -> str:
    """One word folded, its hyphens dropped and its spelling lightly normalised."""
    folded = "".join(fold(_ARABIC_ARTICLE.sub("", word)).split())
    return _SOFT_ENDING.sub("y", _DOUBLED_LETTER.sub(r"\1", folded))


def _is_initial(part: str) -> bool:
    return len(part) == 1


def _part_fits(short: str, full: str) -> bool:
    """A given name fits another when it is the same, or is its initial."""
    return short == full or (_is_initial(short) and full.startswith(short))
