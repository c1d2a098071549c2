from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedUser")


@_attrs_define
class SeedUser:
    """
    Attributes:
        username (str):
        password (str):
        tenant (str | Unset): Defaults to TEST.
        roles (list[str] | Unset):
        full_name (str | Unset):
        email (str | Unset):
    """

    username: str
    password: str
    tenant: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    full_name: str | Unset = UNSET
    email: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        tenant = self.tenant

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        full_name = self.full_name

        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )
        if tenant is not UNSET:
            field_dict["tenant"] = tenant
        if roles is not UNSET:
            field_dict["roles"] = roles
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "username",
            "password",
            "tenant",
            "roles",
            "fullName",
            "email",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedUser: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        tenant = d.pop("tenant", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        full_name = d.pop("fullName", UNSET)

        email = d.pop("email", UNSET)

        seed_user = cls(
            username=username,
            password=password,
            tenant=tenant,
            roles=roles,
            full_name=full_name,
            email=email,
        )

        return seed_user
