"""The record model's codec: every record round-trips, and a bad dict says what is wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from record_strategies import RECORDS, analyses, articles

from onrecord.model import (
    SCHEMA_VERSION,
    Actor,
    ActorType,
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    Coarse,
    DateRule,
    Example,
    Issue,
    Provenance,
    RecordError,
    SaidOn,
    Span,
    StanceLabel,
)
from onrecord.model.codec import fields_from_dict, fields_to_dict


def through_json(data: dict[str, Any]) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_every_record_round_trips_through_json(cls: Any, data: st.DataObject) -> None:
    record = data.draw(RECORDS[cls])
    written = through_json(record.to_dict())
    assert cls.from_dict(written) == record
    assert cls.from_dict(written).to_dict() == written


@given(analyses)
def test_an_analysis_round_trips_with_its_article_or_given_it(analysis: Analysis) -> None:
    assert Analysis.from_dict(through_json(analysis.to_dict(with_article=True))) == analysis
    without = through_json(analysis.to_dict())
    assert "article" not in without
    assert Analysis.from_dict(without, article=analysis.article) == analysis


def test_an_analysis_without_its_article_needs_it() -> None:
    article = Article("Text.")
    with pytest.raises(RecordError, match=r"^Analysis\.article: is missing"):
        Analysis.from_dict(Analysis(article).to_dict())
    with pytest.raises(RecordError, match=r"^Analysis\.article_id: is '"):
        Analysis.from_dict(Analysis(article).to_dict(), article=Article("Other text."))


@given(articles)
def test_documents_carry_the_schema_version_first(article: Article) -> None:
    for written in (article.to_dict(), Analysis(article).to_dict(), _issue().to_dict()):
        assert next(iter(written)) == "schema_version"
        assert written["schema_version"] == SCHEMA_VERSION


def test_an_older_dict_without_a_version_and_a_newer_minor_are_read() -> None:
    written = Analysis(Article("Text.")).to_dict(with_article=True)
    del written["schema_version"]
    assert Analysis.from_dict(written).article.text == "Text."
    major = SCHEMA_VERSION.split(".")[0]
    newer_minor = written | {"schema_version": f"{major}.99", "a_key_added_later": [1]}
    assert Analysis.from_dict(newer_minor).article.text == "Text."


@pytest.mark.parametrize("cls", [Analysis, Article, Issue], ids=lambda cls: cls.__name__)
def test_a_newer_major_version_is_refused_by_name(cls: Any) -> None:
    record = {Analysis: Analysis(Article("Text.")), Article: Article("Text."), Issue: _issue()}
    written = record[cls].to_dict() | {"schema_version": "2.0"}
    with pytest.raises(RecordError, match=rf"^{cls.__name__}\.schema_version: is '2.0'"):
        cls.from_dict(written)


@pytest.mark.parametrize(
    ("cls", "data", "message"),
    [
        (Span, {"start": 0, "end": 1}, r"^Span\.text: is missing$"),
        (Span, {"start": "0", "end": 1, "text": "a"}, r"^Span\.start: must be an integer"),
        (Span, {"start": True, "end": 1, "text": "a"}, r"^Span\.start: must be an integer"),
        (Span, [0, 1, "a"], r"^Span: must be an object, not a list$"),
        (Actor, {"name": "A", "type": "alien"}, r"^Actor\.type: is 'alien', not one of person"),
        (SaidOn, {"rule": "explicit", "date": "30 May"}, r"^SaidOn\.date: '30 May' is not"),
        (SaidOn, {"rule": "period", "range": ["2024-05-01"]}, r"^SaidOn\.range: must be a list"),
        (Attribution, {"content": [], "kind": "direct", "confidence": "high"}, "confidence"),
        (Attribution, {"content": "words", "kind": "direct"}, r"^Attribution\.content: must be"),
        (Provenance, {"components": ["a"]}, r"^Provenance\.components: must be an object"),
        (Provenance, {"settings_hash": 1}, r"^Provenance\.settings_hash: must be a string"),
        (Issue, {"id": "x"}, r"^Issue\.title: is missing$"),
    ],
)
def test_a_malformed_dict_names_the_field(cls: Any, data: Any, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        cls.from_dict(data)


def test_a_nested_field_is_named_by_its_path() -> None:
    written = Analysis(Article("Text."), [_attribution()]).to_dict(with_article=True)
    written["attributions"][0]["cue"]["start"] = None
    with pytest.raises(RecordError, match=r"^Analysis\.attributions\[0\]\.cue\.start: is missing"):
        Analysis.from_dict(written)
    written = _issue().to_dict()
    written["stances"][0]["coarse"] = "maybe"
    with pytest.raises(RecordError, match=r"^Issue\.stances\[0\]\.coarse: is 'maybe'"):
        Issue.from_dict(written)


def test_a_record_error_is_a_value_error() -> None:
    assert issubclass(RecordError, ValueError)


def test_the_written_shapes_stay_as_they_were() -> None:
    analysis = Analysis(Article("Text.", external_id="a"), [_attribution()])
    assert list(analysis.to_dict()) == [
        "schema_version", "id", "article_id", "title", "language", "attributions", "provenance",
    ]  # fmt: skip
    attribution = analysis.to_dict()["attributions"][0]
    assert list(attribution) == [
        "id", "source", "cue", "content", "kind", "confidence", "method", "said_on", "act",
    ]  # fmt: skip
    assert attribution["source"] == {"text": None, "start": None, "end": None} | {
        "actor": Actor("Jens Stoltenberg", ActorType.PERSON).to_dict()
    }
    assert attribution["said_on"] == {
        "date": "2024-05-30",
        "basis": {"text": "on Thursday", "start": 20, "end": 31},
        "rule": "weekday",
    }
    provenance = Provenance({"x": "1"}, "abc").to_dict()
    assert list(provenance)[:2] == ["components", "settings_hash"]  # then the hashes
    assert (provenance["components"], provenance["settings_hash"]) == ({"x": "1"}, "abc")


def test_confidence_is_written_to_three_decimals() -> None:
    attribution = dataclasses.replace(_attribution(), confidence=0.87654)
    assert Attribution.from_dict(attribution.to_dict()).confidence == 0.877


@dataclasses.dataclass
class _Later:
    """A record of plain fields, as Provenance is, with fields of every kind added."""

    name: str
    count: int = 0
    share: float = 0.0
    flag: bool = False
    hashes: dict[str, str] = dataclasses.field(default_factory=dict)
    words: tuple[str, ...] = ()
    nested: dict[str, list[int]] = dataclasses.field(default_factory=dict)
    day: dt.date | None = None
    kind: DateRule | None = None
    span: Span | None = None


def test_plain_field_records_round_trip_whatever_fields_they_gain() -> None:
    later = _Later("x", 2, 0.5, True, {"a": "b"}, ("c",), {"d": [1]}, dt.date(2024, 5, 30))
    later = dataclasses.replace(later, kind=DateRule.WEEKDAY, span=Span(1, 2, "y"))
    written = through_json(fields_to_dict(later))
    assert written["words"] == ["c"] and written["day"] == "2024-05-30"
    assert fields_from_dict(_Later, written) == later
    assert fields_from_dict(_Later, {"name": "x"}) == _Later("x")
    with pytest.raises(RecordError, match=r"^_Later\.name: is missing$"):
        fields_from_dict(_Later, {})
    with pytest.raises(RecordError, match=r"^_Later\.nested\.d\[0\]: must be an integer"):
        fields_from_dict(_Later, {"name": "x", "nested": {"d": ["1"]}})


def _attribution() -> Attribution:
    return Attribution(
        content=[Span(0, 5, "Text.")],
        cue=Span(6, 10, "said"),
        source=None,
        kind=AttributionKind.DIRECT,
        confidence=0.9,
        actor=Actor("Jens Stoltenberg", ActorType.PERSON),
        said_on=SaidOn(dt.date(2024, 5, 30), DateRule.WEEKDAY, Span(20, 31, "on Thursday")),
    )


def _issue() -> Issue:
    stance = StanceLabel("allows", "Allows it.", Coarse.FOR, ("permission",), ("may use",))
    return Issue(
        id="strikes",
        title="Strikes",
        statement="Ukraine may strike inside Russia",
        description="",
        stances=(stance,),
        topics=(("weapons", "missiles"), ("inside Russia",)),
        examples=(Example("They may use them.", "allows"),),
    )
