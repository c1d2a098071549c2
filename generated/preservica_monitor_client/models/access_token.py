from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessToken")


@_attrs_define
class AccessToken:
    """
    Attributes:
        success (bool):
        token (str): Send it as `Preservica-Access-Token`.
        refresh_token (str): Single use, for `refresh_token`.
        valid_for (int): Minutes until `token` and `refresh-token` expire.
        user (str):
        tenant (str):
        full_name (str | Unset): Only with `includeUserDetails=true`.
        email (str | Unset): Only with `includeUserDetails=true`.
        roles (list[str] | Unset): Only with `includeUserDetails=true`.
    """

    success: bool
    token: str
    refresh_token: str
    valid_for: int
    user: str
    tenant: str
    full_name: str | Unset = UNSET
    email: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        token = self.token

        refresh_token = self.refresh_token

        valid_for = self.valid_for

        user = self.user

        tenant = self.tenant

        full_name = self.full_name

        email = self.email

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "token": token,
                "refresh-token": refresh_token,
                "validFor": valid_for,
                "user": user,
                "tenant": tenant,
            }
        )
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if email is not UNSET:
            field_dict["email"] = email
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        token = d.pop("token")

        refresh_token = d.pop("refresh-token")

        valid_for = d.pop("validFor")

        user = d.pop("user")

        tenant = d.pop("tenant")

        full_name = d.pop("fullName", UNSET)

        email = d.pop("email", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        access_token = cls(
            success=success,
            token=token,
            refresh_token=refresh_token,
            valid_for=valid_for,
            user=user,
            tenant=tenant,
            full_name=full_name,
            email=email,
            roles=roles,
        )

        access_token.additional_properties = d
        return access_token

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
