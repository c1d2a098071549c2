from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.role_permissions import RolePermissions


T = TypeVar("T", bound="Role")


@_attrs_define
class Role:
    """An AIMS role, as the vendor's AIMS document shapes it.

    Attributes:
        id (str):  Example: 2C1B9F0E-7A6D-5E4F-8A3B-2C1D0E9F8A7B.
        name (str):  Example: Administrator.
        account_id (str | Unset):  Example: 2.
        permissions (RolePermissions | Unset): Permission patterns, each `allowed` or `denied`. The mock enforces none.
            Example: {'*:own:*:*': 'allowed'}.
        legacy_permissions (list[str] | Unset):
        version (float | Unset):  Example: 1.
    """

    id: str
    name: str
    account_id: str | Unset = UNSET
    permissions: RolePermissions | Unset = UNSET
    legacy_permissions: list[str] | Unset = UNSET
    version: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        account_id = self.account_id

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        legacy_permissions: list[str] | Unset = UNSET
        if not isinstance(self.legacy_permissions, Unset):
            legacy_permissions = self.legacy_permissions

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if legacy_permissions is not UNSET:
            field_dict["legacy_permissions"] = legacy_permissions
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.role_permissions import RolePermissions

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        account_id = d.pop("account_id", UNSET)

        _permissions = d.pop("permissions", UNSET)
        permissions: RolePermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = RolePermissions.from_dict(_permissions)

        legacy_permissions = cast(list[str], d.pop("legacy_permissions", UNSET))

        version = d.pop("version", UNSET)

        role = cls(
            id=id,
            name=name,
            account_id=account_id,
            permissions=permissions,
            legacy_permissions=legacy_permissions,
            version=version,
        )

        role.additional_properties = d
        return role

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
