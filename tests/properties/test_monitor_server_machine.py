"""The monitor-server backend against a reference model: plain lists in the order stored.

A ``RuleBasedStateMachine`` stores sessions (by body or URL hash), contexts and metrics on a
backend built with a drawn page size, has duplicates refused (``Conflict``) and malformed
writes refused (``InvalidInput``) without a trace, and reads the listings (whole, by
``LIKE`` prefix, by session and context, components, component metrics, item ``like``,
SCM references) with positive, negative, zero and out-of-range pages. Each page must be
the model's: the matching rows in the order stored, cut as the real server's pager cuts
them; the session count counts only sessions with an SCM reference.

``LIKE`` is modelled by a regular expression: ``_`` any one character, ``%`` any run, ASCII
letters in either case, every other character itself. The hashes mix cases, wildcards,
non-ASCII letters and the code points next to the index's range edges (U+10FFFF, and
either side of the surrogates), which ``like.folded_range`` must handle.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput, NotFound
from mock_server.monitor_server.backend import MonitorServerBackend, Page
from mock_server.monitor_server.like import fold, folded_range
from tests.conftest import START
from tests.properties._support import assert_machine_fails, machine_settings, refused

# Few characters, so that prefixes share hashes: both cases of an ASCII and a non-ASCII
# letter (twice as likely as the others); LIKE's wildcards; the highest code point and
# those either side of the surrogates.
ALPHABET = "aAéÉ_%\U0010ffff\ud7ff\ue000"
CHARACTERS = st.sampled_from("aAéÉ" + ALPHABET)
HASHES = st.text(alphabet=CHARACTERS, min_size=1, max_size=4)
PATTERNS = st.text(alphabet=CHARACTERS, max_size=3)
PAGES = st.sampled_from([-50, -1, 0, 1, 2, 50])
SCM_REFS = st.sampled_from([None, "a1", "A1b", "a_", "é1", "É1", ""])
COMPONENTS = st.sampled_from(["", "core", "Core", "co_e", "é", "É"])
ITEMS = st.sampled_from(["test_a", "TEST_b", "x%y", "é_1", "É"])
# run_date as sent -> as the real server renders it.
RUN_DATES = {
    "2024-05-13T09:12:44.301552": "2024-05-13T09:12:44.301552",
    "2024-05-13": "2024-05-13T00:00:00",
    "2024-05-13T10:00:40Z": "2024-05-13T10:00:40+00:00",
    "2024": "2024-01-01T00:00:00",
}
TIMES = ("total_time", "user_time", "kernel_time", "cpu_usage", "mem_usage")
CONTEXT_TEXTS = (
    "cpu_type",
    "machine_node",
    "machine_type",
    "machine_arch",
    "system_info",
    "python_info",
)


# --------------------------------------------------------------------------- the model


def like(pattern: str, text: str) -> bool:
    """SQLite's ``text LIKE pattern`` (no ICU, no escape character)."""
    regex = "".join(
        "." if char == "_" else ".*" if char == "%" else re.escape(char) for char in pattern
    )
    # re.ASCII makes IGNORECASE fold ASCII letters only, as SQLite does.
    return re.fullmatch(regex, text, re.ASCII | re.IGNORECASE | re.DOTALL) is not None


def expected_page(items: list, page: int, page_size: int) -> Page | None:
    """The page as the real server's pager cuts it; None for a page it does not find."""
    pages = math.ceil(len(items) / page_size)
    number = pages + page + 1 if page < 0 else page
    if number < 1:
        return None
    chunk = items[(number - 1) * page_size : number * page_size]
    if not chunk and number != 1:
        return None
    return Page(chunk, number, pages)


def distinct(values: Iterable[Any]) -> list[Any]:
    """Each value once, where it first appears."""
    return list(dict.fromkeys(values))


def rendered_session(h: str, run_date: str, scm_ref: str | None, description: dict) -> dict:
    return {
        "session_h": h,
        "run_date": RUN_DATES[run_date],
        "scm_ref": scm_ref,
        "tags": [
            {"name": name, "value": None if value is None else str(value)}
            for name, value in description.items()
        ],
    }


