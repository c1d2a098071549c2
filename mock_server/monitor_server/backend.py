"""State and rules of the monitor-server mock: monitor-server-api 1.1.0's sessions, execution
contexts and metrics, and every view it offers of them.

Rows live in ``TwinDatabase`` (SQLite, the real server's tables); each query here asks what
the real server's query asks, in the order its table scans give (``ORDER BY rowid``, or
the first row of each value for its ``DISTINCT`` lists). Writes go through the real server's
reading of a body (``writes``) and its marshalling (``render``): where the real server
would crash, at once or on a later listing, the write is refused and nothing is stored.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeAlias

from mock_server.core.clock import MockClock
from mock_server.core.errors import Conflict, InvalidInput, NotFound
from mock_server.core.json_text import JSONText
from mock_server.monitor_server import render
from mock_server.monitor_server.hash_index import HashIndex
from mock_server.monitor_server.like import folded_range, like_prefix, literal_head
from mock_server.monitor_server.store import StoreError, TwinDatabase
from mock_server.monitor_server.writes import context_values, metric_values, session_values

#: Resource names of the head/tail routes and the metric column each sorts by.
RESOURCE_COLUMNS = {
    "memory": "MEM_USAGE",
    "cpu": "CPU_USAGE",
    "kernel_time": "KERNEL_TIME",
    "user_time": "USER_TIME",
    "total_time": "TOTAL_TIME",
}
#: The most metrics a head/tail answer holds, whatever is asked.
MAX_RESOURCE_ELEMENTS = 500
DEFAULT_RESOURCE_ELEMENTS = 10

PIPELINE = "$.pipeline_branch"
BUILD = "$.pipeline_build_no"

#: A page as asked: an integer from the query, or whatever number a JSON body gives (the real
#: server pages with 2.0 or true as well).
PageNumber = int | float

# SQLite takes offsets up to a signed 64-bit integer; beyond, the real server crashes.
_MAX_OFFSET = 2**63 - 1


class PageNotFound(NotFound):
    """A page outside the listing (the real server's 404, whose text the handler writes)."""

    def __init__(self, page: PageNumber) -> None:
        super().__init__(f"page {page} does not exist")


@dataclass(eq=False, slots=True)
class Page:
    """One page of a listing: its items as an answer writes them (a stored row as its
    ``JSONText``) and where it sits. Pages of the same values are equal."""

    wire: list[Any]
    page: PageNumber  # as asked (a JSON body may ask for 2.0, or true)
    pages: int

    @property
    def items(self) -> list[Any]:
        """The items as Python values."""
        return [item.value() if isinstance(item, JSONText) else item for item in self.wire]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        return (self.items, self.page, self.pages) == (other.items, other.page, other.pages)

    @property
    def prev_page(self) -> PageNumber | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next_page(self) -> PageNumber | None:
        return self.page + 1 if self.page < self.pages else None


@dataclass(frozen=True)
class SessionFlags:
    """``with_flags`` / ``restrict_flags`` / ``method`` of a session listing: description
    keys that must be set (non-empty) or hold a value; any or all of them."""

    keys: Sequence[str]
    values: Sequence[str]
    match_all: bool

    def sql(self) -> tuple[str, list[Any]]:
        terms, parameters = [], []
        for key, value in zip(self.keys, self.values, strict=False):
            terms.append('json_extract("DESCRIPTION", ?) ' + ("= ?" if value else "!= ?"))
            parameters += [f"$.{key}", value]
        joiner = " AND " if self.match_all else " OR "
        return "(" + joiner.join(terms) + ")", parameters


@dataclass(frozen=True)
class _Query:
    """A listing's FROM/WHERE (and GROUP BY) part, the rows it yields in the real
    server's order, and how a row becomes a wire item."""

    select: str
    where: str
    parameters: list[Any]
    order: str = "ORDER BY rowid"
    item: Callable[[sqlite3.Row], Any] = lambda row: JSONText(row[0])

    def rows(self, db: TwinDatabase, offset: int, limit: int) -> list[Any]:
        rows = db.rows(
            f"{self.select} {self.where} {self.order} LIMIT ? OFFSET ?",
            [*self.parameters, limit, offset],
        )
        return [self.item(row) for row in rows]

    def count(self, db: TwinDatabase) -> int:
        return int(db.value(f"SELECT count(*) FROM ({self.select} {self.where})", self.parameters))


class _Found:
    """A listing already decided: the rowids of its rows, in order, and where the rows are."""

    __slots__ = ("index", "rowids")

    def __init__(self, rowids: list[int], index: HashIndex) -> None:
        self.rowids = rowids
        self.index = index

    def rows(self, db: TwinDatabase, offset: int, limit: int) -> list[Any]:
        return self.index.rows(self.rowids[offset : offset + limit])

    def count(self, db: TwinDatabase) -> int:
        return len(self.rowids)


_Listed: TypeAlias = "_Query | _Found"


class MonitorServerBackend:
    """Sessions, execution contexts and metrics of one mock monitor-server."""

    def __init__(self, clock: MockClock, page_size: int = 500) -> None:
        if page_size < 1:
            raise ValueError("page_size must be positive")
        self._clock = clock
        self.page_size = page_size
        self._lock = threading.Lock()
        self._generated_ids = itertools.count(1)
        self._db = TwinDatabase()
        self._counts = {"sessions_with_scm": 0, "contexts": 0, "metrics": 0}
        # The wire form and folded hashes of sessions and contexts (metrics keep theirs
        # in SQLite's RENDERED column).
        self._indexes = {"TEST_SESSIONS": HashIndex(), "EXECUTION_CONTEXTS": HashIndex()}
        self._sessions = self._indexes["TEST_SESSIONS"]
        self._contexts = self._indexes["EXECUTION_CONTEXTS"]

    def reset(self) -> None:
        with self._lock:
            self._db.clear()
            self._counts = dict.fromkeys(self._counts, 0)
            for index in self._indexes.values():
                index.clear()

    # ------------------------------------------------------------------ writes

    def create_session(self, payload: Any, url_hash: str | None = None) -> dict[str, Any]:
        values = session_values(payload, url_hash)
        with self._lock, self._stored() as added:
            [session] = self._store("TEST_SESSIONS", [values], render.session_wire, added)
        return session

    def create_context(self, payload: Any) -> dict[str, Any]:
        values = context_values(payload)
        with self._lock, self._stored() as added:
            [context] = self._store("EXECUTION_CONTEXTS", [values], render.context_wire, added)
        return context

    def create_metric(self, payload: Any) -> dict[str, Any]:
        values = metric_values(payload)
        with self._lock, self._stored() as added:
            [metric] = self._store("TEST_METRICS", [values], render.metric_wire, added)
        return metric

    @contextmanager
    def _stored(self) -> Any:
        """Store rows all or nothing; the whole-table counts and the hash indexes follow
        what got in."""
        self._db.begin()
        added = _Added(dict.fromkeys(self._counts, 0))
        try:
            yield added
        except BaseException:
            self._db.rollback()
            raise
        self._db.commit()
        for name, count in added.counts.items():
            self._counts[name] += count
        for index, rows in added.indexed:
            index.add(rows)

    def _store(
        self,
        table: str,
        rows: Sequence[Sequence[Any]],
        wire: Callable[[Any], dict[str, Any]],
        added: _Added,
    ) -> list[dict[str, Any]]:
        """Insert rows, render each as SQLite reads it back, keep the rendering. Raises
        (and the caller rolls back) where the real server would crash."""
        try:
            stored = self._db.insert(table, rows)
        except StoreError as error:
            if error.duplicate:
                raise Conflict(
                    f"{_KIND[table]} already exists (the real server fails with a 500)"
                ) from error
            raise InvalidInput(
                f"the {_KIND[table]} cannot be stored ({error.reason}; the real server "
                "fails with a 500)"
            ) from error
        rendered = []
        for row in stored:
            try:
                rendered.append(wire(row))
            except render.Unrenderable as error:
                raise InvalidInput(
                    f"{error} (the real server stores it, then fails with a 500 on every "
                    "answer holding it)"
                ) from error
        texts = [JSONText.of(item) for item in rendered]
        index = self._indexes.get(table)
        if index is None:
            self._db.set_rendered(
                table, [(text.text, row["row_id"]) for text, row in zip(texts, stored, strict=True)]
            )
        else:
            hash_column = _HASH_COLUMN[table]
            added.indexed.append(
                (
                    index,
                    [
                        (row["row_id"], row[hash_column], text)
                        for text, row in zip(texts, stored, strict=True)
                    ],
                )
            )
        if table == "TEST_SESSIONS":
            added.counts["sessions_with_scm"] += sum(row["SCM_REF"] is not None for row in stored)
        else:
            added.counts[_COUNTER[table]] += len(stored)
        return rendered

    # ------------------------------------------------------------------ paging

    def _page(self, query: _Listed, page: PageNumber) -> Page:
        """Flask-SQLAlchemy's ``paginate`` as the real server calls it, step by step (which
        step fails first decides the answer): a negative page counts from the end, once the
        total is known; a page below 1 is not found before anything is read; a page past
        the end (but page 1) once its rows are read; SQLAlchemy takes the whole part of a
        fractional offset."""
        size = self.page_size
        if page < 0:  # the real server pages once to learn the total
            self._rows_at(query, 1)
            page = math.ceil(query.count(self._db) / size) + page + 1
        if page < 1:
            raise PageNotFound(page)
        rows = self._rows_at(query, page)
        if not rows and page != 1:
            raise PageNotFound(page)
        if len(rows) < size:  # the last page (or none): the total is known without a count
            pages = math.ceil((int((page - 1) * size) + len(rows)) / size)
        else:
            pages = math.ceil(query.count(self._db) / size)
        return Page(rows, page, pages)

    def _rows_at(self, query: _Listed, number: PageNumber) -> list[Any]:
        offset = (number - 1) * self.page_size
        if offset > _MAX_OFFSET:
            raise InvalidInput(f"page {number} is beyond what the real server can address")
        return query.rows(self._db, int(offset), self.page_size)

    def _listing(self, query: _Listed, page: PageNumber) -> Page:
        """A page of ``query``, atomically."""
        with self._lock:
            return self._locked_page(query, page)

    def _locked_page(self, query: _Listed, page: PageNumber) -> Page:
        try:
            return self._page(query, page)
        except sqlite3.OperationalError as error:  # e.g. a JSON path SQLite cannot read
            raise InvalidInput(
                f"the listing cannot be made ({error}; the real server fails with a 500)"
            ) from error

    # ------------------------------------------------------------------ sessions

    def list_sessions(
        self, prefix: str | None = None, page: PageNumber = 1, flags: SessionFlags | None = None
    ) -> Page:
        """Sessions in the order they were stored; those whose hash is ``LIKE prefix%``."""
        if prefix is not None and flags is None:
            indexed = self._indexed_prefix(self._sessions, prefix, page)
            if indexed is not None:
                return indexed
        where, parameters = _prefix_where("SESSION_H", prefix)
        if flags is not None:
            sql, more = flags.sql()
            where += (" AND " if where else "WHERE ") + sql
            parameters += more
        return self._listing(self._indexed("TEST_SESSIONS", where, parameters), page)

    def count_sessions(self) -> dict[str, int]:
        # The real server counts `scm_ref` values: a session without one is not counted.
        with self._lock:
            return {"count": self._counts["sessions_with_scm"]}

    def list_session_metrics(self, session_h: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where('"SESSION_H" = ?', [session_h]), page)

    def count_session_metrics(self, session_h: str) -> dict[str, int]:
        return self._count_metrics('"SESSION_H" = ?', [session_h])

    # ------------------------------------------------------------------ contexts

    def list_contexts(self, prefix: str | None = None, page: PageNumber = 1) -> Page:
        if prefix is not None:
            indexed = self._indexed_prefix(self._contexts, prefix, page)
            if indexed is not None:
                return indexed
        where, parameters = _prefix_where("ENV_H", prefix)
        return self._listing(self._indexed("EXECUTION_CONTEXTS", where, parameters), page)

    def _indexed_prefix(self, index: HashIndex, prefix: str, page: PageNumber) -> Page | None:
        """A page of the rows whose hash is ``LIKE prefix%``, from the hash index; None
        when the prefix holds a wildcard (SQLite's ``LIKE`` decides those)."""
        with self._lock:
            found = index.like(like_prefix(prefix))
            return None if found is None else self._locked_page(_Found(found, index), page)

    def _indexed(self, table: str, where: str, parameters: list[Any]) -> _Query:
        """The rows of a table whose wire form is in its hash index."""
        index = self._indexes[table]
        return _Query(
            "SELECT rowid",
            f'FROM "{table}" {where}',
            parameters,
            item=lambda row: index.row(row[0]),
        )

    def count_contexts(self) -> dict[str, int]:
        with self._lock:
            return {"count": self._counts["contexts"]}

    def list_context_metrics(self, context_h: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where('"CONTEXT_H" = ?', [context_h]), page)

    def count_context_metrics(self, context_h: str) -> dict[str, int]:
        return self._count_metrics('"CONTEXT_H" = ?', [context_h])

    # ------------------------------------------------------------------ metrics

    def list_metrics(self, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where("1", []), page)

    def count_metrics(self) -> dict[str, int]:
        with self._lock:
            return {"count": self._counts["metrics"]}

    def _count_metrics(self, condition: str, parameters: list[Any]) -> dict[str, int]:
        with self._lock:
            sql = f'SELECT count(*) FROM "TEST_METRICS" WHERE {condition}'
            return {"count": self._db.value(sql, parameters)}

    def list_item_metrics(self, item: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where('"ITEM" = ?', [item]), page)

    def count_item_metrics(self, item: str) -> dict[str, int]:
        return self._count_metrics('"ITEM" = ?', [item])

    def list_item_metrics_like(self, pattern: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where(f'"ITEM" {LIKE}', [f"%{pattern}%"]), page)

    def list_variant_metrics(self, variant: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where('"ITEM_VARIANT" = ?', [variant]), page)

    def count_variant_metrics(self, variant: str) -> dict[str, int]:
        return self._count_metrics('"ITEM_VARIANT" = ?', [variant])

    def list_variant_metrics_like(self, pattern: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where(f'"ITEM_VARIANT" {LIKE}', [f"%{pattern}%"]), page)

    def list_scope_metrics(self, scope: str, page: PageNumber = 1) -> Page:
        return self._listing(_metrics_where('"KIND" = ?', [scope]), page)

    def count_scope_metrics(self, scope: str) -> dict[str, int]:
        return self._count_metrics('"KIND" = ?', [scope])

    # ------------------------------------------------------------------ SCM references

    def _scm_sessions(self, scm: str) -> tuple[str, list[Any]]:
        """The sessions whose SCM reference is ``LIKE scm%``, as a subquery."""
        where, parameters = _prefix_where("SCM_REF", scm)
        return f'SELECT "SESSION_H" FROM "TEST_SESSIONS" {where}', parameters

    def _has_scm_sessions(self, scm: str) -> bool:
        subquery, parameters = self._scm_sessions(scm)
        return self._db.value(f"SELECT EXISTS ({subquery})", parameters) == 1

    def list_scm_metrics(self, scm: str, page: PageNumber = 1) -> Page | None:
        """Metrics of the sessions of an SCM reference prefix; None (the real server's
        empty answer, whatever the page) when no session has such a reference."""
        subquery, parameters = self._scm_sessions(scm)
        query = _metrics_where(f'"SESSION_H" IN ({subquery})', parameters)
        with self._lock:
            if not self._has_scm_sessions(scm):
                return None
            return self._locked_page(query, page)

    def count_scm_metrics(self, scm: str) -> dict[str, int]:
        # With no such session the real server answers 0 without counting (same answer).
        subquery, parameters = self._scm_sessions(scm)
        return self._count_metrics(f'"SESSION_H" IN ({subquery})', parameters)

    def list_scm_sessions(self, scm: str, page: PageNumber = 1) -> Page:
        """Sessions whose SCM reference is ``LIKE scm%``. The real server writes these rows
        as they are stored, and a stored session has no tags: ``tags`` is null."""
        where, parameters = _prefix_where("SCM_REF", scm)
        sessions = self._sessions
        query = _Query(
            "SELECT rowid",
            f'FROM "TEST_SESSIONS" {where}',
            parameters,
            item=lambda row: {**sessions.row(row[0]).value(), "tags": None},
        )
        return self._listing(query, page)

    # ------------------------------------------------------------------ components

    def list_components(self, prefix: str | None = None, page: PageNumber = 1) -> Page:
        """Distinct component values (``""`` included), first stored first."""
        where, parameters = _prefix_where("COMPONENT", prefix)
        return self._listing(_distinct('"COMPONENT"', f'"TEST_METRICS" {where}', parameters), page)

    def count_components(self) -> dict[str, int]:
        with self._lock:
            sql = 'SELECT count(DISTINCT "COMPONENT") FROM "TEST_METRICS"'
            return {"count": self._db.value(sql)}

    def list_component_metrics(self, component: str, page: PageNumber = 1) -> Page:
        """Metrics whose component is ``LIKE component`` (no wildcard added)."""
        where, parameters = _like_where("COMPONENT", component)
        return self._listing(_metrics_where(where, parameters), page)

    def list_component_item_metrics(self, component: str, item: str, page: PageNumber = 1) -> Page:
        where = '"COMPONENT" = ? AND "ITEM" = ?'
        return self._listing(_metrics_where(where, [component, item]), page)

    def list_component_variant_metrics(
        self, component: str, variant: str, page: PageNumber = 1
    ) -> Page:
        where = '"COMPONENT" = ? AND "ITEM_VARIANT" = ?'
        return self._listing(_metrics_where(where, [component, variant]), page)

    def list_component_pipelines(self, component: str, page: PageNumber = 1) -> Page:
        # The real query scans the metrics of the component and looks each session up.
        return self._listing(
            _distinct(
                'json_extract(s."DESCRIPTION", ?)',
                '"TEST_METRICS" m CROSS JOIN "TEST_SESSIONS" s '
                'WHERE m."COMPONENT" = ? AND m."SESSION_H" = s."SESSION_H"',
                [PIPELINE, component],
                order="min(m.rowid)",
            ),
            page,
        )

    def list_component_builds(self, component: str, pipeline: str, page: PageNumber = 1) -> Page:
        return self._listing(
            _distinct(
                'json_extract(s."DESCRIPTION", ?)',
                '"TEST_METRICS" m CROSS JOIN "TEST_SESSIONS" s '
                'WHERE m."COMPONENT" = ? AND m."SESSION_H" = s."SESSION_H" '
                'AND json_extract(s."DESCRIPTION", ?) = ? '
                'AND json_extract(s."DESCRIPTION", ?) != ?',
                [BUILD, component, PIPELINE, pipeline, BUILD, ""],
                order="min(m.rowid)",
            ),
            page,
        )

    def list_component_build_sessions(
        self, component: str, pipeline: str, build: str, page: PageNumber = 1
    ) -> Page:
        # The real query takes the component's sessions (first metric first), then keeps
        # those of the pipeline build.
        return self._listing(
            _distinct(
                "c.session_h",
                '(SELECT "SESSION_H" AS session_h, min(rowid) AS first FROM "TEST_METRICS" '
                'WHERE "COMPONENT" = ? GROUP BY "SESSION_H") c '
                'CROSS JOIN "TEST_SESSIONS" s '
                'WHERE json_extract(s."DESCRIPTION", ?) = ? '
                'AND json_extract(s."DESCRIPTION", ?) = ? AND c.session_h = s."SESSION_H"',
                [component, PIPELINE, pipeline, BUILD, build],
                order="min(c.first)",
            ),
            page,
        )

    # ------------------------------------------------------------------ pipelines

    def list_pipelines(self) -> list[str | None]:
        """Every pipeline named by a session's description (not paged)."""
        with self._lock:
            values = self._db.values(
                'SELECT json_extract("DESCRIPTION", ?) AS value FROM "TEST_SESSIONS" '
                'WHERE json_extract("DESCRIPTION", ?) != ? GROUP BY value ORDER BY min(rowid)',
                [PIPELINE, PIPELINE, ""],
            )
        return render.value_list(values)

    def list_pipeline_builds(self, pipeline: str, page: PageNumber = 1) -> Page:
        return self._listing(
            _distinct(
                'json_extract("DESCRIPTION", ?)',
                '"TEST_SESSIONS" WHERE json_extract("DESCRIPTION", ?) = ? '
                'AND json_extract("DESCRIPTION", ?) != ?',
                [BUILD, PIPELINE, pipeline, BUILD, ""],
            ),
            page,
        )

    def list_pipeline_build_sessions(self, pipeline: str, build: str, page: PageNumber = 1) -> Page:
        return self._listing(
            _distinct(
                '"SESSION_H"',
                '"TEST_SESSIONS" WHERE json_extract("DESCRIPTION", ?) = ? '
                'AND json_extract("DESCRIPTION", ?) = ?',
                [PIPELINE, pipeline, BUILD, build],
            ),
            page,
        )

    # ------------------------------------------------------------------ resources

    def resource_metrics(
        self,
        resource: str,
        *,
        most: bool,
        limit: int = DEFAULT_RESOURCE_ELEMENTS,
        component: str | None = None,
        pipeline: str | None = None,
        build: str | None = None,
    ) -> list[Any]:
        """The metrics using most (``most``) or least of a resource, at most ``limit``
        (500 at most), overall or of a component, a pipeline or a pipeline build. Ties
        come out as SQLite's sort gives them, the real server's query being the same."""
        column = RESOURCE_COLUMNS.get(resource)
        if column is None:
            known = ", ".join(RESOURCE_COLUMNS)
            raise NotFound(f"unknown resource {resource!r} (one of {known})")
        source, parameters = '"TEST_METRICS" m', []
        if component is not None:
            source += ' WHERE m."COMPONENT" = ?'
            parameters.append(component)
        elif pipeline is not None:
            source += ' CROSS JOIN "TEST_SESSIONS" s WHERE json_extract(s."DESCRIPTION", ?) = ?'
            parameters += [PIPELINE, pipeline]
            if build is not None:
                source += ' AND json_extract(s."DESCRIPTION", ?) = ?'
                parameters += [BUILD, build]
            source += ' AND m."SESSION_H" = s."SESSION_H"'
        direction = " DESC" if most else ""
        sql = f'SELECT m."RENDERED" FROM {source} ORDER BY m."{column}"{direction} LIMIT ? OFFSET 0'
        with self._lock:
            rows = self._db.values(sql, [*parameters, min(limit, MAX_RESOURCE_ELEMENTS)])
        return [JSONText(row).value() for row in rows]

    # ------------------------------------------------------------------ seed data

    def load_seed(self, section: dict[str, Any]) -> dict[str, int]:
        """Add the ``monitor_server:`` part of a seed document, all or nothing.

        ``sessions`` take ``session_h`` (or ``h``; generated when both are missing),
        ``run_date`` (the mock clock's now by default), ``scm_ref`` (none by default) and
        ``description`` (an object, or a string holding one; ``{}`` by default);
        ``contexts`` and ``metrics`` get plausible defaults for what they leave out. Each
        record is stored as the API stores it, so a record the real server could not
        answer with is refused (``InvalidInput``; ``Conflict`` for a hash stored twice).
        """
        if not isinstance(section, dict):
            raise InvalidInput("monitor_server: expected an object")
        sessions = [self._seed_session(e, i) for i, e in _seed_entries(section, "sessions")]
        contexts = [self._seed_context(e, i) for i, e in _seed_entries(section, "contexts")]
        metrics = [self._seed_metric(e, i) for i, e in _seed_entries(section, "metrics")]
        with self._lock, self._stored() as added:
            for table, rows, wire in (
                ("TEST_SESSIONS", sessions, render.session_wire),
                ("EXECUTION_CONTEXTS", contexts, render.context_wire),
                ("TEST_METRICS", metrics, render.metric_wire),
            ):
                if rows:
                    self._store_seed(table, rows, wire, added)
        return {"sessions": len(sessions), "contexts": len(contexts), "metrics": len(metrics)}

    def export_seed(self) -> dict[str, list[dict[str, Any]]]:
        """The whole state as the ``monitor_server:`` part of a seed document: each row as
        stored (SQLite's values, in the order stored), so loading it into an empty mock
        gives the same answers."""
        with self._lock:
            sessions = [
                {
                    "session_h": row["SESSION_H"],
                    "run_date": row["RUN_DATE"],
                    "scm_ref": row["SCM_REF"],
                    "description": json.loads(row["DESCRIPTION"]),
                }
                for row in self._db.rows('SELECT * FROM "TEST_SESSIONS" ORDER BY rowid')
            ]
            contexts = [
                {name: row[column] for name, column, _ in render.CONTEXT_FIELDS}
                for row in self._db.rows('SELECT * FROM "EXECUTION_CONTEXTS" ORDER BY rowid')
            ]
            metrics = [
                {name: row[column] for name, column, _ in render.METRIC_FIELDS}
                for row in self._db.rows('SELECT * FROM "TEST_METRICS" ORDER BY rowid')
            ]
        return {"sessions": sessions, "contexts": contexts, "metrics": metrics}

    def _store_seed(
        self,
        table: str,
        rows: list[tuple[Any, ...]],
        wire: Callable[[Any], dict[str, Any]],
        added: _Added,
    ) -> None:
        try:
            self._store(table, rows, wire, added)
        except InvalidInput as error:
            raise type(error)(f"monitor_server.{_SEED_KEY[table]}: {error.detail}") from error

    def _seed_session(self, entry: Any, i: int) -> tuple[Any, ...]:
        where = f"monitor_server.sessions[{i}]"
        entry = _seed_object(entry, where)
        description = entry.get("description", {})
        if isinstance(description, str):
            try:
                description = json.loads(description)
            except ValueError:
                description = None
        payload = {
            "session_h": entry.get("session_h", entry.get("h")) or self._generated_hash("s"),
            "run_date": entry.get("run_date", self._now_iso()),
            "scm_ref": entry.get("scm_ref"),
            "description": description,
        }
        return _seeded(session_values, payload, where)

    def _seed_context(self, entry: Any, i: int) -> tuple[Any, ...]:
        where = f"monitor_server.contexts[{i}]"
        defaults = {**_CONTEXT_DEFAULTS, "h": self._generated_hash("c")}
        return _seeded(context_values, {**defaults, **_seed_object(entry, where)}, where)

    def _seed_metric(self, entry: Any, i: int) -> tuple[Any, ...]:
        where = f"monitor_server.metrics[{i}]"
        entry = _seed_object(entry, where)
        defaults = {
            **_METRIC_DEFAULTS,
            "item_start_time": self._now_iso(),
            # An unparametrized item's variant is the item itself.
            "item_variant": entry.get("item", _METRIC_DEFAULTS["item"]),
        }
        return _seeded(metric_values, {**defaults, **entry}, where)

    def _now_iso(self) -> str:
        # pytest-monitor writes naive ISO timestamps; the mock's are UTC.
        now = datetime.fromtimestamp(self._clock.now(), tz=timezone.utc)
        return now.replace(tzinfo=None).isoformat()

    def _generated_hash(self, kind: str) -> str:
        return hashlib.sha1(f"{kind}-{next(self._generated_ids)}".encode()).hexdigest()


_KIND = {"TEST_SESSIONS": "session", "EXECUTION_CONTEXTS": "context", "TEST_METRICS": "metric"}
_COUNTER = {"EXECUTION_CONTEXTS": "contexts", "TEST_METRICS": "metrics"}
_HASH_COLUMN = {"TEST_SESSIONS": "SESSION_H", "EXECUTION_CONTEXTS": "ENV_H"}


@dataclass
class _Added:
    """What one all-or-nothing write adds to the counts, and to the hash indexes once
    SQLite has committed it."""

    counts: dict[str, int]
    indexed: list[tuple[HashIndex, list[tuple[int, str, JSONText]]]] = field(default_factory=list)


_SEED_KEY = {
    "TEST_SESSIONS": "sessions",
    "EXECUTION_CONTEXTS": "contexts",
    "TEST_METRICS": "metrics",
}

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
    "session_h": "",
    "context_h": "",
    "item_path": "tests.test_module",
    "item": "test_item",
    "item_fs_loc": "tests/test_module.py",
    "kind": "function",
    "component": "",
    "total_time": 0.0,
    "user_time": 0.0,
    "kernel_time": 0.0,
    "cpu_usage": 0.0,
    "mem_usage": 0.0,
}


