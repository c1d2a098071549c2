from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account import Account
    from ..models.user import User


T = TypeVar("T", bound="TokenInfo")


@_attrs_define
class TokenInfo:
    """
    Attributes:
        account (Account):
        user (User): The user an access key belongs to. The mock has one per key pair; its `id` is derived from the
            account and the access key id, so it is stable across restarts.
        token_expiration (float): When the token expires, in epoch seconds of the mock clock. Example: 1750021600.
    """

    account: Account
    user: User
    token_expiration: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        user = self.user.to_dict()

        token_expiration = self.token_expiration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "user": user,
                "token_expiration": token_expiration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account import Account
        from ..models.user import User

        d = dict(src_dict)
        account = Account.from_dict(d.pop("account"))

        user = User.from_dict(d.pop("user"))

        token_expiration = d.pop("token_expiration")

        token_info = cls(
            account=account,
            user=user,
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
