"""The monitor-server backend driven directly: rules, paging, seed loading, thread safety."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest

from mock_server.core.errors import Conflict, InvalidInput, NotFound
from mock_server.monitor_server.paging import page_window
from tests.conftest import START
from tests.monitor_server.payloads import (
    context_payload,
    hash_of,
    metric_payload,
    seed_session_payload,
    session_payload,
)

# ------------------------------------------------------------------ sessions


def test_pytest_monitor_form_is_stored_and_rendered_with_tags(backend):
    h = hash_of("s1")
    session = backend.create_session(session_payload(h))
    assert session == {
        "session_h": h,
        "run_date": "2024-05-13T09:12:44.301552",
        "scm_ref": "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
        "tags": [
            {"key": "numpy", "name": "numpy", "value": "1.26.4"},
            {"key": "pipeline_branch", "name": "pipeline_branch", "value": "main"},
        ],
    }
    assert backend.list_sessions(prefix=h)["sessions"] == [session]


def test_seed_form_parses_the_description_text(backend):
    session = backend.create_session(seed_session_payload(hash_of("s1")))
    assert session["session_h"] == hash_of("s1")
    assert session["tags"] == [{"key": "numpy", "name": "numpy", "value": "1.17.1"}]


def test_non_string_tag_values_are_rendered_as_json_text(backend):
    payload = session_payload(hash_of("s1"), description={"workers": 4, "debug": True})
    tags = backend.create_session(payload)["tags"]
    assert [t["value"] for t in tags] == ["4", "true"]


def test_scm_ref_is_optional(backend):
    payload = session_payload(hash_of("s1"))
    del payload["scm_ref"]
    assert backend.create_session(payload)["scm_ref"] is None


def test_an_existing_session_hash_conflicts_and_keeps_the_first(backend):
    h = hash_of("s1")
    backend.create_session(session_payload(h))
    with pytest.raises(Conflict):
        backend.create_session(seed_session_payload(h))
    assert backend.count_sessions() == {"count": 1}
    assert backend.list_sessions()["sessions"][0]["tags"][0]["value"] == "1.26.4"


@pytest.mark.parametrize(
    "description", ["not json", '["a", "b"]', "42", ["a", "b"], 42, None], ids=repr
)
def test_a_description_that_is_no_object_is_refused_with_the_real_message(backend, description):
    with pytest.raises(InvalidInput) as caught:
        backend.create_session(session_payload(hash_of("s1"), description=description))
    assert caught.value.extra == {"message": "Bad description format"}
    assert backend.count_sessions() == {"count": 0}


@pytest.mark.parametrize(
    "payload",
    [
        {**session_payload("aa"), "h": "bb"},
        {k: v for k, v in session_payload("aa").items() if k != "session_h"},
        session_payload("aa", run_date=20201204),
        session_payload("aa", run_date="yesterday"),
        session_payload("aa", scm_ref=42),
        session_payload(42),
        session_payload(""),
        session_payload("a/b"),
        {k: v for k, v in session_payload("aa").items() if k != "run_date"},
        ["not", "an", "object"],
    ],
    ids=[
        "both-keys",
        "neither-key",
        "date-not-text",
        "date-not-iso",
        "scm-not-text",
        "hash-not-text",
        "hash-empty",
        "hash-with-slash",
        "no-run-date",
        "not-an-object",
    ],
)
def test_malformed_sessions_are_invalid_input(backend, payload):
    with pytest.raises(InvalidInput):
        backend.create_session(payload)
    assert backend.count_sessions() == {"count": 0}


def test_prefix_lookup_returns_only_matches_in_hash_order(backend):
    for h in ["deadbeef", "badcoffee", "deadmeet", "dea", "deb0"]:
        backend.create_session(session_payload(h))
    found = backend.list_sessions(prefix="dead")["sessions"]
    assert [s["session_h"] for s in found] == ["deadbeef", "deadmeet"]
    assert [s["session_h"] for s in backend.list_sessions(prefix="deadb")["sessions"]] == [
        "deadbeef"
    ]
    assert [s["session_h"] for s in backend.list_sessions(prefix="dea")["sessions"]] == [
        "dea",
        "deadbeef",
        "deadmeet",
    ]


def test_prefix_lookup_is_a_literal_case_sensitive_prefix(backend):
    backend.create_session(session_payload("deadbeef"))
    assert backend.list_sessions(prefix="DEAD")["sessions"] == []
    assert backend.list_sessions(prefix="d%")["sessions"] == []


def test_an_unknown_prefix_is_an_empty_first_page(backend):
    backend.create_session(session_payload("deadbeef"))
    result = backend.list_sessions(prefix="feed")
    assert result == {
        "sessions": [],
        "page": 1,
        "prev_page": None,
        "next_page": None,
        "total_page": 0,
    }


# ------------------------------------------------------------------ paging


@pytest.mark.parametrize(
    ("total", "page", "expected"),
    [
        (0, 1, (0, 0, 1, 0)),  # empty: page 1 exists and is empty
        (1, 1, (0, 1, 1, 1)),
        (3, 1, (0, 3, 1, 1)),  # an exact multiple of the page size: no extra page
        (6, 2, (3, 6, 2, 2)),
        (7, 3, (6, 7, 3, 3)),
        (7, -1, (6, 7, 3, 3)),  # negative pages count from the end
        (7, -3, (0, 3, 1, 3)),
    ],
)
def test_page_window_resolves_pages_as_the_real_pager(total, page, expected):
    window = page_window(total, page, page_size=3)
    assert (window.start, window.stop, window.page, window.total_page) == expected


@pytest.mark.parametrize(("total", "page"), [(0, 2), (0, -1), (0, 0), (3, 2), (7, 4), (7, -4)])
def test_pages_outside_the_collection_are_not_found(total, page):
    with pytest.raises(NotFound):
        page_window(total, page, page_size=3)


def test_page_neighbours_are_given_only_where_they_exist(backend):
    for i in range(7):
        backend.create_session(session_payload(f"s{i}"))
    first, middle, last = (backend.list_sessions(page=p) for p in (1, 2, -1))
    assert (first["prev_page"], first["next_page"]) == (None, 2)
    assert (middle["prev_page"], middle["next_page"]) == (1, 3)
    assert (last["page"], last["prev_page"], last["next_page"]) == (3, 2, None)
    pages = [first, middle, last]
    assert [s["session_h"] for p in pages for s in p["sessions"]] == [f"s{i}" for i in range(7)]


# ------------------------------------------------------------------ contexts and metrics


def test_context_is_rendered_with_both_hash_names_and_an_integer_frequency(backend):
    h = hash_of("c1")
    context = backend.create_context(context_payload(h))
    assert context["h"] == context["context_h"] == h
    assert context["cpu_frequency"] == 2893
    assert backend.list_contexts(prefix=h[:6])["contexts"] == [context]


def test_cpu_vendor_defaults_to_empty(backend):
    payload = context_payload("c1")
    del payload["cpu_vendor"]
    assert backend.create_context(payload)["cpu_vendor"] == ""


@pytest.mark.parametrize(
    "payload",
    [
        {k: v for k, v in context_payload("c1").items() if k != "ram_total"},
        context_payload("c1", cpu_count="8"),
        context_payload("c1", cpu_count=True),
        context_payload("c1", cpu_frequency="fast"),
    ],
    ids=["missing-ram", "count-text", "count-bool", "frequency-text"],
)
def test_malformed_contexts_are_invalid_input(backend, payload):
    with pytest.raises(InvalidInput):
        backend.create_context(payload)
    assert backend.count_contexts() == {"count": 0}


def test_an_existing_context_hash_conflicts(backend):
    backend.create_context(context_payload("c1"))
    with pytest.raises(Conflict):
        backend.create_context(context_payload("c1", cpu_count=2))
    assert backend.count_contexts() == {"count": 1}


def test_metrics_are_listed_and_counted_per_session_and_context(backend):
    for session_h, context_h, item in [("s1", "c1", "a"), ("s1", "c2", "b"), ("s2", "c1", "c")]:
        backend.create_metric(metric_payload(session_h, context_h, item))
    assert backend.count_metrics() == {"count": 3}
    assert backend.count_session_metrics("s1") == {"count": 2}
    assert backend.count_context_metrics("c1") == {"count": 2}
    assert backend.count_session_metrics("unknown") == {"count": 0}
    assert [m["item"] for m in backend.list_session_metrics("s1")["metrics"]] == ["a", "b"]
    assert [m["item"] for m in backend.list_context_metrics("c1")["metrics"]] == ["a", "c"]
    assert [m["item"] for m in backend.list_metrics()["metrics"]] == ["a", "b", "c"]


def test_metric_times_are_stored_as_floats(backend):
    metric = backend.create_metric(metric_payload("s1", "c1", "a", total_time=1, cpu_usage=0))
    assert (metric["total_time"], metric["cpu_usage"]) == (1.0, 0.0)
    assert isinstance(metric["total_time"], float)


@pytest.mark.parametrize(
    "payload",
    [
        {k: v for k, v in metric_payload("s1", "c1", "a").items() if k != "mem_usage"},
        metric_payload("s1", "c1", "a", total_time="0.5"),
        metric_payload("s1", "c1", "a", cpu_usage=None),
        metric_payload("s1", "c1", "a", kind=3),
    ],
    ids=["missing-mem", "time-text", "usage-null", "kind-number"],
)
def test_malformed_metrics_are_invalid_input(backend, payload):
    with pytest.raises(InvalidInput):
        backend.create_metric(payload)
    assert backend.count_metrics() == {"count": 0}


# ------------------------------------------------------------------ seed data and reset


def test_load_seed_fills_defaults_from_the_clock(backend):
    counts = backend.load_seed(
        {
            "sessions": [{"session_h": "s1"}, {}],
            "contexts": [{"h": "c1"}],
            "metrics": [{"session_h": "s1", "context_h": "c1", "item": "test_a"}],
        }
    )
    assert counts == {"sessions": 2, "contexts": 1, "metrics": 1}
    expected_date = datetime.fromtimestamp(START, tz=timezone.utc).replace(tzinfo=None)
    sessions = backend.list_sessions()["sessions"]
    generated = next(s for s in sessions if s["session_h"] != "s1")
    assert len(generated["session_h"]) == 40
    assert all(s["run_date"] == expected_date.isoformat() for s in sessions)
    assert all(s["tags"] == [] for s in sessions)
    metric = backend.list_metrics()["metrics"][0]
    assert (metric["item_variant"], metric["kind"]) == ("test_a", "function")
    assert metric["item_start_time"] == expected_date.isoformat()
    assert backend.count_session_metrics("s1") == {"count": 1}


def test_load_seed_accepts_both_session_forms(backend):
    counts = backend.load_seed({"sessions": [session_payload("s1"), seed_session_payload("s2")]})
    assert counts == {"sessions": 2, "contexts": 0, "metrics": 0}
    assert [s["session_h"] for s in backend.list_sessions()["sessions"]] == ["s1", "s2"]


def test_an_empty_section_adds_nothing(backend):
    assert backend.load_seed({}) == {"sessions": 0, "contexts": 0, "metrics": 0}


@pytest.mark.parametrize(
    ("section", "error"),
    [
        ({"metrics": [{"session_h": "s9", "context_h": "c9", "total_time": "slow"}]}, InvalidInput),
        ({"metrics": [{"context_h": "c9"}]}, InvalidInput),
        ({"contexts": [{"h": "c9"}, {"h": "c9"}]}, Conflict),
        ({"sessions": [{"session_h": "s9", "description": "[]"}]}, InvalidInput),
        ({"sessions": [{"session_h": "s0"}]}, Conflict),  # already stored
        ({"sessions": "s9"}, InvalidInput),
        ({"sessions": ["s9"]}, InvalidInput),
    ],
    ids=[
        "bad-metric",
        "metric-no-session",
        "context-twice",
        "bad-description",
        "existing",
        "not-a-list",
        "not-objects",
    ],
)
def test_load_seed_is_all_or_nothing(backend, section, error):
    backend.create_session(session_payload("s0"))
    good = {
        "sessions": [{"session_h": "s9"}],
        "contexts": [{"h": "c8"}],
        "metrics": [{"session_h": "s9", "context_h": "c8", "item": "a"}],
    }
    with pytest.raises(error):
        backend.load_seed({**good, **section})
    assert backend.count_sessions() == {"count": 1}
    assert backend.count_contexts() == {"count": 0}
    assert backend.count_metrics() == {"count": 0}


def test_load_seed_merges_with_existing_records_in_hash_order(backend):
    backend.create_session(session_payload("m"))
    backend.load_seed({"sessions": [{"session_h": "z"}, {"session_h": "a"}]})
    backend.create_session(session_payload("b"))
    assert [s["session_h"] for s in backend.list_sessions()["sessions"]] == ["a", "b", "m"]
    assert [s["session_h"] for s in backend.list_sessions(page=2)["sessions"]] == ["z"]


def test_seeded_and_created_sessions_are_found_by_long_and_short_prefixes(backend):
    seeded = [hash_of(f"seeded-{i}") for i in range(50)]
    created = [hash_of(f"created-{i}") for i in range(50)]
    backend.load_seed({"sessions": [{"session_h": h} for h in seeded]})
    for h in created:
        backend.create_session(session_payload(h))
    for h in seeded + created:
        assert [s["session_h"] for s in backend.list_sessions(prefix=h[:12])["sessions"]] == [h]
    short = seeded[0][:2]
    expected = sorted(h for h in seeded + created if h.startswith(short))
    found = backend.list_sessions(prefix=short)["sessions"]
    assert [s["session_h"] for s in found] == expected[:3]


def test_reset_empties_everything(backend):
    backend.load_seed(
        {
            "sessions": [{"session_h": "s1"}],
            "contexts": [{"h": "c1"}],
            "metrics": [{"session_h": "s1", "context_h": "c1", "item": "a"}],
        }
    )
    backend.reset()
    assert backend.count_sessions() == backend.count_contexts() == {"count": 0}
    assert backend.count_metrics() == backend.count_session_metrics("s1") == {"count": 0}
    assert backend.list_sessions(prefix="s")["sessions"] == []


# ------------------------------------------------------------------ concurrency


def test_concurrent_creations_from_threads_all_land(backend):
    def create(worker: int) -> None:
        for i in range(125):
            h = hash_of(f"{worker}-{i}")
            backend.create_session(session_payload(h))
            backend.create_metric(metric_payload(h, "c1", "a"))

    threads = [threading.Thread(target=create, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert backend.count_sessions() == {"count": 1000}
    assert backend.count_context_metrics("c1") == {"count": 1000}
    hashes = backend._sessions.hashes
    assert hashes == sorted(hashes) and len(set(hashes)) == 1000
