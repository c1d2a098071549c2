"""A pytest plugin for downstream projects: installing this package registers it.

Fixtures (``docs/plugin.md`` has the whole story):

- ``mock_server_url``: base URL of a live mock server on a free loopback port, started once
  per test session and reset to ``mock_seed`` before each test.
- ``mock_admin``: the generated admin client (``mock_admin_client``) for that server, raising
  ``MockAdminError`` on every error answer: move the clock, add faults, seed more data.
- ``preservica_api``, ``monitor_server_api``, ``aepublish_api``: wrapper clients logged in
  as the demo user / account, pointed at the live server.
- ``mock_journal``: this test's requests to the live server, typed (``MockJournal``):
  ``mock_journal.requests(operation="publish_observations")``, ``.verify(2, method="POST")``.
- ``mock_faults``: HTTP faults for the live server in one line (``MockFaults``):
  ``mock_faults.status(503, operation="publish_observations", times=1)``.
- ``mock_inprocess_app``: no socket at all: the mock app in this process, built once per
  session (per ``mock_inprocess_config``) and reset to ``mock_seed`` before each test; its
  state is ``mock_inprocess_app.mock_state``.
- ``mock_transport`` / ``mock_async_transport``: httpx transports to that app, for a
  blocking or an asyncio client (``httpx_args={"transport": mock_transport}``).
- ``mock_respx``: a respx router sending every request for ``MOCK_INPROCESS_URL`` (from any
  httpx client, blocking or asyncio) to that app.
- ``mock_seed``: the seed document each test starts from (the demo data set); override it
  in your conftest.py to start from your own.
- ``mock_inprocess_config``: the ``MockConfig`` the in-process app is built with.

On a failed test that used the mock (live or in process), the report gets a ``mock
journal`` section with its last requests. Options: ``--mock-artifacts DIR`` writes each
failed test's journal and state snapshot under DIR; ``--mock-strict`` fails a test whose
requests broke an API's contract, naming them (mark a test ``mock_off_contract`` to exempt
it).

Importing this module costs nothing but pytest: the plugin is loaded by every pytest run
of an environment that has the package, the base install (no ``mock`` extra) included.
The mock server is imported when a fixture first needs it; without the ``mock`` extra such
a fixture skips its test, saying what to install.
"""

from __future__ import annotations

import contextvars
import functools
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import pytest

from mock_server import MOCK_EXTRA

if TYPE_CHECKING:
    import httpx
    from pluggy import Result

    from mock_server.core.config import MockConfig
    from mock_server.inprocess import AppLoop

MOCK_INPROCESS_URL = "http://mock-server.invalid"
_STARTUP_SECONDS = 30
#: How many of a failed test's last requests its report shows.
REPORT_REQUESTS = 20
#: What each test's clock starts as, unless its seed sets one: real time, running.
RUNNING_CLOCK = {"offset": 0, "frozen": False}
#: The modules the fixtures that run the mock need (the ``mock`` extra brings them).
_MOCK_MODULES = ("connexion", "uvicorn", "yaml", "orjson")


class MockSeedRefused(Exception):
    """The mock refused the test's ``mock_seed``: the message is the mock's reason."""


def _require_mock(*more: str) -> None:
    """Skip the test when the ``mock`` extra is not installed, saying so."""
    missing = _missing(tuple(more))
    if missing is not None:
        pytest.skip(f"{MOCK_EXTRA} ({missing} is not installed)")


@functools.cache
def _missing(more: tuple[str, ...]) -> str | None:
    # Once per process: several fixtures of every test ask.
    return next((n for n in (*_MOCK_MODULES, *more) if importlib.util.find_spec(n) is None), None)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("api-mocks", "api-mocks mock server")
    group.addoption(
        "--mock-artifacts",
        metavar="DIR",
        default=None,
        help="write each failed test's request journal and state snapshot under DIR",
    )
    group.addoption(
        "--mock-strict",
        action="store_true",
        default=False,
        help="fail a test whose requests to the mock broke an API's contract",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "mock_off_contract: the test sends requests off an API's contract on purpose "
        "(--mock-strict does not fail it)",
    )


# --- the seed ------------------------------------------------------------------------------


