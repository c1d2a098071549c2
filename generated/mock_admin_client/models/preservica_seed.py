from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_monitor import SeedMonitor
    from ..models.seed_user import SeedUser


T = TypeVar("T", bound="PreservicaSeed")


@_attrs_define
class PreservicaSeed:
    """
    Attributes:
        users (list[SeedUser] | Unset):
        monitors (list[SeedMonitor] | Unset):
    """

    users: list[SeedUser] | Unset = UNSET
    monitors: list[SeedMonitor] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = []
            for users_item_data in self.users:
                users_item = users_item_data.to_dict()
                users.append(users_item)

        monitors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.monitors, Unset):
            monitors = []
            for monitors_item_data in self.monitors:
                monitors_item = monitors_item_data.to_dict()
                monitors.append(monitors_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if users is not UNSET:
            field_dict["users"] = users
        if monitors is not UNSET:
            field_dict["monitors"] = monitors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_monitor import SeedMonitor
        from ..models.seed_user import SeedUser

        known = (
            "users",
            "monitors",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"PreservicaSeed: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        _users = d.pop("users", UNSET)
        users: list[SeedUser] | Unset = UNSET
        if _users is not UNSET:
            users = []
            for users_item_data in _users:
                users_item = SeedUser.from_dict(users_item_data)

                users.append(users_item)

        _monitors = d.pop("monitors", UNSET)
        monitors: list[SeedMonitor] | Unset = UNSET
        if _monitors is not UNSET:
            monitors = []
            for monitors_item_data in _monitors:
                monitors_item = SeedMonitor.from_dict(monitors_item_data)

                monitors.append(monitors_item)

        preservica_seed = cls(
            users=users,
            monitors=monitors,
        )

        return preservica_seed
