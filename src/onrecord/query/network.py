"""The discourse network of the store: actors and issues, as political scientists
load it into Gephi or the Discourse Network Analyzer.

One undirected multigraph (networkx), written as GEXF or GraphML:

- a node per actor with a position (``kind`` "actor", its name as ``label``, its
  ``actor_type``) and per issue (``kind`` "issue", its title as ``label``);
- an actor–issue edge per position of the tracker (``relation`` "stance": the
  ``stance`` label, its ``coarse`` stance, its ``date`` — the day that places it on
  the timeline — the articles it rests on, its confidence); a change of stance is a
  second edge, with its own date;
- an actor–actor edge per issue and coarse stance two actors both took on it
  (``relation`` "agreement": the ``issue``, the ``coarse`` stance, ``weight`` 1), the
  agreement network of discourse network analysis.

Graph formats hold no "missing": an attribute with no value is written as "".
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from onrecord.errors import ConfigError, MissingExtraError
from onrecord.query.export import NETWORK_FORMATS, Exported
from onrecord.query.positions import track_from_store
from onrecord.resolve import TrackedPosition
from onrecord.store import Store

__all__ = ["discourse_network", "write_network"]


def discourse_network(store: Store) -> Any:
    """The network of every issue the store follows (a ``networkx.MultiGraph``)."""
    nx = _networkx()
    graph = nx.MultiGraph(name="onrecord discourse network")
    for stored in store.current_issues():
        issue = stored.issue
        tracked = track_from_store(store, issue.id).positions
        if not tracked:
            continue
        graph.add_node(_issue_node(issue.id), kind="issue", label=issue.title, issue=issue.id)
        for item in tracked:
            _add_stance(graph, item)
        _add_agreements(graph, issue.id, tracked)
    return graph


def write_network(store: Store, out: Path, fmt: str) -> Exported:
    """Write the discourse network to ``out/network.gexf`` (or ``.graphml``)."""
    if fmt not in NETWORK_FORMATS:
        raise ConfigError(f"network format {fmt!r}: give one of {', '.join(NETWORK_FORMATS)}")
    nx = _networkx()
    graph = discourse_network(store)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"network.{fmt}"
    if fmt == "gexf":
        nx.write_gexf(graph, path)
    else:
        nx.write_graphml(graph, path)
    return Exported("network", path, graph.number_of_edges())


def _add_stance(graph: Any, item: TrackedPosition) -> None:
    actor = item.actor
    graph.add_node(
        _actor_node(actor.id), kind="actor", label=actor.name, actor_type=actor.type.value
    )
    graph.add_edge(
        _actor_node(actor.id),
        _issue_node(item.issue),
        relation="stance",
        issue=item.issue,
        stance=item.stance,
        coarse=item.coarse.value,
        date=item.placed_on.isoformat() if item.placed_on else "",
        as_of=item.as_of.isoformat() if item.as_of else "",
        conditions=item.conditions or "",
        articles=len(item.articles),
        confidence=round(item.confidence, 3),
        weight=1,
    )


def _add_agreements(graph: Any, issue: str, tracked: list[TrackedPosition]) -> None:
    """An edge for each pair of actors that took the same coarse stance on the issue."""
    holders: dict[str, set[str]] = defaultdict(set)
    for item in tracked:
        holders[item.coarse.value].add(item.actor.id)
    for coarse in sorted(holders):
        for first, second in combinations(sorted(holders[coarse]), 2):
            graph.add_edge(
                _actor_node(first),
                _actor_node(second),
                relation="agreement",
                issue=issue,
                coarse=coarse,
                weight=1,
            )


def _actor_node(actor_id: str) -> str:
    return f"actor:{actor_id}"


def _issue_node(issue_id: str) -> str:
    return f"issue:{issue_id}"


def _networkx() -> Any:
    try:
        import networkx
    except ImportError:
        raise MissingExtraError("networkx", "export") from None
    return networkx
