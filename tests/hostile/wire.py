"""Raw requests to the in-process mock: any bytes in the path, query, headers and body (an
HTTP client would refuse to send many of them), and the answer as bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from mock_server import MockClock, MockConfig, MockState
from mock_server.app import MockServer, create_app
from mock_server.core.specs import operations
from tests.conftest import START
from tests.contract.seed import (
    ALERT_LOGIC_ACCOUNT,
    ALERT_LOGIC_KEY_PAIR,
    PRESERVICA_USER,
    RUNNING_MONITOR,
    SESSION,
    contract_seed,
)

SERVED = ("admin", "preservica", "monitor_server", "aepublish")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


async def send(
    app: Any,
    method: str,
    path: str | bytes,
    *,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
    chunks: int = 1,
) -> Answer:
    """Send one request straight to the ASGI app; ``chunks`` > 1 sends the body in that
    many pieces without a Content-Length (as a chunked upload does)."""
    raw_path = path if isinstance(path, bytes) else path.encode()
    headers = list(headers or [])
    names = {name.lower() for name, _ in headers}
    if chunks == 1 and body and b"content-length" not in names:
        headers.append((b"content-length", str(len(body)).encode()))
    if chunks > 1:
        headers.append((b"transfer-encoding", b"chunked"))
    size = max(1, -(-len(body) // chunks))
    pieces = [body[i : i + size] for i in range(0, len(body), size)] or [b""]
    messages = [
        {"type": "http.request", "body": piece, "more_body": n < len(pieces) - 1}
        for n, piece in enumerate(pieces)
    ]
    status = 0
    answer_headers: dict[str, str] = {}
    parts: list[bytes] = []

    async def receive() -> dict:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def sent(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            answer_headers.update(
                (k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in message["headers"]
            )
        else:
            parts.append(message.get("body", b""))

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": raw_path.decode("utf-8", "replace"),
        "raw_path": raw_path,
        "root_path": "",
        "query_string": query,
        "headers": [(b"host", b"mock.test"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("mock.test", 80),
    }
    await app(scope, receive, sent)
    return Answer(status, answer_headers, b"".join(parts))


def seeded_app(**config: Any) -> MockServer:
    """The whole mock (validating its answers), seeded with the contract tests' data."""
    state = MockState(
        MockConfig(validate_responses=True, empty=True, **config),
        clock=MockClock(start=START, frozen=True),
    )
    app = create_app(state=state)
    state.load_seed(contract_seed())
    return app


def credentials(app: MockServer) -> dict[str, list[tuple[bytes, bytes]]]:
    """Each API's credential headers for the seeded data (a login through the backends)."""
    state = app.mock_state
    preservica = state.preservica.login(**PRESERVICA_USER)["token"]
    aims = state.aepublish.authenticate(*ALERT_LOGIC_KEY_PAIR)["token"]
    return {
        "admin": [],
        "monitor_server": [],
        "preservica": [(b"preservica-access-token", preservica.encode())],
        "aepublish": [(b"x-aims-auth-token", aims.encode())],
    }


#: A value for a path parameter that names something the seed holds, where it matters.
_PATH_VALUES = {
    "account_id": ALERT_LOGIC_ACCOUNT,
    "monitor_id": RUNNING_MONITOR,
    "id": RUNNING_MONITOR,
    "session_hash": SESSION,
}
_PARAMETER = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class Operation:
    api: str
    method: str
    template: str
    operation_id: str
    json_body: bool  # its request body is JSON

    def path(self, value: str | None = None) -> str:
        """The template with every parameter filled (``value``, or a seeded one)."""
        return _PARAMETER.sub(
            lambda found: value if value is not None else _PATH_VALUES.get(found[1], "x1"),
            self.template,
        )


@cache
def every_operation() -> list[Operation]:
    found = []
    for api in SERVED:
        for method, template, operation_id, operation in operations(api):
            content = (operation.get("requestBody") or {}).get("content") or {}
            found.append(
                Operation(api, method, template, operation_id, "application/json" in content)
            )
    return found
