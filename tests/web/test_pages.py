"""The HTML pages over the hand-built corpus (tests/stored_corpus.py), on both dialects:
what each page shows, its JSON twin, its links, its errors, and that article text is
escaped. The browser drives the pages in tests/web/test_browser.py."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from served import DIALECTS, corpus_client, corpus_store
from starlette.testclient import TestClient

from onrecord.query import track_from_store
from onrecord.resolve import TrackedPosition
from onrecord.store import open_store
from onrecord.web.middleware import CONTENT_SECURITY_POLICY
from onrecord.web.pages import quotes
from onrecord.web.pages._render import safe_url
from onrecord.web.pages.issue import held_on
from stored_corpus import CBC, ISSUE, QUOTE, article_id, quote_row

STOLTENBERG = "jens-stoltenberg"


@pytest.fixture(scope="module", params=DIALECTS)
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return corpus_store(request, tmp_path_factory)


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with corpus_client(store_url) as test_client:
        yield test_client


def page(client: TestClient, path: str, status: int = 200) -> str:
    answer = client.get(path)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    return answer.text


def twin(client: TestClient, path: str) -> dict[str, Any]:
    joiner = "&" if "?" in path else "?"
    answer = client.get(f"{path}{joiner}format=json")
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def cells(matrix: dict[str, Any], actor: str) -> dict[str, list[str]]:
    """The stances in each column of an actor's row of the matrix."""
    row = next(r for r in matrix["rows"] if r["actor"]["id"] == actor)
    columns = [c["coarse"] for c in matrix["columns"]]
    return {c: [e["stance"] for e in cell] for c, cell in zip(columns, row["cells"], strict=True)}


def test_the_front_page_lists_the_issues(client: TestClient) -> None:
    html = page(client, "/")
    assert f'href="/issues/{ISSUE}"' in html
    assert twin(client, "/")["counts"]["articles"] == 5


def test_the_tracker_moves_with_the_day_and_marks_the_shift(client: TestClient) -> None:
    before = twin(client, f"/issues/{ISSUE}?as_of=2024-05-10")
    after = twin(client, f"/issues/{ISSUE}?as_of=2024-05-31")
    assert cells(before, STOLTENBERG)["against"] == ["opposes"]
    assert cells(after, STOLTENBERG)["for"] == ["supports"]
    assert cells(after, STOLTENBERG)["against"] == []
    shifted = next(r for r in after["rows"] if r["actor"]["id"] == STOLTENBERG)["cells"][0][0]
    assert shifted["shifted_from"] == "opposes"
    html = page(client, f"/issues/{ISSUE}?as_of=2024-05-31")
    assert "⇐ shifted from opposes" in html
    assert f'href="/issues/{ISSUE}/actors/{STOLTENBERG}?as_of=2024-05-31"' in html
    # The days to step through: the previous and next day on which something is placed.
    assert before["previous_day"] == "2024-05-03" and before["next_day"] == "2024-05-30"
    assert {"2024-05-03", "2024-05-30", "2024-05-31"} <= set(after["days"])


def test_the_matrix_off_the_kept_timeline_is_the_stores_as_of_tracker(store_url: str) -> None:
    with open_store(store_url) as store:
        whole = track_from_store(store, ISSUE).positions
        days = sorted({i.placed_on for i in whole if i.placed_on})
        for day in [date(2024, 1, 1), *days, *(d + timedelta(days=1) for d in days)]:
            asked = {_key(i) for i in track_from_store(store, ISSUE, day).positions}
            assert {_key(i) for i in held_on(whole, day)} == asked, day


def _key(item: TrackedPosition) -> tuple[Any, ...]:
    return (item.actor.id, item.stance, item.placed_on, item.shifted_from, item.articles)


def test_the_tracker_filters_by_actor_type_and_named_sources(client: TestClient) -> None:
    people = twin(client, f"/issues/{ISSUE}?as_of=2024-06-01&actor_type=person")
    assert {r["actor"]["type"] for r in people["rows"]} == {"person"}
    everyone = twin(client, f"/issues/{ISSUE}?as_of=2024-06-01")
    named = twin(client, f"/issues/{ISSUE}?as_of=2024-06-01&named_only=1")
    ids = {r["actor"]["id"] for r in everyone["rows"]}
    # The U.S. position rests on one anonymous official alone.
    assert "government-of-the-united-states" in ids
    assert {r["actor"]["id"] for r in named["rows"]} == ids - {"government-of-the-united-states"}


