"""State and rules of the monitor-server mock: sessions, execution contexts and metrics.

Sessions and contexts live in a ``HashIndex`` (kept sorted by hash) so a prefix lookup is
a bisect range and a page is one slice, however many records there are; metrics are
appended to per-session and per-context lists so their counts and pages never scan.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import threading
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from mock_server.clock import MockClock
from mock_server.errors import Conflict, InvalidInput, NotFound

BAD_DESCRIPTION = "Bad description format"  # the real server's message, kept for clients


# --------------------------------------------------------------------------- paging


@dataclass(frozen=True)
class PageWindow:
    """Which slice of a collection a requested page is, with its neighbours."""

    start: int
    stop: int
    page: int
    total_page: int

    @property
    def prev_page(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next_page(self) -> int | None:
        return self.page + 1 if self.page < self.total_page else None


def page_window(total: int, page: int, page_size: int) -> PageWindow:
    """Resolve ``page`` as the real server's pager does (Flask-SQLAlchemy ``paginate``).

    A negative page counts from the end; page 1 of an empty collection is an empty page;
    anything else outside ``1..total_page`` is "not found".
    """
    total_page = -(-total // page_size)
    resolved = total_page + page + 1 if page < 0 else page
    if resolved < 1 or (resolved > total_page and resolved != 1):
        raise NotFound(f"page {page} does not exist ({total_page} pages)")
    start = (resolved - 1) * page_size
    return PageWindow(start, min(start + page_size, total), resolved, total_page)


def _page_result(envelope: str, rendered: list, window: PageWindow) -> dict[str, Any]:
    """A page with its page numbers; the handler turns the neighbours into URLs."""
    return {
        envelope: rendered,
        "page": window.page,
        "prev_page": window.prev_page,
        "next_page": window.next_page,
        "total_page": window.total_page,
    }


def _page_of(items: list, page: int, page_size: int, render: Callable, envelope: str) -> dict:
    window = page_window(len(items), page, page_size)
    return _page_result(envelope, [render(i) for i in items[window.start : window.stop]], window)


class HashIndex:
    """Records by hash, with the hashes kept sorted for prefix ranges. Not locked itself.

    Besides the sorted list of every hash, hashes are bucketed by their first
    ``BUCKET_PREFIX`` characters: a lookup by a prefix at least that long bisects its small
    bucket instead of the whole list, so it costs the same at 1,000 or 100,000 records.
    """

    BUCKET_PREFIX = 4

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.hashes: list[str] = []
        self._buckets: dict[str, list[str]] = {}

    def __contains__(self, h: str) -> bool:
        return h in self.records

    def __len__(self) -> int:
        return len(self.records)

    def add(self, h: str, record: dict[str, Any]) -> None:
        self.records[h] = record
        insort(self.hashes, h)
        insort(self._buckets.setdefault(h[: self.BUCKET_PREFIX], []), h)

    def add_many(self, records: dict[str, dict[str, Any]]) -> None:
        # One sort of the merged keys beats one insort per record for a large seed.
        self.records.update(records)
        self.hashes.extend(records)
        self.hashes.sort()
        touched = set()
        for h in records:
            key = h[: self.BUCKET_PREFIX]
            self._buckets.setdefault(key, []).append(h)
            touched.add(key)
        for key in touched:
            self._buckets[key].sort()

    def page(
        self, prefix: str | None, page: int, page_size: int, render: Callable, envelope: str
    ) -> dict[str, Any]:
        # Only the page's keys are sliced out: copying a 100,000-key range per request
        # would defeat the index.
        hashes, lo, hi = self._range(prefix)
        window = page_window(hi - lo, page, page_size)
        keys = hashes[lo + window.start : lo + window.stop]
        return _page_result(envelope, [render(self.records[h]) for h in keys], window)

    def _range(self, prefix: str | None) -> tuple[list[str], int, int]:
        """The sorted list holding the hashes that start with ``prefix``, and where."""
        if prefix is None:
            return self.hashes, 0, len(self.hashes)
        if len(prefix) >= self.BUCKET_PREFIX:
            hashes = self._buckets.get(prefix[: self.BUCKET_PREFIX], [])
        else:
            hashes = self.hashes
        lo = bisect_left(hashes, prefix)
        past = _first_string_past(prefix)
        return hashes, lo, len(hashes) if past is None else bisect_left(hashes, past, lo)


def _first_string_past(prefix: str) -> str | None:
    """The least string greater than every string that starts with ``prefix``.

    None when there is none (a prefix of only U+10FFFF: every greater string starts with
    it). Strings compare by code point, so bumping the last code point below the maximum
    gives the bound, whatever follows the prefix in a hash.
    """
    stem = prefix.rstrip(chr(0x10FFFF))
    if not stem:
        return None
    return stem[:-1] + chr(ord(stem[-1]) + 1)


# --------------------------------------------------------------------------- validation

_NUMBER = (int, float)


def _is_of(value: Any, kind: type | tuple[type, ...]) -> bool:
    # bool is an int in Python but never a number on the wire.
    return isinstance(value, kind) and not isinstance(value, bool)


def _require_fields(
    payload: Any, fields: dict[str, Any], required: Iterable[str], where: str
) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise InvalidInput(f"{where}: expected a JSON object")
    for name in required:
        if name not in payload:
            raise InvalidInput(f"{where}: '{name}' is required")
    for name, kind in fields.items():
        if name in payload and not _is_of(payload[name], kind):
            raise InvalidInput(f"{where}: '{name}' must be {_kind_name(kind)}")
    return payload


def _kind_name(kind: type | tuple[type, ...]) -> str:
    return {str: "a string", int: "an integer", _NUMBER: "a number"}.get(kind, str(kind))


def _check_hash(value: str, field: str, where: str) -> str:
    # A hash with '/' could never be reached by the /<hash>/... routes.
    if not value or "/" in value:
        raise InvalidInput(f"{where}: '{field}' must be a non-empty string without '/'")
    return value


# The RunDate pattern of specs/monitor_server.yaml: the mock refuses exactly what the spec
# does (a date is stored and echoed, never computed with, so its shape is what matters).
_ISO_DATE_TIME = re.compile(
    r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?"
)


def _check_iso_date(value: str, field: str, where: str) -> str:
    if not _ISO_DATE_TIME.fullmatch(value):
        raise InvalidInput(f"{where}: '{field}' must be an ISO 8601 date and time")
    return value


def _description_of(raw: Any, where: str) -> dict[str, Any]:
    """The description as an object: the seed sends JSON text, pytest-monitor an object."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, dict):
        raise InvalidInput(
            f"{where}: description must be a JSON object or a string holding one",
            message=BAD_DESCRIPTION,
        )
    return raw


