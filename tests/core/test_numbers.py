"""NaN and the infinities never get in (``mock_server.core.numbers``): JSON has no such
numbers, Python's json module reads them, and the mock's encoder relies on never meeting one."""

from __future__ import annotations

import json
import math

import httpx
import pytest

from mock_server.core.errors import InvalidInput
from mock_server.core.numbers import loads_finite, refuse_non_finite
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