def test_the_tracker_exports_what_it_shows(client: TestClient) -> None:
    answer = client.get(f"/issues/{ISSUE}?as_of=2024-05-31&format=csv")
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    stoltenberg = [r for r in rows if r["actor_id"] == STOLTENBERG]
    assert [(r["stance"], r["coarse"], r["shifted_from"]) for r in stoltenberg] == [
        ("supports", "for", "opposes")
    ]
    svg = client.get(f"/issues/{ISSUE}/timeline.svg?as_of=2024-05-31")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.count('class="bar ') == len(twin_bars(client))
    assert "Jens Stoltenberg" in svg.text


def twin_bars(client: TestClient) -> list[dict[str, Any]]:
    chart = twin(client, f"/issues/{ISSUE}?as_of=2024-05-31")["chart"]
    return [bar for lane in chart["lanes"] for bar in lane["bars"]]


def test_the_timeline_draws_each_dated_position_and_keeps_undated_apart(
    client: TestClient,
) -> None:
    chart = twin(client, f"/issues/{ISSUE}?as_of=2024-05-31")["chart"]
    lanes = {lane["actor"]["id"]: lane for lane in chart["lanes"]}
    bars = lanes[STOLTENBERG]["bars"]
    assert [(b["stance"], b["day"], b["shifted_from"]) for b in bars] == [
        ("opposes", "2024-05-03", None),
        ("supports", "2024-05-30", "opposes"),
    ]
    # A bar runs to the actor's next position: the first ends where the second begins.
    assert bars[0]["x"] + bars[0]["width"] == pytest.approx(bars[1]["x"], abs=0.2)
    assert chart["as_of"]["day"] == "2024-05-31"


def test_a_cell_opens_its_evidence_at_the_sentence(client: TestClient) -> None:
    found = twin(client, f"/issues/{ISSUE}/actors/government-of-the-united-states?as_of=2024-05-31")
    (held,) = found["held"]
    assert held["stance"] == "supports with limits"
    (report,) = held["evidence"]
    assert report["outlet"] == "CBC News" and report["published"] == "2024-05-30"
    assert report["speaker"]["name"] == "anonymous U.S. official"
    (sentence,) = report["sentences"]
    assert CBC[sentence["start"] : sentence["end"]] == sentence["text"]
    html = page(client, f"/issues/{ISSUE}/actors/government-of-the-united-states?as_of=2024-05-31")
    link = f"/articles/{article_id('cbc')}#e-{sentence['start']}"
    assert f'href="{link}"' in html
    assert "said by" in html and "for Government of the United States" in html
    # The article page has the anchor the link points at.
    assert f'id="e-{sentence["start"]}"' in page(client, link.split("#")[0])


def test_the_evidence_page_before_the_actors_first_position_holds_none(
    client: TestClient,
) -> None:
    found = twin(client, f"/issues/{ISSUE}/actors/{STOLTENBERG}?as_of=2024-05-01")
    assert found["held"] == []
    assert [e["day"] for e in found["timeline"]] == ["2024-05-03", "2024-05-30"]
    assert "No position of Jens Stoltenberg on record by 1 May 2024" in page(
        client, f"/issues/{ISSUE}/actors/{STOLTENBERG}?as_of=2024-05-01"
    )


def test_an_actor_without_a_position_on_the_issue_is_a_404_page(client: TestClient) -> None:
    html = page(client, f"/issues/{ISSUE}/actors/no-such-actor", 404)
    assert "has no position on issue" in html