class ReferenceMonitorServer:
    """What was stored, as the API answers it, in the order stored; reads are filters."""

    def __init__(self) -> None:
        self.sessions: list[dict] = []
        self.contexts: list[dict] = []
        self.metrics: list[dict] = []

    def session_hashes(self) -> list[str]:
        return [s["session_h"] for s in self.sessions]

    def context_hashes(self) -> list[str]:
        return [c["h"] for c in self.contexts]

    def sessions_with_scm(self, prefix: str) -> list[dict]:
        return [
            s
            for s in self.sessions
            if s["scm_ref"] is not None and like(f"{prefix}%", s["scm_ref"])
        ]


# --------------------------------------------------------------------------- strategies

descriptions = st.dictionaries(
    st.sampled_from(["numpy", "pipeline_branch", "ci", "jobs"]),
    st.one_of(st.sampled_from(["main", "1.26", ""]), st.integers(0, 99), st.booleans(), st.none()),
    max_size=3,
)
# Numbers where the table holds integers: some sent as numeric text, some fractional.
context_numbers = st.one_of(
    st.integers(1, 64), st.sampled_from(["8", "16"]), st.floats(1, 5000).map(lambda x: round(x, 1))
)
context_fields = st.fixed_dictionaries(
    {
        "cpu_count": context_numbers,
        "cpu_frequency": context_numbers,
        "ram_total": context_numbers,
        # A number where the table holds text is stored as its text.
        **{name: st.sampled_from(["x86_64", "ci-1", 12]) for name in CONTEXT_TEXTS},
    },
    optional={"cpu_vendor": st.sampled_from(["", "GenuineIntel", None])},
)
amounts = st.sampled_from([0, 0.5, 1, 2.25])


def rendered_context(payload: dict) -> dict:
    """INTEGER affinity makes numeric text a number; flask-restx writes int() of it."""
    context = {"cpu_vendor": "", **payload}
    for name in ("cpu_count", "cpu_frequency", "ram_total"):
        context[name] = int(float(payload[name]))
    for name in CONTEXT_TEXTS:
        context[name] = str(payload[name])
    return context


def metric_payload(session_h: str, context_h: str, item: str, component: str) -> dict[str, Any]:
    return {
        "session_h": session_h,
        "context_h": context_h,
        "item_start_time": "2024-05-13T09:12:45",
        "item_path": "tests.test_module",
        "item": item,
        "item_variant": f"{item}[1]",
        "item_fs_loc": "tests/test_module.py",
        "kind": "function",
        "component": component,
        **dict.fromkeys(TIMES, 1),
    }


bad_sessions = st.sampled_from(
    [
        {"session_h": "ok", "run_date": "2024", "description": {}},  # no scm_ref
        {"session_h": "ok", "scm_ref": None, "description": {}},  # no run_date
        {"session_h": "ok", "run_date": "2024", "scm_ref": None},  # no description
        {"run_date": "2024", "scm_ref": None, "description": {}},  # no hash at all
        {"session_h": "ok", "run_date": "2024", "scm_ref": None, "description": "{}"},
        {"session_h": "ok", "run_date": "yesterday", "scm_ref": None, "description": {}},
        {"session_h": "ok", "run_date": None, "scm_ref": None, "description": {}},
        {"session_h": ["ok"], "run_date": "2024", "scm_ref": None, "description": {}},
        {"session_h": "ok\ud800", "run_date": "2024", "scm_ref": None, "description": {}},
        ["ok"],
    ]
)


