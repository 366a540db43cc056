"""Actors: who a source is, with a stable id from the canonical name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from onrecord.model.codec import Fields


class ActorType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"  # a state speaking as such: "Government of Germany"
    ANONYMOUS = "anonymous"  # "anonymous U.S. officials", "unnamed experts"
    MEDIA = "media"  # an outlet, or "media reports (unspecified)"


def fold(name: str) -> str:
    """A name without case, diacritics or punctuation: "Baiba Braže" == "baiba braze"."""
    decomposed = unicodedata.normalize("NFKD", name)
    # The combining marks among the text's distinct characters, dropped in one pass: a
    # test of every character was most of the time of clustering a store's quotes.
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    letters = decomposed.translate(marks) if marks else decomposed
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


def actor_id(name: str) -> str:
    """A stable id from the canonical name: the same name gives the same id in any run."""
    return fold(name).replace(" ", "-") or "unknown"


@dataclass(frozen=True)
class Actor:
    """A canonical speaker.

    ``role`` is the office or description the text gives at that time ("NATO Secretary
    General"); ``affiliation`` the body the actor speaks for or belongs to ("NATO",
    "Government of Germany"), when known.
    """

    name: str
    type: ActorType
    role: str | None = None
    affiliation: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", actor_id(self.name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "role": self.role,
            "affiliation": self.affiliation,
        }

    @classmethod
    def from_dict(cls, data: object) -> Actor:
        read = Fields(data, "Actor")
        return cls(
            name=read.text("name"),
            type=read.choice("type", ActorType),
            role=read.optional_text("role"),
            affiliation=read.optional_text("affiliation"),
            id=read.optional_text("id") or "",
        )
