"""The read side: records as the rows and views that people and exports read.

Pure functions over record-model objects (and what ``resolve`` makes of them), shared
by the CLI, the web app and exports. Quotes, actors, positions, provenance and sources
from the store land here with the store.
"""

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

__all__ = [
    "ACTOR_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "POSITION_COLUMNS",
    "Row",
    "TRACKED_POSITION_COLUMNS",
    "TRACKED_POSITION_SUMMARY_COLUMNS",
    "actor_row",
    "attribution_row",
    "position_row",
    "tracked_position_row",
    "tracked_position_summary",
]
