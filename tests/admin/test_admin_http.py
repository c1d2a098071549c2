"""The admin API under /_mock/: health, reset, seed, clock (over the in-process app)."""

from __future__ import annotations

import logging

from tests.conftest import START


async def test_health(client):
    response = await client.get("/_mock/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_clock_reads_the_mock_time(client):
    assert (await client.get("/_mock/clock")).json() == {"now": START, "frozen": True}


async def test_clock_advances_and_jumps(client, state):
    moved = await client.post("/_mock/clock", json={"advance": 90})
    assert moved.json() == {"now": START + 90, "frozen": True}
    assert state.clock.now() == START + 90
    jumped = await client.post("/_mock/clock", json={"now": 1_800_000_000})
    assert jumped.json()["now"] == 1_800_000_000


async def test_a_thawed_clock_ticks_from_where_it_was(client, state):
    response = await client.post("/_mock/clock", json={"frozen": False})
    assert response.json()["frozen"] is False
    assert START <= state.clock.now() < START + 5


async def test_clock_refuses_nonsense(client, state):
    for body in ({"advance": -1}, {"advance": 1, "now": 5}, {}, {"advance": "soon"}, {"x": 1}):
        response = await client.post("/_mock/clock", json=body)
        assert response.status_code == 400, body
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 400
    assert state.clock.now() == START


async def test_malformed_json_is_a_400_problem(client):
    response = await client.post(
        "/_mock/clock", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["title"] == "Bad Request"


async def test_seed_refuses_unknown_sections_and_changes_nothing(client, state):
    response = await client.post("/_mock/seed", json={"preservica": {}, "typo": {}})
    assert response.status_code == 400
    assert "typo" in response.json()["detail"]


async def test_unknown_route_is_a_404_problem(client):
    response = await client.get("/_mock/nothing-here")
    assert response.status_code == 404
    assert response.json()["status"] == 404


async def test_a_body_that_is_not_utf8_is_a_400_problem(client, state):
    response = await client.post(
        "/_mock/clock", content=b'{"advance": "\xff"}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]
    assert state.clock.now() == START


async def test_seed_timestamps_outside_the_years_datetime_renders_are_a_400(client):
    # Found by the deep contract run: year 0 was accepted, then crashed the rendering (500).
    response = await client.post(
        "/_mock/preservica/monitors", json={"started": "0000-01-01T00:00:00"}
    )
    assert response.status_code == 400
    # The pattern's years with a zone offset can name a time in 1899 or 3000 (UTC), which
    # is how a held time is written: a snapshot holding it could not be loaded again.
    for beyond in ("2999-12-31T23:59:60-23:59", "1900-01-01T00:00:00+00:01"):
        response = await client.post("/_mock/preservica/monitors", json={"started": beyond})
        assert response.status_code == 400, beyond
        assert "1900 to 2999 (UTC)" in response.json()["detail"]
    edge = {
        "started": "2999-12-31T23:59:59.999Z",
        "timeseries": [{"timestamp": "1900-01-01t00:00:00Z"}],
    }
    created = await client.post("/_mock/preservica/monitors", json=edge)
    assert created.status_code == 201, created.text
    assert created.json()["started"] == "2999-12-31T23:59:59.999Z"
    snapshot = (await client.get("/_mock/snapshot")).json()
    assert (await client.post("/_mock/reset")).status_code == 204
    reloaded = await client.post("/_mock/seed", json=snapshot)
    assert reloaded.status_code == 201, reloaded.text


async def test_a_seed_body_of_either_type_logs_no_warning(client, caplog):
    # POST /_mock/seed takes JSON or YAML by design: connexion's per-request warning about
    # an operation with several body types is filtered out (mock_server._connexion.apps).
    with caplog.at_level(logging.WARNING, logger="connexion"):
        assert (await client.post("/_mock/seed", json={})).status_code == 201
        yaml_body = {"content": b"{}", "headers": {"content-type": "application/yaml"}}
        assert (await client.post("/_mock/seed", **yaml_body)).status_code == 201
    assert not [r for r in caplog.records if "multiple content types" in r.getMessage()]
