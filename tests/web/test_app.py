"""The app itself: the index, errors in one JSON shape, the headers on every answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from served import DIALECTS, corpus_client, corpus_store
from starlette.testclient import TestClient

from onrecord.errors import StoreError
from onrecord.web import create_app
from onrecord.web.middleware import SECURITY_HEADERS


@pytest.fixture(scope="module", params=DIALECTS)
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return corpus_store(request, tmp_path_factory)


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with corpus_client(store_url) as test_client:
        yield test_client


def test_the_index_names_the_store_and_its_counts(client: TestClient) -> None:
    answer = client.get("/v1/")
    assert answer.status_code == 200
    body = answer.json()
    assert body["api"] == "v1"
    assert body["writable"] is False
    assert body["store"]["counts"]["articles"] == 5
    assert {"/v1/quotes", "/v1/issues/{issue_id}/positions"} <= set(body["endpoints"])


def test_every_answer_has_the_security_headers_and_its_server_time(client: TestClient) -> None:
    for path in ("/v1/", "/v1/no-such-thing", "/no-such-page"):
        answer = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers[name] == value, (path, name)
        timing = answer.headers["server-timing"]
        assert timing.startswith("app;dur=")
        assert float(timing.removeprefix("app;dur=")) >= 0


def test_an_unknown_endpoint_is_a_404_in_the_json_error_shape(client: TestClient) -> None:
    answer = client.get("/v1/no-such-thing")
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["status"] == 404
    assert error["code"] == "not_found"
    assert "/v1/no-such-thing" in error["message"]


def test_a_method_not_allowed_is_a_405_in_the_json_error_shape(client: TestClient) -> None:
    answer = client.delete("/v1/")
    assert answer.status_code == 405
    assert answer.json()["error"]["code"] == "method_not_allowed"


def test_a_body_over_the_limit_is_refused_before_it_is_read(store_url: str) -> None:
    with TestClient(create_app(store_url, max_body_bytes=100)) as small:
        answer = small.post("/v1/", content=b"x" * 101)
    assert answer.status_code == 413
    assert "100 bytes" in answer.json()["error"]["message"]


def test_a_read_only_app_over_a_missing_file_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store there"):
        create_app(str(missing))
    assert not missing.exists()


def test_a_streamed_body_over_the_limit_is_stopped_as_it_comes(store_url: str) -> None:
    app = create_app(store_url, write_token="t", max_body_bytes=100)
    chunks = (b'{"text": "' + b"x" * 60 + b'"' for _ in range(3))
    with TestClient(app) as small:
        answer = small.post(
            "/v1/articles",
            content=chunks,
            headers={"authorization": "Bearer t", "content-type": "application/json"},
        )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"
