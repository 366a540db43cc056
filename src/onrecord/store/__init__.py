"""The store: the record kept in a database (SQLite by default, PostgreSQL by URL).

The only package that imports a database driver. Empty until the store lands.
"""
