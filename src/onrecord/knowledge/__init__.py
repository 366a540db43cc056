"""World knowledge the pipeline needs, from well-kept data packages (no spaCy here)."""

from onrecord.knowledge.countries import (
    Country,
    country_by_demonym,
    country_by_name,
    country_of,
    government_name,
)

__all__ = [
    "Country",
    "country_by_demonym",
    "country_by_name",
    "country_of",
    "government_name",
]
