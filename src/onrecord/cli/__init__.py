"""The ``onrecord`` command: a thin layer over the Python API.

Each subcommand lives in its own module with a ``register(subparsers)``
function; data goes to stdout, progress and errors to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib.metadata import version

from onrecord.errors import OnrecordError

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    from onrecord.cli import (
        actor,
        actors,
        analyze,
        batch,
        bench,
        demo,
        evaluate,
        export,
        ingest,
        positions,
        provenance,
        quotes,
        read,
        serve,
        sources,
        train,
    )

    parser = argparse.ArgumentParser(
        prog="onrecord",
        description="Who said what in the news, with the exact words as evidence.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('onrecord')}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    reading = (quotes, actors, actor, positions, provenance, sources, export)
    for module in (demo, read, analyze, ingest, batch, *reading, serve, evaluate, train, bench):
        module.register(sub)
    return parser


class _Warnings(logging.Handler):
    """The library's warnings (a folder entry not read), on stderr like the command's own."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"onrecord: {record.getMessage()}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    from onrecord.cli._output import table_width

    parser = build_parser()
    args = parser.parse_args(argv)
    library = logging.getLogger("onrecord")
    if not any(isinstance(h, _Warnings) for h in library.handlers):
        library.addHandler(_Warnings(logging.WARNING))
    try:
        with table_width(getattr(args, "width", None)):
            code: int = args.run(args)
    except OnrecordError as exc:
        print(f"onrecord: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return code
