"""The harness itself: it sees planted differences, lets only the listed ones pass, and finds
none between the real server and a second copy of itself."""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fidelity import allowed
from tests.fidelity import strategies as s
from tests.fidelity.servers import API, Answer, start_real, wait_until_up
from tests.fidelity.twin import Mismatch, Twin
from tests.fidelity.wire import Request, differences, json_request, view

ORIGIN_A, ORIGIN_B = "http://127.0.0.1:1111", "http://127.0.0.1:2222"
JSON = {"content-type": "application/json"}


@pytest.fixture(autouse=True)
def _own_tally(monkeypatch):
    # The canned cases below are not the servers' differences: keep them out of the summary.
    monkeypatch.setattr(allowed, "SEEN", Counter())


def answer(status=200, body=b"", **headers) -> Answer:
    return Answer(status, {k.replace("_", "-"): v for k, v in headers.items()}, body)


def diff(a: Answer, b: Answer, method="GET") -> list[str]:
    return differences(view(a, ORIGIN_A, method), view(b, ORIGIN_B, method))


@pytest.mark.parametrize(
    ("real", "mock"),
    [
        (answer(204), answer(200)),
        (answer(200, b'{"a": 1.0}', **JSON), answer(200, b'{"a": 1}', **JSON)),
        (answer(200, b'{"a": 1}', **JSON), answer(200, b'{"a": true}', **JSON)),
        (answer(200, b'{"a": null}', **JSON), answer(200, b'{"a": "null"}', **JSON)),
        (answer(200, b'{"a": [1, 2]}', **JSON), answer(200, b'{"a": [2, 1]}', **JSON)),
        (answer(200, b'{"a": 1}', **JSON), answer(200, b'{"a": 1, "b": 2}', **JSON)),
        (answer(200, b"{}", **JSON), answer(200, b"{}", content_type="application/problem+json")),
        (answer(404, b"<p>x</p>", content_type="text/html"), answer(404, b"<p>y</p>")),
        (answer(308, location=f"{ORIGIN_A}/x/"), answer(308, location=f"{ORIGIN_B}/y/")),
        (answer(405, allow="GET, OPTIONS"), answer(405, allow="GET")),
    ],
)
def test_a_planted_difference_is_seen(real, mock):
    assert diff(real, mock)


@pytest.mark.parametrize(
    ("real", "mock"),
    [
        # Scheme, host and port are each server's own.
        (answer(308, location=f"{ORIGIN_A}/x/"), answer(308, location=f"{ORIGIN_B}/x/")),
        (
            answer(308, f'<a href="{ORIGIN_A}/x/">'.encode(), content_type="text/html"),
            answer(308, f'<a href="{ORIGIN_B}/x/">'.encode(), content_type="text/html"),
        ),
        # JSON as parsed: spacing and key order are not compared, nor the charset parameter.
        (
            answer(200, b'{"a": 1, "b": [1.5]}', content_type="application/json"),
            answer(200, b'{"b":[1.5],"a":1}', content_type="application/json; charset=utf-8"),
        ),
        # Allow as a set; a body-less 204 has no media type to compare.
        (answer(405, allow="GET, HEAD, OPTIONS"), answer(405, allow="OPTIONS,GET,HEAD")),
        (answer(204, content_type="application/json"), answer(204)),
    ],
)
def test_what_is_not_compared(real, mock):
    assert not diff(real, mock)


def test_exception_line_is_the_last_exception_of_the_traceback():
    log = """[2026-01-01 10:00:00,000] ERROR in app: Exception on /api/v1/sessions/ [POST]
Traceback (most recent call last):
  File "x.py", line 1, in f
sqlite3.IntegrityError: UNIQUE constraint failed: TEST_SESSIONS.SESSION_H

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "x.py", line 2, in g
sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed: {table}
[SQL: INSERT INTO "TEST_SESSIONS" ("SESSION_H") VALUES (?)]
(Background on this error at: http://sqlalche.me/e/13/gkpj)
""".format(table="TEST_SESSIONS.SESSION_H")
    line = allowed.exception_line(log)
    assert line.startswith("sqlalchemy.exc.IntegrityError: ")
    crash = allowed.crash_for("POST", "/api/v1/sessions/", line)
    assert crash.name == "duplicate session hash"
    # The same exception on another route is not that case.
    assert allowed.crash_for("POST", "/api/v1/metrics/", line) is None


# --- the Twin's verdicts, over canned answers ---------------------------------------------


