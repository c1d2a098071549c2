"""Send each request to both servers and judge the two answers.

A ``Twin`` holds one example's transcript. ``step`` sends a request to the real server and
to the mock, compares their views (``wire.view``) and, when they differ, lets exactly two
things pass: a crash of the real server listed in ``allowed.ALLOWED_CRASHES`` that the
mock refuses with a 4xx problem, and a documented exception (``allowed.DOCUMENTED``). In
both cases the mock must have stored nothing, and whatever the real server stored is
deleted again, so both hold the same data for the next step. Anything else raises
``Mismatch`` with the whole transcript.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fidelity import allowed
from tests.fidelity.servers import API, Answer, MockServer, RealServer
from tests.fidelity.wire import Request, differences, media_type, show_answer, view


class Mismatch(AssertionError):
    pass


@dataclass
class Exchange:
    request: Request
    real: Answer
    mock: Answer
    found: list[str]
    crash: str | None = None  # the real server's exception line, on a 500
    verdict: str = "same"


@dataclass
class Twin:
    real: RealServer
    mock: MockServer
    transcript: list[Exchange] = field(default_factory=list, repr=False)
    _fingerprint: Any = field(default=None, repr=False)
    # The survey records differences instead of failing (see survey.py).
    on_difference: Callable[[Exchange, str], None] | None = field(default=None, repr=False)
    diverged: bool = False  # the mock's state as last read, while nothing was written

    def reset(self) -> None:
        self.mock.empty()
        self.real.empty()
        self.real.new_log()
        self.transcript = []
        self._fingerprint = None
        self.diverged = False

    def step(self, request: Request) -> Exchange:
        __tracebackhide__ = True
        rowids = self.real.rowids() if request.is_write else None
        before = self.mock_fingerprint() if request.is_write else None
        real = self.real.send(request.method, request.target, request.body, request.headers)
        mock = self.mock.send(request.method, request.target, request.body, request.headers)
        crash = self._crash_line() if real.status == 500 else None
        found = differences(
            view(real, self.real.origin, request.method),
            view(mock, self.mock.origin, request.method),
        )
        exchange = Exchange(request, real, mock, found, crash)
        self.transcript.append(exchange)
        if request.is_write:
            self._fingerprint = None
        if not found:
            return exchange
        problem = self._judge(exchange)
        if problem is None and rowids is not None:
            # Passed: the mock stored nothing, and the real server forgets what it stored.
            self.real.delete_rows_after(rowids)
            if self.mock_fingerprint() != before:
                problem = "the mock refused the request but its state changed"
        if problem is not None:
            if self.on_difference is None:
                self.fail(problem)
            self.on_difference(exchange, problem)
            if rowids is not None:
                self._resync(rowids, before)
        return exchange

    def _judge(self, exchange: Exchange) -> str | None:
        """None when the difference is one of those allowed, else what is wrong."""
        request, mock, crash = exchange.request, exchange.mock, exchange.crash
        if request.non_finite and mock.status == 400 and _is_problem(mock):
            exchange.verdict = f"documented: {allowed.NON_FINITE.name}"
        elif exchange.real.status == 500:
            case = allowed.crash_for(request.method, request.path, crash)
            if case is None:
                return f"the real server crashed ({crash}) in a way not listed in allowed.py"
            if not (400 <= mock.status < 500 and _is_problem(mock)):
                return f"the real server crashed ({case.name}): the mock must refuse with a 4xx"
            exchange.verdict = f"allowed: {case.name}"
        else:
            return "the answers differ"
        allowed.SEEN[exchange.verdict] += 1
        return None

    def _resync(self, rowids: dict[str, int], before: Any) -> None:
        """After a write that differed: make both hold the same data again, if one can."""
        real_stored = self.real.rowids() != rowids
        mock_stored = self.mock_fingerprint() != before
        if real_stored and not mock_stored:
            self.real.delete_rows_after(rowids)
        elif mock_stored and not real_stored:
            self.diverged = True  # nothing deletes a record from the mock

    def run(self, requests: list[Request]) -> None:
        __tracebackhide__ = True
        for request in requests:
            self.step(request)

    def mock_fingerprint(self) -> Any:
        """Counts and newest pages of the mock's three collections: any stored record shows."""
        if self._fingerprint is None:
            seen = []
            for collection in ("sessions", "contexts", "metrics"):
                for target in (f"{API}/{collection}/count", f"{API}/{collection}/?page=-1"):
                    answer = self.mock.send("GET", target)
                    seen.append((target, answer.status, answer.body))
            self._fingerprint = seen
        return self._fingerprint

    def _crash_line(self) -> str | None:
        # Flask logs the traceback before it answers; the file may lag a moment behind.
        log = ""
        deadline = time.monotonic() + 2
        while True:
            log += self.real.new_log()
            line = allowed.exception_line(log)
            if line is not None or time.monotonic() > deadline:
                return line
            time.sleep(0.01)

    def fail(self, why: str) -> None:
        __tracebackhide__ = True
        raise Mismatch(f"{why}\n\n{self.report()}")

    def report(self) -> str:
        lines = ["Requests of this example, in order (both servers started empty):"]
        last = len(self.transcript) - 1
        for i, ex in enumerate(self.transcript):
            lines.append(f"#{i + 1} {ex.request}")
            if not ex.found:
                lines.append(f"    both: {show_answer(ex.real, self.real.origin)}")
                continue
            full = i == last
            lines.append(f"    real: {show_answer(ex.real, self.real.origin, full)}")
            lines.append(f"    mock: {show_answer(ex.mock, self.mock.origin, full)}")
            if ex.crash:
                lines.append(f"    real server's exception: {ex.crash}")
            if ex.verdict.startswith(("allowed", "documented")):
                lines.append(f"    passed: {ex.verdict}")
            else:
                lines.extend(f"    differs: {d}" for d in ex.found)
        return "\n".join(lines)


def _is_problem(answer: Answer) -> bool:
    """A JSON object saying what was wrong (``detail``, or flask-restx's ``message``)."""
    if not media_type(answer).endswith("json"):
        return False
    try:
        body = json.loads(answer.body)
    except ValueError:
        return False
    return isinstance(body, dict) and any(
        isinstance(body.get(k), str) and body[k].strip() for k in ("detail", "message")
    )
