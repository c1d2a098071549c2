from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        tenant = self.tenant

        include_user_details = self.include_user_details

        field_dict: dict[str, Any] = {}

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

        return login_form
