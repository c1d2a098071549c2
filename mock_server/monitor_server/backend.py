"""State and rules of the monitor-server mock: sessions, execution contexts and metrics.

Sessions and contexts live in a ``HashIndex`` (kept sorted by hash) so a prefix lookup is
a bisect range and a page is one slice, however many records there are; metrics are
appended to per-session and per-context lists so their counts and pages never scan.
Paging is in ``paging``, the checking and rendering of records in ``records``.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from datetime import datetime, timezone
from typing import Any

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput
from mock_server.monitor_server.paging import HashIndex, page_of
from mock_server.monitor_server.records import (
    METRIC_NUMBER_FIELDS,
    context_record,
    metric_record,
    render_context,
    render_metric,
    render_session,
    session_record,
)

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
        record = session_record(payload, "session")
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
            return page_of(metrics, page, self.page_size, render_metric, "metrics")

    def count_session_metrics(self, session_h: str) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._metrics_by_session.get(session_h, ()))}

    # ------------------------------------------------------------------ contexts

    def create_context(self, payload: Any) -> dict[str, Any]:
        """Store an execution context; ``Conflict`` if its hash exists."""
        record = context_record(payload, "context")
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
            return page_of(metrics, page, self.page_size, render_metric, "metrics")

    def count_context_metrics(self, context_h: str) -> dict[str, int]:
        with self._lock:
            return {"count": len(self._metrics_by_context.get(context_h, ()))}

    # ------------------------------------------------------------------ metrics

    def create_metric(self, payload: Any) -> dict[str, Any]:
        """Store one test item's metric. Its session and context need not exist (as on
        the real server, whose database does not enforce the foreign keys)."""
        record = metric_record(payload, "metric")
        with self._lock:
            self._store_metric(record)
        return render_metric(record)

    def _store_metric(self, record: dict[str, Any]) -> None:
        self._metrics.append(record)
        self._metrics_by_session.setdefault(record["session_h"], []).append(record)
        self._metrics_by_context.setdefault(record["context_h"], []).append(record)

    def list_metrics(self, page: int = 1) -> dict[str, Any]:
        with self._lock:
            return page_of(self._metrics, page, self.page_size, render_metric, "metrics")

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
            record = session_record(entry, where)
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
            record = context_record({**defaults, **entry}, where)
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
            records.append(metric_record({**defaults, **entry}, where))
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
    **dict.fromkeys(METRIC_NUMBER_FIELDS, 0.0),
}


def _seed_list(section: dict[str, Any], key: str) -> list:
    entries = section.get(key) or []
    if not isinstance(entries, list):
        raise InvalidInput(f"monitor_server.{key}: expected a list")
    return entries


def _refuse_duplicate(h: str, kind: str, batch: dict, stored: HashIndex, where: str) -> None:
    if h in batch or h in stored:
        raise Conflict(f"{where}: {kind} {h} already exists")
