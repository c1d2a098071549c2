"""Hostile input to aepublish and AIMS: each was a 500 (or a hang, or a snapshot that could
not be written) before; now a 400 problem, or an `error` outcome inside a 200, and the
state stays writable. ``tests/properties/test_hostile_input.py`` searches for more."""

from __future__ import annotations

import json

import httpx
import pytest

from mock_server.aepublish.backend import MAX_INTEGER, MAX_SECONDS, AepublishBackend
from mock_server.aepublish.judge import UNIQUE_DEPTH
from mock_server.core.errors import (
    InvalidInput,
    MockError,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
)
from mock_server.core.faults import MAX_LATENCY
from mock_server.core.specs import spec_document
from tests.aepublish.aepublish_seeds import ACME, FINDING, HEARTBEAT, observation, outcomes

PUBLISH = "/aepublish/v1/2/observation"
JSON = {"content-type": "application/json"}


def nested(depth: int, leaf: object = 1) -> object:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


# --- the 413 is decided on the length alone ----------------------------------------------------


class _Watched(dict):
    """An observation that counts how often the judge looks into it."""

    reads = 0

    def get(self, *args):
        _Watched.reads += 1
        return super().get(*args)

    def __getitem__(self, key):
        _Watched.reads += 1
        return super().__getitem__(key)


def test_a_batch_above_the_limit_is_refused_before_any_observation_is_looked_at(backend, token):
    _Watched.reads = 0
    batch = [_Watched(observation()) for _ in range(backend.max_batch + 1)]
    with pytest.raises(PayloadTooLarge, match=f"the limit is {backend.max_batch}"):
        backend.publish(token, "2", batch)
    assert _Watched.reads == 0
    backend.publish(token, "2", batch[:1])
    assert _Watched.reads > 0  # the watch itself works


async def test_over_http_the_413_comes_whatever_the_observations_hold(client, auth):
    # Observations that would each be judged an error, some deep: the count decides first.
    batch = json.dumps([{"data": nested(60)}] * 11 + [7, "x"])
    answer = await client.post(PUBLISH, headers={**auth, **JSON}, content=batch)
    assert answer.status_code == 413
    assert answer.json()["detail"] == "13 observations in one request; the limit is 10"


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "item"),
    [
        ("definition", {"path": "p", "unique_window": MAX_SECONDS + 1}),
        ("definition", {"path": "p", "throttle_period": 10**300}),
        ("definition", {"path": "p", "throttle_count": MAX_INTEGER + 1}),
        ("definition", {"path": "p", "unique_window": 1e308}),
        ("fault", {"definition": "p", "latency": MAX_LATENCY + 1}),
        ("fault", {"definition": "p", "latency": 1e300}),
        ("fault", {"definition": "p", "delay": 2**64}),
        ("fault", {"definition": "p", "times": 10**30}),
    ],
)
def test_numbers_beyond_what_the_rules_can_add_are_refused(backend, kind, item):
    add = backend.add_definition if kind == "definition" else backend.add_fault
    (field,) = set(item) - {"path", "definition"}
    with pytest.raises(
        InvalidInput, match=rf"^{kind}\.{field}: .* (greater than|maximum|not of type)"
    ):
        add(item)


def test_the_admin_schemas_hold_the_bounds_the_rules_can_add():
    """The backend takes its bounds from the admin spec's schemas: they must be these."""
    schemas = spec_document("admin")["components"]["schemas"]
    definition = schemas["ObservationDefinition"]["properties"]
    fault = schemas["FaultRule"]["properties"]
    seed_fault = schemas["SeedFault"]["properties"]
    for properties in (fault, seed_fault):
        assert properties["delay"]["maximum"] == properties["times"]["maximum"] == MAX_INTEGER
        assert properties["latency"]["maximum"] == MAX_LATENCY
    assert definition["throttle_count"]["maximum"] == MAX_INTEGER
    assert definition["unique_window"]["maximum"] == MAX_SECONDS
    assert definition["throttle_period"]["maximum"] == MAX_SECONDS


def test_a_huge_window_judged_later_was_an_overflow(backend, token, clock):
    """The regression: a window of 1e308 went in; every later observation of it added it
    to a time (OverflowError, a 500). Now refused; the largest allowed window works."""
    backend.add_definition({"path": "p", "unique": ["k"], "unique_window": MAX_SECONDS})
    first = backend.publish(token, "2", [{"definition": "p", "data": {"k": 1}}]).body
    clock.advance(10**9)
    token = backend.authenticate(ACME["access_key_id"], ACME["secret_key"])["token"]
    again = backend.publish(token, "2", [{"definition": "p", "data": {"k": 1}}]).body
    assert outcomes(first) == ["success"]
    assert outcomes(again) == ["suppressed"]


