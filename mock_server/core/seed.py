"""Seed documents: the ``--seed FILE`` format, the body of ``POST /_mock/seed``, and the
demo data set the server starts with.

The document's schema is ``SeedDocument`` in ``specs/mock_admin.yaml``: a file given on
the command line is checked against the very schema the admin API validates with.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from connexion.json_schema import Draft4RequestValidator

from mock_server.core.errors import InvalidInput
from mock_server.core.numbers import loads_finite
from mock_server.core.state import MockState

_PACKAGE = Path(__file__).parents[1]  # mock_server/, which holds data/ and specs/
DATA_DIR = _PACKAGE / "data"
DEMO_SEED = DATA_DIR / "demo_seed.yaml"
ADMIN_SPEC = _PACKAGE / "specs" / "mock_admin.yaml"


@cache
def _seed_validator() -> Draft4RequestValidator:
    spec = yaml.safe_load(ADMIN_SPEC.read_text())
    schema = {"$ref": "#/components/schemas/SeedDocument", "components": spec["components"]}
    return Draft4RequestValidator(schema)


def validate_seed(document: Any) -> dict[str, Any]:
    """Check a seed document against the admin spec's schema; raise ``InvalidInput``."""
    errors = sorted(_seed_validator().iter_errors(document), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(document)"
        raise InvalidInput(f"seed document invalid at {where}: {errors[0].message}")
    return document


def read_seed_file(path: Path) -> dict[str, Any]:
    text = Path(path).read_text()
    document = loads_finite(text) if Path(path).suffix == ".json" else yaml.safe_load(text)
    return validate_seed(document or {})


def load_initial_data(state: MockState) -> None:
    """What a fresh server holds: the ``--state`` file when it exists, else the ``--seed``
    file, the demo set, or nothing."""
    state_file = state.config.state_file
    if state_file is not None and Path(state_file).is_file():
        state.load_seed(read_seed_file(state_file))
        return
    if state.config.empty:
        return
    state.load_seed(read_seed_file(state.config.seed or DEMO_SEED))


def write_state(state: MockState, path: Path) -> None:
    """Write the state as a seed document (YAML for a ``.yaml``/``.yml`` file, else JSON),
    atomically: a reader, or a crash halfway, never sees half a file."""
    path = Path(path)
    document = state.export_seed()
    if path.suffix in (".yaml", ".yml"):
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    else:
        text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
