"""The aepublish backend against a reference model of its six ordered rules (docs/aepublish.md).

A ``RuleBasedStateMachine`` adds definitions (shared and per-account), faults with and
without ``times``, moves the clock, logs in and publishes random batches for two
accounts. Every observation's outcome, and the ingest_id it points at, must equal what
``ReferenceAepublish`` - plain lists and linear scans - says; stats, latency and the
fault listing must agree too.

Definitions are replaced mid-run as specs/mock_admin.yaml documents it: a stored
definition's quota counts the successes from the moment it is stored, and earlier unique
keys (property name -> JSON value) still suppress. The regression tests at the end pin
JSON value equality and what replacing a definition does.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from mock_server.aepublish.backend import TOKEN_LIFETIME, AepublishBackend
from mock_server.core.clock import MockClock
from mock_server.core.errors import Forbidden, InvalidInput, NotFound, PayloadTooLarge, Unauthorized
from tests.conftest import START
from tests.properties._support import assert_machine_fails, machine_settings, refused

ACCOUNTS = {"2": ("key-2", "secret-2"), "3": ("key-3", "secret-3")}
PATHS = ("p/alpha", "p/beta", "p/gamma")
UNKNOWN_PATH = "p/never-defined"
MARKERS = ("", "m1", "m2", "m3")
# Values of unique properties; JSON equality tells true from 1 and 2 from 2.0 apart... or not.
VALUES = (None, True, False, 0, 1, 1.0, 2, 2.0, "x", "1", [2], [2.0], [2, "x"], {"k": "x"})
MAX_BATCH = 5
OUTCOMES = {"success", "retry", "error", "suppressed", "throttled", "duplicate"}


# --------------------------------------------------------------------------- the model


def json_equal(a: Any, b: Any) -> bool:
    """Equality of JSON values: booleans are not numbers, numbers compare by value."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def is_malformed(observation: Any) -> bool:
    if not isinstance(observation, dict) or not isinstance(observation.get("definition"), str):
        return True
    marker, ts, data = (observation.get(k) for k in ("progress_marker", "ts", "data"))
    return (
        (marker is not None and not isinstance(marker, str))
        or (ts is not None and (isinstance(ts, bool) or not isinstance(ts, (int, float))))
        or (data is not None and not isinstance(data, dict))
    )


@dataclass
class Success:
    account: str
    path: str
    ingest_id: str
    at: float
    marker: str | None
    key: dict | None  # unique property name -> value, under the definition of the time


class ReferenceAepublish:
    """The rules, read literally, over a flat list of every success."""

    def __init__(self) -> None:
        #: (account or None, path) -> (definition, how many successes there were when stored)
        self.definitions: dict[tuple[str | None, str], tuple[dict, int]] = {}
        self.faults: list[dict] = []  # in creation order, the first that matches answers
        self.successes: list[Success] = []

    def store(self, definition: dict) -> None:
        key = (definition["account_id"], definition["path"])
        self.definitions[key] = (definition, len(self.successes))

    def definition(self, account: str, path: str) -> tuple[dict, int] | None:
        own = self.definitions.get((account, path))
        return own if own is not None else self.definitions.get((None, path))

    def judge(self, account: str, observation: Any, now: float, issued: Any) -> tuple[dict, float]:
        """The expected result (and fault latency); ``issued`` is the id the backend gave,
        which the model adopts when it too says success."""
        if is_malformed(observation):
            return {"outcome": "error"}, 0
        found = self.definition(account, observation["definition"])
        if found is None:
            return {"outcome": "error"}, 0
        definition, stored_at = found
        path = definition["path"]
        for fault in self.faults:
            if fault["definition"] == path:
                if fault["times"] is not None:
                    fault["times"] -= 1
                    if fault["times"] == 0:
                        self.faults.remove(fault)
                return {"outcome": "retry", "delay": fault["delay"]}, fault["latency"]
        mine = [(i, s) for i, s in enumerate(self.successes) if s.account == account]
        marker = observation.get("progress_marker")
        for _, s in mine:
            if marker is not None and s.marker == marker:
                return {"outcome": "duplicate", "ingest_id": s.ingest_id}, 0
        data = observation.get("data") or {}
        key = {name: data.get(name) for name in definition["unique"]} or None
        if key is not None:
            same = [s for _, s in mine if s.path == path and json_equal(s.key, key)]
            if same and now < same[-1].at + definition["unique_window"]:
                return {"outcome": "suppressed", "ingest_id": same[-1].ingest_id}, 0
        if definition["throttle_count"] is not None:
            recent = [
                s
                for i, s in mine
                if i >= stored_at and s.path == path and now - s.at < definition["throttle_period"]
            ]
            if len(recent) >= definition["throttle_count"]:
                return {"outcome": "throttled"}, 0
        self.successes.append(Success(account, path, issued, now, marker, key))
        expected = {"outcome": "success", "ingest_id": issued}
        if marker is not None:
            expected["chkpt"] = marker
        return expected, 0


