"""The read side: records as the rows and views that people and exports read.

Pure functions over record-model objects (and what ``resolve`` makes of them) in
``query.rows``; over a :class:`onrecord.store.Store`, the questions asked of the
record: quotes, actors, the positions tracker, a quote's provenance, who gets quoted,
and the exports. Shared by the CLI, the web app and the Python API.
"""

from onrecord.query.actors import (
    ROLE_SPELL_COLUMNS,
    ActorProfile,
    RoleSpell,
    actor_profile,
    registry_entry,
    role_spells,
    search_entries,
    stored_entries,
)
from onrecord.query.articles import StoredArticle, article_hits, stored_article
from onrecord.query.copies import Linked, link_copies
from onrecord.query.export import NETWORK_FORMATS, TABLE_FORMATS, Exported, export_tables
from onrecord.query.highlight import highlights
from onrecord.query.network import discourse_network, write_network
from onrecord.query.positions import Timeline, stored_issue, track_from_store
from onrecord.query.provenance import (
    CARRIER_COLUMNS,
    QuoteProvenance,
    carrier_row,
    quote_provenance,
    stored_quote,
)
from onrecord.query.quotes import (
    QUOTE_COLUMNS,
    QuotePage,
    actors_named,
    find_quotes,
    parse_acts,
    quote_filter,
    quote_page,
    quote_row,
    quote_to_dict,
)
from onrecord.query.rows import (
    ACTOR_COLUMNS,
    ATTRIBUTION_COLUMNS,
    POSITION_COLUMNS,
    TRACKED_POSITION_COLUMNS,
    TRACKED_POSITION_SUMMARY_COLUMNS,
    Row,
    actor_row,
    attribution_row,
    position_row,
    tracked_position_row,
    tracked_position_summary,
)
from onrecord.query.sources import SOURCE_COLUMNS, SourceShare, source_row, source_shares

__all__ = [
    "ACTOR_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "CARRIER_COLUMNS",
    "NETWORK_FORMATS",
    "POSITION_COLUMNS",
    "QUOTE_COLUMNS",
    "ROLE_SPELL_COLUMNS",
    "SOURCE_COLUMNS",
    "TABLE_FORMATS",
    "TRACKED_POSITION_COLUMNS",
    "TRACKED_POSITION_SUMMARY_COLUMNS",
    "ActorProfile",
    "Exported",
    "Linked",
    "QuotePage",
    "QuoteProvenance",
    "RoleSpell",
    "Row",
    "SourceShare",
    "StoredArticle",
    "Timeline",
    "actor_profile",
    "actor_row",
    "actors_named",
    "article_hits",
    "attribution_row",
    "carrier_row",
    "discourse_network",
    "export_tables",
    "find_quotes",
    "link_copies",
    "highlights",
    "parse_acts",
    "position_row",
    "quote_filter",
    "quote_page",
    "quote_provenance",
    "quote_row",
    "quote_to_dict",
    "registry_entry",
    "role_spells",
    "search_entries",
    "source_row",
    "source_shares",
    "stored_article",
    "stored_entries",
    "stored_quote",
    "stored_issue",
    "track_from_store",
    "tracked_position_row",
    "tracked_position_summary",
    "write_network",
]