@dataclass
class Canned:
    """A stand-in server answering from a function; its 'state' is a counter."""

    name: str
    reply: object
    port: int = 0
    stored: int = 0
    log_text: str = ""
    sent: list = field(default_factory=list)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def send(self, method, target, body=None, headers=None) -> Answer:
        self.sent.append((method, target))
        if target.endswith("/count") or "page=-1" in target:
            return answer(200, json.dumps({"count": self.stored}).encode(), **JSON)
        return self.reply(self, method, target, body)

    def new_log(self) -> str:
        text, self.log_text = self.log_text, ""
        return text

    def empty(self) -> None:
        self.stored = 0

    def rowids(self) -> dict:
        return {"rows": self.stored}

    def delete_rows_after(self, rowids) -> int:
        removed, self.stored = self.stored - rowids["rows"], rowids["rows"]
        return removed


def crashing(exception: str, stores: bool = False):
    def reply(server, method, target, body):
        server.log_text += f"Traceback (most recent call last):\n  File x\n{exception}\n"
        server.stored += stores
        return answer(500, b'{"message": "Internal Server Error"}', **JSON)

    return reply


def refusing(status=409, stores=False, detail="session a exists"):
    def reply(server, method, target, body):
        server.stored += stores
        body = {"type": "about:blank", "title": "x", "status": status, "detail": detail}
        return answer(status, json.dumps(body).encode(), content_type="application/problem+json")

    return reply


DUPLICATE = "sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed: "
DUPLICATE += "TEST_SESSIONS.SESSION_H"
POST_SESSION = json_request("POST", f"{API}/sessions/", {"session_h": "a"})


def test_a_listed_crash_passes_and_the_real_server_forgets_what_it_stored():
    real = Canned("real", crashing(DUPLICATE, stores=True))
    twin = Twin(real, Canned("mock", refusing()))
    twin.step(POST_SESSION)
    assert twin.transcript[-1].verdict == "allowed: duplicate session hash"
    assert real.stored == 0


@pytest.mark.parametrize(
    ("real", "mock", "why"),
    [
        (crashing("KeyError: 'nope'"), refusing(), "not listed"),
        (crashing(DUPLICATE), refusing(status=500), "must refuse with a 4xx"),
        (crashing(DUPLICATE), refusing(detail=""), "must refuse with a 4xx"),
        (crashing(DUPLICATE), refusing(stores=True), "state changed"),
        (refusing(status=400), refusing(status=422), "answers differ"),
    ],
)
def test_anything_else_fails_with_the_transcript(real, mock, why):
    twin = Twin(Canned("real", real), Canned("mock", mock))
    with pytest.raises(Mismatch, match=why) as failure:
        twin.step(POST_SESSION)
    assert f"#1 POST {API}/sessions/" in str(failure.value)


def test_non_finite_numbers_are_skipped_only_when_the_mock_refuses_them():
    def created(server, method, target, body):
        server.stored += 1
        return answer(201, body, **JSON)

    nan = json_request("POST", f"{API}/metrics/", {"total_time": float("nan")})
    real = Canned("real", created)
    twin = Twin(real, Canned("mock", refusing(status=400, detail="NaN is not JSON")))
    twin.step(nan)
    assert twin.transcript[-1].verdict.startswith("documented")
    assert real.stored == 0
    # The same refusal of a finite number is a difference.
    with pytest.raises(Mismatch):
        twin.step(replace(nan, non_finite=False))


# --- end to end: the real server against a second copy of itself --------------------------


@pytest.fixture(scope="module")
def second_real(tmp_path_factory):
    server = start_real(tmp_path_factory.mktemp("second"))
    try:
        wait_until_up(server, f"{API}/sessions/count", time.monotonic() + 60)
        yield server
    finally:
        server.stop()


@settings(max_examples=10)
@given(requests=st.lists(st.one_of(s.STORE_AND_LIST, s.METRIC_VIEWS, s.MALFORMED), max_size=12))
def test_the_real_server_is_its_own_twin(servers, second_real, requests):
    # No false alarm: nothing in an answer depends on timing, ports or process.
    twin = Twin(servers[0], second_real)
    twin.reset()
    twin.run(requests)


class Sabotaged:
    """The second real server with one answer changed."""

    def __init__(self, server, change):
        self.server, self.change = server, change

    def __getattr__(self, name):
        return getattr(self.server, name)

    def send(self, method, target, body=None, headers=None) -> Answer:
        return self.change(method, target, self.server.send(method, target, body, headers))


