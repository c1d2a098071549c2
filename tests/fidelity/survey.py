"""Survey: every kind of difference between the mock and the real server, in one report.

The test suite stops at the first difference; this keeps going. It runs the suite's own
sequences (no shrinking), records each difference with the requests that led to it, groups
them by route, statuses and what differs, and prints one shortest reproduction per group.
A read that differs is recorded and the sequence goes on (reads change nothing); a write
that differs ends its sequence, since the two servers may no longer hold the same data.

    .venv/bin/python -m tests.fidelity.survey [--examples N] [--out report.txt]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fidelity import strategies as s
from tests.fidelity.servers import API, start_both
from tests.fidelity.twin import Twin
from tests.fidelity.wire import Request

SEQUENCES = {
    "sessions and contexts": (s.STORE_AND_LIST, 20),
    "metrics and their views": (s.METRIC_VIEWS, 25),
    "malformed writes": (s.MALFORMED, 15),
    "paths, methods, query quirks": (s.ODD_REQUESTS, 15),
}


@dataclass
class Case:
    route: str
    why: str
    requests: list[Request]  # the last one is the one that differed


def signature(patterns, exchange) -> tuple:
    request = exchange.request
    route = route_of(patterns, request.method, request.path)
    return (route, exchange.real.status, exchange.mock.status, abstract(exchange.found))


def replay(real, mock, requests: list[Request]) -> Twin:
    """Run ``requests`` on fresh servers without failing; the Twin holds the transcript."""
    twin = Twin(real, mock, on_difference=lambda exchange, why: None)
    twin.reset()
    for request in requests:
        twin.step(request)
    return twin


def minimize(real, mock, patterns, case: Case, key: tuple) -> Twin:
    """The fewest earlier requests with which the last one still differs the same way."""

    def reproduces(prefix: list[Request]) -> Twin | None:
        twin = replay(real, mock, [*prefix, case.requests[-1]])
        ok = not twin.diverged and signature(patterns, twin.transcript[-1]) == key
        return twin if ok else None

    prefix = case.requests[:-1]
    for candidate in ([], [r for r in prefix if r.is_write]):
        if len(candidate) < len(prefix) and reproduces(candidate):
            prefix = candidate
    i = len(prefix) - 1
    while i >= 0:
        candidate = prefix[:i] + prefix[i + 1 :]
        if reproduces(candidate):
            prefix = candidate
        i -= 1
    return reproduces(prefix) or replay(real, mock, case.requests)


def route_patterns(real) -> list[tuple[re.Pattern, str]]:
    doc = json.loads(real.send("GET", f"{API}/swagger.json").body)
    patterns = []
    for path in doc["paths"]:
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(API + path))
        patterns.append((re.compile(f"^{regex}$"), path))
    # Literal routes first: /sessions/count before /sessions/{session_hash}.
    patterns.sort(key=lambda p: p[1].count("{"))
    return patterns


def route_of(patterns, method: str, path: str) -> str:
    for regex, template in patterns:
        if regex.match(path):
            return f"{method} {template}"
    return f"{method} (unrouted) {path}"


def abstract(found: list[str]) -> tuple[str, ...]:
    """What differs, without the values: `$.sessions[0].run_date: "x" vs "y"` -> path only."""
    kinds = set()
    for line in found:
        line = re.sub(r"\[\d+\]", "[]", line)
        if line.startswith("$"):
            path, _, rest = line.partition(": ")
            if rest.startswith("key "):
                kinds.add(f"{path}: {rest.split(' (')[0]}")
            elif " items (real)" in rest:
                kinds.add(f"{path}: length")
            else:
                kinds.add(f"{path}: value")
        else:
            kinds.add(line)
    return tuple(sorted(kinds))


def survey(examples: int, out) -> None:
    groups: dict[tuple, list[Case]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as workdir:
        real, mock = start_both(Path(workdir))
        try:
            patterns = route_patterns(real)
            for name, (steps, most) in SEQUENCES.items():
                print(f"surveying {name}...", file=sys.stderr)

                @settings(
                    max_examples=examples,
                    database=None,
                    phases=[Phase.generate],
                    deadline=None,
                    suppress_health_check=list(HealthCheck),
                )
                @given(requests=st.lists(steps, min_size=1, max_size=most))
                def explore(requests):
                    def record(exchange, why):
                        key = signature(patterns, exchange)
                        sent = [ex.request for ex in twin.transcript]
                        groups[key].append(Case(key[0], why, sent))
                        exchange.verdict = "recorded by the survey"

                    twin = Twin(real, mock, on_difference=record)
                    twin.reset()
                    for request in requests:
                        twin.step(request)
                        if twin.diverged:
                            return

                explore()
            print(f"{len(groups)} kinds of difference; minimizing...", file=sys.stderr)
            print(f"{len(groups)} kinds of difference\n", file=out)
            for key in sorted(groups, key=lambda k: (k[0].split(" ", 1)[1], k[0], k[1], k[2])):
                route, real_status, mock_status, kinds = key
                cases = groups[key]
                shortest = min(cases, key=lambda c: len(c.requests))
                twin = minimize(real, mock, patterns, shortest, key)
                print("=" * 100, file=out)
                print(
                    f"{route}: real {real_status}, mock {mock_status} ({len(cases)} seen)", file=out
                )
                print(f"  {shortest.why}", file=out)
                for kind in kinds:
                    print(f"  - {kind}", file=out)
                print(file=out)
                print(twin.report(), file=out)
                print(file=out, flush=True)
        finally:
            real.stop()
            mock.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=200, help="sequences per kind")
    parser.add_argument("--out", type=Path, help="write the report here (default: stdout)")
    args = parser.parse_args()
    if args.out:
        with args.out.open("w") as out:
            survey(args.examples, out)
    else:
        survey(args.examples, sys.stdout)


if __name__ == "__main__":
    main()
