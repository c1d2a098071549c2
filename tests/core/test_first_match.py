"""``FirstMatch`` names the first of its expressions that matches, as trying each in turn
would."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mock_server.core.first_match import FirstMatch

PATTERNS = [
    r"^/a/(?P<x>[^/]+)$",
    r"^/a/count$",  # never first for /a/count: the one above takes it
    r"^/a/(?P<x>[^/]+)/b$",  # the same group name again
    r"^/n/(?P<n>-?[0-9]+(\.[0-9]+)?)$",  # an unnamed group inside
    r"^/p/(?P<rest>.*)$",
    r"^/",  # anything else under the root
]


def each_in_turn(text: str) -> int | None:
    return next((i for i, p in enumerate(PATTERNS) if re.match(p, text)), None)


@pytest.mark.parametrize(
    ("text", "first"),
    [("/a/count", 0), ("/a/x/b", 2), ("/n/1.5", 3), ("/n/x", 5), ("/p/", 4), ("x", None)],
)
def test_the_first_expression_that_matches_is_named(text, first):
    assert FirstMatch(PATTERNS)(text) == first


@given(st.lists(st.sampled_from(["a", "b", "n", "p", "count", "1.5", "-2", "", "x"]), max_size=4))
def test_it_answers_as_trying_each_in_turn(segments):
    text = "/" + "/".join(segments)
    assert FirstMatch(PATTERNS)(text) == each_in_turn(text)


def test_an_expression_matching_only_the_start_is_no_match():
    assert FirstMatch([r"^/a$", r"^/a/b$"])("/a/bc") is None


def test_a_shared_start_is_matched_once_with_the_same_answers():
    shared = FirstMatch([r"^/a/(?P<x>[^/]+)$", r"^/a/(?P<x>[^/]+)/b$"], shared="/a/")
    assert [shared(t) for t in ("/a/x", "/a/x/b", "/a/", "/b/x")] == [0, 1, None, None]
    with pytest.raises(ValueError, match="after"):
        FirstMatch([r"^/a/x$", r"^/b/x$"], shared="/a/")


def test_no_expressions_match_nothing():
    assert FirstMatch([])("/") is None


def test_an_expression_must_be_anchored():
    with pytest.raises(ValueError, match="anchored"):
        FirstMatch(["/a"])
