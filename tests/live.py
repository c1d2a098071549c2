"""A live mock server for tests that need real sockets: ``python -m mock_server`` on a free
loopback port, stopped (SIGTERM, as a supervisor would) when the block ends."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen

    def stop(self, sig: int = signal.SIGTERM) -> str:
        """Stop the server with ``sig``; its output (stdout and stderr)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            out, _ = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return out


def start(*args: str) -> LiveServer:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--port", str(port), "--log-level", "warning", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{url}/_mock/health", timeout=1).raise_for_status()
            return LiveServer(url, process)
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the mock did not start: {process.communicate()[0]}") from None
            time.sleep(0.05)


@contextmanager
def live_server(*args: str) -> Iterator[LiveServer]:
    server = start(*args)
    try:
        yield server
    finally:
        server.stop()