async def test_a_fault_latency_above_60_s_is_a_400(client, make_app):
    # Every API and the demo data: a fault rule names a definition the mock has.
    app = make_app(empty=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as admin:
        for latency in (60.5, 3600, 1e300):
            answer = await admin.post(
                "/_mock/aepublish/faults", json={"definition": HEARTBEAT, "latency": latency}
            )
            assert answer.status_code == 400, answer.text
            answer = await admin.post(
                "/_mock/seed",
                json={"aepublish": {"faults": [{"definition": HEARTBEAT, "latency": latency}]}},
            )
            assert answer.status_code == 400, answer.text
        kept = await admin.post(
            "/_mock/aepublish/faults", json={"definition": HEARTBEAT, "latency": 60}
        )
        assert kept.status_code == 201
        assert [f["latency"] for f in app.mock_state.aepublish.list_faults()] == [60]


# --- unique values, markers, text -------------------------------------------------------------


def test_a_unique_value_nested_too_deep_is_an_error_outcome(backend, token):
    backend.add_definition({"path": "deep", "unique": ["k"]})
    deep = {"definition": "deep", "data": {"k": nested(UNIQUE_DEPTH + 1)}}
    fine = {"definition": "deep", "data": {"k": nested(UNIQUE_DEPTH)}}
    body = backend.publish(token, "2", [deep, fine, fine]).body
    assert outcomes(body) == ["error", "success", "suppressed"]
    assert f"deeper than {UNIQUE_DEPTH} levels" in body["observations"][0]["details"]
    # One deeper than Python recurses (a direct caller's): still an outcome, not a crash.
    deepest = {"definition": "deep", "data": {"k": nested(100_000)}}
    assert outcomes(backend.publish(token, "2", [deepest]).body) == ["error"]


def test_unique_integers_beyond_64_bits_are_kept_and_written(backend, token):
    big = {"definition": FINDING, "data": {"finding_id": 10**30}}
    assert outcomes(backend.publish(token, "2", [big, big]).body) == ["success", "suppressed"]
    copy = AepublishBackend(backend.clock)
    copy.load_seed(json.loads(json.dumps(backend.export_seed())))
    assert copy.export_seed() == backend.export_seed()


async def test_a_snapshot_holding_an_integer_beyond_64_bits_is_written(make_app):
    """The admin API's encoder (orjson) writes 64-bit integers only: the snapshot was a 500."""
    app = make_app(empty=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        aims = await client.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
        headers = {"X-AIMS-Auth-Token": aims.json()["authentication"]["token"]}
        big = [{"definition": "aws/guardduty/finding", "data": {"finding_id": 10**30}}]
        published = await client.post(PUBLISH, json=big, headers=headers)
        assert published.json()["stats"]["success"] == 1
        snapshot = await client.get("/_mock/snapshot")
        assert snapshot.status_code == 200
        keys = snapshot.json()["aepublish"]["history"][0]["unique_keys"]
        assert {"finding_id": 10**30} in [key["values"] for key in keys]


@pytest.mark.parametrize(
    "account",
    [
        {"id": "\ud800"},
        {"id": "9", "access_key_id": "k\udfff"},
        {"id": "9", "name": "x\ud800"},
    ],
)
async def test_an_account_id_with_a_lone_surrogate_is_a_400(client, state, account):
    """Its AIMS user id is a uuid5 of its ids as UTF-8, which cannot encode one: a 500."""
    with pytest.raises(InvalidInput, match="lone surrogate"):
        state.aepublish.add_account(account)
    with pytest.raises(InvalidInput, match="lone surrogate"):
        state.load_seed({"aepublish": {"accounts": [account]}})
    assert state.aepublish.list_accounts() == []


def test_wrong_types_where_handlers_pass_text_are_refused(backend, token):
    """Found by the property test: dict lookups with unhashable values raised TypeError."""
    for bad in ([], {"a": 1}, 7, None):
        with pytest.raises(Unauthorized):
            backend.token_info(bad)
        with pytest.raises(Unauthorized):
            backend.authenticate(bad, "x")
        assert backend.verify_key_pair(ACME["access_key_id"], bad) is False
        with pytest.raises(NotFound):
            backend.remove_fault(bad)
    # a secret holding a lone surrogate is only a wrong secret
    assert backend.verify_key_pair(ACME["access_key_id"], "demo\ud800") is False


@pytest.mark.parametrize(
    "history",
    [
        {"account_id": "2", "successes": [{"definition": HEARTBEAT, "at": [5, "x", None]}]},
        {"account_id": "2", "successes": [{"definition": HEARTBEAT, "at": [1e300]}]},
        {
            "account_id": "2",
            "unique_keys": [
                {"definition": FINDING, "values": {"k": nested(200)}, "ingest_id": "i", "at": 1}
            ],
        },
        {"account_id": "2", "markers": [{"marker": "\ud800", "ingest_id": "i"}]},
    ],
)
def test_a_seed_history_that_cannot_be_held_is_refused(backend, history):
    # Mixed types in `at` were sorted before being checked: a TypeError.
    with pytest.raises(InvalidInput):
        backend.load_seed({"history": [history]})


def test_details_quote_a_few_hundred_bytes_at_most(backend, token):
    huge = "x" * 100_000
    body = backend.publish(token, "2", [{"definition": huge}]).body
    assert len(body["observations"][0]["details"]) < 300
    for call in (
        lambda: backend.add_definition({"path": "p", huge: 1}),
        lambda: backend.remove_fault(huge),
        lambda: backend.publish(token, huge, []),
        lambda: backend.add_fault({"definition": "p", "delay": huge}),
    ):
        with pytest.raises(MockError) as refused:
            call()
        assert len(refused.value.detail) < 300, refused.value.detail
