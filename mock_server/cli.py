"""``mock-server`` / ``python -m mock_server``: run the mock with uvicorn."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

import uvicorn

from mock_server.app import create_app
from mock_server.core.config import ALL_APIS, MockConfig
from mock_server.core.memory import settle
from mock_server.core.seed import write_state

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
    parser.add_argument("--port", type=int, default=8080, help="port (default: %(default)s)")
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
        "--no-fast-lane",
        dest="fast_lane",
        action="store_false",
        help="send every request through connexion's whole middleware chain (slower; the "
        "answers are the same, so this is for ruling the fast lane out)",
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
    if args.state is not None and not args.state.parent.is_dir():
        parser.error(f"--state: no such directory: {args.state.parent}")
    if args.seed is not None and not args.seed.is_file():
        parser.error(f"--seed: no such file: {args.seed}")
    return args


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
    )


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper())
    app = create_app(config_from(args))
    # The app (connexion's operations, specs, validators) and its initial data live as
    # long as the process: out of the garbage collector's full passes, which otherwise
    # visit them all and hold every request in flight meanwhile.
    settle()
    print(f"mock server: http://{args.host}:{args.port}/_docs/<api>/ for Swagger UI", flush=True)
    stopped_by: int | None = None
    if args.state is not None:
        _stop_on_signals()
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
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
    server = _Server(config, on_exit=app.mock_state.faults.delays.release)
    try:
        server.run()
    except KeyboardInterrupt:  # a second Ctrl-C during the shutdown, as uvicorn.run
        pass
    except _Stopped as stop:
        stopped_by = stop.signal
    if not server.started:
        sys.exit(STARTUP_FAILURE)
    if args.state is None:
        return
    # A graceful shutdown (SIGTERM, SIGINT: the answers in flight finished first) gets
    # here; a server that failed to start exits inside server.run, leaving the file as it
    # was.
    write_state(app.mock_state, args.state)
    print(f"mock server: state written to {args.state}", flush=True)
    if stopped_by is not None:  # end as the signal would have ended it
        signal.signal(stopped_by, signal.SIG_DFL)
        signal.raise_signal(stopped_by)


#: Seconds answers in flight get to finish after SIGTERM/SIGINT.
GRACEFUL_SHUTDOWN = 5
#: uvicorn's exit status when the server could not start (the port taken, ...).
STARTUP_FAILURE = 3


class _Server(uvicorn.Server):
    """uvicorn's server, which also ends the faults' latency waits when told to stop: the
    requests waiting on one are answered at once, so the shutdown takes no longer than
    the answers themselves."""

    def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        self._on_exit()


class _Stopped(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signal = signum


def _raise_stopped(signum: int, frame: object) -> None:
    raise _Stopped(signum)


def _stop_on_signals() -> None:
    """uvicorn shuts down gracefully on SIGTERM and SIGINT, then raises the signal again
    with the handlers it found: with these, that ends ``uvicorn.run`` with ``_Stopped``
    instead of ending the process, so the state can still be written."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _raise_stopped)
