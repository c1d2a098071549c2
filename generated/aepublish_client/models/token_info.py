from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account import Account
    from ..models.role import Role
    from ..models.user import User


T = TypeVar("T", bound="TokenInfo")


@_attrs_define
class TokenInfo:
    """The fields of the vendor's `token_info` answer.

    Attributes:
        account (Account):
        user (User): The user an access key belongs to. The mock has one per key pair; its `id` is derived from the
            account and the access key id, so it is stable across restarts.
        roles (list[Role]):
        entity_id (str): The id of the token's holder (the user, for a key pair's token). Example:
            6F1D0C8E-4B5A-5C3D-9E2F-1A0B7C6D5E4F.
        entity_type (str): What holds the token; `user` for a key pair's. Example: user.
        requester_id (str): `<account id>:<entity type>:<entity id>`. Example:
            2:user:6F1D0C8E-4B5A-5C3D-9E2F-1A0B7C6D5E4F.
        token_expiration (float): When the token expires, in epoch seconds of the mock clock. Example: 1750021600.
    """

    account: Account
    user: User
    roles: list[Role]
    entity_id: str
    entity_type: str
    requester_id: str
    token_expiration: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        user = self.user.to_dict()

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        entity_id = self.entity_id

        entity_type = self.entity_type

        requester_id = self.requester_id

        token_expiration = self.token_expiration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "user": user,
                "roles": roles,
                "entity_id": entity_id,
                "entity_type": entity_type,
                "requester_id": requester_id,
                "token_expiration": token_expiration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account import Account
        from ..models.role import Role
        from ..models.user import User

        d = dict(src_dict)
        account = Account.from_dict(d.pop("account"))

        user = User.from_dict(d.pop("user"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role.from_dict(roles_item_data)

            roles.append(roles_item)

        entity_id = d.pop("entity_id")

        entity_type = d.pop("entity_type")

        requester_id = d.pop("requester_id")

        token_expiration = d.pop("token_expiration")

        token_info = cls(
            account=account,
            user=user,
            roles=roles,
            entity_id=entity_id,
            entity_type=entity_type,
            requester_id=requester_id,
            token_expiration=token_expiration,
        )

        token_info.additional_properties = d
        return token_info

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
