"""The topical dev set: locating gold strings and scoring model attributions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.errors import DataError
from onrecord.evaluate import (
    TopicalArticle,
    format_topical_report,
    load_topical,
    score_article,
    score_topical,
)
from onrecord.model import Actor, ActorType, Attribution, AttributionKind, Span

TEXT = (
    '"We will win," Smith said. "We lost," Jones said. "We will win," Brown said. '
    "Smith and Brown also argued that the war was long."
)


def gold_item(content: str, speaker: str | None, cue: str | None, kind: str) -> dict:
    return {
        "speaker_text": speaker,
        "speaker": speaker or "Smith",
        "speaker_type": "person",
        "role": None,
        "cue": cue,
        "content": content,
        "kind": kind,
    }


def make_dataset(root: Path, articles: dict[str, tuple[str, str, list[dict]]]) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    with open(root / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for article_id, (language, text, gold) in articles.items():
            record = {"id": article_id, "outlet": "X", "language": language, "published": None}
            manifest.write(json.dumps(record) + "\n")
            (root / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")
            gold_json = json.dumps({"attributions": gold, "positions": []})
            (root / "gold" / f"{article_id}.json").write_text(gold_json, encoding="utf-8")
    return root


GOLD = [
    gold_item("We will win,", "Smith", "said", "direct"),
    gold_item("We lost,", "Jones", "said", "direct"),
    gold_item("We will win,", "Brown", "said", "direct"),
    # a group mention gives one entry per member, with the same content
    gold_item("the war was long.", "Smith and Brown", "argued", "indirect"),
    gold_item("the war was long.", "Smith and Brown", "argued", "indirect"),
]


@pytest.fixture
def article(tmp_path: Path) -> TopicalArticle:
    (loaded,) = load_topical(make_dataset(tmp_path / "t", {"001": ("en", TEXT, GOLD)}))
    return loaded


def test_repeated_strings_are_located_in_text_order(article: TopicalArticle) -> None:
    first, _, third, fourth, fifth = article.attributions
    assert first.content_range == (1, 13) and third.content_range == (51, 63)
    assert TEXT[slice(*third.speaker_range)] == "Brown"
    assert third.cue_range == (71, 75)  # the "said" next to its content, not the first one
    assert fourth.content_range == fifth.content_range  # an equal content stays in place
    assert TEXT[slice(*fourth.cue_range)] == "argued"
    assert article.unlocated == []


def test_strings_not_in_the_text_are_reported(tmp_path: Path) -> None:
    gold = [gold_item("They will lose", "Green", "said", "direct")]
    (loaded,) = load_topical(make_dataset(tmp_path / "t", {"002": ("en", TEXT, gold)}))
    assert loaded.attributions[0].content_range is None
    assert [m.split(": ", 2)[2] for m in loaded.unlocated] == [
        "content not found: 'They will lose'",
        "speaker_text not found: 'Green'",
    ]


def test_a_missing_manifest_or_field_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no manifest"):
        load_topical(tmp_path)
    gold = [{"content": "We will win,"}]
    with pytest.raises(DataError, match="attribution 0 lacks a field"):
        load_topical(make_dataset(tmp_path / "t", {"003": ("en", TEXT, gold)}))


def predicted(
    text: str, part: str, kind: AttributionKind, occurrence: int = 0, speaker: str | None = None
) -> Attribution:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    span = Span.of(text, start, start + len(part))
    actor = Actor(speaker, ActorType.PERSON) if speaker else None
    return Attribution(
        content=[span], cue=None, source=None, kind=kind, confidence=1.0, actor=actor
    )


def test_matching_counts_and_kind_accuracy(article: TopicalArticle) -> None:
    found = [
        predicted(TEXT, "We will win", AttributionKind.DIRECT, occurrence=1, speaker="BRÖWN"),
        # 4 of 5 tokens; the speaker is wrong
        predicted(TEXT, "that the war was long", AttributionKind.MIXED, speaker="Jones"),
        predicted(TEXT, "Smith said", AttributionKind.DIRECT),  # a false positive
    ]
    score = score_article(article, found)
    assert (score.attributions.correct, score.attributions.predicted) == (2, 3)
    assert score.attributions.gold == 5
    assert score.kind_correct == 1 and score.kind_accuracy == 0.5
    # names compare without case or diacritics: "BRÖWN" is the gold "Brown"
    assert score.speaker_correct == 1 and score.speaker_accuracy == 0.5


def test_languages_are_reported_apart(tmp_path: Path) -> None:
    german = "Scholz sagte, er liefere keine Taurus."
    articles = load_topical(
        make_dataset(
            tmp_path / "t",
            {
                "001": ("en", TEXT, GOLD),
                "018": (
                    "de",
                    german,
                    [gold_item("er liefere keine Taurus", "Scholz", "sagte", "indirect")],
                ),
            },
        )
    )
    report = score_topical(
        articles, {"018": [predicted(german, "er liefere keine Taurus", AttributionKind.INDIRECT)]}
    )
    assert list(report.by_language) == ["de", "en"]
    assert report.by_language["de"].attributions.f1 == 1.0
    assert report.by_language["en"].attributions.recall == 0.0
    table = format_topical_report(report)
    assert "speaker" in table.splitlines()[0] and table.splitlines()[2].startswith("de")
    with pytest.raises(DataError, match="not in the topical set"):
        score_topical(articles, {"999": []})


def test_topical_dev_gold_is_all_located_and_scores_one_against_itself(topical_dir: Path) -> None:
    articles = load_topical(topical_dir)
    assert len(articles) == 11 and sum(len(a.attributions) for a in articles) == 112
    assert [m for a in articles for m in a.unlocated] == []
    gold_as_predictions = {
        a.id: [
            predicted(a.text, a.text[slice(*g.content_range)], AttributionKind(g.kind))
            for g in a.attributions
            if g.content_range
        ]
        for a in articles
    }
    report = score_topical(articles, gold_as_predictions)
    assert report.by_language["de"].articles == 1
    for score in report.by_language.values():
        assert score.attributions.recall == 1.0 and score.kind_accuracy == 1.0


def test_a_continued_quote_keeps_its_first_sentences_cue(tmp_path: Path) -> None:
    text = '"We won," he said. "They lost." Later "It rained," he said.'
    gold = [
        gold_item("We won,", "he", "said", "direct"),
        gold_item("They lost.", "he", "said", "direct"),
    ]
    (loaded,) = load_topical(make_dataset(tmp_path / "t", {"004": ("en", text, gold)}))
    first, second = loaded.attributions
    assert first.cue_range == second.cue_range == (13, 17)
