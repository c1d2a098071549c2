"""Seed data the Preservica tests share."""

from __future__ import annotations

RUNNING_INGEST = "a" * 32
FAILED_EXPORT = "b" * 32
SUCCEEDED_INGEST_PAX = "c" * 32


def message(status: str = "Info", n: int = 0) -> dict:
    return {"status": status, "displayMessage": f"{status} #{n}", "path": f"folder/file-{n}.tif"}


def small_seed() -> dict:
    """Three monitors covering the filters the tests combine."""
    return {
        "users": [
            {"username": "test", "password": "test", "tenant": "TEST", "roles": ["ROLE_A"]},
        ],
        "monitors": [
            {
                "mappedId": RUNNING_INGEST,
                "name": "opex/first-ingest",
                "status": "Running",
                "category": "Ingest",
                "subcategory": "OPEX",
                "filesProcessed": 2,
                "filesPending": 8,
                "messages": [message("Info", 0), message("Warning", 1), message("Error", 2)],
                "timeseries": [{"status": "Pending", "filesProcessed": 0, "filesPending": 10}],
            },
            {
                "mappedId": FAILED_EXPORT,
                "name": "export/second",
                "status": "Failed",
                "category": "Export",
                "subcategory": "DIP",
            },
            {
                "mappedId": SUCCEEDED_INGEST_PAX,
                "name": "pax/THIRD-ingest",
                "status": "Succeeded",
                "category": "Ingest",
                "subcategory": "PAX",
            },
        ],
    }