_DROPPED = object()
# A field left out, a null where the table takes none, text no number is read from, a
# value SQLite cannot bind.
BAD_CONTEXT_VALUES = [
    ("h", _DROPPED),
    ("h", None),
    ("h", {"a": 1}),
    ("cpu_count", _DROPPED),
    ("cpu_count", "lots"),
    ("ram_total", "16 GB"),
    ("cpu_frequency", 2**64),
    ("python_info", None),
    ("python_info", [3, 11]),
]
# What the metric model refuses.
BAD_METRIC_VALUES = [
    ("session_h", _DROPPED),
    ("session_h", None),
    ("total_time", "1"),
    ("item", 3),
    ("component", {"a": 1}),
    ("mem_usage", True),
]


# --------------------------------------------------------------------------- the machine


class MonitorServerMachine(RuleBasedStateMachine):
    backend_class: type[MonitorServerBackend] = MonitorServerBackend

    def __init__(self) -> None:
        super().__init__()
        self.model = ReferenceMonitorServer()

    @initialize(page_size=st.integers(1, 3), data=st.data())
    def build(self, page_size: int, data: st.DataObject) -> None:
        self.page_size = page_size
        self.backend = self.backend_class(MockClock(start=START, frozen=True), page_size=page_size)
        # Start with something to read, so that most reads are not of empty listings.
        self.create_sessions(data, data.draw(st.integers(0, 8), label="sessions"))
        self.create_contexts(data, data.draw(st.integers(0, 3), label="contexts"))
        self.create_metrics(data, data.draw(st.integers(0, 6), label="metrics"))

    def _known_or_new(self, data: st.DataObject, known: Iterable[str]) -> str:
        """Mostly a new hash, sometimes one stored already."""
        known = distinct(known)
        if known and data.draw(st.integers(0, 3)) == 0:
            return data.draw(st.sampled_from(known))
        return data.draw(HASHES)

    # --- writes (a few at a time, so that listings grow to several pages) ---------------

    @rule(data=st.data(), count=st.integers(1, 4))
    def create_sessions(self, data: st.DataObject, count: int) -> None:
        for _ in range(count):
            h = self._known_or_new(data, self.model.session_hashes())
            run_date = data.draw(st.sampled_from(sorted(RUN_DATES)))
            scm_ref = data.draw(SCM_REFS)
            description = data.draw(descriptions)
            payload = {"run_date": run_date, "scm_ref": scm_ref, "description": description}
            if data.draw(st.booleans()):  # POST /sessions/<h> without a hash in the body
                create = partial(self.backend.create_session, payload, h)
            else:
                payload["session_h"] = h
                create = partial(self.backend.create_session, payload)
            if h in self.model.session_hashes():
                with refused(Conflict):
                    create()
                continue
            expected = rendered_session(h, run_date, scm_ref, description)
            assert create() == expected
            self.model.sessions.append(expected)

    @rule(data=st.data(), count=st.integers(1, 3))
    def create_contexts(self, data: st.DataObject, count: int) -> None:
        for _ in range(count):
            h = self._known_or_new(data, self.model.context_hashes())
            payload = {**data.draw(context_fields), "h": h}
            if h in self.model.context_hashes():
                with refused(Conflict):
                    self.backend.create_context(payload)
                continue
            expected = rendered_context(payload)
            assert self.backend.create_context(payload) == expected
            self.model.contexts.append(expected)

    @rule(data=st.data(), count=st.integers(1, 4))
    def create_metrics(self, data: st.DataObject, count: int) -> None:
        # A metric's session and context need not exist (the real server does not check).
        for _ in range(count):
            payload = metric_payload(
                self._known_or_new(data, self.model.session_hashes()),
                self._known_or_new(data, self.model.context_hashes()),
                data.draw(ITEMS),
                data.draw(COMPONENTS),
            )
            payload.update(zip(TIMES, data.draw(st.tuples(*[amounts] * 5)), strict=True))
            expected = {**payload, **{name: float(payload[name]) for name in TIMES}}
            assert self.backend.create_metric(payload) == expected
            self.model.metrics.append(expected)

    @rule(data=st.data(), kind=st.sampled_from(["session", "context", "metric"]))
    def create_something_bad(self, data: st.DataObject, kind: str) -> None:
        """Refused, and nothing stored: the invariant and later reads check that."""
        if kind == "session":
            with refused(InvalidInput):
                self.backend.create_session(data.draw(bad_sessions))
            return
        if kind == "context":
            # A hash never stored ("-" is not in the alphabet): the refusal is not a conflict.
            payload = {**data.draw(context_fields), "h": "bad-context"}
            create = self.backend.create_context
            changes = BAD_CONTEXT_VALUES
        else:
            payload = metric_payload("s", "c", "test_a", "")
            create = self.backend.create_metric
            changes = BAD_METRIC_VALUES
        field, value = data.draw(st.sampled_from(changes))
        if value is _DROPPED:
            del payload[field]
        else:
            payload[field] = value
        with refused(InvalidInput):
            create(payload)

    # --- reads -------------------------------------------------------------------------

    def _check_pages(self, data: st.DataObject, read: Callable[[int], Any], items: list) -> None:
        """Read a page (mostly one that exists, else any) and compare with the model."""
        pages = math.ceil(len(items) / self.page_size)
        page = data.draw(st.integers(-pages - 1, pages + 1) | PAGES, label="page")
        expected = expected_page(items, page, self.page_size)
        if expected is None:
            with refused(NotFound):
                read(page)
            return
        assert read(page) == expected, (page, self.page_size)

    def _pattern(self, data: st.DataObject, known: Iterable[str | None]) -> str:
        """A random pattern, or the start of a stored value (so that it matches), maybe in
        the other case (so that it matches only where the letters are ASCII)."""
        known = [value for value in distinct(known) if value is not None]
        if not known or data.draw(st.booleans()):
            return data.draw(PATTERNS, label="pattern")
        value = data.draw(st.sampled_from(known))
        start = value[: data.draw(st.integers(0, len(value)))]
        return start.swapcase() if data.draw(st.booleans()) else start

    @rule(data=st.data())
    def list_sessions(self, data: st.DataObject) -> None:
        if data.draw(st.booleans()):
            prefix = None
            sessions = self.model.sessions
        else:
            prefix = self._pattern(data, self.model.session_hashes())
            sessions = [s for s in self.model.sessions if like(f"{prefix}%", s["session_h"])]
        self._check_pages(data, lambda p: self.backend.list_sessions(prefix, p), sessions)

    @rule(data=st.data())
    def list_contexts(self, data: st.DataObject) -> None:
        if data.draw(st.booleans()):
            prefix = None
            contexts = self.model.contexts
        else:
            prefix = self._pattern(data, self.model.context_hashes())
            contexts = [c for c in self.model.contexts if like(f"{prefix}%", c["h"])]
        self._check_pages(data, lambda p: self.backend.list_contexts(prefix, p), contexts)

    @rule(data=st.data())
    def list_metrics(self, data: st.DataObject) -> None:
        self._check_pages(data, self.backend.list_metrics, self.model.metrics)

    @rule(data=st.data(), by=st.sampled_from(["session_h", "context_h"]))
    def list_metrics_of_a_hash(self, data: st.DataObject, by: str) -> None:
        h = self._known_or_new(data, [m[by] for m in self.model.metrics])
        mine = [m for m in self.model.metrics if m[by] == h]
        if by == "session_h":
            read, count = self.backend.list_session_metrics, self.backend.count_session_metrics
        else:
            read, count = self.backend.list_context_metrics, self.backend.count_context_metrics
        self._check_pages(data, lambda p: read(h, p), mine)
        assert count(h) == {"count": len(mine)}

    @rule(data=st.data())
    def list_components(self, data: st.DataObject) -> None:
        prefix = self._pattern(data, [m["component"] for m in self.model.metrics])
        components = distinct(
            m["component"] for m in self.model.metrics if like(f"{prefix}%", m["component"])
        )
        self._check_pages(data, lambda p: self.backend.list_components(prefix, p), components)

    @rule(data=st.data())
    def list_component_metrics(self, data: st.DataObject) -> None:
        # The component is the whole pattern: no wildcard is added.
        pattern = self._pattern(data, [m["component"] for m in self.model.metrics])
        mine = [m for m in self.model.metrics if like(pattern, m["component"])]
        self._check_pages(data, lambda p: self.backend.list_component_metrics(pattern, p), mine)

    @rule(data=st.data())
    def list_item_metrics_like(self, data: st.DataObject) -> None:
        pattern = data.draw(PATTERNS | ITEMS)
        mine = [m for m in self.model.metrics if like(f"%{pattern}%", m["item"])]
        self._check_pages(data, lambda p: self.backend.list_item_metrics_like(pattern, p), mine)

    @rule(data=st.data())
    def list_scm_sessions(self, data: st.DataObject) -> None:
        prefix = self._pattern(data, [s["scm_ref"] for s in self.model.sessions])
        # Listed as stored: the real server writes these sessions without their tags.
        sessions = [{**s, "tags": None} for s in self.model.sessions_with_scm(prefix)]
        self._check_pages(data, lambda p: self.backend.list_scm_sessions(prefix, p), sessions)

    @rule(data=st.data())
    def list_scm_metrics(self, data: st.DataObject) -> None:
        prefix = self._pattern(data, [s["scm_ref"] for s in self.model.sessions])
        hashes = {s["session_h"] for s in self.model.sessions_with_scm(prefix)}
        mine = [m for m in self.model.metrics if m["session_h"] in hashes]
        assert self.backend.count_scm_metrics(prefix) == {"count": len(mine)}
        if not hashes:  # the real server's early "nothing here", whatever the page
            page = data.draw(PAGES, label="page")
            assert self.backend.list_scm_metrics(prefix, page) is None
            return
        self._check_pages(data, lambda p: self.backend.list_scm_metrics(prefix, p), mine)

    @invariant()
    def counts_are_those_of_the_model(self) -> None:
        if not hasattr(self, "backend"):
            return
        with_scm = [s for s in self.model.sessions if s["scm_ref"] is not None]
        assert self.backend.count_sessions() == {"count": len(with_scm)}
        assert self.backend.count_contexts() == {"count": len(self.model.contexts)}
        assert self.backend.count_metrics() == {"count": len(self.model.metrics)}
        components = distinct(m["component"] for m in self.model.metrics)
        assert self.backend.count_components() == {"count": len(components)}


