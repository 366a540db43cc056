"""Alembic migrations of the store, run on open (``store.engine.migrate``).

Each is named (``versions/NNNN_what.py``) and never edited once released.
"""
