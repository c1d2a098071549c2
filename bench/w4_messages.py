"""W4: one client enumerating every message of one monitor against the running mock.

``python bench/w4_messages.py {wrapper|pypreservica} HOST:PORT MONITOR_ID EXPECTED``
prints one JSON line: the client, how many messages it read, and the seconds taken from
building the client (the login included) to the last message. ``wrapper`` runs in .venv
(``wrappers.preservica.MonitorAPI``), ``pypreservica`` in .venv-compat (pyPreservica's own
``MonitorAPI``, unchanged); both with the Preservica demo user.
"""

from __future__ import annotations

import json
import logging
import sys
import time


def main() -> None:
    client_name, server, monitor_id, expected = sys.argv[1:5]
    logging.disable(logging.CRITICAL)  # pyPreservica logs every login
    if client_name == "wrapper":
        from wrappers.preservica import MonitorAPI
    else:
        from pyPreservica import MonitorAPI
    started = time.perf_counter()
    client = MonitorAPI(
        username="test", password="test", tenant="TEST", server=server, protocol="http"
    )
    count = 0
    ids = set()
    for message in client.messages(monitor_id):
        count += 1
        ids.add(message["MessageId"])
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "client": client_name,
                "messages": count,
                "distinct": len(ids),
                "expected": int(expected),
                "seconds": round(seconds, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
