from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_status import MessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """
    Attributes:
        mapped_id (str):
        mapped_monitor_id (str):
        monitor_name (str):
        workflow_instance_id (int):
        workflow_name (str):
        path (str):
        date (datetime.datetime):
        status (MessageStatus): `Debug` is the fourth status: The National Archives' Preservica client decodes
            `Error`, `Info`, `Debug` and `Warning`; pyPreservica 4.2.2's enum lists three.
        message (str): A message key and its JSON arguments, `key|{...}`.
        display_message (str):
        security_descriptor (str | Unset):
        entity_title (str | Unset):
        entity_ref (str | Unset):
        source_id (str | Unset):
    """

    mapped_id: str
    mapped_monitor_id: str
    monitor_name: str
    workflow_instance_id: int
    workflow_name: str
    path: str
    date: datetime.datetime
    status: MessageStatus
    message: str
    display_message: str
    security_descriptor: str | Unset = UNSET
    entity_title: str | Unset = UNSET
    entity_ref: str | Unset = UNSET
    source_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mapped_id = self.mapped_id

        mapped_monitor_id = self.mapped_monitor_id

        monitor_name = self.monitor_name

        workflow_instance_id = self.workflow_instance_id

        workflow_name = self.workflow_name

        path = self.path

        date = self.date.isoformat()

        status = self.status.value

        message = self.message

        display_message = self.display_message

        security_descriptor = self.security_descriptor

        entity_title = self.entity_title

        entity_ref = self.entity_ref

        source_id = self.source_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mappedId": mapped_id,
                "mappedMonitorId": mapped_monitor_id,
                "monitorName": monitor_name,
                "workflowInstanceId": workflow_instance_id,
                "workflowName": workflow_name,
                "path": path,
                "date": date,
                "status": status,
                "message": message,
                "displayMessage": display_message,
            }
        )
        if security_descriptor is not UNSET:
            field_dict["securityDescriptor"] = security_descriptor
        if entity_title is not UNSET:
            field_dict["entityTitle"] = entity_title
        if entity_ref is not UNSET:
            field_dict["entityRef"] = entity_ref
        if source_id is not UNSET:
            field_dict["sourceId"] = source_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mapped_id = d.pop("mappedId")

        mapped_monitor_id = d.pop("mappedMonitorId")

        monitor_name = d.pop("monitorName")

        workflow_instance_id = d.pop("workflowInstanceId")

        workflow_name = d.pop("workflowName")

        path = d.pop("path")

        date = datetime.datetime.fromisoformat(d.pop("date"))

        status = MessageStatus(d.pop("status"))

        message = d.pop("message")

        display_message = d.pop("displayMessage")

        security_descriptor = d.pop("securityDescriptor", UNSET)

        entity_title = d.pop("entityTitle", UNSET)

        entity_ref = d.pop("entityRef", UNSET)

        source_id = d.pop("sourceId", UNSET)

        message = cls(
            mapped_id=mapped_id,
            mapped_monitor_id=mapped_monitor_id,
            monitor_name=monitor_name,
            workflow_instance_id=workflow_instance_id,
            workflow_name=workflow_name,
            path=path,
            date=date,
            status=status,
            message=message,
            display_message=display_message,
            security_descriptor=security_descriptor,
            entity_title=entity_title,
            entity_ref=entity_ref,
            source_id=source_id,
        )

        message.additional_properties = d
        return message

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
