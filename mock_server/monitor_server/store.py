"""Where the monitor-server mock keeps its rows: an in-memory SQLite database with the real
server's three tables.

monitor-server-api 1.1.0 stores its data in SQLite through SQLAlchemy, and much of what a
client sees comes from that: a value is stored with its column's type affinity (``"8"``
in an INTEGER column reads back as ``8``), prefixes are matched by ``LIKE``
(case-insensitive for ASCII, ``_`` and ``%`` as wildcards), descriptions are read with
``json_extract``, listings come in the order a table scan gives (insertion order),
``DISTINCT`` keeps the first of each value, and ``ORDER BY ... LIMIT`` breaks ties its own
way. Storing the rows in SQLite too, in tables declared as the real server declares them,
makes each of those the database's own behaviour rather than an imitation of it.

What the mock adds, none of which changes an answer:
- each row's wire form, written once when the row is stored (``render.py``), so a listing
  does not re-render every row it returns: for metrics a ``RENDERED`` column, for sessions
  and contexts their ``HashIndex`` (``hash_index.py``), which also answers their prefix
  lookups without a query;
- indexes for the lookups a large store makes slow (by session, context, item, variant,
  kind, component, and ASCII-folded hash and SCM prefixes); where an index could change the
  order a query gives, the queries in ``backend.py`` state that order (``ORDER BY rowid``)
  or keep the real server's join order (``CROSS JOIN``);
- counters for the whole-table counts, kept by ``MonitorServerBackend``.

Not locked itself: the backend holds one lock around every use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

# The real server's tables, as SQLAlchemy declares them for SQLite (column types give each
# value its affinity: VARCHAR -> TEXT, INTEGER, FLOAT -> REAL, JSON -> NUMERIC).
SCHEMA = """
CREATE TABLE "EXECUTION_CONTEXTS" (
    "ENV_H" VARCHAR(64) NOT NULL,
    "CPU_COUNT" INTEGER NOT NULL,
    "CPU_FREQUENCY_MHZ" INTEGER NOT NULL,
    "CPU_TYPE" VARCHAR(64) NOT NULL,
    "CPU_VENDOR" VARCHAR(256),
    "RAM_TOTAL_MB" INTEGER NOT NULL,
    "MACHINE_NODE" VARCHAR(512) NOT NULL,
    "MACHINE_TYPE" VARCHAR(32) NOT NULL,
    "MACHINE_ARCH" VARCHAR(16) NOT NULL,
    "SYSTEM_INFO" VARCHAR(256) NOT NULL,
    "PYTHON_INFO" VARCHAR(512) NOT NULL,
    PRIMARY KEY ("ENV_H")
);
CREATE TABLE "TEST_SESSIONS" (
    "SESSION_H" VARCHAR(64) NOT NULL,
    "RUN_DATE" VARCHAR(64) NOT NULL,
    "SCM_REF" VARCHAR(128),
    "DESCRIPTION" JSON,
    PRIMARY KEY ("SESSION_H")
);
CREATE TABLE "TEST_METRICS" (
    "ITEM_PK" INTEGER NOT NULL,
    "SESSION_H" VARCHAR(64),
    "CONTEXT_H" VARCHAR(64),
    "ITEM_START_TIME" VARCHAR(64) NOT NULL,
    "ITEM_PATH" VARCHAR(4096) NOT NULL,
    "ITEM" VARCHAR(2048) NOT NULL,
    "ITEM_VARIANT" VARCHAR(2048) NOT NULL,
    "ITEM_FS_LOC" VARCHAR(2048) NOT NULL,
    "KIND" VARCHAR(64) NOT NULL,
    "COMPONENT" VARCHAR(512),
    "TOTAL_TIME" FLOAT NOT NULL,
    "USER_TIME" FLOAT NOT NULL,
    "KERNEL_TIME" FLOAT NOT NULL,
    "CPU_USAGE" FLOAT NOT NULL,
    "MEM_USAGE" FLOAT NOT NULL,
    "RENDERED" TEXT,
    PRIMARY KEY ("ITEM_PK")
);
CREATE INDEX "sessions_by_folded_hash" ON "TEST_SESSIONS" (lower("SESSION_H"));
CREATE INDEX "sessions_by_folded_scm" ON "TEST_SESSIONS" (lower("SCM_REF"));
CREATE INDEX "contexts_by_folded_hash" ON "EXECUTION_CONTEXTS" (lower("ENV_H"));
CREATE INDEX "metrics_by_session" ON "TEST_METRICS" ("SESSION_H");
CREATE INDEX "metrics_by_context" ON "TEST_METRICS" ("CONTEXT_H");
CREATE INDEX "metrics_by_item" ON "TEST_METRICS" ("ITEM");
CREATE INDEX "metrics_by_variant" ON "TEST_METRICS" ("ITEM_VARIANT");
CREATE INDEX "metrics_by_kind" ON "TEST_METRICS" ("KIND");
CREATE INDEX "metrics_by_component" ON "TEST_METRICS" ("COMPONENT");
CREATE INDEX "metrics_by_folded_component" ON "TEST_METRICS" (lower("COMPONENT"));
"""

SESSION_COLUMNS = ("SESSION_H", "RUN_DATE", "SCM_REF", "DESCRIPTION")
CONTEXT_COLUMNS = (
    "ENV_H",
    "CPU_COUNT",
    "CPU_FREQUENCY_MHZ",
    "CPU_TYPE",
    "CPU_VENDOR",
    "RAM_TOTAL_MB",
    "MACHINE_NODE",
    "MACHINE_TYPE",
    "MACHINE_ARCH",
    "SYSTEM_INFO",
    "PYTHON_INFO",
)
METRIC_COLUMNS = (
    "SESSION_H",
    "CONTEXT_H",
    "ITEM_START_TIME",
    "ITEM_PATH",
    "ITEM",
    "ITEM_VARIANT",
    "ITEM_FS_LOC",
    "KIND",
    "COMPONENT",
    "TOTAL_TIME",
    "USER_TIME",
    "KERNEL_TIME",
    "CPU_USAGE",
    "MEM_USAGE",
)
TABLE_COLUMNS = {
    "TEST_SESSIONS": SESSION_COLUMNS,
    "EXECUTION_CONTEXTS": CONTEXT_COLUMNS,
    "TEST_METRICS": METRIC_COLUMNS,
}


class StoreError(Exception):
    """SQLite refused a value (the real server answers such a request with a 500)."""

    def __init__(self, reason: str, *, duplicate: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.duplicate = duplicate


class TwinDatabase:
    """One in-memory database; rows come back as ``sqlite3.Row`` (by column name)."""

    def __init__(self) -> None:
        # One connection used under the backend's lock, from whichever thread holds it.
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(SCHEMA)

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._db.execute(sql, parameters).fetchall()

    def values(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        return [row[0] for row in self._db.execute(sql, parameters)]

    def value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        row = self._db.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def insert(self, table: str, rows: Iterable[Sequence[Any]]) -> list[sqlite3.Row]:
        """Insert rows (values in ``TABLE_COLUMNS`` order), within ``begin()``, and return
        them as SQLite reads them back, with their ``rowid``."""
        columns = TABLE_COLUMNS[table]
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        first = self.value(f'SELECT coalesce(max(rowid), 0) + 1 FROM "{table}"')
        try:
            self._db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        except sqlite3.IntegrityError as error:
            raise StoreError(str(error), duplicate="UNIQUE" in str(error)) from error
        except (sqlite3.Error, OverflowError, ValueError) as error:
            # Unbindable values (objects, lists, integers beyond 64 bits, lone surrogates).
            raise StoreError(str(error)) from error
        return self.rows(
            f'SELECT rowid AS row_id, * FROM "{table}" WHERE rowid >= ? ORDER BY rowid', [first]
        )

    def set_rendered(self, table: str, rendered: Iterable[tuple[str, int]]) -> None:
        self._db.executemany(f'UPDATE "{table}" SET "RENDERED" = ? WHERE rowid = ?', rendered)

    def begin(self) -> None:
        self._db.execute("SAVEPOINT store")

    def commit(self) -> None:
        self._db.execute("RELEASE store")

    def rollback(self) -> None:
        self._db.execute("ROLLBACK TO store")
        self._db.execute("RELEASE store")

    def clear(self) -> None:
        for table in TABLE_COLUMNS:
            self._db.execute(f'DELETE FROM "{table}"')
