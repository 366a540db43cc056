"""Each attribution's act in the store (migration 0004) and the quotes filter on it,
on SQLite and PostgreSQL, with hand-built analyses (no NLP)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from onrecord.errors import ConfigError
from onrecord.ingest import parse_text
from onrecord.model import Analysis, Attribution, AttributionAct, AttributionKind, Span
from onrecord.query import find_quotes, quote_row, quote_to_dict
from onrecord.store import QuoteFilter, SqlStore, open_store


@pytest.fixture
def store(db_url: str) -> Iterator[SqlStore]:
    with open_store(db_url) as opened:
        yield opened


def _put(store: SqlStore, text: str, source: str, act: AttributionAct | None) -> None:
    """An article whose one attribution, the quotation said by Priya Raman, has ``act``."""
    start, end = text.index("“"), text.index("”") + 1
    attribution = Attribution(
        content=[Span.of(text, start, end)],
        cue=Span.of(text, text.index("said"), text.index("said") + 4),
        source=None,
        kind=AttributionKind.DIRECT,
        confidence=0.9,
        method="test",
        id="a1",
        act=act,
    )
    run = store.start_run("ingest", [source], "abc")
    store.add_analysis(Analysis(parse_text(text, source=source), [attribution]), source, run, [])


def test_quotes_by_act(store: SqlStore) -> None:
    _put(store, "“We will not rush the tolls,” Priya Raman said.", "a.txt", AttributionAct.SPEECH)
    _put(store, "“The tolls are too high,” Priya Raman said.", "b.txt", AttributionAct.THOUGHT)
    _put(store, "“We will vote,” Priya Raman said.", "c.txt", None)  # stored before acts
    every = store.quotes(QuoteFilter(), None)
    assert sorted(str(q.act) for q in every) == ["None", "speech", "thought"]
    spoken = store.quotes(QuoteFilter(acts=("speech", "writing")), None)
    assert [q.act for q in spoken] == ["speech"]
    assert "rush" in spoken[0].content
    found = find_quotes(store, act="Thought, speech")
    assert sorted(q.act or "" for q in found) == ["speech", "thought"]
    assert quote_row(found[0])["act"] == quote_to_dict(found[0])["act"] == found[0].act


def test_an_unknown_act_is_an_error_naming_the_acts(store: SqlStore) -> None:
    with pytest.raises(ConfigError, match="speech, writing, thought, intention, evidence, report"):
        find_quotes(store, act="gossip")
