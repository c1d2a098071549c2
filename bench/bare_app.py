"""The ceiling of the stack: bare Starlette on the same uvicorn, answering a JSON document
of a requested size, encoded per request with orjson (the mock's encoder: a slower one here
would flatter the mock on large answers).

``GET|POST /json/{size}``: a document of ``size`` bytes shaped like a page of records (a
list of small objects). A POST reads its body first and discards it.
"""

from __future__ import annotations

import json
from functools import cache

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

_EMPTY = len(json.dumps({"items": []}, separators=(",", ":")))


@cache
def document(size: int) -> dict:
    """A document whose compact JSON is exactly ``size`` bytes (at least a few)."""
    items: list[dict] = []
    doc = {"items": items}
    length = _EMPTY
    while True:
        item = {"id": len(items), "name": f"record-{len(items):06d}", "value": ""}
        cost = len(json.dumps(item, separators=(",", ":"))) + (1 if items else 0)
        if length + cost > size:
            break
        items.append(item)
        length += cost
        if length + 80 > size:
            break
    if items:  # pad the last record's value to the exact size
        items[-1]["value"] = "x" * (size - length)
    return doc


async def answer(request: Request) -> Response:
    if request.method == "POST":
        await request.body()
    body = orjson.dumps(document(request.path_params["size"]))
    return Response(body, media_type="application/json")


app = Starlette(routes=[Route("/json/{size:int}", answer, methods=["GET", "POST"])])
