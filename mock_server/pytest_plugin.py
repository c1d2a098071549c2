"""A pytest plugin for downstream projects: installing this package registers it.

Fixtures:

- ``mock_server_url``: base URL of a live mock server on a free loopback port, started once
  per test session and reset to ``mock_seed`` before each test.
- ``mock_admin``: the generated admin client (``mock_admin_client``) for that server: move
  the clock, add faults, seed more data.
- ``preservica_api``, ``monitor_server_api``, ``aepublish_api``: wrapper clients logged in
  as the demo user / account, pointed at the live server.
- ``mock_respx``: no socket at all: a respx router that sends every request for
  ``MOCK_INPROCESS_URL`` to an in-process mock app; ``mock_inprocess_app`` is that app
  (its state is ``mock_inprocess_app.mock_state``).
- ``mock_seed``: the seed document each test starts from (the demo data set); override it
  in your conftest.py to start from your own.
- ``mock_journal``: this test's requests to the live server, typed (``MockJournal``):
  ``mock_journal.requests(operation="publish_observations")``, ``.verify(2, method="POST")``.
- ``mock_faults``: HTTP faults for the live server in one line (``MockFaults``):
  ``mock_faults.status(503, operation="publish_observations", times=1)``.

On a failed test that used the live server, the report gets a ``mock journal`` section with
its last requests. Options: ``--mock-artifacts DIR`` writes each failed test's journal and
state snapshot under DIR; ``--mock-strict`` fails a test whose requests broke an API's
contract, naming them (mark a test ``mock_off_contract`` to exempt it).
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_server.core.seed import DEMO_SEED, read_seed_file

MOCK_INPROCESS_URL = "http://mock-server.invalid"
_STARTUP_SECONDS = 30
#: How many of a failed test's last requests its report shows.
REPORT_REQUESTS = 20
#: Where a test that used the live server keeps (url, the journal's seq before it began).
_JOURNAL_START = pytest.StashKey[tuple[str, int]]()


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
        help="fail a test whose requests to the live mock broke an API's contract",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "mock_off_contract: the test sends requests off an API's contract on purpose "
        "(--mock-strict does not fail it)",
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen) -> None:
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


@pytest.fixture(scope="session")
def mock_server_process() -> Iterator[str]:
    """Start ``python -m mock_server`` once for the session; yields its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mock_server",
            "--port",
            str(port),
            "--empty",
            "--log-level",
            "warning",
        ]
    )
    url = f"http://127.0.0.1:{port}"
    _wait_until_healthy(url, server)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def mock_seed() -> dict[str, Any]:
    """The seed document every test starts from. Override to start from your own data."""
    return read_seed_file(DEMO_SEED)


@pytest.fixture
def mock_server_url(
    request: pytest.FixtureRequest, mock_server_process: str, mock_seed: dict[str, Any]
) -> str:
    """The live server, reset and seeded with ``mock_seed`` for this test (its HTTP fault
    rules gone); the journal goes on, and this test's part of it starts here."""
    from mock_admin_client import Client
    from mock_admin_client.api.admin import load_seed, reset
    from mock_admin_client.api.journal import list_requests
    from mock_admin_client.models import SeedDocument

    with Client(base_url=mock_server_process, raise_on_unexpected_status=True) as admin:
        reset.sync_detailed(client=admin)
        load_seed.sync_detailed(client=admin, body=SeedDocument.from_dict(mock_seed))
        journal = list_requests.sync(client=admin, limit=1)
    request.node.stash[_JOURNAL_START] = (mock_server_process, journal.last_seq)
    return mock_server_process


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
        from mock_admin_client.models import ListRequestsApi

        if filters.get("api") is not None:
            filters["api"] = ListRequestsApi(filters["api"])
        journal = list_requests.sync(client=self._client, since=self.since, **filters)
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
def mock_journal(request: pytest.FixtureRequest, mock_admin) -> MockJournal:
    """This test's requests to the live server (``MockJournal``)."""
    _, since = request.node.stash[_JOURNAL_START]
    return MockJournal(mock_admin, since)


