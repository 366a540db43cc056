"""Issue definitions: the small TOML files in which users describe what they follow.

See ``docs/positions.md`` for the format; ``examples/issues/`` holds examples.
"""

from onrecord.issues.load import DEFAULT_STANCES, load_issue, parse_issue

__all__ = ["DEFAULT_STANCES", "load_issue", "parse_issue"]
