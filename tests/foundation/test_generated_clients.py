"""Each generated client imports and exposes one module per operation of its spec."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

SPEC_DIR = Path(__file__).parents[2] / "specs"
PACKAGES = {
    "preservica_monitor": "preservica_monitor_client",
    "monitor_server": "monitor_server_client",
    "aepublish": "aepublish_client",
    "mock_admin": "mock_admin_client",
}


def operations(spec_name: str) -> list[tuple[str, str]]:
    """(tag, operationId) of every operation; the generator files each under its first tag."""
    spec = yaml.safe_load((SPEC_DIR / f"{spec_name}.yaml").read_text())
    return [
        ((op.get("tags") or ["default"])[0], op["operationId"])
        for item in spec["paths"].values()
        for method, op in item.items()
        if method != "parameters"
    ]


@pytest.mark.parametrize("spec_name", sorted(PACKAGES))
def test_client_has_a_function_per_operation(spec_name):
    package = PACKAGES[spec_name]
    client = importlib.import_module(package)
    assert hasattr(client, "Client") and hasattr(client, "AuthenticatedClient")
    ops = operations(spec_name)
    assert ops
    for tag, operation_id in ops:
        tag_module = tag.lower().replace("-", "_").replace(" ", "_")
        module = importlib.import_module(f"{package}.api.{tag_module}.{operation_id}")
        # sync()/asyncio() exist only where a response has a body; the _detailed pair always.
        for function in ("sync_detailed", "asyncio_detailed"):
            assert callable(getattr(module, function, None)), f"{module.__name__}.{function}"


@pytest.mark.parametrize("spec_name", sorted(PACKAGES))
def test_no_operation_is_generated_twice_or_left_over(spec_name):
    package = importlib.import_module(PACKAGES[spec_name])
    api_dir = Path(package.__file__).parent / "api"
    generated = {p.stem for p in api_dir.glob("*/*.py") if p.stem != "__init__"}
    assert generated == {operation_id for _tag, operation_id in operations(spec_name)}
