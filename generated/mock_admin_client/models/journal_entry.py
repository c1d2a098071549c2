from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.journal_entry_fault_type_0 import JournalEntryFaultType0
    from ..models.journal_entry_headers import JournalEntryHeaders
    from ..models.journal_entry_query import JournalEntryQuery


T = TypeVar("T", bound="JournalEntry")


@_attrs_define
class JournalEntry:
    """
    Attributes:
        seq (int): Order in which requests finished, from 1; never reused.
        time (float): Real time the request came in, epoch seconds.
        mock_time (float): Mock clock time the request came in, epoch seconds.
        method (str):
        path (str):
        query (JournalEntryQuery):
        headers (JournalEntryHeaders): Request headers, names in lower case; credentials `***`.
        body_size (int): The whole body's size in bytes.
        body_truncated (bool):
        duration_ms (float):
        violations (list[str]): Where the request breaks its API's contract (spec): each a short message.
            Requests answered anyway (monitor-server) and refused ones alike.
        api (None | str | Unset): The served API the path belongs to; null when none.
        operation (None | str | Unset): The operationId the request routes to; null when none does.
        body (None | str | Unset): The request body as text (UTF-8, undecodable bytes replaced), at most 4 KB;
            passwords, secrets and tokens in a form or JSON body `***`. Null when empty.
        status (int | None | Unset): The status answered; null when no answer started (connection cut).
        fault (JournalEntryFaultType0 | None | Unset): The HTTP fault rule that acted on the request, and its action.
        response_body (None | str | Unset): The start of the answer's body when its status is 400 or above.
    """

    seq: int
    time: float
    mock_time: float
    method: str
    path: str
    query: JournalEntryQuery
    headers: JournalEntryHeaders
    body_size: int
    body_truncated: bool
    duration_ms: float
    violations: list[str]
    api: None | str | Unset = UNSET
    operation: None | str | Unset = UNSET
    body: None | str | Unset = UNSET
    status: int | None | Unset = UNSET
    fault: JournalEntryFaultType0 | None | Unset = UNSET
    response_body: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.journal_entry_fault_type_0 import JournalEntryFaultType0

        seq = self.seq

        time = self.time

        mock_time = self.mock_time

        method = self.method

        path = self.path

        query = self.query.to_dict()

        headers = self.headers.to_dict()

        body_size = self.body_size

        body_truncated = self.body_truncated

        duration_ms = self.duration_ms

        violations = self.violations

        api: None | str | Unset
        if isinstance(self.api, Unset):
            api = UNSET
        else:
            api = self.api

        operation: None | str | Unset
        if isinstance(self.operation, Unset):
            operation = UNSET
        else:
            operation = self.operation

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        status: int | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        fault: dict[str, Any] | None | Unset
        if isinstance(self.fault, Unset):
            fault = UNSET
        elif isinstance(self.fault, JournalEntryFaultType0):
            fault = self.fault.to_dict()
        else:
            fault = self.fault

        response_body: None | str | Unset
        if isinstance(self.response_body, Unset):
            response_body = UNSET
        else:
            response_body = self.response_body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "time": time,
                "mock_time": mock_time,
                "method": method,
                "path": path,
                "query": query,
                "headers": headers,
                "body_size": body_size,
                "body_truncated": body_truncated,
                "duration_ms": duration_ms,
                "violations": violations,
            }
        )
        if api is not UNSET:
            field_dict["api"] = api
        if operation is not UNSET:
            field_dict["operation"] = operation
        if body is not UNSET:
            field_dict["body"] = body
        if status is not UNSET:
            field_dict["status"] = status
        if fault is not UNSET:
            field_dict["fault"] = fault
        if response_body is not UNSET:
            field_dict["response_body"] = response_body

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.journal_entry_fault_type_0 import JournalEntryFaultType0
        from ..models.journal_entry_headers import JournalEntryHeaders
        from ..models.journal_entry_query import JournalEntryQuery

        d = dict(src_dict)
        seq = d.pop("seq")

        time = d.pop("time")

        mock_time = d.pop("mock_time")

        method = d.pop("method")

        path = d.pop("path")

        query = JournalEntryQuery.from_dict(d.pop("query"))

        headers = JournalEntryHeaders.from_dict(d.pop("headers"))

        body_size = d.pop("body_size")

        body_truncated = d.pop("body_truncated")

        duration_ms = d.pop("duration_ms")

        violations = cast(list[str], d.pop("violations"))

        def _parse_api(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api = _parse_api(d.pop("api", UNSET))

        def _parse_operation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operation = _parse_operation(d.pop("operation", UNSET))

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_fault(data: object) -> JournalEntryFaultType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fault_type_0 = JournalEntryFaultType0.from_dict(data)

                return fault_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JournalEntryFaultType0 | None | Unset, data)

        fault = _parse_fault(d.pop("fault", UNSET))

        def _parse_response_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_body = _parse_response_body(d.pop("response_body", UNSET))

        journal_entry = cls(
            seq=seq,
            time=time,
            mock_time=mock_time,
            method=method,
            path=path,
            query=query,
            headers=headers,
            body_size=body_size,
            body_truncated=body_truncated,
            duration_ms=duration_ms,
            violations=violations,
            api=api,
            operation=operation,
            body=body,
            status=status,
            fault=fault,
            response_body=response_body,
        )

        journal_entry.additional_properties = d
        return journal_entry

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
