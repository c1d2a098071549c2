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
