"""What a wrapper call costs over plain httpx making the same request: prints a table.

    .venv/bin/python -m tests.wrappers.measure_overhead [--calls N] [--rounds N]

``count_sessions()`` of ``MonitorServerClient`` and ``AsyncMonitorServerClient`` against
``httpx.Client.get`` / ``httpx.AsyncClient.get`` of ``/api/v1/sessions/count`` with the
count read from the JSON, each on one kept-alive connection:

- ``live``: a mock server on a loopback port (``python -m mock_server``, demo data), the
  request as downstream code makes it;
- ``in-memory``: an ``httpx.MockTransport`` answering ``{"count": 3}``, no server and no
  socket: the wrapper's own work alone, the worst case for the ratio.

Rounds alternate the two clients and the best round of each is kept (load from other
processes only ever slows a round). The target is a ratio of at most 1.25 on ``live``.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import httpx

from mock_server.pytest_plugin import _free_port, _wait_until_healthy
from wrappers.monitor_server import AsyncMonitorServerClient, MonitorServerClient

COUNT_PATH = "/api/v1/sessions/count"


def _per_call(call: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls


async def _aper_call(call: Callable[[], Awaitable[object]], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        await call()
    return (time.perf_counter() - start) / calls


def measure_sync(base_url: str, httpx_args: dict, calls: int, rounds: int) -> tuple[float, float]:
    with (
        httpx.Client(base_url=base_url, **httpx_args) as plain,
        MonitorServerClient(base_url, httpx_args=httpx_args) as wrapper,
    ):

        def plain_count() -> int:
            return plain.get(COUNT_PATH).json()["count"]

        assert plain_count() == wrapper.count_sessions()  # and warms both connections
        best_plain = best_wrapper = float("inf")
        for _ in range(rounds):
            best_plain = min(best_plain, _per_call(plain_count, calls))
            best_wrapper = min(best_wrapper, _per_call(wrapper.count_sessions, calls))
    return best_plain, best_wrapper


async def measure_async(
    base_url: str, httpx_args: dict, calls: int, rounds: int
) -> tuple[float, float]:
    async with (
        httpx.AsyncClient(base_url=base_url, **httpx_args) as plain,
        AsyncMonitorServerClient(base_url, httpx_args=httpx_args) as wrapper,
    ):

        async def plain_count() -> int:
            return (await plain.get(COUNT_PATH)).json()["count"]

        assert await plain_count() == await wrapper.count_sessions()
        best_plain = best_wrapper = float("inf")
        for _ in range(rounds):
            best_plain = min(best_plain, await _aper_call(plain_count, calls))
            best_wrapper = min(best_wrapper, await _aper_call(wrapper.count_sessions, calls))
    return best_plain, best_wrapper


def _count(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"count": 3})


def _row(name: str, plain: float, wrapper: float) -> str:
    return (
        f"| {name} | {plain * 1e6:,.0f} µs | {wrapper * 1e6:,.0f} µs "
        f"| {(wrapper - plain) * 1e6:+,.0f} µs | {wrapper / plain:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--calls", type=int, default=1000, help="calls per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per client")
    args = parser.parse_args()

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--port", str(port), "--log-level", "warning"]
    )
    try:
        live = f"http://127.0.0.1:{port}"
        _wait_until_healthy(live, server)
        memory = {
            "transport": httpx.MockTransport(lambda _: httpx.Response(200, json={"count": 3}))
        }
        amemory = {
            "transport": httpx.MockTransport(lambda _: httpx.Response(200, json={"count": 3}))
        }
        rows = [
            ("sync, live", measure_sync(live, {}, args.calls, args.rounds)),
            ("async, live", asyncio.run(measure_async(live, {}, args.calls, args.rounds))),
            ("sync, in-memory", measure_sync("http://x", memory, args.calls, args.rounds)),
            (
                "async, in-memory",
                asyncio.run(measure_async("http://x", amemory, args.calls, args.rounds)),
            ),
        ]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"count_sessions(), best of {args.rounds} rounds of {args.calls} calls")
    print("| client | plain httpx | wrapper | overhead | ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, (plain, wrapper) in rows:
        print(_row(name, plain, wrapper))


if __name__ == "__main__":
    main()