def _tag_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


# description and scm_ref have rules of their own (see _session_record).
_SESSION_FIELDS = {"h": str, "session_h": str, "run_date": str}
_CONTEXT_FIELDS = {
    "h": str,
    "cpu_count": int,
    "cpu_frequency": _NUMBER,
    "cpu_type": str,
    "cpu_vendor": str,
    "ram_total": int,
    "machine_node": str,
    "machine_type": str,
    "machine_arch": str,
    "system_info": str,
    "python_info": str,
}
_CONTEXT_REQUIRED = [name for name in _CONTEXT_FIELDS if name != "cpu_vendor"]
_METRIC_TEXT_FIELDS = (
    "session_h",
    "context_h",
    "item_start_time",
    "item_path",
    "item",
    "item_variant",
    "item_fs_loc",
    "kind",
    "component",
)
_METRIC_NUMBER_FIELDS = ("total_time", "user_time", "kernel_time", "cpu_usage", "mem_usage")
_METRIC_FIELDS = {
    **dict.fromkeys(_METRIC_TEXT_FIELDS, str),
    **dict.fromkeys(_METRIC_NUMBER_FIELDS, _NUMBER),
}


def _session_record(payload: Any, where: str) -> dict[str, Any]:
    _require_fields(payload, _SESSION_FIELDS, ["run_date", "description"], where)
    given = [key for key in ("h", "session_h") if key in payload]
    if len(given) != 1:
        raise InvalidInput(f"{where}: exactly one of h / session_h must be given")
    scm_ref = payload.get("scm_ref")
    if scm_ref is not None and not isinstance(scm_ref, str):
        raise InvalidInput(f"{where}: 'scm_ref' must be a string or null")
    return {
        "session_h": _check_hash(payload[given[0]], given[0], where),
        "run_date": _check_iso_date(payload["run_date"], "run_date", where),
        "scm_ref": scm_ref,
        "description": _description_of(payload["description"], where),
    }


def _context_record(payload: Any, where: str) -> dict[str, Any]:
    _require_fields(payload, _CONTEXT_FIELDS, _CONTEXT_REQUIRED, where)
    record = {name: payload.get(name, "") for name in _CONTEXT_FIELDS}
    _check_hash(record["h"], "h", where)
    return record


def _metric_record(payload: Any, where: str) -> dict[str, Any]:
    _require_fields(payload, _METRIC_FIELDS, _METRIC_FIELDS, where)
    record = {name: payload[name] for name in _METRIC_TEXT_FIELDS}
    record.update({name: float(payload[name]) for name in _METRIC_NUMBER_FIELDS})
    _check_hash(record["session_h"], "session_h", where)
    _check_hash(record["context_h"], "context_h", where)
    return record


