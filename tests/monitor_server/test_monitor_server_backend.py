"""The monitor-server backend driven directly: what it stores, how it renders, what each view
answers, what it refuses, seed loading and export.

The expected values are the real monitor-server's answers to the same writes (SQLite's
affinity, ``LIKE`` and scan order; flask-restx's marshalling). Pages hold 3 items here
(``conftest.py``); the views use a backend with larger pages, so that one page shows all.
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from typing import Any

import pytest

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput, NotFound
from mock_server.monitor_server.backend import (
    MonitorServerBackend,
    Page,
    PageNotFound,
    SessionFlags,
)
from tests.conftest import START
from tests.monitor_server.payloads import (
    SCM_REF,
    context_payload,
    hash_of,
    metric_payload,
    seed_session_payload,
    session_payload,
    without,
)

NOW = datetime.fromtimestamp(START, tz=timezone.utc).replace(tzinfo=None).isoformat()
NULL_SESSION = {"session_h": None, "run_date": None, "scm_ref": None, "tags": None}


@pytest.fixture
def roomy(clock: MockClock) -> MonitorServerBackend:
    """Pages of 100: every view below fits in its first page."""
    return MonitorServerBackend(clock, page_size=100)


def session_hashes(page: Page | None) -> list[str]:
    assert page is not None
    return [session["session_h"] for session in page.items]


def context_hashes(page: Page) -> list[str]:
    return [context["h"] for context in page.items]


def metric_items(page: Page | list[dict[str, Any]] | None) -> list[str]:
    assert page is not None
    metrics = page.items if isinstance(page, Page) else page
    return [metric["item"] for metric in metrics]


def add_sessions(backend: MonitorServerBackend, *hashes: str, **overrides: Any) -> None:
    for h in hashes:
        backend.create_session(session_payload(h, **overrides))


def add_metrics(backend: MonitorServerBackend, *items: str, **overrides: Any) -> None:
    for item in items:
        backend.create_metric(metric_payload("s1", "c1", item, **overrides))


def counts(backend: MonitorServerBackend) -> tuple[int, int, int]:
    return (
        backend.count_sessions()["count"],
        backend.count_contexts()["count"],
        backend.count_metrics()["count"],
    )


# --------------------------------------------------------------------------- stored values


def test_a_session_is_answered_as_stored_with_its_description_as_tags(backend):
    h = hash_of("s1")
    session = backend.create_session(session_payload(h))
    assert session == {
        "session_h": h,
        "run_date": "2024-05-13T09:12:44.301552",
        "scm_ref": SCM_REF,
        "tags": [
            {"name": "numpy", "value": "1.26.4"},
            {"name": "pipeline_branch", "value": "main"},
        ],
    }
    assert backend.list_sessions().items == [session]


def test_a_context_is_answered_with_its_hash_as_h_and_an_integer_frequency(backend):
    h = hash_of("c1")
    context = backend.create_context(context_payload(h))
    assert context == {**context_payload(h), "cpu_frequency": 2893}
    assert backend.list_contexts().items == [context]


@pytest.mark.parametrize(
    ("field", "sent", "answered"),
    [
        ("cpu_count", "8", 8),
        ("cpu_count", "8.0", 8),
        ("cpu_count", True, 1),
        ("ram_total", "16384", 16384),
        ("ram_total", 1.5, 1),
        ("cpu_frequency", 2500.7, 2500),
        ("cpu_frequency", "2500.7", 2500),
    ],
    ids=repr,
)
def test_a_context_number_is_read_back_as_an_integer(backend, field, sent, answered):
    # INTEGER affinity stores numeric text as a number (a fraction stays one); flask-restx
    # writes int() of it.
    created = backend.create_context(context_payload("c1", **{field: sent}))
    assert created[field] == answered
    assert backend.list_contexts().items[0][field] == answered


@pytest.mark.parametrize(
    ("field", "sent", "answered"),
    [("machine_node", 12, "12"), ("python_info", 3.11, "3.11"), ("cpu_type", False, "0")],
    ids=repr,
)
def test_a_number_in_a_context_text_field_is_stored_as_text(backend, field, sent, answered):
    # TEXT affinity stores a number as its text (a boolean binds as 0 or 1 first).
    assert backend.create_context(context_payload("c1", **{field: sent}))[field] == answered
    assert backend.list_contexts().items[0][field] == answered


def test_numbers_in_session_text_fields_are_stored_as_text(backend):
    session = backend.create_session(session_payload(42, scm_ref=7))
    assert (session["session_h"], session["scm_ref"]) == ("42", "7")
    assert session_hashes(backend.list_sessions("4")) == ["42"]


def test_a_missing_cpu_vendor_is_empty_and_a_null_one_stays_null(backend):
    assert backend.create_context(without(context_payload("c1"), "cpu_vendor"))["cpu_vendor"] == ""
    assert backend.create_context(context_payload("c2", cpu_vendor=None))["cpu_vendor"] is None


def test_metric_numbers_are_answered_as_floats_and_texts_as_sent(backend):
    metric = backend.create_metric(
        metric_payload("s1", "c1", "a", total_time=1, cpu_usage=0, item_start_time="whenever")
    )
    assert metric == {
        **metric_payload("s1", "c1", "a"),
        "total_time": 1.0,
        "cpu_usage": 0.0,
        "item_start_time": "whenever",
    }
    assert type(metric["total_time"]) is float
    assert backend.list_metrics().items == [metric]


def test_a_metric_need_not_name_a_stored_session_or_context(backend):
    backend.create_metric(metric_payload("no-such-session", "no-such-context", "a"))
    assert metric_items(backend.list_session_metrics("no-such-session")) == ["a"]
    assert backend.count_context_metrics("no-such-context") == {"count": 1}


# --------------------------------------------------------------------------- rendering


def test_tag_values_are_written_as_python_str_and_null_stays_null(backend):
    description = {
        "flag": True,
        "jobs": 4,
        "ratio": 0.5,
        "whole": 1.0,
        "nested": {"x": 1},
        "list": [1, "a"],
        "none": None,
        "text": "1.26",
    }
    tags = backend.create_session(session_payload("s1", description=description))["tags"]
    assert tags == [
        {"name": "flag", "value": "True"},
        {"name": "jobs", "value": "4"},
        {"name": "ratio", "value": "0.5"},
        {"name": "whole", "value": "1.0"},
        {"name": "nested", "value": "{'x': 1}"},
        {"name": "list", "value": "[1, 'a']"},
        {"name": "none", "value": None},
        {"name": "text", "value": "1.26"},
    ]
    assert backend.list_sessions().items[0]["tags"] == tags


def test_an_empty_description_gives_no_tags(backend):
    assert backend.create_session(session_payload("s1", description={}))["tags"] == []


@pytest.mark.parametrize(
    ("sent", "answered"),
    [
        ("2024-05-13T09:12:44.301552", "2024-05-13T09:12:44.301552"),
        ("2024-05-13", "2024-05-13T00:00:00"),
        ("2024-05-13T10:00:40Z", "2024-05-13T10:00:40+00:00"),
        ("2024-05-13T10:00:40+02:00", "2024-05-13T10:00:40+02:00"),
        ("2024", "2024-01-01T00:00:00"),
        ("20240513T100040", "2024-05-13T10:00:40"),
    ],
)
def test_run_date_is_re_rendered_as_iso_8601(backend, sent, answered):
    assert backend.create_session(session_payload("s1", run_date=sent))["run_date"] == answered
    assert backend.list_sessions().items[0]["run_date"] == answered


# --------------------------------------------------------------------------- order


def test_sessions_come_in_the_order_stored(backend):
    add_sessions(backend, "m", "a", "z", "b")
    pages = [backend.list_sessions(page=page) for page in (1, 2)]
    assert [session_hashes(page) for page in pages] == [["m", "a", "z"], ["b"]]


def test_a_prefix_lookup_keeps_the_order_stored(roomy):
    add_sessions(roomy, "ab2", "ab1", "b", "ab3", "a")
    assert session_hashes(roomy.list_sessions("ab")) == ["ab2", "ab1", "ab3"]


def test_contexts_come_in_the_order_stored_prefix_lookups_too(roomy):
    for h in ("cd2", "cd1", "x", "cd3"):
        roomy.create_context(context_payload(h))
    assert context_hashes(roomy.list_contexts()) == ["cd2", "cd1", "x", "cd3"]
    assert context_hashes(roomy.list_contexts("cd")) == ["cd2", "cd1", "cd3"]


def test_metrics_come_in_the_order_stored_in_every_listing(roomy):
    for session_h, context_h, item in [("s2", "c1", "c"), ("s1", "c2", "a"), ("s2", "c2", "b")]:
        roomy.create_metric(metric_payload(session_h, context_h, item))
    assert metric_items(roomy.list_metrics()) == ["c", "a", "b"]
    assert metric_items(roomy.list_session_metrics("s2")) == ["c", "b"]
    assert metric_items(roomy.list_context_metrics("c2")) == ["a", "b"]


# --------------------------------------------------------------------------- LIKE


def test_a_prefix_matches_ascii_letters_in_either_case(roomy):
    add_sessions(roomy, "abc", "ABD", "aBe", "xab")
    assert session_hashes(roomy.list_sessions("AB")) == ["abc", "ABD", "aBe"]
    assert session_hashes(roomy.list_sessions("abd")) == ["ABD"]


def test_an_underscore_in_a_prefix_matches_any_one_character(roomy):
    add_sessions(roomy, "abc", "a_c", "ac", "a_")
    assert session_hashes(roomy.list_sessions("a_c")) == ["abc", "a_c"]
    assert session_hashes(roomy.list_sessions("a_")) == ["abc", "a_c", "ac", "a_"]


def test_a_percent_in_a_prefix_matches_any_run_of_characters(roomy):
    add_sessions(roomy, "abxc", "ac", "ba", "a%")
    assert session_hashes(roomy.list_sessions("a%c")) == ["abxc", "ac"]
    assert session_hashes(roomy.list_sessions("%a")) == ["abxc", "ac", "ba", "a%"]


def test_non_ascii_letters_match_only_their_own_case(roomy):
    add_sessions(roomy, "été", "Été", "ÉTÉ")
    assert session_hashes(roomy.list_sessions("é")) == ["été"]
    assert session_hashes(roomy.list_sessions("É")) == ["Été", "ÉTÉ"]
    assert session_hashes(roomy.list_sessions("ÉT")) == ["Été", "ÉTÉ"]


def test_an_empty_prefix_matches_everything(roomy):
    add_sessions(roomy, "b", "a")
    assert session_hashes(roomy.list_sessions("")) == ["b", "a"]


def test_context_prefixes_are_like_patterns_too(roomy):
    for h in ("E9a", "e9b", "e8c", "éa"):
        roomy.create_context(context_payload(h))
    assert context_hashes(roomy.list_contexts("e9")) == ["E9a", "e9b"]
    assert context_hashes(roomy.list_contexts("e_")) == ["E9a", "e9b", "e8c"]
    assert context_hashes(roomy.list_contexts("É")) == []


def test_item_and_variant_like_lookups_match_inside_the_text(roomy):
    add_metrics(roomy, "test_ab", "TEST_x", "check_a", "plain")
    assert metric_items(roomy.list_item_metrics_like("a")) == ["test_ab", "check_a", "plain"]
    assert metric_items(roomy.list_item_metrics_like("T_")) == ["test_ab", "TEST_x"]
    everything = ["test_ab", "TEST_x", "check_a", "plain"]
    assert metric_items(roomy.list_item_metrics_like("%")) == everything
    variants = [("v", "t[1]"), ("w", "T[2]"), ("x", "u")]
    for item, variant in variants:
        roomy.create_metric(metric_payload("s2", "c2", item, item_variant=variant))
    assert metric_items(roomy.list_variant_metrics_like("t[")) == ["v", "w"]


# --------------------------------------------------------------------------- counts


def test_the_session_count_counts_only_sessions_with_an_scm_ref(backend):
    add_sessions(backend, "s1", "s2")
    add_sessions(backend, "s3", "s4", "s5", scm_ref=None)
    add_sessions(backend, "s6", scm_ref="")
    assert backend.count_sessions() == {"count": 3}
    assert backend.list_sessions(page=-1).pages == 2


def test_contexts_and_metrics_are_all_counted(backend):
    for h in ("c1", "c2"):
        backend.create_context(context_payload(h))
    add_metrics(backend, "a", "b", "c", "d")
    assert backend.count_contexts() == {"count": 2}
    assert backend.count_metrics() == {"count": 4}


def test_metric_counts_by_session_context_item_variant_and_scope(backend):
    backend.create_metric(metric_payload("s1", "c1", "a", item_variant="a[1]", kind="module"))
    backend.create_metric(metric_payload("s1", "c2", "a", item_variant="a[2]"))
    backend.create_metric(metric_payload("s2", "c1", "A", item_variant="a[1]"))
    assert backend.count_session_metrics("s1") == {"count": 2}
    assert backend.count_context_metrics("c1") == {"count": 2}
    # Equality, not LIKE: case counts.
    assert backend.count_item_metrics("a") == {"count": 2}
    assert backend.count_variant_metrics("a[1]") == {"count": 2}
    assert backend.count_scope_metrics("function") == {"count": 2}
    assert backend.count_session_metrics("S1") == {"count": 0}


# --------------------------------------------------------------------------- paging


def test_a_listing_is_cut_in_pages_in_order(backend):
    add_sessions(backend, *(f"s{i}" for i in range(7)))
    first, middle, last = (backend.list_sessions(page=page) for page in (1, 2, 3))
    assert [session_hashes(page) for page in (first, middle, last)] == [
        ["s0", "s1", "s2"],
        ["s3", "s4", "s5"],
        ["s6"],
    ]
    assert [(p.page, p.pages, p.prev_page, p.next_page) for p in (first, middle, last)] == [
        (1, 3, None, 2),
        (2, 3, 1, 3),
        (3, 3, 2, None),
    ]


@pytest.mark.parametrize(("asked", "given"), [(-1, 3), (-2, 2), (-3, 1)])
def test_a_negative_page_counts_from_the_end(backend, asked, given):
    add_sessions(backend, *(f"s{i}" for i in range(7)))
    assert backend.list_sessions(page=asked) == backend.list_sessions(page=given)
    assert backend.list_sessions(page=asked).page == given


@pytest.mark.parametrize("page", [0, 4, 100, -4, -100])
def test_a_page_outside_the_listing_is_not_found(backend, page):
    add_sessions(backend, *(f"s{i}" for i in range(7)))
    with pytest.raises(PageNotFound) as caught:
        backend.list_sessions(page=page)
    assert isinstance(caught.value, NotFound)


def test_an_exact_multiple_of_the_page_size_has_no_extra_page(backend):
    add_sessions(backend, "s1", "s2", "s3")
    assert backend.list_sessions().pages == 1
    with pytest.raises(PageNotFound):
        backend.list_sessions(page=2)


def test_page_one_of_nothing_is_an_empty_page_and_no_other_page_exists(backend):
    assert backend.list_sessions() == Page([], 1, 0)
    assert (backend.list_metrics().prev_page, backend.list_metrics().next_page) == (None, None)
    for page in (2, 0, -1):
        with pytest.raises(PageNotFound):
            backend.list_sessions(page=page)


def test_an_offset_beyond_64_bits_is_refused(backend):
    add_sessions(backend, "s1")
    last_addressable = (2**63 - 1) // 3 + 1  # its offset, 3 * (page - 1), still fits
    with pytest.raises(PageNotFound):
        backend.list_sessions(page=last_addressable)
    with pytest.raises(InvalidInput) as caught:
        backend.list_sessions(page=last_addressable + 1)
    assert not isinstance(caught.value, NotFound)
    with pytest.raises(InvalidInput):
        backend.list_metrics(page=10**30)


# --------------------------------------------------------------------------- views


def test_item_variant_and_scope_views_match_exactly(roomy):
    roomy.create_metric(metric_payload("s1", "c1", "test_a", item_variant="test_a[1]"))
    roomy.create_metric(metric_payload("s1", "c1", "test_A", item_variant="test_A", kind="module"))
    roomy.create_metric(metric_payload("s1", "c1", "test_a", item_variant="test_a[2]"))
    roomy.create_metric(metric_payload("s1", "c1", "test_ab", item_variant="test_a[1]"))
    assert metric_items(roomy.list_item_metrics("test_a")) == ["test_a", "test_a"]
    assert metric_items(roomy.list_item_metrics("test_%")) == []
    assert metric_items(roomy.list_variant_metrics("test_a[1]")) == ["test_a", "test_ab"]
    assert metric_items(roomy.list_scope_metrics("module")) == ["test_A"]
    assert metric_items(roomy.list_scope_metrics("Module")) == []


@pytest.fixture
def scm_store(roomy: MonitorServerBackend) -> MonitorServerBackend:
    """Sessions with SCM references (one without), each with one metric, out of order."""
    for h, scm_ref in [("s1", "a1b2"), ("s2", "A1B2c"), ("s3", None), ("s4", "zz"), ("s5", "a1x")]:
        roomy.create_session(session_payload(h, scm_ref=scm_ref))
    for session_h in ("s2", "s4", "s1", "s3", "s5"):
        roomy.create_metric(metric_payload(session_h, "c1", f"of-{session_h}"))
    return roomy


def test_scm_metrics_are_those_of_the_sessions_whose_reference_has_the_prefix(scm_store):
    assert metric_items(scm_store.list_scm_metrics("a1b")) == ["of-s2", "of-s1"]
    assert metric_items(scm_store.list_scm_metrics("A1")) == ["of-s2", "of-s1", "of-s5"]
    assert metric_items(scm_store.list_scm_metrics("a_b")) == ["of-s2", "of-s1"]
    assert scm_store.count_scm_metrics("a1") == {"count": 3}


def test_scm_metrics_of_no_session_are_none_whatever_the_page(scm_store):
    # The real server's early "nothing here": 204 even for a page that would not exist.
    for page in (1, 5, -3, 0):
        assert scm_store.list_scm_metrics("nope", page) is None
    assert scm_store.count_scm_metrics("nope") == {"count": 0}


def test_scm_metrics_of_sessions_without_metrics_are_an_empty_page(scm_store):
    scm_store.create_session(session_payload("s6", scm_ref="lonely"))
    assert scm_store.list_scm_metrics("lonely") == Page([], 1, 0)
    with pytest.raises(PageNotFound):
        scm_store.list_scm_metrics("lonely", 2)


def test_scm_sessions_are_listed_without_their_tags(scm_store):
    page = scm_store.list_scm_sessions("a1")
    assert session_hashes(page) == ["s1", "s2", "s5"]
    assert page.items[0] == {
        "session_h": "s1",
        "run_date": "2024-05-13T09:12:44.301552",
        "scm_ref": "a1b2",
        "tags": None,
    }
    assert scm_store.list_scm_sessions("nope") == Page([], 1, 0)


@pytest.fixture
def component_store(roomy: MonitorServerBackend) -> MonitorServerBackend:
    """Metrics of several components (the empty one included), cases and prefixes."""
    for item, component in [
        ("m1", "core"),
        ("m2", "api"),
        ("m3", ""),
        ("m4", "Core"),
        ("m5", "core"),
        ("m6", "core.api"),
        ("m7", "api"),
    ]:
        roomy.create_metric(metric_payload(f"s-{item}", "c1", item, component=component))
    return roomy


def test_components_are_listed_once_each_where_their_first_metric_is(component_store):
    assert component_store.list_components().items == ["core", "api", "", "Core", "core.api"]
    assert component_store.count_components() == {"count": 5}


def test_components_by_prefix_are_like_patterns(component_store):
    assert component_store.list_components("core").items == ["core", "Core", "core.api"]
    assert component_store.list_components("_p").items == ["api"]
    assert component_store.list_components("x").items == []


def test_component_metrics_match_the_name_as_a_like_pattern_without_wildcard(component_store):
    def metrics_of(component: str) -> list[str]:
        return metric_items(component_store.list_component_metrics(component))

    assert metrics_of("core") == ["m1", "m4", "m5"]
    assert metrics_of("co_e") == ["m1", "m4", "m5"]
    assert metrics_of("core%") == ["m1", "m4", "m5", "m6"]
    # The route without a component lists the metrics whose component is "".
    assert metrics_of("") == ["m3"]


def test_component_item_and_variant_metrics_match_exactly(roomy):
    roomy.create_metric(metric_payload("s1", "c1", "t", component="core", item_variant="t[1]"))
    roomy.create_metric(metric_payload("s1", "c1", "t", component="", item_variant="t[1]"))
    roomy.create_metric(metric_payload("s1", "c1", "t", component="Core", item_variant="t[2]"))
    assert metric_items(roomy.list_component_item_metrics("core", "t")) == ["t"]
    assert roomy.list_component_item_metrics("", "t").items[0]["component"] == ""
    assert roomy.list_component_variant_metrics("Core", "t[2]").items[0]["component"] == "Core"
    assert roomy.list_component_variant_metrics("core", "t[2]") == Page([], 1, 0)


@pytest.fixture
def pipeline_store(roomy: MonitorServerBackend) -> MonitorServerBackend:
    """Sessions of pipelines and builds, then metrics of component "core" pointing at them
    in another order (and one at a session that does not exist)."""
    for h, description in [
        ("s1", {"pipeline_branch": "main", "pipeline_build_no": "12"}),
        ("s2", {"pipeline_branch": "dev", "pipeline_build_no": "7"}),
        ("s3", {"pipeline_branch": "main", "pipeline_build_no": "13"}),
        ("s4", {"pipeline_branch": "main", "pipeline_build_no": ""}),
        ("s5", {"numpy": "1.26.4"}),
        ("s6", {"pipeline_branch": "main", "pipeline_build_no": "12"}),
        ("s7", {"pipeline_branch": ""}),
    ]:
        roomy.create_session(session_payload(h, description=description))
    for session_h in ("s5", "s3", "ghost", "s2", "s1", "s6", "s4", "s3", "s7"):
        roomy.create_metric(metric_payload(session_h, "c1", f"of-{session_h}", component="core"))
    roomy.create_metric(metric_payload("s2", "c1", "elsewhere", component="api"))
    return roomy


def test_pipelines_are_listed_once_each_first_session_first(pipeline_store):
    # A session without the tag, or with it empty, names no pipeline.
    assert pipeline_store.list_pipelines() == ["main", "dev"]


def test_pipeline_builds_are_the_non_empty_builds_first_session_first(pipeline_store):
    assert pipeline_store.list_pipeline_builds("main").items == ["12", "13"]
    assert pipeline_store.list_pipeline_builds("Main") == Page([], 1, 0)


def test_pipeline_build_sessions_are_listed_in_the_order_stored(pipeline_store):
    assert pipeline_store.list_pipeline_build_sessions("main", "12").items == ["s1", "s6"]
    assert pipeline_store.list_pipeline_build_sessions("main", "14") == Page([], 1, 0)


def test_component_pipelines_come_first_metric_first_null_for_no_pipeline(pipeline_store):
    # The metrics' sessions, in metric order: s5 (no pipeline), s3 (main), s2 (dev)... s7
    # (an empty one, listed here though not among the pipelines).
    assert pipeline_store.list_component_pipelines("core").items == [None, "main", "dev", ""]
    assert pipeline_store.list_component_pipelines("api").items == ["dev"]
    # Equality here, not LIKE.
    assert pipeline_store.list_component_pipelines("Core") == Page([], 1, 0)


def test_component_builds_are_the_non_empty_builds_first_metric_first(pipeline_store):
    assert pipeline_store.list_component_builds("core", "main").items == ["13", "12"]
    assert pipeline_store.list_component_builds("api", "main") == Page([], 1, 0)


def test_component_build_sessions_come_first_metric_first(pipeline_store):
    sessions = pipeline_store.list_component_build_sessions
    assert sessions("core", "main", "12").items == ["s1", "s6"]
    assert sessions("core", "dev", "7").items == ["s2"]
    assert sessions("api", "main", "12") == Page([], 1, 0)


def test_tag_values_that_are_not_text_match_no_text_in_pipeline_views(roomy):
    # json_extract gives 12 (a number), which is not the text '12' the route compares with;
    # the build is still listed, written as text.
    description = {"pipeline_branch": "main", "pipeline_build_no": 12}
    roomy.create_session(session_payload("s1", description=description))
    assert roomy.list_pipeline_builds("main").items == ["12"]
    assert roomy.list_pipeline_build_sessions("main", "12") == Page([], 1, 0)


@pytest.fixture
def resource_store(roomy: MonitorServerBackend) -> MonitorServerBackend:
    """Metrics with memory uses holding ties, in two sessions of two pipelines."""
    roomy.create_session(session_payload("s1", description={"pipeline_branch": "main"}))
    roomy.create_session(
        session_payload("s2", description={"pipeline_branch": "dev", "pipeline_build_no": "7"})
    )
    for item, memory, session_h, component in [
        ("a", 5.0, "s1", "core"),
        ("b", 7.0, "s2", "core"),
        ("c", 5.0, "s1", "api"),
        ("d", 1.0, "s2", "core"),
        ("e", 5.0, "s2", "api"),
        ("f", 9.0, "s1", "core"),
    ]:
        roomy.create_metric(
            metric_payload(session_h, "c1", item, mem_usage=memory, component=component)
        )
    return roomy


def test_head_lists_the_metrics_using_most_ties_in_the_order_stored(resource_store):
    most = resource_store.resource_metrics("memory", most=True)
    assert metric_items(most) == ["f", "b", "a", "c", "e", "d"]
    most_three = resource_store.resource_metrics("memory", most=True, limit=3)
    assert metric_items(most_three) == ["f", "b", "a"]


def test_tail_lists_the_metrics_using_least_ties_in_the_order_stored(resource_store):
    least = resource_store.resource_metrics("memory", most=False, limit=4)
    assert metric_items(least) == ["d", "a", "c", "e"]
    assert resource_store.resource_metrics("memory", most=False, limit=0) == []


def test_head_and_tail_of_a_component_pipeline_or_build(resource_store):
    def head(**scope: str) -> list[str]:
        return metric_items(resource_store.resource_metrics("memory", most=True, **scope))

    assert head(component="core") == ["f", "b", "a", "d"]
    assert head(component="Core") == []
    assert head(pipeline="main") == ["f", "a", "c"]
    assert head(pipeline="dev", build="7") == ["b", "e", "d"]
    assert head(pipeline="main", build="7") == []


@pytest.mark.parametrize(
    ("resource", "field"),
    [
        ("memory", "mem_usage"),
        ("cpu", "cpu_usage"),
        ("kernel_time", "kernel_time"),
        ("user_time", "user_time"),
        ("total_time", "total_time"),
    ],
)
def test_each_resource_sorts_by_its_field(roomy, resource, field):
    for item, amount in [("low", 1.0), ("high", 3.0), ("mid", 2.0)]:
        roomy.create_metric(metric_payload("s1", "c1", item, **{field: amount}))
    assert metric_items(roomy.resource_metrics(resource, most=True)) == ["high", "mid", "low"]


def test_head_gives_ten_by_default_and_five_hundred_at_most(roomy):
    roomy.load_seed({"metrics": [{"item": f"t{i}", "mem_usage": i} for i in range(501)]})
    assert len(roomy.resource_metrics("memory", most=True)) == 10
    most = roomy.resource_metrics("memory", most=True, limit=1000)
    assert len(most) == 500
    assert (most[0]["item"], most[-1]["item"]) == ("t500", "t1")


def test_an_unknown_resource_is_not_found(resource_store):
    with pytest.raises(NotFound) as caught:
        resource_store.resource_metrics("mem_usage", most=True)
    assert "mem_usage" in caught.value.detail


def test_session_flags_filter_by_description_values(roomy):
    for h, description in [
        ("s1", {"pipeline_branch": "main", "ci": "1"}),
        ("s2", {"pipeline_branch": "dev"}),
        ("s3", {"ci": "1"}),
        ("s4", {"pipeline_branch": ""}),
    ]:
        roomy.create_session(session_payload(h, description=description))

    def flagged(keys: list[str], values: list[str], match_all: bool = False) -> list[str]:
        return session_hashes(roomy.list_sessions(flags=SessionFlags(keys, values, match_all)))

    assert flagged(["pipeline_branch"], [""]) == ["s1", "s2"]  # set, and not empty
    assert flagged(["pipeline_branch"], ["dev"]) == ["s2"]
    assert flagged(["pipeline_branch", "ci"], ["", ""]) == ["s1", "s2", "s3"]
    assert flagged(["pipeline_branch", "ci"], ["", ""], match_all=True) == ["s1"]


def test_a_flag_that_is_not_a_json_path_is_refused(roomy):
    # `with_flags=.numpy` makes the path "$..numpy", which SQLite refuses.
    roomy.create_session(session_payload("s1"))
    with pytest.raises(InvalidInput) as caught:
        roomy.list_sessions(flags=SessionFlags([".numpy"], [""], False))
    assert "JSON path" in caught.value.detail


# --------------------------------------------------------------------------- refusals


def test_a_session_hash_stored_already_conflicts_and_keeps_the_first(backend):
    backend.create_session(session_payload("s1"))
    with pytest.raises(Conflict):
        backend.create_session(session_payload("s1", description={"numpy": "2.0"}))
    assert backend.count_sessions() == {"count": 1}
    assert backend.list_sessions().items[0]["tags"][0] == {"name": "numpy", "value": "1.26.4"}


def test_a_context_hash_stored_already_conflicts_and_keeps_the_first(backend):
    backend.create_context(context_payload("c1"))
    with pytest.raises(Conflict):
        backend.create_context(context_payload("c1", cpu_count=2))
    assert backend.count_contexts() == {"count": 1}
    assert backend.list_contexts().items[0]["cpu_count"] == 8


def test_the_hash_in_the_url_is_used_when_the_body_has_none(backend):
    assert (
        backend.create_session(without(session_payload("x"), "session_h"), "u1")["session_h"]
        == "u1"
    )
    assert backend.create_session(session_payload("body"), "u2")["session_h"] == "body"
    assert session_hashes(backend.list_sessions()) == ["u1", "body"]


@pytest.mark.parametrize("field", ["session_h", "run_date", "scm_ref", "description"])
def test_a_session_missing_a_field_is_refused(backend, field):
    with pytest.raises(InvalidInput) as caught:
        backend.create_session(without(session_payload("s1"), field))
    assert field in caught.value.detail
    assert counts(backend) == (0, 0, 0)
    assert backend.list_sessions() == Page([], 1, 0)


@pytest.mark.parametrize("field", [k for k in context_payload("c1") if k != "cpu_vendor"])
def test_a_context_missing_a_field_but_its_vendor_is_refused(backend, field):
    with pytest.raises(InvalidInput) as caught:
        backend.create_context(without(context_payload("c1"), field))
    assert repr(field) in caught.value.detail
    assert backend.count_contexts() == {"count": 0}


@pytest.mark.parametrize("body", [None, [], ["session_h"], "s1", 3, True], ids=repr)
def test_a_body_that_is_not_an_object_is_refused(backend, body):
    with pytest.raises(InvalidInput):
        backend.create_session(body)
    with pytest.raises(InvalidInput):
        backend.create_context(body)
    assert counts(backend) == (0, 0, 0)


@pytest.mark.parametrize(
    ("payload", "create"),
    [
        (session_payload("s1", scm_ref={"sha": "abc"}), "create_session"),
        (session_payload("s1", run_date=["2024"]), "create_session"),
        (session_payload(["s1"]), "create_session"),
        (session_payload(2**64), "create_session"),
        (context_payload("c1", machine_node={"name": "ci"}), "create_context"),
        (context_payload("c1", cpu_count=2**64), "create_context"),
        (context_payload("c1", python_info=[3, 11]), "create_context"),
    ],
    ids=[
        "scm-object",
        "date-list",
        "hash-list",
        "hash-huge",
        "node-object",
        "count-huge",
        "info-list",
    ],
)
def test_a_value_sqlite_cannot_store_is_refused(backend, payload, create):
    with pytest.raises(InvalidInput) as caught:
        getattr(backend, create)(payload)
    assert "cannot be stored" in caught.value.detail
    assert counts(backend) == (0, 0, 0)


@pytest.mark.parametrize(
    ("payload", "create"),
    [
        (session_payload("s1", run_date=None), "create_session"),
        (session_payload(None), "create_session"),
        (context_payload("c1", cpu_count=None), "create_context"),
        (context_payload("c1", python_info=None), "create_context"),
    ],
    ids=["run-date", "hash", "cpu-count", "python-info"],
)
def test_a_null_where_the_table_takes_none_is_refused(backend, payload, create):
    with pytest.raises(InvalidInput):
        getattr(backend, create)(payload)
    assert counts(backend) == (0, 0, 0)


@pytest.mark.parametrize(
    "run_date", ["garbage", "2024-05-13 10:00:40", "", "May 13 2024", "2024-13-01"]
)
def test_a_run_date_that_cannot_be_rendered_is_refused_and_not_stored(backend, run_date):
    backend.create_session(session_payload("s0"))
    with pytest.raises(InvalidInput) as caught:
        backend.create_session(session_payload("s1", run_date=run_date))
    assert "run_date" in caught.value.detail
    assert session_hashes(backend.list_sessions()) == ["s0"]
    assert backend.count_sessions() == {"count": 1}


@pytest.mark.parametrize(
    ("field", "value"),
    [("cpu_count", "eight"), ("cpu_frequency", "fast"), ("ram_total", "16 GB")],
)
def test_a_context_number_that_cannot_be_rendered_is_refused_and_not_stored(backend, field, value):
    with pytest.raises(InvalidInput) as caught:
        backend.create_context(context_payload("c1", **{field: value}))
    assert field in caught.value.detail
    assert backend.list_contexts() == Page([], 1, 0)
    # The hash stays free.
    assert backend.create_context(context_payload("c1"))["h"] == "c1"


@pytest.mark.parametrize(
    "description", ["not json", '{"numpy": "1.17.1"}', ["a"], 42, None, True], ids=repr
)
def test_a_description_that_is_not_an_object_is_answered_with_the_null_session(
    backend, description
):
    with pytest.raises(InvalidInput) as caught:
        backend.create_session(session_payload("s1", description=description))
    assert caught.value.body == NULL_SESSION
    assert backend.count_sessions() == {"count": 0}


def test_the_description_is_checked_before_the_other_fields(backend):
    # The real server looks at the description first: other missing fields go unnoticed.
    with pytest.raises(InvalidInput) as caught:
        backend.create_session({"description": "x"})
    assert caught.value.body == NULL_SESSION


def test_the_seed_form_of_a_session_is_answered_with_the_null_session(backend):
    with pytest.raises(InvalidInput) as caught:
        backend.create_session(seed_session_payload("s1"))
    assert caught.value.body == NULL_SESSION


def test_a_metric_off_the_model_is_answered_with_every_error(backend):
    payload = metric_payload("s1", "c1", "a", total_time="0.5", kind=3, mem_usage=None)
    del payload["component"]
    with pytest.raises(InvalidInput) as caught:
        backend.create_metric(payload)
    assert caught.value.body == {
        "errors": {
            "component": "'component' is a required property",
            "kind": "3 is not of type 'string'",
            "mem_usage": "None is not of type 'number'",
            "total_time": "'0.5' is not of type 'number'",
        },
        "message": "Input payload validation failed",
    }
    assert backend.count_metrics() == {"count": 0}


def test_a_metric_body_that_is_not_an_object_is_answered_by_the_model(backend):
    with pytest.raises(InvalidInput) as caught:
        backend.create_metric(["a"])
    assert caught.value.body == {
        "errors": {"": "['a'] is not of type 'object'"},
        "message": "Input payload validation failed",
    }


def test_a_boolean_is_not_a_metric_number(backend):
    with pytest.raises(InvalidInput) as caught:
        backend.create_metric(metric_payload("s1", "c1", "a", cpu_usage=True))
    assert caught.value.body["errors"] == {"cpu_usage": "True is not of type 'number'"}


def test_an_empty_metric_names_every_field(backend):
    with pytest.raises(InvalidInput) as caught:
        backend.create_metric({})
    assert sorted(caught.value.body["errors"]) == sorted(metric_payload("s", "c", "i"))
    assert caught.value.body["errors"]["item"] == "'item' is a required property"


# --------------------------------------------------------------------------- seed data


def test_load_seed_fills_every_default(backend):
    counted = backend.load_seed(
        {"sessions": [{"session_h": "s1"}, {}], "contexts": [{"h": "c1"}], "metrics": [{}]}
    )
    assert counted == {"sessions": 2, "contexts": 1, "metrics": 1}
    first, generated = backend.list_sessions().items
    assert first == {"session_h": "s1", "run_date": NOW, "scm_ref": None, "tags": []}
    assert len(generated["session_h"]) == 40
    assert backend.list_contexts().items == [
        {
            "h": "c1",
            "cpu_count": 4,
            "cpu_frequency": 2500,
            "cpu_type": "x86_64",
            "cpu_vendor": "",
            "ram_total": 16384,
            "machine_node": "localhost",
            "machine_type": "x86_64",
            "machine_arch": "64bit",
            "system_info": "Linux - 6.8.0",
            "python_info": "3.11.9",
        }
    ]
    assert backend.list_metrics().items == [
        {
            "session_h": "",
            "context_h": "",
            "item_start_time": NOW,
            "item_path": "tests.test_module",
            "item": "test_item",
            "item_variant": "test_item",
            "item_fs_loc": "tests/test_module.py",
            "kind": "function",
            "component": "",
            "total_time": 0.0,
            "user_time": 0.0,
            "kernel_time": 0.0,
            "cpu_usage": 0.0,
            "mem_usage": 0.0,
        }
    ]


def test_seeded_sessions_without_an_scm_ref_are_not_counted(backend):
    backend.load_seed({"sessions": [{"session_h": "s1"}, {"session_h": "s2", "scm_ref": "abc"}]})
    assert backend.count_sessions() == {"count": 1}
    assert session_hashes(backend.list_sessions()) == ["s1", "s2"]


def test_load_seed_takes_the_seed_form_of_a_session(backend):
    backend.load_seed({"sessions": [seed_session_payload("s1"), session_payload("s2")]})
    first, second = backend.list_sessions().items
    assert first["session_h"] == "s1"
    assert first["tags"] == [{"name": "numpy", "value": "1.17.1"}]
    assert second["session_h"] == "s2"


def test_a_seeded_metric_variant_defaults_to_its_item(backend):
    backend.load_seed({"metrics": [{"item": "test_x"}, {"item": "test_y", "item_variant": "v"}]})
    assert [m["item_variant"] for m in backend.list_metrics().items] == ["test_x", "v"]


def test_an_empty_section_adds_nothing(backend):
    assert backend.load_seed({}) == {"sessions": 0, "contexts": 0, "metrics": 0}
    assert backend.load_seed({"sessions": None}) == {"sessions": 0, "contexts": 0, "metrics": 0}


def test_seeded_rows_follow_those_stored_before(backend):
    backend.create_session(session_payload("m"))
    backend.load_seed({"sessions": [{"session_h": "z"}, {"session_h": "a"}]})
    backend.create_session(session_payload("b"))
    assert session_hashes(backend.list_sessions()) == ["m", "z", "a"]
    assert session_hashes(backend.list_sessions(page=2)) == ["b"]


@pytest.mark.parametrize(
    ("section", "error", "where"),
    [
        ({"metrics": [{"total_time": "slow"}]}, InvalidInput, "monitor_server.metrics[0]"),
        ({"contexts": [{"h": "c9"}, {"h": "c9"}]}, Conflict, ""),
        ({"sessions": [{"session_h": "s0"}]}, Conflict, ""),
        ({"sessions": [{"description": "[]"}]}, InvalidInput, "monitor_server.sessions[0]"),
        ({"sessions": [{}, {"run_date": "soon"}]}, InvalidInput, "monitor_server.sessions"),
        ({"contexts": [{"cpu_count": "many"}]}, InvalidInput, "monitor_server.contexts"),
        ({"contexts": [{"h": {"x": 1}}]}, InvalidInput, "monitor_server.contexts"),
        ({"sessions": "s9"}, InvalidInput, "monitor_server.sessions"),
        ({"sessions": ["s9"]}, InvalidInput, "monitor_server.sessions[0]"),
    ],
    ids=[
        "metric-off-model",
        "context-twice",
        "session-stored-already",
        "description-not-object",
        "run-date-unrenderable",
        "cpu-count-unrenderable",
        "hash-unstorable",
        "not-a-list",
        "entry-not-an-object",
    ],
)
def test_load_seed_refuses_a_bad_section_whole(backend, section, error, where):
    backend.create_session(session_payload("s0"))
    good = {
        "sessions": [{"session_h": "s9", "scm_ref": "abc"}],
        "contexts": [{"h": "c8"}],
        "metrics": [{"session_h": "s9", "context_h": "c8"}],
    }
    with pytest.raises(error) as caught:
        backend.load_seed({**good, **section})
    assert caught.value.detail.startswith(where)
    assert counts(backend) == (1, 0, 0)
    assert session_hashes(backend.list_sessions()) == ["s0"]
    assert backend.list_metrics() == Page([], 1, 0)


def test_load_seed_refuses_a_section_that_is_not_an_object(backend):
    with pytest.raises(InvalidInput):
        backend.load_seed(["sessions"])  # type: ignore[arg-type]


def test_export_then_load_into_an_empty_backend_reproduces_every_listing(clock):
    original = MonitorServerBackend(clock, page_size=3)
    original.create_session(
        session_payload("s1", run_date="2024", description={"pipeline_branch": "main", "n": 4})
    )
    original.create_session(
        session_payload(
            "s2",
            scm_ref=None,
            run_date="2024-05-13T10:00:40Z",
            description={"pipeline_branch": "dev", "pipeline_build_no": "7", "x": {"y": None}},
        )
    )
    original.create_session(session_payload(42, scm_ref=7, description={}))
    original.create_context(context_payload("c1", cpu_count="8", cpu_frequency=2500.7))
    original.create_context(context_payload("c2", cpu_vendor=None, machine_node=12))
    for i, (session_h, component) in enumerate(
        [("s1", "core"), ("s2", ""), ("42", "api"), ("s1", "core"), ("s2", "Core")]
    ):
        original.create_metric(
            metric_payload(session_h, "c1", f"t{i}", component=component, mem_usage=i % 2)
        )

    copy = MonitorServerBackend(clock, page_size=3)
    assert copy.load_seed(original.export_seed()) == {"sessions": 3, "contexts": 2, "metrics": 5}

    def listings(backend: MonitorServerBackend) -> list[Any]:
        return [
            [backend.list_sessions(page=page) for page in (1, -1)],
            backend.list_sessions("S"),
            [backend.list_contexts(page=page) for page in (1, -1)],
            [backend.list_metrics(page=page) for page in (1, 2)],
            backend.list_components(),
            backend.list_component_metrics("core"),
            backend.list_component_pipelines("core"),
            backend.list_pipelines(),
            backend.list_pipeline_builds("dev"),
            backend.list_scm_sessions("4"),
            backend.list_scm_metrics("7"),
            backend.resource_metrics("memory", most=True),
            [counts(backend), backend.count_components(), backend.count_session_metrics("s1")],
        ]

    assert listings(copy) == listings(original)
    assert copy.export_seed() == original.export_seed()


def test_export_gives_the_rows_as_stored(backend):
    backend.create_session(session_payload("s1", run_date="2024", description={"n": 4}))
    backend.create_context(context_payload("c1", cpu_count="8", cpu_frequency=2500.7))
    exported = backend.export_seed()
    assert exported["sessions"] == [
        {"session_h": "s1", "run_date": "2024", "scm_ref": SCM_REF, "description": {"n": 4}}
    ]
    # SQLite's values: numeric text became a number, a fraction stays one.
    assert (exported["contexts"][0]["cpu_count"], exported["contexts"][0]["cpu_frequency"]) == (
        8,
        2500.7,
    )
    assert exported["metrics"] == []


# --------------------------------------------------------------------------- reset, threads


def test_reset_empties_everything(backend):
    backend.load_seed(
        {
            "sessions": [{"session_h": "s1", "scm_ref": "abc"}],
            "contexts": [{"h": "c1"}],
            "metrics": [{"session_h": "s1", "context_h": "c1"}],
        }
    )
    assert counts(backend) == (1, 1, 1)
    backend.reset()
    assert counts(backend) == (0, 0, 0)
    assert backend.list_components() == Page([], 1, 0)
    # A hash stored before is free again.
    assert backend.create_session(session_payload("s1"))["session_h"] == "s1"


def test_concurrent_writes_from_threads_all_land(backend):
    def create(worker: int) -> None:
        for i in range(50):
            h = hash_of(f"{worker}-{i}")
            backend.create_session(session_payload(h))
            backend.create_metric(metric_payload(h, "c1", "a"))

    threads = [threading.Thread(target=create, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert backend.count_sessions() == {"count": 400}
    assert backend.count_context_metrics("c1") == {"count": 400}
    assert backend.list_sessions(page=-1).pages == 134
