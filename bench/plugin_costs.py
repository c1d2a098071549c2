"""What the pytest plugin and the wrappers cost a downstream test, as ratios of one run.

- **in process / loopback**: ``GET /api/v1/sessions/count`` sent to the plugin's
  in-process app (``mock_transport``: the app on its private loop thread;
  ``mock_async_transport``: httpx's ASGITransport) against the same request over a
  kept-alive loopback connection to the live server (``python -m mock_server``, demo data),
  blocking and asyncio. Target: at most 0.5.
- **a test's set-up / one loopback request**: the set-up time of a test using
  ``mock_inprocess_app`` (reset, the demo seed loaded) or ``mock_server_url`` (the same,
  one request to the live server), measured inside a real pytest run of 60 tests of each
  (the first, which builds the app or starts the server, left out; the median kept),
  against one loopback request timed by those same tests (the median). Target: at most 10.
- **wrapper / plain httpx**: ``MonitorServerClient.count_sessions()`` against
  ``httpx.Client.get`` of the same path with the count read from the JSON, on one kept-alive
  loopback connection each, blocking and asyncio. Target: at most 1.25.

Per-request figures are wall time per request, the best of ``ROUNDS`` rounds of ``CALLS``
requests, the variants in turns (load from other processes only ever slows a round).
Prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from mock_server.inprocess import AppLoop, AsyncInProcessTransport, InProcessTransport
from mock_server.pytest_plugin import _SEEDS, MOCK_INPROCESS_URL, _InProcess, _with_clock
from wrappers.monitor_server import AsyncMonitorServerClient, MonitorServerClient

CALLS = int(os.environ.get("BENCH_PLUGIN_CALLS", "300"))
ROUNDS = int(os.environ.get("BENCH_PLUGIN_ROUNDS", "7"))
TESTS = 60
PATH = "/api/v1/sessions/count"


def per_call(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    for _ in range(CALLS):
        call()
    return (time.perf_counter() - started) / CALLS


async def aper_call(call: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    for _ in range(CALLS):
        await call()
    return (time.perf_counter() - started) / CALLS


def best_in_turns(variants: dict[str, Callable[[], float]]) -> dict[str, float]:
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(ROUNDS):
        for name, measure in variants.items():
            best[name] = min(best[name], measure())
    return {name: round(seconds * 1e6, 1) for name, seconds in best.items()}  # µs


def start_server() -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--port", "0", "--log-level", "warning"],
        stdout=subprocess.PIPE,
        text=True,
    )
    found = re.search(r"listening on (http://\S+)", server.stdout.readline())
    assert found, "the mock server did not start"
    return server, found.group(1)


def requests_in_process_and_over_loopback(live: str) -> dict[str, float]:
    apps = _InProcess()
    app = apps.app(_config())
    app.mock_state.reset()
    app.mock_state.load_seed(_with_clock(_SEEDS.demo()))
    loop = AppLoop()
    try:
        with (
            httpx.Client(base_url=live) as over_loopback,
            httpx.Client(
                base_url=MOCK_INPROCESS_URL, transport=InProcessTransport(app, loop)
            ) as in_process,
        ):
            assert over_loopback.get(PATH).json() == in_process.get(PATH).json()
            blocking = best_in_turns(
                {
                    "loopback": lambda: per_call(lambda: over_loopback.get(PATH)),
                    "in process": lambda: per_call(lambda: in_process.get(PATH)),
                }
            )
    finally:
        loop.close()

    async def asyncio_side() -> dict[str, float]:
        async with (
            httpx.AsyncClient(base_url=live) as over_loopback,
            httpx.AsyncClient(
                base_url=MOCK_INPROCESS_URL, transport=AsyncInProcessTransport(app)
            ) as in_process,
        ):
            await over_loopback.get(PATH)
            await in_process.get(PATH)
            best = {"loopback": float("inf"), "in process": float("inf")}
            for _ in range(ROUNDS):
                best["loopback"] = min(
                    best["loopback"], await aper_call(lambda: over_loopback.get(PATH))
                )
                best["in process"] = min(
                    best["in process"], await aper_call(lambda: in_process.get(PATH))
                )
            return {name: round(seconds * 1e6, 1) for name, seconds in best.items()}

    return {
        **{f"blocking {k}": v for k, v in blocking.items()},
        **{f"asyncio {k}": v for k, v in asyncio.run(asyncio_side()).items()},
    }


def _config() -> Any:
    from mock_server.core.config import MockConfig

    return MockConfig()


def wrapper_and_plain_httpx(live: str) -> dict[str, float]:
    with (
        httpx.Client(base_url=live) as plain,
        MonitorServerClient(live) as wrapper,
    ):
        assert plain.get(PATH).json()["count"] == wrapper.count_sessions()
        blocking = best_in_turns(
            {
                "plain httpx": lambda: per_call(lambda: plain.get(PATH).json()["count"]),
                "wrapper": lambda: per_call(wrapper.count_sessions),
            }
        )

    async def asyncio_side() -> dict[str, float]:
        async with (
            httpx.AsyncClient(base_url=live) as plain,
            AsyncMonitorServerClient(live) as wrapper,
        ):

            async def plain_count() -> int:
                return (await plain.get(PATH)).json()["count"]

            assert await plain_count() == await wrapper.count_sessions()
            best = {"plain httpx": float("inf"), "wrapper": float("inf")}
            for _ in range(ROUNDS):
                best["plain httpx"] = min(best["plain httpx"], await aper_call(plain_count))
                best["wrapper"] = min(best["wrapper"], await aper_call(wrapper.count_sessions))
            return {name: round(seconds * 1e6, 1) for name, seconds in best.items()}

    return {
        **{f"blocking {k}": v for k, v in blocking.items()},
        **{f"asyncio {k}": v for k, v in asyncio.run(asyncio_side()).items()},
    }


RECORDER = """
import json, time
import httpx
import pytest

