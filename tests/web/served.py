"""The web app over the hand-built corpus (tests/stored_corpus.py): what each test
module's fixtures start, on the dialect their ``request.param`` names."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from starlette.testclient import TestClient

from onrecord.web import create_app
from stored_corpus import corpus_url, filled

DIALECTS = ["sqlite", "postgresql"]


def corpus_store(request: pytest.FixtureRequest, factory: pytest.TempPathFactory) -> str:
    """The URL of a new store holding the corpus."""
    url = corpus_url(request, factory.mktemp("web"))
    with filled(url):
        return url


@contextmanager
def corpus_client(url: str, write_token: str | None = None) -> Iterator[TestClient]:
    """A client of the app over the store at ``url``, its lifespan run."""
    with TestClient(create_app(url, write_token=write_token)) as client:
        yield client
