"""Seed documents: the ``--seed FILE`` format, the body of ``POST /_mock/seed``, and the
demo data set the server starts with.

The document's schema is ``SeedDocument`` in ``specs/mock_admin.yaml``: a file given on
the command line is checked against the very schema the admin API validates with.

A seed comes from people's editors, so every refusal names where the problem is: the
file, the line and column, and the path inside the document (``SeedError``), whether the
text does not parse, breaks the schema or is refused by a backend.

YAML is read as plain data only (``read_yaml``): libyaml's parser when PyYAML has it (about
four times as fast as the pure-Python one), every tag outside JSON's types refused
(Python objects included: ``!!python/...`` never constructs anything), timestamps kept as
the text written, duplicate keys refused, and aliases bounded: a document whose aliases
would expand it more than tenfold (a "billion laughs" of a few hundred bytes reads as
gigabytes to anything that walks it) is refused before anything walks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from mock_server.core.errors import InvalidInput, MockError, quoted
from mock_server.core.numbers import loads_finite, refuse_non_finite
from mock_server.core.specs import spec_document

if TYPE_CHECKING:
    from mock_server.core.state import MockState

_PACKAGE = Path(__file__).parents[1]  # mock_server/, which holds data/ and specs/
DATA_DIR = _PACKAGE / "data"
DEMO_SEED = DATA_DIR / "demo_seed.yaml"

#: What aliases may add to a document: at most this many times its own nodes, plus
#: ``ALIAS_ALLOWANCE`` (a small document may share a block a few thousand times).
ALIAS_FACTOR = 10
ALIAS_ALLOWANCE = 10_000

#: The YAML parser: libyaml's when PyYAML was built with it.
FAST_YAML = hasattr(yaml, "CSafeLoader")
_BaseLoader: type = yaml.CSafeLoader if FAST_YAML else yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
#: The tags a seed may hold: JSON's types, and YAML's merge key (``<<: *defaults``).
#: A timestamp (an unquoted ``2025-01-01T10:00:00``) is read as the text written.
_PLAIN_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge")
)
_TIMESTAMP = _TAG + "timestamp"


class _SeedLoader(_BaseLoader):
    """PyYAML's safe loader, with timestamps read as text (a seed's dates are strings)."""


_SeedLoader.add_constructor(_TIMESTAMP, yaml.SafeLoader.construct_yaml_str)


class SeedError(InvalidInput):
    """A seed document refused, in one line: ``file:line:column: path: problem``.

    ``source`` is the file (none for a request body: the line and column then read
    "line L, column C"); ``line`` and ``column`` count from 1; ``path`` is where in the
    document, as ``preservica.monitors[2].status``.
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        self.problem = problem
        self.source = source
        self.line = line
        self.column = column
        self.path = path
        super().__init__(_one_line(problem, source, line, column, path))


def _one_line(
    problem: str, source: str | None, line: int | None, column: int | None, path: str | None
) -> str:
    where = []
    if source is not None:
        where.append(source if line is None else f"{source}:{line}:{column}")
    elif line is not None:
        where.append(f"line {line}, column {column}")
    if path:
        where.append(path)
    text = " ".join(problem.split())  # one line, whatever the message held
    return ": ".join([*where, text])


# --- reading --------------------------------------------------------------------------------


class Locator(Protocol):
    """Finds where a path of the document is written: (line, column) from 1, or None;
    with ``key``, where the last step's key is written rather than its value."""

    def __call__(
        self, path: Sequence[str | int], *, key: bool = False
    ) -> tuple[int, int] | None: ...


def _nowhere(path: Sequence[str | int], *, key: bool = False) -> None:
    return None


def read_yaml(text: str, source: str | None = None) -> tuple[Any, Locator]:
    """Plain data from YAML text, and a locator over it; ``SeedError`` for anything else."""
    loader = _SeedLoader(text)
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return None, _nowhere
            _check_nodes(node, source)
            document = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(filter(None, (error.context, error.problem)))
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise SeedError(problem or "not YAML", source=source, line=line, column=column) from None
    except yaml.YAMLError as error:
        raise SeedError(f"not YAML: {error}", source=source) from None
    except RecursionError:
        raise SeedError("nested too deeply", source=source) from None
    return document, _node_locator(node)


def read_json(text: str, source: str | None = None) -> tuple[Any, Locator]:
    """Data from JSON text (no NaN or infinities), and a locator that finds a path when
    asked (by reading the text again as YAML, which JSON nearly always is)."""
    try:
        document = loads_finite(text)
    except json.JSONDecodeError as error:
        raise SeedError(error.msg, source=source, line=error.lineno, column=error.colno) from None
    except ValueError as error:
        raise SeedError(str(error), source=source) from None
    except RecursionError:
        raise SeedError("nested too deeply", source=source) from None

    def locate(path: Sequence[str | int], *, key: bool = False) -> tuple[int, int] | None:
        try:
            _, located = read_yaml(text)
        except SeedError:
            return None
        return located(path, key=key)

    return document, locate


