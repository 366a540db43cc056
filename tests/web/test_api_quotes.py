"""``/v1/quotes``: the CLI's filters, pages by cursor and by offset, one quote, its
provenance, and the errors for bad parameters; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from served import DIALECTS, corpus_client, corpus_store
from starlette.testclient import TestClient

from stored_corpus import QUOTE, article_id


@pytest.fixture(scope="module", params=DIALECTS)
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return corpus_store(request, tmp_path_factory)


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with corpus_client(store_url) as test_client:
        yield test_client


def _get(client: TestClient, path: str, status: int = 200) -> Any:
    answer = client.get(path)
    assert answer.status_code == status, answer.text
    return answer.json()


def _said(client: TestClient, query: str) -> list[tuple[str, str]]:
    body = _get(client, f"/v1/quotes?{query}")
    assert body["total"] == len(body["quotes"])  # every answer here fits on one page
    return [(q["article"], q["attribution_id"]) for q in body["quotes"]]


def _error(client: TestClient, path: str, status: int) -> dict[str, Any]:
    error: dict[str, Any] = _get(client, path, status)["error"]
    assert error["status"] == status
    return error


def test_every_quote_in_order_with_the_total(client: TestClient) -> None:
    body = _get(client, "/v1/quotes")
    assert body["total"] == 8 and body["limit"] == 50 and body["next"] is None
    days = [q["said_on"] or q["published"] for q in body["quotes"]]
    assert days[0] == "2024-05-03" and days[-1] is None  # undated last
    first = body["quotes"][0]
    assert first["speaker"]["name"] == "Jens Stoltenberg"
    assert first["links"]["provenance"] == f"/v1/quotes/{first['id']}/provenance"
    assert first["links"]["article"] == f"/v1/articles/{article_id('independent')}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker=stoltenberg", [("independent", "a1"), ("cbc", "a1")]),
        ("speaker=jens-stoltenberg&since=2024-05-10", [("cbc", "a1")]),
        ("outlet=reuters", [("reuters", "a1"), ("reuters", "a2")]),
        ("anonymous=true&kind=DIRECT", [("reuters", "a1"), ("standard", "a1")]),
        ("until=2024-05-03", [("independent", "a1")]),
        ("kind=mixed", [("isw", "a1")]),
        ("q=Kharkiv&outlet=CBC%20News", [("cbc", "a2")]),
        ("outlet=Le%20Monde", []),
    ],
)
def test_the_filters_of_onrecord_quotes(
    client: TestClient, query: str, expected: list[tuple[str, str]]
) -> None:
    assert _said(client, query) == expected


def test_the_quotes_of_one_article(client: TestClient) -> None:
    assert _said(client, f"article={article_id('standard')}") == [
        ("standard", "a1"),
        ("standard", "a2"),
    ]


def test_a_search_marks_where_each_content_matched(client: TestClient) -> None:
    body = _get(client, "/v1/quotes?q=allow%20kharkiv")
    assert body["total"] == 3
    for quote in body["quotes"]:
        marked = [quote["content"][start:end].lower() for start, end in quote["highlights"]]
        assert marked == ["allow", "kharkiv"]
    assert "highlights" not in _get(client, "/v1/quotes?limit=1")["quotes"][0]


def test_cursor_pages_follow_one_another_to_the_whole_answer(client: TestClient) -> None:
    whole = [q["id"] for q in _get(client, "/v1/quotes")["quotes"]]
    seen: list[int] = []
    url: str | None = "/v1/quotes?limit=3"
    while url is not None:
        body = _get(client, url)
        assert body["total"] == 8 and len(body["quotes"]) <= 3
        seen += [q["id"] for q in body["quotes"]]
        url = body["next_url"]
    assert seen == whole


def test_offset_pages_give_the_same_order(client: TestClient) -> None:
    whole = [q["id"] for q in _get(client, "/v1/quotes")["quotes"]]
    pages = [_get(client, f"/v1/quotes?limit=3&offset={start}") for start in (0, 3, 6)]
    assert [q["id"] for page in pages for q in page["quotes"]] == whole
    assert pages[1]["offset"] == 3


def test_a_filtered_answer_pages_within_its_filter(client: TestClient) -> None:
    first = _get(client, "/v1/quotes?q=strikes&limit=4")
    assert first["total"] == 6
    rest = _get(client, first["next_url"])
    assert len(first["quotes"]) + len(rest["quotes"]) == 6 and rest["next"] is None


def test_a_cursor_with_other_filters_or_not_ours_is_refused(client: TestClient) -> None:
    cursor = _get(client, "/v1/quotes?limit=2")["next"]
    error = _error(client, f"/v1/quotes?limit=2&outlet=Reuters&cursor={cursor}", 400)
    assert error["param"] == "cursor" and "other parameters" in error["message"]
    assert _error(client, "/v1/quotes?cursor=not-a-cursor", 400)["param"] == "cursor"
    assert _get(client, f"/v1/quotes?limit=5&cursor={cursor}")["total"] == 8  # limit may change
    error = _error(client, f"/v1/quotes?cursor={cursor}&offset=2", 400)
    assert "either cursor or offset" in error["message"]


@pytest.mark.parametrize(
    ("query", "param", "words"),
    [
        ("since=30%20May", "since", "YYYY-MM-DD"),
        ("since=2024-06-01&until=2024-05-01", None, "after until"),
        ("kind=quoted", "kind", "direct, indirect, mixed"),
        ("limit=0", "limit", "from 1 to 500"),
        ("limit=501", "limit", "from 1 to 500"),
        ("limit=ten", "limit", "not a whole number"),
        ("offset=-1", "offset", "from 0"),
        ("anonymous=maybe", "anonymous", "true or false"),
        ("speeker=Putin", "speeker", "unknown parameter"),
        ("outlet=a&outlet=b", "outlet", "more than once"),
        ("q=" + "x" * 501, "q", "longer than 500"),
    ],
)
def test_bad_parameters_are_400s_that_name_them(
    client: TestClient, query: str, param: str | None, words: str
) -> None:
    error = _error(client, f"/v1/quotes?{query}", 400)
    assert error["code"] == "bad_request" and words in error["message"]
    assert error.get("param") == param


def test_an_unknown_speaker_is_a_404_that_says_where_to_look(client: TestClient) -> None:
    error = _error(client, "/v1/quotes?speaker=Olaf%20Scholz", 404)
    assert error["param"] == "speaker" and "/v1/actors?search=" in error["message"]


def test_one_quote_by_its_id_or_its_article_and_attribution(client: TestClient) -> None:
    first = _get(client, "/v1/quotes?outlet=Reuters")["quotes"][0]
    assert _get(client, f"/v1/quotes/{first['id']}") == first
    by_key = _get(client, f"/v1/quotes/{article_id('reuters')}:a1")
    assert by_key["id"] == first["id"]
    _error(client, "/v1/quotes/999999", 404)
    _error(client, "/v1/quotes/not%20an%20id", 400)


def test_the_provenance_of_a_quote_carried_by_three_outlets(client: TestClient) -> None:
    reuters = _get(client, "/v1/quotes?outlet=Reuters&kind=direct")["quotes"][0]
    body = _get(client, f"/v1/quotes/{reuters['id']}/provenance")
    assert body["quote"]["id"] == reuters["id"]
    assert body["text"] == QUOTE
    assert body["first_seen"]["article"] == "cbc"
    assert body["outlets"] == ["CBC News", "Reuters", "Evening Standard"]
    assert [q["article"] for q in body["carried_by"]] == ["cbc", "reuters", "standard"]


def test_a_quote_in_no_cluster_was_carried_by_its_own_article(client: TestClient) -> None:
    isw = _get(client, "/v1/quotes?kind=mixed")["quotes"][0]
    body = _get(client, f"/v1/quotes/{isw['id']}/provenance")
    assert body["cluster"] is None and [q["id"] for q in body["carried_by"]] == [isw["id"]]
    _error(client, "/v1/quotes/999999/provenance", 404)
