"""The read side: quotes, actors, positions, provenance and sources from the store.

Empty until the store lands.
"""
