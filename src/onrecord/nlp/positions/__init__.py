"""``onrecord_positions_v1``: where actors stand on the issues a user follows.

See ``docs/positions.md``. The stage runs after speakers and dates: it reads each
attribution and each narrative sentence that is about an issue (``statements``,
``relevance``), finds what it does about the statement at stake (``cues``, read in
``context``, then ``stance``), who takes the position (``holders``, ``actor_level``),
with which conditions (``conditions``) and since when (``dating``), and merges one
article's positions (``merge``); ``extract`` runs those steps.
"""

from onrecord.nlp.positions.extract import PositionFinder
from onrecord.nlp.positions.records import DocPosition

__all__ = ["DocPosition", "PositionFinder"]
