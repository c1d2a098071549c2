"""Every call the seeds document and the real clients make has an operation in a spec.

The requests are written as the seeds and the real clients send them (concrete paths); each
must match a path template and method of some spec.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

SPEC_DIR = Path(__file__).parents[2] / "specs"

CALLS = [
    # Preservica: pyPreservica's MonitorAPI (login, version, user details, then the seed's three)
    ("POST", "/api/accesstoken/login"),
    ("POST", "/api/accesstoken/refresh"),
    ("GET", "/api/entity/versiondetails/version"),
    ("GET", "/api/user/details"),
    ("GET", "/api/processmonitor/monitors"),
    ("GET", "/api/processmonitor/messages"),
    ("GET", "/api/processmonitor/monitors/0f1e2d3c4b5a69788796a5b4c3d2e1f0/timeseries"),
    # monitor-server: the seed's operations, in the real server's spellings
    ("POST", "/api/v1/sessions/"),
    ("GET", "/api/v1/sessions/"),
    ("GET", "/api/v1/sessions/count"),
    ("GET", "/api/v1/sessions/0041724ff4e0"),
    ("GET", "/api/v1/sessions/0041724ff4e0adac62b70b4f810c79fc5ad8ba5b/metrics"),
    ("GET", "/api/v1/sessions/2bdcf62f5cfaa71e9ede529ed4a43963e2d52d88/metrics/count"),
    # ... what pytest-monitor writes and monitor_api reads
    ("GET", "/api/v1/contexts/e9188c68dd9ddeccd0a2f59422d16a2bf7337683"),
    ("POST", "/api/v1/contexts/"),
    ("GET", "/api/v1/contexts/"),
    ("GET", "/api/v1/contexts/count"),
    ("GET", "/api/v1/contexts/e9188c68dd9ddeccd0a2f59422d16a2bf7337683/metrics"),
    ("GET", "/api/v1/contexts/e9188c68dd9ddeccd0a2f59422d16a2bf7337683/metrics/count"),
    ("POST", "/api/v1/metrics/"),
    ("GET", "/api/v1/metrics/"),
    ("GET", "/api/v1/metrics/count"),
    # aepublish: almdrlib's publish_observations and the AIMS calls it makes first
    ("POST", "/aepublish/v1/2/observation"),
    ("POST", "/aims/v1/authenticate"),
    ("GET", "/aims/v1/token_info"),
    # the admin routes tools may rely on (docs/admin.md)
    ("GET", "/_mock/health"),
    ("POST", "/_mock/reset"),
    ("POST", "/_mock/seed"),
    ("GET", "/_mock/clock"),
    ("POST", "/_mock/clock"),
]


def _template_regex(template: str) -> re.Pattern[str]:
    """``/a/{id}/b`` matches ``/a/<one segment>/b`` exactly."""
    literals = re.split(r"\{[^}]+\}", template)
    return re.compile("[^/]+".join(re.escape(part) for part in literals) + "$")


def _operations() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for spec_file in SPEC_DIR.glob("*.yaml"):
        for template, item in yaml.safe_load(spec_file.read_text())["paths"].items():
            regex = _template_regex(template)
            found += [(method.upper(), regex) for method in item if method != "parameters"]
    return found


OPERATIONS = _operations()


@pytest.mark.parametrize(("method", "path"), CALLS, ids=[f"{m} {p}" for m, p in CALLS])
def test_the_call_has_an_operation(method, path):
    assert any(m == method and regex.match(path) for m, regex in OPERATIONS)


#: The seed documentation writes these with a trailing slash; the real server has no such
#: routes (it answers 404), so the spec has none either.
SEED_ONLY_SPELLINGS = [
    ("GET", "/api/v1/sessions/count/"),
    ("GET", "/api/v1/sessions/0041724ff4e0adac62b70b4f810c79fc5ad8ba5b/metrics/"),
    ("GET", "/api/v1/sessions/2bdcf62f5cfaa71e9ede529ed4a43963e2d52d88/metrics/count/"),
]


@pytest.mark.parametrize(("method", "path"), SEED_ONLY_SPELLINGS)
def test_the_seeds_trailing_slash_spellings_have_none(method, path):
    assert not any(m == method and regex.match(path) for m, regex in OPERATIONS)


def test_an_unknown_call_has_none():
    assert not any(regex.match("/api/v1/nowhere/at/all") for _m, regex in OPERATIONS)
