"""What every contract test shares: the in-process mock, the specs as schemathesis schemas
bound to it, the checks every answer must pass, logging in, and the hypothesis settings
that keep the suite inside its time budget."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from starlette.testclient import TestClient

from mock_server import MockClock, MockConfig, MockState
from mock_server._connexion import limits
from mock_server.app import MockServer, dispatcher, full_apps, serve, stock_apps
from tests.conftest import START
from tests.contract.known_bugs import assume_not_known_bug
from tests.contract.seed import ALERT_LOGIC_KEY_PAIR, PRESERVICA_USER, contract_seed

SPECS = Path(__file__).parents[2] / "specs"


def beyond_the_limits(request: Any) -> int | None:
    """The status the mock's request limits (``mock_server._connexion.limits``, documented
    for every API alike) answer a sent request with, or None when it is within them."""
    url = urlsplit(request.url)
    target = len(url.path) + len(url.query)
    parameters = url.query.count("&") + 1 if url.query else 0
    if target > limits.MAX_TARGET or parameters > limits.MAX_QUERY_PARAMETERS:
        return 414
    headers = request.headers.items()
    size = sum(len(name) + len(value) for name, value in headers)
    if len(headers) > limits.MAX_HEADERS or size > limits.MAX_HEADER_BYTES:
        return 431
    return None


@schemathesis.check
def status_code_conformance_within_the_limits(ctx, response, case):
    """``status_code_conformance``, except the limits' refusal of a request beyond them
    (schemathesis may generate a query of more than 100 parameters), which no operation's
    responses list."""
    status = response.status_code
    if status in (414, 431) and beyond_the_limits(response.request) == status:
        return None
    return status_code_conformance(ctx, response, case)


#: Every answer must pass all of these. ``negative_data_rejection`` judges negative
#: (malformed) cases only; ``ignored_auth`` judges operations that declare security: it
#: re-sends a successful request without and with a bogus credential and expects a refusal.
#: ``positive_data_acceptance`` is not among them: a seed-form session ``description`` must
#: be JSON text (as on the real server), which a schema cannot say, so a schema-valid
#: non-JSON string is rightly refused.
CHECKS = [
    not_a_server_error,
    status_code_conformance_within_the_limits,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    ignored_auth,
    allow_header_conformance,
]

#: Examples per operation. The "fast" profile (``make test``) is capped so the four specs
#: stay near 30 s on two cores; "deep" (``HYPOTHESIS_PROFILE=deep``) runs the profile's own.
_FAST_CAP = 12
_DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"

#: The seed-shaped admin bodies: schemathesis' coverage phase (deterministic boundary cases,
#: which max_examples does not bound) makes ~1,200 requests of them, two thirds of the fast
#: run. The fast profile leaves them to fuzzing; the deep one covers them too.
_HUGE_BODIES = ["/_mock/seed", "/_mock/seeds/{name}", "/_mock/preservica/monitors"]

#: Positive (schema-valid) and negative (malformed) cases both. Credentials are the tests'
#: (a real login): generating them would only give random tokens, and ``ignored_auth``
#: already sends every authenticated operation without and with a bogus one.
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "with-security-parameters": False},
        "operations": []
        if _DEEP
        else [{"include-path": _HUGE_BODIES, "phases": {"coverage": {"enabled": False}}}],
    }
)

#: The mock's address as the specs' first server names it; requests never leave the process.
BASE_URL = "http://127.0.0.1:8080"


def _state() -> MockState:
    config = MockConfig(validate_responses=True, empty=True)
    return MockState(config, clock=MockClock(start=START, frozen=True))


def build_app(*, fast_lane: bool = True) -> MockServer:
    """The whole mock (every API served, as ``mock-server`` serves it), validating its own
    responses, on a clock frozen at START; ``fast_lane=False``: the same apps with every
    request going through connexion's chain. Built once per module (~0.3 s); ``reseed``
    makes it as good as new for each example."""
    state = _state()
    return serve(state, full_apps(state, fast_lane=fast_lane))


def build_stock_app() -> MockServer:
    """Each spec served by connexion as it comes, with the mock's handlers over a state of
    their own, and nothing else in the way: no journal or faults, no limits, no front door
    (what ``mock-server --no-fast-lane`` serves, without what it puts before connexion)."""
    state = _state()
    apis = stock_apps(state)
    return MockServer(dispatcher(apis), state, apis)


def load(
    spec_file: str, app: MockServer, config: schemathesis.Config = CONFIG
) -> schemathesis.BaseSchema:
    """A spec of ``specs/`` as a schemathesis schema whose requests go to ``app``."""
    schema = schemathesis.openapi.from_path(SPECS / spec_file, config=config)
    schema.app = app  # what from_asgi does; the spec is read from the file it is written in
    return schema


def reseed(app: MockServer) -> None:
    """Empty the app, load ``contract_seed()`` and put the clock back at START (frozen)."""
    state = app.mock_state
    state.reset()
    state.clock.freeze(True)
    state.clock.set(START)
    state.load_seed(contract_seed())


def client(app: MockServer) -> TestClient:
    return TestClient(app, base_url=BASE_URL)


def login_preservica(app: MockServer) -> dict[str, str]:
    """Headers of the seed's Preservica user, logged in through the mock as pyPreservica does."""
    answer = client(app).post("/api/accesstoken/login", data=PRESERVICA_USER)
    assert answer.status_code == 200, answer.text
    return {"Preservica-Access-Token": answer.json()["token"]}


#: The seed's Alert Logic key pair as ``POST /aims/v1/authenticate`` takes it (basic auth).
AIMS_KEY_PAIR = {
    "Authorization": "Basic " + base64.b64encode(":".join(ALERT_LOGIC_KEY_PAIR).encode()).decode()
}


def login_aims(app: MockServer) -> dict[str, str]:
    """Headers of the seed's Alert Logic key pair, logged in through AIMS as almdrlib does."""
    answer = client(app).post("/aims/v1/authenticate", headers=AIMS_KEY_PAIR)
    assert answer.status_code == 200, answer.text
    return {"X-AIMS-Auth-Token": answer.json()["authentication"]["token"]}


def call_and_validate(case: schemathesis.Case, headers: dict[str, str] | None = None) -> Any:
    """Send ``case`` to its schema's app and run every check of ``CHECKS`` on the answer."""
    return case.call_and_validate(base_url=BASE_URL, headers=headers, checks=CHECKS)


def contract_machine(schema, log_in=None, checks=CHECKS):
    """schemathesis' state machine of ``schema``, each scenario on a freshly seeded app and,
    with ``log_in``, a token it returns; answers judged by ``checks``."""

    class ContractMachine(schema.as_state_machine()):
        def setup(self):
            reseed(schema.app)
            self.token = log_in(schema.app) if log_in else None

        def before_call(self, case):
            assume_not_known_bug(case)

        def _credentials(self, case):
            # Each operation gets only the credential its spec declares, so that
            # ignored_auth probes the very one the operation checks.
            if case.operation.path == "/aims/v1/authenticate":
                return AIMS_KEY_PAIR
            return self.token

        def get_call_kwargs(self, case):
            return {"base_url": BASE_URL, "headers": self._credentials(case)}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(
                response, checks=checks, headers=self._credentials(case), transport_kwargs=kwargs
            )

    return ContractMachine


contract_settings = settings(
    max_examples=settings.default.max_examples
    if _DEEP
    else min(settings.default.max_examples, _FAST_CAP),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
