from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.message_status import MessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedMessage")


@_attrs_define
class SeedMessage:
    """A process message; missing fields get defaults.

    Attributes:
        mapped_id (str | Unset):
        status (MessageStatus | Unset): As in the Process Monitor API (`Debug` included).
        message (str | Unset):
        display_message (str | Unset):
        path (str | Unset):
        date (str | Unset):
        workflow_instance_id (int | Unset):
        workflow_name (str | Unset):
        entity_title (str | Unset):
        entity_ref (str | Unset):
        source_id (str | Unset):
        security_descriptor (str | Unset):
    """

    mapped_id: str | Unset = UNSET
    status: MessageStatus | Unset = UNSET
    message: str | Unset = UNSET
    display_message: str | Unset = UNSET
    path: str | Unset = UNSET
    date: str | Unset = UNSET
    workflow_instance_id: int | Unset = UNSET
    workflow_name: str | Unset = UNSET
    entity_title: str | Unset = UNSET
    entity_ref: str | Unset = UNSET
    source_id: str | Unset = UNSET
    security_descriptor: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mapped_id = self.mapped_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        message = self.message

        display_message = self.display_message

        path = self.path

        date = self.date

        workflow_instance_id = self.workflow_instance_id

        workflow_name = self.workflow_name

        entity_title = self.entity_title

        entity_ref = self.entity_ref

        source_id = self.source_id

        security_descriptor = self.security_descriptor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mapped_id is not UNSET:
            field_dict["mappedId"] = mapped_id
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message
        if display_message is not UNSET:
            field_dict["displayMessage"] = display_message
        if path is not UNSET:
            field_dict["path"] = path
        if date is not UNSET:
            field_dict["date"] = date
        if workflow_instance_id is not UNSET:
            field_dict["workflowInstanceId"] = workflow_instance_id
        if workflow_name is not UNSET:
            field_dict["workflowName"] = workflow_name
        if entity_title is not UNSET:
            field_dict["entityTitle"] = entity_title
        if entity_ref is not UNSET:
            field_dict["entityRef"] = entity_ref
        if source_id is not UNSET:
            field_dict["sourceId"] = source_id
        if security_descriptor is not UNSET:
            field_dict["securityDescriptor"] = security_descriptor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "mappedId",
            "status",
            "message",
            "displayMessage",
            "path",
            "date",
            "workflowInstanceId",
            "workflowName",
            "entityTitle",
            "entityRef",
            "sourceId",
            "securityDescriptor",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedMessage: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        mapped_id = d.pop("mappedId", UNSET)

        _status = d.pop("status", UNSET)
        status: MessageStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MessageStatus(_status)

        message = d.pop("message", UNSET)

        display_message = d.pop("displayMessage", UNSET)

        path = d.pop("path", UNSET)

        date = d.pop("date", UNSET)

        workflow_instance_id = d.pop("workflowInstanceId", UNSET)

        workflow_name = d.pop("workflowName", UNSET)

        entity_title = d.pop("entityTitle", UNSET)

        entity_ref = d.pop("entityRef", UNSET)

        source_id = d.pop("sourceId", UNSET)

        security_descriptor = d.pop("securityDescriptor", UNSET)

        seed_message = cls(
            mapped_id=mapped_id,
            status=status,
            message=message,
            display_message=display_message,
            path=path,
            date=date,
            workflow_instance_id=workflow_instance_id,
            workflow_name=workflow_name,
            entity_title=entity_title,
            entity_ref=entity_ref,
            source_id=source_id,
            security_descriptor=security_descriptor,
        )

        return seed_message
