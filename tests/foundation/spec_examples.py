"""Walk an OpenAPI 3.0 document and check every example against the schema it illustrates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _deref(spec: dict, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _examples_of(spec: dict, holder: dict) -> Iterator[tuple[str, Any]]:
    if "example" in holder:
        yield "example", holder["example"]
    for name, example in (holder.get("examples") or {}).items():
        example = _deref(spec, example)
        if "value" in example:
            yield f"examples/{name}", example["value"]


def _media_examples(spec: dict, where: str, content: dict) -> Iterator[tuple[str, dict, Any]]:
    for media_type, media in content.items():
        schema = media.get("schema")
        if schema is not None:
            for name, value in _examples_of(spec, media):
                yield f"{where} {media_type} {name}", schema, value


def examples_with_schemas(spec: dict) -> Iterator[tuple[str, str, dict, Any]]:
    """Yield (direction, where, schema, example) for every example in the document.

    direction is "request" or "response": readOnly properties may not appear in requests,
    writeOnly ones not in responses.
    """
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            at = f"{method.upper()} {path}"
            for param in [*item.get("parameters", []), *operation.get("parameters", [])]:
                param = _deref(spec, param)
                for name, value in _examples_of(spec, param):
                    yield (
                        "request",
                        f"{at} parameter {param['name']} {name}",
                        param["schema"],
                        value,
                    )
            body = _deref(spec, operation.get("requestBody", {}))
            for where, schema, value in _media_examples(
                spec, f"{at} body", body.get("content", {})
            ):
                yield "request", where, schema, value
            for status, response in operation.get("responses", {}).items():
                response = _deref(spec, response)
                content = response.get("content", {})
                for where, schema, value in _media_examples(spec, f"{at} {status}", content):
                    yield "response", where, schema, value
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        if "example" in schema:
            yield "response", f"components/schemas/{name} example", schema, schema["example"]


def example_errors(spec: dict) -> list[str]:
    """Every example that does not validate against its schema, as readable lines."""
    problems = []
    for direction, where, schema, value in examples_with_schemas(spec):
        cls = OAS30WriteValidator if direction == "request" else OAS30ReadValidator
        # The root carries the components so that "#/components/..." refs resolve.
        validator = cls({"allOf": [schema], "components": spec.get("components", {})})
        for error in validator.iter_errors(value):
            problems.append(f"{where}: {error.message}")
    return problems
