"""Large Preservica stores stay fast: a login looks its user and the expired tokens up
instead of scanning every user and live token, expired tokens are pruned, and a page of
messages of some statuses is read from per-status positions, not a scan of every message.
``make bench`` measures the same at 1,000,000 records (``bench/README.md``)."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mock_server.core.clock import MockClock
from mock_server.core.errors import Unauthorized
from mock_server.preservica.backend import TOKEN_MINUTES, PreservicaBackend
from tests.conftest import START

STATUSES = ("Info", "Warning", "Error", "Debug")
MONITOR = "a" * 32


class _NoScan(dict):
    """A table that fails the test when anything walks through it."""

    def _scanned(self, *args):
        raise AssertionError("the whole table was scanned")

    __iter__ = items = keys = values = _scanned


class _NoScanList(list):
    def __iter__(self):
        raise AssertionError("every message was scanned")


def _backend(users: int = 1) -> PreservicaBackend:
    backend = PreservicaBackend(MockClock(start=START, frozen=True))
    backend.load_seed(
        {
            "users": [
                {"username": f"user{n}", "password": "pw", "tenant": f"T{n % 3}"}
                for n in range(users)
            ]
        }
    )
    return backend


def test_a_login_scans_neither_the_users_nor_the_live_tokens():
    backend = _backend(users=300)
    for _ in range(50):
        backend.login("user7", "pw", "T1")
    backend._users = _NoScan(backend._users)
    backend._sessions = _NoScan(backend._sessions)
    backend._refreshable = _NoScan(backend._refreshable)
    answer = backend.login("user7", "pw", "T1")
    assert backend.authenticate(answer["token"]) == {"user": "user7", "tenant": "T1"}
    # and once tokens expire, the login that prunes them still walks no table
    backend.clock.advance(TOKEN_MINUTES * 60)
    backend.login("user8", "pw")  # a name held in one tenant needs none
    assert len(backend._sessions) == 1


def test_a_login_costs_the_same_with_20000_live_tokens():
    backend = _backend()

    def per_login(n: int) -> float:
        began = time.process_time()
        for _ in range(n):
            backend.login("user0", "pw", "T0")
        return (time.process_time() - began) / n

    empty = min(per_login(200) for _ in range(3))
    for _ in range(20_000):
        backend.login("user0", "pw", "T0")
    full = min(per_login(200) for _ in range(3))
    # Scanning 40,000 entries per login made it ~100 times slower; a heap makes it flat.
    assert full < 5 * empty, (empty, full)


def test_expired_tokens_are_pruned_and_refresh_tokens_go_with_them():
    backend = _backend()
    kept = backend.login("user0", "pw", "T0")
    for _ in range(99):
        backend.login("user0", "pw", "T0")
    assert len(backend._sessions) == len(backend._refreshable) == 100
    backend.clock.advance(TOKEN_MINUTES * 60 - 1)
    fresh = backend.login("user0", "pw", "T0")  # none expired yet: nothing pruned
    assert len(backend._sessions) == 101
    backend.clock.advance(1)
    backend.login("user0", "pw", "T0")  # the first 100 expire now
    assert len(backend._sessions) == len(backend._refreshable) == 2
    assert len(backend._expiries) == 2
    assert backend.authenticate(fresh["token"])["user"] == "user0"
    with pytest.raises(Unauthorized, match="unknown or expired"):
        backend.authenticate(kept["token"])
    # a refresh token used (popped) before its session expires leaves nothing behind
    backend.refresh(fresh["token"], fresh["refresh-token"])
    backend.clock.advance(TOKEN_MINUTES * 60)
    backend.login("user0", "pw", "T0")
    assert len(backend._sessions) == len(backend._refreshable) == len(backend._expiries) == 1


def test_a_clock_moved_back_expires_each_token_at_its_own_time():
    backend = _backend()
    early = backend.login("user0", "pw", "T0")  # expires at START + 15 min
    backend.clock.set(START - 3600)
    late = backend.login("user0", "pw", "T0")  # issued later, expires 45 min earlier
    backend.clock.set(START - 3600 + TOKEN_MINUTES * 60)
    backend.login("user0", "pw", "T0")
    with pytest.raises(Unauthorized):
        backend.authenticate(late["token"])  # refused at its own expiry
    assert backend.authenticate(early["token"])["user"] == "user0"
    backend.clock.set(START + TOKEN_MINUTES * 60)
    backend.login("user0", "pw", "T0")  # pruned once those issued before it are
    assert early["token"] not in backend._sessions
    assert late["token"] not in backend._sessions


# --- messages by status ------------------------------------------------------------------------


def _monitor_with(statuses: list[str], monitor_id: str = MONITOR, date: str | None = None):
    messages = [{"status": s, "displayMessage": f"{n}"} for n, s in enumerate(statuses)]
    if date is not None:
        for message in messages:
            message["date"] = date
    return {"mappedId": monitor_id, "status": "Running", "messages": messages}


def test_a_page_of_some_statuses_does_not_scan_every_message():
    backend = _backend()
    statuses = [STATUSES[n % 7 % 4] for n in range(5000)]
    backend.add_monitor(_monitor_with(statuses))
    monitor = backend._monitors[MONITOR]
    monitor.messages = _NoScanList(monitor.messages)
    for wanted in (["Error"], ["Error", "Debug"], ["Info", "Warning", "Error"]):
        page = backend.list_messages([MONITOR], status=wanted, start=1234, max_results=50)
        expected = [str(n) for n, s in enumerate(statuses) if s in wanted]
        assert page["totalResults"] == len(expected)
        assert [m["displayMessage"] for m in page["messages"]] == expected[1234:1284]


@given(
    statuses=st.lists(st.sampled_from(STATUSES), max_size=60),
    other=st.lists(st.sampled_from(STATUSES), max_size=20),
    wanted=st.sets(st.sampled_from([*STATUSES, "Info"])).map(sorted),
    start=st.integers(0, 70),
    size=st.integers(1, 30),
    both=st.booleans(),
)
def test_pages_by_status_equal_a_scan(statuses, other, wanted, start, size, both):
    backend = _backend()
    backend.add_monitor(_monitor_with(statuses, date="2024-05-01T10:00:00Z"))
    backend.add_monitor(_monitor_with(other, "b" * 32, date="2024-05-01T09:00:00Z"))
    ids = [MONITOR, "b" * 32] if both else [MONITOR]
    page = backend.list_messages(ids, status=wanted or None, start=start, max_results=size)
    held = [(n, s, "a") for n, s in enumerate(statuses)]
    if both:  # the other monitor's are older: they come first
        held = [(n, s, "b") for n, s in enumerate(other)] + held
    expected = [(str(n), m) for n, s, m in held if not wanted or s in wanted]
    got = [(m["displayMessage"], m["mappedMonitorId"][0]) for m in page["messages"]]
    assert page["totalResults"] == len(expected)
    assert got == expected[start : start + size]


def test_messages_added_later_are_indexed_too():
    backend = _backend()
    backend.add_monitor(_monitor_with(["Info", "Error"]))
    backend.advance_monitor(MONITOR, messages=[{"status": "Error"}, {"status": "Debug"}])
    page = backend.list_messages([MONITOR], status=["Error", "Debug"])
    assert [m["status"] for m in page["messages"]] == ["Error", "Error", "Debug"]
    assert page["totalResults"] == 3
    assert list(itertools.chain(*backend._monitors[MONITOR].positions.values())) == [0, 1, 2, 3]


def test_a_login_prunes_a_bounded_number_so_no_one_login_pays_for_a_mass_expiry():
    from mock_server.core.expiry import PRUNED_PER_LOGIN

    backend = _backend()
    for _ in range(3 * PRUNED_PER_LOGIN):
        backend.login("user0", "pw", "T0")
    backend.clock.advance(TOKEN_MINUTES * 60)
    backend.login("user0", "pw", "T0")
    assert len(backend._sessions) == 2 * PRUNED_PER_LOGIN + 1
    for _ in range(3):
        backend.login("user0", "pw", "T0")
    assert len(backend._sessions) == len(backend._refreshable) == 4
