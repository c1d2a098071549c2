"""AIMS tokens are pruned when they expire: a mock that logs in for every test of a long
run does not keep every token it ever issued."""

from __future__ import annotations

import pytest

from mock_server.aepublish.backend import TOKEN_LIFETIME
from mock_server.core.errors import Unauthorized
from tests.aepublish.aepublish_seeds import ACME


def login(backend) -> str:
    return backend.authenticate(ACME["access_key_id"], ACME["secret_key"])["token"]


def test_expired_tokens_are_pruned_at_the_next_login(backend, clock):
    first = [login(backend) for _ in range(500)]
    clock.advance(TOKEN_LIFETIME - 1)
    kept = login(backend)
    assert len(backend._tokens) == 501  # none has expired yet
    clock.advance(1)
    login(backend)
    assert len(backend._tokens) == len(backend._token_expiries) == 2
    assert backend.token_info(kept)["account"]["id"] == ACME["id"]
    with pytest.raises(Unauthorized):
        backend.token_info(first[0])


class _NoScan(dict):
    def _scanned(self, *args):
        raise AssertionError("every token was scanned")

    __iter__ = items = keys = values = _scanned


def test_a_login_does_not_scan_the_live_tokens(backend, clock):
    for _ in range(100):
        login(backend)
    backend._tokens = _NoScan(backend._tokens)
    clock.advance(TOKEN_LIFETIME)
    token = login(backend)  # prunes the 100 expired ones, one by one
    assert list(dict.keys(backend._tokens)) == [token]


def test_a_login_prunes_a_bounded_number(backend, clock):
    from mock_server.core.expiry import PRUNED_PER_LOGIN

    for _ in range(2 * PRUNED_PER_LOGIN):
        login(backend)
    clock.advance(TOKEN_LIFETIME)
    login(backend)
    assert len(backend._tokens) == PRUNED_PER_LOGIN + 1
    login(backend)
    assert len(backend._tokens) == 2
