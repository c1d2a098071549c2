"""Contract of the monitor-server API: every operation of ``specs/monitor_server.yaml``,
positive and negative cases, against the full in-process mock. No authentication."""

from __future__ import annotations

from tests.contract.contract import build_app, call_and_validate, contract_settings, load, reseed
from tests.contract.known_bugs import assume_not_known_bug

APP = build_app()
schema = load("monitor_server.yaml", APP)


@schema.parametrize()
@contract_settings
def test_monitor_server_conforms(case):
    assume_not_known_bug(case)
    reseed(APP)
    call_and_validate(case)