MonitorServerMachine.TestCase.settings = machine_settings(scale=2)
TestMonitorServerMachine = MonitorServerMachine.TestCase


# --------------------------------------------------------------------------- it can fail


class _NegativePagesFromTheStart(MonitorServerBackend):
    """Paging broken: page -n is read as page n."""

    def list_sessions(self, prefix=None, page=1, flags=None):
        return super().list_sessions(prefix, abs(page), flags)


class _DuplicateSessionsAccepted(MonitorServerBackend):
    """The hash rule broken: a session whose hash is stored answers as if stored."""

    def create_session(self, payload, url_hash=None):
        try:
            return super().create_session(payload, url_hash)
        except Conflict:
            return {"session_h": payload.get("session_h", url_hash)}


class _EverySessionCounted(MonitorServerBackend):
    """The count broken: sessions without an SCM reference are counted too."""

    def count_sessions(self):
        return {"count": len(self.export_seed()["sessions"])}


class _HashOrder(MonitorServerBackend):
    """The order broken: each page sorted by hash, as the mock once answered."""

    def list_sessions(self, prefix=None, page=1, flags=None):
        found = super().list_sessions(prefix, page, flags)
        ordered = sorted(found.items, key=lambda session: session["session_h"])
        return Page(ordered, found.page, found.pages)


