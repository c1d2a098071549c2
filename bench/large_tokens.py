"""Logins with a million live tokens, in process (the backends driven directly): only
logins make tokens, and a million of them over HTTP would take a quarter of an hour.

For Preservica (``login``) and AIMS (``authenticate``): the CPU microseconds of a login on
an empty store and with ``RECORDS`` live tokens; then the clock moved past every expiry
and the logins that follow (each prunes at most ``PRUNED_PER_LOGIN`` expired tokens): the
slowest of them, and how many tokens are held once they are done; the objects the garbage
collector tracks per live token; the process's resident memory. Prints one JSON line.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mock_server.aepublish.backend import TOKEN_LIFETIME, AepublishBackend
from mock_server.core.clock import MockClock
from mock_server.preservica.backend import TOKEN_MINUTES, PreservicaBackend

START = 1_750_000_000.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def per_login_us(login: Callable[[], Any], n: int = 10_000) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        for _ in range(n):
            login()
        best = min(best, (time.process_time() - began) / n * 1e6)
    return round(best, 2)


def measure(
    login: Callable[[], Any], held: Callable[[], int], clock: MockClock, lifetime: float, n: int
) -> dict[str, Any]:
    empty = per_login_us(login)
    tracked_before = len(gc.get_objects())
    for _ in range(n - held()):
        login()
    gc.collect()  # a full pass untracks the tuples a token is made of, as one would
    figures: dict[str, Any] = {
        "empty_us": empty,
        "live_tokens": held(),
        "full_us": per_login_us(login),
        "tracked_objects_per_token": max(
            0.0, round((len(gc.get_objects()) - tracked_before) / n, 3)
        ),
        "rss_mb": rss_mb(),
    }
    clock.advance(lifetime)
    slowest = pruning = 0.0
    logins = 0
    while held() > logins + 1 and logins < n:
        began = time.perf_counter()
        login()
        took = time.perf_counter() - began
        slowest, pruning, logins = max(slowest, took), pruning + took, logins + 1
    figures.update(
        pruning_logins=logins,
        pruning_login_mean_us=round(pruning / max(logins, 1) * 1e6, 1),
        slowest_pruning_login_ms=round(slowest * 1000, 2),
        held_after=held(),
    )
    return figures


def preservica(n: int) -> dict[str, Any]:
    clock = MockClock(start=START, frozen=True)
    backend = PreservicaBackend(clock)
    backend.load_seed({"users": [{"username": "bench", "password": "bench"}]})
    return measure(
        lambda: backend.login("bench", "bench", "TEST"),
        lambda: len(backend._sessions),
        clock,
        TOKEN_MINUTES * 60,
        n,
    )


def aims(n: int) -> dict[str, Any]:
    clock = MockClock(start=START, frozen=True)
    backend = AepublishBackend(clock)
    backend.load_seed({"accounts": [{"id": "2", "access_key_id": "k", "secret_key": "s"}]})
    return measure(
        lambda: backend.authenticate("k", "s"),
        lambda: len(backend._tokens),
        clock,
        TOKEN_LIFETIME,
        n,
    )


def main(n: int) -> None:
    figures: dict[str, Any] = {"records": n, "preservica": preservica(n)}
    gc.collect()
    figures["aims"] = aims(n)
    print(json.dumps(figures))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