def test_the_article_page_marks_source_cue_and_content(client: TestClient) -> None:
    found = twin(client, f"/articles/{article_id('cbc')}")
    pieces = [p for block in found["blocks"] for p in block["pieces"]]
    assert "".join(p["text"] for p in pieces) == CBC  # every character once, in order
    roles = {p["text"]: p["roles"] for p in pieces if p["roles"]}
    assert roles["Jens Stoltenberg"] == ["source"]
    assert "cue" in roles["said"]
    assert "content" in roles["we will allow strikes near Kharkiv"]
    assert "evidence" in roles["we will allow strikes near Kharkiv"]
    html = page(client, f"/articles/{article_id('cbc')}")
    assert 'id="a-a1"' in html and 'id="a-a2"' in html
    assert '<span class="m-source" data-a="a1"' in html
    assert 'href="https://example.org/cbc"' in html  # the original, an http(s) address


def test_the_article_page_of_an_unknown_id_is_a_404_page(client: TestClient) -> None:
    assert "no article of that id" in page(client, "/articles/0000000000000000", 404)


def test_quote_search_marks_the_words_and_counts_facets(client: TestClient) -> None:
    found = twin(client, "/quotes?q=kharkiv")
    assert found["matches"] == 4  # the official thrice, the ISW once
    hits = {p["text"] for r in found["results"] for p in r["marked"] if p["hit"]}
    assert hits == {"Kharkiv"}
    outlets = {f["value"]: f["count"] for f in found["facets"]["outlet"]}
    assert outlets == {"CBC News": 1, "Reuters": 1, "Evening Standard": 1}
    html = page(client, "/quotes?q=kharkiv")
    assert "<mark>Kharkiv</mark>" in html
    row = quote_row_of(client, "reuters", "a1")
    assert f'href="/quotes/{row}/provenance"' in html
    assert f'href="/articles/{article_id("reuters")}#a-a1"' in html


def quote_row_of(client: TestClient, name: str, local: str) -> int:
    url = client.app.state.store.url  # type: ignore[attr-defined]
    with open_store(url) as store:
        return quote_row(store, name, local)


def test_quote_search_takes_the_cli_filters(client: TestClient) -> None:
    by_speaker = twin(client, "/quotes?speaker=Stoltenberg")
    assert {r["speaker"]["id"] for r in by_speaker["results"]} == {STOLTENBERG}
    in_may = twin(client, "/quotes?since=2024-05-30&until=2024-05-30")
    assert {r["day"] for r in in_may["results"]} == {"2024-05-30"}
    anonymous = twin(client, "/quotes?anonymous=1&kind=direct")
    assert {r["speaker"]["type"] for r in anonymous["results"]} == {"anonymous"}
    assert {r["kind"] for r in anonymous["results"]} == {"direct"}


