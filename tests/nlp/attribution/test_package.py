"""The attribution package's public names: what other packages import from it."""

from __future__ import annotations

import pytest

import onrecord.nlp.attribution as attribution


@pytest.mark.parametrize("name", attribution.__all__)
def test_every_public_name_is_there(name: str) -> None:
    assert getattr(attribution, name) is not None


def test_public_names_are_listed_once() -> None:
    assert len(set(attribution.__all__)) == len(attribution.__all__)
