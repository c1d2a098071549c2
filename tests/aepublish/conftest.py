"""Fixtures of the aepublish tests: an app serving only this API, seeded per test."""

from __future__ import annotations

import pytest

from mock_server.aepublish.backend import AepublishBackend
from tests.aepublish.aepublish_seeds import ACME, seed

#: The batch limit of the HTTP fixtures: small, so the 413 test sends little.
MAX_BATCH = 10


@pytest.fixture
def app(make_app):
    # Until every spec exists, the app serves only this API.
    return make_app(apis=("aepublish",), max_batch=MAX_BATCH)


@pytest.fixture
def backend(clock) -> AepublishBackend:
    backend = AepublishBackend(clock, max_batch=100)
    backend.load_seed(seed())
    return backend


@pytest.fixture
def token(backend) -> str:
    """A token of account ACME on the backend fixture."""
    return backend.authenticate(ACME["access_key_id"], ACME["secret_key"])["token"]


@pytest.fixture
def seeded(state):
    state.aepublish.load_seed(seed())
    return state.aepublish


@pytest.fixture
async def auth(client, seeded) -> dict[str, str]:
    """Headers of a client logged in as ACME, the way almdrlib logs in."""
    answer = await client.post(
        "/aims/v1/authenticate", auth=(ACME["access_key_id"], ACME["secret_key"])
    )
    assert answer.status_code == 200
    return {"X-AIMS-Auth-Token": answer.json()["authentication"]["token"]}
