"""NaN and the infinities never get in (``mock_server.core.numbers``): JSON has no such
numbers, Python's json module reads them, and the mock's encoder relies on never meeting one."""

from __future__ import annotations

import json
import math

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mock_server.core.errors import InvalidInput
from mock_server.core.numbers import MAX_DEPTH, TooDeep, loads_finite, refuse_non_finite
from mock_server.core.seed import read_seed_file
from tests.monitor_server.payloads import context_payload, hash_of

NOT_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]


@pytest.mark.parametrize("number", NOT_NUMBERS)
def test_loads_refuses_what_json_has_no_number_for(number):
    with pytest.raises(ValueError, match=number.lstrip("-")):
        loads_finite(f'{{"a": [1, {number}]}}')


def test_loads_reads_every_finite_number_as_json_does():
    text = '{"a": [0, -0.0, 1.5e300, 12345678901234567890123, 2.5e-300]}'
    assert loads_finite(text) == json.loads(text)


@pytest.mark.parametrize("number", NOT_NUMBERS)
@pytest.mark.parametrize("fast_lane", [True, False])
async def test_a_body_holding_one_is_a_400_and_stores_nothing(make_app, number, fast_lane):
    app = make_app(fast_lane=fast_lane)
    body = context_payload(hash_of("ctx"))
    text = json.dumps(body).replace('"cpu_count": 8', f'"cpu_count": {number}')
    assert number in text
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        answer = await client.post(
            "/api/v1/contexts/", content=text, headers={"content-type": "application/json"}
        )
        assert answer.status_code == 400
        assert answer.headers["content-type"] == "application/problem+json"
        if fast_lane:  # the mock names the culprit; stock connexion words it its own way
            assert number.lstrip("-") in answer.json()["detail"]
    assert app.mock_state.monitor_server.count_contexts() == {"count": 0}


def test_a_seed_holding_one_is_refused_whole(state):
    document = {
        "monitor_server": {
            "contexts": [
                {"h": hash_of("a"), "cpu_count": 8},
                {"h": hash_of("b"), "cpu_frequency": math.inf},
            ]
        }
    }
    with pytest.raises(InvalidInput, match=r"contexts\[1\]\.cpu_frequency"):
        state.load_seed(document)
    assert state.monitor_server.count_contexts() == {"count": 0}


def test_a_seed_file_holding_one_is_refused(tmp_path, state):
    path = tmp_path / "seed.yaml"
    path.write_text(
        f"monitor_server:\n  contexts:\n  - h: {hash_of('a')}\n    cpu_frequency: .nan\n"
    )
    with pytest.raises(InvalidInput):
        state.load_seed(read_seed_file(path))


def test_refuse_non_finite_passes_finite_data():
    refuse_non_finite({"a": [1, 2.5, None, "NaN", {"b": (0.0,)}]})


# --- orjson's parse, read as the json module reads it -------------------------------------


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@given(value=json_values, ensure_ascii=st.booleans())
def test_loads_gives_what_the_json_module_gives(value, ensure_ascii):
    text = json.dumps(value, ensure_ascii=ensure_ascii)
    read = loads_finite(text.encode("utf-8", "surrogatepass"))
    assert read == json.loads(text)
    assert json.dumps(read) == json.dumps(json.loads(text))  # ints stay ints, exactly


@pytest.mark.parametrize(
    "text",
    [
        "18446744073709551616",  # beyond 64 bits: orjson alone reads a float
        "-9223372036854775809",
        '"\\ud800"',  # a lone surrogate: orjson alone refuses it
        '{"a": [1, "\\udfff", 12345678901234567890123]}',
    ],
)
def test_what_orjson_reads_otherwise_is_read_as_the_json_module_reads_it(text):
    assert loads_finite(text.encode()) == json.loads(text)
    assert type(loads_finite(text.encode())) is type(json.loads(text))


@pytest.mark.parametrize("kind", ["[", '{"a": '])
def test_nesting_is_bounded_at_max_depth(kind):
    def nested(depth: int) -> bytes:
        close = "]" if kind == "[" else "}"
        inner = "" if kind == "[" else "1"
        return (kind * depth + inner + close * depth).encode()

    assert loads_finite(nested(MAX_DEPTH)) is not None
    for depth in (MAX_DEPTH + 1, 1000, 100_000):
        with pytest.raises(TooDeep):
            loads_finite(nested(depth))


