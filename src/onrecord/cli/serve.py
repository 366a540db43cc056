"""``onrecord serve``: the web app and the REST API over a store, served by uvicorn."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from onrecord.cli._output import error
from onrecord.cli._reading import add_db_option
from onrecord.errors import ConfigError
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
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="serve from N processes, to use N cores (default: 1); more than one serves "
        "read-only, as the write jobs live in one process",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from onrecord.web import create_app
    from onrecord.web.app import STORE_VARIABLE

    token = os.environ.get(TOKEN_VARIABLE) or None
    db = args.db or Settings.load().db
    if args.workers < 1:
        raise ConfigError(f"--workers {args.workers}: give 1 or more")
    if args.workers > 1 and token:
        raise ConfigError(
            f"--workers {args.workers} with {TOKEN_VARIABLE} set: the write jobs live in one "
            "process; serve writes with one worker"
        )
    app = create_app(db, write_token=token)  # a bad store fails here, before serving
    mode = "writable with the token" if token else "read-only"
    error(f"serving http://{args.host}:{args.port}/ ({mode}); Ctrl-C stops")
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    app.state.store.close()  # each worker opens its own
    os.environ[STORE_VARIABLE] = db
    uvicorn.run(
        "onrecord.web.app:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="warning",
    )
    return 0
