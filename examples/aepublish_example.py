"""Publish a few observations to the local mock and print each one's outcome.

Start the mock first (``make serve``): its demo data has Alert Logic account "2" with the
access key pair demo-key / demo-secret. Then run::

    python examples/aepublish_example.py [BASE_URL]     # default http://127.0.0.1:8080
"""

from __future__ import annotations

import sys
import time
from typing import Any

from wrappers.aepublish import AepublishClient, Outcome

BASE_URL = "http://127.0.0.1:8080"


def sample_observations(run: str) -> list[dict[str, Any]]:
    """One of each kind the demo definitions tell apart; ``run`` keeps markers fresh."""
    finding = {"finding_id": f"finding-{run}", "severity": 8, "type": "Recon:EC2/PortProbe"}
    return [
        {"definition": "aws/guardduty/finding", "progress_marker": f"{run}:1", "data": finding},
        # The same finding again within the definition's unique window: suppressed.
        {"definition": "aws/guardduty/finding", "progress_marker": f"{run}:2", "data": finding},
        # A progress marker published before: duplicate.
        {"definition": "host/agent/heartbeat", "progress_marker": f"{run}:1", "data": {}},
        {"definition": "host/agent/heartbeat", "progress_marker": f"{run}:3", "data": {"up": 1}},
        # No definition: an error for this observation only, the others still go through.
        {"data": {"host": "web-1"}},
    ]


def main(base_url: str) -> None:
    observations = sample_observations(run=str(int(time.time())))
    with AepublishClient(base_url, access_key_id="demo-key", secret_key="demo-secret") as client:
        account_id = client.authenticate()
        print(f"logged in to account {account_id}")
        # publish() re-sends the observations answered `retry` after their delay.
        results = client.publish(account_id, observations, max_attempts=3)
    for observation, result in zip(observations, results, strict=True):
        definition = observation.get("definition", "(none)")
        note = result.details if result.outcome is Outcome.ERROR else result.ingest_id
        print(f"{definition:24} {result.outcome.value:10} {note or ''}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else BASE_URL)
