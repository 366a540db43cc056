"""``onrecord serve``: the web app and the REST API over a store, served by uvicorn."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from onrecord.cli._output import error
from onrecord.cli._reading import add_db_option
from onrecord.settings import Settings

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers

# The token that allows the write endpoints; read from the environment only, so that
# it shows in no process list and no shell history.
TOKEN_VARIABLE = "ONRECORD_WRITE_TOKEN"


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the web app and the REST API (/v1) over a store",
        description="Serve the store's record over HTTP with uvicorn: the pages at / and "
        "the REST API at /v1 (its OpenAPI schema at /v1/openapi.json). Read-only unless "
        f"the environment variable {TOKEN_VARIABLE} holds a token: then the write "
        "endpoints take requests that carry it (Authorization: Bearer TOKEN). See "
        "docs/web.md.",
    )
    add_db_option(p)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from onrecord.web import create_app

    token = os.environ.get(TOKEN_VARIABLE) or None
    app = create_app(args.db or Settings.load().db, write_token=token)
    mode = "writable with the token" if token else "read-only"
    error(f"serving http://{args.host}:{args.port}/ ({mode}); Ctrl-C stops")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
