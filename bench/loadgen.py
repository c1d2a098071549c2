"""A small HTTP/1.1 keep-alive load generator, for machines without wrk.

Run as its own process (so it does not share an interpreter with the server):
``python bench/loadgen.py SPEC.json`` where the spec gives ``url``, ``method``,
``headers``, ``connections``, ``duration`` (seconds), ``max_requests`` and either ``body``
(one body for every request) or ``observations`` (``{"batch": n, "tag": "..."}``: aepublish
observations, distinct across every request), plus ``expect`` (bytes every answer body must
contain to count as ok). Prints one JSON line: requests, seconds, per-second rate, status
counts, how many bodies missed ``expect``, latency percentiles. Bounded in time and in count.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from urllib.parse import urlsplit


def observation_bodies(batch: int, tag: str):
    """Request bodies of ``batch`` observations each, no two observations alike."""
    seq = itertools.count()
    while True:
        start = next(seq) * batch
        yield (
            "["
            + ",".join(
                f'{{"definition":"bench/observation","data":{{"seq":"{tag}-{n}"}}}}'
                for n in range(start, start + batch)
            )
            + "]"
        ).encode()


async def worker(spec, host, port, request_head, bodies, deadline, budget, stats):
    reader, writer = await asyncio.open_connection(host, port)
    expect = spec.get("expect", "").encode()
    try:
        while time.perf_counter() < deadline and budget[0] > 0:
            budget[0] -= 1
            body = next(bodies)
            head = request_head + f"content-length: {len(body)}\r\n\r\n".encode()
            started = time.perf_counter()
            writer.write(head + body)
            status_line = await reader.readuntil(b"\r\n")
            length = 0
            while True:
                line = await reader.readuntil(b"\r\n")
                if line == b"\r\n":
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            answer = await reader.readexactly(length) if length else b""
            stats["latencies"].append(time.perf_counter() - started)
            status = int(status_line.split()[1])
            stats["status"][status] = stats["status"].get(status, 0) + 1
            if expect and expect not in answer:
                stats["unexpected"] += 1
    finally:
        writer.close()


async def run(spec: dict) -> dict:
    url = urlsplit(spec["url"])
    target = url.path + (f"?{url.query}" if url.query else "")
    headers = {"host": url.netloc, **spec.get("headers", {})}
    request_head = (
        f"{spec.get('method', 'GET')} {target} HTTP/1.1\r\n"
        + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    ).encode()
    if "observations" in spec:
        bodies = observation_bodies(spec["observations"]["batch"], spec["observations"]["tag"])
    else:
        bodies = itertools.repeat(spec.get("body", "").encode())
    stats: dict = {"latencies": [], "status": {}, "unexpected": 0}
    budget = [spec.get("max_requests", 1_000_000)]
    started = time.perf_counter()
    deadline = started + spec["duration"]
    await asyncio.gather(
        *(
            worker(spec, url.hostname, url.port, request_head, bodies, deadline, budget, stats)
            for _ in range(spec.get("connections", 16))
        )
    )
    elapsed = time.perf_counter() - started
    latencies = sorted(stats["latencies"])
    count = len(latencies)

    def pct(p: float) -> float:
        return round(latencies[min(count - 1, int(p * count))] * 1000, 2) if count else 0.0

    return {
        "requests": count,
        "seconds": round(elapsed, 3),
        "rps": round(count / elapsed, 1),
        "status": {str(k): v for k, v in sorted(stats["status"].items())},
        "unexpected": stats["unexpected"],
        "latency_ms": {"p50": pct(0.5), "p99": pct(0.99)},
    }


def main() -> None:
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    try:
        import uvloop
    except ImportError:
        print(json.dumps(asyncio.run(run(spec))))
    else:
        print(json.dumps(uvloop.run(run(spec))))


if __name__ == "__main__":
    main()
