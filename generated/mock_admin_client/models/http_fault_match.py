from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.http_fault_match_api import HttpFaultMatchApi
from ..types import UNSET, Unset

T = TypeVar("T", bound="HttpFaultMatch")


@_attrs_define
class HttpFaultMatch:
    """Which requests a rule takes; every key given must hold. `path` is a glob over the
    request's path (no query): `*` matches any run of characters, `/` included, `?` one
    character, `[...]` a set.

        Attributes:
            api (HttpFaultMatchApi | Unset):
            operation (str | Unset): An operationId of the served APIs (of `api`, when given).
            method (str | Unset): Compared without regard to case.
            path (str | Unset):
    """

    api: HttpFaultMatchApi | Unset = UNSET
    operation: str | Unset = UNSET
    method: str | Unset = UNSET
    path: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        api: str | Unset = UNSET
        if not isinstance(self.api, Unset):
            api = self.api.value

        operation = self.operation

        method = self.method

        path = self.path

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if api is not UNSET:
            field_dict["api"] = api
        if operation is not UNSET:
            field_dict["operation"] = operation
        if method is not UNSET:
            field_dict["method"] = method
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        known = (
            "api",
            "operation",
            "method",
            "path",
        )
        unknown = [key for key in src_dict if key not in known]
        if unknown:
            raise ValueError(
                f"HttpFaultMatch: unknown key(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(known)})"
            )
        d = dict(src_dict)
        _api = d.pop("api", UNSET)
        api: HttpFaultMatchApi | Unset
        if isinstance(_api, Unset):
            api = UNSET
        else:
            api = HttpFaultMatchApi(_api)

        operation = d.pop("operation", UNSET)

        method = d.pop("method", UNSET)

        path = d.pop("path", UNSET)

        http_fault_match = cls(
            api=api,
            operation=operation,
            method=method,
            path=path,
        )

        return http_fault_match
