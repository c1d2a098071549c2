"""The six rules that decide each observation's outcome (docs/aepublish.md).

Kept apart from the backend so the rules read top to bottom in one place; the backend owns
the lock, the accounts and the tokens, and hands the judge one account's ledger at a time.
Everything here runs once per observation, so it sticks to type checks and dict lookups.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from mock_server.core.errors import quoted

OUTCOMES: tuple[str, ...] = ("success", "retry", "error", "suppressed", "throttled", "duplicate")


@dataclass(frozen=True, slots=True)
class Definition:
    """An observation definition: what counts as "the same" observation, and its quota."""

    path: str
    unique: tuple[str, ...] = ()
    unique_window: float = 0
    throttle_count: int | None = None
    throttle_period: float = 60
    account_id: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "unique": list(self.unique),
            "unique_window": self.unique_window,
            "throttle_count": self.throttle_count,
            "throttle_period": self.throttle_period,
            "account_id": self.account_id,
        }


@dataclass(slots=True)
class Fault:
    """An injected `retry` for the next ``times`` observations of a definition."""

    id: str
    definition: str
    delay: int
    times: int | None = None  # None: until removed
    latency: float = 0

    def to_wire(self) -> dict[str, Any]:
        wire = {"id": self.id, "definition": self.definition, "delay": self.delay}
        if self.times is not None:  # absent on the wire means "until removed"
            wire["times"] = self.times
        wire["latency"] = self.latency
        return wire


#: The values of a definition's unique properties: (name, identity of its value) pairs,
#: sorted by name.
UniqueValues = tuple[tuple[str, Hashable], ...]


class AccountLedger:
    """What one account's successes left behind; the only memory the rules consult."""

    __slots__ = ("markers", "successes", "unique_keys")

    def __init__(self) -> None:
        #: progress marker -> ingest_id of its first (successful) publication
        self.markers: dict[str, str] = {}
        #: (definition path, unique values) -> (ingest_id, mock time of that success)
        self.unique_keys: dict[tuple[str, UniqueValues], tuple[str, float]] = {}
        #: definition path -> mock times of its recent successes, oldest first
        self.successes: dict[str, deque[float]] = {}

    def merge(self, other: AccountLedger) -> None:
        """Take in a seed's history of the same account (its entries win)."""
        self.markers.update(other.markers)
        self.unique_keys.update(other.unique_keys)
        self.successes.update(other.successes)

    def successes_within(self, definition: Definition, now: float) -> int:
        times = self.successes.get(definition.path)
        if not times:
            return 0
        cutoff = now - definition.throttle_period
        while times and times[0] <= cutoff:
            times.popleft()
        return len(times)

    def record(
        self,
        definition: Definition,
        marker: str | None,
        key: tuple[str, UniqueValues] | None,
        ingest_id: str,
        now: float,
    ) -> None:
        if marker is not None:
            self.markers[marker] = ingest_id
        if key is not None:
            self.unique_keys[key] = (ingest_id, now)
        if definition.throttle_count is not None:
            times = self.successes.setdefault(definition.path, deque())
            times.append(now)
            # Only the latest throttle_count successes can ever decide a later verdict.
            if len(times) > definition.throttle_count:
                times.popleft()


class ObservationJudge:
    """Judges the observations of one request for one account, in array order.

    Built per request under the backend's lock; ``faults`` is the backend's own dict, so a
    fault's ``times`` is consumed (and the fault dropped when it runs out) as it matches.
    """

    def __init__(
        self,
        *,
        account_id: str,
        ledger: AccountLedger,
        definition_for: Callable[[str], Definition | None],
        faults: dict[str, Fault],
        now: float,
        new_ingest_id: Callable[[], str],
    ) -> None:
        self._account_id = account_id
        self._ledger = ledger
        self._definition_for = definition_for
        self._faults = faults
        self._now = now
        self._new_ingest_id = new_ingest_id
        self.stats: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
        #: the longest real delay asked for by a fault that matched in this request
        self.latency: float = 0

    def judge_all(self, observations: list[Any]) -> list[dict[str, Any]]:
        results = [self.judge(observation) for observation in observations]
        stats = self.stats
        for result in results:
            stats[result["outcome"]] += 1
        return results

    def judge(self, observation: Any) -> dict[str, Any]:
        # Rule 1: the observation itself must make sense.
        problem = _malformation(observation)
        if problem:
            return {"outcome": "error", "details": problem}
        definition = self._definition_for(observation["definition"])
        if definition is None:
            return {
                "outcome": "error",
                "details": f"unknown observation definition {quoted(observation['definition'])} "
                f"for account {quoted(self._account_id)}",
            }
        # Rule 2: an injected fault.
        if self._faults:
            fault = self._take_fault(definition.path)
            if fault is not None:
                return {
                    "outcome": "retry",
                    "delay": fault.delay,
                    "details": f"fault injected for {definition.path}",
                }
        ledger = self._ledger
        # Rule 3: a progress marker seen before.
        marker = observation.get("progress_marker")
        if marker is not None:
            first = ledger.markers.get(marker)
            if first is not None:
                return {"outcome": "duplicate", "ingest_id": first}
        # Rule 4: a recent success with the same unique values.
        try:
            key = _unique_key(definition, observation.get("data") or {})
        except Unjudgeable as problem:  # rule 1 after all: its values cannot be compared
            return {"outcome": "error", "details": str(problem)}
        if key is not None:
            earlier = ledger.unique_keys.get(key)
            if earlier is not None and self._now < earlier[1] + definition.unique_window:
                return {"outcome": "suppressed", "ingest_id": earlier[0]}
        # Rule 5: the definition's quota.
        if (
            definition.throttle_count is not None
            and ledger.successes_within(definition, self._now) >= definition.throttle_count
        ):
            return {"outcome": "throttled"}
        # Rule 6: success.
        ingest_id = self._new_ingest_id()
        ledger.record(definition, marker, key, ingest_id, self._now)
        if marker is None:
            return {"outcome": "success", "ingest_id": ingest_id}
        return {"outcome": "success", "ingest_id": ingest_id, "chkpt": marker}

    def _take_fault(self, path: str) -> Fault | None:
        for fault_id, fault in self._faults.items():
            if fault.definition != path:
                continue
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[fault_id]
            self.latency = max(self.latency, fault.latency)
            return fault
        return None


