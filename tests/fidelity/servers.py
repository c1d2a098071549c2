"""The two servers under comparison: the real monitor-server and our mock, as processes.

The real server runs from .venv-peer (its Flask 1.1 / SQLAlchemy 1.3 pins conflict with
ours) under gunicorn, on a SQLite file this module can reach directly: emptying its three
tables is how an example starts from nothing, and deleting the rows an example's write
left behind is how the real server is brought back to the mock's state after a crash.
"""

from __future__ import annotations

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEER = Path(os.environ.get("PEER_VENV", ROOT / ".venv-peer"))
MOCK_PYTHON = os.environ.get("MOCK_PYTHON", sys.executable)
PAGE_SIZE = 3
API = "/api/v1"
APP = "monitor_server.app:prepare_app()"
MOCK_ARGS = ["--empty", "--api", "monitor_server", "--page-size", str(PAGE_SIZE)]
MOCK_ARGS += ["--log-level", "warning"]
# The real server's tables, children first (metrics point at sessions and contexts).
TABLES = ("TEST_METRICS", "TEST_SESSIONS", "EXECUTION_CONTEXTS")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    body: bytes


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen | None = None
    log: Path | None = None
    _log_offset: int = field(default=0, repr=False)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def send(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        # http.client sends the target as given: percent-encoding, repeated parameters and
        # odd paths reach the server exactly as the generator wrote them.
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, target, body=body, headers=headers or {})
            response = conn.getresponse()
            data = response.read()
            merged: dict[str, str] = {}
            for name, value in response.getheaders():
                key = name.lower()
                merged[key] = f"{merged[key]}, {value}" if key in merged else value
            return Answer(response.status, merged, data)
        finally:
            conn.close()

    def new_log(self) -> str:
        """What the server wrote to its log since the last call."""
        if self.log is None:
            return ""
        with self.log.open("rb") as f:
            f.seek(self._log_offset)
            data = f.read()
        self._log_offset += len(data)
        return data.decode("utf-8", "replace")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@dataclass
class RealServer(Server):
    db: Path = Path()

    def rowids(self) -> dict[str, int]:
        with sqlite3.connect(self.db) as db:
            return {
                t: db.execute(f'SELECT max(rowid) FROM "{t}"').fetchone()[0] or 0 for t in TABLES
            }

    def delete_rows_after(self, rowids: dict[str, int]) -> int:
        """Delete every row added since ``rowids``; how many there were."""
        # Within an example rows are only ever added, so SQLite hands out rowids in order.
        with sqlite3.connect(self.db) as db:
            return sum(
                db.execute(f'DELETE FROM "{t}" WHERE rowid > ?', (rowids[t],)).rowcount
                for t in TABLES
            )

    def empty(self) -> None:
        with sqlite3.connect(self.db) as db:
            for table in TABLES:
                db.execute(f'DELETE FROM "{table}"')


@dataclass
class MockServer(Server):
    def empty(self) -> None:
        answer = self.send("POST", "/_mock/reset")
        if answer.status != 204:
            raise RuntimeError(f"POST /_mock/reset answered {answer.status}: {answer.body!r}")


def start_real(workdir: Path) -> RealServer:
    gunicorn = PEER / "bin" / "gunicorn"
    if not gunicorn.exists():
        raise RuntimeError(f"{gunicorn} is missing: run `make fidelity` (it builds .venv-peer)")
    server = RealServer("real", free_port(), log=workdir / "real.log", db=workdir / "peer.db")
    env = {
        **os.environ,
        "FLASK_ENV": "prod",
        "MONITOR_SERVER_DATABASE_URI": f"sqlite:///{server.db}",
        "MONITOR_SERVER_PAGINATION_COUNT": str(PAGE_SIZE),
    }
    with server.log.open("wb") as log:
        server.process = subprocess.Popen(
            [str(gunicorn), "-w", "1", "-b", f"127.0.0.1:{server.port}", "--timeout", "60", APP],
            cwd=workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return server


def start_mock(workdir: Path) -> MockServer:
    server = MockServer("mock", free_port(), log=workdir / "mock.log")
    with server.log.open("wb") as log:
        server.process = subprocess.Popen(
            [MOCK_PYTHON, "-m", "mock_server", *MOCK_ARGS, "--port", str(server.port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return server


def wait_until_up(server: Server, path: str, deadline: float) -> None:
    while True:
        try:
            if server.send("GET", path).status < 500:
                return
        except OSError:
            pass
        if server.process is not None and server.process.poll() is not None:
            raise RuntimeError(f"the {server.name} server exited:\n{server.new_log()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the {server.name} server did not come up:\n{server.new_log()}")
        time.sleep(0.05)


def start_both(workdir: Path) -> tuple[RealServer, MockServer]:
    """Start both at once (each takes a second or two to import its stack)."""
    real = start_real(workdir)
    try:
        mock = start_mock(workdir)
    except BaseException:
        real.stop()
        raise
    try:
        deadline = time.monotonic() + 60
        wait_until_up(real, f"{API}/sessions/count", deadline)
        wait_until_up(mock, "/_mock/health", deadline)
    except BaseException:
        real.stop()
        mock.stop()
        raise
    real.new_log()  # the start-up lines are not crash reports
    return real, mock
