"""The fast lane changes no answer: every generated request (schema-valid and malformed,
every operation of every spec) gets the same status, content type and body from the mock
with the fast lane as from connexion alone, both freshly seeded on the same frozen clock.

Values the mock draws at random (tokens, ids, names made of uuids) differ between two apps
by design: runs of 24 or more token characters are not compared, nor are clock readings
that differ by less than a tick when a case unfroze the clock, nor the wall-clock time and
duration of the request journal's entries (two apps answer at two moments).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import schemathesis
from hypothesis import settings

from tests.contract.contract import (
    AIMS_KEY_PAIR,
    BASE_URL,
    CONFIG,
    build_app,
    contract_settings,
    load,
    login_aims,
    login_preservica,
    reseed,
)
from tests.contract.known_bugs import assume_not_known_bug

_DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"

#: Each example makes two apps answer; the fast profile samples fewer of them than the
#: contract tests (which already send every request through the fast lane).
alike_settings = settings(
    contract_settings,
    max_examples=contract_settings.max_examples if _DEEP else 6,
)

FAST = build_app()
SLOW = build_app(fast_lane=False)

_DRAWN = re.compile(r"[A-Za-z0-9_\-]{24,}")
_TICK = 0.05
#: A journal entry's wall-clock readings.
_WALL_CLOCK = frozenset({"time", "duration_ms"})


def _same(fast: Any, slow: Any) -> bool:
    if isinstance(fast, dict) and isinstance(slow, dict):
        compared = [k for k in fast if not ("seq" in fast and k in _WALL_CLOCK)]
        return fast.keys() == slow.keys() and all(_same(fast[k], slow[k]) for k in compared)
    if isinstance(fast, list) and isinstance(slow, list):
        return len(fast) == len(slow) and all(map(_same, fast, slow))
    if isinstance(fast, str) and isinstance(slow, str):
        return _DRAWN.sub("*", fast) == _DRAWN.sub("*", slow)
    if isinstance(fast, float) and isinstance(slow, float):
        return abs(fast - slow) < _TICK  # a clock some test unfroze ticks between the calls
    return type(fast) is type(slow) and fast == slow


def _body(response: Any) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return response.content


def _credentials(app: Any, case: Any) -> dict[str, str] | None:
    if case.operation.path == "/aims/v1/authenticate":
        return AIMS_KEY_PAIR
    if case.operation.path.startswith(("/aepublish", "/aims")):
        return login_aims(app)
    if case.operation.path.startswith("/api/") and not case.operation.path.startswith("/api/v1"):
        return login_preservica(app)
    return None


def _answer(app: Any, case: Any) -> Any:
    reseed(app)
    return case.call(base_url=BASE_URL, headers=_credentials(app, case), app=app)


def assert_same_answer(case: Any) -> None:
    assume_not_known_bug(case)
    slow = _answer(SLOW, case)
    fast = _answer(FAST, case)
    assert fast.status_code == slow.status_code, (fast.content, slow.content)
    assert fast.headers.get("content-type") == slow.headers.get("content-type")
    assert _same(_body(fast), _body(slow)), (fast.content, slow.content)


#: The fast profile leaves schemathesis' deterministic coverage phase (hundreds of boundary
#: cases, which the contract tests already send through the fast lane) to the deep one.
ALIKE_CONFIG = (
    CONFIG
    if _DEEP
    else schemathesis.Config.from_dict(
        {
            "generation": {"mode": "all", "with-security-parameters": False},
            "phases": {"coverage": {"enabled": False}},
        }
    )
)

SCHEMAS = {
    name: load(f"{name}.yaml", FAST, ALIKE_CONFIG)
    for name in ("preservica_monitor", "monitor_server", "aepublish", "mock_admin")
}


@SCHEMAS["preservica_monitor"].parametrize()
@alike_settings
def test_preservica_answers_alike(case):
    assert_same_answer(case)


@SCHEMAS["monitor_server"].parametrize()
@alike_settings
def test_monitor_server_answers_alike(case):
    assert_same_answer(case)


@SCHEMAS["aepublish"].parametrize()
@alike_settings
def test_aepublish_answers_alike(case):
    assert_same_answer(case)


@SCHEMAS["mock_admin"].parametrize()
@alike_settings
def test_admin_answers_alike(case):
    assert_same_answer(case)


def test_same_answer_notices_a_difference():
    assert not _same({"a": [1, "x"]}, {"a": [1, "y"]})
    assert not _same({"a": 1}, {"a": 1.0})
    assert not _same({"now": 1.0}, {"now": 2.0})
    assert not _same({"time": 1.0}, {"time": 2.0})
    assert _same({"seq": 1, "time": 1.0}, {"seq": 1, "time": 2.0})
    assert _same({"token": "a" * 30}, {"token": "b" * 30})
    assert not _same("opex/" + "a" * 30, "ipex/" + "b" * 30)