def test_quote_pages_follow_one_another_past_the_counted_matches(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = [r["id"] for r in twin(client, "/quotes")["results"]]
    assert len(everything) == 8
    monkeypatch.setattr(quotes, "PER_PAGE", 3)
    monkeypatch.setattr(quotes, "FACET_ROWS", 4)  # page 2 on are read at their offset
    first = twin(client, "/quotes")
    assert (first["matches"], first["pages"], first["counted"]) == (8, 3, 4)
    assert sum(f["count"] for f in first["facets"]["month"]) <= 4
    pages = [twin(client, f"/quotes?page={n}")["results"] for n in (1, 2, 3)]
    assert [r["id"] for page in pages for r in page] == everything
    assert 'href="/quotes?page=2"' in page(client, "/quotes")


def test_a_search_that_cannot_run_says_why_on_the_page(client: TestClient) -> None:
    html = page(client, "/quotes?speaker=Nobody%20At%20All", 404)
    assert "the store has no actor of that name" in html
    assert 'name="speaker" value="Nobody At All"' in html  # the form, to fix it
    assert "give a day" in page(client, "/quotes?since=May", 400)
    assert "not a kind of quote" in page(client, "/quotes?kind=shouted", 400)


def test_a_quote_shows_where_it_was_first_seen_and_who_carried_it(client: TestClient) -> None:
    row = quote_row_of(client, "standard", "a1")
    found = twin(client, f"/quotes/{row}/provenance")
    assert found["first_seen"]["outlet"] == "CBC News"
    assert [q["outlet"] for q in found["carried_by"]] == ["CBC News", "Reuters", "Evening Standard"]
    html = page(client, f"/quotes/{row}/provenance")
    assert "Carried by 3 articles" in html and QUOTE in html


def test_the_actor_page_shows_roles_positions_and_quotes(client: TestClient) -> None:
    found = twin(client, f"/actors/{STOLTENBERG}")
    assert found["actor"]["name"] == "Jens Stoltenberg"
    assert "Stoltenberg" in found["actor"]["aliases"]
    assert [q["said_on"] for q in found["quotes"]] == ["2024-05-30", "2024-05-03"]  # newest first
    isw = twin(client, "/actors/institute-for-the-study-of-war")["quotes"]
    assert [q["said_on"] for q in isw] == [None]
    (on_issue,) = found["issues"]
    assert [p["stance"] for p in on_issue["positions"]] == ["opposes", "supports"]
    assert found["voiced"] == {"itself": 2, "named others": 0, "anonymous sources": 0}
    # CBC quotes the U.S. official beside him; the Independent no one.
    assert found["beside"] == [
        {"id": "anonymous-u-s-official", "name": "anonymous U.S. official", "articles": 1}
    ]
    html = page(client, f"/actors/{STOLTENBERG}")
    assert "NATO&#39;s secretary general" in html  # a role, escaped as all text is
    usa = twin(client, "/actors/government-of-the-united-states")
    assert usa["voiced"]["anonymous sources"] == 1


def test_an_actor_is_found_by_a_name_too(client: TestClient) -> None:
    assert twin(client, "/actors/Stoltenberg")["actor"]["id"] == STOLTENBERG
    assert "no actor of that name" in page(client, "/actors/nobody-we-know", 404)


def test_the_actors_list_searches_names(client: TestClient) -> None:
    found = twin(client, "/actors?search=stolt")
    assert [a["id"] for a in found["actors"]] == [STOLTENBERG]
    assert f'href="/actors/{STOLTENBERG}"' in page(client, "/actors")


def test_the_sources_page_counts_named_and_anonymous(client: TestClient) -> None:
    found = twin(client, "/sources")
    by_type = {s["group"]: s["quotes"] for s in found["by_type"]}
    assert by_type["anonymous"] == 3
    assert "Reuters" in page(client, "/sources")


def test_the_stylesheet_and_script_are_the_packages_own(client: TestClient) -> None:
    html = page(client, "/")
    paths = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert {p.rsplit("/", 1)[1] for p in paths} == {"onrecord.css", "pages.js"}
    for path in paths:
        answer = client.get(path)
        assert answer.status_code == 200
        assert answer.headers["content-type"].split(";")[0] in ("text/css", "text/javascript")
    assert client.get("/static/x/../../pyproject.toml").status_code == 404
    assert client.get("/static/x/app.py").status_code == 404
    assert "<script>" not in html and " style=" not in html and " on" not in _tags(html)


def _tags(html: str) -> str:
    """Every tag of the page, its attributes only."""
    return " ".join(re.findall(r"<[a-z][^>]*>", html))


def test_a_bad_page_number_or_day_is_a_400_page(client: TestClient) -> None:
    assert "give a page number" in page(client, f"/issues/{ISSUE}?page=zero", 400)
    assert "give a day as YYYY-MM-DD" in page(client, f"/issues/{ISSUE}?as_of=June", 400)
    assert "give one of person" in page(client, f"/issues/{ISSUE}?actor_type=alien", 400)


def test_only_http_addresses_become_links() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url(None) is None


def test_every_page_answers_on_a_store_without_issues(tmp_path: Any) -> None:
    url = str(tmp_path / "empty.db")
    open_store(url).close()
    with corpus_client(url) as client:
        assert "follows no issue yet" in page(client, "/")
        assert twin(client, "/quotes")["matches"] == 0
        assert twin(client, "/actors")["total"] == 0
        assert "follows no issue of that id" in page(client, f"/issues/{ISSUE}", 404)


def test_the_default_day_is_today(client: TestClient) -> None:
    assert twin(client, f"/issues/{ISSUE}")["as_of"] == date.today().isoformat()