def test_a_text_that_is_not_json_is_described_as_the_json_module_describes_it():
    for text in ['{"a": 1', "[1,]", "nope", ""]:
        with pytest.raises(ValueError) as refused:
            loads_finite(text.encode())
        with pytest.raises(ValueError) as described:
            json.loads(text)
        assert str(refused.value) == str(described.value)


# --- integers beyond a float's range ---------------------------------------------------------

HUGE = "1" + "0" * 400  # read by Python's json as an int no float arithmetic takes
LONGEST_FINITE = str(int(1.7e308))  # 309 digits, still a float


@pytest.mark.parametrize("number", [HUGE, f"-{HUGE}", "9" * 309])
def test_loads_refuses_integers_beyond_a_floats_range(number):
    with pytest.raises(ValueError, match=r"beyond the range of a number") as refused:
        loads_finite(f'{{"a": [1, {number}]}}')
    assert len(str(refused.value)) < 100  # the number is quoted short, not whole


def test_loads_reads_long_integers_within_range():
    assert loads_finite(f"[{LONGEST_FINITE}, -{LONGEST_FINITE}]") == [
        int(LONGEST_FINITE),
        -int(LONGEST_FINITE),
    ]


def test_a_seed_holding_a_huge_integer_is_refused_whole(state):
    document = {"preservica": {"monitors": [{"filesPending": 10**400}]}}
    with pytest.raises(InvalidInput, match=r"monitors\[0\]\.filesPending"):
        state.load_seed(document)
    assert state.preservica.list_monitors() == []


def test_a_yaml_seed_file_holding_one_is_refused(tmp_path, state):
    path = tmp_path / "seed.yaml"
    path.write_text(
        "monitor_server:\n  metrics:\n  - {session_h: a, context_h: b, item: c, "
        f"total_time: {HUGE}}}\n"
    )
    with pytest.raises(InvalidInput, match="beyond the range"):
        state.load_seed(read_seed_file(path))


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        # a metric's total_time (monitor-server), over both of its routes
        ("POST", "/api/v1/metrics/", '{"total_time": %s}'),
        # a seed, every section
        ("POST", "/_mock/seed", '{"monitor_server": {"metrics": [{"total_time": %s}]}}'),
        ("POST", "/_mock/seed", '{"preservica": {"monitors": [{"size": %s}]}}'),
        ("POST", "/_mock/seed", '{"aepublish": {"faults": [{"definition": "a", "latency": %s}]}}'),
        # Preservica monitor counters (the admin API)
        ("POST", "/_mock/preservica/monitors", '{"filesPending": %s}'),
        # an aepublish definition's window, a fault's latency
        ("POST", "/_mock/aepublish/definitions", '{"path": "a", "unique_window": %s}'),
        ("POST", "/_mock/aepublish/faults", '{"definition": "a", "latency": %s}'),
        ("POST", "/_mock/clock", '{"advance": %s}'),
    ],
)
async def test_a_huge_integer_in_a_number_field_is_a_400(make_app, method, path, body):
    app = make_app()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        before = (await client.get("/_mock/snapshot")).json()
        answer = await client.request(method, path, content=body % HUGE, headers=JSON)
        assert answer.status_code == 400, answer.text
        assert "beyond the range of a number" in answer.json()["detail"]
        assert len(answer.content) < 500
        after = (await client.get("/_mock/snapshot")).json()
    del before["clock"], after["clock"]
    assert after == before


async def test_a_huge_integer_in_an_observation_is_a_400(make_app):
    app = make_app(empty=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        aims = await client.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
        headers = {**JSON, "x-aims-auth-token": aims.json()["authentication"]["token"]}
        for observation in (
            '{"definition": "host/agent/heartbeat", "ts": %s}',
            '{"definition": "aws/guardduty/finding", "data": {"finding_id": %s}}',
        ):
            answer = await client.post(
                "/aepublish/v1/2/observation", content=f"[{observation % HUGE}]", headers=headers
            )
            assert answer.status_code == 400, answer.text
            assert "beyond the range of a number" in answer.json()["detail"]
