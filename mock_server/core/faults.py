"""HTTP fault rules for the served APIs: which requests a rule takes, what it does to them,
and how many it has left.

The rules are state like any backend's (added, listed, removed, cleared by ``reset``) and
know nothing of HTTP: ``pick`` is asked, per request, which rule acts on a request of this
API, operation, method and path, and counts it. Applying the action (an error answer, a
delay, a cut connection) is the traffic middleware's (``mock_server.traffic``).
"""

from __future__ import annotations

import asyncio
import fnmatch
import itertools
import random
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mock_server.core.errors import InvalidInput, NotFound, quoted

#: The longest delay a rule may add (latency plus jitter): a test waiting on a mock
#: should not hang for minutes because of a typo.
MAX_LATENCY = 60.0
ACTION_KINDS = ("status", "latency", "disconnect", "truncate")
DISCONNECTS = ("before_response", "mid_body")
_MATCH_KEYS = frozenset({"api", "operation", "method", "path"})
_ACTION_KEYS = frozenset(
    {"status", "headers", "body", "content_type", "latency", "jitter", "disconnect", "truncate"}
)
_RULE_KEYS = frozenset({"match", "action", "times", "probability", "seed", "id", "hits"})
#: Keys each kind of action may carry besides its own.
_WITH = {"status": {"headers", "body", "content_type"}, "latency": {"jitter"}}


@dataclass(frozen=True, slots=True)
class FaultAction:
    """What a rule does to a request it acts on (``kind`` is one of ``ACTION_KINDS``)."""

    kind: str
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    content_type: str | None = None
    latency: float = 0.0
    jitter: float = 0.0
    disconnect: str | None = None
    truncate: int | None = None

    def to_wire(self) -> dict[str, Any]:
        if self.kind == "status":
            wire: dict[str, Any] = {"status": self.status}
            if self.headers:
                wire["headers"] = dict(self.headers)
            if self.body is not None:
                wire["body"] = self.body
            if self.content_type is not None:
                wire["content_type"] = self.content_type
            return wire
        if self.kind == "latency":
            wire = {"latency": self.latency}
            if self.jitter:
                wire["jitter"] = self.jitter
            return wire
        if self.kind == "disconnect":
            return {"disconnect": self.disconnect}
        return {"truncate": self.truncate}


@dataclass(frozen=True, slots=True)
class FaultHit:
    """A rule acting on one request: its id, its action, and the delay drawn for it."""

    rule_id: str
    action: FaultAction
    delay: float = 0.0

    def to_wire(self) -> dict[str, Any]:
        return {"id": self.rule_id, "action": self.action.to_wire()}


@dataclass(slots=True)
class FaultRule:
    id: str
    match: dict[str, str]
    action: FaultAction
    times: int | None
    probability: float
    seed: int | None
    hits: int = 0
    _path: re.Pattern[str] | None = None
    #: What a path must start with to match: the glob up to its first wildcard.
    _path_start: str = ""
    _random: random.Random = field(default_factory=random.Random)

    def matches(self, operation: str | None, method: str, path: str) -> bool:
        """Whether the rule takes a request of an API it applies to (``FaultRules``
        keeps the rules per API)."""
        match = self.match
        if not match:
            return True
        wanted = match.get("operation")
        if wanted is not None and wanted != operation:
            return False
        wanted = match.get("method")
        if wanted is not None and wanted != method.upper():
            return False
        if self._path is None:
            return True
        return path.startswith(self._path_start) and self._path.match(path) is not None

    def applies_to(self, api: str, operations: frozenset[str]) -> bool:
        wanted = self.match.get("operation")
        return self.match.get("api", api) == api and (wanted is None or wanted in operations)

    def draw(self) -> FaultHit | None:
        """Whether the rule acts on a request it matches (its probability), and the delay
        it asks for; each draw comes from the rule's own generator, so a seeded rule acts
        on the same requests in every run that sends the same ones."""
        if self.probability < 1 and self._random.random() >= self.probability:
            return None
        action = self.action
        delay = 0.0
        if action.kind == "latency":
            delay = action.latency
            if action.jitter:
                delay += self._random.uniform(-action.jitter, action.jitter)
            delay = min(max(delay, 0.0), MAX_LATENCY)
        return FaultHit(self.id, action, delay)

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "match": dict(self.match),
            "action": self.action.to_wire(),
            "times": self.times,
            "probability": self.probability,
            "seed": self.seed,
            "hits": self.hits,
        }


