"""Seed documents read safely, and refused in one line naming where: the file, the line and
column, the path in the document."""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from mock_server.core import seed
from mock_server.core.config import MockConfig
from mock_server.core.errors import Conflict, InvalidInput
from mock_server.core.seed import SeedError, load_seed_file, parse_seed, read_seed_file
from mock_server.core.state import MockState

#: 9 levels of 9 aliases each: 342 bytes that read as ~490 million nodes.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return path


def refusal(path) -> SeedError:
    with pytest.raises(SeedError) as refused:
        load_seed_file(MockState(MockConfig(empty=True)), path)
    assert "\n" not in str(refused.value)
    return refused.value


def test_the_c_loader_is_used_when_pyyaml_has_it():
    assert seed.FAST_YAML is hasattr(yaml, "CSafeLoader")
    if seed.FAST_YAML:
        assert issubclass(seed._SeedLoader, yaml.CSafeLoader)


def test_yaml_that_does_not_parse(tmp_path):
    path = write(tmp_path, "s.yaml", "preservica:\n  users: [\n    {username: a\n")
    error = refusal(path)
    assert str(error).startswith(f"{path}:4:1: ")
    assert (error.line, error.column) == (4, 1)


def test_json_that_does_not_parse(tmp_path):
    path = write(tmp_path, "s.json", '{"preservica": {\n  "users": [}\n}')
    assert str(refusal(path)) == f"{path}:2:13: Expecting value"


def test_json_with_nan(tmp_path):
    path = write(tmp_path, "s.json", '{"clock": {"now": NaN}}')
    assert str(refusal(path)) == f"{path}: NaN is not a JSON number (RFC 8259)"


def test_schema_error_names_the_path_and_where_it_is(tmp_path):
    path = write(
        tmp_path,
        "s.yaml",
        "preservica:\n  monitors:\n    - name: one\n    - name: two\n      status: Nope\n",
    )
    error = refusal(path)
    assert str(error).startswith(f"{path}:5:15: preservica.monitors[1].status: 'Nope' is not one")
    assert error.path == "preservica.monitors[1].status"


def test_an_unknown_key_is_pointed_at(tmp_path):
    path = write(tmp_path, "s.yaml", "preservica:\n  monitors:\n    - name: x\n      nmae: y\n")
    assert str(refusal(path)) == (
        f"{path}:4:7: preservica.monitors[0].nmae: unknown key 'nmae' (not in SeedDocument)"
    )


def test_a_schema_error_in_json_is_located_too(tmp_path):
    path = write(
        tmp_path, "s.json", '{"preservica": {\n "users": [{"username": "a",\n "password": 1}]}}'
    )
    assert str(refusal(path)) == (
        f"{path}:3:14: preservica.users[0].password: 1 is not of type 'string'"
    )


def test_a_backends_refusal_is_located_by_the_path_it_names(tmp_path):
    path = write(
        tmp_path,
        "s.yaml",
        "preservica:\n  users:\n    - {username: a, password: b}\n"
        "    - {username: a, password: c}\n",
    )
    error = refusal(path)
    assert str(error) == f"{path}:3:5: preservica.users: user ('TEST', 'a') appears twice"
    assert (error.line, error.column, error.path) == (3, 5, "preservica.users")


def test_a_conflict_keeps_its_kind(tmp_path):
    path = write(
        tmp_path,
        "s.yaml",
        "aepublish:\n  definitions: [{path: a/b}]\n  faults:\n"
        "    - {id: f1, definition: a/b, delay: 1}\n    - {id: f1, definition: a/b, delay: 2}\n",
    )
    with pytest.raises(Conflict) as refused:
        load_seed_file(MockState(MockConfig(empty=True)), path)
    assert str(refused.value) == f"{path}:4:12: aepublish.faults[0].id: a fault 'f1' exists already"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("preservica: !!python/object/apply:os.system [echo]\n", "!!python/object/apply:os.system"),
        ("preservica: !!python/name:os.system\n", "!!python/name:os.system"),
        ("clock: !custom {now: 1}\n", "!custom"),
        ("clock: !!binary aGk=\n", "!!binary"),
        ("aepublish: !!set {a: null}\n", "!!set"),
    ],
)
def test_tags_beyond_plain_data_are_refused(tmp_path, text, shown):
    path = write(tmp_path, "s.yaml", text)
    assert str(refusal(path)) == (
        f"{path}:1:{text.index('!') + 1}: the tag {shown} is not allowed (a seed holds plain data)"
    )


def test_a_billion_laughs_is_refused_at_once(tmp_path):
    path = write(tmp_path, "laughs.yaml", BILLION_LAUGHS)
    assert path.stat().st_size < 500
    began = time.monotonic()
    error = refusal(path)
    assert time.monotonic() - began < 1
    assert str(error).startswith(f"{path}: its aliases expand this document of 28 nodes to ")
    assert "490,329,064" in str(error)


def test_a_recursive_alias_is_refused(tmp_path):
    path = write(tmp_path, "s.yaml", "clock: &loop {frozen: true, again: *loop}\n")
    assert "a recursive document" in str(refusal(path))