SETUPS, REQUESTS = [], []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    started = time.perf_counter()
    yield
    SETUPS.append((item.name, time.perf_counter() - started))


@pytest.fixture(scope="session")
def loopback(mock_server_process):
    with httpx.Client(base_url=mock_server_process) as client:
        yield client


@pytest.fixture
def one_request(loopback):
    # Loopback requests timed in the test itself: set-up and request at the same moments.
    def measure():
        for _ in range(5):
            started = time.perf_counter()
            loopback.get("/api/v1/sessions/count")
            REQUESTS.append(time.perf_counter() - started)
    return measure


def pytest_sessionfinish(session):
    with open("measured.json", "w") as out:
        json.dump({"setups": SETUPS, "requests": REQUESTS}, out)
"""


def set_up_per_test() -> dict[str, float]:
    """A test's set-up with each fixture, and one loopback request, inside one pytest run
    of tests that each time a few requests too (medians, µs). The session fixtures
    (``loopback``, ``mock_server_process``) come first, so a test's set-up is its own."""
    with tempfile.TemporaryDirectory(prefix="bench-plugin-") as where:
        project = Path(where)
        (project / "conftest.py").write_text(RECORDER)
        tests = "".join(
            f"def test_in_process_{i}(one_request, mock_inprocess_app):\n    one_request()\n\n"
            f"def test_live_{i}(one_request, mock_server_url):\n    one_request()\n\n"
            for i in range(TESTS)
        )
        (project / "test_setups.py").write_text(tests)
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:asyncio", "-p", "no:cacheprovider"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        measured = json.loads((project / "measured.json").read_text())
    figures = {"loopback request": round(statistics.median(measured["requests"]) * 1e6, 1)}
    for kind in ("in_process", "live"):
        times = [s for name, s in measured["setups"] if name.startswith(f"test_{kind}_")]
        # The first of each kind builds the app or starts the server: reported apart.
        figures[kind.replace("_", " ")] = round(statistics.median(times[1:]) * 1e6, 1)
        figures[f"{kind.replace('_', ' ')} first"] = round(times[0] * 1e6, 1)
    return figures


def main() -> None:
    server, live = start_server()
    try:
        requests = requests_in_process_and_over_loopback(live)
        wrapper = wrapper_and_plain_httpx(live)
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
    setups = set_up_per_test()
    loopback = requests["blocking loopback"]
    print(
        json.dumps(
            {
                "calls": CALLS,
                "rounds": ROUNDS,
                "requests_us": requests,
                "setup_us": setups,
                "wrapper_us": wrapper,
                "ratios": {
                    "in process / loopback, blocking": round(
                        requests["blocking in process"] / loopback, 3
                    ),
                    "in process / loopback, asyncio": round(
                        requests["asyncio in process"] / requests["asyncio loopback"], 3
                    ),
                    "set-up in process / loopback request": round(
                        setups["in process"] / setups["loopback request"], 2
                    ),
                    "set-up live / loopback request": round(
                        setups["live"] / setups["loopback request"], 2
                    ),
                    "wrapper / httpx, blocking": round(
                        wrapper["blocking wrapper"] / wrapper["blocking plain httpx"], 3
                    ),
                    "wrapper / httpx, asyncio": round(
                        wrapper["asyncio wrapper"] / wrapper["asyncio plain httpx"], 3
                    ),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
