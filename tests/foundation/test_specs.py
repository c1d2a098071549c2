"""Each spec is valid OpenAPI 3.0.3, and every example in it fits its own schema."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from tests.foundation.spec_examples import example_errors, examples_with_schemas

SPECS = sorted((Path(__file__).parents[2] / "specs").glob("*.yaml"))
SPEC_IDS = [p.stem for p in SPECS]


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def test_all_four_specs_are_present():
    assert SPEC_IDS == ["aepublish", "mock_admin", "monitor_server", "preservica_monitor"]


@pytest.mark.parametrize("path", SPECS, ids=SPEC_IDS)
def test_spec_is_valid_openapi_3_0_3(path):
    spec = load(path)
    assert spec["openapi"] == "3.0.3"
    validate(spec)


@pytest.mark.parametrize("path", SPECS, ids=SPEC_IDS)
def test_every_operation_is_documented(path):
    spec = load(path)
    ids = []
    for route, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            assert operation.get("operationId"), f"{method} {route} has no operationId"
            assert operation.get("summary"), f"{operation['operationId']} has no summary"
            ids.append(operation["operationId"])
    assert len(ids) == len(set(ids)), "operationIds must be unique"


@pytest.mark.parametrize("path", SPECS, ids=SPEC_IDS)
def test_examples_validate_against_their_schemas(path):
    spec = load(path)
    assert list(examples_with_schemas(spec)), "a spec without examples"
    assert example_errors(spec) == []


@pytest.mark.parametrize("path", SPECS, ids=SPEC_IDS)
def test_a_wrong_example_is_caught(path):
    """The example check can fail: break the first object example and see it reported."""
    spec = load(path)
    broken = copy.deepcopy(spec)
    objects = [
        (where, value)
        for _direction, where, _schema, value in examples_with_schemas(broken)
        if isinstance(value, dict) and value
    ]
    assert objects, "every spec has at least one object example"
    where, value = objects[0]
    # A nested list fits no property of ours (none is typed "array of arrays of arrays").
    value[next(iter(value))] = [[["not what the schema says"]]]
    assert any(where.split(":")[0] in err for err in example_errors(broken)), where
