"""``mock-server`` / ``python -m mock_server``: run the mock with uvicorn.

What a user gets wrong is answered in one line on stderr, without a traceback: a bad flag
(argparse's usage and message, exit 2), a seed or state file refused (the file, line,
column and path in the document, exit 2), an address that cannot be bound (exit 1). The
banner is printed once the socket listens, with the port it really got (``--port 0``
takes a free one).
"""

from __future__ import annotations

import argparse
import logging
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from mock_server import MOCK_EXTRA, import_app_module
from mock_server.core.config import ALL_APIS, MockConfig
from mock_server.core.errors import MockError
from mock_server.core.memory import settle

SERVED = tuple(api for api in ALL_APIS if api != "admin")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="mock-server",
        description="Stateful mock of the Preservica Process Monitor, monitor-server and "
        "Alert Logic aepublish APIs (plus its admin API under /_mock/).",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: %(default)s)"
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=8080,
        help="port, 0 to 65535; 0 takes a free one, which the banner names (default: %(default)s)",
    )
    parser.add_argument(
        "--api",
        action="append",
        choices=SERVED,
        help="serve only this API (repeatable; default: all). The admin API is always served.",
    )
    data = parser.add_mutually_exclusive_group()
    data.add_argument(
        "--seed", type=Path, help="load this seed document (YAML or JSON) instead of the demo data"
    )
    data.add_argument("--empty", action="store_true", help="start with no data at all")
    parser.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help="load this seed document at start when it exists (instead of --seed or the demo "
        "data), and write the whole state there on a clean shutdown (SIGTERM, SIGINT); YAML "
        "for a .yaml/.yml file, else JSON",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse every request that breaks its API's contract with a 400 problem listing "
        "all its violations (monitor-server otherwise answers them, as the real server does)",
    )
    parser.add_argument(
        "--journal-size",
        type=int,
        default=10_000,
        metavar="N",
        help="requests the journal (GET /_mock/requests) keeps, the oldest dropped; 0 turns it "
        "off (default: %(default)s)",
    )
    parser.add_argument(
        "--page-size", type=int, default=500, help="monitor-server page size (default: %(default)s)"
    )
    parser.add_argument(
        "--max-batch",
        type=int,
        default=1000,
        help="most observations one aepublish request may carry (default: %(default)s)",
    )
    parser.add_argument(
        "--max-body",
        type=int,
        default=16 * 1024 * 1024,
        metavar="BYTES",
        help="the largest request body taken; a larger one is a 413, before it is read "
        "(default: %(default)s, 16 MB)",
    )
    parser.add_argument(
        "--no-fast-lane",
        dest="fast_lane",
        action="store_false",
        help="serve every API with connexion as it comes, the handlers alone plugged in "
        "(no fast lane, no validators of the mock's): for telling the mock's doing from "
        "connexion's. The journal, faults, limits and monitor-server's front door stay",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn's log level; the access log (one line per request) is written at info "
        "and debug only (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if args.page_size < 1 or args.max_batch < 1:
        parser.error("--page-size and --max-batch must be positive")
    if args.journal_size < 0:
        parser.error("--journal-size cannot be negative")
    if args.max_body < 0:
        parser.error("--max-body cannot be negative")
    if args.state is not None and not args.state.parent.is_dir():
        parser.error(f"--state: no such directory: {args.state.parent}")
    if args.seed is not None and not args.seed.is_file():
        parser.error(f"--seed: no such file: {args.seed}")
    return args


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0 to 65535; 0: a free one)")
    return port


def config_from(args: argparse.Namespace) -> MockConfig:
    apis = ("admin", *(args.api or SERVED))
    return MockConfig(
        apis=tuple(dict.fromkeys(apis)),
        page_size=args.page_size,
        max_batch=args.max_batch,
        seed=args.seed,
        empty=args.empty,
        fast_lane=args.fast_lane,
        strict=args.strict,
        journal_size=args.journal_size,
        state_file=args.state,
        max_body=args.max_body,
    )


def fail(message: str, code: int) -> NoReturn:
    """End the process with ``message`` as one line on stderr."""
    print(f"mock-server: {' '.join(message.split())}", file=sys.stderr, flush=True)
    sys.exit(code)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (as uvicorn binds one), or a one-line exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # Listening before the banner: a client that connects as soon as it reads the
        # port waits in the backlog until the server accepts, instead of being refused.
        sock.listen(2048)
    except OSError as error:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}", 1)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if sock.family == socket.AF_INET6 else f"http://{host}:{port}"


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        create_app = import_app_module("mock_server.app").create_app
        uvicorn = import_app_module("uvicorn")
    except ModuleNotFoundError as error:
        fail(str(error) if MOCK_EXTRA in str(error) else f"{MOCK_EXTRA} ({error})", 1)
    logging.basicConfig(level=args.log_level.upper())
    try:
        app = create_app(config_from(args))
    except MockError as error:  # a --seed or --state file refused: where and why, one line
        fail(str(error), 2)
    # The app (connexion's operations, specs, validators) and its initial data live as
    # long as the process: out of the garbage collector's full passes, which otherwise
    # visit them all and hold every request in flight meanwhile.
    settle()
    sock = bind(args.host, args.port)
    url = url_of(sock)
    print(f"mock server: listening on {url} (Swagger UI: {url}/_docs/<api>/)", flush=True)
    from mock_server._connexion.shutdown import LatencyEndingServer

    config = uvicorn.Config(
        app,
        host=args.host,
        port=sock.getsockname()[1],
        log_level=args.log_level,
        # Access lines are info records: above info, uvicorn would still gather each
        # line's fields on every request, for nothing.
        access_log=args.log_level in ("info", "debug"),
        # uvloop and httptools when installed (the fast extra), else asyncio and h11.
        loop="auto",
        http="auto",
        # Answers still running this long after SIGTERM/SIGINT are cancelled: a client
        # that stalls cannot hold the shutdown (or the --state file) for ever.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN,
    )
    server = LatencyEndingServer(config, on_exit=app.mock_state.faults.delays.release)
    stopped_by: int | None = None
    if args.state is not None:
        _stop_on_signals()
    try:
        server.run(sockets=[sock])
    except _Stopped as stop:
        stopped_by = stop.signal
    except KeyboardInterrupt:  # SIGINT without --state: uvicorn has shut down gracefully
        return
    if not server.started:  # the app's startup failed; uvicorn has logged why
        fail("the server did not start", 3)
    if args.state is None:
        return
    # A graceful shutdown (SIGTERM, SIGINT: the answers in flight finished first) gets
    # here; a server that failed to start exited above, leaving the file as it was.
    from mock_server.core.seed import write_state

    write_state(app.mock_state, args.state)
    print(f"mock server: state written to {args.state}", flush=True)
    if stopped_by is not None:  # end as the signal would have ended it
        signal.signal(stopped_by, signal.SIG_DFL)
        signal.raise_signal(stopped_by)


#: Seconds answers in flight get to finish after SIGTERM/SIGINT.
GRACEFUL_SHUTDOWN = 5


class _Stopped(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signal = signum


def _raise_stopped(signum: int, frame: Any) -> None:
    raise _Stopped(signum)


def _stop_on_signals() -> None:
    """uvicorn shuts down gracefully on SIGTERM and SIGINT, then raises the signal again
    with the handlers it found: with these, that ends ``uvicorn.run`` with ``_Stopped``
    instead of ending the process, so the state can still be written."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _raise_stopped)
