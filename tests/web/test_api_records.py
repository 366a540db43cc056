"""``/v1/actors``, ``/v1/issues`` (positions as of a day, the timeline), ``/v1/articles``
and ``/v1/sources``, with their pages and errors; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from served import DIALECTS, corpus_client, corpus_store
from starlette.testclient import TestClient

from stored_corpus import CBC, ISSUE, article_id


@pytest.fixture(scope="module", params=DIALECTS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    with corpus_client(corpus_store(request, tmp_path_factory)) as test_client:
        yield test_client


def _get(client: TestClient, path: str, status: int = 200) -> Any:
    answer = client.get(path)
    assert answer.status_code == status, answer.text
    return answer.json()


def _error(client: TestClient, path: str, status: int) -> dict[str, Any]:
    error: dict[str, Any] = _get(client, path, status)["error"]
    assert error["status"] == status and error["message"]
    return error


def test_actors_the_most_mentioned_first(client: TestClient) -> None:
    body = _get(client, "/v1/actors")
    assert body["total"] == 5 and body["next"] is None
    mentions = [actor["mentions"] for actor in body["actors"]]
    assert mentions == sorted(mentions, reverse=True)
    assert body["actors"][0]["links"]["self"] == f"/v1/actors/{body['actors'][0]['id']}"


def test_actors_searched_by_name_or_alias_and_by_type(client: TestClient) -> None:
    found = _get(client, "/v1/actors?search=STOLTENB")["actors"]
    assert [actor["id"] for actor in found] == ["jens-stoltenberg"]
    governments = _get(client, "/v1/actors?type=government")["actors"]
    assert sorted(a["name"] for a in governments) == [
        "Government of Germany",
        "Government of the United States",
    ]
    assert _error(client, "/v1/actors?type=robot", 400)["param"] == "type"
    assert "letters or digits" in _error(client, "/v1/actors?search=%21%21", 400)["message"]


def test_actor_pages_by_cursor(client: TestClient) -> None:
    whole = [a["id"] for a in _get(client, "/v1/actors")["actors"]]
    seen: list[str] = []
    url: str | None = "/v1/actors?limit=2"
    while url is not None:
        body = _get(client, url)
        seen += [a["id"] for a in body["actors"]]
        url = body["next_url"]
    assert seen == whole
    cursor = _get(client, "/v1/actors?limit=2")["next"]
    assert _error(client, f"/v1/actors?search=a&cursor={cursor}", 400)["param"] == "cursor"


def test_an_actor_profile_roles_quotes_newest_first_and_positions(client: TestClient) -> None:
    body = _get(client, "/v1/actors/jens-stoltenberg")
    assert body["actor"]["name"] == "Jens Stoltenberg"
    assert body["actor"]["aliases"] == ["Jens Stoltenberg", "Stoltenberg"]
    assert [r["role"] for r in body["roles"]] == ["NATO's secretary general"]
    assert [q["article"] for q in body["quotes"]] == ["cbc", "independent"]
    assert body["quotes_total"] == 2
    assert [(p["coarse"], p["as_of"]) for p in body["positions"]] == [
        ("against", "2024-05-03"),
        ("for", "2024-05-30"),
    ]
    assert _get(client, "/v1/actors/Stoltenberg")["actor"]["id"] == "jens-stoltenberg"
    assert "onrecord actors" in _error(client, "/v1/actors/olaf-scholz", 404)["message"]


def test_the_issues_followed(client: TestClient) -> None:
    issues = _get(client, "/v1/issues")["issues"]
    assert [issue["id"] for issue in issues] == [ISSUE]
    assert issues[0]["statement"].startswith("Ukraine may use Western-supplied weapons")
    one = _get(client, f"/v1/issues/{ISSUE}")
    assert one["stances"] == issues[0]["stances"]
    assert "it follows: strikes-inside-russia" in _error(client, "/v1/issues/nope", 404)["message"]


def _stances(body: dict[str, Any]) -> dict[str, str]:
    return {p["actor"]["name"]: p["coarse"] for p in body["positions"]}


def test_positions_as_of_a_day_move_with_the_day(client: TestClient) -> None:
    before = _get(client, f"/v1/issues/{ISSUE}/positions?as_of=2024-05-10")
    assert before["as_of"] == "2024-05-10"
    assert _stances(before) == {"Jens Stoltenberg": "against"}
    after = _get(client, f"/v1/issues/{ISSUE}/positions?as_of=2024-06-01")
    assert _stances(after) == {
        "Jens Stoltenberg": "for",
        "Government of the United States": "for_with_limits",
        "Government of Germany": "for",
    }
    shifted = [p for p in after["positions"] if p["actor"]["name"] == "Jens Stoltenberg"][0]
    assert shifted["shift"] and shifted["shifted_from"] == "opposes"
    # Undated positions come apart (``undated``); Germany's undated "opposes" is placed on
    # its article's day, 30 May, and its "supports" of 31 May is the latest.
    assert after["undated"] == []


def test_positions_link_their_evidence_to_the_articles(client: TestClient) -> None:
    body = _get(client, f"/v1/issues/{ISSUE}/positions?as_of=2024-06-01&actor=jens-stoltenberg")
    [position] = body["positions"]
    [evidence] = position["evidence"]
    assert evidence["article_id"] == article_id("cbc")
    assert CBC[evidence["start"] : evidence["end"]] == evidence["text"]
    assert position["attributions"] == [
        {"article": "cbc", "id": "a1", "article_id": article_id("cbc")}
    ]


def test_the_timeline_has_every_position_in_date_order(client: TestClient) -> None:
    body = _get(client, f"/v1/issues/{ISSUE}/timeline?actor=jens-stoltenberg")
    assert body["as_of"] is None
    assert [p["placed_on"] for p in body["positions"]] == ["2024-05-03", "2024-05-30"]
    everyone = _get(client, f"/v1/issues/{ISSUE}/timeline")["positions"]
    assert {p["actor"]["name"] for p in everyone} == {
        "Jens Stoltenberg",
        "Government of the United States",
        "Government of Germany",
    }
    error = _error(client, f"/v1/issues/{ISSUE}/positions?as_of=June", 400)
    assert error["param"] == "as_of"
    _error(client, "/v1/issues/nope/timeline", 404)


def test_an_article_with_its_text_and_attributions_as_offsets(client: TestClient) -> None:
    body = _get(client, f"/v1/articles/{article_id('cbc')}")
    article = body["article"]
    assert article["text"] == CBC and article["outlet"] == "CBC News"
    attributions = body["analysis"]["attributions"]
    assert [a["id"] for a in attributions] == ["a1", "a2"]
    for attribution in attributions:
        for part in (attribution["source"], attribution["cue"], *attribution["content"]):
            assert CBC[part["start"] : part["end"]] == part["text"]
        quote = _get(client, f"/v1/quotes/{attribution['quote_id']}")
        assert quote["attribution_id"] == attribution["id"]
    assert [p["stance"] for p in body["analysis"]["positions"]] == [
        "supports",
        "supports with limits",
    ]
    assert "no article" in _error(client, "/v1/articles/0000", 404)["message"]


def test_articles_found_by_their_words(client: TestClient) -> None:
    found = _get(client, "/v1/articles?q=Berlin%20opposed")["articles"]
    assert [a["name"] for a in found] == ["reuters"]
    assert found[0]["links"]["self"] == f"/v1/articles/{article_id('reuters')}"
    assert _error(client, "/v1/articles", 400)["param"] == "q"


def test_sources_named_and_anonymous_by_outlet_and_type(client: TestClient) -> None:
    shares = _get(client, "/v1/sources")["sources"]
    reuters = [s for s in shares if s["by"] == "outlet" and s["group"] == "Reuters"][0]
    assert (reuters["quotes"], reuters["named"], reuters["anonymous"]) == (2, 1, 1)
    assert sum(s["quotes"] for s in shares if s["by"] == "speaker type") == 8
    assert _error(client, "/v1/sources?outlet=x", 400)["param"] == "outlet"
