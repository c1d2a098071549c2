"""Read and write a monitor-server (pytest-monitor's central store) with the wrapper.

Start the mock with its demo data (``make serve``), then::

    .venv/bin/python examples/monitor_server_example.py [BASE_URL]

BASE_URL is the server's root, ``http://127.0.0.1:8080`` by default.
"""

from __future__ import annotations

import sys
import uuid
from datetime import datetime

from wrappers.monitor_server import MonitorServerClient, MonitorSession

DEFAULT_BASE_URL = "http://127.0.0.1:8080"


def describe(session: MonitorSession) -> str:
    tags = ", ".join(f"{name}={value}" for name, value in session.tags.items())
    return f"{session.session_h[:12]}  {session.run_date}  {tags or '(no tags)'}"


def main(base_url: str) -> None:
    with MonitorServerClient(base_url) as monitor:
        # pytest-monitor names a session by a hash of its own; any unused string will do.
        created = monitor.create_session(
            uuid.uuid4().hex,
            datetime.now(),
            scm_ref="4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
            description={"numpy": "2.0.0", "description": "Created by the example."},
        )
        print(f"created session {created.session_h}\n")

        print("sessions (hash, run date, tags):")
        sessions = list(monitor.sessions())  # follows the pages, however many there are
        for session in sessions:
            print(f"  {describe(session)}")

        measured = next((s for s in sessions if monitor.count_session_metrics(s.session_h)), None)
        if measured is not None:
            print(f"\nmetrics of session {measured.session_h[:12]}:")
            for metric in monitor.session_metrics(measured.session_h):
                timing = f"{metric.total_time:7.3f} s  {metric.mem_usage:6.1f} MB"
                print(f"  {metric.item_variant:<40} {timing}")

        print(
            f"\n{monitor.count_sessions()} sessions, {monitor.count_contexts()} contexts, "
            f"{monitor.count_metrics()} metrics"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_BASE_URL)
