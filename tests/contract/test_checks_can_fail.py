"""The contract tests can fail: sabotage one handler at a time and watch the very checks the
contract tests run (``contract.CHECKS``) catch it, on an explicit case and on generated ones.

The sabotaged app is built with ``validate_responses=False``, as ``mock-server`` serves
(with it on, the mock answers its own bad response with a 500, caught as well, below).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from schemathesis.core.failures import FailureGroup, ServerError
from schemathesis.openapi.checks import IgnoredAuth, JsonSchemaError, UndefinedStatusCode

from mock_server import MockClock, MockConfig, MockState, create_app
from mock_server.monitor_server.handlers import MonitorServerHandlers
from mock_server.preservica.handlers import PreservicaHandlers
from tests.conftest import START
from tests.contract.contract import (
    BASE_URL,
    CHECKS,
    call_and_validate,
    contract_machine,
    load,
    login_preservica,
    reseed,
)
from tests.contract.lenient import MONITOR_SERVER_CHECKS

COUNT = ("monitor_server.yaml", "/api/v1/sessions/count", "GET")
VERSION = ("preservica_monitor.yaml", "/api/entity/versiondetails/version", "GET")


def _operation(where, *, validate_responses=False):
    spec, path, method = where
    config = MockConfig(validate_responses=validate_responses, empty=True)
    app = create_app(state=MockState(config, clock=MockClock(start=START, frozen=True)))
    reseed(app)
    return load(spec, app)[path][method], app


def _failures(raised: pytest.ExceptionInfo[FailureGroup]) -> set[type]:
    return {type(failure) for failure in raised.value.exceptions}


async def _count_of_many(self):
    return {"count": "many"}, 200


async def _count_accepted(self):
    return {"count": 2}, 202


def _anyone(self, apikey, required_scopes=None):
    return {"sub": "test", "tenant": "TEST", "token": apikey}


SABOTAGES = [
    pytest.param(
        COUNT,
        MonitorServerHandlers,
        "count_sessions",
        _count_of_many,
        JsonSchemaError,
        id="count-of-wrong-type",
    ),
    pytest.param(
        COUNT,
        MonitorServerHandlers,
        "count_sessions",
        _count_accepted,
        UndefinedStatusCode,
        id="undeclared-status",
    ),
    pytest.param(
        VERSION, PreservicaHandlers, "check_token", _anyone, IgnoredAuth, id="any-token-accepted"
    ),
]


@pytest.mark.parametrize(("where", "cls", "name", "sabotage", "caught_as"), SABOTAGES)
def test_a_sabotaged_handler_fails_the_checks(monkeypatch, where, cls, name, sabotage, caught_as):
    operation, app = _operation(where)
    headers = login_preservica(app) if where is VERSION else None
    call_and_validate(operation.Case(), headers)  # control: the same call passes unpatched

    # The resolver binds handler methods when the app is built: patch, then build.
    monkeypatch.setattr(cls, name, sabotage)
    operation, app = _operation(where)
    headers = login_preservica(app) if where is VERSION else None
    with pytest.raises(FailureGroup) as raised:
        call_and_validate(operation.Case(), headers)
    assert caught_as in _failures(raised)


def test_a_sabotaged_handler_fails_every_generated_case(monkeypatch):
    monkeypatch.setattr(MonitorServerHandlers, "count_sessions", _count_of_many)
    operation, _ = _operation(COUNT)
    seen = []

    @settings(max_examples=10, database=None)
    @given(case=operation.as_strategy())
    def contract(case):
        with pytest.raises(FailureGroup) as raised:
            call_and_validate(case)
        assert JsonSchemaError in _failures(raised)
        seen.append(case)

    contract()
    assert seen


def test_the_mock_refuses_its_own_wrong_response_when_validating(monkeypatch):
    monkeypatch.setattr(MonitorServerHandlers, "count_sessions", _count_of_many)
    operation, _ = _operation(COUNT, validate_responses=True)
    with pytest.raises(FailureGroup) as raised:
        call_and_validate(operation.Case())
    assert ServerError in _failures(raised)


def test_a_sabotaged_handler_fails_the_state_machine(monkeypatch):
    async def _metrics_count_of_many(self, session_hash):
        return {"count": "many"}, 200

    monkeypatch.setattr(MonitorServerHandlers, "count_session_metrics", _metrics_count_of_many)
    operation, _ = _operation(COUNT)
    # The link it must follow: a created session, then the count of its metrics.
    chain = operation.schema.include(operation_id=["create_session", "count_session_metrics"])
    machine = contract_machine(chain, checks=MONITOR_SERVER_CHECKS)
    with pytest.raises(FailureGroup) as raised:
        machine.run(
            settings=settings(
                max_examples=50, stateful_step_count=6, database=None, derandomize=True
            )
        )
    assert JsonSchemaError in _failures(raised)


@pytest.mark.parametrize(
    ("parameters", "excused"), [(100, False), (101, True)], ids=["at-the-limit", "beyond"]
)
def test_an_undeclared_414_is_excused_only_beyond_the_limits(parameters, excused):
    """The check that lets the limits' 414 through does so only for a request the limits
    refuse: the same undeclared status for a request within them still fails."""
    operation, _app = _operation(COUNT)
    query = {f"p{i}": "1" for i in range(parameters)}
    case = operation.Case(query=query)
    response = case.call(base_url=BASE_URL)
    assert (response.status_code == 414) is excused
    response.status_code = 414  # as a sabotaged handler answering it within the limits would
    if excused:
        case.validate_response(response, checks=CHECKS)
    else:
        with pytest.raises(FailureGroup) as raised:
            case.validate_response(response, checks=CHECKS)
        assert UndefinedStatusCode in _failures(raised)
