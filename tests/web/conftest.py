"""The web app over the hand-built corpus (tests/stored_corpus.py), on both dialects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from onrecord.web import create_app
from stored_corpus import corpus_url, filled


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the corpus, of each dialect."""
    url = corpus_url(request, tmp_path_factory.mktemp("web"))
    with filled(url):
        pass
    return url


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    """A client of the read-only app over the corpus."""
    with TestClient(create_app(store_url)) as test_client:
        yield test_client
