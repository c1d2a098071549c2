from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.monitor_status import MonitorStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_message import SeedMessage


T = TypeVar("T", bound="MonitorAdvance")


@_attrs_define
class MonitorAdvance:
    """
    Attributes:
        files (int | Unset): How many more files are processed. Default: 1.
        status (MonitorStatus | Unset):
        messages (list[SeedMessage] | Unset):
    """

    files: int | Unset = 1
    status: MonitorStatus | Unset = UNSET
    messages: list[SeedMessage] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        files = self.files

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if files is not UNSET:
            field_dict["files"] = files
        if status is not UNSET:
            field_dict["status"] = status
        if messages is not UNSET:
            field_dict["messages"] = messages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_message import SeedMessage

        known = (
            "files",
            "status",
            "messages",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"MonitorAdvance: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        files = d.pop("files", UNSET)

        _status = d.pop("status", UNSET)
        status: MonitorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MonitorStatus(_status)

        _messages = d.pop("messages", UNSET)
        messages: list[SeedMessage] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = SeedMessage.from_dict(messages_item_data)

                messages.append(messages_item)

        monitor_advance = cls(
            files=files,
            status=status,
            messages=messages,
        )

        return monitor_advance
