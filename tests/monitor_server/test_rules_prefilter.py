"""``rules.match`` tries only the rules filed under the path's resource, finds the usual
rule with one expression over them, skips a rule whose literal text the path (its slashes
merged) does not start with, and builds the merged-slashes redirect only for a path
holding "//": all exact, so the front door answers as if every rule were tried in full."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mock_server.monitor_server.rules import (
    _MATCH_ORDER,
    _SLASHES,
    Match,
    _filed,
    match,
    quote_redirect_path,
)

_SEGMENTS = sorted(
    {part for rule in _MATCH_ORDER for part in rule.rule.split("/")}
    | {"x", "10", "abc", "%20", "ä", "", "\n"}
)
paths = st.builds(
    lambda parts, slash, doubled: ("/" + "/".join(parts) + ("/" if slash else "")).replace(
        "/", "//", doubled
    ),
    st.lists(st.sampled_from(_SEGMENTS), max_size=10),
    st.booleans(),
    st.integers(0, 2),
)
methods = st.sampled_from(["GET", "POST", "DELETE", "HEAD", "OPTIONS"])


@st.composite
def rule_paths(draw: st.DrawFn) -> str:
    """A path one rule is written for (its arguments filled in), then perhaps cut short,
    lengthened, slashed at its end or given a run of slashes: near every rule's edges."""
    rule = draw(st.sampled_from(_MATCH_ORDER))
    value = st.sampled_from(["x", "10", "count", "metrics", "ä", "%20", "1.5"])
    path = "".join(text if converter is None else draw(value) for converter, text in rule.parts)
    edit = draw(st.sampled_from(["none", "cut", "longer", "slash", "unslash", "double"]))
    if edit == "cut":
        path = path.rsplit("/", 1)[0] or "/"
    elif edit == "longer":
        path += "/" + draw(value)
    elif edit == "slash":
        path += "/"
    elif edit == "unslash":
        path = path.rstrip("/") or "/"
    elif edit == "double":
        at = draw(st.sampled_from([i for i, char in enumerate(path) if char == "/"]))
        path = path[:at] + "/" + path[at:]
    return path


def every_rule_in_order(path: str, method: str) -> Match:
    """werkzeug's matching with nothing skipped: each rule in its order, in full."""
    allowed: set[str] = set()
    for rule in _MATCH_ORDER:
        found = rule.matches(path, method)
        if isinstance(found, str):
            return Match(redirect=found)
        if found is not None:
            if method in rule.methods:
                return Match(rule=rule)
            allowed |= rule.methods
    return Match(allowed=frozenset(allowed))


@settings(max_examples=300)
@given(path=rule_paths() | paths, method=methods)
def test_match_answers_as_every_rule_tried_in_order(path, method):
    assert match(path, method) == every_rule_in_order(path, method)


@given(path=paths)
def test_a_rule_whose_regex_matches_passes_the_prefilter(path):
    merged = _SLASHES.sub("/", path)
    filed = [rule for _, rule in _filed(merged).rules]
    for rule in _MATCH_ORDER:
        if rule.regex.match(path):
            assert merged.startswith(rule.literal), (rule.rule, path)
            assert rule in filed, (rule.rule, path)


@given(path=paths)
def test_the_rules_filed_for_a_path_keep_werkzeugs_order(path):
    filed = [rule for _, rule in _filed(_SLASHES.sub("/", path)).rules]
    assert list(filed) == [rule for rule in _MATCH_ORDER if rule in filed]


@given(path=paths, method=methods)
def test_a_path_without_double_slashes_is_never_redirected_for_merging(path, method):
    if "//" in path:
        return
    for rule in _MATCH_ORDER:
        found = rule.matches(path, method)
        if isinstance(found, str):  # a redirect: only the folder's slash is added
            assert found == quote_redirect_path(path + "/"), (rule.rule, path, found)