def _malformation(observation: Any) -> str | None:
    """Why an observation cannot be judged further, or None when it can."""
    if not isinstance(observation, dict):
        return f"observation must be a JSON object, not {_json_type(observation)}"
    definition = observation.get("definition")
    if definition is None:
        return "observation has no 'definition'"
    if type(definition) is not str:
        return f"'definition' must be a string, not {_json_type(definition)}"
    marker = observation.get("progress_marker")
    if marker is not None:
        if type(marker) is not str:
            return f"'progress_marker' must be a string, not {_json_type(marker)}"
        if not is_unicode(marker):
            return "'progress_marker' holds a lone surrogate (not Unicode text)"
    ts = observation.get("ts")
    if ts is not None and (type(ts) is bool or not isinstance(ts, (int, float))):
        return f"'ts' must be epoch seconds (a number), not {_json_type(ts)}"
    data = observation.get("data")
    if data is not None and not isinstance(data, dict):
        return f"'data' must be a JSON object, not {_json_type(data)}"
    return None


def _unique_key(definition: Definition, data: Mapping[str, Any]) -> tuple[str, UniqueValues] | None:
    """The identity of an observation for suppression; None when the definition has none.

    Keyed by property name (a definition whose ``unique`` list changes never matches old
    values of another property). A missing property counts as null, so two observations
    both lacking it are "equal".
    """
    if not definition.unique or definition.unique_window <= 0:
        return None
    # Sorted by name: the same properties listed in another order are the same identity.
    names = sorted(definition.unique)
    identity = tuple((name, unique_identity(data.get(name), name)) for name in names)
    return definition.path, identity


#: How deep a unique property's value may nest: its identity is kept, and written in a
#: snapshot a few levels down, within what every JSON encoder writes (orjson: 255).
UNIQUE_DEPTH = 64


class Unjudgeable(ValueError):
    """A unique property's value that cannot be kept as an identity."""


def unique_identity(value: Any, name: str = "value") -> Hashable:
    """``json_identity`` of a unique property's value; ``Unjudgeable`` when it nests
    deeper than ``UNIQUE_DEPTH`` or is not a JSON value."""
    kind = type(value)
    if kind in _NUMBERS:  # the usual cases, at no cost: a scalar is itself
        return value
    if kind is str and is_unicode(value):
        return value
    return json_identity(value, UNIQUE_DEPTH, name)


_NUMBERS = frozenset({int, float, type(None)})


def is_unicode(text: str) -> bool:
    """Whether ``text`` is Unicode text, as every writer of a snapshot or ``--state`` file
    needs: JSON's "\\ud800" escape reads as a lone surrogate, which is not."""
    if text.isascii():  # a flag of the string, not a scan
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def json_identity(value: Any, depth: int = UNIQUE_DEPTH, name: str = "value") -> Hashable:
    """A hashable stand-in equal exactly when two JSON values are equal.

    Python alone gets JSON equality wrong: ``True == 1`` and ``hash(True) == hash(1)``,
    while objects and arrays are not hashable. Tagging booleans apart and turning
    containers into tuples keeps ``2 == 2.0`` (one JSON number) at any depth.
    """
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, (list, dict)):
        if depth <= 0:
            raise Unjudgeable(f"'data.{_short(name)}' nests deeper than {UNIQUE_DEPTH} levels")
        if isinstance(value, list):
            return ("array", tuple(json_identity(item, depth - 1, name) for item in value))
        if not all(type(key) is str and is_unicode(key) for key in value):
            raise Unjudgeable(f"'data.{_short(name)}' holds an object key that is not text")
        return (
            "object",
            tuple(sorted((k, json_identity(v, depth - 1, name)) for k, v in value.items())),
        )
    if isinstance(value, str) and not is_unicode(value):
        raise Unjudgeable(f"'data.{_short(name)}' holds a lone surrogate (not Unicode text)")
    if value is None or isinstance(value, (str, int, float)):
        return value  # null, numbers and strings already compare as JSON does
    raise Unjudgeable(f"'data.{_short(name)}' is not a JSON value")


def _short(name: str) -> str:
    return name if len(name) <= 40 else f"{name[:37]}..."


def json_value(identity: Any) -> Any:
    """The JSON value a ``json_identity`` stands for (a snapshot writes unique keys so)."""
    if isinstance(identity, tuple):
        tag, content = identity
        if tag == "boolean":
            return content
        if tag == "array":
            return [json_value(item) for item in content]
        return {k: json_value(v) for k, v in content}
    return identity


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return _JSON_TYPES.get(type(value), type(value).__name__)
