"""``fold``: names and quotes compared without case, diacritics or punctuation."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from onrecord.model import fold


def _one_by_one(text: str) -> str:
    """The definition, a character at a time: every combining mark of the NFKD form
    dropped, then case folded and every run of non-word characters one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_fold_is_its_definition(text: str) -> None:
    assert fold(text) == _one_by_one(text)


def test_fold_examples() -> None:
    assert fold("Baiba Braže") == "baiba braze"
    assert fold("“Absolutely has the RIGHT,”") == "absolutely has the right"
    assert fold("Zoë\u0301 — Ångström…") == "zoe angstrom"
