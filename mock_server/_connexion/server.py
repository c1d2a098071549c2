"""Closing a client's connection from inside the app, as a failing server or proxy would.

ASGI has no message for "close the connection without answering": an app that returns
without a response gets uvicorn's 500, and one that raises after its response started gets
the connection closed and an error logged. The ``disconnect`` fault needs the connection
closed silently, so under uvicorn it closes the request's transport itself: the ``send``
uvicorn hands the app is a method of its request cycle, which holds the transport and
notes when the connection is lost (``COUPLING.md``, section ``server.py``).

Under any other server (the in-process ASGI transports of httpx and starlette's test
client) there is no connection to close: ``ConnectionCut`` is raised instead, which those
transports hand to the client as an error.
"""

from __future__ import annotations

import asyncio

from starlette.types import Send


class ConnectionCut(ConnectionError):
    """The mock cut the connection (a ``disconnect`` fault) where it has no socket."""


async def cut_connection(send: Send) -> None:
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if cycle is None or transport is None or not hasattr(cycle, "disconnected"):
        raise ConnectionCut("the mock cut the connection (a disconnect fault)")
    transport.close()
    # uvicorn learns of the loss on the next turns of the loop (connection_lost); until
    # then it would take a return without a complete answer for a bug of the app and log it.
    for _ in range(100):
        if cycle.disconnected:
            return
        await asyncio.sleep(0)
