"""Request bodies as pytest-monitor 1.6.6 and the seed documentation write them."""

from __future__ import annotations

import hashlib
import json
from typing import Any

RUN_DATE = "2024-05-13T09:12:44.301552"
SCM_REF = "4914d195225cf6b1c5a160c555b6948ea1ba2bcd"


def hash_of(name: str) -> str:
    """A realistic 40-hex hash, stable per name."""
    return hashlib.sha1(name.encode()).hexdigest()


def without(payload: dict[str, Any], *names: str) -> dict[str, Any]:
    """The payload with some of its fields left out."""
    return {key: value for key, value in payload.items() if key not in names}


def session_payload(session_h: str, **overrides: Any) -> dict[str, Any]:
    """pytest-monitor's form: ``session_h``, ``scm_ref`` (always sent, maybe null) and the
    description as an object."""
    return {
        "session_h": session_h,
        "run_date": RUN_DATE,
        "scm_ref": SCM_REF,
        "description": {"numpy": "1.26.4", "pipeline_branch": "main"},
        **overrides,
    }


def seed_session_payload(h: str, **overrides: Any) -> dict[str, Any]:
    """The seed documentation's form: ``h`` and the description as JSON text. ``load_seed``
    takes it; the API answers it as the real server does (400 with the session's fields all
    null: its description is not an object)."""
    return {
        "h": h,
        "run_date": "2020-12-04T23:18:15.661016",
        "scm_ref": SCM_REF,
        "description": json.dumps({"numpy": "1.17.1"}),
        **overrides,
    }


def context_payload(h: str, **overrides: Any) -> dict[str, Any]:
    """What ``ExecutionContext.to_dict()`` sends (psutil gives a fractional frequency)."""
    return {
        "cpu_count": 8,
        "cpu_frequency": 2893.204,
        "cpu_type": "x86_64",
        "cpu_vendor": "Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz",
        "ram_total": 15747,
        "machine_node": "ci-runner-07.example.org",
        "machine_type": "x86_64",
        "machine_arch": "64bit",
        "system_info": "Linux - 6.8.0-31-generic",
        "python_info": "3.11.9 (main, Apr  6 2024, 17:59:24) [GCC 11.4.0]",
        "h": h,
        **overrides,
    }


def metric_payload(session_h: str, context_h: str, item: str, **overrides: Any) -> dict[str, Any]:
    return {
        "session_h": session_h,
        "context_h": context_h,
        "item_start_time": "2024-05-13T09:12:45.118904",
        "item_path": "tests.test_matrix",
        "item": item,
        "item_variant": item,
        "item_fs_loc": "tests/test_matrix.py",
        "kind": "function",
        "component": "linalg",
        "total_time": 0.5,
        "user_time": 0.4,
        "kernel_time": 0.02,
        "cpu_usage": 0.84,
        "mem_usage": 12.5,
        **overrides,
    }