class _PrefixLowered(MonitorServerBackend):
    """LIKE broken: prefixes lowered by str.lower(), which folds every letter, where SQLite
    folds ASCII letters only."""

    def list_sessions(self, prefix=None, page=1, flags=None):
        return super().list_sessions(prefix and prefix.lower(), page, flags)

    def list_contexts(self, prefix=None, page=1):
        return super().list_contexts(prefix and prefix.lower(), page)

    def list_components(self, prefix=None, page=1):
        return super().list_components(prefix and prefix.lower(), page)

    def list_scm_sessions(self, scm, page=1):
        return super().list_scm_sessions(scm.lower(), page)


@pytest.mark.parametrize(
    "broken",
    [
        _NegativePagesFromTheStart,
        _DuplicateSessionsAccepted,
        _EverySessionCounted,
        _HashOrder,
        _PrefixLowered,
    ],
)
def test_the_machine_finds_a_broken_rule(broken):
    machine = type(f"Machine{broken.__name__}", (MonitorServerMachine,), {"backend_class": broken})
    assert_machine_fails(machine)


_SQLITE = sqlite3.connect(":memory:")


@given(pattern=st.text(alphabet=ALPHABET + "bB", max_size=4), text=HASHES | st.just(""))
def test_the_like_model_is_sqlites(pattern, text):
    assert like(pattern, text) == _SQLITE.execute("SELECT ? LIKE ?", (text, pattern)).fetchone()[0]