class _Seeds:
    """The demo document, parsed once per process (a copy per test)."""

    def __init__(self) -> None:
        self._demo: bytes | None = None

    def demo(self) -> dict[str, Any]:
        import orjson

        if self._demo is None:
            from mock_server.core.seed import DEMO_SEED, parse_seed

            document, _ = parse_seed(DEMO_SEED.read_bytes(), yaml_text=True, source="demo")
            self._demo = orjson.dumps(document)
        return orjson.loads(self._demo)

    def check(self, document: dict[str, Any]) -> None:
        """Validate against the schema (a document seen valid before is not checked
        again): ``MockSeedRefused``."""
        from mock_server.core.seed import dotted, schema_error

        found = schema_error(document)
        if found is not None:
            path, message, _ = found
            raise MockSeedRefused(f"mock_seed refused: {dotted(path) or '(document)'}: {message}")


_SEEDS = _Seeds()


def _json(document: Any) -> bytes:
    """``document`` as JSON, keys sorted (a stable key): orjson, or the json module for
    what orjson does not write (integers beyond 64 bits)."""
    import orjson

    try:
        return orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()


def _with_clock(document: dict[str, Any]) -> dict[str, Any]:
    return document if "clock" in document else {"clock": RUNNING_CLOCK, **document}


@pytest.fixture
def mock_seed() -> dict[str, Any]:
    """The seed document every test starts from. Override to start from your own data."""
    _require_mock()
    return _SEEDS.demo()


# --- the live server ------------------------------------------------------------------------


class _LiveServer:
    """``python -m mock_server`` on a port it picks itself (``--port 0``), read from its
    banner, with one keep-alive connection for the plugin's own admin requests."""

    _BANNER = re.compile(r"listening on (http://\S+)")

    def __init__(self, log_path: Path) -> None:
        import httpx

        self._log_path = log_path
        self._log: IO[bytes] = log_path.open("wb")
        #: The names of the seed documents the server keeps (``prepare``).
        self._kept: set[str] = set()
        argv = [sys.executable, "-m", "mock_server", "--port", "0", "--empty"]
        self.process = subprocess.Popen(
            [*argv, "--log-level", "warning"], stdout=self._log, stderr=subprocess.STDOUT
        )
        self.url = self._wait_for_banner()
        self.http = httpx.Client(base_url=self.url, timeout=30, verify=False)
        self._wait_until_healthy()

    def output(self) -> str:
        return self._log_path.read_text(errors="replace").strip()

    def _wait_for_banner(self) -> str:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while True:
            found = self._BANNER.search(self.output())
            if found:
                return found.group(1)
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the mock server did not start: {self.output()[-2000:]}")
            time.sleep(0.02)

    def _wait_until_healthy(self) -> None:
        import httpx

        deadline = time.monotonic() + _STARTUP_SECONDS
        while True:
            try:
                self.http.get("/_mock/health").raise_for_status()
                return
            except httpx.HTTPError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"the mock server did not answer: {self.output()}") from None
                time.sleep(0.02)

    def prepare(self, seed: dict[str, Any]) -> int:
        """Reset, load ``seed``; the journal's last seq (this test's part starts after).

        Each distinct seed document is sent once (``PUT /_mock/seeds/{name}``, checked
        there); every test after that is one ``POST /_mock/reset?seed={name}``, with no
        document to send, parse and check again."""
        import hashlib

        http = self.http
        document = _json(_with_clock(seed))
        name = hashlib.sha256(document).hexdigest()[:32]
        if name not in self._kept:
            kept = http.put(
                f"/_mock/seeds/{name}",
                content=document,
                headers={"content-type": "application/json"},
            )
            if kept.status_code >= 400:
                raise MockSeedRefused(f"mock_seed refused: {_problem_text(kept)}")
            self._kept.add(name)
        answer = http.post("/_mock/reset", params={"seed": name})
        if answer.status_code >= 400:
            raise MockSeedRefused(f"mock_seed refused: {_problem_text(answer)}")
        return int(answer.headers["x-mock-journal-last-seq"])

    def stop(self) -> None:
        if getattr(self, "http", None) is not None:
            self.http.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def _free_port() -> int:
    """A loopback port free now (the plugin's own server takes ``--port 0`` instead; this
    and ``_wait_until_healthy`` serve scripts starting a server of their own, e.g.
    tests/wrappers/measure_overhead.py)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + _STARTUP_SECONDS
    while True:
        try:
            httpx.get(f"{url}/_mock/health", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"the mock server did not come up at {url}") from None
            time.sleep(0.05)


def _problem_text(answer: httpx.Response) -> str:
    try:
        problem = answer.json()
        detail = problem.get("detail") if isinstance(problem, dict) else None
    except ValueError:
        detail = None
    return f"{answer.status_code} {answer.reason_phrase}: {detail or answer.text[:500]}"


@pytest.fixture(scope="session")
def _mock_live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_LiveServer]:
    _require_mock()
    server = _LiveServer(tmp_path_factory.mktemp("mock-server") / "server.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mock_server_process(_mock_live_server: _LiveServer) -> str:
    """The session's live server, started once (``python -m mock_server``); its base URL.
    Not reset between tests: ask for ``mock_server_url`` for that."""
    return _mock_live_server.url


#: Where a test that used the mock keeps what its report needs: the journal (a URL, or an
#: in-process state) and the journal's seq before the test began.
_JOURNAL_START = pytest.StashKey[tuple[Any, int]]()


@pytest.fixture
def mock_server_url(
    request: pytest.FixtureRequest, _mock_live_server: _LiveServer, mock_seed: dict[str, Any]
) -> str:
    """The live server, reset and seeded with ``mock_seed`` for this test (its HTTP fault
    rules gone, its clock back to real time unless the seed sets it); the journal goes on,
    and this test's part of it starts here. A seed the mock refuses raises
    ``MockSeedRefused`` with the mock's reason."""
    __tracebackhide__ = True
    # Checked here first, as in process: the same message for the same mistake (and the
    # server checks it again).
    _SEEDS.check(mock_seed)
    since = _mock_live_server.prepare(mock_seed)
    request.node.stash[_JOURNAL_START] = (_mock_live_server.url, since)
    return _mock_live_server.url


