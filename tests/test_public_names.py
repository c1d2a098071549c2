"""The public names of ``mock_server`` and ``wrappers``, written down: adding or dropping one
is a decision, so it fails here until this list says so too."""

from __future__ import annotations

import importlib

import pytest

PUBLIC = {
    "mock_server": ["ALL_APIS", "MockClock", "MockConfig", "MockState", "create_app"],
    "wrappers": [
        "AepublishClient",
        "ApiError",
        "AsyncAepublishClient",
        "AsyncMonitorAPI",
        "AsyncMonitorServerClient",
        "AuthenticationError",
        "BadRequestError",
        "ClientSettings",
        "ConflictError",
        "DeadlineExceededError",
        "LoginRefusedError",
        "MessageStatus",
        "MonitorAPI",
        "MonitorCategory",
        "MonitorServerClient",
        "MonitorSession",
        "MonitorStatus",
        "NotFoundError",
        "ObservationResult",
        "Outcome",
        "PayloadTooLargeError",
        "PermissionDeniedError",
        "ServerError",
        "TooManyRequestsError",
        "UnexpectedResponseError",
    ],
}


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_all_is_the_written_down_list(package):
    names = importlib.import_module(package).__all__
    assert sorted(names) == sorted(PUBLIC[package])
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("package", "name"), [(package, name) for package, names in PUBLIC.items() for name in names]
)
def test_every_public_name_imports(package, name):
    # What ``from <package> import <name>`` finds.
    assert getattr(importlib.import_module(package), name) is not None
