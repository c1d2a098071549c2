"""The fault check precomputes what it can from the rules alone (the rules per API, the
starts of their paths), so a request no rule can take is done with in a lookup or two:
it must still pick exactly the rule a plain walk through every rule picks."""

from __future__ import annotations

import fnmatch

from hypothesis import given
from hypothesis import strategies as st

from mock_server.core.errors import MockError
from mock_server.core.faults import FaultRules

OPERATIONS = {
    "aepublish": frozenset({"publish_observations", "authenticate"}),
    "monitor_server": frozenset({"count_sessions", "list_sessions_by_prefix"}),
}
PATHS = [
    "/aepublish/v1/2/observation",
    "/aims/v1/authenticate",
    "/api/v1/sessions/count",
    "/api/v1/sessions/f00d",
    "/never/x",
    "/api/v1/sessions/",
]
GLOBS = [
    "/never/*",
    "*/count",
    "/api/v1/*",
    "/aepublish/*/observation",
    "*",
    "/api/v1/sessions/?00d",
]


def _matches(rule: dict, api: str, operation: str | None, method: str, path: str) -> bool:
    match = rule["match"]
    return (
        match.get("api", api) == api
        and match.get("operation", operation) == operation
        and match.get("method", method) == method
        and ("path" not in match or fnmatch.fnmatchcase(path, match["path"]))
    )


MATCH = st.fixed_dictionaries(
    {},
    optional={
        "api": st.sampled_from(sorted(OPERATIONS)),
        "operation": st.sampled_from(sorted(set().union(*OPERATIONS.values()))),
        "method": st.sampled_from(["GET", "POST"]),
        "path": st.sampled_from(GLOBS),
    },
)


@given(
    matches=st.lists(MATCH, max_size=5),
    requests=st.lists(
        st.sampled_from(sorted(OPERATIONS)).flatmap(
            # a request's operation is one of its API's (or none fits it)
            lambda api: st.tuples(
                st.just(api),
                st.sampled_from([None, *sorted(OPERATIONS[api])]),
                st.sampled_from(["GET", "POST"]),
                st.sampled_from(PATHS),
            )
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_the_rule_picked_is_the_first_that_matches(matches, requests):
    faults = FaultRules(OPERATIONS)
    rules = []
    for match in matches:
        if (
            "operation" in match
            and "api" in match
            and match["operation"] not in OPERATIONS[match["api"]]
        ):
            continue  # refused when added
        rules.append(faults.add({"match": match, "action": {"status": 503}}))
    for api, operation, method, path in requests:
        expected = next((r["id"] for r in rules if _matches(r, api, operation, method, path)), None)
        starts = faults.path_starts
        if starts is not None and not path.startswith(starts):
            assert expected is None  # the middleware's shortcut skips only what none takes
            continue
        hit = faults.pick(api, operation, method, path)
        assert (hit.rule_id if hit else None) == expected


def test_a_rule_for_another_path_is_not_even_routed():
    faults = FaultRules(OPERATIONS)
    faults.add({"match": {"path": "/never/*"}, "action": {"status": 500}})
    assert faults.path_starts == ("/never/",)
    faults.add({"match": {"method": "DELETE"}, "action": {"status": 500}})
    assert faults.path_starts is None  # a rule without a path: every request is checked


def test_a_rule_of_one_api_is_not_checked_for_another():
    faults = FaultRules(OPERATIONS)
    faults.add({"match": {"operation": "publish_observations"}, "action": {"status": 500}})
    assert faults._by_api == {"aepublish": faults._by_api["aepublish"], "monitor_server": ()}
    assert faults.pick("monitor_server", "count_sessions", "GET", "/x") is None
    hit = faults.pick("aepublish", "publish_observations", "POST", "/aepublish/v1/2/observation")
    assert hit is not None


@given(
    rule=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["match", "action", "api", "path", "latency", "status", "x" * 500])
                | st.integers()
                | st.text(max_size=3),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_rule_is_added_or_refused_with_a_short_detail(rule):
    faults = FaultRules(OPERATIONS)
    try:
        added = faults.add(rule)
    except MockError as refused:
        assert len(refused.detail) < 300, refused.detail
        assert faults.list() == []
    else:
        assert faults.list() == [added]


def test_a_huge_value_is_quoted_short():
    faults = FaultRules(OPERATIONS)
    for rule in (
        {"match": {"api": "a" * 100_000}, "action": {"status": 500}},
        {"match": {"operation": "o" * 100_000}, "action": {"status": 500}},
        {"action": {"status": 500, "headers": {"\n" * 100_000: "x"}}},
        {"y" * 100_000: 1, "action": {"status": 500}},
    ):
        try:
            faults.add(rule)
        except MockError as refused:
            assert len(refused.detail) < 300
        else:
            raise AssertionError(f"{rule!r:.80} was taken")
