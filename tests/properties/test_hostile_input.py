"""Hostile values thrown at every public method of the Preservica and aepublish backends.

Whatever a method is given, it answers or raises one of the domain errors of
``mock_server.core.errors`` (which the app turns into a 4xx): never another exception,
which would be a 500. What it answers, and the state it leaves, must still be writable as
JSON (``GET /_mock/snapshot``) and load into an empty backend again (``--state``).

The values are what a JSON body can hold after ``loads_finite`` (finite floats, integers
within a float's range, any text, lone surrogates included, deep nesting), mixed with
values that fit the fields each method reads, so the checks past the first are reached
too; and wrong Python types where handlers pass text, as a direct caller might.
"""

from __future__ import annotations

import json
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from mock_server.aepublish.backend import AepublishBackend
from mock_server.core.clock import LATEST, MockClock
from mock_server.core.errors import MockError
from mock_server.preservica.backend import PreservicaBackend
from tests.conftest import START

#: What a detail may quote of its input, at most (the problem documents stay small).
DETAIL_LIMIT = 1000

HEX = "0123456789abcdef"
FIELDS = [
    # Preservica
    "users", "monitors", "messages", "timeseries", "username", "password", "tenant", "roles",
    "fullName", "email", "mappedId", "name", "status", "category", "subcategory", "started",
    "completed", "progressText", "percentComplete", "canRetry", "filesPending", "size",
    "filesProcessed", "warnings", "errors", "mappedMonitorId", "monitorName", "date",
    "workflowInstanceId", "message", "displayMessage", "path", "workflowName", "entityTitle",
    "entityRef", "sourceId", "securityDescriptor", "timestamp",
    # aepublish
    "accounts", "definitions", "faults", "history", "id", "access_key_id", "secret_key",
    "active", "password_expired", "unique", "unique_window", "throttle_count",
    "throttle_period", "account_id", "definition", "delay", "times", "latency", "markers",
    "unique_keys", "successes", "marker", "ingest_id", "values", "at", "data",
    "progress_marker", "ts", "seq",
]  # fmt: skip
PLAUSIBLE = [
    "test", "TEST", "Running", "Succeeded", "Pending", "Ingest", "Error", "Warning", "Info",
    "2024-05-01T10:00:00.000Z", "2999-12-31T23:59:59Z", "1900-01-01T00:00:00+23:59", "40",
    "100", "", "a" * 32, "2", "demo-key", "demo-secret", "host/agent/heartbeat", "seq",
    "fault-1",
]  # fmt: skip
NUMBERS = st.one_of(
    st.integers(-3, 3),
    st.sampled_from(
        [2**31, 2**53, 2**53 + 1, 2**63, 2**64, -(2**63) - 1, 10**30, int(1.7e308), -int(1.7e308)]
    ),
    st.sampled_from([LATEST, LATEST + 1, START, 1e300, -1e300, 1.7e308, 0.5, -0.0, 1e-300]),
    st.floats(allow_nan=False, allow_infinity=False),
)
TEXT = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.text(max_size=8),
    st.sampled_from(["\ud800", "x\udfff", "\x00", "a" * 5000, "Z" * 70_000]),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=4)), inner, max_size=6),
    ),
    max_leaves=25,
) | st.sampled_from([_nested(50), _nested(sys.getrecursionlimit() - 100), {"a": _nested(300)}])


def _one_off(valid: dict) -> st.SearchStrategy[dict]:
    """``valid`` with one field (or one more) set to a hostile value: past the checks of
    the other fields, into the one under test."""
    keys = sorted(valid)
    return st.tuples(st.sampled_from([*keys, *FIELDS]), JSON).map(
        lambda change: {**valid, change[0]: change[1]}
    )


MESSAGE = {"status": "Warning", "date": "2024-05-01T10:00:00Z", "displayMessage": "x"}
POINT = {"timestamp": "2024-05-01T10:00:00Z", "filesProcessed": 3, "percentComplete": "40"}
MONITOR = {
    "status": "Running",
    "started": "2024-05-01T09:00:00Z",
    "filesPending": 2,
    "filesProcessed": 3,
    "percentComplete": "60",
    "name": "opex/x",
}
SHAPED_PRESERVICA = st.one_of(
    _one_off(MONITOR),
    _one_off(MONITOR).map(lambda m: {**m, "messages": [MESSAGE]}),
    _one_off(MESSAGE).map(lambda m: {**MONITOR, "messages": [m]}),
    _one_off(POINT).map(lambda p: {**MONITOR, "timeseries": [p]}),
)
SHAPED_SEED = st.one_of(
    SHAPED_PRESERVICA.map(lambda m: {"monitors": [m]}),
    _one_off({"username": "u", "password": "p", "tenant": "T"}).map(lambda u: {"users": [u]}),
)
DEFINITION = {"path": "p/q", "unique": ["seq"], "unique_window": 60, "throttle_count": 3}
FAULT = {"definition": "host/agent/heartbeat", "delay": 2, "times": 2, "latency": 0.5}
ACCOUNT = {"id": "9", "access_key_id": "k9", "secret_key": "s9"}
OBSERVATION = {"definition": "host/agent/heartbeat", "data": {"seq": 1}, "progress_marker": "m"}
HISTORY = {
    "account_id": "2",
    "markers": [{"marker": "m", "ingest_id": "i"}],
    "unique_keys": [
        {"definition": "host/agent/heartbeat", "values": {"seq": 1}, "ingest_id": "i", "at": 5}
    ],
    "successes": [{"definition": "host/agent/heartbeat", "at": [START]}],
}
SHAPED_AEPUBLISH = st.one_of(
    _one_off(DEFINITION).map(lambda d: {"definitions": [d]}),
    _one_off(FAULT).map(lambda f: {"faults": [f]}),
    _one_off(ACCOUNT).map(lambda a: {"accounts": [a]}),
    _one_off(HISTORY).map(lambda h: {"history": [h]}),
    _one_off(HISTORY["unique_keys"][0]).map(
        lambda k: {"history": [{"account_id": "2", "unique_keys": [k]}]}
    ),
)


