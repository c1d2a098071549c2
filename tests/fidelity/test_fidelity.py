"""The mock against the real monitor-server: the same requests, the same answers.

Each example starts with both servers empty and sends a sequence of requests to both; every
answer must be the same (see ``wire.view``), but for the differences ``allowed.py`` lists.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fidelity import strategies as s
from tests.fidelity.twin import Twin


def run(servers, requests):
    twin = Twin(*servers)
    twin.reset()
    twin.run(requests)


@given(requests=st.lists(s.STORE_AND_LIST, min_size=4, max_size=20))
def test_sessions_and_contexts(servers, requests):
    run(servers, requests)


@given(requests=st.lists(s.METRIC_VIEWS, min_size=4, max_size=25))
def test_metrics_and_their_views(servers, requests):
    run(servers, requests)


@given(requests=st.lists(s.MALFORMED, min_size=3, max_size=15))
def test_malformed_writes(servers, requests):
    run(servers, requests)


@given(requests=st.lists(s.ODD_REQUESTS, min_size=3, max_size=15))
def test_paths_methods_and_query_quirks(servers, requests):
    run(servers, requests)
