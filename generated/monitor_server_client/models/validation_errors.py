from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.validation_errors_errors import ValidationErrorsErrors


T = TypeVar("T", bound="ValidationErrors")


@_attrs_define
class ValidationErrors:
    """flask-restx's refusal of a body its model does not validate.

    Attributes:
        errors (ValidationErrorsErrors): Field (or "" for the body itself) to jsonschema's message. Example:
            {'total_time': "'x' is not of type 'number'"}.
        message (str):  Example: Input payload validation failed.
    """

    errors: ValidationErrorsErrors
    message: str

    def to_dict(self) -> dict[str, Any]:
        errors = self.errors.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "errors": errors,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.validation_errors_errors import ValidationErrorsErrors

        d = dict(src_dict)
        errors = ValidationErrorsErrors.from_dict(d.pop("errors"))

        message = d.pop("message")

        validation_errors = cls(
            errors=errors,
            message=message,
        )

        return validation_errors