def parse_seed(
    text: str | bytes, *, yaml_text: bool, source: str | None = None
) -> tuple[dict[str, Any], Locator]:
    """A seed document (not validated yet) from JSON or YAML text, with its locator."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SeedError(
                f"not UTF-8 text (byte {error.start} is {text[error.start]:#04x})", source=source
            ) from None
    document, locate = read_yaml(text, source) if yaml_text else read_json(text, source)
    if document is None:
        return {}, locate
    if not isinstance(document, dict):
        raise SeedError(
            "a seed document is a mapping of sections (clock, preservica, monitor_server, "
            f"aepublish), not a {type(document).__name__}",
            source=source,
            line=1,
            column=1,
        )
    return document, locate


def _check_nodes(root: yaml.Node, source: str | None) -> None:
    """Refuse what is not plain data (tags), duplicate keys, recursive aliases, and
    aliases that expand the document more than ``ALIAS_FACTOR`` times.

    Walked without recursion, each node once: ``expanded`` counts a node shared through
    aliases once per use, which is what anything walking the data would meet.
    """
    expanded: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            continue
        if key in expanded:
            continue
        if key in open_nodes:
            _refuse(node, source, "an alias refers to a node that holds it (a recursive document)")
        if node.tag != _TIMESTAMP and node.tag not in _PLAIN_TAGS:
            shown = node.tag.replace(_TAG, "!!")
            _refuse(node, source, f"the tag {shown} is not allowed (a seed holds plain data)")
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node, source)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in expanded)
    distinct = len(expanded)
    total = expanded[id(root)]
    if total > ALIAS_FACTOR * distinct + ALIAS_ALLOWANCE:
        raise SeedError(
            f"its aliases expand this document of {distinct:,} nodes to {total:,}: refused "
            f"(aliases may expand a seed at most {ALIAS_FACTOR} times, plus "
            f"{ALIAS_ALLOWANCE:,} nodes)",
            source=source,
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _refuse_duplicate_keys(node: yaml.MappingNode, source: str | None) -> None:
    seen: set[tuple[str, str]] = set()
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.tag != _TAG + "merge":
            identity = (key.tag, key.value)
            if identity in seen:
                _refuse(key, source, f"the key {key.value!r} appears twice in this mapping")
            seen.add(identity)


def _refuse(node: yaml.Node, source: str | None, problem: str) -> None:
    mark = node.start_mark
    raise SeedError(problem, source=source, line=mark.line + 1, column=mark.column + 1)


def _node_locator(root: yaml.Node) -> Locator:
    def locate(path: Sequence[str | int], *, key: bool = False) -> tuple[int, int] | None:
        node = root
        for last, step in enumerate(path, start=1 - len(path)):
            found = None
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == step), None)
                if pair is not None:
                    found = pair[0] if key and last == 0 else pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                found = node.value[step] if 0 <= step < len(node.value) else None
            if found is None:  # not written (a default, a missing key): where its parent is
                break
            node = found
        return node.start_mark.line + 1, node.start_mark.column + 1

    return locate


# --- validating and loading -----------------------------------------------------------------


@cache
def _validator(schema: str) -> Any:
    # connexion's validator, the very one the admin API checks its bodies with (it knows
    # OpenAPI's `nullable` and `readOnly`); imported here, not at the top, so reading a
    # seed needs connexion only once something validates one.
    from mock_server import import_app_module

    Draft4RequestValidator = import_app_module("connexion.json_schema").Draft4RequestValidator
    components = spec_document("admin")["components"]
    return Draft4RequestValidator(
        {"$ref": f"#/components/schemas/{schema}", "components": components}
    )


def dotted(path: Sequence[str | int]) -> str:
    """``["preservica", "monitors", 2, "status"]`` -> ``preservica.monitors[2].status``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


#: What ``schema_error`` found valid, by schema and digest of the value's ``repr`` (which
#: tells a list from a tuple, 1 from 1.0 and True, "1" from 1, NaN from null): a test suite
#: loads the same seed before every test, and JSON Schema in Python takes milliseconds
#: over it.
_VALID: set[tuple[str, bytes]] = set()
_VALID_KEPT = 256


