"""The Preservica backend against a reference model: monitors, messages, timeseries, tokens.

A ``RuleBasedStateMachine`` adds monitors (seed format, with messages), advances them
(files, status, messages), lists them with random filters (AND across filters, any-of
within a comma list, unknown enum values refused), pages through messages with random
``start``/``max``, reads timeseries, logs in and refreshes while the clock moves. Every
answer must equal the model's: filters are linear scans, pages are slices, a token is
alive for ``validFor`` minutes of clock time.

Messages of several monitors are oldest first across them; among messages of one
instant the order is left open, so there the machine checks dates and each monitor's own
order rather than one exact sequence.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput, NotFound, Unauthorized
from mock_server.preservica.backend import PreservicaBackend
from mock_server.preservica.records import EXPIRES_AT
from tests.conftest import START
from tests.properties._support import assert_machine_fails, machine_settings, refused

# The spec's enums, written out (the model does not borrow the backend's).
STATUSES = ("Pending", "Running", "Succeeded", "Failed", "Suspended", "Recoverable")
CATEGORIES = ("Ingest", "Export", "DataManagement", "Automated")
MESSAGE_STATUSES = ("Info", "Warning", "Error", "Debug")
FINISHED = ("Succeeded", "Failed")
NAMES = ("opex/Alpha-1", "OPEX/beta", "export/Gamma", "Straße/ingest", "pax")
SUBCATEGORIES = ("OPEX", "opex", "Bulk", "XIP")
NAME_PARTS = ("opex", "OPEX/", "a", "BETA", "ss", "", "zzz")
USERS = {("TEST", "test"): "test", ("TEST", "other"): "pw", ("OTHER", "test"): "secret"}
NEVER = "f" * 32  # a monitor id never added
POINT_FIELDS = (
    "timestamp",
    "status",
    "percentComplete",
    "filesProcessed",
    "filesPending",
    "warnings",
    "errors",
)


def epoch(timestamp: str) -> float:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp()


# --------------------------------------------------------------------------- the model


@dataclass
class Monitor:
    id: str
    name: str
    status: str
    category: str
    subcategory: str
    pending: int
    processed: int
    warnings: int
    errors: int
    percent: str
    completed: float | None
    points: list[dict] = field(default_factory=list)

    def expected(self) -> dict[str, Any]:
        """The fields of the rendered monitor the model vouches for."""
        return {
            "mappedId": self.id,
            "name": self.name,
            "status": self.status,
            "category": self.category,
            "subcategory": self.subcategory,
            "filesPending": self.pending,
            "filesProcessed": self.processed,
            "warnings": self.warnings,
            "errors": self.errors,
            "percentComplete": self.percent,
            "completed": self.completed,
        }


class ReferencePreservica:
    def __init__(self) -> None:
        self.monitors: list[Monitor] = []  # in the order added
        self.messages: list[dict] = []  # every message ever added, oldest first
        self.tokens: dict[str, tuple[tuple[str, str], float]] = {}  # token -> user, expiry
        self.refresh_tokens: dict[str, tuple[tuple[str, str], float]] = {}  # unused ones

    def monitor(self, monitor_id: str) -> Monitor | None:
        return next((m for m in self.monitors if m.id == monitor_id), None)

    def filtered(self, status, category, subcategory, name) -> list[Monitor]:
        """Every filter given must hold (AND); a filter holds when any of its values does."""

        def matches(m: Monitor) -> bool:
            return (
                (not status or m.status in status)
                and (not category or m.category in category)
                and (not subcategory or m.subcategory in subcategory)
                and (not name or any(part.casefold() in m.name.casefold() for part in name))
            )

        return [m for m in self.monitors if matches(m)]

    def matching_messages(self, monitor_ids: list[str], statuses: list[str] | None) -> list:
        return [
            m
            for m in self.messages
            if m["monitor"] in monitor_ids and (not statuses or m["status"] in statuses)
        ]


# --------------------------------------------------------------------------- strategies


def comma_list(values: tuple[str, ...], bad: str | None = None) -> st.SearchStrategy:
    """A filter as the backend takes it: absent, or a list of values (a parsed comma list);
    sometimes with a value the enum does not know."""
    choices = values if bad is None else (*values, bad)
    return st.none() | st.lists(st.sampled_from(choices), max_size=3)


hex_ids = st.integers(1, 2**128 - 2).map(lambda n: f"{n:032x}")
message_statuses = st.lists(st.sampled_from(MESSAGE_STATUSES), max_size=3)
monitor_fields = {
    "name": st.sampled_from(NAMES),
    "status": st.sampled_from(STATUSES),
    "category": st.sampled_from(CATEGORIES),
    "subcategory": st.sampled_from(SUBCATEGORIES),
    "pending": st.integers(0, 5),
    "processed": st.integers(0, 5),
    "statuses": message_statuses,
}
monitors = st.fixed_dictionaries(monitor_fields)


# --------------------------------------------------------------------------- the machine


class PreservicaMachine(RuleBasedStateMachine):
    backend_class: type[PreservicaBackend] = PreservicaBackend

    def __init__(self) -> None:
        super().__init__()
        self.clock = MockClock(start=START, frozen=True)
        self.model = ReferencePreservica()
        self.message_ids = (f"{n:032x}" for n in itertools.count(1))

    @initialize(token_minutes=st.sampled_from([1, 2, 15]), data=st.data())
    def build(self, token_minutes: int, data: st.DataObject) -> None:
        self.token_minutes = token_minutes
        self.backend = self.backend_class(self.clock, token_minutes=token_minutes)
        self.backend.load_seed(
            {"users": [{"username": u, "password": p, "tenant": t} for (t, u), p in USERS.items()]}
        )
        # Start with monitors to filter and page through, from a seed document.
        ids = data.draw(st.lists(hex_ids, unique=True, max_size=8), label="ids")
        seeds = []
        for monitor_id in ids:
            seed, monitor = self._new_monitor(monitor_id, **data.draw(monitors))
            seeds.append(seed)
            self._store(seed, monitor)
        added = self.backend.load_seed({"monitors": seeds})
        assert added == {
            "users": 0,
            "monitors": len(seeds),
            "messages": len(self.model.messages),
            "timeseries": 0,
        }
        for monitor in self.model.monitors:
            self._check_monitor(self.backend.get_monitor(monitor.id), monitor)
        self.login(("TEST", "test"), right_password=True)  # a token to watch expire

    def _messages(self, statuses: list[str]) -> list[dict]:
        return [
            {"mappedId": next(self.message_ids), "status": s, "displayMessage": f"m-{s}"}
            for s in statuses
        ]

    def _record_messages(self, monitor: Monitor, messages: list[dict]) -> None:
        for message in messages:
            self.model.messages.append(
                {
                    "id": message["mappedId"],
                    "monitor": monitor.id,
                    "status": message["status"],
                    "date": self.clock.now(),
                }
            )
            monitor.warnings += message["status"] == "Warning"
            monitor.errors += message["status"] == "Error"

    # --- monitors ----------------------------------------------------------------------

    def _new_monitor(
        self, monitor_id, name, status, category, subcategory, pending, processed, statuses
    ) -> tuple[dict, Monitor]:
        """A monitor in the seed format, and what the model expects of it once added."""
        messages = self._messages(statuses)
        seed = {
            "mappedId": monitor_id,
            "name": name,
            "status": status,
            "category": category,
            "subcategory": subcategory,
            "filesPending": pending,
            "filesProcessed": processed,
            "messages": messages,
        }
        total = pending + processed
        monitor = Monitor(
            id=monitor_id,
            name=name,
            status=status,
            category=category,
            subcategory=subcategory,
            pending=pending,
            processed=processed,
            warnings=0,
            errors=0,  # the seed leaves them out: they follow from its messages
            percent=str(processed * 100 // total) if total else "",
            completed=self.clock.now() if status in FINISHED else None,
        )
        return seed, monitor

    def _store(self, seed: dict, monitor: Monitor) -> None:
        self.model.monitors.append(monitor)
        self._record_messages(monitor, seed["messages"])

    @rule(data=st.data(), **monitor_fields)
    def add_monitor(self, data, **fields) -> None:
        known = [m.id for m in self.model.monitors]
        monitor_id = data.draw(st.sampled_from(known) | hex_ids if known else hex_ids)
        if monitor_id in known:
            with refused(Conflict):
                self.backend.add_monitor(self._new_monitor(monitor_id, **fields)[0])
            return
        seed, monitor = self._new_monitor(monitor_id, **fields)
        self._store(seed, monitor)
        self._check_monitor(self.backend.add_monitor(seed), monitor)

    def _check_monitor(self, rendered: dict, monitor: Monitor) -> None:
        shown = {k: rendered[k] for k in monitor.expected()}
        if shown["completed"] is not None:
            shown["completed"] = epoch(shown["completed"])
        assert shown == monitor.expected()

    @precondition(lambda self: self.model.monitors)
    @rule(
        data=st.data(),
        files=st.integers(0, 4),
        status=st.none() | st.sampled_from(STATUSES),
        statuses=message_statuses,
    )
    def advance_monitor(self, data, files: int, status: str | None, statuses: list) -> None:
        monitor = data.draw(st.sampled_from(self.model.monitors))
        messages = self._messages(statuses)
        rendered = self.backend.advance_monitor(
            monitor.id, files=files, status=status, messages=messages
        )
        now = self.clock.now()
        moved = min(files, monitor.pending)
        monitor.pending -= moved
        monitor.processed += moved
        if monitor.pending + monitor.processed:
            monitor.percent = str(monitor.processed * 100 // (monitor.pending + monitor.processed))
        if status is not None:
            if status not in FINISHED:
                monitor.completed = None
            elif monitor.status not in FINISHED:
                monitor.completed = now
            monitor.status = status
        self._record_messages(monitor, messages)
        monitor.points.append(
            {
                "timestamp": now,
                "status": monitor.status,
                "percentComplete": monitor.percent,
                "filesProcessed": monitor.processed,
                "filesPending": monitor.pending,
                "warnings": monitor.warnings,
                "errors": monitor.errors,
            }
        )
        self._check_monitor(rendered, monitor)

    @rule(monitor_id=st.just(NEVER), status=st.sampled_from([None, "Running", "Done"]))
    def advance_an_unknown_monitor_or_to_an_unknown_status(self, monitor_id, status) -> None:
        error = InvalidInput if status == "Done" else NotFound
        with refused(error):
            self.backend.advance_monitor(monitor_id, status=status)

    filters = {
        "status": comma_list(STATUSES, bad="Done"),
        "category": comma_list(CATEGORIES, bad="ingest"),
        "subcategory": comma_list((*SUBCATEGORIES, "Other")),
        "name": comma_list(NAME_PARTS),
    }

    @rule(**filters)
    def list_monitors_again(self, status, category, subcategory, name) -> None:
        """Filtering is the point of the listing: a second rule makes it twice as likely."""
        self.list_monitors(status, category, subcategory, name)

    @rule(**filters)
    def list_monitors(self, status, category, subcategory, name) -> None:
        if "Done" in (status or ()) or "ingest" in (category or ()):
            with refused(InvalidInput):
                self.backend.list_monitors(
                    status=status, category=category, subcategory=subcategory, name=name
                )
            return
        listed = self.backend.list_monitors(
            status=status, category=category, subcategory=subcategory, name=name
        )
        expected = self.model.filtered(status, category, subcategory, name)
        assert [m["mappedId"] for m in listed] == [m.id for m in expected]
        for rendered, monitor in zip(listed, expected, strict=True):
            self._check_monitor(rendered, monitor)

    # --- messages and timeseries -------------------------------------------------------

    @rule(
        data=st.data(),
        statuses=comma_list(MESSAGE_STATUSES, bad="Fatal"),
        start=st.integers(-1, 12),
        size=st.sampled_from([0, 1, 2, 3, 4, 5, 6, 1000]),
    )
    def list_messages(self, data, statuses, start: int, size: int) -> None:
        known = [m.id for m in self.model.monitors]
        some_id = st.sampled_from([*known, NEVER])
        ids = data.draw(some_id.map(lambda i: [i]) | st.lists(some_id, max_size=3), label="ids")
        if start < 0 or size < 1 or "Fatal" in (statuses or ()):
            with refused(InvalidInput):
                self.backend.list_messages(ids, status=statuses, start=start, max_results=size)
            return
        page = self.backend.list_messages(ids, status=statuses, start=start, max_results=size)
        matching = [m["id"] for m in self.model.matching_messages(ids, statuses)]
        assert page["totalResults"] == len(matching)
        got = [m["mappedId"] for m in page["messages"]]
        if len(set(ids) & set(known)) <= 1:
            assert got == matching[start : start + size]
            return
        # Several monitors: oldest first, each monitor's messages in their order, and
        # paging slices that one order.
        everything = self.backend.list_messages(ids, status=statuses, max_results=1000)
        every_id = [m["mappedId"] for m in everything["messages"]]
        assert Counter(every_id) == Counter(matching)
        assert got == every_id[start : start + size]
        dates = [epoch(m["date"]) for m in everything["messages"]]
        assert dates == sorted(dates)
        date_of = {m["id"]: m["date"] for m in self.model.messages}
        assert dates == [date_of[i] for i in every_id]
        for monitor_id in set(ids):
            theirs = {m["id"] for m in self.model.messages if m["monitor"] == monitor_id}
            assert [i for i in every_id if i in theirs] == [i for i in matching if i in theirs]

    @rule(data=st.data())
    def get_timeseries(self, data: st.DataObject) -> None:
        known = self.model.monitors
        monitor = data.draw(st.sampled_from(known) | st.none() if known else st.none())
        if monitor is None:
            with refused(NotFound):
                self.backend.get_timeseries(NEVER)
            return
        shown = [
            {**{k: point[k] for k in POINT_FIELDS}, "timestamp": epoch(point["timestamp"])}
            for point in self.backend.get_timeseries(monitor.id)
        ]
        assert shown == monitor.points

    # --- tokens and the clock ----------------------------------------------------------

    @rule(seconds=st.sampled_from([0, 1, 30, 59, 60, 61, 119, 120, 300, 899, 900]))
    def advance_clock(self, seconds: int) -> None:
        self.clock.advance(seconds)

    @rule(user=st.sampled_from(sorted(USERS)), right_password=st.booleans())
    def login(self, user: tuple[str, str], right_password: bool) -> None:
        tenant, username = user
        password = USERS[user] if right_password else USERS[user] + "!"
        if not right_password:
            with refused(Unauthorized):
                self.backend.login(username, password, tenant)
            return
        answer = self.backend.login(username, password, tenant)
        assert (answer["user"], answer["tenant"]) == (username, tenant)
        assert answer["validFor"] == self.token_minutes
        expires_at = self.clock.now() + answer["validFor"] * 60
        self.model.tokens[answer["token"]] = (user, expires_at)
        self.model.refresh_tokens[answer["refresh-token"]] = (user, expires_at)

    @precondition(lambda self: self.model.tokens and self.model.refresh_tokens)
    @rule(data=st.data())
    def refresh(self, data: st.DataObject) -> None:
        token = data.draw(st.sampled_from(list(self.model.tokens)))
        refresh_token = data.draw(st.sampled_from(list(self.model.refresh_tokens)))
        now = self.clock.now()
        user, token_expiry = self.model.tokens[token]
        issued_to, refresh_expiry = self.model.refresh_tokens[refresh_token]
        if now >= token_expiry or now >= refresh_expiry or issued_to != user:
            with refused(Unauthorized):
                self.backend.refresh(token, refresh_token)
        else:
            answer = self.backend.refresh(token, refresh_token)
            assert answer["validFor"] == self.token_minutes
            expires_at = now + answer["validFor"] * 60
            self.model.tokens[answer["token"]] = (user, expires_at)
            self.model.refresh_tokens[answer["refresh-token"]] = (user, expires_at)
        # Used up; or refused, and then whether it was spent is the backend's business.
        del self.model.refresh_tokens[refresh_token]

    @invariant()
    def tokens_live_for_valid_for_minutes(self) -> None:
        now = self.clock.now()
        for token, ((tenant, username), expires_at) in self.model.tokens.items():
            if now < expires_at:
                assert self.backend.authenticate(token) == {"user": username, "tenant": tenant}
            else:
                with refused(Unauthorized):
                    self.backend.authenticate(token)

    @invariant()
    def every_monitor_is_listed_in_order(self) -> None:
        if hasattr(self, "backend"):
            listed = self.backend.list_monitors()
            assert [m["mappedId"] for m in listed] == [m.id for m in self.model.monitors]


PreservicaMachine.TestCase.settings = machine_settings(scale=3)
TestPreservicaMachine = PreservicaMachine.TestCase


# --------------------------------------------------------------------------- it can fail


class _FiltersOred(PreservicaBackend):
    """Filters broken: two filters together give either's matches (OR, not AND)."""

    def list_monitors(self, *, status=None, category=None, subcategory=None, name=None):
        if not (status and category):
            return super().list_monitors(
                status=status, category=category, subcategory=subcategory, name=name
            )
        either = super().list_monitors(status=status) + super().list_monitors(category=category)
        return list({m["mappedId"]: m for m in either}.values())