# --------------------------------------------------------------------------- strategies


ANY_PATH = st.sampled_from(PATHS)
ANY_SCOPE = st.sampled_from([None, "2", "3"])  # shared, or one account's own


def definitions(
    path: st.SearchStrategy[str] = ANY_PATH, account_id: st.SearchStrategy = ANY_SCOPE
) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {
            "path": path,
            # In one order: a reordered list forgets earlier keys (pinned below).
            "unique": st.lists(st.sampled_from(["a", "b"]), unique=True, max_size=2).map(sorted),
            # Not 0: a key recorded under a window of 0 is a question the spec leaves open.
            "unique_window": st.sampled_from([1, 10, 60, 3600]),
            "throttle_count": st.none() | st.integers(0, 3),
            "throttle_period": st.sampled_from([1, 10, 60]),
            "account_id": account_id,
        }
    )


#: A seed defines every path for every account (so most observations get past rule 1),
#: then adds a few more: per-account overrides, or a later one replacing an earlier one.
seeds = (
    st.tuples(*(definitions(st.just(p), st.none()) for p in PATHS))
    .map(list)
    .flatmap(lambda shared: st.lists(definitions(), max_size=4).map(lambda more: shared + more))
)


@st.composite
def well_formed(draw: st.DrawFn) -> dict:
    observation: dict[str, Any] = {
        "definition": draw(st.sampled_from((*PATHS, *PATHS, UNKNOWN_PATH))),
    }
    marker = draw(st.none() | st.sampled_from(MARKERS))
    if marker is not None:
        observation["progress_marker"] = marker
    data = draw(
        st.none()
        | st.just("absent")
        | st.dictionaries(
            st.sampled_from("abc"),
            # Mostly a few values, so that unique values collide often.
            st.integers(0, 2).flatmap(lambda n: st.sampled_from(VALUES if n == 0 else ("x", 2))),
            max_size=3,
        )
    )
    if data != "absent":
        observation["data"] = data
    if draw(st.booleans()):
        observation["ts"] = draw(st.sampled_from([START, 1_700_000_000, 12.5]))
    if draw(st.booleans()):
        observation["source"] = "agent-7"  # other keys are allowed
    return observation


malformed = st.sampled_from(
    [
        42,
        "text",
        None,
        [PATHS[0]],
        {"data": {}},
        {"definition": 7},
        {"definition": None, "data": {}},
        {"definition": PATHS[0], "progress_marker": 1},
        {"definition": PATHS[0], "ts": "yesterday"},
        {"definition": PATHS[0], "ts": True},
        {"definition": PATHS[0], "data": [1, 2]},
    ]
)
# About one in eight malformed (st.one_of would give each kind half).
observations = st.integers(0, 7).flatmap(lambda n: malformed if n == 0 else well_formed())
batches = st.lists(observations, max_size=MAX_BATCH + 1)
accounts = st.sampled_from(sorted(ACCOUNTS))


# --------------------------------------------------------------------------- the machine