class MockFaults:
    """HTTP fault rules for the live server, one line each; every method takes the match
    keys ``api``, ``operation``, ``method``, ``path`` and ``times``, ``probability``,
    ``seed``, and returns the stored rule (``HttpFaultRule``). The fixture's server is reset
    before each test, which removes them."""

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
        answer = add_http_fault.sync_detailed(client=self._client, body=body)
        if answer.status_code != 201:
            raise ValueError(f"the mock refused the fault rule: {answer.content.decode()}")
        return answer.parsed

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

        return list(list_http_faults.sync(client=self._client).faults)

    def remove(self, rule: Any) -> None:
        from mock_admin_client.api.faults import remove_http_fault

        remove_http_fault.sync_detailed(getattr(rule, "id", rule), client=self._client)

    def clear(self) -> None:
        from mock_admin_client.api.faults import clear_http_faults

        clear_http_faults.sync_detailed(client=self._client)


@pytest.fixture
def mock_faults(mock_admin) -> MockFaults:
    """HTTP faults for the live server in one line (``MockFaults``)."""
    return MockFaults(mock_admin)


# --- reports: the journal of a failed test, artifacts, contract violations ------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    start = item.stash.get(_JOURNAL_START, None)
    if start is None or report.when != "call":
        return
    url, since = start
    try:
        entries = httpx.get(f"{url}/_mock/requests", params={"since": since}, timeout=10).json()[
            "requests"
        ]
    except (httpx.HTTPError, ValueError, KeyError) as error:
        report.sections.append(("mock journal", f"(the journal could not be read: {error})"))
        return
    config = item.config
    if (
        report.passed
        and config.getoption("mock_strict")
        and item.get_closest_marker("mock_off_contract") is None
    ):
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
        where = _write_artifacts(Path(artifacts), item.nodeid, url, entries)
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


def _write_artifacts(root: Path, nodeid: str, url: str, entries: list[dict]) -> Path:
    where = root / re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:200]
    where.mkdir(parents=True, exist_ok=True)
    (where / "journal.json").write_text(json.dumps({"requests": entries}, indent=1) + "\n")
    snapshot = httpx.get(f"{url}/_mock/snapshot", timeout=30)
    (where / "snapshot.json").write_text(snapshot.text)
    return where


@pytest.fixture
def mock_admin(mock_server_url: str):
    """The generated admin client of the live server (``mock_admin_client.Client``)."""
    from mock_admin_client import Client

    with Client(base_url=mock_server_url, raise_on_unexpected_status=True) as client:
        yield client


@pytest.fixture
def preservica_api(mock_server_url: str):
    """``wrappers.preservica.MonitorAPI`` logged in as the demo user test/test (TEST)."""
    from wrappers.preservica import MonitorAPI

    server = mock_server_url.removeprefix("http://")
    with MonitorAPI("test", "test", "TEST", server=server, protocol="http") as api:
        yield api


@pytest.fixture
def monitor_server_api(mock_server_url: str):
    """``wrappers.monitor_server.MonitorServerClient`` for the live server."""
    from wrappers.monitor_server import MonitorServerClient

    with MonitorServerClient(mock_server_url) as client:
        yield client


@pytest.fixture
def aepublish_api(mock_server_url: str):
    """``wrappers.aepublish.AepublishClient`` with the demo key pair (account "2")."""
    from wrappers.aepublish import AepublishClient

    with AepublishClient(
        mock_server_url, access_key_id="demo-key", secret_key="demo-secret"
    ) as client:
        yield client


@pytest.fixture
def mock_inprocess_app(mock_seed: dict[str, Any]):
    """A fresh in-process mock app seeded with ``mock_seed`` (state: ``.mock_state``)."""
    from mock_server import MockConfig, create_app

    app = create_app(MockConfig(empty=True))
    app.mock_state.load_seed(mock_seed)
    return app


@pytest.fixture
def mock_respx(mock_inprocess_app):
    """A respx router sending every request for ``MOCK_INPROCESS_URL`` to the in-process app.

    Point any wrapper (sync or async) at ``MOCK_INPROCESS_URL``; no socket is opened.
    """
    import respx
    from starlette.testclient import TestClient

    # TestClient drives the ASGI app from synchronous code (on its own event loop thread),
    # which is what a respx side effect is.
    with (
        TestClient(mock_inprocess_app, base_url=MOCK_INPROCESS_URL) as bridge,
        respx.mock(base_url=MOCK_INPROCESS_URL, assert_all_called=False) as router,
    ):
        router.route().mock(side_effect=lambda request: _forward(bridge, request))
        yield router


def _forward(bridge, request: httpx.Request) -> httpx.Response:
    answer = bridge.request(
        request.method,
        request.url.raw_path.decode(),
        headers=request.headers,
        content=request.content,
    )
    return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
