"""``onrecord_positions_v1``: where actors stand on the issues a user follows.

See ``docs/positions.md``. The stage runs after speakers and dates: it reads each
attribution and each narrative sentence that is about an issue, finds what it does
about the statement at stake (``stance``), who takes the position (``actor_level``),
with which conditions (``conditions``) and since when.
"""

from onrecord.nlp.positions.extract import DocPosition, PositionFinder

__all__ = ["DocPosition", "PositionFinder"]
