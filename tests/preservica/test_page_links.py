"""Page links are written as ``urlencode(..., safe=",")`` writes them, for any monitor ids
and statuses (the handler spells the encoding out, for speed)."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import given
from hypothesis import strategies as st

from mock_server.preservica.handlers import _page_url

BASE = "http://127.0.0.1:8080/api/processmonitor/messages"
ids = st.lists(st.text(min_size=1), min_size=1, max_size=3)


@given(
    monitors=ids,
    statuses=st.one_of(st.none(), st.lists(st.sampled_from(["Info", "Error"]), max_size=2)),
    start=st.integers(0, 10**6),
    size=st.integers(1, 1000),
)
def test_page_link_is_urlencoded(monitors, statuses, start, size):
    query = {"monitor": ",".join(monitors)}
    if statuses:
        query["status"] = ",".join(statuses)
    query.update(start=start, max=size)
    expected = f"{BASE}?{urlencode(query, safe=',')}"
    assert _page_url(BASE, monitors, statuses, start, size) == expected
