from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.http_fault_action_disconnect import HttpFaultActionDisconnect
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.http_fault_action_headers import HttpFaultActionHeaders


T = TypeVar("T", bound="HttpFaultAction")


@_attrs_define
class HttpFaultAction:
    """Exactly one of `status`, `latency`, `disconnect` and `truncate`:
    - `status` (with `headers`, `body`, `content_type`): this answer instead. Without
      `body`, a problem document naming the rule; a `body` (HTML, text, empty...) is sent
      as given, typed `content_type` (default `text/plain; charset=utf-8` when not empty).
    - `latency` (seconds, `jitter` optional): wait `latency` ± up to `jitter`, then the
      normal answer; the two add up to at most 60 s.
    - `disconnect`: `before_response` closes the connection with nothing sent;
      `mid_body` sends the status and headers of the operation's example answer (from
      its spec) with its full `Content-Length`, half its body, then closes.
    - `truncate`: a complete answer (status, headers, `Content-Length`) whose body is the
      first `truncate` bytes of the operation's example answer (at most all but its last
      byte), so the JSON is cut.

        Attributes:
            status (int | Unset):
            headers (HttpFaultActionHeaders | Unset):
            body (str | Unset):
            content_type (str | Unset):
            latency (float | Unset):
            jitter (float | Unset):
            disconnect (HttpFaultActionDisconnect | Unset):
            truncate (int | Unset):
    """

    status: int | Unset = UNSET
    headers: HttpFaultActionHeaders | Unset = UNSET
    body: str | Unset = UNSET
    content_type: str | Unset = UNSET
    latency: float | Unset = UNSET
    jitter: float | Unset = UNSET
    disconnect: HttpFaultActionDisconnect | Unset = UNSET
    truncate: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        body = self.body

        content_type = self.content_type

        latency = self.latency

        jitter = self.jitter

        disconnect: str | Unset = UNSET
        if not isinstance(self.disconnect, Unset):
            disconnect = self.disconnect.value

        truncate = self.truncate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if headers is not UNSET:
            field_dict["headers"] = headers
        if body is not UNSET:
            field_dict["body"] = body
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if latency is not UNSET:
            field_dict["latency"] = latency
        if jitter is not UNSET:
            field_dict["jitter"] = jitter
        if disconnect is not UNSET:
            field_dict["disconnect"] = disconnect
        if truncate is not UNSET:
            field_dict["truncate"] = truncate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.http_fault_action_headers import HttpFaultActionHeaders

        known = (
            "status",
            "headers",
            "body",
            "content_type",
            "latency",
            "jitter",
            "disconnect",
            "truncate",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"HttpFaultAction: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        _headers = d.pop("headers", UNSET)
        headers: HttpFaultActionHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = HttpFaultActionHeaders.from_dict(_headers)

        body = d.pop("body", UNSET)

        content_type = d.pop("content_type", UNSET)

        latency = d.pop("latency", UNSET)

        jitter = d.pop("jitter", UNSET)

        _disconnect = d.pop("disconnect", UNSET)
        disconnect: HttpFaultActionDisconnect | Unset
        if isinstance(_disconnect, Unset):
            disconnect = UNSET
        else:
            disconnect = HttpFaultActionDisconnect(_disconnect)

        truncate = d.pop("truncate", UNSET)

        http_fault_action = cls(
            status=status,
            headers=headers,
            body=body,
            content_type=content_type,
            latency=latency,
            jitter=jitter,
            disconnect=disconnect,
            truncate=truncate,
        )

        return http_fault_action
