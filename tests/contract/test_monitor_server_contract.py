"""Contract of the monitor-server API: every operation of ``specs/monitor_server.yaml``,
positive and negative cases, against the full in-process mock. No authentication.

The checks are ``contract.CHECKS`` but for what the real server also accepts
(``lenient.MONITOR_SERVER_CHECKS``).
"""

from __future__ import annotations

from tests.contract.contract import BASE_URL, build_app, contract_settings, load, reseed
from tests.contract.known_bugs import assume_not_known_bug
from tests.contract.lenient import MONITOR_SERVER_CHECKS

APP = build_app()
schema = load("monitor_server.yaml", APP)


@schema.parametrize()
@contract_settings
def test_monitor_server_conforms(case):
    assume_not_known_bug(case)
    reseed(APP)
    case.call_and_validate(base_url=BASE_URL, checks=MONITOR_SERVER_CHECKS)
