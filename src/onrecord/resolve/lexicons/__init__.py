"""Versioned word lists the resolve stage reads.

One file a word set: ``<name>.txt`` (one entry a line) or ``<name>.tsv`` (a key
and a value a line); blank lines and ``#`` comments are skipped. ``digests`` gives
each file's content hash, for the provenance of every run. The reading is
:class:`onrecord.knowledge.lexicons.Lexicons`'.
"""

from __future__ import annotations

from onrecord.knowledge.lexicons import Lexicons

__all__ = ["digests", "lexicon", "load", "load_table", "table"]

_SHELF = Lexicons(__name__)
lexicon = _SHELF.lexicon
table = _SHELF.table
load = _SHELF.load
load_table = _SHELF.load_table
digests = _SHELF.digests
