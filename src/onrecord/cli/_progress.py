"""Progress of long runs on stderr: a tqdm bar when stderr is a terminal, else nothing.

Scripts and tests see a clean stderr: no bar when stderr is not a terminal, nor with
``--quiet``. The library reports progress by callbacks or by yielding lazily; only
this module draws it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def add_quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar on stderr (there is none when stderr is not a terminal)",
    )


def wanted(args: argparse.Namespace, *, output_shows_it: bool = False) -> bool:
    """Whether to draw progress: asked for and on a terminal. ``output_shows_it``: the
    command's output comes item by item, so on the same terminal it is the progress
    (and a bar would be torn by it)."""
    if args.quiet or not sys.stderr.isatty():
        return False
    return not (output_shows_it and sys.stdout.isatty())


def note(message: str) -> None:
    """A line on stderr, above the bars if any are drawn."""
    tqdm.write(message, file=sys.stderr)


def counted(items: Iterable[T], show: bool, *, what: str, unit: str) -> Iterator[T]:
    """``items`` as they come, counted on a bar when ``show``; the bar's last state
    (how many, how long, how fast) stays on stderr."""
    if not show:
        yield from items
        return
    with tqdm(items, desc=what, unit=f" {unit}", file=sys.stderr, dynamic_ncols=True) as bar:
        yield from bar


class Steps:
    """A bar for each step of a long run, for a ``progress(step, done, most)`` callback
    (``onrecord train``); :func:`note` writes a line above it."""

    def __init__(self) -> None:
        self._bar: tqdm[None] | None = None
        self._step = ""

    def __call__(self, step: str, done: int, most: int) -> None:
        if self._bar is None or step != self._step:
            self.close()
            self._bar = tqdm(total=most, desc=step, file=sys.stderr, dynamic_ncols=True)
            self._step = step
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
