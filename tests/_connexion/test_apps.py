"""What each spec's app is made of: the mock's (connexion's options, the fast lane) or
connexion as it comes (``--no-fast-lane``, the oracle of tests/contract/test_stock_oracle.py)."""

from __future__ import annotations

import connexion
from connexion.middleware.main import ConnexionMiddleware
from connexion.validators import VALIDATOR_MAP as CONNEXION_VALIDATORS

from mock_server import MockConfig, create_app
from mock_server._connexion.fastlane import FastLaneMiddleware
from mock_server._connexion.problems import ERROR_HANDLERS
from mock_server._connexion.validation import VALIDATOR_MAP, ContractCheckMiddleware
from mock_server.core.errors import MockError


def _options(app: connexion.AsyncApp) -> dict:
    (api,) = app.middleware.apis
    return api.kwargs


def test_no_fast_lane_serves_connexion_as_it_comes():
    app = create_app(MockConfig(empty=True, fast_lane=False))
    assert set(app.apis) == {"admin", "preservica", "monitor_server", "aepublish"}
    for stock in app.apis.values():
        assert type(stock) is connexion.AsyncApp
        assert stock.middleware.middlewares == ConnexionMiddleware.default_middlewares
        options = _options(stock)
        # connexion's own validators, URI parser and encoder: none was given
        assert options["validator_map"] is None
        assert options["uri_parser_class"] is None
        assert options["jsonifier"] is None
        # the backends' errors as their statuses, nothing else
        assert [handler[0] for handler in stock.middleware.error_handlers] == [MockError]
        for handler in options["security_map"].values():  # only how the check is found
            own = set(handler.__dict__) - {"__module__", "__doc__", "__qualname__"}
            assert own == {"_resolve_func"}, own


def test_the_mock_configures_connexion_through_its_options():
    app = create_app(MockConfig(empty=True))
    for name, full in app.apis.items():
        assert FastLaneMiddleware in full.middleware.middlewares
        assert (ContractCheckMiddleware in full.middleware.middlewares) == (
            name == "monitor_server"
        )
        assert _options(full)["validator_map"] is VALIDATOR_MAP
        assert full.middleware.error_handlers == ERROR_HANDLERS
    assert CONNEXION_VALIDATORS["parameter"] is not VALIDATOR_MAP["parameter"]


def test_strict_checks_the_contract_of_every_api_but_the_admin_one():
    app = create_app(MockConfig(empty=True, strict=True))
    checked = {
        name
        for name, full in app.apis.items()
        if ContractCheckMiddleware in full.middleware.middlewares
    }
    assert checked == {"preservica", "monitor_server", "aepublish"}
