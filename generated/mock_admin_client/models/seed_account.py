from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedAccount")


@_attrs_define
class SeedAccount:
    """
    Attributes:
        id (str):
        name (str | Unset):
        access_key_id (str | Unset):
        secret_key (str | Unset):
    """

    id: str
    name: str | Unset = UNSET
    access_key_id: str | Unset = UNSET
    secret_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        access_key_id = self.access_key_id

        secret_key = self.secret_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if access_key_id is not UNSET:
            field_dict["access_key_id"] = access_key_id
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        access_key_id = d.pop("access_key_id", UNSET)

        secret_key = d.pop("secret_key", UNSET)

        seed_account = cls(
            id=id,
            name=name,
            access_key_id=access_key_id,
            secret_key=secret_key,
        )

        seed_account.additional_properties = d
        return seed_account

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
