"""Call every public method of the real reader, ``monitor_api.monitor.Monitor``, and print
what each returned (or which exception it raised) as JSON lines.

Runs in .venv-peer, where monitor_api is installed with the real server:

    .venv-peer/bin/python tests/fidelity/reader_probe.py http://127.0.0.1:PORT/api/v1 CALLS.json

CALLS.json is a list of ``[method, args, kwargs]``; enum arguments are written as
``{"enum": "ResourceType.MEMORY"}``, and ``{"result": i}`` stands for what call ``i``
returned (list_metrics_from takes the Sessions of an earlier call). Every public method of
Monitor must be called at least once, so a reader that grows a method fails the probe.
"""

from __future__ import annotations

import datetime
import enum
import json
import sys

from monitor_api import enums
from monitor_api.core.collections import Contexts, Metrics, Sessions
from monitor_api.core.entities import Context, Metric, Session
from monitor_api.monitor import Monitor


def plain(value):
    """The returned value as JSON, keeping what a caller sees (types, order)."""
    if isinstance(value, Metrics):
        return {"Metrics": [plain(m) for m in value]}
    if isinstance(value, Sessions | Contexts):
        return {type(value).__name__: {k: plain(v) for k, v in value.items()}}
    if isinstance(value, Metric | Context):
        return {type(value).__name__: plain(value.to_dict())}
    if isinstance(value, Session):
        return {"Session": plain(value.to_dict())}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, enum.Enum):
        return {"enum": str(value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return {"repr": repr(value)}


def argument(value, results):
    if isinstance(value, dict) and "enum" in value:
        name, member = value["enum"].split(".")
        return getattr(getattr(enums, name), member)
    if isinstance(value, dict) and "result" in value:
        return results[value["result"]]
    return value


def main() -> None:
    url, calls_file = sys.argv[1], sys.argv[2]
    with open(calls_file) as f:
        calls = json.load(f)
    public = {name for name in dir(Monitor) if not name.startswith("_")}
    missing = public - {method for method, _, _ in calls}
    if missing:
        sys.exit(f"reader methods never called: {sorted(missing)}")
    monitor = Monitor(url)
    results = []
    for method, args, kwargs in calls:
        args = [argument(a, results) for a in args]
        kwargs = {k: argument(v, results) for k, v in kwargs.items()}
        try:
            value = getattr(monitor, method)(*args, **kwargs)
            results.append(value)
            line = {"returned": plain(value)}
        except Exception as error:  # what the reader raises is part of what is compared
            results.append(None)
            line = {"raised": type(error).__name__}
        print(json.dumps(line, sort_keys=True, allow_nan=True), flush=True)


if __name__ == "__main__":
    main()