class AepublishMachine(RuleBasedStateMachine):
    backend_class: type[AepublishBackend] = AepublishBackend

    def __init__(self) -> None:
        super().__init__()
        self.clock = MockClock(start=START, frozen=True)
        self.backend = self.backend_class(self.clock, max_batch=MAX_BATCH)
        self.model = ReferenceAepublish()
        self.tokens: dict[str, tuple[str, float]] = {}  # account -> (token, expires at)
        self.issued: set[str] = set()

    @initialize(seeded=seeds)
    def seed(self, seeded: list[dict]) -> None:
        self.backend.load_seed(
            {
                "accounts": [
                    {"id": a, "access_key_id": k, "secret_key": s} for a, (k, s) in ACCOUNTS.items()
                ],
                "definitions": seeded,
            }
        )
        for definition in seeded:
            self.model.store(definition)
        for account in ACCOUNTS:
            self.login(account)

    # --- admin -------------------------------------------------------------------------

    @rule(definition=definitions())
    def add_definition(self, definition: dict) -> None:
        path = definition["path"]
        if definition["account_id"] is None and any(
            (account, path) in self.model.definitions for account in ACCOUNTS
        ):
            return  # a shared one replaced under an account's own resets that one (pinned)
        assert self.backend.add_definition(definition) == definition
        self.model.store(definition)

    @rule(
        path=st.sampled_from((*PATHS, UNKNOWN_PATH)),
        delay=st.integers(0, 9),
        times=st.none() | st.integers(1, 3),
        latency=st.sampled_from([0, 0, 0.25, 2]),
    )
    def add_fault(self, path: str, delay: int, times: int | None, latency: float) -> None:
        fault: dict[str, Any] = {"definition": path, "delay": delay, "latency": latency}
        if times is not None:
            fault["times"] = times
        added = self.backend.add_fault(fault)
        assert {k: added[k] for k in fault} == fault
        self.model.faults.append({**fault, "times": times, "id": added["id"]})

    @precondition(lambda self: self.model.faults)
    @rule(data=st.data())
    def remove_fault(self, data: st.DataObject) -> None:
        fault = data.draw(st.sampled_from(self.model.faults))
        self.backend.remove_fault(fault["id"])
        self.model.faults.remove(fault)
        with refused(NotFound):
            self.backend.remove_fault(fault["id"])

    @rule()
    def clear_faults(self) -> None:
        self.backend.clear_faults()
        self.model.faults.clear()

    @rule(seconds=st.sampled_from([0, 1, 9, 10, 11, 59, 60, 61, 3599, 3600, 3 * 3600]))
    def advance_clock(self, seconds: int) -> None:
        self.clock.advance(seconds)

    # --- AIMS and publishing -----------------------------------------------------------

    @rule(account=accounts)
    def login(self, account: str) -> None:
        answer = self.backend.authenticate(*ACCOUNTS[account])
        assert answer["account"]["id"] == account
        self.tokens[account] = (answer["token"], self.clock.now() + TOKEN_LIFETIME)

    def _live_token(self, account: str) -> str | None:
        """The account's token, or None after checking the backend refuses it too."""
        token, expires_at = self.tokens[account]
        if self.clock.now() < expires_at:
            return token
        with refused(Unauthorized):
            self.backend.publish(token, account, [])
        return None

    @rule(account=accounts, batch=batches)
    def publish_more(self, account: str, batch: list) -> None:
        """Publishing is what the machine is about: a second rule makes it twice as likely."""
        self.publish(account, batch)

    @rule(account=accounts, batch=batches)
    def publish(self, account: str, batch: list) -> None:
        token = self._live_token(account)
        if token is None:
            return
        if len(batch) > MAX_BATCH:
            with refused(PayloadTooLarge):
                self.backend.publish(token, account, batch)
            return
        publication = self.backend.publish(token, account, batch)
        results = publication.body["observations"]
        assert len(results) == len(batch)
        now = self.clock.now()
        latency = 0.0
        for i, (observation, actual) in enumerate(zip(batch, results, strict=True)):
            issued = actual.get("ingest_id") if actual["outcome"] == "success" else None
            expected, fault_latency = self.model.judge(account, observation, now, issued)
            latency = max(latency, fault_latency)
            if expected["outcome"] == "error":  # "error with details"; others may explain too
                assert isinstance(actual.get("details"), str), (i, actual)
                assert actual["details"], (i, actual)
            seen = {k: v for k, v in actual.items() if k != "details"}
            assert seen == expected, f"observation {i} of {batch!r}"
            if expected["outcome"] == "success":
                assert isinstance(issued, str)
                assert issued not in self.issued, f"ingest_id {issued} handed out twice"
                self.issued.add(issued)
        stats = publication.body["stats"]
        assert set(stats) <= OUTCOMES
        assert +Counter(stats) == Counter(r["outcome"] for r in results)
        assert publication.latency == latency

    @rule(
        account=accounts,
        body=st.sampled_from([{}, "[]", None, 3, {"definition": PATHS[0]}]),
        to_the_other=st.booleans(),
    )
    def publish_refused(self, account: str, body: Any, to_the_other: bool) -> None:
        """Not an array (400), or to the other account (403, which is checked first)."""
        token = self._live_token(account)
        if token is None:
            return
        if to_the_other:
            other = next(a for a in ACCOUNTS if a != account)
            with refused(Forbidden):
                self.backend.publish(token, other, [{"definition": PATHS[0]}])
        else:
            with refused(InvalidInput):
                self.backend.publish(token, account, body)

    @invariant()
    def faults_are_the_models(self) -> None:
        listed = self.backend.list_faults()
        expected = [
            {k: v for k, v in fault.items() if not (k == "times" and v is None)}
            for fault in self.model.faults
        ]
        assert listed == expected


AepublishMachine.TestCase.settings = machine_settings(scale=2)
TestAepublishMachine = AepublishMachine.TestCase


# --------------------------------------------------------------------------- it can fail


