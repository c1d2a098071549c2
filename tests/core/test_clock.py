"""The mock clock stays within the times the backends can write as dates: a move past the
year 3000 (or before 1970) is a 400 that changes nothing, never a later 500 on every
write."""

from __future__ import annotations

import time

import pytest

from mock_server.core.clock import EARLIEST, LATEST, LEAST_OFFSET, MOST_OFFSET, MockClock
from mock_server.core.errors import InvalidInput
from mock_server.core.specs import spec_document
from tests.conftest import START

JSON = {"content-type": "application/json"}


def test_the_bounds_are_the_years_a_date_holds():
    assert time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(LATEST)) == "2999-12-31T23:59:59"
    assert EARLIEST == 0


def test_the_seed_schema_states_the_clocks_own_bounds():
    schema = spec_document("admin")["components"]["schemas"]["ClockSeed"]
    now, offset = schema["properties"]["now"], schema["properties"]["offset"]
    assert (now["minimum"], now["maximum"]) == (EARLIEST, LATEST)
    assert (offset["minimum"], offset["maximum"]) == (LEAST_OFFSET, MOST_OFFSET)


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize(
    "move",
    [
        {"advance": 1e300},
        {"advance": 10**400},
        {"advance": float("inf")},
        {"advance": float("nan")},
        {"advance": -1},
        {"now": 1e308},
        {"now": LATEST + 1},
        {"now": -1},
        {"now": float("nan")},
        {"advance": 1, "now": 5},
        {"advance": True},
        {"frozen": "yes"},
    ],
)
def test_a_move_out_of_bounds_is_refused_and_changes_nothing(move, frozen):
    clock = MockClock(start=START, frozen=frozen)
    with pytest.raises(InvalidInput):
        clock.change(**{"frozen": not frozen, **move})
    assert clock.frozen is frozen
    assert START - 1 < clock.now() < START + 5


def test_advance_up_to_the_bound_and_not_a_second_beyond():
    clock = MockClock(start=LATEST - 10, frozen=True)
    assert clock.advance(10) == LATEST
    with pytest.raises(InvalidInput, match="year 3000"):
        clock.advance(1)
    assert clock.set(EARLIEST) == EARLIEST


def test_offset_is_bounded_as_a_seed_gives_it():
    clock = MockClock()
    for offset in (MOST_OFFSET + 1, LEAST_OFFSET - 1, 1e300, float("nan")):
        with pytest.raises(InvalidInput):
            clock.set_offset(offset)
    assert abs(clock.offset) < 5


@pytest.mark.parametrize(
    "body",
    [
        b'{"advance": 1e300}',
        b'{"now": 1e308}',
        b'{"advance": 1' + b"0" * 400 + b"}",
        b'{"now": 1' + b"0" * 400 + b"}",
        b'{"frozen": false, "advance": 1e300}',
    ],
)
async def test_over_http_the_move_is_a_400_and_the_clock_stays(client, state, body):
    answer = await client.post("/_mock/clock", content=body, headers=JSON)
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert len(answer.json()["detail"]) < 400
    assert state.clock.now() == START
    assert state.clock.frozen


@pytest.mark.parametrize(
    "section",
    [{"now": 1e308}, {"now": LATEST + 1}, {"offset": 1e300}, {"offset": MOST_OFFSET + 1}],
)
async def test_a_seed_clock_out_of_bounds_is_a_400(client, state, section):
    answer = await client.post("/_mock/seed", json={"clock": section})
    assert answer.status_code == 400, answer.text
    assert state.clock.now() == START
    with pytest.raises(InvalidInput):
        state.load_seed({"clock": section})  # --seed and --state files are checked the same
    assert state.clock.now() == START


async def test_at_the_latest_time_every_backend_still_writes(make_app):
    """The regression: a clock far in the future made every later write a 500 (its
    dates could not be written). At the bound itself each API still writes and reads."""
    import httpx

    app = make_app(empty=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        moved = await client.post("/_mock/clock", json={"now": LATEST, "frozen": True})
        assert moved.json() == {"now": LATEST, "frozen": True}
        assert (await client.post("/_mock/clock", json={"advance": 1})).status_code == 400

        monitor = await client.post(
            "/_mock/preservica/monitors",
            json={"status": "Running", "messages": [{"status": "Error"}]},
        )
        assert monitor.status_code == 201, monitor.text
        assert monitor.json()["started"] == "2999-12-31T23:59:59.000Z"
        monitor_id = monitor.json()["mappedId"]
        advanced = await client.post(
            f"/_mock/preservica/monitors/{monitor_id}/advance",
            json={"status": "Succeeded", "messages": [{"status": "Info"}]},
        )
        assert advanced.status_code == 200, advanced.text
        assert advanced.json()["completed"] == "2999-12-31T23:59:59.000Z"
        login = await client.post(
            "/api/accesstoken/login", data={"username": "test", "password": "test"}
        )
        assert login.status_code == 200
        token = {"Preservica-Access-Token": login.json()["token"]}
        messages = await client.get(
            f"/api/processmonitor/messages?monitor={monitor_id}", headers=token
        )
        assert messages.status_code == 200
        assert [m["date"][:4] for m in messages.json()["value"]["messages"]] == ["2999", "2999"]

        aims = await client.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
        assert aims.json()["authentication"]["token_expiration"] == LATEST + 6 * 3600
        published = await client.post(
            "/aepublish/v1/2/observation",
            json=[{"definition": "host/agent/heartbeat"}],
            headers={"X-AIMS-Auth-Token": aims.json()["authentication"]["token"]},
        )
        assert published.status_code == 200, published.text
        assert published.json()["stats"]["success"] == 1

        seeded = await client.post(
            "/_mock/seed",
            json={"monitor_server": {"sessions": [{"session_h": "ab" * 20, "scm_ref": "x"}]}},
        )
        assert seeded.status_code == 201, seeded.text
        sessions = await client.get("/api/v1/sessions/?page=1")
        assert "2999-12-31T23:59:59" in sessions.text
        # A snapshot taken then loads again (its timestamps are within the seed's years).
        snapshot = await client.get("/_mock/snapshot")
        assert snapshot.status_code == 200
        assert (await client.post("/_mock/reset")).status_code == 204
        reloaded = await client.post("/_mock/seed", json=snapshot.json())
        assert reloaded.status_code == 201, reloaded.text
