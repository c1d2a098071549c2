"""Requests as the generator writes them, and what of an answer is compared.

An answer is reduced to a *view*: status, Location (without scheme, host and port, which
differ between the two servers), Allow (on 405 and OPTIONS), the media type of a body, and
the body itself: parsed JSON when it parses, else its exact bytes. Two answers are the same
when their views are. JSON is compared strictly: ``1``, ``1.0`` and ``true`` differ, as
they do for a typed client.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from tests.fidelity.servers import Answer

SHOWN = 400  # characters of a body shown per answer in a transcript


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # percent-encoded as sent
    query: str = ""  # raw query string as sent, without "?"
    body: bytes | None = None
    content_type: str | None = None
    what: str = ""  # the generator's intent, for people reading a transcript
    non_finite: bool = False  # the JSON body holds NaN or an infinity

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type} if self.content_type else {}

    @property
    def is_write(self) -> bool:
        return self.method not in ("GET", "HEAD", "OPTIONS")

    def __str__(self) -> str:
        line = f"{self.method} {self.target}"
        if self.body is not None:
            line += f"  [{self.content_type or 'no Content-Type'}] {_clip(self.body)}"
        return f"{line}    ({self.what})" if self.what else line


def json_request(
    method: str,
    path: str,
    payload: Any,
    *,
    content_type: str | None = "application/json",
    what: str = "",
    query: str = "",
) -> Request:
    # allow_nan: Python's json writes NaN/Infinity, and the real server reads them back.
    body = json.dumps(payload, allow_nan=True).encode()
    return Request(
        method,
        path,
        query,
        body,
        content_type,
        what,
        non_finite=_has_non_finite(payload),
    )


def _has_non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_has_non_finite(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_non_finite(v) for v in value)
    return False


def media_type(answer: Answer) -> str:
    return answer.headers.get("content-type", "").split(";")[0].strip().lower()


def view(answer: Answer, origin: str, method: str) -> dict[str, Any]:
    """What of ``answer`` must be the same on both servers."""
    seen: dict[str, Any] = {"status": answer.status}
    location = answer.headers.get("location")
    if location is not None:
        seen["location"] = location.removeprefix(origin)
    if answer.status == 405 or method == "OPTIONS":
        allow = answer.headers.get("allow")
        seen["allow"] = (
            None if allow is None else sorted({m.strip().upper() for m in allow.split(",")})
        )
    body = answer.body.replace(origin.encode(), b"{origin}")
    if body or (method == "HEAD" and answer.status not in (204, 304)):
        seen["media type"] = media_type(answer)
    if body:
        try:
            seen["json"] = json.loads(body)
        except ValueError:
            seen["bytes"] = body
    return seen


def differences(real: dict[str, Any], mock: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key in ("status", "location", "allow", "media type", "bytes"):
        if real.get(key) != mock.get(key):
            found.append(f"{key}: {real.get(key)!r} (real) vs {mock.get(key)!r} (mock)")
    if "json" in real or "json" in mock:
        if "json" not in real or "json" not in mock:
            found.append("body: JSON on one side only")
        else:
            json_differences(real["json"], mock["json"], "$", found)
    return found


def json_differences(a: Any, b: Any, path: str, found: list[str], limit: int = 12) -> None:
    if len(found) >= limit:
        return
    if type(a) is not type(b):
        found.append(f"{path}: {_short(a)} (real) vs {_short(b)} (mock)")
    elif isinstance(a, dict):
        for key in a.keys() - b.keys():
            found.append(f"{path}: key {key!r} only in real ({_short(a[key])})")
        for key in b.keys() - a.keys():
            found.append(f"{path}: key {key!r} only in mock ({_short(b[key])})")
        for key in a.keys() & b.keys():
            json_differences(a[key], b[key], f"{path}.{key}", found, limit)
    elif isinstance(a, list):
        if len(a) != len(b):
            found.append(f"{path}: {len(a)} items (real) vs {len(b)} (mock)")
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            json_differences(x, y, f"{path}[{i}]", found, limit)
    elif isinstance(a, float):
        if repr(a) != repr(b):  # repr: NaN equals NaN, -0.0 differs from 0.0
            found.append(f"{path}: {a!r} (real) vs {b!r} (mock)")
    elif a != b:
        found.append(f"{path}: {_short(a)} (real) vs {_short(b)} (mock)")


def show_answer(answer: Answer, origin: str, full: bool = False) -> str:
    parts = [str(answer.status)]
    if media_type(answer):
        parts.append(media_type(answer))
    for header in ("location", "allow"):
        if header in answer.headers:
            value = answer.headers[header].removeprefix(origin) if header == "location" else None
            parts.append(f"{header.title()}: {value or answer.headers[header]}")
    if answer.body:
        body = answer.body.replace(origin.encode(), b"{origin}")
        parts.append(_clip(body, None if full else SHOWN))
    return " ".join(parts)


def _clip(data: bytes, limit: int | None = SHOWN) -> str:
    text = data.decode("utf-8", "backslashreplace")
    if limit is not None and len(text) > limit:
        return f"{text[:limit]}... ({len(text)} characters)"
    return text


def _short(value: Any) -> str:
    text = json.dumps(value, allow_nan=True)
    return text if len(text) <= 160 else f"{text[:160]}..."