class Delays:
    """The real waits faults ask for (an HTTP rule's ``latency``, an observation fault's),
    all cut short at once when the server stops: a SIGTERM should not wait a minute for
    answers that were only ever delayed on purpose."""

    def __init__(self) -> None:
        self._waiting: set[asyncio.Future[None]] = set()
        #: Set when the server stops; later waits end at once.
        self.released = False

    async def wait(self, seconds: float) -> None:
        if seconds <= 0 or self.released:
            return
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        timer = loop.call_later(seconds, _wake, waiter)
        self._waiting.add(waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            self._waiting.discard(waiter)

    def release(self) -> None:
        """End every wait now, and every later one at once. Safe from a signal handler or
        another thread."""
        self.released = True
        for waiter in list(self._waiting):
            waiter.get_loop().call_soon_threadsafe(_wake, waiter)


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class FaultRules:
    """The HTTP fault rules of one mock, in the order they apply.

    ``operations``: per served API, its operationIds (a rule naming another is refused).
    """

    def __init__(self, operations: Mapping[str, frozenset[str]]) -> None:
        self.operations = dict(operations)
        #: Where the latency of every fault (HTTP rules and aepublish's) is waited out.
        self.delays = Delays()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._rules: list[FaultRule] = []
        #: Per served API, the rules that can take its requests, in order: a request of an
        #: API no rule names is done with in one lookup. Replaced, never changed in place.
        self._by_api: dict[str, tuple[FaultRule, ...]] = {}
        #: Whether any rule is held: the one thing a request pays for when none is.
        self.active = False
        #: Whether a rule names an operation (so a request must be routed to check it).
        self.needs_operation = False
        #: When every rule names a path, the starts those paths have (for one
        #: ``str.startswith``): a request whose path has none of them is not routed at all.
        self.path_starts: tuple[str, ...] | None = None

    def add(self, rule: Any) -> dict[str, Any]:
        parsed = self._parse(rule)
        with self._lock:
            parsed.id = f"rule-{next(self._ids)}"
            self._rules = [*self._rules, parsed]
            self.active = True
            self._held_changed()
            return parsed.to_wire()

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [rule.to_wire() for rule in self._rules]

    def remove(self, rule_id: str) -> None:
        with self._lock:
            kept = [rule for rule in self._rules if rule.id != rule_id]
            if len(kept) == len(self._rules):
                raise NotFound(f"no fault rule {quoted(rule_id)}")
            self._rules = kept
            self.active = bool(kept)
            self._held_changed()

    def clear(self) -> None:
        with self._lock:
            self._rules = []
            self.active = False
            self._held_changed()

    def _held_changed(self) -> None:
        # What each request would otherwise work out again, from the rules alone.
        rules = self._rules
        self.needs_operation = any("operation" in rule.match for rule in rules)
        self.path_starts = (
            tuple(rule._path_start for rule in rules)
            if rules and all(rule._path is not None for rule in rules)
            else None
        )
        self._by_api = {
            api: tuple(rule for rule in rules if rule.applies_to(api, operations))
            for api, operations in self.operations.items()
        }

    def pick(
        self, api: str | None, operation: str | None, method: str, path: str
    ) -> FaultHit | None:
        """The first rule that acts on this request, counted; None when none does.

        A request that belongs to no served API (``api`` None) is never faulted."""
        if api is None:
            return None
        # Most requests fit no rule: found out without the lock (the tables are replaced,
        # never changed in place, so reading them here is safe).
        candidates = self._by_api.get(api)
        if not candidates:
            return None
        for rule in candidates:
            if rule.matches(operation, method, path):
                break
        else:
            return None
        with self._lock:
            for rule in self._by_api.get(api, ()):
                if not rule.matches(operation, method, path):
                    continue
                hit = rule.draw()
                if hit is None:
                    continue
                rule.hits += 1
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules = [r for r in self._rules if r is not rule]
                        self.active = bool(self._rules)
                        self._held_changed()
                return hit
        return None

    # --- parsing (InvalidInput names what is wrong) -----------------------------------------

    def _parse(self, rule: Any) -> FaultRule:
        if not isinstance(rule, dict):
            raise InvalidInput("a fault rule must be an object")
        unknown = sorted(set(rule) - _RULE_KEYS, key=str)
        if unknown:
            raise InvalidInput(f"unknown field(s) {_names(unknown)}")
        match = self._parse_match(rule.get("match") or {})
        action = _parse_action(rule.get("action"))
        times = rule.get("times")
        if times is not None and not (_is_integer(times) and times >= 1):
            raise InvalidInput("times must be an integer of at least 1 (absent: until removed)")
        probability = rule.get("probability", 1)
        if (
            isinstance(probability, bool)
            or not isinstance(probability, (int, float))
            or not 0 <= probability <= 1
        ):
            raise InvalidInput("probability must be a number from 0 to 1")
        seed = rule.get("seed")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise InvalidInput("seed must be an integer")
        path = match.get("path")
        return FaultRule(
            id="",
            match=match,
            action=action,
            times=times,
            probability=float(probability),
            seed=seed,
            _path=None if path is None else re.compile(fnmatch.translate(path)),
            _path_start="" if path is None else _GLOB_WILDCARD.split(path, maxsplit=1)[0],
            _random=random.Random(seed),
        )

    def _parse_match(self, match: Any) -> dict[str, str]:
        if not isinstance(match, dict):
            raise InvalidInput("match must be an object")
        unknown = sorted(set(match) - _MATCH_KEYS, key=str)
        if unknown:
            raise InvalidInput(f"match: unknown field(s) {_names(unknown)}")
        for key, value in match.items():
            if not isinstance(value, str) or not value:
                raise InvalidInput(f"match.{key} must be a non-empty string")
        parsed = dict(match)
        api = parsed.get("api")
        if api is not None and api not in self.operations:
            served = ", ".join(self.operations) or "none"
            raise InvalidInput(f"match.api: {quoted(api)} is not served here (served: {served})")
        operation = parsed.get("operation")
        if operation is not None:
            apis = [api] if api is not None else list(self.operations)
            if not any(operation in self.operations[a] for a in apis):
                where = f"the {api} API" if api is not None else "any served API"
                raise InvalidInput(
                    f"match.operation: {quoted(operation)} is no operationId of {where}"
                )
        if "method" in parsed:
            parsed["method"] = parsed["method"].upper()
        return parsed


def _parse_action(action: Any) -> FaultAction:
    if not isinstance(action, dict):
        raise InvalidInput("action must be an object")
    unknown = sorted(set(action) - _ACTION_KEYS, key=str)
    if unknown:
        raise InvalidInput(f"action: unknown field(s) {_names(unknown)}")
    kinds = [kind for kind in ACTION_KINDS if kind in action]
    if len(kinds) != 1:
        raise InvalidInput(
            "action: exactly one of status, latency, disconnect and truncate "
            f"(got {', '.join(kinds) or 'none'})"
        )
    [kind] = kinds
    stray = sorted(set(action) - {kind} - _WITH.get(kind, set()))
    if stray:
        raise InvalidInput(f"action: {', '.join(stray)} does not go with {kind}")
    if kind == "status":
        status = action["status"]
        if isinstance(status, bool) or not isinstance(status, int) or not 200 <= status <= 599:
            raise InvalidInput("action.status must be an HTTP status from 200 to 599")
        headers = action.get("headers") or {}
        if not isinstance(headers, dict) or not all(
            isinstance(k, str) and k and isinstance(v, str) for k, v in headers.items()
        ):
            raise InvalidInput("action.headers must map header names to text")
        for name, value in headers.items():
            if not _HEADER_NAME.fullmatch(name) or not _header_value_ok(value):
                raise InvalidInput(
                    f"action.headers: {quoted(name)} cannot be sent as an HTTP header"
                )
        body = action.get("body")
        if body is not None and not isinstance(body, str):
            raise InvalidInput("action.body must be text")
        content_type = action.get("content_type")
        if content_type is not None and not (
            isinstance(content_type, str) and content_type and _header_value_ok(content_type)
        ):
            raise InvalidInput("action.content_type must be a media type")
        return FaultAction(
            "status",
            status=status,
            headers=tuple(headers.items()),
            body=body,
            content_type=content_type,
        )
    if kind == "latency":
        latency = _seconds(action, "latency")
        jitter = _seconds(action, "jitter") if "jitter" in action else 0.0
        if latency + jitter > MAX_LATENCY:
            raise InvalidInput(f"action: latency and jitter add up to at most {MAX_LATENCY:g} s")
        return FaultAction("latency", latency=latency, jitter=jitter)
    if kind == "disconnect":
        if action["disconnect"] not in DISCONNECTS:
            raise InvalidInput(f"action.disconnect must be one of {', '.join(DISCONNECTS)}")
        return FaultAction("disconnect", disconnect=action["disconnect"])
    truncate = action["truncate"]
    if isinstance(truncate, bool) or not isinstance(truncate, int) or truncate < 0:
        raise InvalidInput("action.truncate must be a number of bytes (0 or more)")
    return FaultAction("truncate", truncate=truncate)


def _names(keys: list[Any]) -> str:
    """Field names for a detail: a few of them, each quoted short."""
    shown = ", ".join(k if isinstance(k, str) and len(k) <= 40 else quoted(k) for k in keys[:5])
    return shown + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")


def _seconds(action: dict[str, Any], key: str) -> float:
    value = action[key]
    if not (_is_number(value) and 0 <= value <= MAX_LATENCY):
        raise InvalidInput(f"action.{key} must be seconds from 0 to {MAX_LATENCY:g}")
    return float(value)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_GLOB_WILDCARD = re.compile(r"[*?\[]")

# RFC 9110 token characters for a field name; a value of visible ASCII, spaces and tabs.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def _header_value_ok(value: str) -> bool:
    return all(32 <= ord(c) < 127 or c == "\t" for c in value)