# --------------------------------------------------------------------------- folded ranges


@pytest.mark.parametrize(
    ("head", "low", "high"),
    [
        ("a", "a", "b"),
        ("AB", "ab", "ac"),
        ("Z", "z", "{"),
        ("é", "é", "ê"),
        ("É", "É", "Ê"),
        ("a\U0010ffff", "a\U0010ffff", "b"),
        ("\U0010ffff", "\U0010ffff", None),
        ("\U0010ffff\U0010ffff", "\U0010ffff\U0010ffff", None),
        ("x\ud7ff", "x\ud7ff", "x\ue000"),
        ("x\ud7fe", "x\ud7fe", "x\ud7ff"),
        ("x\uffff", "x\uffff", "x\U00010000"),
    ],
)
def test_the_folded_range_of_a_head(head, low, high):
    assert folded_range(head) == (low, high)


# Text SQLite can hold (no lone surrogate), from characters around the range edges.
edge_text = st.text(
    alphabet=st.sampled_from("aAbBzZ{@`éÉêÊ\U0010ffff\U0010fffe\ud7ff\ud7fe\ue000\uffff"),
    max_size=4,
)


@given(head=edge_text.filter(bool), text=edge_text)
def test_the_folded_range_holds_exactly_the_texts_starting_with_the_head(head, text):
    # Python compares strings by code point, as SQLite compares UTF-8 text by its bytes.
    low, high = folded_range(head)
    inside = low <= fold(text) and (high is None or fold(text) < high)
    assert inside == fold(text).startswith(fold(head))


@pytest.mark.parametrize(
    ("prefix", "found"),
    [
        ("\U0010ffff", ["\U0010ffff", "\U0010ffffa"]),
        ("a\U0010ffff", ["a\U0010ffff", "A\U0010ffffb"]),
        ("x\ud7ff", ["x\ud7ff", "x\ud7ff\U0010ffff"]),
        ("x\ue000", ["X\ue000"]),
        ("\U0010ffff_", ["\U0010ffffa"]),
        ("a\U0010ffff%b", ["A\U0010ffffb"]),
    ],
    ids=["highest", "after-a-letter", "below-surrogates", "above-surrogates", "then-_", "then-%"],
)
def test_a_prefix_at_the_edges_of_the_index_finds_every_match(prefix, found):
    backend = MonitorServerBackend(MockClock(start=START, frozen=True), page_size=10)
    for h in [
        "\U0010ffff",
        "a\U0010ffff",
        "\U0010ffffa",
        "A\U0010ffffb",
        "x\ud7ff",
        "x\ud7ff\U0010ffff",
        "X\ue000",
        "b",
    ]:
        backend.create_session(
            {"session_h": h, "run_date": "2024", "scm_ref": None, "description": {}}
        )
    assert [s["session_h"] for s in backend.list_sessions(prefix).items] == found
