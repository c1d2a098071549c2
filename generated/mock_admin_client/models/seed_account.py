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
        active (bool | Unset): false: the account is inactive, and `POST /aims/v1/authenticate` with its key
            pair answers 400 `{"error": "account_inactive"}`, as AIMS documents it.
             Default: True.
        password_expired (bool | Unset): true: `POST /aims/v1/authenticate` with its key pair answers 400
            `{"error": "password_expired"}`, as AIMS documents it (an inactive account
            answers `account_inactive` first).
             Default: False.
    """

    id: str
    name: str | Unset = UNSET
    access_key_id: str | Unset = UNSET
    secret_key: str | Unset = UNSET
    active: bool | Unset = True
    password_expired: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        access_key_id = self.access_key_id

        secret_key = self.secret_key

        active = self.active

        password_expired = self.password_expired

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
        if active is not UNSET:
            field_dict["active"] = active
        if password_expired is not UNSET:
            field_dict["password_expired"] = password_expired

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "id",
            "name",
            "access_key_id",
            "secret_key",
            "active",
            "password_expired",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"SeedAccount: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        access_key_id = d.pop("access_key_id", UNSET)

        secret_key = d.pop("secret_key", UNSET)

        active = d.pop("active", UNSET)

        password_expired = d.pop("password_expired", UNSET)

        seed_account = cls(
            id=id,
            name=name,
            access_key_id=access_key_id,
            secret_key=secret_key,
            active=active,
            password_expired=password_expired,
        )

        return seed_account
