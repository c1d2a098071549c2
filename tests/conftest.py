"""Shared fixtures: an in-process mock app (response validation on) and HTTP clients to it."""

from __future__ import annotations

import os

import httpx
import pytest
from hypothesis import HealthCheck, settings

from mock_server import MockClock, MockConfig, MockState, create_app

# Hypothesis profiles: "fast" keeps `make test` quick and gives every run the same examples
# (a change is judged on what was judged before it, and CI on a clean clone is repeatable);
# `make test-deep` selects "deep": many more examples, new ones each run.
settings.register_profile(
    "fast",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile(
    "deep", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

# tests/compat runs in its own venv with the vendors' clients (`make compat`).
collect_ignore = ["compat", "fidelity"]

START = 1_750_000_000.0  # a fixed epoch so tests never depend on the real date


@pytest.fixture
def clock() -> MockClock:
    return MockClock(start=START, frozen=True)


@pytest.fixture
def make_app(clock):
    """Build an app over a fresh state; ``make_app(empty=False)`` keeps the demo data."""

    def build(**config_kwargs):
        config_kwargs.setdefault("empty", True)
        config = MockConfig(validate_responses=True, **config_kwargs)
        return create_app(state=MockState(config, clock=clock))

    return build


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def state(app) -> MockState:
    return app.mock_state


@pytest.fixture
async def client(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as c:
        yield c