# --------------------------------------------------------------------------- rendering


def render_session(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "session_h": record["session_h"],
        "run_date": record["run_date"],
        "scm_ref": record["scm_ref"],
        "tags": [
            {"key": name, "name": name, "value": _tag_value(value)}
            for name, value in record["description"].items()
        ],
    }


def render_context(record: dict[str, Any]) -> dict[str, Any]:
    # The real server truncates the frequency (an Integer field); monitor_api reads the
    # hash as context_h where pytest-monitor reads h, so both are given.
    return {
        **record,
        "context_h": record["h"],
        "cpu_frequency": int(record["cpu_frequency"]),
    }


def render_metric(record: dict[str, Any]) -> dict[str, Any]:
    return dict(record)


# --------------------------------------------------------------------------- the backend


class MonitorServerBackend:
    """Sessions, execution contexts and metrics of one mock monitor-server."""

    def __init__(self, clock: MockClock, page_size: int = 500) -> None:
        if page_size < 1:
            raise ValueError("page_size must be positive")
        self._clock = clock
        self.page_size = page_size
        self._lock = threading.Lock()
        self._generated_ids = itertools.count(1)
        self._empty()

    def _empty(self) -> None:
        self._sessions = HashIndex()
        self._contexts = HashIndex()
        self._metrics: list[dict[str, Any]] = []
        self._metrics_by_session: dict[str, list[dict[str, Any]]] = {}
        self._metrics_by_context: dict[str, list[dict[str, Any]]] = {}

    def reset(self) -> None:
        with self._lock:
            self._empty()

    # ------------------------------------------------------------------ sessions

    def create_session(self, payload: Any) -> dict[str, Any]:
        """Store a session (either payload form); ``Conflict`` if its hash exists."""
        record = _session_record(payload, "session")
        with self._lock:
            if record["session_h"] in self._sessions:
                raise Conflict(f"session {record['session_h']} already exists")
            self._sessions.add(record["session_h"], record)
        return render_session(record)

    def list_sessions(self, prefix: str | None = None, page: int = 1) -> dict[str, Any]:
        """A page of sessions (all, or those whose hash starts with ``prefix``)."""
        with self._lock:
            return self._sessions.page(prefix, page, self.page_size, render_session, "sessions")

    def count_sessions(self) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._sessions)}

    def list_session_metrics(self, session_h: str, page: int = 1) -> dict[str, Any]:
        with self._lock:
            metrics = self._metrics_by_session.get(session_h, [])
            return _page_of(metrics, page, self.page_size, render_metric, "metrics")

    def count_session_metrics(self, session_h: str) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._metrics_by_session.get(session_h, ()))}

    # ------------------------------------------------------------------ contexts

    def create_context(self, payload: Any) -> dict[str, Any]:
        """Store an execution context; ``Conflict`` if its hash exists."""
        record = _context_record(payload, "context")
        with self._lock:
            if record["h"] in self._contexts:
                raise Conflict(f"context {record['h']} already exists")
            self._contexts.add(record["h"], record)
        return render_context(record)

    def list_contexts(self, prefix: str | None = None, page: int = 1) -> dict[str, Any]:
        with self._lock:
            return self._contexts.page(prefix, page, self.page_size, render_context, "contexts")

    def count_contexts(self) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._contexts)}

    def list_context_metrics(self, context_h: str, page: int = 1) -> dict[str, Any]:
        with self._lock:
            metrics = self._metrics_by_context.get(context_h, [])
            return _page_of(metrics, page, self.page_size, render_metric, "metrics")

    def count_context_metrics(self, context_h: str) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._metrics_by_context.get(context_h, ()))}

    # ------------------------------------------------------------------ metrics

    def create_metric(self, payload: Any) -> dict[str, Any]:
        """Store one test item's metric. Its session and context need not exist (as on
        the real server, whose database does not enforce the foreign keys)."""
        record = _metric_record(payload, "metric")
        with self._lock:
            self._store_metric(record)
        return render_metric(record)

    def _store_metric(self, record: dict[str, Any]) -> None:
        self._metrics.append(record)
        self._metrics_by_session.setdefault(record["session_h"], []).append(record)
        self._metrics_by_context.setdefault(record["context_h"], []).append(record)

    def list_metrics(self, page: int = 1) -> dict[str, Any]:
        with self._lock:
            return _page_of(self._metrics, page, self.page_size, render_metric, "metrics")

    def count_metrics(self) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._metrics)}

    # ------------------------------------------------------------------ seed data

    def load_seed(self, section: dict[str, Any]) -> dict[str, int]:
        """Add the ``monitor_server:`` part of a seed document, all or nothing.

        ``sessions`` take either ``session_h`` or ``h`` (generated when both are missing),
        ``run_date`` defaults to the mock clock's now, ``description`` to ``{}``;
        ``contexts`` get plausible machine defaults; ``metrics`` need ``session_h`` and
        ``context_h`` and default the rest. Raises ``InvalidInput`` (or ``Conflict`` for a
        hash given twice or already stored) before changing anything.
        """
        if not isinstance(section, dict):
            raise InvalidInput("monitor_server: expected an object")
        with self._lock:
            sessions = self._seed_sessions(_seed_list(section, "sessions"))
            contexts = self._seed_contexts(_seed_list(section, "contexts"))
            metrics = self._seed_metrics(_seed_list(section, "metrics"))
            self._sessions.add_many(sessions)
            self._contexts.add_many(contexts)
            for record in metrics:
                self._store_metric(record)
        return {"sessions": len(sessions), "contexts": len(contexts), "metrics": len(metrics)}

    def _seed_sessions(self, entries: list) -> dict[str, dict[str, Any]]:
        records: dict[str, dict[str, Any]] = {}
        for i, entry in enumerate(entries):
            where = f"monitor_server.sessions[{i}]"
            if not isinstance(entry, dict):
                raise InvalidInput(f"{where}: expected an object")
            entry = {"run_date": self._now_iso(), "description": {}, **entry}
            if "h" not in entry and "session_h" not in entry:
                entry["session_h"] = self._generated_hash("session")
            record = _session_record(entry, where)
            _refuse_duplicate(record["session_h"], "session", records, self._sessions, where)
            records[record["session_h"]] = record
        return records

    def _seed_contexts(self, entries: list) -> dict[str, dict[str, Any]]:
        records: dict[str, dict[str, Any]] = {}
        for i, entry in enumerate(entries):
            where = f"monitor_server.contexts[{i}]"
            if not isinstance(entry, dict):
                raise InvalidInput(f"{where}: expected an object")
            defaults = {**_CONTEXT_DEFAULTS, "h": self._generated_hash("context")}
            record = _context_record({**defaults, **entry}, where)
            _refuse_duplicate(record["h"], "context", records, self._contexts, where)
            records[record["h"]] = record
        return records

    def _seed_metrics(self, entries: list) -> list[dict[str, Any]]:
        records = []
        for i, entry in enumerate(entries):
            where = f"monitor_server.metrics[{i}]"
            if not isinstance(entry, dict):
                raise InvalidInput(f"{where}: expected an object")
            defaults = {
                **_METRIC_DEFAULTS,
                "item_start_time": self._now_iso(),
                # An unparametrized item's variant is the item itself.
                "item_variant": entry.get("item", _METRIC_DEFAULTS["item"]),
            }
            records.append(_metric_record({**defaults, **entry}, where))
        return records

    def _now_iso(self) -> str:
        # pytest-monitor writes naive ISO timestamps; the mock's are UTC.
        now = datetime.fromtimestamp(self._clock.now(), tz=timezone.utc)
        return now.replace(tzinfo=None).isoformat()

    def _generated_hash(self, kind: str) -> str:
        return hashlib.sha1(f"{kind}-{next(self._generated_ids)}".encode()).hexdigest()


_CONTEXT_DEFAULTS: dict[str, Any] = {
    "cpu_count": 4,
    "cpu_frequency": 2500,
    "cpu_type": "x86_64",
    "cpu_vendor": "",
    "ram_total": 16384,
    "machine_node": "localhost",
    "machine_type": "x86_64",
    "machine_arch": "64bit",
    "system_info": "Linux - 6.8.0",
    "python_info": "3.11.9",
}
_METRIC_DEFAULTS: dict[str, Any] = {
    "item_path": "tests.test_module",
    "item": "test_item",
    "item_fs_loc": "tests/test_module.py",
    "kind": "function",
    "component": "",
    **dict.fromkeys(_METRIC_NUMBER_FIELDS, 0.0),
}


def _seed_list(section: dict[str, Any], key: str) -> list:
    entries = section.get(key) or []
    if not isinstance(entries, list):
        raise InvalidInput(f"monitor_server.{key}: expected a list")
    return entries


def _refuse_duplicate(h: str, kind: str, batch: dict, stored: HashIndex, where: str) -> None:
    if h in batch or h in stored:
        raise Conflict(f"{where}: {kind} {h} already exists")