def test_aliases_that_share_a_little_are_fine(tmp_path):
    # One message block shared by 50 monitors, merged into each: what people use them for.
    monitors = "".join(f"    - {{<<: *m, name: m{i}}}\n" for i in range(50))
    text = (
        "defaults: &m {category: Ingest, status: Running, messages: "
        "[{status: Info, displayMessage: hello}]}\n"
    )
    document, _ = parse_seed(text + "preservica:\n  monitors:\n" + monitors, yaml_text=True)
    document.pop("defaults")
    state = MockState(MockConfig(empty=True))
    assert state.load_seed(document)["preservica"]["monitors"] == 50


def test_a_key_written_twice_is_refused(tmp_path):
    path = write(tmp_path, "s.yaml", "preservica: {}\nmonitor_server: {}\npreservica: {}\n")
    assert str(refusal(path)) == f"{path}:3:1: the key 'preservica' appears twice in this mapping"


def test_an_unquoted_timestamp_is_the_text_written(tmp_path):
    path = write(
        tmp_path,
        "s.yaml",
        "monitor_server:\n  sessions:\n"
        "    - {session_h: 0041724f00000000000000000000000000000000, run_date: 2024-05-01T10:00:00,"
        " description: {}}\n",
    )
    document = read_seed_file(path)
    assert document["monitor_server"]["sessions"][0]["run_date"] == "2024-05-01T10:00:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "a seed document is a mapping of sections"),
        ("---\na: 1\n---\nb: 2\n", "expected a single document"),
    ],
)
def test_a_document_that_is_not_one_mapping(tmp_path, text, expected):
    assert expected in str(refusal(write(tmp_path, "s.yaml", text)))


def test_an_empty_file_is_an_empty_seed(tmp_path):
    assert read_seed_file(write(tmp_path, "s.yaml", "# nothing yet\n")) == {}


def test_text_that_is_not_utf8(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"clock: {now: \xff}\n")
    assert str(refusal(path)) == f"{path}: not UTF-8 text (byte 13 is 0xff)"


def test_a_file_that_cannot_be_read(tmp_path):
    assert str(refusal(tmp_path)) == f"{tmp_path}: Is a directory"


def test_validate_seed_still_raises_invalid_input():
    with pytest.raises(InvalidInput, match=r"seed document invalid at preservica\.users"):
        seed.validate_seed({"preservica": {"users": "nobody"}})
    assert seed.validate_seed({}) == {}


def test_the_demo_seed_reads_cleanly():
    document = read_seed_file(seed.DEMO_SEED)
    assert {"preservica", "monitor_server", "aepublish"} <= set(document)


# --- aliases of any count and depth (hypothesis) --------------------------------------------


def laughs(levels: int, fan_out: int) -> tuple[str, int]:
    """A document of ``levels`` anchored lists, each holding ``fan_out`` aliases of the one
    before, and the number of nodes it expands to."""
    lines = [f"l0: &l0 [{', '.join(['x'] * fan_out)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * fan_out)}]" for i in range(1, levels + 1)]
    # Each level's list: 1 node plus fan_out of the level below; l0's scalars are 1 each.
    sizes = [1 + fan_out]
    for _ in range(levels):
        sizes.append(1 + fan_out * sizes[-1])
    keys = levels + 1
    return "\n".join(lines) + "\n", 1 + keys + sum(sizes)


@given(levels=st.integers(0, 12), fan_out=st.integers(1, 12))
def test_aliases_of_any_count_are_read_or_refused_at_once(levels, fan_out):
    text, expanded = laughs(levels, fan_out)
    began = time.monotonic()
    try:
        document, _ = parse_seed(text, yaml_text=True)
    except InvalidInput as refused:
        assert "its aliases expand this document" in str(refused)
        assert f"to {expanded:,}:" in str(refused)
        refused_it = True
    else:
        assert len(document) == levels + 1
        refused_it = False
    assert time.monotonic() - began < 1
    distinct = 1 + (levels + 1) * 2 + fan_out  # the mapping, keys and lists, l0's scalars
    bound = seed.ALIAS_FACTOR * distinct + seed.ALIAS_ALLOWANCE
    assert refused_it == (expanded > bound), (expanded, bound)


def test_check_schema_names_the_place_and_keeps_no_value_it_refused():
    with pytest.raises(InvalidInput, match=r"^definition\.unique\[0\]: '' should be non-empty"):
        seed.check_schema({"path": "p", "unique": [""]}, "ObservationDefinition", "definition")
    # A value found valid is not checked again; a different one, however alike, is.
    assert seed.check_schema({"path": "p", "unique": ["a"]}, "ObservationDefinition", "d")
    with pytest.raises(InvalidInput, match="is not of type 'array'"):
        seed.check_schema({"path": "p", "unique": ("a",)}, "ObservationDefinition", "d")
    assert seed.check_schema({"path": "p", "unique_window": None}, "ObservationDefinition", "d")
    with pytest.raises(InvalidInput, match="not a JSON number"):
        seed.check_schema(
            {"path": "p", "unique_window": float("nan")}, "ObservationDefinition", "d"
        )
    with pytest.raises(InvalidInput, match="is not of type 'integer'"):
        seed.check_schema({"path": "p", "unique_window": 1.5}, "ObservationDefinition", "d")
