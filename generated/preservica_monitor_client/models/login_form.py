from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginForm")


@_attrs_define
class LoginForm:
    """
    Attributes:
        username (str):
        password (str):
        tenant (str | Unset): The user's tenancy; optional when the user name is unique.
        include_user_details (bool | Unset): Also answer `fullName`, `email` and `roles`. Default: False.
    """

    username: str
    password: str
    tenant: str | Unset = UNSET
    include_user_details: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        tenant = self.tenant

        include_user_details = self.include_user_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )
        if tenant is not UNSET:
            field_dict["tenant"] = tenant
        if include_user_details is not UNSET:
            field_dict["includeUserDetails"] = include_user_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        tenant = d.pop("tenant", UNSET)

        include_user_details = d.pop("includeUserDetails", UNSET)

        login_form = cls(
            username=username,
            password=password,
            tenant=tenant,
            include_user_details=include_user_details,
        )

        login_form.additional_properties = d
        return login_form

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
