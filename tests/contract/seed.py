"""The data the contract tests run against: small, but enough that every operation has
something to find (a user to log in as, monitors with messages and a timeseries, sessions
with metrics, an account with a key pair, definitions with every rule)."""

from __future__ import annotations

from typing import Any

PRESERVICA_USER = {"username": "test", "password": "test", "tenant": "TEST"}
ALERT_LOGIC_KEY_PAIR = ("demo-key", "demo-secret")
ALERT_LOGIC_ACCOUNT = "2"

RUNNING_MONITOR = "0" * 31 + "a"
SESSION = "0041724ff4e0adac62b70b4f810c79fc5ad8ba5b"
CONTEXT = "e9188c68dd9ddeccd0a2f59422d16a2b"


def _message(status: str, n: int) -> dict[str, Any]:
    return {"status": status, "displayMessage": f"{status} #{n}", "path": f"images/{n}.tif"}


def contract_seed() -> dict[str, Any]:
    """A fresh seed document (the ``POST /_mock/seed`` format) for every test."""
    return {
        "preservica": {
            "users": [{**PRESERVICA_USER, "roles": ["ROLE_SDB_MANAGER_USER"]}],
            "monitors": [
                {
                    "mappedId": RUNNING_MONITOR,
                    "name": "opex/contract-ingest",
                    "status": "Running",
                    "category": "Ingest",
                    "subcategory": "OPEX",
                    "percentComplete": "40",
                    "filesProcessed": 2,
                    "filesPending": 3,
                    "messages": [
                        _message(status, n)
                        for n, status in enumerate(["Info", "Warning", "Error"] * 10)
                    ],
                    "timeseries": [
                        {"status": "Pending", "filesProcessed": 0, "filesPending": 5},
                        {"status": "Running", "filesProcessed": 2, "filesPending": 3},
                    ],
                },
                {
                    "mappedId": "0" * 31 + "b",
                    "name": "export/contract-export",
                    "status": "Failed",
                    "category": "Export",
                    "subcategory": "DIP",
                },
                {
                    # Not started: null started, progressText and percentComplete.
                    "mappedId": "0" * 31 + "c",
                    "name": "opex/contract-pending",
                    "status": "Pending",
                    "category": "Automated",
                    "subcategory": "Thumbnails",
                    "progressText": None,
                    "percentComplete": None,
                    "filesPending": 4,
                    "messages": [_message("Debug", 0)],
                },
            ],
        },
        "monitor_server": {
            "sessions": [
                {
                    "session_h": SESSION,
                    "run_date": "2020-12-04T23:18:15.661016",
                    "scm_ref": "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
                    "description": {"numpy": "1.17.1", "build": 4},
                },
                {"session_h": "2bdcf62f5cfaa71e9ede529ed4a43963", "scm_ref": None},
            ],
            "contexts": [{"h": CONTEXT, "cpu_count": 8, "cpu_frequency": 2893.204}],
            "metrics": [
                {"session_h": SESSION, "context_h": CONTEXT, "item": f"test_{n}", "total_time": n}
                for n in range(3)
            ],
        },
        "aepublish": {
            "accounts": [
                {
                    "id": ALERT_LOGIC_ACCOUNT,
                    "name": "Acme",
                    "access_key_id": ALERT_LOGIC_KEY_PAIR[0],
                    "secret_key": ALERT_LOGIC_KEY_PAIR[1],
                },
                {"id": "3", "name": "Other", "access_key_id": "other-key", "secret_key": "x"},
            ],
            "definitions": [
                {"path": "aws/guardduty/finding", "unique": ["finding_id"], "unique_window": 3600},
                {
                    "path": "aws/cloudtrail/console_login",
                    "throttle_count": 2,
                    "throttle_period": 60,
                },
                {"path": "host/agent/heartbeat"},
                {"path": "flaky/source"},
            ],
            "faults": [{"definition": "flaky/source", "delay": 7}],
        },
    }
