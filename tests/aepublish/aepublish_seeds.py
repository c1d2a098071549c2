"""Seed data and observation builders shared by the aepublish tests."""

from __future__ import annotations

from typing import Any

ACME = {"id": "2", "name": "Acme", "access_key_id": "demo-key", "secret_key": "demo-secret"}
GLOBEX = {"id": "3", "name": "Globex", "access_key_id": "globex-key", "secret_key": "globex-secret"}
#: Accounts AIMS knows but will not log in (not in ``seed()``: tests add them).
DORMANT = {"id": "4", "access_key_id": "dormant-key", "secret_key": "dormant", "active": False}
EXPIRED = {"id": "5", "access_key_id": "expired-key", "secret_key": "old", "password_expired": True}

FINDING = "aws/guardduty/finding"  # unique [finding_id] within an hour
LOGIN = "aws/cloudtrail/console_login"  # throttled: 3 successes per minute
HEARTBEAT = "host/agent/heartbeat"  # no rule of its own
UNIQUE_WINDOW = 3600
THROTTLE_COUNT = 3
THROTTLE_PERIOD = 60


def seed() -> dict[str, Any]:
    return {
        "accounts": [dict(ACME), dict(GLOBEX)],
        "definitions": [
            {"path": FINDING, "unique": ["finding_id"], "unique_window": UNIQUE_WINDOW},
            {"path": LOGIN, "throttle_count": THROTTLE_COUNT, "throttle_period": THROTTLE_PERIOD},
            {"path": HEARTBEAT},
        ],
    }


def observation(definition: str = HEARTBEAT, marker: str | None = None, **data: Any) -> dict:
    obs: dict[str, Any] = {"definition": definition, "ts": 1_750_000_000, "data": data}
    if marker is not None:
        obs["progress_marker"] = marker
    return obs


def outcomes(body: dict[str, Any]) -> list[str]:
    return [result["outcome"] for result in body["observations"]]