def _prefix_where(column: str, prefix: str | None) -> tuple[str, list[Any]]:
    """``WHERE column LIKE 'prefix%'`` (nothing for no prefix), narrowed first by the
    ASCII-folded index of the column to the rows the literal start of the prefix allows."""
    if prefix is None:
        return "", []
    return _like_where(column, like_prefix(prefix))


#: ``LIKE`` against a bound pattern. Written as an expression, not a bare parameter: SQLite
#: prepares a statement again for every new value of a bare ``LIKE ?`` (it might use an
#: index for it), about 30 µs a query; the folded index does that job here.
LIKE = "LIKE (? || '')"


def _like_where(column: str, pattern: str) -> tuple[str, list[Any]]:
    """``WHERE column LIKE pattern``, narrowed by the folded index where the pattern's
    literal head allows (the ``LIKE`` itself decides)."""
    head = literal_head(pattern)
    if not head:
        return f'WHERE "{column}" {LIKE}', [pattern]
    low, high = folded_range(head)
    if high is None:
        return f'WHERE lower("{column}") >= ? AND "{column}" {LIKE}', [low, pattern]
    return (
        f'WHERE lower("{column}") >= ? AND lower("{column}") < ? AND "{column}" {LIKE}',
        [low, high, pattern],
    )


def _metrics_where(condition: str, parameters: list[Any]) -> _Query:
    condition = condition.removeprefix("WHERE ")
    return _Query('SELECT "RENDERED"', f'FROM "TEST_METRICS" WHERE {condition}', parameters)


def _distinct(value: str, source: str, parameters: list[Any], order: str = "min(rowid)") -> _Query:
    """The distinct values of an expression, each where its first row is (the order of the
    real server's ``SELECT DISTINCT`` over a scan), as text."""
    # The first row's value, as SELECT DISTINCT keeps it: with min() as the one aggregate,
    # SQLite takes a group's bare columns from the row holding the minimum.
    return _Query(
        f"SELECT {value} AS value, {order} AS first",
        f"FROM {source} GROUP BY value",
        parameters,
        order="ORDER BY first",
        item=lambda row: render.as_string(row[0]),
    )


def _seed_entries(section: dict[str, Any], key: str) -> list[tuple[int, Any]]:
    entries = section.get(key) or []
    if not isinstance(entries, list):
        raise InvalidInput(f"monitor_server.{key}: expected a list")
    return list(enumerate(entries))


def _seed_object(entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise InvalidInput(f"{where}: expected an object")
    return entry


def _seeded(read: Callable[[Any], tuple[Any, ...]], payload: Any, where: str) -> tuple[Any, ...]:
    try:
        return read(payload)
    except InvalidInput as error:
        raise InvalidInput(f"{where}: {error.detail}") from error
