"""Read and write a monitor-server (pytest-monitor's central store) with the wrapper.

Start the mock with its demo data (``make serve``), then::

    .venv/bin/python examples/monitor_server_example.py [BASE_URL]

BASE_URL is the server's root, ``http://127.0.0.1:8080`` by default.
"""

from __future__ import annotations

import sys
import uuid
from datetime import datetime

from wrappers.errors import ApiError, DeadlineExceededError
from wrappers.monitor_server import MonitorServerClient, MonitorSession, Resource

DEFAULT_BASE_URL = "http://127.0.0.1:8080"


def describe(session: MonitorSession) -> str:
    tags = ", ".join(f"{name}={value}" for name, value in session.tags.items())
    return f"{session.session_h[:12]}  {session.run_date}  {tags or '(no tags)'}"


def main(base_url: str) -> None:
    # timeout: the most one call may take in all, retries and slow answers included.
    with MonitorServerClient(base_url, timeout=10) as monitor:
        # pytest-monitor names a session by a hash of its own; any unused string will do.
        created = monitor.create_session(
            uuid.uuid4().hex,
            datetime.now(),
            scm_ref="4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
            description={"numpy": "2.0.0", "description": "Created by the example."},
        )
        print(f"created session {created.session_h}\n")

        print("sessions (hash, run date, tags):")
        for session in monitor.sessions():  # follows the pages, however many there are
            print(f"  {describe(session)}")

        print("\nsessions of pipeline main:")
        for session in monitor.sessions(tags={"pipeline_branch": "main"}):
            print(f"  {describe(session)}")

        print("\nmetrics of test_solve, by variant:")
        for metric in monitor.item_metrics("test_solve"):
            print(f"  {metric.item_variant:<28} {metric.total_time:7.3f} s")

        print("\nthe three tests using most memory:")
        for metric in monitor.resource_head(Resource.MEMORY, limit=3):
            print(f"  {metric.item_variant:<28} {metric.mem_usage:6.1f} MB  ({metric.component})")

        components = [name or "(none)" for name in monitor.components()]
        print(f"\ncomponents: {', '.join(components)}; pipelines: {monitor.pipelines()}")
        print(
            f"{monitor.count_sessions()} sessions with an SCM reference, "
            f"{monitor.count_contexts()} contexts, {monitor.count_metrics()} metrics"
        )


if __name__ == "__main__":
    try:
        main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_BASE_URL)
    except (ApiError, DeadlineExceededError) as error:  # every failure is typed
        sys.exit(f"monitor-server: {error}")
