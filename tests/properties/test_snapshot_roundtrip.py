"""Snapshots: random operations on every backend, then the state's snapshot loaded into an
empty mock must give a mock that answers every read the same and judges the next
observations the same; the snapshot is a valid seed document, and a snapshot of the copy
is the snapshot itself."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mock_server import MockClock, MockConfig, MockState
from mock_server.core.errors import MockError
from mock_server.core.seed import validate_seed
from tests.conftest import START
from tests.monitor_server.payloads import (
    context_payload,
    hash_of,
    metric_payload,
    session_payload,
)

PATHS = ("a/one", "b/two", "c/three")
MARKERS = ("m1", "m2", "m3", None)
ACCOUNTS = ("2", "3")

steps = st.one_of(
    st.tuples(st.just("clock"), st.integers(0, 4000)),
    st.tuples(st.just("user"), st.sampled_from(["ann", "bob"]), st.text("ab", max_size=3)),
    st.tuples(
        st.just("monitor"),
        st.sampled_from(["Pending", "Running", "Succeeded", "Failed"]),
        st.integers(0, 5),
        st.lists(st.sampled_from(["Info", "Warning", "Error", "Debug"]), max_size=3),
        st.booleans(),  # null progress fields, as a monitor not started
    ),
    st.tuples(
        st.just("advance"),
        st.integers(0, 5),
        st.integers(0, 3),
        st.sampled_from([None, "Running", "Succeeded"]),
        st.integers(0, 2),
    ),
    st.tuples(st.just("session"), st.integers(0, 5), st.sampled_from([None, "main", "dev"])),
    st.tuples(st.just("context"), st.integers(0, 3)),
    st.tuples(st.just("metric"), st.integers(0, 5), st.integers(0, 3), st.sampled_from("xyz")),
    st.tuples(
        st.just("definition"),
        st.sampled_from(PATHS),
        st.booleans(),  # unique on data.k
        st.sampled_from([None, 1, 2]),  # throttle_count
        st.sampled_from([None, "3"]),  # an account's own definition
    ),
    st.tuples(st.just("fault"), st.sampled_from(PATHS), st.sampled_from([None, 1, 2])),
    st.tuples(
        st.just("publish"),
        st.sampled_from(ACCOUNTS),
        st.lists(
            st.tuples(st.sampled_from(PATHS), st.sampled_from(MARKERS), st.integers(0, 2)),
            min_size=1,
            max_size=4,
        ),
    ),
)


def fresh() -> MockState:
    state = MockState(MockConfig(empty=True), clock=MockClock(start=START, frozen=True))
    state.load_seed(
        {
            "aepublish": {
                "accounts": [
                    {"id": a, "access_key_id": f"key-{a}", "secret_key": "s"} for a in ACCOUNTS
                ],
                # Definitions from the start, so most publications succeed and leave history
                # behind (the steps may replace them).
                "definitions": [
                    {"path": "a/one", "unique": ["k"], "unique_window": 3600},
                    {"path": "b/two"},
                    {"path": "c/three", "throttle_count": 2, "throttle_period": 600},
                ],
            }
        }
    )
    return state


def observations(batch: list[tuple[str, str | None, int]]) -> list[dict[str, Any]]:
    return [
        {"definition": path, "data": {"k": value}} | ({"progress_marker": marker} if marker else {})
        for path, marker, value in batch
    ]


def apply(state: MockState, step: tuple) -> None:
    kind, *args = step
    monitors = [m["mappedId"] for m in state.preservica.list_monitors()]
    if kind == "clock":
        state.clock.advance(args[0])
    elif kind == "user":
        state.preservica.load_seed({"users": [{"username": args[0], "password": args[1]}]})
    elif kind == "monitor":
        status, pending, messages, not_started = args
        monitor: dict[str, Any] = {
            "status": status,
            "filesPending": pending,
            "messages": [
                {"status": s, "displayMessage": f"{s} {i}"} for i, s in enumerate(messages)
            ],
        }
        if not_started:
            monitor.update(started=None, progressText=None, percentComplete=None)
        state.preservica.add_monitor(monitor)
    elif kind == "advance" and monitors:
        which, files, status, messages = args
        state.preservica.advance_monitor(
            monitors[which % len(monitors)],
            files=files,
            status=status,
            messages=[{"status": "Warning"}] * messages,
        )
    elif kind == "session":
        state.monitor_server.create_session(
            session_payload(hash_of(f"s{args[0]}"), scm_ref=args[1])
        )
    elif kind == "context":
        state.monitor_server.create_context(context_payload(hash_of(f"c{args[0]}")))
    elif kind == "metric":
        session, context, item = args
        state.monitor_server.create_metric(
            metric_payload(hash_of(f"s{session}"), hash_of(f"c{context}"), item)
        )
    elif kind == "definition":
        path, unique, throttle, account = args
        state.aepublish.add_definition(
            {
                "path": path,
                "unique": ["k"] if unique else [],
                "unique_window": 3600 if unique else 0,
                "throttle_count": throttle,
                "throttle_period": 600,
                "account_id": account,
            }
        )
    elif kind == "fault":
        state.aepublish.add_fault({"definition": args[0], "delay": 3, "times": args[1]})
    elif kind == "publish":
        account, batch = args
        token = state.aepublish.authenticate(f"key-{account}", "s")["token"]
        state.aepublish.publish(token, account, observations(batch))


def pages(listing) -> list[Any]:
    items, page = [], 1
    while True:
        try:
            found = listing(page)
        except MockError:
            return items
        if found is None:
            return items
        items += found.items
        if found.next_page is None:
            return items
        page += 1


def reads(state: MockState) -> dict[str, Any]:
    """Every read a client can make of the state (tokens aside)."""
    preservica, monitor_server, aepublish = state.preservica, state.monitor_server, state.aepublish
    monitors = preservica.list_monitors()
    return {
        "clock": (state.clock.now(), state.clock.frozen),
        "users": preservica.list_users(),
        "monitors": monitors,
        "messages": [preservica.list_messages([m["mappedId"]], max_results=1000) for m in monitors],
        "all messages": preservica.list_messages(
            [m["mappedId"] for m in monitors], max_results=1000
        ),
        "timeseries": [preservica.get_timeseries(m["mappedId"]) for m in monitors],
        "sessions": pages(lambda p: monitor_server.list_sessions(page=p)),
        "contexts": pages(lambda p: monitor_server.list_contexts(page=p)),
        "metrics": pages(lambda p: monitor_server.list_metrics(page=p)),
        "counts": (
            monitor_server.count_sessions(),
            monitor_server.count_contexts(),
            monitor_server.count_metrics(),
        ),
        "scm": pages(lambda p: monitor_server.list_scm_sessions("main", page=p)),
        "components": pages(lambda p: monitor_server.list_components(page=p)),
        "accounts": aepublish.list_accounts(),
        "definitions": aepublish.list_definitions(),
        "faults": aepublish.list_faults(),
    }


def judged(state: MockState, account: str, batch: list) -> list[dict[str, Any]]:
    token = state.aepublish.authenticate(f"key-{account}", "s")["token"]
    results = state.aepublish.publish(token, account, observations(batch)).body["observations"]
    # Ids handed out now are fresh on each side: named by their order; an id from before
    # the snapshot (a duplicate's, a suppressed one's) must be the very same.
    fresh_ids: dict[str, str] = {}
    normalized = []
    for result in results:
        result = dict(result)
        if result["outcome"] == "success":
            fresh_ids[result["ingest_id"]] = f"new-{len(fresh_ids)}"
        if "ingest_id" in result:
            result["ingest_id"] = fresh_ids.get(result["ingest_id"], result["ingest_id"])
        normalized.append(result)
    return normalized


@given(
    st.lists(steps, max_size=25),
    st.sampled_from(ACCOUNTS),
    st.lists(
        st.tuples(st.sampled_from(PATHS), st.sampled_from(MARKERS), st.integers(0, 2)),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 700),
)
def test_a_snapshot_loaded_into_an_empty_mock_answers_and_judges_the_same(
    history, account, next_batch, later
):
    original = fresh()
    for step in history:
        # A refusal leaves the state as it was, as it does over HTTP.
        with contextlib.suppress(MockError):
            apply(original, step)
    snapshot = original.export_seed()
    validate_seed(snapshot)  # the seed document format takes it, as POST /_mock/seed would

    copy = MockState(MockConfig(empty=True), clock=MockClock(start=0, frozen=True))
    copy.load_seed(snapshot)
    assert copy.export_seed() == snapshot
    assert reads(copy) == reads(original)

    for state in (original, copy):
        state.clock.advance(later)
    assert judged(copy, account, next_batch) == judged(original, account, next_batch)
    assert reads(copy) == reads(original)


def test_a_running_clock_keeps_its_lead():
    state = MockState(MockConfig(empty=True), clock=MockClock(start=time.time() + 10**6))
    snapshot = state.export_seed()
    assert snapshot["clock"]["frozen"] is False and snapshot["clock"]["offset"] > 10**5
    copy = MockState(MockConfig(empty=True))
    copy.load_seed(snapshot)
    assert abs(copy.clock.now() - state.clock.now()) < 5 and not copy.clock.frozen


def test_old_seed_documents_stay_valid_and_a_refused_one_leaves_the_clock():
    state = MockState(MockConfig(empty=True), clock=MockClock(start=START, frozen=True))
    old = {"aepublish": {"faults": [{"definition": "a/one", "delay": 2, "times": 1}]}}
    assert validate_seed(old) is old
    assert state.load_seed(old)["aepublish"]["faults"] == 1
    refused = {"clock": {"now": 5.0}, "preservica": {"monitors": [{"status": "Nope"}]}}
    try:
        state.load_seed(refused)
    except MockError:
        pass
    else:
        raise AssertionError("an unknown status must be refused")
    assert state.clock.now() == START