class _OffByOneThrottle(AepublishBackend):
    """Rule 5 broken: one more success than ``throttle_count`` gets through."""

    def _definition_resolver(self, account_id):
        resolve = super()._definition_resolver(account_id)

        def lenient(path):
            definition = resolve(path)
            if definition is None or definition.throttle_count is None:
                return definition
            return dataclasses.replace(definition, throttle_count=definition.throttle_count + 1)

        return lenient


class _SharedBeforeOwn(AepublishBackend):
    """Definition lookup broken: a shared definition wins over the account's own."""

    def _definition_resolver(self, account_id):
        own = self._account_definitions.get(account_id, {})
        return lambda path: self._shared_definitions.get(path) or own.get(path)


@pytest.mark.parametrize("broken", [_OffByOneThrottle, _SharedBeforeOwn])
def test_the_machine_finds_a_broken_rule(broken):
    machine = type(f"Machine{broken.__name__}", (AepublishMachine,), {"backend_class": broken})
    assert_machine_fails(machine)


# ----------------------------------------------------------- regressions and pinned bugs


def _backend_with(definition: dict) -> tuple[AepublishBackend, str, MockClock]:
    clock = MockClock(start=START, frozen=True)
    backend = AepublishBackend(clock)
    backend.load_seed(
        {
            "accounts": [{"id": "2", "access_key_id": "k", "secret_key": "s"}],
            "definitions": [{"path": "p", **definition}],
        }
    )
    return backend, backend.authenticate("k", "s")["token"], clock


def _outcomes(backend: AepublishBackend, token: str, *data: Any) -> list[str]:
    body = backend.publish(token, "2", [{"definition": "p", "data": d} for d in data]).body
    return [r["outcome"] for r in body["observations"]]


def test_a_boolean_unique_value_is_not_the_number_one():
    backend, token, _ = _backend_with({"unique": ["a"], "unique_window": 60})
    assert _outcomes(backend, token, {"a": True}, {"a": 1}) == ["success", "success"]


def test_equal_numbers_are_equal_inside_an_array_too():
    backend, token, _ = _backend_with({"unique": ["a"], "unique_window": 60})
    assert _outcomes(backend, token, {"a": 2}, {"a": 2.0}) == ["success", "suppressed"]
    assert _outcomes(backend, token, {"a": [3]}, {"a": [3.0]}) == ["success", "suppressed"]


def test_replacing_unique_properties_does_not_match_other_properties():
    backend, token, _ = _backend_with({"unique": ["a"], "unique_window": 60})
    assert _outcomes(backend, token, {"a": "x"}) == ["success"]
    backend.add_definition({"path": "p", "unique": ["b"], "unique_window": 60})
    assert _outcomes(backend, token, {"a": "y", "b": "x"}) == ["success"]


def test_a_quota_set_later_counts_from_when_it_was_set():
    """Documented in specs/mock_admin.yaml: a new or replaced definition's quota starts
    counting when it is stored (the successes before it are not counted)."""
    backend, token, _ = _backend_with({})
    assert _outcomes(backend, token, {}, {}) == ["success", "success"]
    backend.add_definition({"path": "p", "throttle_count": 1, "throttle_period": 60})
    assert _outcomes(backend, token, {}, {}) == ["success", "throttled"]


def test_replacing_a_quota_starts_it_afresh():
    backend, token, clock = _backend_with({"throttle_count": 1, "throttle_period": 60})
    assert _outcomes(backend, token, {}, {}) == ["success", "throttled"]
    clock.advance(1)
    backend.add_definition({"path": "p", "throttle_count": 2, "throttle_period": 60})
    assert _outcomes(backend, token, {}, {}, {}) == ["success", "success", "throttled"]


def test_reordering_the_unique_properties_keeps_earlier_keys():
    backend, token, _ = _backend_with({"unique": ["a", "b"], "unique_window": 60})
    assert _outcomes(backend, token, {"a": 1, "b": 2}) == ["success"]
    backend.add_definition({"path": "p", "unique": ["b", "a"], "unique_window": 60})
    assert _outcomes(backend, token, {"a": 1, "b": 2}) == ["suppressed"]


def test_storing_a_shared_definition_leaves_an_accounts_own_quota_alone():
    backend, token, _ = _backend_with({"throttle_count": 1, "throttle_period": 60})
    backend.add_definition(
        {"path": "p", "throttle_count": 1, "throttle_period": 60, "account_id": "2"}
    )
    assert _outcomes(backend, token, {}, {}) == ["success", "throttled"]
    backend.add_definition({"path": "p", "throttle_count": 5, "throttle_period": 60})
    assert _outcomes(backend, token, {}) == ["throttled"]  # account 2's own quota is used up
