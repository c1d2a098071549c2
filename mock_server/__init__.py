"""A stateful local mock of the Preservica Process Monitor, monitor-server and aepublish APIs.

One connexion app serves every spec in ``specs/``; each API keeps its state and rules in a
backend that knows nothing of HTTP, and thin handlers translate between the two.
"""

from mock_server.app import create_app
from mock_server.core.clock import MockClock
from mock_server.core.config import ALL_APIS, MockConfig
from mock_server.core.state import MockState

__all__ = ["ALL_APIS", "MockClock", "MockConfig", "MockState", "create_app"]
