"""Versioned word lists shipped next to the NLP components that read them.

Every word set the components read is a file here: ``<name>.txt`` (one entry a
line) or ``<name>.tsv`` (a key and a value a line); blank lines and ``#``
comments are skipped. Each file's content hash goes into the provenance of
every analysis (``digests``), so two runs whose lexicons differ say so. The
reading is :class:`onrecord.knowledge.lexicons.Lexicons`'.
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