def drop_total_page(method, target, got: Answer) -> Answer:
    if target == f"{API}/sessions/" and got.status == 200:
        data = json.loads(got.body)
        data.pop("total_page")
        return replace(got, body=json.dumps(data).encode())
    return got


def no_content_as_ok(method, target, got: Answer) -> Answer:
    return replace(got, status=200) if got.status == 204 else got


@pytest.mark.parametrize("change", [drop_total_page, no_content_as_ok])
def test_a_sabotaged_server_is_caught(servers, second_real, change):
    twin = Twin(servers[0], Sabotaged(second_real, change))
    twin.reset()
    body = {"session_h": "a", "run_date": "2024-05-13T10:00:40", "scm_ref": "x", "description": {}}
    with pytest.raises(Mismatch, match="the answers differ"):
        twin.run(
            [
                json_request("POST", f"{API}/sessions/", body),
                Request("GET", f"{API}/sessions/"),
                Request("GET", f"{API}/sessions/b"),
            ]
        )


# --- every listed crash happens on the real server, as listed ----------------------------

SESSION = {"session_h": "a", "run_date": "2024-05-13T10:00:40", "scm_ref": "x", "description": {}}
CONTEXT = {
    "h": "c",
    "cpu_count": 8,
    "cpu_frequency": 2400,
    "cpu_type": "x86_64",
    "cpu_vendor": "GenuineIntel",
    "ram_total": 16384,
    "machine_node": "n",
    "machine_type": "x86_64",
    "machine_arch": "64bit",
    "system_info": "Linux",
    "python_info": "3.11",
}


def post(collection, body, **options):
    return json_request("POST", f"{API}/{collection}/", body, **options)


def without(body, key):
    return {k: v for k, v in body.items() if k != key}


CRASH_EXAMPLES = {
    "duplicate session hash": [post("sessions", SESSION), post("sessions", SESSION)],
    "duplicate context hash": [post("contexts", CONTEXT), post("contexts", CONTEXT)],
    "session field missing": [post("sessions", without(SESSION, "scm_ref"))],
    "session without a hash, or run_date null": [post("sessions", without(SESSION, "session_h"))],
    "run_date the server cannot render": [post("sessions", {**SESSION, "run_date": "garbage"})],
    "context field missing": [post("contexts", without(CONTEXT, "cpu_frequency"))],
    "context field null": [post("contexts", {**CONTEXT, "cpu_count": None})],
    "context number the server cannot render": [post("contexts", {**CONTEXT, "cpu_count": "x"})],
    "body not read as a JSON object": [post("sessions", SESSION, content_type="text/plain")],
    "value SQLite cannot store": [post("sessions", {**SESSION, "session_h": [1]})],
    "other method on a path that redirects": [Request("PUT", f"{API}/sessions")],
    "page in a GET's JSON body that is not an integer": [
        json_request("GET", f"{API}/sessions/", {"page": None})
    ],
    "page beyond SQLite's integers": [
        Request("GET", f"{API}/sessions/", "page=99999999999999999999")
    ],
    "page in a GET's JSON body read off a list or a string": [
        json_request("GET", f"{API}/sessions/", ["page"])
    ],
    "page links that cannot be built": [
        *(post("sessions", {**SESSION, "session_h": h}) for h in "abcd"),
        Request("GET", f"{API}/sessions/", "session_hash=a"),
    ],
    "with_flags key that is not a JSON path": [
        post("sessions", SESSION),
        Request("GET", f"{API}/sessions/", "with_flags=%5B"),
    ],
    "unknown resource name": [Request("GET", f"{API}/resources/disk/head/metrics")],
}


def test_every_listed_crash_has_an_example():
    assert sorted(CRASH_EXAMPLES) == sorted(c.name for c in allowed.ALLOWED_CRASHES)


@pytest.mark.parametrize("name", sorted(CRASH_EXAMPLES))
def test_the_listed_crash_happens_on_the_real_server(servers, name):
    real = servers[0]
    real.empty()
    real.new_log()
    *setup, crash = CRASH_EXAMPLES[name]
    for request in setup:
        assert real.send(request.method, request.target, request.body, request.headers).status < 300
    got = real.send(crash.method, crash.target, crash.body, crash.headers)
    assert got.status == 500
    twin = Twin(real, real)  # only for its patient reading of the log
    line = twin._crash_line()
    case = allowed.crash_for(crash.method, crash.path, line)
    assert case is not None and case.name == name, line
