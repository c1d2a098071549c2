from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        access_key_id = self.access_key_id

        secret_key = self.secret_key

        field_dict: dict[str, Any] = {}

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

        return seed_account
