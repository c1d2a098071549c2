"""The generated admin client (``mock_admin_client``), raising on every error answer.

The generated functions hand back a documented error answer (a 400 problem, a 404) as a
parsed ``Problem`` or ``None``; ``raise_on_unexpected_status`` only covers statuses the spec
does not list. A test that sets up the mock wants the opposite: any refusal stops it, with
the mock's reason. ``raise_for_problem`` is an httpx response hook doing that, for the
blocking and the asyncio httpx client alike, so it goes in ``httpx_args``::

    from mock_admin_client import Client
    from mock_server.admin_client import raise_for_problem

    client = Client(base_url, httpx_args={"event_hooks": {"response": [raise_for_problem]}})

``admin_client(base_url)`` builds exactly that; the pytest plugin's ``mock_admin`` is one.
Needs only the base install (httpx and the generated client).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Generator
from typing import Any

import httpx


class MockAdminError(httpx.HTTPStatusError):
    """The mock refused an admin request: ``status``, its ``problem`` document (a dict, or
    None when the body is not one) and the ``detail`` it gives."""

    def __init__(self, request: httpx.Request, response: httpx.Response) -> None:
        self.status = response.status_code
        self.problem: dict[str, Any] | None = None
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        if isinstance(body, dict):
            self.problem = body
        detail = (self.problem or {}).get("detail") or response.text[:500] or "(empty body)"
        self.detail = " ".join(str(detail).split())
        super().__init__(
            f"{request.method} {request.url.path} -> {self.status} "
            f"{response.reason_phrase}: {self.detail}",
            request=request,
            response=response,
        )


class _Done:
    """An awaitable that is already finished (what the asyncio client awaits when the
    answer is not an error); a blocking client ignores a hook's return value."""

    def __await__(self) -> Generator[Any, None, None]:
        yield from ()


async def _raise_later(response: httpx.Response) -> None:
    await response.aread()
    raise MockAdminError(response.request, response)


def raise_for_problem(response: httpx.Response) -> Awaitable[None]:
    """httpx response hook: raise ``MockAdminError`` for a status of 400 or more.

    Works in a blocking client (raises at once) and in an asyncio one (the awaitable it
    returns raises), so one ``httpx_args`` serves both clients of a generated ``Client``.
    """
    if response.status_code < 400:
        return _Done()
    if isinstance(response.stream, httpx.AsyncByteStream) and not isinstance(
        response.stream, httpx.SyncByteStream
    ):
        return _raise_later(response)
    response.read()
    raise MockAdminError(response.request, response)


def admin_client(base_url: str, **kwargs: Any) -> Any:
    """A ``mock_admin_client.Client`` for the mock at ``base_url`` that raises
    ``MockAdminError`` on every error answer (and ``UnexpectedStatus`` on an undocumented
    success). ``kwargs`` go to ``Client``; ``httpx_args`` may add more hooks."""
    from mock_admin_client import Client

    httpx_args = dict(kwargs.pop("httpx_args", None) or {})
    hooks = dict(httpx_args.get("event_hooks") or {})
    hooks["response"] = [raise_for_problem, *hooks.get("response", [])]
    httpx_args["event_hooks"] = hooks
    if base_url.startswith("http://"):
        kwargs.setdefault("verify_ssl", False)  # no TLS: no SSL context to build (~20 ms)
    kwargs.setdefault("raise_on_unexpected_status", True)
    return Client(base_url=base_url, httpx_args=httpx_args, **kwargs)