@pytest.fixture
def mock_admin(mock_server_url: str) -> Iterator[Any]:
    """The generated admin client of the live server (``mock_admin_client.Client``); every
    error answer raises ``mock_server.admin_client.MockAdminError``."""
    from mock_server.admin_client import admin_client

    with admin_client(mock_server_url) as client:
        yield client


class MockJournal:
    """One test's requests to the live server, typed (``mock_admin_client.models``'
    ``JournalEntry``: ``seq``, ``api``, ``operation``, ``method``, ``path``, ``query``,
    ``headers``, ``body``, ``status``, ``fault``, ``violations``...), oldest first.

    Filters: ``api``, ``operation``, ``method``, ``status``.
    """

    def __init__(self, client: Any, since: int) -> None:
        self._client = client
        self.since = since

    def requests(self, **filters: Any) -> list[Any]:
        from mock_admin_client.api.journal import list_requests
        from mock_admin_client.models import Journal, ListRequestsApi

        if filters.get("api") is not None:
            filters["api"] = ListRequestsApi(filters["api"])
        # The client raises on every other answer (mock_server.admin_client): a Journal.
        journal = cast(
            Journal, list_requests.sync(client=self._client, since=self.since, **filters)
        )
        return list(journal.requests)

    def count(self, **filters: Any) -> int:
        return len(self.requests(**filters))

    def last(self, **filters: Any) -> Any:
        """The newest request passing the filters, None when there is none."""
        found = self.requests(**filters)
        return found[-1] if found else None

    def verify(self, count: int | None = None, **filters: Any) -> list[Any]:
        """Assert that ``count`` requests pass the filters (``None``: at least one), as
        WireMock's ``verify``; the failure lists this test's requests. Returns them."""
        found = self.requests(**filters)
        if (count is None and not found) or (count is not None and len(found) != count):
            wanted = "at least one request" if count is None else f"{count} request(s)"
            every = [entry.to_dict() for entry in self.requests()]
            raise AssertionError(
                f"expected {wanted} with {filters or 'no filter'}, found {len(found)}; "
                f"this test's requests:\n{format_entries(every)}"
            )
        return found

    def violations(self) -> list[Any]:
        """The requests that broke their API's contract."""
        return [entry for entry in self.requests() if entry.violations]


