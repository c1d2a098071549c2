"""What the request journal and the fault check cost, in process: W1 and W3 (one
observation) sent straight to the ASGI app, no socket, no server, so the figures are the
mock's own CPU time per request (other load on the machine does not count).

Four apps over the same data: the journal off and no rule (``--journal-size 0``), the
journal on (the default), the journal on and a fault rule for another path
(``/never/*``: a request is compared with the start of its glob), and the journal on and
a rule whose glob every request is checked against (``*/never``: each request is routed
to its API and its path matched).

Two measures:

- ``app_us``: the whole app's CPU microseconds per request, the best of many rounds, and
  ``app_ratio``: the median over rounds of (time without / time with), each round
  measuring every variant back to back, so a slow moment of a shared machine hits each
  alike. The whole request is measured, and the variance of the machine with it.
- ``middleware_us``: what the traffic middleware itself adds per request (it around a
  stub app answering as the mock does), and ``middleware_ratio``: the whole app's time
  without the journal over that time plus what the middleware adds. The journal's and
  the fault check's whole cost is in the middleware, and this measure is steady to a
  tenth of a microsecond.

Prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from typing import Any

from mock_server import MockConfig, MockState, create_app
from mock_server.traffic.middleware import TrafficMiddleware
from mock_server.traffic.routes import OperationIndex

SESSION_PREFIX = "f00dface"
NEVER = {"match": {"path": "/never/*"}, "action": {"status": 500}}
#: Never matches either, but no start of the path rules it out: the glob is tried.
CHECKED = {"match": {"path": "*/never"}, "action": {"status": 500}}
VARIANTS = {
    "journal off": (0, None),
    "journal on": (10_000, None),
    "journal on + a rule": (10_000, NEVER),
    "journal on + a rule checked": (10_000, CHECKED),
}
ROUNDS = 15


def build(journal_size: int, rule: dict | None) -> Any:
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
        state.faults.add(rule)
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


def request(workload: str, token: str) -> tuple[str, str, list, bytes]:
    """W1's request, or W3's with a new observation (so each one is a success)."""
    global _counter
    if workload == "W1":
        return "GET", f"/api/v1/sessions/{SESSION_PREFIX}", [], b""
    _counter += 1
    body = json.dumps([{"definition": "bench/observation", "data": {"seq": _counter}}])
    headers = [
        (b"x-aims-auth-token", token.encode()),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    return "POST", "/aepublish/v1/2/observation", headers, body.encode()


async def per_request(app: Any, token: str, workload: str, n: int) -> float:
    """CPU microseconds per request over n requests (this process's CPU time)."""
    began = time.process_time()
    for _ in range(n):
        status = await call(app, *request(workload, token))
        assert status == 200, status
    return (time.process_time() - began) / n * 1e6


async def whole_app(n: int) -> dict[str, Any]:
    variants = {name: build(*arguments) for name, arguments in VARIANTS.items()}
    best: dict[str, dict[str, float]] = {}
    ratios: dict[str, dict[str, list[float]]] = {}
    for workload in ("W1", "W3"):
        best[workload] = {}
        ratios[workload] = {name: [] for name in VARIANTS if name != "journal off"}
        for app, token in variants.values():
            await per_request(app, token, workload, n)  # warm-up
        for _ in range(ROUNDS):
            round_us = {}
            for name, (app, token) in variants.items():
                round_us[name] = us = await per_request(app, token, workload, n)
                best[workload][name] = min(best[workload].get(name, us), us)
            for name in ratios[workload]:
                ratios[workload][name].append(round_us["journal off"] / round_us[name])
    return {
        "app_us": {w: {k: round(v, 1) for k, v in r.items()} for w, r in best.items()},
        "app_ratio": {
            w: {k: round(statistics.median(v), 3) for k, v in r.items()} for w, r in ratios.items()
        },
    }


# --- the middleware alone ------------------------------------------------------------------


def _stub(answer: bytes):
    """An app that reads the body and answers ``answer`` as the mock answers (status,
    content type, length), in the place of everything inside the middleware."""
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(answer))]

    async def app(scope: dict, receive: Any, send: Any) -> None:
        if scope["method"] == "POST":
            await receive()
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer})

    return app


async def middleware(n: int) -> dict[str, dict[str, float]]:
    index = OperationIndex(("preservica", "monitor_server", "aepublish"))
    answers = {"W1": b"x" * 1100, "W3": b"x" * 180}
    added: dict[str, dict[str, float]] = {}
    for workload, answer in answers.items():
        stacks = {}
        for name, (size, rule) in VARIANTS.items():
            state = MockState(MockConfig(empty=True, journal_size=size))
            if rule:
                state.faults.add(rule)
            state.journal.resolve = index.resolve
            stacks[name] = TrafficMiddleware(_stub(answer), state=state, index=index)
        best: dict[str, float] = {}
        for _ in range(ROUNDS):
            for name, stack in stacks.items():
                us = await per_request(stack, "token", workload, n)
                best[name] = min(best.get(name, us), us)
        added[workload] = {
            name: round(us - best["journal off"], 2)
            for name, us in best.items()
            if name != "journal off"
        }
    return added


async def main(n: int) -> None:
    figures = await whole_app(n)
    figures["middleware_us"] = await middleware(n * 5)
    ratios: dict[str, dict[str, float]] = {}
    for workload, by_variant in figures["middleware_us"].items():
        off = figures["app_us"][workload]["journal off"]
        ratios[workload] = {name: round(off / (off + us), 3) for name, us in by_variant.items()}
    figures["middleware_ratio"] = ratios
    print(json.dumps(figures))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
