from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.http_fault_action import HttpFaultAction


T = TypeVar("T", bound="JournalEntryFaultType0")


@_attrs_define
class JournalEntryFaultType0:
    """The HTTP fault rule that acted on the request, and its action.

    Attributes:
        id (str):
        action (HttpFaultAction): Exactly one of `status`, `latency`, `disconnect` and `truncate`:
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
    """

    id: str
    action: HttpFaultAction
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action = self.action.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.http_fault_action import HttpFaultAction

        d = dict(src_dict)
        id = d.pop("id")

        action = HttpFaultAction.from_dict(d.pop("action"))

        journal_entry_fault_type_0 = cls(
            id=id,
            action=action,
        )

        journal_entry_fault_type_0.additional_properties = d
        return journal_entry_fault_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