@pytest.fixture
def mock_journal(request: pytest.FixtureRequest, mock_admin: Any) -> MockJournal:
    """This test's requests to the live server (``MockJournal``)."""
    _, since = request.node.stash[_JOURNAL_START]
    return MockJournal(mock_admin, since)


class MockFaults:
    """HTTP fault rules for the live server, one line each; every method takes the match
    keys ``api``, ``operation``, ``method``, ``path`` and ``times``, ``probability``,
    ``seed``, and returns the stored rule (``HttpFaultRule``). The fixture's server is reset
    before each test, which removes them. A rule the mock refuses raises ``MockAdminError``."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def add(
        self,
        action: dict[str, Any],
        *,
        api: str | None = None,
        operation: str | None = None,
        method: str | None = None,
        path: str | None = None,
        times: int | None = None,
        probability: float | None = None,
        seed: int | None = None,
    ) -> Any:
        from mock_admin_client.api.faults import add_http_fault
        from mock_admin_client.models import HttpFaultRule

        match = {"api": api, "operation": operation, "method": method, "path": path}
        rule = {
            "match": {k: v for k, v in match.items() if v is not None},
            "action": action,
            "times": times,
            "probability": probability,
            "seed": seed,
        }
        body = HttpFaultRule.from_dict({k: v for k, v in rule.items() if v is not None})
        return add_http_fault.sync_detailed(client=self._client, body=body).parsed

    def status(
        self,
        status: int,
        *,
        headers: dict[str, str] | None = None,
        body: str | None = None,
        content_type: str | None = None,
        **match: Any,
    ) -> Any:
        """Answer ``status`` instead (a problem document unless ``body`` is given)."""
        action: dict[str, Any] = {"status": status}
        for key, value in (("headers", headers), ("body", body), ("content_type", content_type)):
            if value is not None:
                action[key] = value
        return self.add(action, **match)

    def latency(self, seconds: float, *, jitter: float | None = None, **match: Any) -> Any:
        """Wait, then answer normally."""
        action: dict[str, Any] = {"latency": seconds}
        if jitter is not None:
            action["jitter"] = jitter
        return self.add(action, **match)

    def disconnect(self, when: str = "before_response", **match: Any) -> Any:
        """Close the connection: ``before_response`` or ``mid_body``."""
        return self.add({"disconnect": when}, **match)

    def truncate(self, size: int, **match: Any) -> Any:
        """A complete answer whose JSON body is cut after ``size`` bytes."""
        return self.add({"truncate": size}, **match)

    def rules(self) -> list[Any]:
        from mock_admin_client.api.faults import list_http_faults
        from mock_admin_client.models import HttpFaultList

        # The client raises on every other answer (mock_server.admin_client).
        return list(cast(HttpFaultList, list_http_faults.sync(client=self._client)).faults)

    def remove(self, rule: Any) -> None:
        from mock_admin_client.api.faults import remove_http_fault

        remove_http_fault.sync_detailed(getattr(rule, "id", rule), client=self._client)

    def clear(self) -> None:
        from mock_admin_client.api.faults import clear_http_faults

        clear_http_faults.sync_detailed(client=self._client)


@pytest.fixture
def mock_faults(mock_admin: Any) -> MockFaults:
    """HTTP faults for the live server in one line (``MockFaults``)."""
    return MockFaults(mock_admin)


@pytest.fixture
def preservica_api(mock_server_url: str) -> Iterator[Any]:
    """``wrappers.preservica.MonitorAPI`` logged in as the demo user test/test (TEST)."""
    from wrappers.preservica import MonitorAPI

    server = mock_server_url.removeprefix("http://")
    with MonitorAPI("test", "test", "TEST", server=server, protocol="http") as api:
        yield api


@pytest.fixture
def monitor_server_api(mock_server_url: str) -> Iterator[Any]:
    """``wrappers.monitor_server.MonitorServerClient`` for the live server."""
    from wrappers.monitor_server import MonitorServerClient

    with MonitorServerClient(mock_server_url) as client:
        yield client


@pytest.fixture
def aepublish_api(mock_server_url: str) -> Iterator[Any]:
    """``wrappers.aepublish.AepublishClient`` with the demo key pair (account "2")."""
    from wrappers.aepublish import AepublishClient

    with AepublishClient(
        mock_server_url, access_key_id="demo-key", secret_key="demo-secret"
    ) as client:
        yield client


# --- in process -----------------------------------------------------------------------------


class _InProcess:
    """The in-process apps, one per ``MockConfig``, and the event loops blocking transports
    run them on.

    One per process (``_APPS``): a pytest run is one process (an xdist worker too), and a
    session run inside another (pytester) finds the apps built already; every test resets
    the app it uses, so nothing carries over. The loops are closed when a session ends."""

    def __init__(self) -> None:
        self._apps: dict[Any, Any] = {}
        self._loop: AppLoop | None = None

    def app(self, config: MockConfig) -> Any:
        from dataclasses import replace

        # Each test's data comes from mock_seed: nothing to load when the app is built.
        config = replace(config, empty=True, seed=None, state_file=None)
        app = self._apps.get(config)
        if app is None:
            from mock_server import import_app_module

            app = import_app_module("mock_server.app").create_app(config)
            self._apps[config] = app
        return app

    @property
    def loop(self) -> AppLoop:
        if self._loop is None:
            from mock_server.inprocess import AppLoop

            self._loop = AppLoop()
        return self._loop

    def close_loops(self) -> None:
        if self._loop is not None:
            self._loop.close()


_APPS = _InProcess()


@pytest.fixture(scope="session")
def _mock_inprocess() -> Iterator[_InProcess]:
    yield _APPS
    _APPS.close_loops()


@pytest.fixture
def mock_inprocess_config() -> MockConfig:
    """The ``MockConfig`` of the in-process app (default: every API, lenient, the journal
    on). Override to build it otherwise, e.g. ``MockConfig(strict=True)``: one app is
    built per distinct config in a session. Its data is always ``mock_seed``."""
    _require_mock()
    from mock_server.core.config import MockConfig

    return MockConfig()


@pytest.fixture
def mock_inprocess_app(
    request: pytest.FixtureRequest,
    _mock_inprocess: _InProcess,
    mock_inprocess_config: MockConfig,
    mock_seed: dict[str, Any],
) -> Any:
    """The in-process mock app (ASGI), reset and seeded with ``mock_seed`` for this test;
    its state is ``.mock_state``. A seed it refuses raises ``MockSeedRefused``."""
    __tracebackhide__ = True
    _require_mock()
    from mock_server.core.errors import MockError

    app = _mock_inprocess.app(mock_inprocess_config)
    state = app.mock_state
    state.reset()
    _SEEDS.check(mock_seed)
    try:
        state.load_seed(_with_clock(mock_seed))
    except MockError as error:
        raise MockSeedRefused(f"mock_seed refused: {error.detail}") from None
    request.node.stash[_JOURNAL_START] = (state, state.journal.last_seq)
    return app


@pytest.fixture
def mock_transport(_mock_inprocess: _InProcess, mock_inprocess_app: Any) -> Any:
    """A blocking httpx transport to the in-process app: give it to any client,
    ``httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL)`` or a wrapper's
    ``httpx_args={"transport": mock_transport}``."""
    from mock_server.inprocess import InProcessTransport

    return InProcessTransport(mock_inprocess_app, _mock_inprocess.loop)


@pytest.fixture
def mock_async_transport(mock_inprocess_app: Any) -> Any:
    """An asyncio httpx transport to the in-process app (httpx's ``ASGITransport``), for
    ``httpx.AsyncClient`` and the wrappers' async clients."""
    from mock_server.inprocess import AsyncInProcessTransport

    return AsyncInProcessTransport(mock_inprocess_app)


#: Set while respx resolves a request of an asyncio client (its ``async_handler``).
_ASYNC_REQUEST = contextvars.ContextVar("_ASYNC_REQUEST", default=False)


@pytest.fixture
def mock_respx(mock_transport: Any, mock_async_transport: Any) -> Iterator[Any]:
    """A respx router sending every request for ``MOCK_INPROCESS_URL`` to the in-process app.

    Point any client (blocking or asyncio) at ``MOCK_INPROCESS_URL``; no socket is opened.
    """
    _require_mock("respx")
    import respx

    class Router(respx.MockRouter):
        async def async_handler(self, request: httpx.Request) -> httpx.Response:
            token = _ASYNC_REQUEST.set(True)
            try:
                return await super().async_handler(request)
            finally:
                _ASYNC_REQUEST.reset(token)

    def forward(request: httpx.Request) -> Any:
        # An asyncio client's request is answered on its own loop (respx awaits what this
        # returns); a blocking one's on the transport's loop thread.
        if _ASYNC_REQUEST.get():
            return mock_async_transport.handle_async_request(request)
        return mock_transport.handle_request(request)

    with Router(base_url=MOCK_INPROCESS_URL, assert_all_called=False) as router:
        router.route().mock(side_effect=forward)
        yield router


# --- reports: the journal of a failed test, artifacts, contract violations ------------------


def _journal_of(source: Any, since: int) -> list[dict[str, Any]]:
    if isinstance(source, str):
        import httpx

        answer = httpx.get(f"{source}/_mock/requests", params={"since": since}, timeout=10)
        return answer.json()["requests"]
    return source.journal.query(since=since)["requests"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    start = item.stash.get(_JOURNAL_START, None)
    if start is None or report.when != "call":
        return
    config = item.config
    strict = (
        report.passed
        and config.getoption("mock_strict")
        and item.get_closest_marker("mock_off_contract") is None
    )
    if not (strict or report.failed):
        return  # a passing test costs no journal read
    source, since = start
    try:
        entries = _journal_of(source, since)
    except Exception as error:  # a report must come out whatever the mock's state
        report.sections.append(("mock journal", f"(the journal could not be read: {error})"))
        return
    if strict:
        broken = [entry for entry in entries if entry["violations"]]
        if broken:
            report.outcome = "failed"
            report.longrepr = (
                f"--mock-strict: {len(broken)} request(s) broke the contract:\n"
                + format_entries(broken)
            )
    if not report.failed:
        return
    shown = entries[-REPORT_REQUESTS:]
    header = f"the last {len(shown)} of this test's {len(entries)} request(s), oldest first"
    report.sections.append(("mock journal", f"{header}\n{format_entries(shown)}"))
    artifacts = config.getoption("mock_artifacts")
    if artifacts:
        where = _write_artifacts(Path(artifacts), item.nodeid, source, entries)
        report.sections.append(("mock artifacts", str(where)))


def format_entries(entries: list[dict[str, Any]]) -> str:
    """Journal entries (wire form) one line each, with their fault, violations and the
    start of an error answer's body."""
    lines = []
    for entry in entries:
        status = entry.get("status")
        query = "&".join(f"{k}={v}" for k, values in entry.get("query", {}).items() for v in values)
        target = entry["path"] + (f"?{query}" if query else "")
        operation = entry.get("operation") or "no operation"
        lines.append(
            f"#{entry['seq']} {entry['method']} {target} -> "
            f"{'no answer' if status is None else status} ({operation}, "
            f"{entry.get('duration_ms', 0):.1f} ms)"
        )
        if entry.get("fault"):
            fault = entry["fault"]
            lines.append(f"    fault {fault['id']}: {json.dumps(fault['action'])}")
        for violation in entry.get("violations") or ():
            lines.append(f"    contract: {violation}")
        if entry.get("body"):
            lines.append(f"    request body: {_clip(entry['body'])}")
        if entry.get("response_body"):
            lines.append(f"    answer: {_clip(entry['response_body'])}")
    return "\n".join(lines)


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def _write_artifacts(root: Path, nodeid: str, source: Any, entries: list[dict[str, Any]]) -> Path:
    where = root / re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:200]
    where.mkdir(parents=True, exist_ok=True)
    (where / "journal.json").write_text(json.dumps({"requests": entries}, indent=1) + "\n")
    if isinstance(source, str):
        import httpx

        snapshot = httpx.get(f"{source}/_mock/snapshot", timeout=30).text
    else:
        snapshot = json.dumps(source.export_seed())
    (where / "snapshot.json").write_text(snapshot)
    return where
