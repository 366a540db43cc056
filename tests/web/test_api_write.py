"""The write endpoints: the token, the limits, and jobs that ingest articles and add an
issue, polled to their end; on SQLite and PostgreSQL. The OpenAPI document."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from served import DIALECTS, corpus_client, corpus_store
from starlette.testclient import TestClient

from onrecord.web.api.write import MAX_BATCH
from stored_corpus import ISSUE_FILE

TOKEN = "test-token-0123456789"
AUTH = {"authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "text": "“We will keep the bridge open at night,” the mayor of Harbourton said on Monday.",
    "id": "harbour-1",
    "title": "Bridge stays open",
    "outlet": "Harbour Gazette",
    "published": "2024-03-06",
}


@pytest.fixture(scope="module", params=DIALECTS)
def writable(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    with corpus_client(corpus_store(request, tmp_path_factory), TOKEN) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def read_only(writable: TestClient) -> Iterator[TestClient]:
    with corpus_client(writable.app.state.config.store_url) as test_client:
        yield test_client


def _finished(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        found: dict[str, Any] = client.get(job["links"]["self"]).json()
        if found["status"] in ("done", "failed"):
            return found
        time.sleep(0.2)
    raise AssertionError(f"job {job['id']} did not finish")


def test_an_article_posted_is_analysed_and_stored_by_a_job(writable: TestClient) -> None:
    answer = writable.post("/v1/articles", json=ARTICLE, headers=AUTH)
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert job["kind"] == "ingest" and answer.headers["location"] == job["links"]["self"]
    done = _finished(writable, job)
    assert done["status"] == "done", done
    assert done["result"]["new"] == 1 and done["result"]["attributions"] >= 1
    quotes = writable.get("/v1/quotes?outlet=Harbour%20Gazette").json()["quotes"]
    assert [q["content"] for q in quotes] == ["“We will keep the bridge open at night,”"]
    again = _finished(writable, writable.post("/v1/articles", json=ARTICLE, headers=AUTH).json())
    assert again["result"]["unchanged"] == 1


def test_a_batch_and_its_bad_article_named(writable: TestClient) -> None:
    answer = writable.post("/v1/articles", json={"articles": [ARTICLE, {"txt": "x"}]}, headers=AUTH)
    assert answer.status_code == 400
    assert "articles[1]: unknown field 'txt'" in answer.json()["error"]["message"]
    too_many = {"articles": [ARTICLE] * (MAX_BATCH + 1)}
    answer = writable.post("/v1/articles", json=too_many, headers=AUTH)
    assert answer.status_code == 400 and f"at most {MAX_BATCH}" in answer.text
    answer = writable.post("/v1/articles", content=b"{", headers=AUTH | _JSON)
    assert answer.status_code == 400 and "not valid JSON" in answer.text
    answer = writable.post("/v1/articles", content=b"text", headers=AUTH)
    assert answer.status_code == 415


_JSON = {"content-type": "application/json"}


def test_writes_need_the_token(writable: TestClient, read_only: TestClient) -> None:
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN}):
        answer = writable.post("/v1/articles", json=ARTICLE, headers=headers)
        assert answer.status_code == 401, headers
        assert "Authorization: Bearer" in answer.json()["error"]["message"]
    answer = read_only.post("/v1/articles", json=ARTICLE, headers=AUTH)
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "read_only"
    assert read_only.put("/v1/issues/x", content=b"", headers=AUTH).status_code == 403
    assert read_only.get("/v1/").json()["writable"] is False
    assert writable.get("/v1/").json()["writable"] is True


def test_an_issue_put_is_followed_and_the_store_analysed_for_it(writable: TestClient) -> None:
    content = ISSUE_FILE.read_text(encoding="utf-8").replace(
        'id = "strikes-inside-russia"', 'id = "strikes-again"'
    )
    assert 'id = "strikes-again"' in content
    answer = writable.put("/v1/issues/strikes-again", content=content.encode(), headers=AUTH)
    assert answer.status_code == 202, answer.text
    done = _finished(writable, answer.json())
    assert done["status"] == "done", done
    assert done["result"]["reanalysed"] >= 5
    ids = [issue["id"] for issue in writable.get("/v1/issues").json()["issues"]]
    assert "strikes-again" in ids
    assert writable.get("/v1/issues/strikes-again/timeline").status_code == 200


def test_a_bad_issue_file_is_refused_with_its_reason(writable: TestClient) -> None:
    answer = writable.put("/v1/issues/x", content=b"id = ", headers=AUTH)
    assert answer.status_code == 400 and "not valid TOML" in answer.text
    content = ISSUE_FILE.read_bytes()
    answer = writable.put("/v1/issues/other-id", content=content, headers=AUTH)
    assert answer.status_code == 400 and "not 'other-id'" in answer.text


def test_an_unknown_job_is_a_404(writable: TestClient) -> None:
    assert writable.get("/v1/jobs/0000").status_code == 404


def test_the_openapi_document_names_every_route_and_method(writable: TestClient) -> None:
    document = writable.get("/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    described = {
        (path, method.upper()) for path, ops in document["paths"].items() for method in ops
    }
    mount = next(r for r in writable.app.routes if getattr(r, "path", "") == "/v1")
    routed = {
        (f"/v1{route.path}", method)
        for route in mount.routes
        for method in route.methods - {"HEAD"}
    }
    assert described == routed
    for path, ops in document["paths"].items():
        for operation in ops.values():
            named = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert named == set(path.replace("}", "{").split("{")[1::2]), path
