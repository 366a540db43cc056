"""Argument types the benchmark commands share."""

from __future__ import annotations

import argparse


def positive(value: str) -> int:
    """A count of 1 or more (runs, articles, clients)."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number
