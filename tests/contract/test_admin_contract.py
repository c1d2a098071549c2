"""Contract of the mock's own admin API (``specs/mock_admin.yaml``): every operation,
positive and negative cases, against the full in-process mock. No authentication."""

from __future__ import annotations

from tests.contract.contract import build_app, call_and_validate, contract_settings, load, reseed
from tests.contract.known_bugs import assume_not_known_bug

APP = build_app()
schema = load("mock_admin.yaml", APP)


@schema.parametrize()
@contract_settings
def test_admin_conforms(case):
    assume_not_known_bug(case)
    reseed(APP)
    call_and_validate(case)
