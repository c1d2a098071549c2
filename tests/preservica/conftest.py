"""Fixtures of the Preservica tests: an app serving only this API, seeded per test."""

from __future__ import annotations

import pytest

from mock_server.preservica.backend import PreservicaBackend
from tests.preservica.preservica_seeds import small_seed

# Until every spec exists, the app serves only this API.
APIS = ("preservica",)


@pytest.fixture
def app(make_app):
    return make_app(apis=APIS)


@pytest.fixture
def backend(clock) -> PreservicaBackend:
    return PreservicaBackend(clock)


@pytest.fixture
def seeded(state) -> PreservicaBackend:
    state.preservica.load_seed(small_seed())
    return state.preservica


@pytest.fixture
async def auth(client, seeded) -> dict[str, str]:
    """Headers of a logged-in client, as pyPreservica sends them."""
    answer = await client.post(
        "/api/accesstoken/login", data={"username": "test", "password": "test", "tenant": "TEST"}
    )
    assert answer.status_code == 200
    return {
        "Preservica-Access-Token": answer.json()["token"],
        "Content-Type": "application/json;charset=UTF-8",
    }