def _digest(value: Any) -> bytes | None:
    try:
        text = repr(value)
    except RecursionError:  # too deep to write: checked every time (and refused)
        return None
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def schema_error(
    document: Any, schema: str = "SeedDocument"
) -> tuple[list[str | int], str, bool] | None:
    """The first place ``document`` breaks the admin spec's ``schema``, or None: (path,
    message, whether the path ends at a key that should not be there). A document found
    valid once is not checked again.

    An unknown key is reported at that key, not at the mapping holding it.
    """
    digest = _digest(document)
    if digest is not None and (schema, digest) in _VALID:
        return None
    errors = sorted(_validator(schema).iter_errors(document), key=lambda e: list(e.path))
    if not errors:
        if digest is not None:
            if len(_VALID) >= _VALID_KEPT:
                _VALID.clear()
            _VALID.add((schema, digest))
        return None
    error = errors[0]
    path = list(error.path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        unknown = sorted(k for k in error.instance if k not in known)
        if unknown:
            return [*path, unknown[0]], f"unknown key {quoted(unknown[0])} (not in {schema})", True
    # jsonschema writes the value whole into its message: a few hundred characters of it.
    message = error.message.replace(repr(error.instance), quoted(error.instance), 1)
    return path, message, False


def validate_seed(document: Any) -> dict[str, Any]:
    """Check a seed document against the admin spec's schema; raise ``InvalidInput``."""
    found = schema_error(document)
    if found is not None:
        path, message, _ = found
        raise InvalidInput(f"seed document invalid at {dotted(path) or '(document)'}: {message}")
    return document


def check_schema(value: Any, schema: str, where: str) -> Any:
    """Check ``value`` (a part of a seed, or what a backend is handed) against the admin
    spec's ``schema``, and refuse a non-finite number anywhere in it (JSON Schema's bounds
    let NaN through); raise ``InvalidInput`` naming the place (``where`` first) and the
    rule it breaks."""
    refuse_non_finite(value, where)
    found = schema_error(value, schema)
    if found is not None:
        path, message, _ = found
        steps = [quoted(s, 40) if isinstance(s, str) and len(s) > 40 else s for s in path]
        raise InvalidInput(f"{dotted([where, *steps])}: {message}")
    return value


#: A backend's refusal starts with the path it refers to: ``aepublish.definitions[0].x``.
_REFUSED_AT = re.compile(
    r"^(?:\(document\)\.)?((?:clock|preservica|monitor_server|aepublish)(?:\.\w+|\[\d+\])*)"
    r"(?::\s*|\s+)(.*)$",
    re.DOTALL,
)


def _split_path(text: str) -> list[str | int]:
    return [int(i) if i else k for k, i in re.findall(r"(\w+)|\[(\d+)\]", text)]


def located(error: MockError, locate: Locator, source: str | None) -> MockError:
    """``error`` (a backend's refusal of a seed) again, its detail in one line naming
    where in the text the path it begins with is written: a ``SeedError`` for an
    ``InvalidInput``, else the same class (the same status over HTTP)."""
    match = _REFUSED_AT.match(error.detail)
    path, problem = (match.group(1), match.group(2)) if match else (None, error.detail)
    place = locate(_split_path(path)) if path else None
    line, column = place if place else (None, None)
    if type(error) is InvalidInput:
        return SeedError(problem, source=source, line=line, column=column, path=path)
    detail = _one_line(problem, source, line, column, path)
    return type(error)(detail, body=error.body, **error.extra)


def check_seed(document: dict[str, Any], locate: Locator, source: str | None = None) -> None:
    """Validate against the schema, raising ``SeedError`` at the place of the first error."""
    found = schema_error(document)
    if found is None:
        return
    path, message, at_key = found
    place = locate(path, key=at_key)
    line, column = place if place else (None, None)
    raise SeedError(
        message, source=source, line=line, column=column, path=dotted(path) or "(document)"
    )


def load_seed_text(
    state: MockState, text: str | bytes, *, yaml_text: bool, source: str | None = None
) -> dict[str, dict[str, int]]:
    """Parse, validate and load a seed document; every refusal in one line naming where."""
    document, locate = parse_seed(text, yaml_text=yaml_text, source=source)
    check_seed(document, locate, source)
    try:
        return state.load_seed(document)
    except MockError as error:
        raise located(error, locate, source) from None


def _is_yaml(path: Path) -> bool:
    return path.suffix != ".json"


def _read(path: Path) -> str | bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SeedError(error.strerror or str(error), source=str(path)) from None


def read_seed_file(path: Path) -> dict[str, Any]:
    """A seed file's document, validated; ``SeedError`` (one line, naming where) if not."""
    path = Path(path)
    document, locate = parse_seed(_read(path), yaml_text=_is_yaml(path), source=str(path))
    check_seed(document, locate, str(path))
    return document


def load_seed_file(state: MockState, path: Path) -> dict[str, dict[str, int]]:
    """Load a seed file into ``state``; ``SeedError`` (or the backend's refusal, located)
    naming the file, line, column and path of the problem."""
    path = Path(path)
    return load_seed_text(state, _read(path), yaml_text=_is_yaml(path), source=str(path))


def load_initial_data(state: MockState) -> None:
    """What a fresh server holds: the ``--state`` file when it exists, else the ``--seed``
    file, the demo set, or nothing."""
    state_file = state.config.state_file
    if state_file is not None and Path(state_file).is_file():
        load_seed_file(state, state_file)
        return
    if state.config.empty:
        return
    load_seed_file(state, state.config.seed or DEMO_SEED)


def write_state(state: MockState, path: Path) -> None:
    """Write the state as a seed document (YAML for a ``.yaml``/``.yml`` file, else JSON),
    atomically: a reader, or a crash halfway, never sees half a file."""
    path = Path(path)
    document = state.export_seed()
    if path.suffix in (".yaml", ".yml"):
        dumper = yaml.CSafeDumper if FAST_YAML else yaml.SafeDumper
        text = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True)
    else:
        text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
