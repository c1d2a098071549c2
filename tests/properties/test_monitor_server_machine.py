"""The monitor-server backend against a reference model: lists, sorted() and slices.

A ``RuleBasedStateMachine`` creates sessions (both payload forms), contexts and metrics
(duplicates -> Conflict, malformed -> InvalidInput) on a backend built with a drawn page
size, and reads every listing with positive, negative, zero and out-of-range pages and
random hash prefixes. Each page must be the model's slice with the page numbers of the
real server's pager; page 1 of nothing is an empty page (the handler's 204), any other
page outside 1..total_page (negative ones counted from the end) is NotFound (404).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput, NotFound
from mock_server.monitor_server.backend import MonitorServerBackend
from tests.conftest import START
from tests.properties._support import assert_machine_fails, machine_settings, refused

# Few characters, so prefixes share hashes; long enough hashes for the index's buckets
# (4 characters); U+10FFFF, the highest code point, once missed by prefix ranges.
HASHES = st.text(alphabet="ab0é\U0010ffff", min_size=1, max_size=6)
PREFIXES = st.text(alphabet="ab0é\U0010ffff", max_size=5)
PAGES = st.sampled_from([-50, -1, 0, 1, 2, 50])
RUN_DATE = "2024-05-13T09:12:44.301552"
TIMES = ("total_time", "user_time", "kernel_time", "cpu_usage", "mem_usage")


# --------------------------------------------------------------------------- the model


def expected_page(items: list, page: int, page_size: int) -> dict[str, Any] | None:
    """The page as the real server's pager gives it, from plain chunks of the list;
    None for a page that does not exist."""
    chunks = [items[i : i + page_size] for i in range(0, len(items), page_size)]
    if page == 1 and not chunks:
        return {"items": [], "page": 1, "prev_page": None, "next_page": None, "total_page": 0}
    index = page - 1 if page > 0 else len(chunks) + page
    if page == 0 or not 0 <= index < len(chunks):
        return None
    number = index + 1
    return {
        "items": chunks[index],
        "page": number,
        "prev_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if number < len(chunks) else None,
        "total_page": len(chunks),
    }


def metric_payload(session_h: str, context_h: str, item: str) -> dict[str, Any]:
    return {
        "session_h": session_h,
        "context_h": context_h,
        "item_start_time": RUN_DATE,
        "item_path": "tests.test_module",
        "item": item,
        "item_variant": item,
        "item_fs_loc": "tests/test_module.py",
        "kind": "function",
        "component": "",
        **dict.fromkeys(TIMES, 1),
    }


class ReferenceMonitorServer:
    """What was created, rendered as the API shows it; reads are sorted() and filters."""

    def __init__(self) -> None:
        self.sessions: dict[str, dict] = {}
        self.contexts: dict[str, dict] = {}
        self.metrics: list[dict] = []

    def session_list(self, prefix: str | None) -> list[dict]:
        return [self.sessions[h] for h in sorted(self.sessions) if h.startswith(prefix or "")]

    def context_list(self, prefix: str | None) -> list[dict]:
        return [self.contexts[h] for h in sorted(self.contexts) if h.startswith(prefix or "")]


def rendered_session(h: str, scm_ref: str | None, description: dict) -> dict:
    return {
        "session_h": h,
        "run_date": RUN_DATE,
        "scm_ref": scm_ref,
        "tags": [
            {"key": k, "name": k, "value": v if isinstance(v, str) else json.dumps(v)}
            for k, v in description.items()
        ],
    }


# --------------------------------------------------------------------------- strategies

descriptions = st.dictionaries(
    st.sampled_from(["numpy", "branch", "ci", "jobs"]),
    st.one_of(st.text(max_size=4), st.integers(0, 99), st.lists(st.integers(0, 9), max_size=2)),
    max_size=3,
)
context_fields = st.fixed_dictionaries(
    {
        "cpu_count": st.integers(1, 64),
        "cpu_frequency": st.one_of(st.integers(1, 5000), st.floats(1, 5000)),
        "cpu_type": st.just("x86_64"),
        "ram_total": st.integers(1, 65536),
        "machine_node": st.sampled_from(["ci-1", "ci-2"]),
        "machine_type": st.just("x86_64"),
        "machine_arch": st.just("64bit"),
        "system_info": st.just("Linux - 6.8.0"),
        "python_info": st.just("3.11.9"),
    },
    optional={"cpu_vendor": st.sampled_from(["", "GenuineIntel"])},
)
numbers = st.one_of(st.integers(0, 10), st.floats(0, 10))
bad_sessions = st.sampled_from(
    [
        {"session_h": "ok", "description": {}},  # no run_date
        {"session_h": "ok", "h": "ok", "run_date": RUN_DATE, "description": {}},
        {"run_date": RUN_DATE, "description": {}},
        {"session_h": "ok", "run_date": RUN_DATE, "description": "not json"},
        {"session_h": "ok", "run_date": RUN_DATE, "description": "[1]"},
        {"session_h": "a/b", "run_date": RUN_DATE, "description": {}},
        {"session_h": "", "run_date": RUN_DATE, "description": {}},
        {"session_h": "ok", "run_date": "yesterday", "description": {}},
        {"session_h": "ok", "run_date": RUN_DATE, "description": {}, "scm_ref": 3},
        [],
    ]
)


# --------------------------------------------------------------------------- the machine


class MonitorServerMachine(RuleBasedStateMachine):
    backend_class: type[MonitorServerBackend] = MonitorServerBackend

    def __init__(self) -> None:
        super().__init__()
        self.model = ReferenceMonitorServer()

    @initialize(page_size=st.integers(1, 5), data=st.data())
    def build(self, page_size: int, data: st.DataObject) -> None:
        self.page_size = page_size
        self.backend = self.backend_class(MockClock(start=START, frozen=True), page_size=page_size)
        # Start with something to read, so that most reads are not of empty listings.
        self.create_sessions(data, data.draw(st.integers(0, 8), label="sessions"))
        self.create_contexts(data, data.draw(st.integers(0, 4), label="contexts"))
        self.create_metrics(data, data.draw(st.integers(0, 8), label="metrics"))

    def _known_or_new(self, data: st.DataObject, known: Iterable[str]) -> str:
        """Mostly a new hash, sometimes one already used."""
        known = sorted(set(known))
        if known and data.draw(st.integers(0, 3)) == 0:
            return data.draw(st.sampled_from(known))
        return data.draw(HASHES)

    # --- creating (a few at a time, so that listings grow to several pages) -------------

    @rule(data=st.data(), count=st.integers(1, 4))
    def create_sessions(self, data: st.DataObject, count: int) -> None:
        for _ in range(count):
            h = self._known_or_new(data, self.model.sessions)
            scm_ref = data.draw(st.none() | st.just("4914d195"))
            description = data.draw(descriptions)
            payload: dict[str, Any] = {"run_date": RUN_DATE, "scm_ref": scm_ref}
            if data.draw(st.booleans()):  # the seed's form: h, the description as JSON text
                payload.update(h=h, description=json.dumps(description))
            else:  # pytest-monitor's form
                payload.update(session_h=h, description=description)
            if h in self.model.sessions:
                with refused(Conflict):
                    self.backend.create_session(payload)
                continue
            expected = rendered_session(h, scm_ref, description)
            assert self.backend.create_session(payload) == expected
            self.model.sessions[h] = expected

    @rule(data=st.data(), count=st.integers(1, 4))
    def create_contexts(self, data: st.DataObject, count: int) -> None:
        for _ in range(count):
            fields = data.draw(context_fields)
            h = self._known_or_new(data, self.model.contexts)
            payload = {**fields, "h": h}
            if h in self.model.contexts:
                with refused(Conflict):
                    self.backend.create_context(payload)
                continue
            expected = {
                "cpu_vendor": "",
                **payload,
                "context_h": h,
                "cpu_frequency": int(fields["cpu_frequency"]),
            }
            assert self.backend.create_context(payload) == expected
            self.model.contexts[h] = expected

    @rule(data=st.data(), count=st.integers(1, 4))
    def create_metrics(self, data: st.DataObject, count: int) -> None:
        # A metric's session and context need not exist (the real server does not check).
        for _ in range(count):
            item = data.draw(st.sampled_from(["test_a", "test_b[1]"]))
            payload = {
                **metric_payload(
                    self._known_or_new(data, self.model.sessions),
                    self._known_or_new(data, self.model.contexts),
                    item,
                ),
                **dict(zip(TIMES, data.draw(st.tuples(*[numbers] * 5)), strict=True)),
            }
            expected = {**payload, **{k: float(payload[k]) for k in TIMES}}
            assert self.backend.create_metric(payload) == expected
            self.model.metrics.append(expected)

    @rule(data=st.data(), kind=st.sampled_from(["session", "context", "metric"]))
    def create_something_bad(self, data: st.DataObject, kind: str) -> None:
        """Malformed payloads are refused and change nothing (the invariant checks counts)."""
        if kind == "session":
            with refused(InvalidInput):
                self.backend.create_session(data.draw(bad_sessions))
            return
        if kind == "context":
            payload = {**data.draw(context_fields), "h": data.draw(HASHES)}
            field = data.draw(st.sampled_from(["h", "cpu_count", "ram_total", "python_info"]))
        else:
            payload = metric_payload("s", "c", "test_a")
            field = data.draw(st.sampled_from(["session_h", "total_time", "item"]))
        if data.draw(st.booleans()):
            del payload[field]
        else:
            payload[field] = True  # a boolean is neither text nor a number on the wire
        with refused(InvalidInput):
            (self.backend.create_context if kind == "context" else self.backend.create_metric)(
                payload
            )

    # --- reading -----------------------------------------------------------------------

    def _check_page(self, data: st.DataObject, read, items: list, envelope: str) -> None:
        """Read a page - mostly one that exists, else any - and compare with the model."""
        pages = -(-len(items) // self.page_size)
        page = data.draw(st.integers(-pages - 1, pages + 1) | PAGES, label="page")
        expected = expected_page(items, page, self.page_size)
        if expected is None:
            with refused(NotFound):
                read(page)
            return
        actual = read(page)
        items = actual.pop(envelope)
        assert {**actual, "items": items} == expected, (page, self.page_size)

    def _prefix(self, data: st.DataObject, known: Iterable[str]) -> str | None:
        """No prefix, a random one, or the start of a stored hash (so that it matches)."""
        known = sorted(known)
        if not known or data.draw(st.booleans()):
            return data.draw(st.none() | PREFIXES)
        h = data.draw(st.sampled_from(known))
        return h[: data.draw(st.integers(0, len(h)))]

    @rule(data=st.data())
    def list_sessions(self, data: st.DataObject) -> None:
        prefix = self._prefix(data, self.model.sessions)
        self._check_page(
            data,
            lambda p: self.backend.list_sessions(prefix=prefix, page=p),
            self.model.session_list(prefix),
            "sessions",
        )

    @rule(data=st.data())
    def list_contexts(self, data: st.DataObject) -> None:
        prefix = self._prefix(data, self.model.contexts)
        self._check_page(
            data,
            lambda p: self.backend.list_contexts(prefix=prefix, page=p),
            self.model.context_list(prefix),
            "contexts",
        )

    @rule(data=st.data())
    def list_metrics(self, data: st.DataObject) -> None:
        self._check_page(data, self.backend.list_metrics, self.model.metrics, "metrics")

    @rule(data=st.data())
    def list_session_metrics(self, data: st.DataObject) -> None:
        h = self._known_or_new(data, [m["session_h"] for m in self.model.metrics])
        mine = [m for m in self.model.metrics if m["session_h"] == h]
        self._check_page(
            data, lambda p: self.backend.list_session_metrics(h, page=p), mine, "metrics"
        )
        assert self.backend.count_session_metrics(h) == {"count": len(mine)}

    @rule(data=st.data())
    def list_context_metrics(self, data: st.DataObject) -> None:
        h = self._known_or_new(data, [m["context_h"] for m in self.model.metrics])
        mine = [m for m in self.model.metrics if m["context_h"] == h]
        self._check_page(
            data, lambda p: self.backend.list_context_metrics(h, page=p), mine, "metrics"
        )
        assert self.backend.count_context_metrics(h) == {"count": len(mine)}

    @invariant()
    def counts_are_what_was_created(self) -> None:
        if not hasattr(self, "backend"):
            return
        assert self.backend.count_sessions() == {"count": len(self.model.sessions)}
        assert self.backend.count_contexts() == {"count": len(self.model.contexts)}
        assert self.backend.count_metrics() == {"count": len(self.model.metrics)}


MonitorServerMachine.TestCase.settings = machine_settings(scale=2)
TestMonitorServerMachine = MonitorServerMachine.TestCase


# --------------------------------------------------------------------------- it can fail


class _NegativePagesFromTheStart(MonitorServerBackend):
    """Paging broken: page -n is read as page n."""

    def list_sessions(self, prefix=None, page=1):
        return super().list_sessions(prefix=prefix, page=abs(page))

    def list_contexts(self, prefix=None, page=1):
        return super().list_contexts(prefix=prefix, page=abs(page))

    def list_metrics(self, page=1):
        return super().list_metrics(page=abs(page))


class _DuplicateSessionsAccepted(MonitorServerBackend):
    """The 409 rule broken: creating a session whose hash exists answers as if it worked."""

    def create_session(self, payload):
        try:
            return super().create_session(payload)
        except Conflict:
            return {"session_h": payload.get("session_h") or payload.get("h")}


@pytest.mark.parametrize("broken", [_NegativePagesFromTheStart, _DuplicateSessionsAccepted])
def test_the_machine_finds_a_broken_rule(broken):
    machine = type(f"Machine{broken.__name__}", (MonitorServerMachine,), {"backend_class": broken})
    assert_machine_fails(machine)


# --------------------------------------------------------------------------- regressions


def test_a_prefix_finds_hashes_holding_the_highest_code_point():
    backend = MonitorServerBackend(MockClock(start=START, frozen=True), page_size=10)
    hashes = ["a", "a\U0010ffff", "a\U0010ffffb", "abcd\U0010ffff"]
    for h in hashes:
        backend.create_session({"session_h": h, "run_date": RUN_DATE, "description": {}})
    found = [s["session_h"] for s in backend.list_sessions(prefix="a")["sessions"]]
    assert found == sorted(hashes)
    found = [s["session_h"] for s in backend.list_sessions(prefix="abcd")["sessions"]]
    assert found == ["abcd\U0010ffff"]