class _TokensOutliveValidFor(PreservicaBackend):
    """Expiry broken: a token still works for a minute after ``validFor``."""

    def _live_session(self, access_token):
        session = self._sessions.get(access_token)
        if session is None or session[EXPIRES_AT] + 60 <= self.clock.now():
            raise Unauthorized("access token unknown or expired")
        return session


@pytest.mark.parametrize("broken", [_FiltersOred, _TokensOutliveValidFor])
def test_the_machine_finds_a_broken_rule(broken):
    machine = type(f"Machine{broken.__name__}", (PreservicaMachine,), {"backend_class": broken})
    assert_machine_fails(machine)


# --------------------------------------------------------------------------- regressions


def test_messages_of_several_monitors_are_oldest_first():
    clock = MockClock(start=START, frozen=True)
    backend = PreservicaBackend(clock)
    first, second = "a" * 32, "b" * 32
    backend.add_monitor({"mappedId": first, "name": "first"})
    backend.add_monitor({"mappedId": second, "name": "second"})
    for monitor, text in ((first, "1"), (second, "2"), (first, "3")):
        backend.advance_monitor(monitor, messages=[{"displayMessage": text}])
        clock.advance(10)
    for ids in ([first, second], [second, first]):
        listed = backend.list_messages(ids)["messages"]
        assert [m["displayMessage"] for m in listed] == ["1", "2", "3"]
