"""What the request journal and the fault check cost, in process: W1 and W3 (one
observation) sent straight to the ASGI app, no socket, no server, so the figures are the
mock's own time per request. Three apps over the same data: the journal off and no rule
(``--journal-size 0``), the journal on (the default), the journal on and a fault rule that
never matches (each request is routed and checked against it). Prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

from mock_server import MockConfig, create_app

SESSION_PREFIX = "f00dface"
NEVER = {"match": {"path": "/never/*"}, "action": {"status": 500}}


def build(journal_size: int, rule: bool) -> Any:
    app = create_app(MockConfig(empty=True, journal_size=journal_size))
    state = app.mock_state
    state.load_seed(
        {
            "monitor_server": {
                "sessions": [
                    {"session_h": f"{SESSION_PREFIX}{n:032x}", "run_date": "2025-06-01T10:00:00"}
                    for n in range(10)
                ]
                + [
                    {"session_h": f"{n:040x}", "run_date": "2025-06-01T10:00:00"}
                    for n in range(1, 991)
                ]
            },
            "aepublish": {
                "accounts": [{"id": "2", "access_key_id": "k", "secret_key": "s"}],
                "definitions": [{"path": "bench/observation", "unique": ["seq"]}],
            },
        }
    )
    if rule:
        state.faults.add(NEVER)
    token = state.aepublish.authenticate("k", "s")["token"]
    return app, token


async def call(app: Any, method: str, path: str, headers: list, body: bytes) -> int:
    status = 0
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"bench"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    await app(scope, receive, send)
    return status


_counter = 0


async def per_request(app: Any, token: str, workload: str, n: int) -> float:
    """CPU microseconds per request (this process's CPU time, so other load on the machine
    does not count), the best of 3 rounds of n."""
    global _counter
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        for _ in range(n):
            if workload == "W1":
                status = await call(app, "GET", f"/api/v1/sessions/{SESSION_PREFIX}", [], b"")
            else:
                _counter += 1
                body = json.dumps([{"definition": "bench/observation", "data": {"seq": _counter}}])
                headers = [
                    (b"x-aims-auth-token", token.encode()),
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ]
                status = await call(
                    app, "POST", "/aepublish/v1/2/observation", headers, body.encode()
                )
            assert status == 200, status
        best = min(best, (time.process_time() - began) / n * 1e6)
    return best


async def main(n: int) -> None:
    variants = {
        "journal off": build(0, False),
        "journal on": build(10_000, False),
        "journal on + a rule": build(10_000, True),
    }
    results: dict[str, dict[str, float]] = {}
    for workload in ("W1", "W3"):
        results[workload] = {}
        for app, token in variants.values():
            await per_request(app, token, workload, n // 5)  # warm-up
        # Interleaved rounds, so a slow moment of the machine hits every variant alike.
        for _ in range(5):
            for name, (app, token) in variants.items():
                us = await per_request(app, token, workload, n)
                results[workload][name] = min(results[workload].get(name, us), us)
    print(json.dumps({w: {k: round(v, 1) for k, v in r.items()} for w, r in results.items()}))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