def _account_seed() -> dict:
    return {
        "accounts": [{"id": "2", "access_key_id": "demo-key", "secret_key": "demo-secret"}],
        "definitions": [
            {"path": "host/agent/heartbeat", "unique": ["seq"], "throttle_count": 2},
        ],
    }


def _preservica_seed() -> dict:
    return {
        "users": [{"username": "test", "password": "test", "tenant": "TEST"}],
        "monitors": [{"mappedId": "a" * 32, "status": "Running", "messages": [{}, {}]}],
    }


def _calls(backend_name: str):
    """(method name, arguments strategy) of every public method."""
    j = JSON
    kw = st.fixed_dictionaries
    if backend_name == "preservica":
        return {
            "load_seed": st.tuples(j | SHAPED_SEED),
            "add_monitor": st.tuples(j | SHAPED_PRESERVICA),
            "advance_monitor": st.tuples(j).flatmap(
                lambda a: kw(
                    {}, optional={"files": j, "status": j, "messages": j | _one_off(MESSAGE)}
                ).map(lambda k: (a, k))
            ),
            "advance_known_monitor": kw(
                {},
                optional={
                    "files": j,
                    "status": j | st.just("Failed"),
                    "messages": st.lists(j | _one_off(MESSAGE), max_size=3),
                },
            ),
            "get_monitor": st.tuples(j),
            "login": st.tuples(j, j, j),
            "refresh": st.tuples(j, j),
            "authenticate": st.tuples(j),
            "user_details": st.tuples(j, j),
            "list_monitors": kw(
                {}, optional={"status": j, "category": j, "subcategory": j, "name": j}
            ),
            "list_messages": st.tuples(j).flatmap(
                lambda a: kw({}, optional={"status": j, "start": j, "max_results": j}).map(
                    lambda k: (a, k)
                )
            ),
            "get_timeseries": st.tuples(j),
            "export_seed": st.just(()),
            "list_users": st.just(()),
        }
    return {
        "load_seed": st.tuples(j | SHAPED_AEPUBLISH),
        "add_account": st.tuples(j | _one_off(ACCOUNT)),
        "add_definition": st.tuples(j | _one_off(DEFINITION)),
        "add_fault": st.tuples(j | _one_off(FAULT)),
        "remove_fault": st.tuples(j),
        "verify_key_pair": st.tuples(j, j),
        "authenticate": st.tuples(j, j),
        "token_info": st.tuples(j),
        "publish": st.tuples(st.just("TOKEN"), j, j),
        "publish_list": st.lists(j | _one_off(OBSERVATION), max_size=5),
        "export_seed": st.just(()),
        "list_accounts": st.just(()),
        "list_definitions": st.just(()),
        "list_faults": st.just(()),
    }


def _split(arguments):
    if isinstance(arguments, dict):
        return (), arguments
    if len(arguments) == 2 and isinstance(arguments[1], dict) and isinstance(arguments[0], tuple):
        return arguments[0], arguments[1]
    return arguments, {}


def _writable(value, where: str) -> None:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as error:  # pragma: no cover - the failure
        raise AssertionError(f"{where} is not writable as JSON: {error}") from error


def _check_error(error: MockError, call: str) -> None:
    assert len(error.detail) <= DETAIL_LIMIT, f"{call}: detail of {len(error.detail)} chars"


def _drive(backend, name: str, data) -> None:
    calls = _calls(name)
    for _ in range(data.draw(st.integers(1, 12), label="calls")):
        method = data.draw(st.sampled_from(sorted(calls)), label="method")
        arguments = data.draw(calls[method], label=method)
        if method == "publish":
            token = backend.authenticate("demo-key", "demo-secret")["token"]
            arguments = (token, *arguments[1:])
        elif method == "advance_known_monitor":
            method, arguments = "advance_monitor", (("a" * 32,), arguments)
        elif method == "publish_list":
            token = backend.authenticate("demo-key", "demo-secret")["token"]
            method, arguments = "publish", (token, "2", arguments)
        args, kwargs = _split(arguments)
        call = f"{method}{args!r:.200}{kwargs!r:.200}"
        try:
            result = getattr(backend, method)(*args, **kwargs)
        except MockError as error:
            _check_error(error, call)
            continue
        _writable(result if method != "publish" else result.body, call)
    snapshot = backend.export_seed()
    _writable(snapshot, "export_seed()")
    # What the backend holds loads into an empty one (a --state file, a snapshot).
    copy = type(backend)(MockClock(start=START, frozen=True))
    copy.load_seed(json.loads(json.dumps(snapshot)))
    assert copy.export_seed() == json.loads(json.dumps(snapshot))


@settings(max_examples=settings.default.max_examples * 8)
@given(data=st.data())
def test_preservica_answers_anything_with_a_domain_error_at_worst(data):
    backend = PreservicaBackend(MockClock(start=START, frozen=True))
    backend.load_seed(_preservica_seed())
    _drive(backend, "preservica", data)


@settings(max_examples=settings.default.max_examples * 8)
@given(data=st.data())
def test_aepublish_answers_anything_with_a_domain_error_at_worst(data):
    backend = AepublishBackend(MockClock(start=START, frozen=True), max_batch=10)
    backend.load_seed(_account_seed())
    _drive(backend, "aepublish", data)
